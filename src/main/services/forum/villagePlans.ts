/**
 * แผนชุมชนหมู่บ้าน — each village's community plan: whether it was revised this cycle, its ranked
 * problems and needs, and its project ideas (how they would be done, an estimated budget, the
 * village's priority as their order). At the forum every item is classified under one strategic
 * issue of the framework (the classification board).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { forumLabels, type VillageItem, type VillagePlan } from '../../../shared/domain/forum';
import { ServiceError } from '../../../shared/domain/result';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { strategicIssues, villageItems, villagePlans, villages } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { checkConflict, definedOnly, liveRow, moveRow, notFound, orderedRows, sortKeyAfter } from './rows';

type Db = OpenWorkspace['db'];

/** A village item as the app shows it. */
export function toVillageItem(row: typeof villageItems.$inferSelect): VillageItem {
  return {
    id: row.id,
    rev: row.rev,
    updatedAt: row.updatedAt,
    villageId: row.villageId,
    kind: row.kind,
    text: row.text,
    how: row.how,
    estimatedBudget: row.estimatedBudget,
    issueId: row.issueId,
    sortKey: row.sortKey,
  };
}

const siblingsOf = (row: { villageId: string; kind: 'problem' | 'project' }) =>
  and(eq(villageItems.villageId, row.villageId), eq(villageItems.kind, row.kind));

/** A live village, or NOT_FOUND naming the field. */
export function assertLiveVillage(db: Db, id: string, field = 'villageId'): void {
  const row = db.select({ id: villages.id }).from(villages).where(and(eq(villages.id, id), isNull(villages.deletedAt))).get();
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบหมู่บ้านนี้ (อาจถูกลบไปแล้ว)', 'No such village (it may have been deleted)', field);
}

/** A live strategic issue of the framework, or NOT_FOUND naming the field. */
export function assertLiveIssue(db: Db, id: string, field = 'issueId'): void {
  const row = db.select({ id: strategicIssues.id }).from(strategicIssues).where(and(eq(strategicIssues.id, id), isNull(strategicIssues.deletedAt))).get();
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบประเด็นยุทธศาสตร์นี้', 'No such strategic issue', field);
}

/** The ids of the live villages. */
export function liveVillageIds(db: Db): Set<string> {
  return new Set(db.select({ id: villages.id }).from(villages).where(isNull(villages.deletedAt)).all().map((v) => v.id));
}

/** Every village's plan status and every item of a live village, in order. */
export function listVillagePlans(db: Db): { plans: VillagePlan[]; items: VillageItem[] } {
  const live = liveVillageIds(db);
  const plans = db
    .select()
    .from(villagePlans)
    .where(isNull(villagePlans.deletedAt))
    .all()
    .filter((p) => live.has(p.villageId))
    .map((p) => ({ villageId: p.villageId, revised: p.revised, revisedOn: p.revisedOn, rev: p.rev }));
  const items = orderedRows(db, villageItems, undefined)
    .filter((i) => live.has(i.villageId))
    .map(toVillageItem);
  return { plans, items };
}

/** Marks a village's plan revised (or not) this cycle, and when. */
export function setVillagePlan(tx: WriteTx, input: ChannelParsed<'forum.villagePlans.set'>): VillagePlan {
  assertLiveVillage(tx.db, input.villageId);
  const existing = tx.db
    .select()
    .from(villagePlans)
    .where(and(eq(villagePlans.villageId, input.villageId), isNull(villagePlans.deletedAt)))
    .get();
  const values = { revised: input.revised, revisedOn: input.revised ? input.revisedOn : null };
  const row = existing ? updateRow(tx, villagePlans, existing.id, values)! : insertRow(tx, villagePlans, { villageId: input.villageId, ...values });
  return { villageId: row.villageId, revised: row.revised, revisedOn: row.revisedOn, rev: row.rev };
}

/** Adds an item to a village's problems or project ideas, after `after` or at the end; `importId` names the workbook import that brought it. */
export function addVillageItem(tx: WriteTx, input: ChannelParsed<'forum.villageItems.add'>, options: { importId?: string } = {}): VillageItem {
  assertLiveVillage(tx.db, input.villageId);
  const sortKey = sortKeyAfter(tx, villageItems, siblingsOf(input), input.after);
  const values = input.values ?? {};
  const row = insertRow(tx, villageItems, {
    villageId: input.villageId,
    kind: input.kind,
    text: values.text ?? '',
    how: values.how ?? null,
    estimatedBudget: values.estimatedBudget ?? null,
    issueId: null,
    sortKey,
    importId: options.importId ?? null,
  });
  return toVillageItem(row);
}

const itemLabels = { text: forumLabels.itemText, how: forumLabels.how, estimatedBudget: forumLabels.estimatedBudget };

/** Changes an item's text, how it would be done or its estimated budget. */
export function updateVillageItem(tx: WriteTx, input: ChannelParsed<'forum.villageItems.update'>): VillageItem {
  const current = toVillageItem(liveRow(tx.db, villageItems, input.id));
  checkConflict(current, input, itemLabels);
  return toVillageItem(updateRow(tx, villageItems, input.id, definedOnly(input.patch))!);
}

/** Moves an item one place up or down in its village's list (its priority). */
export function moveVillageItem(tx: WriteTx, input: ChannelParsed<'forum.villageItems.move'>): VillageItem[] {
  const row = liveRow(tx.db, villageItems, input.id);
  return moveRow(tx, villageItems, siblingsOf(row), input.id, input.direction).map(toVillageItem);
}

/** Deletes an item (tombstone); {@link restoreVillageItem} undoes it. */
export function deleteVillageItem(tx: WriteTx, id: string): VillageItem {
  const row = tombstoneRow(tx, villageItems, id);
  if (!row) throw notFound();
  return toVillageItem(row);
}

/** Undoes an item's delete. */
export function restoreVillageItem(tx: WriteTx, id: string): VillageItem {
  const row = restoreRow(tx, villageItems, id);
  if (!row) throw notFound();
  return toVillageItem(row);
}

/**
 * Puts an item under a strategic issue (null: back to unclassified). `from` is where the board
 * showed it: if another window has moved it meanwhile, the move is refused as a conflict.
 */
export function classifyVillageItem(tx: WriteTx, input: ChannelParsed<'forum.villageItems.classify'>): VillageItem {
  const row = liveRow(tx.db, villageItems, input.id);
  if (row.issueId !== input.from) {
    throw new ServiceError(
      'CONFLICT',
      'รายการนี้ถูกย้ายไปประเด็นอื่นจากหน้าต่างอื่นแล้ว กระดานแสดงตำแหน่งล่าสุดให้แล้ว ลองย้ายอีกครั้งถ้าต้องการ',
      'This item was moved to another issue in another window; the board now shows where it is. Move it again if you mean to',
      'issueId',
    );
  }
  if (input.issueId) assertLiveIssue(tx.db, input.issueId);
  if (row.issueId === input.issueId) return toVillageItem(row);
  return toVillageItem(updateRow(tx, villageItems, input.id, { issueId: input.issueId })!);
}
