/**
 * Lessons learned (ถอดบทเรียน): the records, keyword search, what a lesson can be attached to,
 * delete with undo, and the print-ready A4 PDF (and a Word document) of one lesson, of the lessons
 * a search shows, or of every lesson of a target.
 */
import { z } from 'zod';
import { pathField } from '../domain/fields';
import { lessonLimits, lessonSchema, lessonTargetKinds, lessonTargetSchema, lessonValues } from '../domain/lessons';
import { idInput } from './common';
import { defineSlice } from './define';

const reads = ['lessons', 'lesson_recorders', 'projects', 'forum_records'] as const;

/** A lesson in the list: its fields and, when searching, where the text was found. */
export const lessonListSchema = z.object({
  lessons: z.array(lessonSchema),
  /** Every keyword in use with its number of lessons, for the keyword chips. */
  keywords: z.array(z.object({ keyword: z.string(), count: z.number() })),
  total: z.number(),
});

/** Something a lesson can be attached to, as the picker lists it. */
export const lessonTargetOptionSchema = z.object({ kind: z.enum(lessonTargetKinds), id: z.string(), label: z.string() });

/** What the PDF export writes: one lesson, the lessons listed (as a search shows them), those of one target, or every lesson. */
export const lessonExportInput = z
  .object({
    path: pathField,
    id: z.string().min(1).max(100).optional(),
    ids: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
    target: lessonTargetSchema.optional(),
  })
  .strict();

/** The lessons capability's slice. */
export const lessonsSlice = defineSlice({
  capability: 'lessons',
  channels: {
    'lessons.list': {
      input: z
        .object({
          query: z.string().max(lessonLimits.query).optional(),
          keyword: z.string().max(lessonLimits.keyword).optional(),
          target: lessonTargetSchema.optional(),
        })
        .strict(),
      output: lessonListSchema,
      reads,
    },
    'lessons.get': { input: idInput, output: lessonSchema, reads },
    'lessons.targets': { input: z.object({}).strict(), output: z.array(lessonTargetOptionSchema), reads },
    'lessons.create': { input: z.object({ values: lessonValues }).strict(), output: lessonSchema },
    'lessons.update': { input: z.object({ id: z.string().min(1).max(100), rev: z.number().int().min(1), values: lessonValues }).strict(), output: lessonSchema },
    'lessons.remove': { input: idInput, output: z.object({ id: z.string(), title: z.string() }) },
    'lessons.restore': { input: idInput, output: lessonSchema },
    'lessons.exportPdf': { input: lessonExportInput, output: z.object({ path: z.string(), bytes: z.number(), pages: z.number(), lessons: z.number() }) },
    'lessons.exportDocx': { input: lessonExportInput, output: z.object({ path: z.string(), bytes: z.number(), lessons: z.number() }) },
  },
});
