/**
 * The workspace capability's tables: the file's own facts, the tambon, its offices, its strategy
 * framework and the audit log every capability's writes append to.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowIdentity, type TravelClass } from './identity';

/** Key/value facts about the workspace file itself (workspace id, kind). Never travels. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** The tambon this workspace holds (exactly one live row). */
export const tambon = sqliteTable('tambon', {
  ...rowIdentity,
  code: text('code').notNull(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  districtCode: text('district_code').notNull(),
  districtNameTh: text('district_name_th').notNull(),
  provinceCode: text('province_code').notNull(),
  provinceNameTh: text('province_name_th').notNull(),
});

/** The local offices of the tambon (อบต. / เทศบาลตำบล); the host office runs the workspace. */
export const offices = sqliteTable('offices', {
  ...rowIdentity,
  /** `sao` (อบต.) or `tambon-municipality` (เทศบาลตำบล). */
  type: text('type', { enum: ['sao', 'tambon-municipality'] }).notNull(),
  name: text('name').notNull(),
  isHost: integer('is_host', { mode: 'boolean' }).notNull().default(false),
});

/** The strategy framework the tambon classifies its plan into (one live row). */
export const frameworks = sqliteTable('frameworks', {
  ...rowIdentity,
  /** The preset's id, or `custom-…` for one a person defined. */
  frameworkId: text('framework_id').notNull(),
  nameTh: text('name_th').notNull(),
  provinceCode: text('province_code'),
});

/** ประเด็นยุทธศาสตร์ — the strategic issues of the framework. */
export const strategicIssues = sqliteTable(
  'strategic_issues',
  {
    ...rowIdentity,
    frameworkRowId: text('framework_row_id')
      .notNull()
      .references(() => frameworks.id),
    no: integer('no').notNull(),
    nameTh: text('name_th').notNull(),
  },
  (t) => [index('strategic_issues_framework_idx').on(t.frameworkRowId)],
);

/** Who did what: imports, exports and registry changes record the operator. Never travels. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  operator: text('operator'),
  action: text('action').notNull(),
  detail: text('detail').notNull(),
});

/** The workspace capability's tables, by SQL name. */
export const workspaceTables = {
  meta,
  tambon,
  offices,
  frameworks,
  strategic_issues: strategicIssues,
  audit_log: auditLog,
} as const;

/** How each of them travels. */
export const workspaceTravel = {
  meta: 'local',
  tambon: 'aggregate',
  offices: 'aggregate',
  frameworks: 'aggregate',
  strategic_issues: 'aggregate',
  audit_log: 'local',
} as const satisfies Record<keyof typeof workspaceTables, TravelClass>;
