/**
 * Evidence: what the imported data says, per village and for the tambon — จปฐ. indicators,
 * per-capita income against the year's threshold, household-account profiles, village tables
 * and กชช.2ค grades, common issues — the indicator sets with their targets and thresholds, the
 * evidence items pinned from the dashboards, and the Excel export of any chart's numbers.
 */
import { z } from 'zod';
import { decimalField, optionalTextField, pathField, textField, wholeNumberField } from '../domain/fields';
import { indicatorSetSchema, setSettingLabels } from '../domain/evidence/indicatorSets';
import { accountCategories, villageTableKinds } from '../domain/imports/kinds';
import { idInput, none } from './common';
import { defineSlice } from './define';
import { importedTables } from './imports';

const year = z.number().int().min(2500).max(2700);
const setId = z.string().min(1).max(64);

/** One indicator's figures (see `IndicatorStat`). */
export const indicatorStatSchema = z.object({
  no: z.number(),
  inScope: z.number(),
  failing: z.number(),
  passPercent: z.number().nullable(),
  target: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});

/** A village as the evidence names it. */
export const villageRefSchema = z.object({ id: z.string(), moo: z.number(), code: z.string().nullable(), name: z.string() });

/** An import the figures come from, for an evidence item's source. */
export const sourceSchema = z.object({ importId: z.string(), fileName: z.string(), kind: z.string(), importedAt: z.string() });

/** The tables the evidence pages read. */
const evidenceReads = [...importedTables, 'villages', 'indicator_sets', 'indicator_targets', 'income_thresholds'];

/** What the จปฐ. page shows for one survey year. */
export const bmnEvidenceSchema = z.object({
  year: z.number().nullable(),
  /** Survey years with จปฐ. data (household answers or TPMAP counts), newest first. */
  years: z.array(z.number()),
  set: indicatorSetSchema.nullable(),
  tambon: z.object({ households: z.number(), indicators: z.array(indicatorStatSchema) }),
  villages: z.array(z.object({ village: villageRefSchema, source: z.enum(['households', 'aggregates']).nullable(), households: z.number(), indicators: z.array(indicatorStatSchema) })),
  worst: z.array(z.object({ no: z.number(), villages: z.array(z.object({ villageId: z.string(), moo: z.number(), failing: z.number(), inScope: z.number(), failingPercent: z.number() })) })),
  groups: z.array(z.object({ no: z.number(), nameTh: z.string(), indicators: z.array(z.number()), passPercent: z.number().nullable() })),
  sources: z.array(sourceSchema),
});
/** What the จปฐ. page shows. */
export type BmnEvidenceView = z.infer<typeof bmnEvidenceSchema>;

/** The income indicator's figures for a year. */
export const incomeEvidenceSchema = z.object({
  year: z.number().nullable(),
  setId: z.string().nullable(),
  /** The set's income indicator, or null when the set has none. */
  indicatorNo: z.number().nullable(),
  threshold: z.number().nullable(),
  withIncome: z.number(),
  withoutIncome: z.number(),
  belowThreshold: z.number().nullable(),
  bins: z.array(z.object({ from: z.number(), to: z.number().nullable(), households: z.number() })),
  median: z.number().nullable(),
  disagreements: z.array(
    z.object({
      householdId: z.string(),
      villageId: z.string(),
      moo: z.number(),
      houseCode: z.string().nullable(),
      houseNo: z.string().nullable(),
      sourceRow: z.number().nullable(),
      perCapita: z.number(),
      recorded: z.enum(['pass', 'fail']),
      recomputed: z.enum(['pass', 'fail']),
    }),
  ),
  villages: z.array(z.object({ village: villageRefSchema, withIncome: z.number(), belowThreshold: z.number().nullable(), median: z.number().nullable(), disagreements: z.number() })),
});
/** The income indicator's figures. */
export type IncomeEvidenceView = z.infer<typeof incomeEvidenceSchema>;

