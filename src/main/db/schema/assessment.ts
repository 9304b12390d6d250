/**
 * The assessment capability's tables: self-assessment of community potential
 * (ชุมชนอินทรีย์อยู่ดีมีสุข, grades A / B / C). The workspace's own framework (when the province
 * gave one; else the shipped one applies), rounds (before / during / after, or any label), the
 * scores per unit (a village, or the tambon when `village_id` is null) and criterion, the
 * evidence items a round rests on — all aggregate — and the names of who took part (local: a
 * package carries the round's count of them).
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { evidenceItems } from './evidence';
import { rowIdentity, type TravelClass } from './identity';
import { imports } from './imports';
import { villages } from './villages';

/** The framework the workspace assesses with (at most one live row): its whole definition as JSON. */
export const assessmentFrameworks = sqliteTable('assessment_frameworks', {
  ...rowIdentity,
  frameworkId: text('framework_id').notNull(),
  /** JSON: the framework (see `frameworkSchema`). */
  definition: text('definition').notNull(),
});

/** An assessment round: its label (ก่อน / ระหว่าง / หลัง…), date, notes and the framework it was begun with. */
export const assessmentRounds = sqliteTable(
  'assessment_rounds',
  {
    ...rowIdentity,
    label: text('label').notNull(),
    /** ISO day (Christian Era; shown in พ.ศ.), or null. */
    roundDate: text('round_date'),
    notes: text('notes'),
    /** The id of the framework the round was begun with. */
    frameworkId: text('framework_id').notNull(),
    /** How many people took part (their names stay in `assessment_participants`). */
    participantCount: integer('participant_count').notNull().default(0),
    /** The import that made the round (a workbook sheet), or null when made in the app. */
    importId: text('import_id').references(() => imports.id),
  },
  (t) => [uniqueIndex('assessment_rounds_label_live_uq').on(t.label).where(sql`deleted_at IS NULL`)],
);

/** One score: a round, a unit (a village; null for the tambon as a whole), a criterion number and the score. */
export const assessmentScores = sqliteTable(
  'assessment_scores',
  {
    ...rowIdentity,
    roundId: text('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    villageId: text('village_id').references(() => villages.id),
    criterionNo: text('criterion_no').notNull(),
    score: real('score').notNull(),
    /** The import that brought the score, or null when typed. */
    importId: text('import_id').references(() => imports.id),
    /** The import whose score for the same cell replaced this one (tombstoned); undoing that import brings this one back. */
    replacedByImportId: text('replaced_by_import_id').references(() => imports.id),
  },
  (t) => [index('assessment_scores_round_idx').on(t.roundId), index('assessment_scores_replaced_idx').on(t.replacedByImportId)],
);

/** Who took part in a round (names: local, never in a package). */
export const assessmentParticipants = sqliteTable(
  'assessment_participants',
  {
    ...rowIdentity,
    roundId: text('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    name: text('name').notNull(),
    villageId: text('village_id').references(() => villages.id),
    role: text('role'),
  },
  (t) => [index('assessment_participants_round_idx').on(t.roundId)],
);

/** An evidence item (pinned on the data dashboards) a round's scores rest on, for a unit or the whole round. */
export const assessmentEvidence = sqliteTable(
  'assessment_evidence',
  {
    ...rowIdentity,
    roundId: text('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    evidenceItemId: text('evidence_item_id')
      .notNull()
      .references(() => evidenceItems.id),
    /** The item's title when linked, so the link keeps meaning what the round saw. */
    title: text('title').notNull(),
  },
  (t) => [index('assessment_evidence_round_idx').on(t.roundId)],
);

/** The assessment capability's tables, by SQL name. */
export const assessmentTables = {
  assessment_frameworks: assessmentFrameworks,
  assessment_rounds: assessmentRounds,
  assessment_scores: assessmentScores,
  assessment_participants: assessmentParticipants,
  assessment_evidence: assessmentEvidence,
} as const;

/** How each travels: scores and rounds are village- or tambon-level facts; names of people stay. */
export const assessmentTravel = {
  assessment_frameworks: 'aggregate',
  assessment_rounds: 'aggregate',
  assessment_scores: 'aggregate',
  assessment_participants: 'local',
  assessment_evidence: 'aggregate',
} as const satisfies Record<keyof typeof assessmentTables, TravelClass>;
