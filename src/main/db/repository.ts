/**
 * The one writer of row identity: UUIDv7 ids, `rev` bumped on every change, `updatedAt`, and
 * the `deletedAt` tombstone (delete = tombstone, which also gives undo). Services never set
 * these columns themselves, and never write a travelling table but through these helpers (a test
 * scans the code). Every helper takes the write transaction of the one write pipeline
 * (`services/write.ts`) and notes the row it wrote, so the change event can name it.
 */
import { and, eq, getTableColumns, getTableName, isNull, sql, type SQL } from 'drizzle-orm';
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
  /** The same connection, raw: the bulk path prepares its statements on it. */
  sqlite: WorkspaceDb['sqlite'];
  now: Date;
  operator: string | null;
  changes: Map<string, Set<string>>;
  /** Facts for the audit record besides the changed rows (a หมู่ที่, a file name). */
  detail: Record<string, unknown>;
}

/** Random bytes drawn 8 KiB at a time: one system call per 512 ids, not one per id (a bulk import makes 10,000). */
const randomPool = new Uint8Array(16 * 512);
let poolAt = randomPool.length;
/** The last id's instant and sequence, so ids made in the same millisecond still sort in the order they were made. */
const v7State = { msecs: -Infinity, seq: 0 };

/** A new UUIDv7 (time-ordered) row id. */
export function newId(): string {
  if (poolAt + 16 > randomPool.length) {
    crypto.getRandomValues(randomPool);
    poolAt = 0;
  }
  const random = randomPool.subarray(poolAt, (poolAt += 16));
  const now = Date.now();
  // As uuid's own v7 does: a random start of the sequence each new millisecond, counted up within one.
  if (now > v7State.msecs) {
    v7State.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    v7State.msecs = now;
  } else {
    v7State.seq = (v7State.seq + 1) | 0;
    if (v7State.seq === 0) v7State.msecs += 1;
  }
  return uuidv7({ random, msecs: v7State.msecs, seq: v7State.seq });
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

/** A value of a column as better-sqlite3 binds it. */
type Bindable = string | number | bigint | Buffer | null;

function bindable(value: unknown, column: string): Bindable {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || Buffer.isBuffer(value)) return value;
  throw new TypeError(`bulk insert: column ${column} cannot take ${typeof value}`);
}

/** Inserts many rows of one table inside a write: see {@link bulkInserter}. */
export interface BulkInserter<T extends TravellingTable> {
  /** Inserts one live row (new UUIDv7 id, `rev` 1, `updatedAt` = the write's instant) and answers its id. */
  insert(values: Partial<Values<T>>): string;
  /** How many rows it inserted. */
  readonly count: number;
}

/**
 * The bulk path: one prepared statement for `table` over `columns`, inside the write's
 * transaction, for imports of many rows (10,000 households) where an `insertRow` round trip per
 * row through the query builder costs several times as much. It still sets the row identity
 * (UUIDv7 id, rev, updatedAt, no tombstone), and notes the table — not each id — as changed, so
 * the change event says "rows of this table" without carrying 100,000 ids.
 */
export function bulkInserter<T extends TravellingTable>(tx: WriteTx, table: T, columns: readonly (keyof Values<T> & string)[]): BulkInserter<T> {
  const all = getTableColumns(table) as Record<string, SQLiteColumn>;
  const names = columns.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`bulk insert: ${getTableName(table)} has no column ${key}`);
    return column.name;
  });
  const placeholders = ['?', '?', '?', '?', ...names.map(() => '?')].join(', ');
  const quoted = ['id', 'rev', 'updated_at', 'deleted_at', ...names].map((n) => `"${n}"`).join(', ');
  const statement = tx.sqlite.prepare(`insert into "${getTableName(table)}" (${quoted}) values (${placeholders})`);
  const at = tx.now.toISOString();
  let count = 0;
  noteChange(tx, table);
  return {
    insert(values) {
      const id = newId();
      const row = values as Record<string, unknown>;
      statement.run(id, 1, at, null, ...columns.map((key) => bindable(row[key], key)));
      count += 1;
      return id;
    },
    get count() {
      return count;
    },
  };
}

/**
 * Deletes by tombstone every live row of `table` that `where` selects (the rows an import
 * brought, on undo or replace): sets `deletedAt`, bumps `rev`, sets `updatedAt`. Notes the table
 * as changed and answers how many rows it tombstoned.
 */
export function tombstoneWhere<T extends TravellingTable>(tx: WriteTx, table: T, where: SQL): number {
  const at = tx.now.toISOString();
  const result = tx.db
    .update(table)
    .set({ deletedAt: at, rev: sql`${table.rev} + 1`, updatedAt: at } as never)
    .where(and(where, isNull(table.deletedAt)))
    .run();
  if (result.changes > 0) noteChange(tx, table);
  return result.changes;
}
