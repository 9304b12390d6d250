/**
 * The one writer of row identity: UUIDv7 ids, `rev` bumped on every change, `updatedAt`, and
 * the `deletedAt` tombstone (delete = tombstone, which also gives undo). Services never set
 * these columns themselves.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import type { WorkspaceDb } from './client';

/** A table that carries the row identity columns. */
export type TravellingTable = SQLiteTable & {
  id: SQLiteColumn;
  rev: SQLiteColumn;
  updatedAt: SQLiteColumn;
  deletedAt: SQLiteColumn;
};

type Db = WorkspaceDb['db'];
type Row<T extends TravellingTable> = T['$inferSelect'];
type Values<T extends TravellingTable> = Omit<T['$inferInsert'], 'id' | 'rev' | 'updatedAt' | 'deletedAt'>;

/** A new UUIDv7 (time-ordered) row id. */
export function newId(): string {
  return uuidv7();
}

/** Inserts a live row with a new id, `rev` 1 and `updatedAt` = `now`. */
export function insertRow<T extends TravellingTable>(db: Db, table: T, values: Values<T>, now: Date): Row<T> {
  const row = { ...values, id: newId(), rev: 1, updatedAt: now.toISOString(), deletedAt: null };
  return db.insert(table).values(row as T['$inferInsert']).returning().get() as Row<T>;
}

/** Changes a live row: applies `patch`, bumps `rev`, sets `updatedAt`. Undefined when no live row has `id`. */
export function updateRow<T extends TravellingTable>(
  db: Db,
  table: T,
  id: string,
  patch: Partial<Values<T>>,
  now: Date,
): Row<T> | undefined {
  return db
    .update(table)
    .set({ ...patch, rev: sql`${table.rev} + 1`, updatedAt: now.toISOString() } as never)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .returning()
    .get() as Row<T> | undefined;
}

/** Deletes a live row by tombstone: sets `deletedAt`, bumps `rev`. */
export function tombstoneRow<T extends TravellingTable>(db: Db, table: T, id: string, now: Date): Row<T> | undefined {
  const at = now.toISOString();
  return db
    .update(table)
    .set({ deletedAt: at, rev: sql`${table.rev} + 1`, updatedAt: at } as never)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .returning()
    .get() as Row<T> | undefined;
}

/** Undoes a tombstone: clears `deletedAt`, bumps `rev`. */
export function restoreRow<T extends TravellingTable>(db: Db, table: T, id: string, now: Date): Row<T> | undefined {
  return db
    .update(table)
    .set({ deletedAt: null, rev: sql`${table.rev} + 1`, updatedAt: now.toISOString() } as never)
    .where(and(eq(table.id, id), sql`${table.deletedAt} IS NOT NULL`))
    .returning()
    .get() as Row<T> | undefined;
}
