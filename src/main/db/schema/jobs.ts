/** The jobs capability's table: what the self-test job writes. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { TravelClass } from './identity';

/**
 * Rows the self-test job writes (a developer tool that shows long writes run without freezing
 * the app and roll back on cancel). Each run replaces the previous run's rows. Never travels.
 */
export const selfTestRows = sqliteTable('self_test_rows', {
  seq: integer('seq').primaryKey(),
  jobId: text('job_id').notNull(),
  payload: text('payload').notNull(),
});

/** The jobs capability's tables, by SQL name. */
export const jobsTables = { self_test_rows: selfTestRows } as const;

/** How each of them travels. */
export const jobsTravel = { self_test_rows: 'local' } as const satisfies Record<keyof typeof jobsTables, TravelClass>;
