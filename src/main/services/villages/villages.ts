/**
 * หมู่บ้าน of the open workspace: list, add, edit, delete (tombstone) and undo. The headman's
 * name is a person's name, so it lives in the local-only `village_contacts` table.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { ServiceError } from '../../../shared/domain/result';
import type { Village, VillageValues } from '../../../shared/domain/villages';
import { villageCode } from '../../../shared/domain/villages';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { tambon, villageContacts, villages } from '../../db/schema';
import type { OpenWorkspace } from '../session';

type Db = OpenWorkspace['db'];

function toVillage(row: typeof villages.$inferSelect, headman: string | null): Village {
  return {
    id: row.id,
    moo: row.moo,
    name: row.name,
    code: row.code,
    households: row.households,
    population: row.population,
    headman,
    isCommunity: row.isCommunity,
    rev: row.rev,
    updatedAt: row.updatedAt,
  };
}

function tambonCode(db: Db): string {
  const row = db.select({ code: tambon.code }).from(tambon).where(isNull(tambon.deletedAt)).get();
  if (!row) throw new ServiceError('NOT_FOUND', 'พื้นที่ทำงานนี้ไม่มีข้อมูลตำบล', 'This workspace has no tambon');
  return row.code;
}

function assertMooFree(db: Db, moo: number, exceptId?: string): void {
  const clash = db
    .select({ id: villages.id, name: villages.name })
    .from(villages)
    .where(and(eq(villages.moo, moo), isNull(villages.deletedAt), exceptId ? ne(villages.id, exceptId) : undefined))
    .get();
  if (clash) {
    throw new ServiceError(
      'CONFLICT',
      `หมู่ที่ ${moo} มีอยู่แล้ว (${clash.name}) กรุณาใช้หมายเลขอื่น`,
      `Village number ${moo} already exists (${clash.name})`,
      'moo',
    );
  }
}

const notFound = () => new ServiceError('NOT_FOUND', 'ไม่พบหมู่บ้านนี้ (อาจถูกลบไปแล้ว)', 'No such village (it may have been deleted)', 'id');

function headmanOf(db: Db, villageId: string): string | null {
  return (
    db
      .select({ headman: villageContacts.headman })
      .from(villageContacts)
      .where(and(eq(villageContacts.villageId, villageId), isNull(villageContacts.deletedAt)))
      .get()?.headman ?? null
  );
}

function setHeadman(tx: WriteTx, villageId: string, headman: string | null): void {
  const existing = tx.db.select().from(villageContacts).where(eq(villageContacts.villageId, villageId)).get();
  if (!existing) {
    if (headman) insertRow(tx, villageContacts, { villageId, headman });
    return;
  }
  if (existing.deletedAt) restoreRow(tx, villageContacts, existing.id);
  if (existing.headman !== headman) updateRow(tx, villageContacts, existing.id, { headman });
}

/** The stored columns of a village as typed; the DOPA code follows the หมู่ที่ unless it is a ชุมชน. */
function villageColumns(db: Db, input: VillageValues) {
  return {
    moo: input.moo,
    name: input.name,
    code: input.isCommunity ? null : villageCode(tambonCode(db), input.moo),
    households: input.households,
    population: input.population,
    isCommunity: input.isCommunity,
  };
}

/** The live villages, by หมู่ที่. */
export function listVillages(ws: OpenWorkspace): Village[] {
  const rows = ws.db
    .select({ v: villages, headman: villageContacts.headman })
    .from(villages)
    .leftJoin(villageContacts, and(eq(villageContacts.villageId, villages.id), isNull(villageContacts.deletedAt)))
    .where(isNull(villages.deletedAt))
    .orderBy(villages.moo)
    .all();
  return rows.map((r) => toVillage(r.v, r.headman));
}

/** Adds a village; the หมู่ที่ must be free among live villages. */
export function addVillage(tx: WriteTx, input: VillageValues): Village {
  assertMooFree(tx.db, input.moo);
  const row = insertRow(tx, villages, villageColumns(tx.db, input));
  if (input.headman) insertRow(tx, villageContacts, { villageId: row.id, headman: input.headman });
  tx.detail = { moo: row.moo };
  return toVillage(row, input.headman);
}

/** Changes a live village. */
export function updateVillage(tx: WriteTx, id: string, input: VillageValues): Village {
  assertMooFree(tx.db, input.moo, id);
  const row = updateRow(tx, villages, id, villageColumns(tx.db, input));
  if (!row) throw notFound();
  setHeadman(tx, id, input.headman);
  tx.detail = { moo: row.moo };
  return toVillage(row, input.headman);
}

/** Deletes a village by tombstone (its contact too); {@link restoreVillage} undoes it. */
export function deleteVillage(tx: WriteTx, id: string): Village {
  const headman = headmanOf(tx.db, id);
  const row = tombstoneRow(tx, villages, id);
  if (!row) throw notFound();
  const contact = tx.db.select().from(villageContacts).where(and(eq(villageContacts.villageId, id), isNull(villageContacts.deletedAt))).get();
  if (contact) tombstoneRow(tx, villageContacts, contact.id);
  tx.detail = { moo: row.moo };
  return toVillage(row, headman);
}

/** Undoes a delete, unless another live village has taken its หมู่ที่ meanwhile. */
export function restoreVillage(tx: WriteTx, id: string): Village {
  const dead = tx.db.select().from(villages).where(eq(villages.id, id)).get();
  if (!dead || dead.deletedAt === null) {
    throw new ServiceError('NOT_FOUND', 'ไม่พบหมู่บ้านที่ลบไว้นี้', 'No deleted village with this id', 'id');
  }
  assertMooFree(tx.db, dead.moo);
  const row = restoreRow(tx, villages, id)!;
  const contact = tx.db.select().from(villageContacts).where(eq(villageContacts.villageId, id)).get();
  if (contact?.deletedAt) restoreRow(tx, villageContacts, contact.id);
  tx.detail = { moo: row.moo };
  return toVillage(row, contact?.headman ?? null);
}
