/**
 * The data center workspace (ศูนย์ข้อมูล) of a province (2-digit code) or a district (4-digit
 * code, for the อำเภอ forum and district coordinators): its area, its trust registry, what an
 * import of a package answers, and the status of each tambon. The `--json` shapes of
 * `province import` and `province status` (DESIGN.md section 6) are these.
 */
import { z } from 'zod';
import { pathField } from './fields';

/** A province or district code. */
export const areaCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{2}|\d{4})$/, { error: 'รหัสพื้นที่ต้องเป็นรหัสจังหวัด 2 หลัก หรือรหัสอำเภอ 4 หลัก / The area code must be a 2-digit province or a 4-digit district code' });

/** The area a data center covers. */
export const areaSchema = z.object({
  code: z.string(),
  kind: z.enum(['province', 'district']),
  nameTh: z.string(),
  nameEn: z.string(),
  provinceNameTh: z.string(),
});
/** The area a data center covers. */
export type Area = z.infer<typeof areaSchema>;

/** Whether a tambon lies in an area. */
export function tambonInArea(tambonCode: string, areaCode: string): boolean {
  return /^\d{6}$/.test(tambonCode) && tambonCode.startsWith(areaCode);
}

/** What the app shows of an open data center workspace. */
export const datacenterSummarySchema = z.object({
  path: z.string(),
  workspaceId: z.string(),
  readonly: z.boolean(),
  schemaVersion: z.number(),
  area: areaSchema,
  counts: z.object({ tambonsInArea: z.number(), enrolled: z.number(), reporting: z.number(), packages: z.number(), quarantined: z.number() }),
});
/** What the app shows of an open data center workspace. */
export type DatacenterSummary = z.infer<typeof datacenterSummarySchema>;

/** What creating a data center workspace takes. */
export const createDatacenterInputSchema = z.object({ path: pathField, areaCode: areaCodeSchema }).strict();

/** An enrolled key of the trust registry. */
export const registryKeySchema = z.object({
  id: z.number(),
  tambonCode: z.string(),
  tambonNameTh: z.string(),
  keyId: z.string(),
  fingerprint: z.string(),
  validFromSeq: z.number(),
  revokedAfterSeq: z.number().nullable(),
  enrolledBy: z.enum(['enroll', 'rotation', 'replace']),
  enrolledAt: z.string(),
  operator: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Current: the key a new package of the tambon must be signed with. */
  current: z.boolean(),
});
/** An enrolled key. */
export type RegistryKey = z.infer<typeof registryKeySchema>;

/** What a package's import ended as (DESIGN.md section 6). */
export const importStatuses = ['applied', 'dry-run', 'already-imported', 'stale', 'conflict', 'refused'] as const;
/** One of {@link importStatuses}. */
export type ImportStatus = (typeof importStatuses)[number];

/** The diff of one table. */
export const tableDiffSchema = z.object({ new: z.number(), changed: z.number(), unchanged: z.number(), deleted: z.number(), rejected: z.number() });
/** The diff of one table. */
export type TableDiff = z.infer<typeof tableDiffSchema>;

/** Rejected rows of one table, grouped by reason, with examples. */
export const rejectionGroupSchema = z.object({
  table: z.string(),
  reason: z.enum(['missing-id', 'duplicate-id', 'bad-value']),
  count: z.number(),
  examples: z.array(z.object({ row: z.number(), column: z.string().nullable(), value: z.string().nullable() })),
});
/** Rejected rows of one table, grouped by reason. */
export type RejectionGroup = z.infer<typeof rejectionGroupSchema>;

/** A warning about an applied package (a table or column this build does not understand). */
export const importWarningSchema = z.object({ code: z.enum(['unknown-table', 'unknown-column', 'missing-column']), table: z.string(), column: z.string().nullable() });

/** One package's outcome. */
export const importOutcomeSchema = z.object({
  file: z.string(),
  sha256: z.string().nullable(),
  status: z.enum(importStatuses),
  tambonCode: z.string().nullable(),
  seq: z.number().nullable(),
  /** Why (English; `reasonTh` in Thai); null when applied cleanly. */
  reason: z.string().nullable(),
  reasonTh: z.string().nullable(),
  reasonCode: z.string().nullable(),
  missingSeqs: z.array(z.number()),
  tables: z.record(z.string(), tableDiffSchema),
  rejected: z.array(rejectionGroupSchema),
  warnings: z.array(importWarningSchema),
  /** Quarantined (kept with its reason) or archived. */
  kept: z.enum(['archive', 'quarantine', 'none']),
});
/** One package's outcome. */
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** Whether a batch's outcomes make `province import` exit 0: every package applied, dry-run, already imported or stale. */
export function batchSucceeded(outcomes: readonly Pick<ImportOutcome, 'status'>[]): boolean {
  return outcomes.every((o) => o.status !== 'refused' && o.status !== 'conflict');
}

/** Which packages the views show: each tambon's latest applied package, or its last accepted one. */
export const viewSchema = z.enum(['latest', 'accepted']);
/** Which packages the views show. */
export type View = z.infer<typeof viewSchema>;

/** One tambon's status (DESIGN.md section 6, `province status`). */
export const tambonStatusSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  districtCode: z.string(),
  districtNameTh: z.string(),
  enrolled: z.boolean(),
  /** The latest applied package; null when nothing was received. */
  seq: z.number().nullable(),
  packageSha256: z.string().nullable(),
  createdAt: z.string().nullable(),
  importedAt: z.string().nullable(),
  /** The latest applied package is the one accepted. */
  accepted: z.boolean(),
  acceptedSeq: z.number().nullable(),
  acceptedSha256: z.string().nullable(),
  missingSeqs: z.array(z.number()),
  rows: z.record(z.string(), z.number()),
});
/** One tambon's status. */
export type TambonStatus = z.infer<typeof tambonStatusSchema>;

/** `province status`. */
export const statusSchema = z.object({ provinceCode: z.string(), area: areaSchema, view: viewSchema, tambons: z.array(tambonStatusSchema) });
/** `province status`. */
export type Status = z.infer<typeof statusSchema>;

/** A kept package as the history lists it. */
export const packageRecordSchema = z.object({
  id: z.number(),
  sha256: z.string(),
  tambonCode: z.string(),
  seq: z.number(),
  status: z.enum(['applied', 'stale']),
  fileName: z.string(),
  bytes: z.number(),
  createdAt: z.string(),
  importedAt: z.string(),
  operator: z.string().nullable(),
  missingSeqs: z.array(z.number()),
});

/** A quarantined package. */
export const quarantineRecordSchema = z.object({
  id: z.number(),
  sha256: z.string(),
  fileName: z.string(),
  status: z.enum(['refused', 'conflict']),
  reasonCode: z.string(),
  reasonTh: z.string(),
  reasonEn: z.string(),
  tambonCode: z.string().nullable(),
  seq: z.number().nullable(),
  at: z.string(),
  operator: z.string().nullable(),
});

/** The consolidated workbooks: ranked plans per district, projects asking provincial money, status per tambon. */
export const datacenterForms = ['district-plans', 'plan-budget', 'status'] as const;
/** One of {@link datacenterForms}. */
export type DatacenterForm = (typeof datacenterForms)[number];
