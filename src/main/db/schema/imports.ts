/**
 * The imports capability's tables: the record of each import (local: it names the operator and
 * the file), the problems of its rejected rows and the remembered mappings of file layouts (local
 * bookkeeping), and what imports bring — จปฐ. household results (household class: pseudonymous,
 * keyed by house code or a generated id, never a citizen id; no names), TPMAP-style village
 * counts, village tables (กชช.2ค, the leaders' survey…) and household-account lines.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accountCategories, importKinds, villageTableKinds } from '../../../shared/domain/imports/kinds';
import { rowIdentity, type TravelClass } from './identity';
import { villages } from './villages';

/** One import of a file: what, from which file (name and SHA-256), by whom, when, and its counts. */
export const imports = sqliteTable(
  'imports',
  {
    ...rowIdentity,
    kind: text('kind', { enum: importKinds }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** The survey year (พ.ศ.); null for a ledger, whose lines carry their dates. */
    surveyYear: integer('survey_year'),
    operator: text('operator'),
    importedAt: text('imported_at').notNull(),
    rowsRead: integer('rows_read').notNull(),
    rowsImported: integer('rows_imported').notNull(),
    rowsRejected: integer('rows_rejected').notNull(),
    /** `active`, `undone` (imports undo) or `replaced` (imported again with --replace); the last two are tombstoned. */
    status: text('status', { enum: ['active', 'undone', 'replaced'] }).notNull(),
    /** JSON: sheets, the indicator set, the table name, notes (Thai digits converted…), the encoding of a CSV. */
    detail: text('detail').notNull(),
  },
  (t) => [index('imports_sha256_idx').on(t.sha256)],
);

/** Where each rejected row of an import was and why (no cell values: they may hold anything). */
export const importProblems = sqliteTable(
  'import_problems',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    sheet: text('sheet').notNull(),
    row: integer('row').notNull(),
    column: integer('column'),
    code: text('code').notNull(),
  },
  (t) => [index('import_problems_import_idx').on(t.importId)],
);

