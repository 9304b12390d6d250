/**
 * Imports: look into a file (its sheets, where the header is, the automatic mapping, whether it
 * was imported before), import it as a job (or check it without writing: a dry run), list what
 * was imported, undo an import as a whole, and save the report of rejected rows.
 */
import { z } from 'zod';
import { accountCategories, columnMappingSchema, importKinds, villageTableKinds } from '../domain/imports/kinds';
import { pathField, textField } from '../domain/fields';
import { idInput, none } from './common';
import { defineSlice } from './define';

const yearField = z
  .number({ error: 'ปีที่สำรวจต้องเป็นตัวเลข / The survey year must be a number' })
  .int({ error: 'ปีที่สำรวจต้องเป็นจำนวนเต็ม / The survey year must be a whole number' })
  .min(2500, { error: 'ปีที่สำรวจต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700 / The survey year must be a BE year from 2500 to 2700' })
  .max(2700, { error: 'ปีที่สำรวจต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700 / The survey year must be a BE year from 2500 to 2700' });

/** A ledger category text (normalised) → the category a person chose for it, or `ignore`. */
const categoryMapSchema = z
  .record(z.string().max(200), z.enum([...accountCategories, 'ignore']))
  .refine((m) => Object.keys(m).length <= 2000, { error: 'เลือกหมวดได้ไม่เกิน 2,000 รายการ / At most 2,000 categories' });

/** The name a village table gets (กชช.2ค 2566, สำรวจปัญหาและความต้องการของผู้นำ…). */
export const tableNameField = textField({ th: 'ชื่อตาราง', en: 'Table name' }, { max: 200 });

/** What an import (or a dry run) is asked to do. */
export const importJobInputSchema = z
  .object({
    path: pathField,
    kind: z.enum(importKinds),
    /** The survey year (พ.ศ.); when absent, a title row's year or the file's year column. */
    year: yearField.nullable().default(null),
    /** The sheets to import (all of the same layout); by default the first with a header. */
    sheets: z.array(z.string().max(200)).max(100).optional(),
    /** Where the header is, when a person chose it (the sheet's row number, and 1 or 2 rows). */
    header: z.object({ firstRow: z.number().int().min(1).max(1_048_576), rows: z.union([z.literal(1), z.literal(2)]) }).strict().optional(),
    /** The columns' fields; by default the layout's remembered mapping, else the automatic one. */
    mapping: z.array(columnMappingSchema).max(16_384).optional(),
    categoryMap: categoryMapSchema.optional(),
    /** A village table's kind and name (`nrd2c` imports). */
    table: z.object({ kind: z.enum(villageTableKinds), name: tableNameField }).strict().optional(),
    /** The indicator set to read a จปฐ. file with; by default the set covering the survey year. */
    setId: z.string().max(64).optional(),
    /** Check the whole file and report, writing nothing. */
    dryRun: z.boolean().default(false),
    /** Refuse the whole file when any row is rejected. */
    strict: z.boolean().default(false),
    /** Import a file already imported again, replacing what it brought. */
    replace: z.boolean().default(false),
    /** The file must still be the one checked (its SHA-256 then), or the import is refused. */
    expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** How many problems the result lists (all are counted). */
    problemLimit: z.number().int().min(0).max(1_000_000).default(1000),
    /** How many imported records the result shows as a preview. */
    previewRows: z.number().int().min(0).max(50).default(10),
  })
  .strict();

/** A problem as the result and the command line's `--json` show it: the column as a letter. */
export const problemViewSchema = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  value: z.string().optional(),
});
/** A problem as shown. */
export type ProblemView = z.infer<typeof problemViewSchema>;

/** What an import (or a dry run) gave: the command line's `import --json` shape (DESIGN.md §6) and more. */
export const importOutcomeSchema = z.object({
  kind: z.enum(importKinds),
  file: z.string(),
  sha256: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['imported', 'dry-run', 'already-imported', 'refused']),
  rows: z.object({
    read: z.number(),
    imported: z.number(),
    rejected: z.number(),
    /** Rows passed over: blank, totals, a repeated header, villages of other tambons, ledger lines of an ignored category. */
    skipped: z.object({ blank: z.number(), totals: z.number(), repeatedHeader: z.number(), otherTambon: z.number(), ignored: z.number() }),
  }),
  problems: z.array(problemViewSchema),
  problemsTotal: z.number(),
  problemCounts: z.record(z.string(), z.number()),
  /** Why the whole file was refused (status `refused`), in both languages. */
  refusal: z.object({ th: z.string(), en: z.string() }).nullable(),
  importId: z.string().nullable(),
  /** The earlier import of the same file: the one found (`already-imported`) or replaced (`--replace`). */
  previousImportId: z.string().nullable(),
  year: z.number().nullable(),
  setId: z.string().nullable(),
  sheets: z.array(z.string()),
  encoding: z.string().nullable(),
  /** Cells read with a conversion: Thai digits, numbers stored as text, thousands separators, formulas' cached values, พ.ศ. years in ค.ศ. dates. */
  notes: z.record(z.string(), z.number()),
  /** Ledger category texts no rule placed, the most frequent first. */
  unknownCategories: z.array(z.object({ key: z.string(), text: z.string(), count: z.number() })),
  preview: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  ms: z.number(),
});
/** What an import gave. */
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** The import job: reads the file in its worker, checks every row, and writes the valid ones in one transaction. */
export const importJob = {
  title: { th: 'นำเข้าข้อมูล', en: 'An import' },
  input: importJobInputSchema,
  progress: z.object({
    phase: z.enum(['hashing', 'reading', 'writing']),
    rowsRead: z.number(),
    rowsPerSecond: z.number(),
    bytesRead: z.number(),
    totalBytes: z.number(),
  }),
  result: importOutcomeSchema,
};

