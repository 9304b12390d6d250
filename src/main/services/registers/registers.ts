/**
 * The registers of people and organisations (shared/domain/registers.ts): read them, add and
 * change a row, delete it by tombstone and undo the delete, and keep the settings (the welfare
 * funds' matching rule, the activity plan's six headings, the self-assessment topics). Every
 * change runs inside the one write pipeline's transaction (`tx`), through the repository helpers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull, max, ne, sql, type SQL } from 'drizzle-orm';
import {
  benefitsSchema,
  fundYearFigures,
  leaderRoom,
  registerSettingsSchema,
  selfAssessmentSchema,
  type FundYearValues,
  type LearningCentreValues,
  type LeaderValues,
  type OrganisationValues,
  type PlanItemValues,
  type RegisterSettings,
  type WelfareFundValues,
  type WorkingGroupValues,
} from '../../../shared/domain/registers';
import { ServiceError } from '../../../shared/domain/result';
import type { RegisterKind, RegistersView } from '../../../shared/ipc/registers';
import { insertRow, restoreRow, tombstoneRow, updateRow, type TravellingTable, type WriteTx } from '../../db/repository';
import {
  communityOrganisations,
  learningCentres,
  registerSettings,
  villageLeaders,
  villages,
  welfareFunds,
  welfareFundYears,
  welfarePlanItems,
  workingGroup,
} from '../../db/schema';
import type { WorkspaceDb } from '../../db/client';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

type Db = WorkspaceDb['db'];
type Ordered = TravellingTable & { sortKey: SQLiteColumn };

/** The table of each register a row can be deleted from and restored to. */
export const registerTables = {
  'working-group': workingGroup,
  leaders: villageLeaders,
  'learning-centres': learningCentres,
  'welfare-funds': welfareFunds,
  'fund-years': welfareFundYears,
  'plan-items': welfarePlanItems,
  organisations: communityOrganisations,
} as const satisfies Record<RegisterKind, TravellingTable>;

const notFound = () => new ServiceError('NOT_FOUND', 'ไม่พบรายการนี้ (อาจถูกลบไปแล้ว)', 'No such row (it may have been deleted)', 'id');

/** The shipped settings (`resources/data/registers.json`). */
export function defaultSettings(resourcesDir: string): RegisterSettings {
  const raw = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'registers.json'), 'utf8')) as Record<string, unknown>;
  return registerSettingsSchema.parse({ matchingRule: raw.matchingRule, planHeadings: raw.planHeadings, assessmentTopics: raw.assessmentTopics });
}

/** The settings the office saved, else the shipped ones. */
export function currentSettings(db: Db, resourcesDir: string): RegisterSettings {
  const row = db.select().from(registerSettings).where(isNull(registerSettings.deletedAt)).get();
  if (row) {
    const parsed = registerSettingsSchema.safeParse(JSON.parse(row.settings));
    if (parsed.success) return parsed.data;
  }
  return defaultSettings(resourcesDir);
}

/** Saves the settings (the one live row). */
export function saveSettings(tx: WriteTx, settings: RegisterSettings): RegisterSettings {
  const row = tx.db.select().from(registerSettings).where(isNull(registerSettings.deletedAt)).get();
  const text = JSON.stringify(settings);
  if (row) updateRow(tx, registerSettings, row.id, { settings: text });
  else insertRow(tx, registerSettings, { settings: text });
  return settings;
}

function liveVillage(db: Db, id: string | null): { id: string; moo: number } | null {
  if (id === null) return null;
  const v = db.select({ id: villages.id, moo: villages.moo }).from(villages).where(and(eq(villages.id, id), isNull(villages.deletedAt))).get();
  if (!v) throw new ServiceError('VALIDATION', 'ไม่พบหมู่บ้านที่เลือก (อาจถูกลบไปแล้ว)', 'The chosen village is not there (it may have been deleted)', 'villageId');
  return v;
}

function nextSortKey(db: Db, table: Ordered): number {
  const row = db.select({ top: max(table.sortKey) }).from(table as TravellingTable).where(isNull(table.deletedAt)).get() as { top: number | null } | undefined;
  return (row?.top ?? 0) + 1;
}

function live<T extends TravellingTable>(db: Db, table: T, id: string): T['$inferSelect'] {
  const row = db.select().from(table as TravellingTable).where(and(eq(table.id, id), isNull(table.deletedAt))).get() as T['$inferSelect'] | undefined;
  if (!row) throw notFound();
  return row;
}

/** Live leaders of a village, not counting `exceptId`. */
function leadersOf(db: Db, villageId: string, exceptId?: string): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(villageLeaders)
    .where(and(eq(villageLeaders.villageId, villageId), isNull(villageLeaders.deletedAt), exceptId ? ne(villageLeaders.id, exceptId) : undefined))
    .get();
  return row?.n ?? 0;
}

