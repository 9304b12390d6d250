/**
 * The plan the forum proposes into (name, revision, year span, how votes are counted), the
 * funders and the three source columns they map to, and the tambon's local offices (a tambon may
 * have an อบต. and a เทศบาลตำบล; each project names the office whose plan takes it).
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { thaiFiscalYear } from '../../../shared/domain/dates';
import {
  commonFunders,
  forumLabels,
  type Funder,
  type Office,
  type PlanSettings,
} from '../../../shared/domain/forum';
import { refused, ServiceError } from '../../../shared/domain/result';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { forumSettings, funders, offices, projects } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { checkConflict, definedOnly, liveRow, notFound, orderedRows, sortKeyAfter } from './rows';

type Db = OpenWorkspace['db'];

/** The settings a workspace has before anyone sets them: a 5-year local plan from next fiscal year. */
export function defaultPlanSettings(now: Date): PlanSettings {
  return { planName: 'แผนพัฒนาท้องถิ่น', planRevision: null, firstYear: thaiFiscalYear(now) + 1, yearCount: 5, voteMethod: 'dots' };
}

/** The plan's settings, and whether anyone has set them. */
export function planSettings(db: Db, now: Date): { plan: PlanSettings; stored: boolean } {
  const row = db.select().from(forumSettings).where(isNull(forumSettings.deletedAt)).get();
  if (!row) return { plan: defaultPlanSettings(now), stored: false };
  return {
    plan: { planName: row.planName, planRevision: row.planRevision, firstYear: row.firstYear, yearCount: row.yearCount, voteMethod: row.voteMethod },
    stored: true,
  };
}

/** Sets the plan's settings. */
export function savePlanSettings(tx: WriteTx, input: ChannelParsed<'forum.settings.save'>): PlanSettings {
  const row = tx.db.select().from(forumSettings).where(isNull(forumSettings.deletedAt)).get();
  if (row) updateRow(tx, forumSettings, row.id, input);
  else insertRow(tx, forumSettings, input);
  return input;
}

const toFunder = (row: typeof funders.$inferSelect): Funder => ({
  id: row.id,
  rev: row.rev,
  updatedAt: row.updatedAt,
  name: row.name,
  column: row.column,
  sortKey: row.sortKey,
});

const toOffice = (row: typeof offices.$inferSelect): Office => ({
  id: row.id,
  rev: row.rev,
  updatedAt: row.updatedAt,
  type: row.type,
  name: row.name,
  isHost: row.isHost,
});

/** The funders, in their order. */
export function listFunders(db: Db): Funder[] {
  return orderedRows(db, funders, undefined).map(toFunder);
}

/** The live offices, the host first. */
export function listOffices(db: Db): Office[] {
  const rows = db.select().from(offices).where(isNull(offices.deletedAt)).orderBy(asc(offices.updatedAt)).all();
  return rows.sort((a, b) => Number(b.isHost) - Number(a.isHost)).map(toOffice);
}

function assertFunderNameFree(db: Db, name: string, exceptId?: string): void {
  const clash = listFunders(db).find((f) => f.name === name && f.id !== exceptId);
  if (clash) throw new ServiceError('CONFLICT', `มีแหล่งงบประมาณชื่อ “${name}” อยู่แล้ว`, `A funder named “${name}” already exists`, 'name');
}

/** Adds a funder at the end of the list. */
export function addFunder(tx: WriteTx, input: ChannelParsed<'forum.funders.add'>): Funder {
  assertFunderNameFree(tx.db, input.name);
  return toFunder(insertRow(tx, funders, { ...input, sortKey: sortKeyAfter(tx, funders, undefined, null) }));
}

/** Adds the usual funders (see `commonFunders`) that the list does not have yet. */
export function addCommonFunders(tx: WriteTx): Funder[] {
  const have = new Set(listFunders(tx.db).map((f) => f.name));
  return commonFunders.filter((f) => !have.has(f.name)).map((f) => toFunder(insertRow(tx, funders, { ...f, sortKey: sortKeyAfter(tx, funders, undefined, null) })));
}

const funderLabels = { name: forumLabels.funderName, column: { th: 'คอลัมน์แหล่งงบประมาณ', en: 'Source column' } };

/** Renames or remaps a funder; the projects' amounts follow it to its new column. */
export function updateFunder(tx: WriteTx, input: ChannelParsed<'forum.funders.update'>): Funder {
  const row = liveRow(tx.db, funders, input.id);
  checkConflict(toFunder(row), input, funderLabels);
  const patch = definedOnly(input.patch);
  if (patch.name !== undefined) assertFunderNameFree(tx.db, patch.name, input.id);
  return toFunder(updateRow(tx, funders, input.id, patch)!);
}

/** Deletes a funder (tombstone; undo restores it). Projects keep their amounts under its column. */
export function deleteFunder(tx: WriteTx, id: string): Funder {
  const row = tombstoneRow(tx, funders, id);
  if (!row) throw notFound();
  return toFunder(row);
}

/** Undoes a funder's delete. */
export function restoreFunder(tx: WriteTx, id: string): Funder {
  const row = restoreRow(tx, funders, id);
  if (!row) throw notFound();
  assertFunderNameFree(tx.db, row.name, row.id);
  return toFunder(row);
}

/** The most local offices a tambon has (an อบต. and a เทศบาลตำบล, and room for one more). */
const maxOffices = 3;

/** Adds another local office of the tambon. */
export function addOffice(tx: WriteTx, input: ChannelParsed<'forum.offices.add'>): Office {
  const n = tx.db.select({ n: count() }).from(offices).where(isNull(offices.deletedAt)).get()?.n ?? 0;
  if (n >= maxOffices) {
    throw refused(`ตำบลหนึ่งมีหน่วยงานได้ไม่เกิน ${maxOffices} แห่ง`, `A tambon has at most ${maxOffices} local offices`);
  }
  return toOffice(insertRow(tx, offices, { ...input, isHost: false }));
}

/** Renames an office or changes its type. */
export function updateOffice(tx: WriteTx, input: ChannelParsed<'forum.offices.update'>): Office {
  const row = liveRow(tx.db, offices, input.id);
  checkConflict(toOffice(row), input, { name: forumLabels.officeName, type: { th: 'ประเภทหน่วยงาน', en: 'Office type' } });
  return toOffice(updateRow(tx, offices, input.id, definedOnly(input.patch))!);
}

/** Removes an office that is not the host and that no project names. */
export function deleteOffice(tx: WriteTx, id: string): Office {
  const row = liveRow(tx.db, offices, id);
  if (row.isHost) throw refused('ลบหน่วยงานเจ้าของพื้นที่ทำงานไม่ได้', 'The host office cannot be removed', 'id');
  const used = tx.db.select({ n: count() }).from(projects).where(and(eq(projects.officeId, id), isNull(projects.deletedAt))).get()?.n ?? 0;
  if (used > 0) {
    throw refused(
      `ยังมีโครงการ ${used} โครงการที่ระบุหน่วยงานนี้ กรุณาเปลี่ยนหน่วยงานของโครงการเหล่านั้นก่อน`,
      `${used} project(s) name this office; change their office first`,
      'id',
    );
  }
  return toOffice(tombstoneRow(tx, offices, id)!);
}
