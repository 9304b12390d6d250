/**
 * Assessment rounds: each labelled (ก่อน / ระหว่าง / หลัง, or any label), dated, with notes, the
 * scores of every unit (each village, and the tambon as a whole) per criterion, who took part
 * (names local) and the evidence items it rests on. The results are the pure domain's
 * (`shared/domain/assessment.ts`) over the live rows; this module reads and writes them.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { compareRounds, inScale, tambonUnit, unitResult, type Framework, type RoundScores } from '../../../shared/domain/assessment';
import { ServiceError } from '../../../shared/domain/result';
import type { ComparisonView, GradesView, RoundDetail, RoundUnit, RoundView, roundInputSchema } from '../../../shared/ipc/assessment';
import type { WorkspaceDb } from '../../db/client';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { assessmentEvidence, assessmentParticipants, assessmentRounds, assessmentScores, evidenceItems, villages } from '../../db/schema';
import { currentFramework } from './framework';

type Db = WorkspaceDb['db'];
type RoundRow = typeof assessmentRounds.$inferSelect;
type RoundValues = z.output<typeof roundInputSchema>;

/** A unit as people read it: a village (หมู่ที่ and name) or the tambon. */
export interface Unit {
  key: string;
  villageId: string | null;
  moo: number | null;
  name: string;
}

/** The units of the workspace: every live village by หมู่ที่, then the tambon. */
export function workspaceUnits(db: Db): Unit[] {
  const list = db.select({ id: villages.id, moo: villages.moo, name: villages.name }).from(villages).where(isNull(villages.deletedAt)).orderBy(villages.moo).all();
  return [...list.map((v) => ({ key: v.id, villageId: v.id, moo: v.moo, name: v.name })), { key: tambonUnit, villageId: null, moo: null, name: 'ตำบล' }];
}

/** The live rounds, in the order they were made (UUIDv7 ids sort by time). */
export function liveRounds(db: Db): RoundRow[] {
  return db.select().from(assessmentRounds).where(isNull(assessmentRounds.deletedAt)).orderBy(assessmentRounds.id).all();
}

/** A round's live scores: unit key → criterion number → score. */
export function roundScores(db: Db, roundId: string): Map<string, Map<string, number>> {
  const rows = db
    .select({ villageId: assessmentScores.villageId, no: assessmentScores.criterionNo, score: assessmentScores.score })
    .from(assessmentScores)
    .where(and(eq(assessmentScores.roundId, roundId), isNull(assessmentScores.deletedAt)))
    .all();
  const units = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = r.villageId ?? tambonUnit;
    let scores = units.get(key);
    if (!scores) units.set(key, (scores = new Map<string, number>()));
    scores.set(r.no, r.score);
  }
  return units;
}

function roundView(db: Db, framework: Framework, row: RoundRow): RoundView {
  const units = row.deletedAt === null ? roundScores(db, row.id) : new Map<string, Map<string, number>>();
  return {
    id: row.id,
    label: row.label,
    roundDate: row.roundDate,
    notes: row.notes,
    frameworkId: row.frameworkId,
    participantCount: row.participantCount,
    fromImport: row.importId !== null,
    completeUnits: [...units.values()].filter((s) => unitResult(framework, s).complete).length,
    scoredUnits: units.size,
  };
}

/** Every live round as the list shows it. */
export function listRounds(db: Db, resourcesDir: string): RoundView[] {
  const { framework } = currentFramework(db, resourcesDir);
  return liveRounds(db).map((r) => roundView(db, framework, r));
}

function requireRound(db: Db, id: string): RoundRow {
  const row = db.select().from(assessmentRounds).where(and(eq(assessmentRounds.id, id), isNull(assessmentRounds.deletedAt))).get();
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบรอบการประเมินนี้ (อาจถูกลบไปแล้ว)', 'No such assessment round (it may have been removed)', 'id');
  return row;
}