function assertLeaderRoom(db: Db, village: { id: string; moo: number }, exceptId?: string): void {
  const room = leaderRoom(leadersOf(db, village.id, exceptId), 1, `หมู่ที่ ${village.moo}`);
  if (!room.ok) throw new ServiceError('REFUSED', room.th, room.en, 'villageId');
}

/** Adds (no `id`) or changes a working-group member or facilitator. */
export function saveWorkingGroup(tx: WriteTx, id: string | undefined, v: WorkingGroupValues): string {
  const values = { kind: v.kind, name: v.name, position: v.kind === 'member' ? v.position : null, sector: v.kind === 'facilitator' ? v.sector : null, organisation: v.organisation, phone: v.phone };
  if (id === undefined) return insertRow(tx, workingGroup, { ...values, sortKey: nextSortKey(tx.db, workingGroup) }).id;
  if (!updateRow(tx, workingGroup, id, values)) throw notFound();
  return id;
}

/** Adds or changes a village leader; a village takes at most eight. `importId` names the import that brought it. */
export function saveLeader(tx: WriteTx, id: string | undefined, v: LeaderValues, importId: string | null = null): string {
  const village = liveVillage(tx.db, v.villageId)!;
  assertLeaderRoom(tx.db, village, id);
  const values = { villageId: v.villageId, name: v.name, role: v.role, phone: v.phone, training: v.training, successor: v.successor, selfAssessment: JSON.stringify(v.selfAssessment) };
  if (id === undefined) return insertRow(tx, villageLeaders, { ...values, sortKey: nextSortKey(tx.db, villageLeaders), importId }).id;
  if (!updateRow(tx, villageLeaders, id, values)) throw notFound();
  return id;
}

/** Adds or changes a learning centre. */
export function saveLearningCentre(tx: WriteTx, id: string | undefined, v: LearningCentreValues, importId: string | null = null): string {
  liveVillage(tx.db, v.villageId);
  const values = { name: v.name, villageId: v.villageId, activities: v.activities, peopleServed: v.peopleServed };
  if (id === undefined) return insertRow(tx, learningCentres, { ...values, sortKey: nextSortKey(tx.db, learningCentres), importId }).id;
  if (!updateRow(tx, learningCentres, id, values)) throw notFound();
  return id;
}

/** Adds or changes a welfare fund. */
export function saveWelfareFund(tx: WriteTx, id: string | undefined, v: WelfareFundValues, importId: string | null = null): string {
  liveVillage(tx.db, v.villageId);
  const values = { name: v.name, villageId: v.villageId, tier: v.tier, startYear: v.startYear, members: v.members, monthlyContribution: v.monthlyContribution };
  if (id === undefined) return insertRow(tx, welfareFunds, { ...values, sortKey: nextSortKey(tx.db, welfareFunds), importId }).id;
  if (!updateRow(tx, welfareFunds, id, values)) throw notFound();
  return id;
}

/** Sets a fund's figures of one year (one live row per fund and year: a second save of the year changes it). */
export function saveFundYear(tx: WriteTx, v: FundYearValues, importId: string | null = null): string {
  live(tx.db, welfareFunds, v.fundId);
  const values = { fundId: v.fundId, year: v.year, members: v.members, contributions: v.contributions, benefits: JSON.stringify(v.benefits) };
  const existing = tx.db
    .select({ id: welfareFundYears.id })
    .from(welfareFundYears)
    .where(and(eq(welfareFundYears.fundId, v.fundId), eq(welfareFundYears.year, v.year), isNull(welfareFundYears.deletedAt)))
    .get();
  if (existing) {
    updateRow(tx, welfareFundYears, existing.id, importId ? { ...values, importId } : values);
    return existing.id;
  }
  return insertRow(tx, welfareFundYears, { ...values, importId }).id;
}

/** Adds or changes an item of a fund's activity plan. */
export function savePlanItem(tx: WriteTx, id: string | undefined, v: PlanItemValues): string {
  live(tx.db, welfareFunds, v.fundId);
  const values = { fundId: v.fundId, heading: v.heading, activity: v.activity, dueDate: v.dueDate, done: v.done };
  if (id === undefined) return insertRow(tx, welfarePlanItems, { ...values, sortKey: nextSortKey(tx.db, welfarePlanItems) }).id;
  if (!updateRow(tx, welfarePlanItems, id, values)) throw notFound();
  return id;
}

/** Adds or changes a community organisation or savings group. */
export function saveOrganisation(tx: WriteTx, id: string | undefined, v: OrganisationValues, importId: string | null = null): string {
  liveVillage(tx.db, v.villageId);
  const values = { name: v.name, villageId: v.villageId, kind: v.kind, members: v.members, capital: v.capital };
  if (id === undefined) return insertRow(tx, communityOrganisations, { ...values, sortKey: nextSortKey(tx.db, communityOrganisations), importId }).id;
  if (!updateRow(tx, communityOrganisations, id, values)) throw notFound();
  return id;
}

