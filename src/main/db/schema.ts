/**
 * The workspace schema. Every table whose rows may travel in a package carries the row
 * identity columns (UUIDv7 `id`, `rev`, `updatedAt`, `deletedAt` tombstone), written only by
 * the repository helper in `repository.ts`; every table declares its travel class in
 * {@link travelClass} beside it. A test scans both.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The row identity columns of every travelling table. */
const rowIdentity = {
  /** UUIDv7, made by the repository helper. */
  id: text('id').primaryKey(),
  /** Bumped on every change, tombstones included. */
  rev: integer('rev').notNull().default(1),
  /** ISO-8601 instant of the last change. */
  updatedAt: text('updated_at').notNull(),
  /** ISO-8601 instant of the delete; null while the row is live. Delete = tombstone, which also gives undo. */
  deletedAt: text('deleted_at'),
};

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

/** หมู่บ้าน (or ชุมชน) of the tambon. Names of people live in {@link villageContacts}. */
export const villages = sqliteTable(
  'villages',
  {
    ...rowIdentity,
    /** หมู่ที่, 1–99; unique among live villages. */
    moo: integer('moo').notNull(),
    name: text('name').notNull(),
    /** 8-digit DOPA village code; null for a ชุมชน of a municipal area. */
    code: text('code'),
    households: integer('households'),
    population: integer('population'),
    isCommunity: integer('is_community', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('villages_live_moo_uq').on(t.moo).where(sql`deleted_at IS NULL`)],
);

/** Contact people of a village (ผู้ใหญ่บ้าน): names of people, so this table never travels. */
export const villageContacts = sqliteTable(
  'village_contacts',
  {
    ...rowIdentity,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    headman: text('headman'),
  },
  (t) => [uniqueIndex('village_contacts_village_uq').on(t.villageId)],
);

/** Who did what: imports, exports and registry changes record the operator. Never travels. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  operator: text('operator'),
  action: text('action').notNull(),
  detail: text('detail').notNull(),
});

/**
 * How each table travels in a package: `aggregate` travels; `household` travels only when the
 * export says so, with household ids replaced by a salted hash; `local` never travels
 * (names, phone numbers, notes about people, file bookkeeping).
 */
export const travelClass = {
  meta: 'local',
  tambon: 'aggregate',
  offices: 'aggregate',
  frameworks: 'aggregate',
  strategic_issues: 'aggregate',
  villages: 'aggregate',
  village_contacts: 'local',
  audit_log: 'local',
} as const satisfies Record<string, 'aggregate' | 'household' | 'local'>;

/** Every table of the schema, by its SQL name. */
export const tables = {
  meta,
  tambon,
  offices,
  frameworks,
  strategic_issues: strategicIssues,
  villages,
  village_contacts: villageContacts,
  audit_log: auditLog,
} as const;
