/**
 * The forum capability's tables (เวทีประชาคมตำบล): village community plans, the forum record and
 * its participants, the tambon analysis boards, problem–cause–solution rows, projects, the
 * decisions recorded at the forum, the plan's settings and its funders.
 *
 * Travel: the plan's content is `aggregate` (it is what the province merges). Anything about a
 * person — participant names, the facilitators — is `local`: a package carries attendance counts,
 * never names (DESIGN.md section 5, "Personal data").
 *
 * Lists that belong to one row (a problem's source villages, a project's year budgets, sources,
 * villages and linked problems) are kept in the row as JSON, so a row is one unit of editing: one
 * `rev`, one conflict check when two windows edit it, one tombstone for undo.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowIdentity, type TravelClass } from './identity';
import { imports } from './imports';
import { villages } from './villages';
import { offices, strategicIssues } from './workspace';

/** The plan the forum proposes into (one live row): name, revision, year span, how votes are counted. */
export const forumSettings = sqliteTable('forum_settings', {
  ...rowIdentity,
  planName: text('plan_name').notNull(),
  planRevision: text('plan_revision'),
  /** พ.ศ. */
  firstYear: integer('first_year').notNull(),
  yearCount: integer('year_count').notNull(),
  voteMethod: text('vote_method', { enum: ['dots', 'hands'] }).notNull(),
});

/** Funders of projects (อบจ., พอช., สสส.…), each mapped to one of the three source columns. */
export const funders = sqliteTable('funders', {
  ...rowIdentity,
  name: text('name').notNull(),
  /** `local` งบท้องถิ่น, `agency` งบหน่วยงานภาครัฐ/เอกชน, `province` งบพัฒนาจังหวัด. */
  column: text('funding_column', { enum: ['local', 'agency', 'province'] }).notNull(),
  sortKey: real('sort_key').notNull(),
});

/** A village's community plan this cycle: revised or not, and when. One live row per village. */
export const villagePlans = sqliteTable(
  'village_plans',
  {
    ...rowIdentity,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    revised: integer('revised', { mode: 'boolean' }).notNull().default(false),
    /** ISO date. */
    revisedOn: text('revised_on'),
  },
  (t) => [uniqueIndex('village_plans_live_village_uq').on(t.villageId).where(sql`deleted_at IS NULL`)],
);

/** Items of a village's plan: ranked problems/needs and project ideas; classified under an issue at the forum. */
export const villageItems = sqliteTable(
  'village_items',
  {
    ...rowIdentity,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    kind: text('kind', { enum: ['problem', 'project'] }).notNull(),
    text: text('text').notNull(),
    how: text('how', { enum: ['self', 'joint', 'support'] }),
    estimatedBudget: integer('estimated_budget'),
    /** The strategic issue it was classified under at the forum; null while unclassified. */
    issueId: text('issue_id').references(() => strategicIssues.id),
    /** Order within the village and kind: the village's priority. */
    sortKey: real('sort_key').notNull(),
    /** The import that brought the row from a workbook (`imports undo` tombstones it); null when typed in the app. */
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('village_items_village_idx').on(t.villageId), index('village_items_issue_idx').on(t.issueId), index('village_items_import_idx').on(t.importId)],
);

/** The forum of this plan cycle (one live row): date, place, agenda, minutes. */
export const forumRecords = sqliteTable('forum_records', {
  ...rowIdentity,
  /** ISO date. */
  heldOn: text('held_on'),
  place: text('place'),
  agenda: text('agenda'),
  minutes: text('minutes'),
});

/** The facilitators of the forum: names of people, so local (one live row). */
export const forumFacilitators = sqliteTable('forum_facilitators', {
  ...rowIdentity,
  names: text('names'),
});

/** The participant register: names of people, so local; packages carry attendance counts. */
export const participants = sqliteTable(
  'participants',
  {
    ...rowIdentity,
    name: text('name').notNull(),
    villageId: text('village_id').references(() => villages.id),
    role: text('role', { enum: ['leader', 'working-group', 'partner', 'citizen', 'facilitator'] }).notNull(),
    organisation: text('organisation'),
    /** The group (one per strategic issue) the participant joins. */
    groupIssueId: text('group_issue_id').references(() => strategicIssues.id),
    attended: integer('attended', { mode: 'boolean' }).notNull().default(false),
    sortKey: real('sort_key').notNull(),
  },
  (t) => [index('participants_village_idx').on(t.villageId)],
);

/** Items of the tambon analysis boards: SWOT, identity, occupational position, vision. */
export const analysisItems = sqliteTable('analysis_items', {
  ...rowIdentity,
  board: text('board', { enum: ['strength', 'weakness', 'opportunity', 'limit', 'identity', 'occupation', 'vision'] }).notNull(),
  text: text('text').notNull(),
  sortKey: real('sort_key').notNull(),
});