/** The rows of a fund that go and come back with it. */
const fundChildren = [welfareFundYears, welfarePlanItems] as const;

/** Deletes a row by tombstone (a fund with its years and plan); {@link restoreRegisterRow} undoes it. */
export function deleteRegisterRow(tx: WriteTx, register: RegisterKind, id: string): { register: RegisterKind; id: string } {
  if (!tombstoneRow(tx, registerTables[register], id)) throw notFound();
  if (register === 'welfare-funds') {
    for (const table of fundChildren) {
      for (const child of tx.db.select({ id: table.id }).from(table).where(and(eq(table.fundId, id), isNull(table.deletedAt))).all()) tombstoneRow(tx, table, child.id);
    }
  }
  return { register, id };
}

/** Undoes a delete (a fund's years and plan items deleted with it come back too). */
export function restoreRegisterRow(tx: WriteTx, register: RegisterKind, id: string): { register: RegisterKind; id: string } {
  const table = registerTables[register];
  const dead = tx.db.select().from(table as TravellingTable).where(eq(table.id, id)).get() as { deletedAt: string | null; villageId?: string } | undefined;
  if (!dead || dead.deletedAt === null) throw new ServiceError('NOT_FOUND', 'ไม่พบรายการที่ลบไว้นี้', 'No deleted row with this id', 'id');
  if (register === 'leaders') assertLeaderRoom(tx.db, liveVillage(tx.db, dead.villageId!)!);
  if ((register === 'fund-years' || register === 'plan-items') && 'fundId' in dead) live(tx.db, welfareFunds, String(dead.fundId));
  restoreRow(tx, table, id);
  if (register === 'welfare-funds') {
    for (const t of fundChildren) {
      for (const child of tx.db.select({ id: t.id }).from(t).where(and(eq(t.fundId, id), eq(t.deletedAt, dead.deletedAt))).all()) restoreRow(tx, t, child.id);
    }
  }
  return { register, id };
}

function ordered<T extends Ordered>(db: Db, table: T, where?: SQL): T['$inferSelect'][] {
  return db
    .select()
    .from(table as TravellingTable)
    .where(and(isNull(table.deletedAt), where))
    .orderBy(asc(table.sortKey), asc(table.id))
    .all();
}

/** Every register, read for the screen and the workbook: live rows in order, each fund with its years (and the shares due) and its plan. */
export function readRegisters(db: Db, resourcesDir: string): RegistersView {
  const settings = currentSettings(db, resourcesDir);
  const years = db.select().from(welfareFundYears).where(isNull(welfareFundYears.deletedAt)).orderBy(asc(welfareFundYears.year)).all();
  const items = ordered(db, welfarePlanItems);
  return {
    settings,
    workingGroup: ordered(db, workingGroup).map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      position: r.position as RegistersView['workingGroup'][number]['position'],
      sector: r.sector as RegistersView['workingGroup'][number]['sector'],
      organisation: r.organisation,
      phone: r.phone,
    })),
    leaders: ordered(db, villageLeaders).map((r) => {
      const parsed = selfAssessmentSchema.safeParse(JSON.parse(r.selfAssessment));
      return {
        id: r.id,
        villageId: r.villageId,
        name: r.name,
        role: r.role as RegistersView['leaders'][number]['role'],
        phone: r.phone,
        training: r.training,
        successor: r.successor,
        selfAssessment: parsed.success ? parsed.data : {},
        importId: r.importId,
      };
    }),
    learningCentres: ordered(db, learningCentres).map((r) => ({ id: r.id, name: r.name, villageId: r.villageId, activities: r.activities, peopleServed: r.peopleServed, importId: r.importId })),
    welfareFunds: ordered(db, welfareFunds).map((f) => ({
      id: f.id,
      name: f.name,
      villageId: f.villageId,
      tier: f.tier,
      startYear: f.startYear,
      members: f.members,
      monthlyContribution: f.monthlyContribution,
      importId: f.importId,
      years: years
        .filter((y) => y.fundId === f.id)
        .map((y) => {
          const parsed = benefitsSchema.safeParse(JSON.parse(y.benefits));
          const benefits = parsed.success ? parsed.data : {};
          return { id: y.id, year: y.year, members: y.members, contributions: y.contributions, benefits, figures: fundYearFigures(f, { ...y, benefits }, settings.matchingRule) };
        }),
      plan: items.filter((i) => i.fundId === f.id).map((i) => ({ id: i.id, heading: i.heading, activity: i.activity, dueDate: i.dueDate, done: i.done })),
    })),
    organisations: ordered(db, communityOrganisations).map((r) => ({
      id: r.id,
      name: r.name,
      villageId: r.villageId,
      kind: r.kind as RegistersView['organisations'][number]['kind'],
      members: r.members,
      capital: r.capital,
      importId: r.importId,
    })),
  };
}