/** A round in full: every unit (scored or not) with its result, who took part, its evidence. */
export function roundDetail(db: Db, resourcesDir: string, id: string): RoundDetail {
  const { framework } = currentFramework(db, resourcesDir);
  const row = requireRound(db, id);
  const scores = roundScores(db, id);
  const units: RoundUnit[] = workspaceUnits(db).map((u) => {
    const s = scores.get(u.key) ?? new Map<string, number>();
    return { ...u, scores: Object.fromEntries(s), result: unitResult(framework, s) };
  });
  const participants = db
    .select({ id: assessmentParticipants.id, name: assessmentParticipants.name, villageId: assessmentParticipants.villageId, role: assessmentParticipants.role })
    .from(assessmentParticipants)
    .where(and(eq(assessmentParticipants.roundId, id), isNull(assessmentParticipants.deletedAt)))
    .orderBy(assessmentParticipants.id)
    .all();
  const evidence = db
    .select({ id: assessmentEvidence.id, evidenceItemId: assessmentEvidence.evidenceItemId, title: assessmentEvidence.title, valueText: evidenceItems.valueText, deletedAt: evidenceItems.deletedAt })
    .from(assessmentEvidence)
    .leftJoin(evidenceItems, eq(evidenceItems.id, assessmentEvidence.evidenceItemId))
    .where(and(eq(assessmentEvidence.roundId, id), isNull(assessmentEvidence.deletedAt)))
    .orderBy(assessmentEvidence.id)
    .all()
    .map((e) => ({ id: e.id, evidenceItemId: e.evidenceItemId, title: e.title, valueText: e.valueText, live: e.valueText !== null && e.deletedAt === null }));
  return { round: roundView(db, framework, row), units, participants, evidence };
}

function assertLabelFree(db: Db, label: string, except?: string): void {
  const other = db.select({ id: assessmentRounds.id }).from(assessmentRounds).where(and(eq(assessmentRounds.label, label), isNull(assessmentRounds.deletedAt))).get();
  if (other && other.id !== except) {
    throw new ServiceError('CONFLICT', `มีรอบการประเมินชื่อ "${label}" อยู่แล้ว กรุณาตั้งชื่อรอบการประเมินอื่น`, `A round labelled "${label}" exists already; choose another round label`, 'label');
  }
}

/** Adds a round, begun with the framework in use. */
export function addRound(tx: WriteTx, resourcesDir: string, values: RoundValues, importId: string | null = null): RoundView {
  assertLabelFree(tx.db, values.label);
  const { framework } = currentFramework(tx.db, resourcesDir);
  const row = insertRow(tx, assessmentRounds, { ...values, frameworkId: framework.id, participantCount: 0, importId });
  tx.detail = { ...tx.detail, round: values.label };
  return roundView(tx.db, framework, row);
}

/** Changes a round's label, date or notes. */
export function updateRound(tx: WriteTx, resourcesDir: string, id: string, values: RoundValues): RoundView {
  requireRound(tx.db, id);
  assertLabelFree(tx.db, values.label, id);
  const row = updateRow(tx, assessmentRounds, id, values)!;
  tx.detail = { round: values.label };
  return roundView(tx.db, currentFramework(tx.db, resourcesDir).framework, row);
}

/** The tables whose rows belong to a round (removed and restored with it). */
const roundChildren = [assessmentScores, assessmentParticipants, assessmentEvidence] as const;

/** Removes a round with its scores, participants and evidence links (tombstones, one instant: {@link restoreRound} undoes it). */
export function removeRound(tx: WriteTx, resourcesDir: string, id: string): RoundView {
  requireRound(tx.db, id);
  for (const table of roundChildren) {
    for (const r of tx.db.select({ id: table.id }).from(table).where(and(eq(table.roundId, id), isNull(table.deletedAt))).all()) tombstoneRow(tx, table, r.id);
  }
  const row = tombstoneRow(tx, assessmentRounds, id)!;
  tx.detail = { round: row.label };
  return roundView(tx.db, currentFramework(tx.db, resourcesDir).framework, row);
}

/** Brings a removed round back, with the rows removed with it (those tombstoned at the round's instant). */
export function restoreRound(tx: WriteTx, resourcesDir: string, id: string): RoundView {
  const removed = tx.db.select().from(assessmentRounds).where(eq(assessmentRounds.id, id)).get();
  if (!removed?.deletedAt) throw new ServiceError('NOT_FOUND', 'ไม่พบรอบการประเมินที่ลบไว้นี้', 'No removed assessment round with this id', 'id');
  assertLabelFree(tx.db, removed.label);
  const row = restoreRow(tx, assessmentRounds, id)!;
  for (const table of roundChildren) {
    for (const r of tx.db.select({ id: table.id }).from(table).where(and(eq(table.roundId, id), eq(table.deletedAt, removed.deletedAt))).all()) restoreRow(tx, table, r.id);
  }
  tx.detail = { round: row.label };
  return roundView(tx.db, currentFramework(tx.db, resourcesDir).framework, row);
}