const categorySums = z.record(z.enum(accountCategories), z.number());
const accountSums = z.object({
  households: z.number(),
  income: z.number(),
  expense: z.number(),
  savings: z.number(),
  newDebt: z.number(),
  debtRepayment: z.number(),
  unnecessary: z.number(),
  debtBurdenPercent: z.number().nullable(),
  unnecessaryPercent: z.number().nullable(),
  householdsInDeficit: z.number(),
  householdsWithDeficitMonths: z.number(),
  householdsWithDebt: z.number(),
  householdsWithUnnecessary: z.number(),
  meanMonthsInDeficit: z.number().nullable(),
  byCategory: categorySums,
});

/** The household-account profiles of a year, summed per village and for the tambon. */
export const accountsEvidenceSchema = z.object({
  year: z.number().nullable(),
  /** Years (พ.ศ., of the lines' dates) with ledger lines, newest first. */
  years: z.array(z.number()),
  villages: z.array(accountSums.extend({ village: villageRefSchema })),
  tambon: accountSums,
  sources: z.array(sourceSchema),
});
/** The household-account profiles. */
export type AccountsEvidenceView = z.infer<typeof accountsEvidenceSchema>;

/** The village tables (กชช.2ค, the leaders' survey…): one entry per table name and year. */
export const villageTablesSchema = z.array(
  z.object({
    key: z.string(),
    kind: z.enum(villageTableKinds),
    name: z.string(),
    year: z.number().nullable(),
    columns: z.array(z.object({ column: z.number(), label: z.string(), type: z.enum(['number', 'text']) })),
    rows: z.array(z.object({ village: villageRefSchema, grade: z.number().nullable(), values: z.record(z.string(), z.union([z.number(), z.string()])) })),
    /** Villages per grade (กชช.2ค), when the table has grades. */
    grades: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), none: z.number() }).nullable(),
    sources: z.array(sourceSchema),
  }),
);
/** The village tables. */
export type VillageTablesView = z.infer<typeof villageTablesSchema>;

/** Common issues for the forum, with their titles. */
export const commonIssuesSchema = z.object({
  year: z.number().nullable(),
  accountsYear: z.number().nullable(),
  minVillages: z.number(),
  issues: z.array(
    z.object({
      key: z.string(),
      titleTh: z.string(),
      titleEn: z.string(),
      basis: z.enum(['belowTarget', 'anyFailing', 'ledgers', 'grade']),
      indicatorNo: z.number().nullable(),
      villages: z.array(z.object({ villageId: z.string(), moo: z.number(), households: z.number() })),
      households: z.number(),
    }),
  ),
});
/** Common issues. */
export type CommonIssuesView = z.infer<typeof commonIssuesSchema>;

/** A set with what a person set for it. */
export const setViewSchema = z.object({
  set: indicatorSetSchema,
  targets: z.array(z.object({ no: z.number(), target: z.number() })),
  thresholds: z.array(z.object({ year: z.number(), amount: z.number() })),
});
/** A set with its targets and thresholds. */
export type SetView = z.infer<typeof setViewSchema>;

/** The labels of an evidence item's fields. */
export const evidenceItemLabels = {
  title: { th: 'ชื่อหลักฐาน', en: 'Evidence title' },
  value: { th: 'ค่า', en: 'Value' },
  unit: { th: 'หน่วย', en: 'Unit' },
  source: { th: 'แหล่งข้อมูล', en: 'Source' },
  dataDate: { th: 'วันที่ของข้อมูล', en: 'Date of the data' },
  figure: { th: 'ตัวเลขที่ปักหมุด', en: 'Pinned figure' },
};

/** What pinning a figure as an evidence item takes. */
export const pinInputSchema = z
  .object({
    title: textField(evidenceItemLabels.title, { max: 300 }),
    valueText: textField(evidenceItemLabels.value, { max: 300 }),
    valueNumber: z.number().finite().nullable().default(null),
    unit: optionalTextField(evidenceItemLabels.unit, { max: 50 }).default(null),
    figureKey: z.string().min(1).max(200).regex(/^[\w:.-]+$/),
    villageId: z.string().min(1).max(100).nullable().default(null),
    sourceImportId: z.string().min(1).max(100).nullable().default(null),
    sourceLabel: textField(evidenceItemLabels.source, { max: 300 }),
    dataDate: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  })
  .strict();

