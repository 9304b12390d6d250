/**
 * Lessons learned (ถอดบทเรียน): the records, their recorder (kept in a local table), what they are
 * attached to, and the keyword search. Every change goes through the write pipeline; a delete is a
 * tombstone of the lesson and of its recorder row, which {@link restoreLesson} undoes.
 *
 * Search: a query of three or more characters is matched through `lessons_fts` (FTS5, trigram
 * tokenizer: any run of characters inside Thai text), a shorter one by a scan of the same fields;
 * either way a lesson whose คำสำคัญ equals the query exactly is found too. `keyword` filters by one
 * keyword exactly.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { formatDateBE } from '../../../shared/domain/dates';
import { searchPlan, type Lesson, type LessonTarget, type LessonValues } from '../../../shared/domain/lessons';
import { ServiceError } from '../../../shared/domain/result';
import type { WorkspaceDb } from '../../db/client';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { assessmentRounds, forumRecords, lessonRecorders, lessons, projects } from '../../db/schema';

type Db = WorkspaceDb['db'];
type Sqlite = WorkspaceDb['sqlite'];
type LessonRow = typeof lessons.$inferSelect;

function parseKeywords(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** A live assessment round's label, or undefined when there is none with that id. */
function assessmentRound(db: Db, id: string): { label: string } | undefined {
  return db.select({ label: assessmentRounds.label }).from(assessmentRounds).where(and(eq(assessmentRounds.id, id), isNull(assessmentRounds.deletedAt))).get();
}

/** What a target is called, or null when it is gone. */
export function targetLabel(db: Db, target: LessonTarget): string | null {
  if (target.kind === 'forum') {
    const record = db.select().from(forumRecords).where(and(eq(forumRecords.id, target.id), isNull(forumRecords.deletedAt))).get();
    if (!record) return null;
    return ['เวทีประชาคมตำบล', record.heldOn ? formatDateBE(`${record.heldOn}T12:00:00`) : null, record.place].filter(Boolean).join(' ');
  }
  if (target.kind === 'project') {
    const project = db.select({ name: projects.name }).from(projects).where(and(eq(projects.id, target.id), isNull(projects.deletedAt))).get();
    return project ? `โครงการ ${project.name || '(ไม่มีชื่อ)'}` : null;
  }
  const round = assessmentRound(db, target.id);
  return round ? `รอบการประเมิน ${round.label}`.trim() : null;
}

/** Refuses a target that does not exist (or was deleted): a forum record, a project, an assessment round. */
function checkTarget(tx: WriteTx, target: LessonTarget | null): void {
  if (!target) return;
  const missing = (th: string, en: string) => new ServiceError('NOT_FOUND', `เรื่องที่เกี่ยวข้อง: ${th}`, `Attached to: ${en}`, 'target');
  if (target.kind === 'forum') {
    if (!tx.db.select({ id: forumRecords.id }).from(forumRecords).where(and(eq(forumRecords.id, target.id), isNull(forumRecords.deletedAt))).get()) {
      throw missing('ไม่พบบันทึกเวทีประชาคมนี้', 'no such forum record');
    }
  } else if (target.kind === 'project') {
    if (!tx.db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, target.id), isNull(projects.deletedAt))).get()) {
      throw missing('ไม่พบโครงการนี้ (อาจถูกลบไปแล้ว)', 'no such project (it may have been deleted)');
    }
  } else {
    if (!assessmentRound(tx.db, target.id)) throw missing('ไม่พบรอบการประเมินนี้', 'no such assessment round');
  }
}

function recorderOf(db: Db, lessonId: string): string | null {
  return db.select({ name: lessonRecorders.recorderName }).from(lessonRecorders).where(and(eq(lessonRecorders.lessonId, lessonId), isNull(lessonRecorders.deletedAt))).get()?.name ?? null;
}

function view(db: Db, row: LessonRow): Lesson {
  const target = row.targetKind && row.targetId ? ({ kind: row.targetKind as LessonTarget['kind'], id: row.targetId } satisfies LessonTarget) : null;
  return {
    id: row.id,
    rev: row.rev,
    updatedAt: row.updatedAt,
    title: row.title,
    heldOn: row.heldOn,
    place: row.place,
    recorder: recorderOf(db, row.id),
    story: row.story,
    knowledgeAssets: row.knowledgeAssets,
    coreCompetency: row.coreCompetency,
    strategy: row.strategy,
    relatedRules: row.relatedRules,
    keywords: parseKeywords(row.keywords),
    target,
    targetLabel: target ? targetLabel(db, target) : null,
  };
}

