/**
 * The registers capability's tables: the people and organisations the assessment draws on
 * (shared/domain/registers.ts).
 *
 * Travel (DESIGN.md section 5, "Personal data"): tables of people — the working group and its
 * facilitators, the village leaders with their phones, successors and self-assessments — are
 * `local`: their names never leave the workspace. A package carries what the province needs of
 * them as derived aggregates computed at export (`register_people_counts`,
 * `register_leader_assessment`: counts by role, sector and village, and the mean self-assessment
 * per topic). Learning centres, welfare funds and community organisations are organisations,
 * not people: their name, village and figures are public facts of the tambon and travel
 * (`aggregate`); no column of theirs names a person.
 *
 * Lists that belong to one row (a leader's self-assessment, a fund year's benefits by type) are
 * JSON in the row, so the row is one unit of editing and of undo.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowIdentity, type TravelClass } from './identity';
import { imports } from './imports';
import { villages } from './villages';

/** The tambon working group and the facilitators (คุณอำนวย): names of people, so local. */
export const workingGroup = sqliteTable('working_group', {
  ...rowIdentity,
  kind: text('kind', { enum: ['member', 'facilitator'] }).notNull(),
  name: text('name').notNull(),
  /** A member's position (shared/domain/registers.ts `workingGroupPositions`). */
  position: text('position'),
  /** A facilitator's sector (`facilitatorSectors`). */
  sector: text('sector'),
  organisation: text('organisation'),
  phone: text('phone'),
  sortKey: real('sort_key').notNull(),
});

/** Village leaders (คณะผู้นำ / คุณกิจ): names, phones and successors of people, so local. */
export const villageLeaders = sqliteTable(
  'village_leaders',
  {
    ...rowIdentity,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
    training: text('training'),
    successor: text('successor'),
    /** JSON: topic key → { now, aim } (ตารางอิสรภาพ). */
    selfAssessment: text('self_assessment').notNull().default('{}'),
    sortKey: real('sort_key').notNull(),
    /** The import that brought the row (`imports undo` tombstones it); null when typed in the app. */
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('village_leaders_village_idx').on(t.villageId), index('village_leaders_import_idx').on(t.importId)],
);

/** Learning centres (ศูนย์เรียนรู้): organisations, so they travel. */
export const learningCentres = sqliteTable(
  'learning_centres',
  {
    ...rowIdentity,
    name: text('name').notNull(),
    villageId: text('village_id').references(() => villages.id),
    activities: text('activities'),
    peopleServed: integer('people_served'),
    sortKey: real('sort_key').notNull(),
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('learning_centres_import_idx').on(t.importId)],
);

/** Community welfare funds (กองทุนสวัสดิการชุมชน); a fund of the whole tambon has no village. */
export const welfareFunds = sqliteTable(
  'welfare_funds',
  {
    ...rowIdentity,
    name: text('name').notNull(),
    villageId: text('village_id').references(() => villages.id),
    tier: text('tier', { enum: ['model', 'pilot', 'expansion'] }).notNull(),
    /** พ.ศ. */
    startYear: integer('start_year'),
    members: integer('members'),
    /** Baht per member per month. */
    monthlyContribution: real('monthly_contribution'),
    sortKey: real('sort_key').notNull(),
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('welfare_funds_import_idx').on(t.importId)],
);

/** A welfare fund's figures of one year (พ.ศ.): members, the members' contributions, benefits paid by type. */
export const welfareFundYears = sqliteTable(
  'welfare_fund_years',
  {
    ...rowIdentity,
    fundId: text('fund_id')
      .notNull()
      .references(() => welfareFunds.id),
    year: integer('year').notNull(),
    members: integer('members'),
    /** Baht; null: expected from members × monthly contribution × 12. */
    contributions: real('contributions'),
    /** JSON: benefit type → baht. */
    benefits: text('benefits').notNull().default('{}'),
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('welfare_fund_years_fund_idx').on(t.fundId), index('welfare_fund_years_import_idx').on(t.importId)],
);

/** Items of a welfare fund's activity plan, under one of its six headings, with a due date. */
export const welfarePlanItems = sqliteTable(
  'welfare_plan_items',
  {
    ...rowIdentity,
    fundId: text('fund_id')
      .notNull()
      .references(() => welfareFunds.id),
    /** 1–6: the heading's place in the settings' `planHeadings`. */
    heading: integer('heading').notNull(),
    activity: text('activity').notNull(),
    /** ISO date. */
    dueDate: text('due_date'),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    sortKey: real('sort_key').notNull(),
  },
  (t) => [index('welfare_plan_items_fund_idx').on(t.fundId)],
);

/** Community organisations and savings groups: members and capital. */
export const communityOrganisations = sqliteTable(
  'community_organisations',
  {
    ...rowIdentity,
    name: text('name').notNull(),
    villageId: text('village_id').references(() => villages.id),
    kind: text('kind').notNull(),
    members: integer('members'),
    /** Baht. */
    capital: real('capital'),
    sortKey: real('sort_key').notNull(),
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [index('community_organisations_import_idx').on(t.importId)],
);

/** The registers' settings (one live row; the shipped defaults until the office saves its own): the matching rule, the plan's headings, the self-assessment topics. */
export const registerSettings = sqliteTable('register_settings', {
  ...rowIdentity,
  /** JSON, shared/domain/registers.ts `registerSettingsSchema`. */
  settings: text('settings').notNull(),
});

/** The registers capability's tables, by SQL name. */
export const registersTables = {
  working_group: workingGroup,
  village_leaders: villageLeaders,
  learning_centres: learningCentres,
  welfare_funds: welfareFunds,
  welfare_fund_years: welfareFundYears,
  welfare_plan_items: welfarePlanItems,
  community_organisations: communityOrganisations,
  register_settings: registerSettings,
} as const;

/** How each travels: people never (their counts travel as derived aggregates); organisations do. */
export const registersTravel = {
  working_group: 'local',
  village_leaders: 'local',
  learning_centres: 'aggregate',
  welfare_funds: 'aggregate',
  welfare_fund_years: 'aggregate',
  welfare_plan_items: 'aggregate',
  community_organisations: 'aggregate',
  register_settings: 'aggregate',
} as const satisfies Record<keyof typeof registersTables, TravelClass>;
