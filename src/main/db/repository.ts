/**
 * The one writer of row identity: UUIDv7 ids, `rev` bumped on every change, `updatedAt`, and
 * the `deletedAt` tombstone (delete = tombstone, which also gives undo). Services never set
 * these columns themselves, and never write a travelling table but through these helpers (a test
 * scans the code). Every helper takes the write transaction of the one write pipeline
 * (`services/write.ts`) and notes the row it wrote, so the change event can name it.
 */
import { and, eq, getTableName, isNull, sql } from 'drizzle-orm';
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

/**
 * One write, inside its transaction: the connection, who writes and when (one instant for every
 * row of the write), and what it changed so far (SQL table name → row ids).
 */
export interface WriteTx {
  db: Db;
  now: Date;
  operator: string | null;
  changes: Map<string, Set<string>>;
  /** Facts for the audit record besides the changed rows (a หมู่ที่, a file name). */
  detail: Record<string, unknown>;
}

/** A new UUIDv7 (time-ordered) row id. */
export function newId(): string {
  return uuidv7();
}

/**
 * Notes that `id` of `table` changed in this write (the helpers below do it themselves); without
 * an id, that rows of `table` changed, too many to name (a bulk write of a local table).
 */
export function noteChange(tx: WriteTx, table: SQLiteTable | string, id?: string): void {
  const name = typeof table === 'string' ? table : getTableName(table);
  let ids = tx.changes.get(name);
  if (!ids) tx.changes.set(name, (ids = new Set()));
  if (id !== undefined) ids.add(id);
}

function noted<T extends TravellingTable>(tx: WriteTx, table: T, row: Row<T> | undefined): Row<T> | undefined {
  if (row) noteChange(tx, table, (row as { id: string }).id);
  return row;
}

/** Inserts a live row with a new id, `rev` 1 and `updatedAt` = the write's instant. */
export function insertRow<T extends TravellingTable>(tx: WriteTx, table: T, values: Values<T>): Row<T> {
  const row = { ...values, id: newId(), rev: 1, updatedAt: tx.now.toISOString(), deletedAt: null };
  return noted(tx, table, tx.db.insert(table).values(row as T['$inferInsert']).returning().get() as Row<T>)!;
}

/** Changes a live row: applies `patch`, bumps `rev`, sets `updatedAt`. Undefined when no live row has `id`. */
export function updateRow<T extends TravellingTable>(tx: WriteTx, table: T, id: string, patch: Partial<Values<T>>): Row<T> | undefined {
  const row = tx.db
    .update(table)
    .set({ ...patch, rev: sql`${table.rev} + 1`, updatedAt: tx.now.toISOString() })
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .returning()
    .get() as Row<T> | undefined;
  return noted(tx, table, row);
}

/** Deletes a live row by tombstone: sets `deletedAt`, bumps `rev`. */
export function tombstoneRow<T extends TravellingTable>(tx: WriteTx, table: T, id: string): Row<T> | undefined {
  const at = tx.now.toISOString();
  const row = tx.db
    .update(table)
    .set({ deletedAt: at, rev: sql`${table.rev} + 1`, updatedAt: at } as never)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .returning()
    .get() as Row<T> | undefined;
  return noted(tx, table, row);
}

/** Undoes a tombstone: clears `deletedAt`, bumps `rev`. */
export function restoreRow<T extends TravellingTable>(tx: WriteTx, table: T, id: string): Row<T> | undefined {
  const row = tx.db
    .update(table)
    .set({ deletedAt: null, rev: sql`${table.rev} + 1`, updatedAt: tx.now.toISOString() } as never)
    .where(and(eq(table.id, id), sql`${table.deletedAt} IS NOT NULL`))
    .returning()
    .get() as Row<T> | undefined;
  return noted(tx, table, row);
}