function columnsOf(values: LessonValues) {
  return {
    title: values.title,
    heldOn: values.heldOn,
    place: values.place,
    story: values.story,
    knowledgeAssets: values.knowledgeAssets,
    coreCompetency: values.coreCompetency,
    strategy: values.strategy,
    relatedRules: values.relatedRules,
    keywords: JSON.stringify(values.keywords),
    targetKind: values.target?.kind ?? null,
    targetId: values.target?.id ?? null,
  };
}

function writeRecorder(tx: WriteTx, lessonId: string, name: string | null): void {
  const current = tx.db.select().from(lessonRecorders).where(and(eq(lessonRecorders.lessonId, lessonId), isNull(lessonRecorders.deletedAt))).get();
  if (name === null) {
    if (current) tombstoneRow(tx, lessonRecorders, current.id);
  } else if (!current) insertRow(tx, lessonRecorders, { lessonId, recorderName: name });
  else if (current.recorderName !== name) updateRow(tx, lessonRecorders, current.id, { recorderName: name });
}

const notFound = () => new ServiceError('NOT_FOUND', 'ไม่พบบันทึกถอดบทเรียนนี้ (อาจถูกลบไปแล้ว)', 'No such lesson (it may have been deleted)', 'id');

/** One live lesson. */
export function getLesson(db: Db, id: string): Lesson {
  const row = db.select().from(lessons).where(and(eq(lessons.id, id), isNull(lessons.deletedAt))).get();
  if (!row) throw notFound();
  return view(db, row);
}

/** Records a new lesson. */
export function createLesson(tx: WriteTx, values: LessonValues): Lesson {
  checkTarget(tx, values.target);
  const row = insertRow(tx, lessons, columnsOf(values));
  writeRecorder(tx, row.id, values.recorder);
  tx.detail = { title: values.title };
  return view(tx.db, row);
}

/**
 * Saves a lesson edited from `rev`. When someone saved it meanwhile (another window), the change
 * is refused as CONFLICT: a form of many long fields cannot be merged field by field safely.
 */
export function updateLesson(tx: WriteTx, id: string, rev: number, values: LessonValues): Lesson {
  const current = tx.db.select().from(lessons).where(and(eq(lessons.id, id), isNull(lessons.deletedAt))).get();
  if (!current) throw notFound();
  if (current.rev !== rev) {
    throw new ServiceError(
      'CONFLICT',
      'บันทึกนี้ถูกแก้ไขจากหน้าต่างอื่นระหว่างที่คุณพิมพ์ กรุณาคัดลอกข้อความของคุณไว้ แล้วเปิดบันทึกใหม่',
      'This lesson was changed in another window while you typed; copy your text, then open it again',
      'rev',
    );
  }
  checkTarget(tx, values.target);
  const row = updateRow(tx, lessons, id, columnsOf(values))!;
  writeRecorder(tx, id, values.recorder);
  tx.detail = { title: values.title };
  return view(tx.db, row);
}

/** Deletes a lesson (a tombstone, with its recorder's row): {@link restoreLesson} undoes it. */
export function removeLesson(tx: WriteTx, id: string): { id: string; title: string } {
  const row = tombstoneRow(tx, lessons, id);
  if (!row) throw notFound();
  const recorder = tx.db.select().from(lessonRecorders).where(and(eq(lessonRecorders.lessonId, id), isNull(lessonRecorders.deletedAt))).get();
  if (recorder) tombstoneRow(tx, lessonRecorders, recorder.id);
  tx.detail = { title: row.title };
  return { id, title: row.title };
}

/** Brings a deleted lesson back, with the recorder deleted with it. */
export function restoreLesson(tx: WriteTx, id: string): Lesson {
  const deleted = tx.db.select().from(lessons).where(eq(lessons.id, id)).get();
  const row = restoreRow(tx, lessons, id);
  if (!row || !deleted?.deletedAt) throw new ServiceError('NOT_FOUND', 'ไม่พบบันทึกถอดบทเรียนที่ลบไว้นี้', 'No deleted lesson with this id', 'id');
  const recorder = tx.db
    .select()
    .from(lessonRecorders)
    .where(and(eq(lessonRecorders.lessonId, id), eq(lessonRecorders.deletedAt, deleted.deletedAt)))
    .orderBy(desc(lessonRecorders.id))
    .get();
  if (recorder) restoreRow(tx, lessonRecorders, recorder.id);
  return view(tx.db, row);
}

