/**
 * เวทีประชาคมตำบล — the record of the forum (date, place, agenda, facilitators, minutes) and its
 * participant register (name, village, role, organisation, group, attended). Names of people
 * live in local tables only: a package carries attendance counts.
 */
import { isNull } from 'drizzle-orm';
import { forumLabels, type ForumRecord, type Participant } from '../../../shared/domain/forum';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { forumFacilitators, forumRecords, participants } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { checkConflict, definedOnly, liveRow, moveRow, notFound, orderedRows, sortKeyAfter } from './rows';
import { assertLiveIssue, assertLiveVillage } from './villagePlans';

type Db = OpenWorkspace['db'];

/**
 * The forum record as the app shows it. Its `rev` is the sum of its two rows' revs (the record,
 * and the facilitators kept apart because they are names), so a change to either moves it on.
 */
export function getForumRecord(db: Db): ForumRecord {
  const record = db.select().from(forumRecords).where(isNull(forumRecords.deletedAt)).get();
  const people = db.select().from(forumFacilitators).where(isNull(forumFacilitators.deletedAt)).get();
  return {
    heldOn: record?.heldOn ?? null,
    place: record?.place ?? null,
    agenda: record?.agenda ?? null,
    minutes: record?.minutes ?? null,
    facilitators: people?.names ?? null,
    rev: record || people ? (record?.rev ?? 0) + (people?.rev ?? 0) : null,
  };
}

const recordLabels = {
  heldOn: forumLabels.heldOn,
  place: forumLabels.place,
  agenda: forumLabels.agenda,
  facilitators: forumLabels.facilitators,
  minutes: forumLabels.minutes,
};

/** Changes fields of the forum record (a conflict with another window's change is refused). */
export function updateForumRecord(tx: WriteTx, input: ChannelParsed<'forum.record.update'>): ForumRecord {
  const current = getForumRecord(tx.db);
  checkConflict({ ...current, rev: current.rev ?? 0 }, { ...input, rev: input.rev ?? 0 }, recordLabels);
  const { facilitators, ...rest } = definedOnly(input.patch);
  if (Object.keys(rest).length > 0) {
    const record = tx.db.select().from(forumRecords).where(isNull(forumRecords.deletedAt)).get();
    if (record) updateRow(tx, forumRecords, record.id, rest);
    else insertRow(tx, forumRecords, { heldOn: null, place: null, agenda: null, minutes: null, ...rest });
  }
  if (facilitators !== undefined) {
    const people = tx.db.select().from(forumFacilitators).where(isNull(forumFacilitators.deletedAt)).get();
    if (people) updateRow(tx, forumFacilitators, people.id, { names: facilitators });
    else insertRow(tx, forumFacilitators, { names: facilitators });
  }
  return getForumRecord(tx.db);
}

/** A participant as the app shows it. */
export function toParticipant(row: typeof participants.$inferSelect): Participant {
  return {
    id: row.id,
    rev: row.rev,
    updatedAt: row.updatedAt,
    name: row.name,
    villageId: row.villageId,
    role: row.role,
    organisation: row.organisation,
    groupIssueId: row.groupIssueId,
    attended: row.attended,
    sortKey: row.sortKey,
  };
}

/** The register, in order. */
export function listParticipants(db: Db): Participant[] {
  return orderedRows(db, participants, undefined).map(toParticipant);
}

function checkReferences(db: Db, values: { villageId?: string | null | undefined; groupIssueId?: string | null | undefined }): void {
  if (values.villageId) assertLiveVillage(db, values.villageId);
  if (values.groupIssueId) assertLiveIssue(db, values.groupIssueId, 'groupIssueId');
}

/** Registers a participant, after `after` or at the end. */
export function addParticipant(tx: WriteTx, input: ChannelParsed<'forum.participants.add'>): Participant {
  checkReferences(tx.db, input.values);
  const sortKey = sortKeyAfter(tx, participants, undefined, input.after);
  return toParticipant(insertRow(tx, participants, { ...input.values, sortKey }));
}

const participantLabels = {
  name: forumLabels.participantName,
  villageId: forumLabels.village,
  role: { th: 'บทบาท', en: 'Role' },
  organisation: forumLabels.organisation,
  groupIssueId: { th: 'กลุ่มประเด็น', en: 'Group' },
  attended: { th: 'มาร่วมเวที', en: 'Attended' },
};

/** Changes a participant's entry. */
export function updateParticipant(tx: WriteTx, input: ChannelParsed<'forum.participants.update'>): Participant {
  const current = toParticipant(liveRow(tx.db, participants, input.id));
  checkConflict(current, input, participantLabels);
  const patch = definedOnly(input.patch);
  checkReferences(tx.db, patch);
  return toParticipant(updateRow(tx, participants, input.id, patch)!);
}

/** Moves a participant one place up or down in the register. */
export function moveParticipant(tx: WriteTx, input: ChannelParsed<'forum.participants.move'>): Participant[] {
  return moveRow(tx, participants, undefined, input.id, input.direction).map(toParticipant);
}

/** Removes a participant (tombstone; undo restores). */
export function deleteParticipant(tx: WriteTx, id: string): Participant {
  const row = tombstoneRow(tx, participants, id);
  if (!row) throw notFound();
  return toParticipant(row);
}

/** Undoes a participant's removal. */
export function restoreParticipant(tx: WriteTx, id: string): Participant {
  const row = restoreRow(tx, participants, id);
  if (!row) throw notFound();
  return toParticipant(row);
}

/** The ids of the villages with at least one participant who attended. */
export function villagesWithAttendance(db: Db): Set<string> {
  return new Set(
    listParticipants(db)
      .filter((p) => p.attended && p.villageId)
      .map((p) => p.villageId!),
  );
}