function requireVillage(db: Db, villageId: string): void {
  if (!db.select({ id: villages.id }).from(villages).where(and(eq(villages.id, villageId), isNull(villages.deletedAt))).get()) {
    throw new ServiceError('NOT_FOUND', 'ไม่พบหมู่บ้านนี้ในทะเบียนหมู่บ้าน', 'No such village in the register', 'villageId');
  }
}

/** The live score row of a unit and criterion in a round. */
export function scoreRow(db: Db, roundId: string, villageId: string | null, criterionNo: string) {
  return db
    .select({ id: assessmentScores.id, score: assessmentScores.score })
    .from(assessmentScores)
    .where(
      and(
        eq(assessmentScores.roundId, roundId),
        villageId === null ? isNull(assessmentScores.villageId) : eq(assessmentScores.villageId, villageId),
        eq(assessmentScores.criterionNo, criterionNo),
        isNull(assessmentScores.deletedAt),
      ),
    )
    .get();
}

/**
 * Sets one score (null clears it). The criterion must be in the framework and the score within
 * its scale; the message names the field and the real range. Answers the previous score (undo
 * sets it back) and the unit's result.
 */
export function setScore(
  tx: WriteTx,
  resourcesDir: string,
  input: { roundId: string; villageId: string | null; criterionNo: string; score: number | null },
): { previous: number | null; score: number | null; result: ReturnType<typeof unitResult> } {
  const { framework } = currentFramework(tx.db, resourcesDir);
  requireRound(tx.db, input.roundId);
  if (input.villageId !== null) requireVillage(tx.db, input.villageId);
  const criterion = framework.components.flatMap((c) => c.criteria).find((k) => k.no === input.criterionNo);
  if (!criterion) {
    throw new ServiceError('VALIDATION', `ไม่มีเกณฑ์ข้อ ${input.criterionNo} ในกรอบการประเมินที่ใช้อยู่`, `The framework in use has no criterion ${input.criterionNo}`, 'criterionNo');
  }
  if (input.score !== null && !inScale(framework, input.score)) {
    const { min, max } = framework.scale;
    throw new ServiceError('VALIDATION', `คะแนนต้องอยู่ระหว่าง ${min} ถึง ${max}`, `The score must be from ${min} to ${max}`, 'score');
  }
  const existing = scoreRow(tx.db, input.roundId, input.villageId, input.criterionNo);
  if (input.score === null) {
    if (existing) tombstoneRow(tx, assessmentScores, existing.id);
  } else if (!existing) {
    insertRow(tx, assessmentScores, { roundId: input.roundId, villageId: input.villageId, criterionNo: input.criterionNo, score: input.score, importId: null });
  } else if (existing.score !== input.score) updateRow(tx, assessmentScores, existing.id, { score: input.score });
  tx.detail = { criterion: input.criterionNo, unit: input.villageId ?? tambonUnit, score: input.score };
  const scores = roundScores(tx.db, input.roundId).get(input.villageId ?? tambonUnit) ?? new Map<string, number>();
  return { previous: existing?.score ?? null, score: input.score, result: unitResult(framework, scores) };
}

function syncParticipantCount(tx: WriteTx, roundId: string): void {
  const count = tx.db
    .select({ id: assessmentParticipants.id })
    .from(assessmentParticipants)
    .where(and(eq(assessmentParticipants.roundId, roundId), isNull(assessmentParticipants.deletedAt)))
    .all().length;
  updateRow(tx, assessmentRounds, roundId, { participantCount: count });
}

/** Adds who took part (the name stays in the workspace; the round's count travels). */
export function addParticipant(tx: WriteTx, input: { roundId: string; name: string; villageId: string | null; role: string | null }): { id: string } {
  requireRound(tx.db, input.roundId);
  if (input.villageId !== null) requireVillage(tx.db, input.villageId);
  const row = insertRow(tx, assessmentParticipants, input);
  syncParticipantCount(tx, input.roundId);
  return { id: row.id };
}