/** What the list shows: a search text, one keyword exactly, the lessons of one target. */
export interface LessonQuery {
  query?: string | undefined;
  keyword?: string | undefined;
  target?: LessonTarget | undefined;
}

/** The fields a search looks in, as one text (a scan for queries too short for the trigram index). */
const searchableText = ['l.title', "coalesce(l.place, '')", 'l.story', 'l.knowledge_assets', 'l.core_competency', 'l.strategy', 'l.related_rules', 'l.keywords'].join(' || char(10) || ');

/** The ids of the live lessons that match, newest activity first. */
export function searchLessonIds(sqlite: Sqlite, q: LessonQuery): string[] {
  const where = ['l.deleted_at is null'];
  const params: unknown[] = [];
  const plan = searchPlan(q.query ?? '');
  if (plan.kind !== 'none') {
    const text = plan.kind === 'fts' ? plan.match.slice(1, -1).replace(/""/g, '"') : plan.text;
    const exactKeyword = 'exists (select 1 from json_each(l.keywords) where value = ?)';
    if (plan.kind === 'fts') {
      where.push(`(l.id in (select lesson_id from lessons_fts where lessons_fts match ?) or ${exactKeyword})`);
      params.push(plan.match, text);
    } else {
      where.push(`(instr(lower(${searchableText}), lower(?)) > 0 or ${exactKeyword})`);
      params.push(plan.text, text);
    }
  }
  if (q.keyword) {
    where.push('exists (select 1 from json_each(l.keywords) where value = ?)');
    params.push(q.keyword.normalize('NFC').trim());
  }
  if (q.target) {
    where.push('l.target_kind = ? and l.target_id = ?');
    params.push(q.target.kind, q.target.id);
  }
  return sqlite
    .prepare(`select l.id from lessons l where ${where.join(' and ')} order by l.held_on is null, l.held_on desc, l.id desc`)
    .pluck()
    .all(...params) as string[];
}

/** The lessons a query selects, and every keyword in use with its count. */
export function listLessons(db: Db, sqlite: Sqlite, q: LessonQuery): { lessons: Lesson[]; keywords: { keyword: string; count: number }[]; total: number } {
  const ids = searchLessonIds(sqlite, q);
  const rows = ids.map((id) => db.select().from(lessons).where(eq(lessons.id, id)).get()!);
  const keywords = sqlite
    .prepare("select k.value as keyword, count(*) as count from lessons l, json_each(l.keywords) k where l.deleted_at is null group by k.value order by count(*) desc, k.value")
    .all() as { keyword: string; count: number }[];
  const total = (sqlite.prepare('select count(*) from lessons where deleted_at is null').pluck().get() as number) ?? 0;
  return { lessons: rows.map((row) => view(db, row)), keywords, total };
}

/** What a lesson can be attached to: the forum record, the projects, the assessment rounds. */
export function lessonTargets(db: Db): { kind: LessonTarget['kind']; id: string; label: string }[] {
  const out: { kind: LessonTarget['kind']; id: string; label: string }[] = [];
  const record = db.select().from(forumRecords).where(isNull(forumRecords.deletedAt)).get();
  if (record) out.push({ kind: 'forum', id: record.id, label: targetLabel(db, { kind: 'forum', id: record.id })! });
  for (const p of db.select({ id: projects.id, name: projects.name }).from(projects).where(isNull(projects.deletedAt)).orderBy(projects.issueId, projects.sortKey).all()) {
    out.push({ kind: 'project', id: p.id, label: `โครงการ ${p.name || '(ไม่มีชื่อ)'}` });
  }
  for (const r of db.select({ id: assessmentRounds.id, label: assessmentRounds.label }).from(assessmentRounds).where(isNull(assessmentRounds.deletedAt)).orderBy(assessmentRounds.roundDate, assessmentRounds.label).all()) {
    out.push({ kind: 'assessmentRound', id: r.id, label: `รอบการประเมิน ${r.label}` });
  }
  return out;
}