/** Rows of the problem–cause–solution table of a strategic issue. */
export const pcsRows = sqliteTable(
  'pcs_rows',
  {
    ...rowIdentity,
    issueId: text('issue_id')
      .notNull()
      .references(() => strategicIssues.id),
    problem: text('problem').notNull(),
    /** One cause per line. */
    causes: text('causes').notNull().default(''),
    /** One solution per line. */
    solutions: text('solutions').notNull().default(''),
    /** JSON array of village ids the problem came from. */
    sourceVillageIds: text('source_village_ids').notNull().default('[]'),
    sortKey: real('sort_key').notNull(),
    /** The import that brought the row from a workbook (`imports undo` tombstones it); null when typed in the app. */
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('pcs_rows_issue_idx').on(t.issueId), index('pcs_rows_import_idx').on(t.importId)],
);

/**
 * Evidence items (the data dashboards' figures) attached to a problem row. The evidence items
 * themselves belong to the evidence capability: `evidence_key` names one of them, `label` is what
 * it said when attached (so the row still reads right if the item is re-imported).
 */
export const pcsEvidenceLinks = sqliteTable(
  'pcs_evidence_links',
  {
    ...rowIdentity,
    pcsRowId: text('pcs_row_id')
      .notNull()
      .references(() => pcsRows.id),
    evidenceKey: text('evidence_key').notNull(),
    label: text('label').notNull(),
  },
  (t) => [index('pcs_evidence_links_row_idx').on(t.pcsRowId)],
);

/** Projects of a strategic issue, with every field of form ผ.02 and the Chainat project table. */
export const projects = sqliteTable(
  'projects',
  {
    ...rowIdentity,
    issueId: text('issue_id')
      .notNull()
      .references(() => strategicIssues.id),
    name: text('name').notNull(),
    /** แผนงาน (ผ.02 groups projects by it within a strategy). */
    workPlan: text('work_plan'),
    objective: text('objective'),
    target: text('target'),
    /** JSON object: พ.ศ. year → baht. */
    yearBudgets: text('year_budgets').notNull().default('{}'),
    duration: text('duration'),
    /** JSON array of village ids (สถานที่ดำเนินการ). */
    villageIds: text('village_ids').notNull().default('[]'),
    /** JSON array of { funderId, column, amount }. */
    funding: text('funding').notNull().default('[]'),
    kpi: text('kpi'),
    expectedResult: text('expected_result'),
    agency: text('agency'),
    /** The local office whose plan takes it; null: the host office. */
    officeId: text('office_id').references(() => offices.id),
    /** JSON array of the problem rows it answers. */
    pcsRowIds: text('pcs_row_ids').notNull().default('[]'),
    feasibility: text('feasibility', { enum: ['high', 'medium', 'low'] }),
    fit: text('fit', { enum: ['high', 'medium', 'low'] }),
    status: text('status', { enum: ['proposed', 'in-plan', 'funded', 'done'] }).notNull().default('proposed'),
    forBudgetAct: integer('for_budget_act', { mode: 'boolean' }).notNull().default(false),
    provincialFlag: integer('provincial_flag', { mode: 'boolean' }).notNull().default(false),
    votes: integer('votes'),
    sortKey: real('sort_key').notNull(),
    /** The import that brought the row from a workbook (`imports undo` tombstones it); null when typed in the app. */
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('projects_issue_idx').on(t.issueId), index('projects_import_idx').on(t.importId)],
);

/** Decisions and minutes recorded at the forum, tied to rows (a tie-break orders tied projects). */
export const forumDecisions = sqliteTable(
  'forum_decisions',
  {
    ...rowIdentity,
    issueId: text('issue_id')
      .notNull()
      .references(() => strategicIssues.id),
    kind: text('kind', { enum: ['tie-break', 'note'] }).notNull(),
    /** JSON array of the row ids it is about, in the decided order for a tie-break. */
    rowIds: text('row_ids').notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('forum_decisions_issue_idx').on(t.issueId)],
);

/** The forum capability's tables, by SQL name. */
export const forumTables = {
  forum_settings: forumSettings,
  funders,
  village_plans: villagePlans,
  village_items: villageItems,
  forum_records: forumRecords,
  forum_facilitators: forumFacilitators,
  participants,
  analysis_items: analysisItems,
  pcs_rows: pcsRows,
  pcs_evidence_links: pcsEvidenceLinks,
  projects,
  forum_decisions: forumDecisions,
} as const;

/** How each of them travels: the plan does; the names of people never do. */
export const forumTravel = {
  forum_settings: 'aggregate',
  funders: 'aggregate',
  village_plans: 'aggregate',
  village_items: 'aggregate',
  forum_records: 'aggregate',
  forum_facilitators: 'local',
  participants: 'local',
  analysis_items: 'aggregate',
  pcs_rows: 'aggregate',
  pcs_evidence_links: 'aggregate',
  projects: 'aggregate',
  forum_decisions: 'aggregate',
} as const satisfies Record<keyof typeof forumTables, TravelClass>;
