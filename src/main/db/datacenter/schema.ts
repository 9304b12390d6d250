/**
 * The data center workspace (a province or a district): its own kind of SQLite file, with its own
 * schema and migrations (resources/migrations-datacenter). Each tambon is the only writer of its
 * own rows; the data center keeps them generically (table name, row id, content as JSON), so
 * tables the tambon side adds later are merged without a change here. Append-only: the row
 * history, the package records, the quarantine, acceptances and the audit log are only ever
 * added to; the current rows are a view kept beside the history for speed.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Key/value facts about the file: workspace id, kind, and the area it covers (code, kind, name). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every registry change, import and acceptance, with the operator (same shape as the tambon workspace's). */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  operator: text('operator'),
  action: text('action').notNull(),
  detail: text('detail').notNull(),
});

/**
 * The trust registry: each enrolled public key of a tambon, valid from `validFromSeq` and, once
 * revoked, up to `revokedAfterSeq`. Rows are added and revoked, never deleted.
 */
export const dcKeys = sqliteTable(
  'dc_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tambonCode: text('tambon_code').notNull(),
    keyId: text('key_id').notNull(),
    /** minisign public key line. */
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    validFromSeq: integer('valid_from_seq').notNull().default(1),
    revokedAfterSeq: integer('revoked_after_seq'),
    /** `enroll`, `rotation` or `replace` (a re-enrollment after a lost key). */
    enrolledBy: text('enrolled_by').notNull(),
    enrolledAt: text('enrolled_at').notNull(),
    operator: text('operator'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('dc_keys_key_id_uq').on(t.keyId), index('dc_keys_tambon_idx').on(t.tambonCode)],
);

/** Every package that reached the data center and was kept: applied, stale (archived), or a dry run is not kept. */
export const dcPackages = sqliteTable(
  'dc_packages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    tambonCode: text('tambon_code').notNull(),
    seq: integer('seq').notNull(),
    packageId: text('package_id').notNull(),
    keyId: text('key_id').notNull(),
    /** `applied` or `stale`. */
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    /** Where the file is archived, relative to the workspace's files folder (content-addressed). */
    archivePath: text('archive_path').notNull(),
    bytes: integer('bytes').notNull(),
    manifest: text('manifest').notNull(),
    createdAt: text('created_at').notNull(),
    importedAt: text('imported_at').notNull(),
    operator: text('operator'),
    missingSeqs: text('missing_seqs').notNull().default('[]'),
    /** The diff per table (JSON). */
    tables: text('tables').notNull().default('{}'),
    warnings: text('warnings').notNull().default('[]'),
    /**
     * The live rows per table once this package was applied (JSON), for the status without a
     * pass over the history; null for a stale package and for those applied before it was kept.
     */
    liveRows: text('live_rows'),
  },
  (t) => [uniqueIndex('dc_packages_sha_uq').on(t.sha256), index('dc_packages_tambon_seq_idx').on(t.tambonCode, t.seq)],
);

/** Rejected packages, kept with their reason (content-addressed files), never deleted. */
export const dcQuarantine = sqliteTable(
  'dc_quarantine',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** `refused` or `conflict`. */
    status: text('status').notNull(),
    reasonCode: text('reason_code').notNull(),
    reasonTh: text('reason_th').notNull(),
    reasonEn: text('reason_en').notNull(),
    /** The tambon and seq the package claims, when they could be read. */
    tambonCode: text('tambon_code'),
    seq: integer('seq'),
    storedPath: text('stored_path').notNull(),
    bytes: integer('bytes').notNull(),
    at: text('at').notNull(),
    operator: text('operator'),
  },
  (t) => [uniqueIndex('dc_quarantine_sha_uq').on(t.sha256)],
);

/**
 * The column lists of the rows' content: a revision's content is a JSON array of values in the
 * order of its column set, each set stored once (most packages of a table share one). The
 * columns that change on every save (`rev`, `updated_at`) come last, so the content without
 * them is what the row's content hash is taken over.
 */
export const dcColumnSets = sqliteTable(
  'dc_column_sets',
  {
    id: integer('id').primaryKey(),
    tableName: text('table_name').notNull(),
    /** JSON array of column names. */
    columns: text('columns').notNull(),
  },
  (t) => [uniqueIndex('dc_column_sets_uq').on(t.tableName, t.columns)],
);

/**
 * Every revision of every row of every tambon: appended, never changed. The rows of a tambon as
 * of a seq — the current ones (the latest view), the accepted package's, the diff's — are each
 * row's last revision up to that seq, found in key order without a search.
 * Important: the migration makes it WITHOUT ROWID (drizzle cannot say so): the primary key is the
 * table, one b-tree written per row, which the province's import throughput needs.
 */
export const dcRowHistory = sqliteTable(
  'dc_row_history',
  {
    tambonCode: text('tambon_code').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    seq: integer('seq').notNull(),
    /** The package (`dc_packages.id`) that brought this revision. */
    packageId: integer('package_id').notNull(),
    /** `new`, `changed` or `deleted` (every revision whose row is deleted, a tombstone included). */
    op: text('op').notNull(),
    /** The content hash the diff compares (see the importer); a deletion keeps the last content's. */
    contentHash: text('content_hash'),
    /**
     * The row's content; for a deletion, its last content. A JSON array of values in the order of
     * `columnSetId`'s columns; revisions written before column sets existed (no set) are a JSON
     * object by column name.
     */
    content: text('content'),
    columnSetId: integer('column_set_id'),
  },
  (t) => [primaryKey({ columns: [t.tambonCode, t.tableName, t.rowId, t.seq] })],
);

/** The data center's acceptance of a tambon's package, bound to its hash; appended, the latest counts. */
export const dcAcceptances = sqliteTable(
  'dc_acceptances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tambonCode: text('tambon_code').notNull(),
    packageSha256: text('package_sha256').notNull(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    operator: text('operator'),
    note: text('note'),
  },
  (t) => [index('dc_acceptances_tambon_idx').on(t.tambonCode)],
);

/**
 * Tambon clusters a person made for the progress reports (กลุ่มตำบล: a group of tambon codes); the
 * districts are clusters already and are not stored. Changed in place — a setting of the data
 * center, not something a tambon sent — and removed by setting `removedAt`, which can be undone.
 */
export const dcClusters = sqliteTable('dc_clusters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nameTh: text('name_th').notNull(),
  /** JSON array of 6-digit tambon codes. */
  tambonCodes: text('tambon_codes').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  operator: text('operator'),
  removedAt: text('removed_at'),
});

/** Every table of the data center schema, by SQL name. */
export const datacenterTables = {
  meta,
  audit_log: auditLog,
  dc_keys: dcKeys,
  dc_packages: dcPackages,
  dc_quarantine: dcQuarantine,
  dc_row_history: dcRowHistory,
  dc_column_sets: dcColumnSets,
  dc_acceptances: dcAcceptances,
  dc_clusters: dcClusters,
} as const;
