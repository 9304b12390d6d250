/**
 * What every table of the schema declares beside itself: the row identity columns of tables whose
 * rows may travel in a package, and each table's travel class. Written only by the repository
 * helper (`db/repository.ts`); a test scans both.
 */
import { integer, text } from 'drizzle-orm/sqlite-core';

/** The row identity columns of every travelling table. */
export const rowIdentity = {
  /** UUIDv7, made by the repository helper. */
  id: text('id').primaryKey(),
  /** Bumped on every change, tombstones included. */
  rev: integer('rev').notNull().default(1),
  /** ISO-8601 instant of the last change. */
  updatedAt: text('updated_at').notNull(),
  /** ISO-8601 instant of the delete; null while the row is live. Delete = tombstone, which also gives undo. */
  deletedAt: text('deleted_at'),
};

/**
 * How a table travels in a package: `aggregate` travels; `household` travels only when the
 * export says so, with household ids replaced by a salted hash; `local` never travels (names,
 * phone numbers, notes about people, file bookkeeping).
 */
export type TravelClass = 'aggregate' | 'household' | 'local';
