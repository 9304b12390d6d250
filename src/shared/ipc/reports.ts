/**
 * Progress reports (รายงานความก้าวหน้า): the tambon's progress from project status and the
 * projects' progress updates (with an assessment section once grades are given), and at the
 * data center the same per tambon cluster (a district, or a group of tambons a person made) from
 * the merged packages; each as an Excel workbook and a PDF.
 */
import { z } from 'zod';
import { viewSchema } from '../domain/datacenter';
import { bilingual, pathField, textField, wholeNumberField } from '../domain/fields';
import { progressStatuses } from '../domain/progress';
import { idInput } from './common';
import { defineSlice } from './define';

/** The labels of a progress update's fields. */
export const updateLabels = {
  reportedOn: { th: 'วันที่รายงาน', en: 'Report date' },
  percent: { th: 'ร้อยละความก้าวหน้า', en: 'Percent done' },
  fundedAmount: { th: 'งบประมาณที่ได้รับ', en: 'Money received' },
  note: { th: 'บันทึกความก้าวหน้า', en: 'Progress note' },
  clusterName: { th: 'ชื่อกลุ่มตำบล', en: 'Cluster name' },
} as const;

const isoDate = (label: { th: string; en: string }) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual(`${label.th}ไม่ถูกต้อง (พิมพ์เป็น วัน/เดือน/ปี พ.ศ.)`, `${label.en} is not a valid date`) })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: bilingual(`${label.th}ไม่ถูกต้อง`, `${label.en} is not a valid date`) });

/** The fields of a progress update a person types. */
export const updateValues = z
  .object({
    reportedOn: isoDate(updateLabels.reportedOn),
    percent: wholeNumberField(updateLabels.percent, { min: 0, max: 100 }),
    status: z.enum(progressStatuses),
    fundedAmount: wholeNumberField(updateLabels.fundedAmount, { max: 10_000_000_000 }).nullable(),
    note: textField(updateLabels.note, { max: 2000, min: 0, multiline: true }),
  })
  .strict();

/** A progress update. */
export const projectUpdateSchema = z.object({
  id: z.string(),
  rev: z.number(),
  projectId: z.string(),
  reportedOn: z.string(),
  percent: z.number(),
  status: z.enum(progressStatuses),
  fundedAmount: z.number().nullable(),
  note: z.string(),
});
/** A progress update. */
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

const statusCounts = z.object({ proposed: z.number(), 'in-plan': z.number(), funded: z.number(), done: z.number() });
const totals = { projects: z.number(), byStatus: statusCounts, planned: z.number(), funded: z.number(), done: z.number(), meanPercent: z.number().nullable() };
const projectProgressSchema = z.object({
  id: z.string(),
  issueNo: z.number(),
  name: z.string(),
  status: z.enum(progressStatuses),
  planned: z.number(),
  funded: z.number(),
  percent: z.number().nullable(),
  reportedOn: z.string().nullable(),
  note: z.string().nullable(),
});
const unitSchema = z.object({ moo: z.number().nullable(), percent: z.number().nullable(), grade: z.string().nullable() });

/** The tambon's progress report as the page shows it. */
export const tambonProgressSchema = z.object({
  tambon: z.object({ code: z.string(), nameTh: z.string(), districtNameTh: z.string(), provinceNameTh: z.string() }),
  asOf: z.string(),
  issues: z.array(z.object({ issueNo: z.number(), issueNameTh: z.string(), projectList: z.array(projectProgressSchema), ...totals })),
  total: z.object(totals),
  assessment: z
    .object({ rounds: z.array(z.object({ roundLabel: z.string(), units: z.array(unitSchema), grades: z.record(z.string(), z.number()), incomplete: z.number() })) })
    .nullable(),
});

/** A cluster as the data center lists it: a district (made from the gazetteer) or a group a person made. */
export const clusterSchema = z.object({ id: z.string(), nameTh: z.string(), tambonCodes: z.array(z.string()), kind: z.enum(['district', 'custom']) });

/** The clusters' progress. */
export const clusterProgressSchema = z.object({
  view: viewSchema,
  asOf: z.string(),
  clusters: z.array(
    z.object({
      cluster: clusterSchema,
      tambons: z.array(z.object({ code: z.string(), nameTh: z.string(), districtNameTh: z.string(), seq: z.number().nullable(), ...totals })),
      total: z.object(totals),
      notReporting: z.number(),
    }),
  ),
});

/** What an export wrote. */
const exportResult = z.object({ path: z.string(), bytes: z.number(), sheets: z.array(z.string()), rows: z.number(), pages: z.number().optional() });

/** The clusters a report covers: the districts, the custom groups, or both (default). */
const clusterScope = z.enum(['all', 'district', 'custom']).default('all');

/** The reports capability's slice. */
export const reportsSlice = defineSlice({
  capability: 'reports',
  channels: {
    'reports.progress': { input: z.object({}).strict(), output: tambonProgressSchema, reads: ['projects', 'project_updates', 'strategic_issues', 'funders', 'forum_decisions'] },
    'reports.updates.list': { input: z.object({ projectId: z.string().min(1).max(100) }).strict(), output: z.array(projectUpdateSchema), reads: ['project_updates'] },
    'reports.updates.add': { input: z.object({ projectId: z.string().min(1).max(100), values: updateValues }).strict(), output: projectUpdateSchema },
    'reports.updates.remove': { input: idInput, output: projectUpdateSchema },
    'reports.updates.restore': { input: idInput, output: projectUpdateSchema },
    'reports.exportXlsx': { input: z.object({ path: pathField }).strict(), output: exportResult },
    'reports.exportPdf': { input: z.object({ path: pathField }).strict(), output: exportResult },
    'reports.clusters': { input: z.object({ view: viewSchema.default('latest'), scope: clusterScope }).strict(), output: clusterProgressSchema, reads: ['*'] },
    'reports.clusters.save': {
      input: z
        .object({
          id: z.string().max(40).optional(),
          nameTh: textField(updateLabels.clusterName, { max: 200 }),
          tambonCodes: z
            .array(z.string().regex(/^\d{6}$/, { error: bilingual('รหัสตำบลต้องเป็นตัวเลข 6 หลัก', 'A tambon code has 6 digits') }))
            .min(1, { error: bilingual('กรุณาเลือกตำบลอย่างน้อย 1 ตำบล', 'Choose at least one tambon') })
            .max(500)
            .transform((codes) => [...new Set(codes)].sort()),
        })
        .strict(),
      output: clusterSchema,
    },
    'reports.clusters.remove': { input: idInput, output: clusterSchema },
    'reports.clusters.restore': { input: idInput, output: clusterSchema },
    'reports.clusters.exportXlsx': { input: z.object({ path: pathField, view: viewSchema.default('latest'), scope: clusterScope }).strict(), output: exportResult },
    'reports.clusters.exportPdf': { input: z.object({ path: pathField, view: viewSchema.default('latest'), scope: clusterScope }).strict(), output: exportResult },
  },
});
