/** The packages capability's table: the export history of the tambon workspace. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { TravelClass } from './identity';

/**
 * Every signed package this workspace exported: its seq (the workspace's own high-water mark;
 * the one beside the key file is the other, and the higher wins), hash, size, row counts and
 * where it was saved. Bookkeeping of this office, so it never travels.
 */
export const packageExports = sqliteTable('package_exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  seq: integer('seq').notNull(),
  packageId: text('package_id').notNull(),
  sha256: text('sha256').notNull(),
  bytes: integer('bytes').notNull(),
  households: integer('households', { mode: 'boolean' }).notNull(),
  keyId: text('key_id').notNull(),
  file: text('file').notNull(),
  createdAt: text('created_at').notNull(),
  operator: text('operator'),
  /** Rows per table (JSON). */
  rows: text('rows').notNull(),
});

/** The packages capability's tables, by SQL name. */
export const packagesTables = { package_exports: packageExports } as const;

/** How each of them travels. */
export const packagesTravel = { package_exports: 'local' } as const satisfies Record<keyof typeof packagesTables, TravelClass>;
