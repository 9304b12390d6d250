/**
 * Lessons learned (ถอดบทเรียน): the record of what one activity taught, its field schemas (each
 * refusal names the field by its Thai label), what it may be attached to, and how a search is
 * read. Pure: the service, the screens and the print document share it.
 */
import { z } from 'zod';
import { bilingual, optionalTextField, textField, type Label } from './fields';

/** What a lesson can be attached to: the forum, a project, or an assessment round. */
export const lessonTargetKinds = ['forum', 'project', 'assessmentRound'] as const;
/** One of {@link lessonTargetKinds}. */
export type LessonTargetKind = (typeof lessonTargetKinds)[number];

/** The fields' labels, as the editor and the print document show them. */
export const lessonLabels = {
  title: { th: 'ชื่อเรื่อง', en: 'Title' },
  heldOn: { th: 'วันที่', en: 'Date' },
  place: { th: 'สถานที่', en: 'Place' },
  recorder: { th: 'ผู้บันทึก', en: 'Recorded by' },
  story: { th: 'เรื่องเล่า', en: 'Story' },
  knowledgeAssets: { th: 'ขุมความรู้', en: 'Knowledge assets' },
  coreCompetency: { th: 'แก่นความรู้', en: 'Core competency' },
  strategy: { th: 'กลยุทธ์ที่ใช้', en: 'Strategy' },
  relatedRules: { th: 'กฎ ระเบียบ ข้อตกลงที่เกี่ยวข้อง', en: 'Related rules' },
  keywords: { th: 'คำสำคัญ', en: 'Keywords' },
  target: { th: 'เรื่องที่เกี่ยวข้อง', en: 'Attached to' },
} as const satisfies Record<string, Label>;

/** Length limits (characters). */
export const lessonLimits = { title: 300, place: 300, recorder: 200, longText: 20_000, keyword: 60, keywords: 30, query: 200 } as const;

/** An ISO date (YYYY-MM-DD) of the activity; a refusal names the field. */
const lessonDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual(`${lessonLabels.heldOn.th}ไม่ถูกต้อง (พิมพ์เป็น วัน/เดือน/ปี พ.ศ.)`, `${lessonLabels.heldOn.en} is not a valid date`) })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: bilingual(`${lessonLabels.heldOn.th}ไม่ถูกต้อง`, `${lessonLabels.heldOn.en} is not a valid date`) });

const longText = (label: Label) => textField(label, { max: lessonLimits.longText, min: 0, multiline: true });

/** The keywords a person typed: each one line of free text, blanks and repeats dropped. */
export const keywordsField = z
  .array(textField(lessonLabels.keywords, { max: lessonLimits.keyword, min: 0 }), { error: bilingual('คำสำคัญต้องเป็นรายการ', 'Keywords must be a list') })
  .max(lessonLimits.keywords, { error: bilingual(`คำสำคัญใส่ได้ไม่เกิน ${lessonLimits.keywords} คำ`, `Keywords: at most ${lessonLimits.keywords}`) })
  .transform((items) => [...new Set(items.filter((k) => k !== ''))]);

/** What a lesson is attached to. */
export const lessonTargetSchema = z.object({ kind: z.enum(lessonTargetKinds), id: z.string().min(1).max(100) }).strict();
/** What a lesson is attached to. */
export type LessonTarget = z.infer<typeof lessonTargetSchema>;

/** The fields of a lesson a person types. */
export const lessonValues = z
  .object({
    title: textField(lessonLabels.title, { max: lessonLimits.title }),
    heldOn: lessonDate.nullable(),
    place: optionalTextField(lessonLabels.place, { max: lessonLimits.place }),
    recorder: optionalTextField(lessonLabels.recorder, { max: lessonLimits.recorder }),
    story: longText(lessonLabels.story),
    knowledgeAssets: longText(lessonLabels.knowledgeAssets),
    coreCompetency: longText(lessonLabels.coreCompetency),
    strategy: longText(lessonLabels.strategy),
    relatedRules: longText(lessonLabels.relatedRules),
    keywords: keywordsField,
    target: lessonTargetSchema.nullable(),
  })
  .strict();
/** The fields of a lesson, as validated. */
export type LessonValues = z.output<typeof lessonValues>;

/** A lesson as the screens show it. */
export const lessonSchema = z.object({
  id: z.string(),
  rev: z.number(),
  updatedAt: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  place: z.string().nullable(),
  recorder: z.string().nullable(),
  story: z.string(),
  knowledgeAssets: z.string(),
  coreCompetency: z.string(),
  strategy: z.string(),
  relatedRules: z.string(),
  keywords: z.array(z.string()),
  target: lessonTargetSchema.nullable(),
  /** What the target is called (the forum's date, a project's name), or null when it is gone or unknown here. */
  targetLabel: z.string().nullable(),
});
/** A lesson. */
export type Lesson = z.infer<typeof lessonSchema>;

/** An empty lesson, for a new form. */
export const emptyLessonValues: z.input<typeof lessonValues> = {
  title: '',
  heldOn: null,
  place: null,
  recorder: null,
  story: '',
  knowledgeAssets: '',
  coreCompetency: '',
  strategy: '',
  relatedRules: '',
  keywords: [],
  target: null,
};

/** Keywords typed in one box, separated by commas or new lines (Thai commas too). */
export function splitKeywords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n،、，]/)
        .map((k) => k.normalize('NFC').trim())
        .filter((k) => k !== ''),
    ),
  ];
}

/**
 * How a search text is matched: FTS5's trigram tokenizer indexes runs of three characters, so a
 * query of three or more characters (code points: a Thai tone mark counts) goes through the index
 * as one phrase; a shorter one (two Thai letters, "นา") is looked for by a plain scan.
 */
export function searchPlan(query: string): { kind: 'none' } | { kind: 'fts'; match: string } | { kind: 'scan'; text: string } {
  const text = query.normalize('NFC').trim();
  if (text === '') return { kind: 'none' };
  if ([...text].length < 3) return { kind: 'scan', text };
  // One FTS5 phrase: double quotes inside it are doubled, so nothing typed is read as a query operator.
  return { kind: 'fts', match: `"${text.replace(/"/g, '""')}"` };
}
