/**
 * การวิเคราะห์ตำบล — the tambon analysis boards built live at the forum: SWOT (จุดแข็ง / จุดอ่อน /
 * โอกาส / ข้อจำกัด), identity (อัตลักษณ์), occupational position and vision, each an ordered list.
 */
import { eq } from 'drizzle-orm';
import { forumLabels, type AnalysisItem } from '../../../shared/domain/forum';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { analysisItems } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { checkConflict, definedOnly, liveRow, moveRow, notFound, orderedRows, sortKeyAfter } from './rows';

type Db = OpenWorkspace['db'];

const toItem = (row: typeof analysisItems.$inferSelect): AnalysisItem => ({
  id: row.id,
  rev: row.rev,
  updatedAt: row.updatedAt,
  board: row.board,
  text: row.text,
  sortKey: row.sortKey,
});

/** Every board's items, in order. */
export function listAnalysis(db: Db): AnalysisItem[] {
  return orderedRows(db, analysisItems, undefined).map(toItem);
}

/** Adds an item to a board. */
export function addAnalysisItem(tx: WriteTx, input: ChannelParsed<'forum.analysis.add'>): AnalysisItem {
  const sortKey = sortKeyAfter(tx, analysisItems, eq(analysisItems.board, input.board), input.after);
  return toItem(insertRow(tx, analysisItems, { board: input.board, text: input.values?.text ?? '', sortKey }));
}

/** Changes an item's text. */
export function updateAnalysisItem(tx: WriteTx, input: ChannelParsed<'forum.analysis.update'>): AnalysisItem {
  const current = toItem(liveRow(tx.db, analysisItems, input.id));
  checkConflict(current, input, { text: forumLabels.analysisText });
  return toItem(updateRow(tx, analysisItems, input.id, definedOnly(input.patch))!);
}

/** Moves an item within its board. */
export function moveAnalysisItem(tx: WriteTx, input: ChannelParsed<'forum.analysis.move'>): AnalysisItem[] {
  const row = liveRow(tx.db, analysisItems, input.id);
  return moveRow(tx, analysisItems, eq(analysisItems.board, row.board), input.id, input.direction).map(toItem);
}

/** Deletes an item (tombstone). */
export function deleteAnalysisItem(tx: WriteTx, id: string): AnalysisItem {
  const row = tombstoneRow(tx, analysisItems, id);
  if (!row) throw notFound();
  return toItem(row);
}

/** Undoes an item's delete. */
export function restoreAnalysisItem(tx: WriteTx, id: string): AnalysisItem {
  const row = restoreRow(tx, analysisItems, id);
  if (!row) throw notFound();
  return toItem(row);
}