/** A column of a sheet as the wizard shows it for mapping. */
export const inspectColumnSchema = z.object({
  column: z.number(),
  letter: z.string(),
  label: z.string(),
  /** A few values from the first rows (none for a personal-data column; citizen ids masked). */
  samples: z.array(z.string()),
  field: z.string(),
  /** A table column's name (`custom`). */
  name: z.string().optional(),
});

/** A sheet as the wizard shows it. */
export const inspectSheetSchema = z.object({
  name: z.string(),
  header: z.object({ firstRow: z.number(), rows: z.union([z.literal(1), z.literal(2)]) }).nullable(),
  columns: z.array(inspectColumnSchema),
  /** The first rows as they are, to choose the header by hand (personal-data cells hidden). */
  preview: z.array(z.object({ number: z.number(), cells: z.array(z.string()) })),
  yearInTitle: z.number().nullable(),
  /** Whether the mapping is the one remembered for this layout. */
  remembered: z.boolean(),
});

/** What `imports.inspect` finds in a file. */
export const inspectResultSchema = z.object({
  file: z.object({ name: z.string(), size: z.number(), sha256: z.string(), format: z.enum(['xlsx', 'csv']), encoding: z.string().nullable() }),
  kind: z.enum(importKinds),
  alreadyImported: z.object({ importId: z.string(), importedAt: z.string(), operator: z.string().nullable() }).nullable(),
  sheets: z.array(inspectSheetSchema),
  /** The indicator set the columns are matched against (`bmn`, `tpmap`), for the year given or found. */
  indicatorSet: z.object({ id: z.string(), nameTh: z.string(), nos: z.array(z.number()) }).nullable(),
  categoryMap: z.record(z.string(), z.string()),
});
/** What `imports.inspect` finds. */
export type InspectResult = z.infer<typeof inspectResultSchema>;

/** An import as the history lists it. */
export const importRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  sha256: z.string(),
  surveyYear: z.number().nullable(),
  operator: z.string().nullable(),
  importedAt: z.string(),
  rows: z.object({ read: z.number(), imported: z.number(), rejected: z.number() }),
  status: z.enum(['active', 'undone', 'replaced']),
  tableName: z.string().nullable(),
  setId: z.string().nullable(),
});
/** An import as the history lists it. */
export type ImportRecordView = z.infer<typeof importRecordSchema>;

/** The tables an import writes, which the evidence queries read. */
export const importedTables = [
  'imports',
  'bmn_households',
  'bmn_village_surveys',
  'bmn_village_indicators',
  'village_tables',
  'village_table_rows',
  'village_table_values',
  'household_account_lines',
] as const;

/** The imports' calls and job. */
export const importsSlice = defineSlice({
  capability: 'imports',
  channels: {
    'imports.inspect': {
      input: z
        .object({
          path: pathField,
          kind: z.enum(importKinds),
          year: yearField.nullable().default(null),
          sheet: z.string().max(200).optional(),
          header: z.object({ firstRow: z.number().int().min(1).max(1_048_576), rows: z.union([z.literal(1), z.literal(2)]) }).strict().optional(),
        })
        .strict(),
      output: inspectResultSchema,
      reads: ['imports', 'import_layouts', 'villages', 'indicator_sets'],
    },
    'imports.list': { input: none, output: z.array(importRecordSchema), reads: ['imports'] },
    'imports.undo': { input: idInput, output: importRecordSchema },
    /** Saves the rejected rows of an import (from the history) or of a finished dry run (its job) as an xlsx report. */
    'imports.saveReport': {
      input: z
        .object({
          source: z.union([z.object({ importId: z.string().min(1).max(100) }).strict(), z.object({ jobId: z.string().min(1).max(100) }).strict()]),
          path: pathField,
        })
        .strict(),
      output: z.object({ path: z.string(), problems: z.number() }),
    },
  },
  jobs: { import: importJob },
});
