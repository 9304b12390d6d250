/**
 * The tambon workspace: one SQLite file holding one tambon's plan, run by its host office.
 */
import { z } from 'zod';
import { tambonCodeSchema } from './admin';
import { pathField, textField, type Label } from './fields';

/** อบต. (องค์การบริหารส่วนตำบล) or เทศบาลตำบล. The budget-act label follows it. */
export const officeTypes = ['sao', 'tambon-municipality'] as const;
/** One of {@link officeTypes}. */
export type OfficeType = (typeof officeTypes)[number];

/** A strategic issue (ประเด็นยุทธศาสตร์) of the workspace's framework. */
export const strategicIssueSchema = z.object({ no: z.number().int().min(1), nameTh: z.string().trim().min(1).max(300) });
/** A strategic issue of a framework. */
export type StrategicIssue = z.infer<typeof strategicIssueSchema>;

/** A strategy framework: a shipped preset or one a person defines. */
export const frameworkSchema = z.object({
  id: z.string().min(1).max(100),
  nameTh: z.string().trim().min(1).max(500),
  provinceCode: z.string().nullable().default(null),
  issues: z.array(strategicIssueSchema).min(1).max(30),
});
/** A strategy framework. */
export type Framework = z.infer<typeof frameworkSchema>;

/** The labels of the fields of the create form, for messages that name them. */
export const workspaceLabels = {
  officeName: { th: 'ชื่อหน่วยงาน', en: 'Office name' },
  frameworkName: { th: 'ชื่อกรอบยุทธศาสตร์', en: 'Framework name' },
  issue: { th: 'ประเด็นยุทธศาสตร์', en: 'Strategic issue' },
} satisfies Record<string, Label>;

/** The most strategic issues a framework may have. */
export const maxIssues = 30;

/** What a person chooses when creating a workspace. */
export const createWorkspaceInputSchema = z.object({
  path: pathField,
  tambonCode: tambonCodeSchema,
  officeType: z.enum(officeTypes, { error: 'ประเภทหน่วยงานต้องเป็น อบต. หรือ เทศบาลตำบล / The office type must be an SAO or a subdistrict municipality' }),
  officeName: textField(workspaceLabels.officeName, { max: 300 }),
  framework: z.union([
    z.object({ presetId: z.string().min(1).max(100) }).strict(),
    z
      .object({
        custom: z
          .object({
            nameTh: textField(workspaceLabels.frameworkName, { max: 500 }),
            issues: z
              .array(textField(workspaceLabels.issue, { max: 300 }))
              .min(1, { error: 'กรุณาใส่ประเด็นยุทธศาสตร์อย่างน้อยหนึ่งประเด็น / Enter at least one strategic issue' })
              .max(maxIssues, { error: `ใส่ประเด็นยุทธศาสตร์ได้ไม่เกิน ${maxIssues} ประเด็น / At most ${maxIssues} strategic issues` }),
          })
          .strict(),
      })
      .strict(),
  ]),
});
/** What a person chooses when creating a workspace. */
export type CreateWorkspaceInput = z.input<typeof createWorkspaceInputSchema>;

/** What the app shows of an open workspace. */
export const workspaceSummarySchema = z.object({
  path: z.string(),
  workspaceId: z.string(),
  readonly: z.boolean(),
  schemaVersion: z.number(),
  tambon: z.object({
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    districtCode: z.string(),
    districtNameTh: z.string(),
    provinceCode: z.string(),
    provinceNameTh: z.string(),
  }),
  office: z.object({ type: z.enum(officeTypes), name: z.string() }),
  framework: frameworkSchema,
  counts: z.object({ villages: z.number() }),
});
/** What the app shows of an open workspace. */
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

/** The operator's name as typed (ผู้บันทึกข้อมูล). */
export const operatorNameField = textField({ th: 'ชื่อผู้ใช้งาน', en: 'Operator name' }, { max: 120 });

/** Preferences kept in the app data folder (not in a workspace). */
export const preferencesSchema = z.object({
  /** Who is at the keyboard; imports, exports and registry changes record it. */
  operatorName: z.string().nullable().default(null),
  language: z.enum(['th', 'en']).default('th'),
  recent: z
    .array(z.object({ path: z.string(), label: z.string(), openedAt: z.string() }))
    .default([]),
});
/** Preferences kept in the app data folder. */
export type Preferences = z.infer<typeof preferencesSchema>;

/** Why a backup was taken. */
export const backupReasons = ['open', 'hourly', 'manual', 'before-restore', 'before-upgrade'] as const;
/** One of {@link backupReasons}. */
export type BackupReason = (typeof backupReasons)[number];

/** An automatic backup of the open workspace. */
export const backupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  reason: z.enum(backupReasons),
  /** Live villages in the backup; null for a backup taken before this was recorded. */
  villages: z.number().nullable(),
  /** Changes (audit entries) made since the backup; null when not known. */
  changesSince: z.number().nullable(),
});
/** An automatic backup of the open workspace. */
export type BackupInfo = z.infer<typeof backupInfoSchema>;
