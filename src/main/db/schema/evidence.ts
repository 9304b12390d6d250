/**
 * The evidence capability's tables: indicator sets a person added (the shipped one is read from
 * resources), the targets and income thresholds a person set, and the evidence items pinned from
 * the dashboards for the forum to attach to its problem rows. All of it travels.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowIdentity, type TravelClass } from './identity';
import { imports } from './imports';
import { villages } from './villages';

/** An indicator set added from a file (e.g. จปฐ. 2566–2570): its whole definition as JSON. */
export const indicatorSets = sqliteTable(
  'indicator_sets',
  {
    ...rowIdentity,
    setId: text('set_id').notNull(),
    /** JSON: the set (see `indicatorSetSchema`). */
    definition: text('definition').notNull(),
  },
  (t) => [uniqueIndex('indicator_sets_live_uq').on(t.setId).where(sql`deleted_at IS NULL`)],
);

/** A target (% of households in scope passing) a person set for one indicator of a set. */
export const indicatorTargets = sqliteTable(
  'indicator_targets',
  {
    ...rowIdentity,
    setId: text('set_id').notNull(),
    indicatorNo: integer('indicator_no').notNull(),
    targetPercent: real('target_percent').notNull(),
  },
  (t) => [uniqueIndex('indicator_targets_live_uq').on(t.setId, t.indicatorNo).where(sql`deleted_at IS NULL`)],
);

/** The per-capita income threshold (baht a year) of a set's income indicator for one survey year. */
export const incomeThresholds = sqliteTable(
  'income_thresholds',
  {
    ...rowIdentity,
    setId: text('set_id').notNull(),
    surveyYear: integer('survey_year').notNull(),
    amount: real('amount').notNull(),
  },
  (t) => [uniqueIndex('income_thresholds_live_uq').on(t.setId, t.surveyYear).where(sql`deleted_at IS NULL`)],
);

/**
 * A figure pinned as evidence: what it is (title), its value as shown and as a number, where it
 * comes from (the import and a readable source), when (the data's date), and the figure it was
 * pinned from (`figureKey`, e.g. `bmn:2566:indicator:17:village:3`), so the forum can attach it to
 * a problem row and a person can find it again.
 */
export const evidenceItems = sqliteTable(
  'evidence_items',
  {
    ...rowIdentity,
    title: text('title').notNull(),
    valueText: text('value_text').notNull(),
    valueNumber: real('value_number'),
    unit: text('unit'),
    figureKey: text('figure_key').notNull(),
    villageId: text('village_id').references(() => villages.id),
    sourceImportId: text('source_import_id').references(() => imports.id),
    sourceLabel: text('source_label').notNull(),
    /** The date the figure describes (ISO day, or a survey year as `2566`). */
    dataDate: text('data_date').notNull(),
  },
  (t) => [index('evidence_items_figure_idx').on(t.figureKey)],
);

/** The evidence capability's tables, by SQL name. */
export const evidenceTables = {
  indicator_sets: indicatorSets,
  indicator_targets: indicatorTargets,
  income_thresholds: incomeThresholds,
  evidence_items: evidenceItems,
} as const;

/** How each of them travels: all are village- or tambon-level facts. */
export const evidenceTravel = {
  indicator_sets: 'aggregate',
  indicator_targets: 'aggregate',
  income_thresholds: 'aggregate',
  evidence_items: 'aggregate',
} as const satisfies Record<keyof typeof evidenceTables, TravelClass>;
