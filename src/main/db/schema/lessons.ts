/**
 * The lessons capability's tables: ถอดบทเรียน, a structured record of what one activity taught
 * (ชื่อเรื่อง, date, place, the story, ขุมความรู้ / knowledge assets, แก่นความรู้ / core
 * competency, the strategy, related rules, คำสำคัญ), attached to a forum, a project or an
 * assessment round.
 *
 * Travel: the lesson itself is `aggregate`. Sharing what a tambon learned is what the record is
 * for (the province collects the tambons' knowledge assets), and its fields describe an activity,
 * not a person. The recorder (ผู้บันทึก) is a person's name, so it lives in `lesson_recorders`,
 * which is `local` and never leaves the office. A story may still name someone: the editor says,
 * beside the story, that it travels and that people are best named by their role.
 *
 * Keyword search: `lessons_fts` (FTS5 with the trigram tokenizer, made by migration 0008 with the
 * triggers that keep it in step; drizzle cannot declare a virtual table) finds any run of three
 * or more characters inside the text — Thai has no spaces between words, so a word tokenizer would
 * find nothing inside a sentence. It stores its own copy of the text keyed by `lesson_id` rather
 * than reading `lessons` by rowid: a table with a text primary key may have its rowids renumbered
 * by VACUUM, which would point an external-content index at the wrong rows.
 */
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowIdentity, type TravelClass } from './identity';

/** A lesson-learned record (ถอดบทเรียน) of one activity. */
export const lessons = sqliteTable(
  'lessons',
  {
    ...rowIdentity,
    /** ชื่อเรื่อง. */
    title: text('title').notNull(),
    /** ISO date of the activity. */
    heldOn: text('held_on'),
    place: text('place'),
    /** เรื่องเล่า: what happened (multi-line). */
    story: text('story').notNull().default(''),
    /** ขุมความรู้: the knowledge assets, one per line. */
    knowledgeAssets: text('knowledge_assets').notNull().default(''),
    /** แก่นความรู้: the core competency, one per line. */
    coreCompetency: text('core_competency').notNull().default(''),
    /** กลยุทธ์ที่ใช้. */
    strategy: text('strategy').notNull().default(''),
    /** กฎ ระเบียบ ข้อตกลงที่เกี่ยวข้อง. */
    relatedRules: text('related_rules').notNull().default(''),
    /** คำสำคัญ: JSON array of keywords, matched exactly. */
    keywords: text('keywords').notNull().default('[]'),
    /** What the lesson is attached to: `forum`, `project` or `assessmentRound`; null for none. */
    targetKind: text('target_kind'),
    /** The id of that row; text, since assessment rounds live in another capability. */
    targetId: text('target_id'),
  },
  (t) => [index('lessons_target_idx').on(t.targetKind, t.targetId)],
);

/** ผู้บันทึก of a lesson: a person's name, so local (one live row per lesson). */
export const lessonRecorders = sqliteTable(
  'lesson_recorders',
  {
    ...rowIdentity,
    lessonId: text('lesson_id')
      .notNull()
      .references(() => lessons.id),
    recorderName: text('recorder_name').notNull(),
  },
  (t) => [uniqueIndex('lesson_recorders_live_uq').on(t.lessonId).where(sql`deleted_at IS NULL`)],
);

/** The lessons capability's tables, by SQL name. */
export const lessonsTables = { lessons, lesson_recorders: lessonRecorders } as const;

/** How each of them travels (see the module comment). */
export const lessonsTravel = {
  lessons: 'aggregate',
  lesson_recorders: 'local',
} as const satisfies Record<keyof typeof lessonsTables, TravelClass>;

/** The full-text index of the lessons (a virtual table: not in {@link lessonsTables}, never travels). */
export const lessonsFtsTable = 'lessons_fts';
