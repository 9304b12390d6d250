/**
 * The tambon workspace: one SQLite file holding one tambon's plan, run by its host office.
 */
import { z } from 'zod';
import { tambonCodeSchema } from './admin';

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

/** What a person chooses when creating a workspace. */
export const createWorkspaceInputSchema = z.object({
  path: z.string().trim().min(1, { error: 'ต้องระบุไฟล์ / a file is required' }),
  tambonCode: tambonCodeSchema,
  officeType: z.enum(officeTypes),
  officeName: z.string().trim().min(1, { error: 'ต้องมีชื่อหน่วยงาน / office name is required' }).max(300),
  framework: z.union([
    z.object({ presetId: z.string().min(1) }),
    z.object({
      custom: z.object({
        nameTh: z.string().trim().min(1).max(500),
        issues: z.array(z.string().trim().min(1).max(300)).min(1).max(30),
      }),
    }),
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

/** An automatic backup of the open workspace. */
export const backupInfoSchema = z.object({ file: z.string(), createdAt: z.string(), bytes: z.number(), reason: z.string() });
/** An automatic backup of the open workspace. */
export type BackupInfo = z.infer<typeof backupInfoSchema>;