/** Removes a participant. */
export function removeParticipant(tx: WriteTx, id: string): { id: string } {
  const row = tombstoneRow(tx, assessmentParticipants, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบผู้ร่วมประเมินนี้', 'No such participant', 'id');
  syncParticipantCount(tx, row.roundId);
  return { id };
}

/** Links an evidence item pinned on the data dashboards to a round, keeping its title. */
export function linkEvidence(tx: WriteTx, input: { roundId: string; evidenceItemId: string }): { id: string } {
  requireRound(tx.db, input.roundId);
  const item = tx.db.select({ title: evidenceItems.title }).from(evidenceItems).where(and(eq(evidenceItems.id, input.evidenceItemId), isNull(evidenceItems.deletedAt))).get();
  if (!item) throw new ServiceError('NOT_FOUND', 'ไม่พบหลักฐานนี้ (อาจถูกเอาออกไปแล้ว)', 'No such evidence item (it may have been removed)', 'evidenceItemId');
  const linked = tx.db
    .select({ id: assessmentEvidence.id })
    .from(assessmentEvidence)
    .where(and(eq(assessmentEvidence.roundId, input.roundId), eq(assessmentEvidence.evidenceItemId, input.evidenceItemId), isNull(assessmentEvidence.deletedAt)))
    .get();
  if (linked) return linked;
  return { id: insertRow(tx, assessmentEvidence, { ...input, title: item.title }).id };
}

/** Unlinks an evidence item from a round. */
export function unlinkEvidence(tx: WriteTx, id: string): { id: string } {
  if (!tombstoneRow(tx, assessmentEvidence, id)) throw new ServiceError('NOT_FOUND', 'ไม่พบหลักฐานที่ผูกไว้นี้', 'No such evidence link', 'id');
  return { id };
}

/** Every live round's scores, in order, for the comparison. */
function allRoundScores(db: Db, rounds: readonly RoundRow[]): RoundScores[] {
  if (rounds.length === 0) return [];
  const rows = db
    .select({ roundId: assessmentScores.roundId, villageId: assessmentScores.villageId, no: assessmentScores.criterionNo, score: assessmentScores.score })
    .from(assessmentScores)
    .where(and(inArray(assessmentScores.roundId, rounds.map((r) => r.id)), isNull(assessmentScores.deletedAt)))
    .all();
  return rounds.map((round) => {
    const units = new Map<string, Map<string, number>>();
    for (const r of rows) {
      if (r.roundId !== round.id) continue;
      const key = r.villageId ?? tambonUnit;
      let s = units.get(key);
      if (!s) units.set(key, (s = new Map<string, number>()));
      s.set(r.no, r.score);
    }
    return { label: round.label, units };
  });
}

/** Every unit (the tambon last) across every round: results and what moved. */
export function comparison(db: Db, resourcesDir: string): ComparisonView {
  const { framework } = currentFramework(db, resourcesDir);
  const rounds = liveRounds(db);
  const byUnit = new Map(compareRounds(framework, allRoundScores(db, rounds)).map((c) => [c.unit, c]));
  const units = workspaceUnits(db).map((u) => {
    const c = byUnit.get(u.key) ?? compareRounds(framework, rounds.map((r) => ({ label: r.label, units: new Map([[u.key, new Map<string, number>()]]) })))[0];
    return { key: u.key, moo: u.moo, name: u.name, rounds: c?.rounds ?? [], moves: c?.moves ?? [] };
  });
  return { rounds: rounds.map((r) => ({ id: r.id, label: r.label })), units };
}

/** The grades of every unit per round (one round when `label` is given): DESIGN.md section 6's shape. */
export function grades(db: Db, resourcesDir: string, label?: string): GradesView {
  const { framework } = currentFramework(db, resourcesDir);
  const rounds = liveRounds(db).filter((r) => label === undefined || r.label === label);
  if (label !== undefined && rounds.length === 0) {
    throw new ServiceError('NOT_FOUND', `ไม่พบรอบการประเมิน "${label}"`, `No assessment round "${label}"`, 'round');
  }
  const units = workspaceUnits(db);
  return {
    framework: framework.id,
    rounds: allRoundScores(db, rounds).map((r) => ({
      label: r.label,
      units: units.map((u) => {
        const result = unitResult(framework, r.units.get(u.key) ?? new Map());
        return { moo: u.moo, percent: result.percent, grade: result.grade, components: result.components };
      }),
    })),
  };
}
