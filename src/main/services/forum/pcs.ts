/**
 * ตารางปัญหา–สาเหตุ–แนวทางแก้ไข — one table per strategic issue: ordered rows (ลำดับที่ | ปัญหา |
 * สาเหตุ | แนวทางแก้ไข), several causes and solutions per problem (one per line in the row), the
 * villages the problem came from, and the evidence attached beside the row.
 */
import { eq } from 'drizzle-orm';
import { forumLabels, type PcsRow } from '../../../shared/domain/forum';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { pcsRows } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { evidenceByRow } from './evidence';
import { checkConflict, definedOnly, liveRow, moveRow, notFound, orderedRows, parseJson, sortKeyAfter } from './rows';
import { assertLiveIssue, assertLiveVillage } from './villagePlans';

type Db = OpenWorkspace['db'];
type Row = typeof pcsRows.$inferSelect;

const lines = (text: string) => (text === '' ? [] : text.split('\n'));

/** A row as the app shows it (lists as lists), with its evidence. */
export function toPcsRow(row: Row, evidence: Map<string, PcsRow['evidence']>): PcsRow {
  return {
    id: row.id,
    rev: row.rev,
    updatedAt: row.updatedAt,
    issueId: row.issueId,
    problem: row.problem,
    causes: lines(row.causes),
    solutions: lines(row.solutions),
    sourceVillageIds: parseJson<string[]>(row.sourceVillageIds, []),
    evidence: evidence.get(row.id) ?? [],
    sortKey: row.sortKey,
  };
}

/** The stored columns of the typed fields. */
function columnsOf(values: Partial<{ problem: string; causes: string[]; solutions: string[]; sourceVillageIds: string[] }>) {
  const out: Partial<Pick<Row, 'problem' | 'causes' | 'solutions' | 'sourceVillageIds'>> = {};
  if (values.problem !== undefined) out.problem = values.problem;
  if (values.causes !== undefined) out.causes = values.causes.join('\n');
  if (values.solutions !== undefined) out.solutions = values.solutions.join('\n');
  if (values.sourceVillageIds !== undefined) out.sourceVillageIds = JSON.stringify(values.sourceVillageIds);
  return out;
}

/** The rows of one issue (or of every issue), in order. */
export function listPcs(db: Db, issueId?: string): PcsRow[] {
  const evidence = evidenceByRow(db);
  return orderedRows(db, pcsRows, issueId ? eq(pcsRows.issueId, issueId) : undefined).map((r) => toPcsRow(r, evidence));
}

/** One live row as the app shows it. */
export function getPcsRow(db: Db, id: string): PcsRow {
  return toPcsRow(liveRow(db, pcsRows, id), evidenceByRow(db, id));
}

/** Adds a row to an issue's table, after `after` or at the end; `importId` names the workbook import that brought it. */
export function addPcsRow(tx: WriteTx, input: ChannelParsed<'forum.pcs.add'>, options: { importId?: string } = {}): PcsRow {
  assertLiveIssue(tx.db, input.issueId);
  const values = input.values ?? {};
  for (const id of values.sourceVillageIds ?? []) assertLiveVillage(tx.db, id, 'sourceVillageIds');
  const sortKey = sortKeyAfter(tx, pcsRows, eq(pcsRows.issueId, input.issueId), input.after);
  const row = insertRow(tx, pcsRows, {
    issueId: input.issueId,
    problem: '',
    causes: '',
    solutions: '',
    sourceVillageIds: '[]',
    ...columnsOf(values),
    sortKey,
    importId: options.importId ?? null,
  });
  return toPcsRow(row, new Map());
}

const pcsLabels = {
  problem: forumLabels.problem,
  causes: forumLabels.cause,
  solutions: forumLabels.solution,
  sourceVillageIds: { th: 'หมู่บ้านที่เสนอ', en: 'Source villages' },
};

/** Changes a row's problem, causes, solutions or source villages. */
export function updatePcsRow(tx: WriteTx, input: ChannelParsed<'forum.pcs.update'>): PcsRow {
  const current = getPcsRow(tx.db, input.id);
  checkConflict(current, input, pcsLabels);
  const patch = definedOnly(input.patch);
  // A village deleted since the row listed it may stay listed; a new one must be live.
  for (const id of patch.sourceVillageIds ?? []) if (!current.sourceVillageIds.includes(id)) assertLiveVillage(tx.db, id, 'sourceVillageIds');
  updateRow(tx, pcsRows, input.id, columnsOf(patch));
  return getPcsRow(tx.db, input.id);
}

/** Moves a row one place up or down (Alt+↑ / Alt+↓). */
export function movePcsRow(tx: WriteTx, input: ChannelParsed<'forum.pcs.move'>): PcsRow[] {
  const row = liveRow(tx.db, pcsRows, input.id);
  const evidence = evidenceByRow(tx.db);
  return moveRow(tx, pcsRows, eq(pcsRows.issueId, row.issueId), input.id, input.direction).map((r) => toPcsRow(r, evidence));
}

/** Deletes a row (tombstone; its evidence links stay, and come back with it on undo). */
export function deletePcsRow(tx: WriteTx, id: string): PcsRow {
  const row = tombstoneRow(tx, pcsRows, id);
  if (!row) throw notFound();
  return toPcsRow(row, evidenceByRow(tx.db, id));
}

/** Undoes a row's delete. */
export function restorePcsRow(tx: WriteTx, id: string): PcsRow {
  const row = restoreRow(tx, pcsRows, id);
  if (!row) throw notFound();
  return toPcsRow(row, evidenceByRow(tx.db, id));
}
