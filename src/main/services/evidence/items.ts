/**
 * Evidence items: figures pinned from the dashboards (title, value, source import, the data's
 * date), kept for the forum to attach to its problem rows. Unpinning is a tombstone, so it can be
 * undone; an item outlives the import it came from, and says when that import was undone.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { ServiceError } from '../../../shared/domain/result';
import type { EvidenceItem, pinInputSchema } from '../../../shared/ipc/evidence';
import type { WorkspaceDb } from '../../db/client';
import { insertRow, restoreRow, tombstoneRow, type WriteTx } from '../../db/repository';
import { evidenceItems, imports, villages } from '../../db/schema';

type Db = WorkspaceDb['db'];
type ItemRow = typeof evidenceItems.$inferSelect;

function view(db: Db, row: ItemRow): EvidenceItem {
  const moo = row.villageId ? (db.select({ moo: villages.moo }).from(villages).where(eq(villages.id, row.villageId)).get()?.moo ?? null) : null;
  const source = row.sourceImportId ? db.select({ status: imports.status }).from(imports).where(eq(imports.id, row.sourceImportId)).get() : undefined;
  return {
    id: row.id,
    title: row.title,
    valueText: row.valueText,
    valueNumber: row.valueNumber,
    unit: row.unit,
    figureKey: row.figureKey,
    villageId: row.villageId,
    moo,
    sourceImportId: row.sourceImportId,
    sourceUndone: source !== undefined && source.status !== 'active',
    sourceLabel: row.sourceLabel,
    dataDate: row.dataDate,
    pinnedAt: row.updatedAt,
  };
}

/** The live items, the newest first. */
export function listItems(db: Db): EvidenceItem[] {
  return db.select().from(evidenceItems).where(isNull(evidenceItems.deletedAt)).orderBy(desc(evidenceItems.id)).all().map((row) => view(db, row));
}

/** Pins a figure; its village and source import must exist. */
export function pinItem(tx: WriteTx, input: z.output<typeof pinInputSchema>): EvidenceItem {
  if (input.villageId && !tx.db.select({ id: villages.id }).from(villages).where(and(eq(villages.id, input.villageId), isNull(villages.deletedAt))).get()) {
    throw new ServiceError('NOT_FOUND', 'ไม่พบหมู่บ้านของตัวเลขนี้', 'The village of this figure does not exist', 'villageId');
  }
  if (input.sourceImportId && !tx.db.select({ id: imports.id }).from(imports).where(eq(imports.id, input.sourceImportId)).get()) {
    throw new ServiceError('NOT_FOUND', 'ไม่พบการนำเข้าที่เป็นแหล่งของตัวเลขนี้', 'The import this figure comes from does not exist', 'sourceImportId');
  }
  const row = insertRow(tx, evidenceItems, input);
  tx.detail = { figureKey: input.figureKey };
  return view(tx.db, row);
}

/** Unpins an item (a tombstone: {@link restoreItem} undoes it). */
export function unpinItem(tx: WriteTx, id: string): EvidenceItem {
  const row = tombstoneRow(tx, evidenceItems, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบหลักฐานนี้ (อาจถูกเอาออกไปแล้ว)', 'No such evidence item (it may have been removed)', 'id');
  return view(tx.db, row);
}

/** Brings an unpinned item back. */
export function restoreItem(tx: WriteTx, id: string): EvidenceItem {
  const row = restoreRow(tx, evidenceItems, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบหลักฐานที่เอาออกไว้นี้', 'No removed evidence item with this id', 'id');
  return view(tx.db, row);
}
