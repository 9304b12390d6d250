/**
 * What every ordered list of the forum shares (village items, participants, analysis items,
 * problem rows, projects, funders): a place for a new row, moving a row among its siblings, and
 * the change of a row that another window may have changed meanwhile.
 *
 * Order is a REAL `sort_key`: a new row goes halfway between its neighbours, so adding one
 * rewrites no other row (which would bump their `rev` under another window's editor). When a gap
 * becomes too small to halve, the siblings are numbered 1, 2, 3… again in the same write.
 */
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ServiceError } from '../../../shared/domain/result';
import { updateRow, type TravellingTable, type WriteTx } from '../../db/repository';
import type { OpenWorkspace } from '../session';

/** A table of ordered rows. */
export type OrderedTable = TravellingTable & { sortKey: SQLiteColumn };

type Db = OpenWorkspace['db'];
type AnyRow = { id: string; rev: number; sortKey: number; deletedAt: string | null };

/** The smallest gap halved before the siblings are renumbered. */
const minGap = 1e-6;

/** The live rows of `table` that `siblings` selects, in order. */
export function orderedRows<T extends OrderedTable>(db: Db, table: T, siblings: SQL | undefined): T['$inferSelect'][] {
  return db
    .select()
    .from(table)
    .where(and(isNull(table.deletedAt), siblings))
    .orderBy(asc(table.sortKey), asc(table.id))
    .all();
}

/**
 * The sort key of a new row placed after `afterId` among `siblings` (at the end when null or not
 * found), renumbering the siblings first when the gap is too small.
 */
export function sortKeyAfter<T extends OrderedTable>(tx: WriteTx, table: T, siblings: SQL | undefined, afterId: string | null | undefined): number {
  let rows = orderedRows(tx.db, table, siblings) as AnyRow[];
  if (rows.length === 0) return 1;
  let at = afterId ? rows.findIndex((r) => r.id === afterId) : -1;
  if (at < 0 || at === rows.length - 1) return rows.at(-1)!.sortKey + 1;
  if (rows[at + 1]!.sortKey - rows[at]!.sortKey < minGap) {
    rows.forEach((row, i) => {
      if (row.sortKey !== i + 1) updateRow(tx, table, row.id, { sortKey: i + 1 } as never);
    });
    rows = orderedRows(tx.db, table, siblings) as AnyRow[];
    at = rows.findIndex((r) => r.id === afterId);
  }
  return (rows[at]!.sortKey + rows[at + 1]!.sortKey) / 2;
}

/**
 * Moves the row `id` one place up or down among `siblings` (it swaps places with its neighbour);
 * answers the rows that changed (none at either end).
 */
export function moveRow<T extends OrderedTable>(tx: WriteTx, table: T, siblings: SQL | undefined, id: string, direction: 'up' | 'down'): T['$inferSelect'][] {
  const rows = orderedRows(tx.db, table, siblings) as AnyRow[];
  const at = rows.findIndex((r) => r.id === id);
  if (at < 0) throw notFound();
  const other = direction === 'up' ? at - 1 : at + 1;
  if (other < 0 || other >= rows.length) return [];
  const a = rows[at]!;
  const b = rows[other]!;
  // Equal keys (rows added at one instant elsewhere) would not swap: step apart first.
  const [keyA, keyB] = a.sortKey === b.sortKey ? [b.sortKey + (direction === 'up' ? -minGap : minGap), a.sortKey] : [b.sortKey, a.sortKey];
  return [updateRow(tx, table, a.id, { sortKey: keyA } as never)!, updateRow(tx, table, b.id, { sortKey: keyB } as never)!] as T['$inferSelect'][];
}

/** A live row of `table` by id, or NOT_FOUND. */
export function liveRow<T extends TravellingTable>(db: Db, table: T, id: string): T['$inferSelect'] {
  const row = db
    .select()
    .from(table as TravellingTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .get() as T['$inferSelect'] | undefined;
  if (!row) throw notFound();
  return row;
}

/** A row that is not there (deleted meanwhile, or never was). */
export function notFound(): ServiceError {
  return new ServiceError('NOT_FOUND', 'ไม่พบรายการนี้ (อาจถูกลบจากหน้าต่างอื่นไปแล้ว)', 'No such row (it may have been deleted in another window)', 'id');
}

/** Field names as a person reads them, for the conflict message. */
export type FieldLabels = Record<string, { th: string; en: string }>;

/** Same value: JSON equality (lists and records compare by content); an empty text is the same as none. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => JSON.stringify(v === '' || v === undefined ? null : v);
  return norm(a) === norm(b);
}

/**
 * Checks a change made from an editor that loaded the row at `rev`: when the row is still at
 * `rev`, or every field `patch` touches still holds its `base` value (another window changed
 * other fields, or only the order), the change goes ahead. Otherwise it is refused as CONFLICT
 * naming the field, so nobody's words are overwritten without them knowing.
 * `current` is the row as the app shows it (lists as lists).
 */
export function checkConflict(
  current: Record<string, unknown> & { rev: number },
  change: { rev: number; patch: Record<string, unknown>; base?: Record<string, unknown> | undefined },
  labels: FieldLabels,
): void {
  if (current.rev === change.rev) return;
  for (const key of Object.keys(change.patch)) {
    if (change.patch[key] === undefined) continue;
    // The other window wrote the very value this one is saving: nothing is lost.
    if (same(current[key], change.patch[key])) continue;
    if (change.base && Object.hasOwn(change.base, key) && same(current[key], change.base[key])) continue;
    const label = labels[key] ?? { th: key, en: key };
    throw new ServiceError(
      'CONFLICT',
      `ช่อง “${label.th}” ของรายการนี้ถูกแก้ไขจากหน้าต่างอื่นระหว่างที่คุณกำลังแก้ไข จึงยังไม่ได้บันทึกของคุณทับ กรุณาเลือกว่าจะใช้ข้อความใด`,
      `“${label.en}” of this row was changed in another window while you were editing it, so yours was not saved over it; choose which text to keep`,
      key,
    );
  }
}

/** `patch` without its undefined members (a partial of zod keeps absent keys absent, but be sure). */
export function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A JSON column read back, falling back to `fallback` when it does not parse. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