/** A file layout's mapping as a person last corrected it, keyed by the SHA-256 of its kind and headers. */
export const importLayouts = sqliteTable('import_layouts', {
  key: text('key').primaryKey(),
  kind: text('kind', { enum: importKinds }).notNull(),
  /** JSON: the column mapping (column → field, and a table column's name). */
  mapping: text('mapping').notNull(),
  /** JSON: ledger category texts → categories, as the person chose. */
  categoryMap: text('category_map').notNull().default('{}'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * จปฐ. results, one row per household and survey year. `answers` holds one character per
 * indicator number from 1: `P` pass, `F` fail, `N` not applicable, `-` not in the file.
 */
export const bmnHouseholds = sqliteTable(
  'bmn_households',
  {
    ...rowIdentity,
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    surveyYear: integer('survey_year').notNull(),
    setId: text('set_id').notNull(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    /** `id:<house code>`, `house:<หมู่ที่>/<house number>`, or `gen:<uuid>` when the file has neither. */
    householdKey: text('household_key').notNull(),
    /** รหัสบ้าน as the file has it (never a citizen id: refused at import). */
    houseCode: text('house_code'),
    houseNo: text('house_no'),
    members: integer('members'),
    answers: text('answers').notNull(),
    incomeMain: real('income_main'),
    incomeSecondary: real('income_secondary'),
    incomeOther: real('income_other'),
    incomeOwnProduce: real('income_own_produce'),
    sourceSheet: text('source_sheet'),
    sourceRow: integer('source_row'),
  },
  (t) => [
    uniqueIndex('bmn_households_live_key_uq').on(t.surveyYear, t.householdKey).where(sql`deleted_at IS NULL`),
    index('bmn_households_year_village_idx').on(t.surveyYear, t.villageId),
    index('bmn_households_import_idx').on(t.importId),
  ],
);

/** A village's TPMAP-style figures for a survey year: its households. */
export const bmnVillageSurveys = sqliteTable(
  'bmn_village_surveys',
  {
    ...rowIdentity,
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    surveyYear: integer('survey_year').notNull(),
    setId: text('set_id').notNull(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    households: integer('households'),
  },
  (t) => [
    uniqueIndex('bmn_village_surveys_live_uq').on(t.surveyYear, t.villageId).where(sql`deleted_at IS NULL`),
    index('bmn_village_surveys_import_idx').on(t.importId),
  ],
);

/** A village's counts of one indicator in a survey year: in scope (ALL) and failing (CNT). */
export const bmnVillageIndicators = sqliteTable(
  'bmn_village_indicators',
  {
    ...rowIdentity,
    surveyId: text('survey_id')
      .notNull()
      .references(() => bmnVillageSurveys.id),
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    indicatorNo: integer('indicator_no').notNull(),
    inScope: integer('in_scope').notNull(),
    failing: integer('failing').notNull(),
  },
  (t) => [index('bmn_village_indicators_survey_idx').on(t.surveyId), index('bmn_village_indicators_import_idx').on(t.importId)],
);

/** A village table a tambon keeps (กชช.2ค, the leaders' survey of problems and needs, …): its name and columns. */
export const villageTables = sqliteTable(
  'village_tables',
  {
    ...rowIdentity,
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    tableKind: text('table_kind', { enum: villageTableKinds }).notNull(),
    name: text('name').notNull(),
    surveyYear: integer('survey_year'),
    /** JSON: the columns in file order, `[{ column, label, type: 'number' | 'text' }]`. */
    columns: text('columns').notNull(),
  },
  (t) => [index('village_tables_import_idx').on(t.importId)],
);

/** A village's row of a village table, with its กชช.2ค grade (1 ล้าหลัง, 2 ปานกลาง, 3 ก้าวหน้า) when the table has one. */
export const villageTableRows = sqliteTable(
  'village_table_rows',
  {
    ...rowIdentity,
    tableId: text('table_id')
      .notNull()
      .references(() => villageTables.id),
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    grade: integer('grade'),
    sourceRow: integer('source_row'),
  },
  (t) => [index('village_table_rows_table_idx').on(t.tableId), index('village_table_rows_import_idx').on(t.importId)],
);

/** One value of a village table's row: a number, or text. */
export const villageTableValues = sqliteTable(
  'village_table_values',
  {
    ...rowIdentity,
    rowId: text('row_id')
      .notNull()
      .references(() => villageTableRows.id),
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    /** The column's position in the file (1 = A), which keeps the table's column order. */
    column: integer('column').notNull(),
    label: text('label').notNull(),
    valueNumber: real('value_number'),
    valueText: text('value_text'),
  },
  (t) => [index('village_table_values_row_idx').on(t.rowId), index('village_table_values_import_idx').on(t.importId)],
);

/** A household-account ledger line (บัญชีครัวเรือน): no description is kept, only its category. */
export const householdAccountLines = sqliteTable(
  'household_account_lines',
  {
    ...rowIdentity,
    importId: text('import_id')
      .notNull()
      .references(() => imports.id),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    householdKey: text('household_key').notNull(),
    /** ISO day (Christian Era). */
    date: text('date').notNull(),
    category: text('category', { enum: accountCategories }).notNull(),
    amount: real('amount').notNull(),
    sourceRow: integer('source_row'),
  },
  (t) => [index('household_account_lines_village_idx').on(t.villageId, t.date), index('household_account_lines_import_idx').on(t.importId)],
);

/** The imports capability's tables, by SQL name. */
export const importsTables = {
  imports,
  import_problems: importProblems,
  import_layouts: importLayouts,
  bmn_households: bmnHouseholds,
  bmn_village_surveys: bmnVillageSurveys,
  bmn_village_indicators: bmnVillageIndicators,
  village_tables: villageTables,
  village_table_rows: villageTableRows,
  village_table_values: villageTableValues,
  household_account_lines: householdAccountLines,
} as const;

/**
 * How each of them travels: the import records and their bookkeeping never (they name the
 * operator and the file); village figures do; household rows only when an export says so.
 */
export const importsTravel = {
  imports: 'local',
  import_problems: 'local',
  import_layouts: 'local',
  bmn_households: 'household',
  bmn_village_surveys: 'aggregate',
  bmn_village_indicators: 'aggregate',
  village_tables: 'aggregate',
  village_table_rows: 'aggregate',
  village_table_values: 'aggregate',
  household_account_lines: 'household',
} as const satisfies Record<keyof typeof importsTables, TravelClass>;