/** An evidence item. */
export const evidenceItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  valueText: z.string(),
  valueNumber: z.number().nullable(),
  unit: z.string().nullable(),
  figureKey: z.string(),
  villageId: z.string().nullable(),
  moo: z.number().nullable(),
  sourceImportId: z.string().nullable(),
  /** Whether the import it came from has since been undone or replaced. */
  sourceUndone: z.boolean(),
  sourceLabel: z.string(),
  dataDate: z.string(),
  pinnedAt: z.string(),
});
/** An evidence item. */
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** A chart's numbers as a table, for its Excel export. */
export const exportTableInputSchema = z
  .object({
    path: pathField,
    title: z.string().min(1).max(300),
    /** A line under the title: the source and the date of the data. */
    subtitle: z.string().max(500).default(''),
    columns: z.array(z.object({ label: z.string().max(200), type: z.enum(['text', 'number', 'percent']) }).strict()).min(1).max(200),
    rows: z.array(z.array(z.union([z.string().max(2000), z.number().finite(), z.null()])).max(200)).max(10_000),
  })
  .strict();

/** The evidence capability's calls. */
export const evidenceSlice = defineSlice({
  capability: 'evidence',
  channels: {
    'evidence.bmn': { input: z.object({ year: year.optional() }).strict(), output: bmnEvidenceSchema, reads: evidenceReads },
    'evidence.income': { input: z.object({ year: year.optional() }).strict(), output: incomeEvidenceSchema, reads: evidenceReads },
    'evidence.accounts': { input: z.object({ year: year.optional() }).strict(), output: accountsEvidenceSchema, reads: evidenceReads },
    'evidence.villageTables': { input: none, output: villageTablesSchema, reads: evidenceReads },
    'evidence.commonIssues': {
      input: z.object({ year: year.optional(), minVillages: z.number().int().min(1).max(99).default(2) }).strict(),
      output: commonIssuesSchema,
      reads: evidenceReads,
    },
    'evidence.sets': { input: none, output: z.array(setViewSchema), reads: ['indicator_sets', 'indicator_targets', 'income_thresholds'] },
    'evidence.setTarget': {
      input: z.object({ setId, no: z.number().int().min(1).max(200), target: decimalField(setSettingLabels.target, { min: 0, max: 100, decimals: 1 }).nullable() }).strict(),
      output: setViewSchema,
    },
    'evidence.setThreshold': {
      input: z
        .object({
          setId,
          year: wholeNumberField(setSettingLabels.year, { min: 2500, max: 2700 }),
          amount: wholeNumberField(setSettingLabels.threshold, { min: 1, max: 10_000_000 }).nullable(),
        })
        .strict(),
      output: setViewSchema,
    },
    /** Adds a set from a JSON file (the shipped file's shape) or an Excel sheet (ข้อ, หมวด, ชื่อตัวชี้วัด, หน่วย, เป้าหมาย). */
    'evidence.addSet': {
      input: z
        .object({
          path: pathField,
          nameTh: optionalTextField({ th: 'ชื่อชุดตัวชี้วัด', en: 'Set name' }, { max: 200 }).default(null),
          fromYear: wholeNumberField({ th: 'ปีเริ่มต้น', en: 'First year' }, { min: 2500, max: 2700 }).nullable().default(null),
          toYear: wholeNumberField({ th: 'ปีสิ้นสุด', en: 'Last year' }, { min: 2500, max: 2700 }).nullable().default(null),
          incomeIndicatorNo: wholeNumberField({ th: 'ข้อของตัวชี้วัดรายได้', en: 'Income indicator number' }, { min: 1, max: 200 }).nullable().default(null),
        })
        .strict(),
      output: setViewSchema,
    },
    'evidence.removeSet': { input: z.object({ setId }).strict(), output: z.object({ setId: z.string() }) },
    'evidence.items': { input: none, output: z.array(evidenceItemSchema), reads: ['evidence_items', 'imports', 'villages'] },
    'evidence.pin': { input: pinInputSchema, output: evidenceItemSchema },
    'evidence.unpin': { input: idInput, output: evidenceItemSchema },
    'evidence.restoreItem': { input: idInput, output: evidenceItemSchema },
    'evidence.exportTable': { input: exportTableInputSchema, output: z.object({ path: z.string() }) },
  },
});
