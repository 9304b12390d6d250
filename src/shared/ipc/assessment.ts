/**
 * Self-assessment of community potential (ชุมชนอินทรีย์อยู่ดีมีสุข, grades A / B / C): the
 * framework (shipped, or the province's own from a JSON file), assessment rounds with their
 * scores per unit (each village and the tambon) and criterion, who took part, the evidence they
 * rest on, the comparison of rounds, the grades and the scores workbook. The workbook comes back
 * through the imports capability's job (kind `assessment`).
 */
import { z } from 'zod';
import { frameworkSchema } from '../domain/assessment';
import { optionalTextField, pathField, textField } from '../domain/fields';
import { idInput, none } from './common';
import { defineSlice } from './define';

/** The labels of a round's fields and a score, as forms and messages name them. */
export const assessmentLabels = {
  label: { th: 'ชื่อรอบการประเมิน', en: 'Round label' },
  date: { th: 'วันที่ประเมิน', en: 'Date of the round' },
  notes: { th: 'บันทึก', en: 'Notes' },
  participant: { th: 'ชื่อผู้ร่วมประเมิน', en: 'Participant name' },
  role: { th: 'บทบาท', en: 'Role' },
  score: { th: 'คะแนน', en: 'Score' },
} as const;

const id = z.string().min(1).max(100);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'วันที่ประเมินต้องเป็นวันที่ / The date of the round must be a date' });
const unitResultSchema = z.object({
  complete: z.boolean(),
  percent: z.number().nullable(),
  grade: z.string().nullable(),
  missing: z.array(z.string()),
  components: z.array(z.object({ no: z.number(), percent: z.number().nullable() })),
  orphans: z.array(z.string()),
});

/** The framework in use, and whether it is the shipped starting point. */
export const frameworkViewSchema = z.object({
  framework: frameworkSchema,
  shipped: z.boolean(),
  /** Criterion numbers that have scores in some round but are not in the framework (kept, never counted). */
  orphaned: z.array(z.string()),
});
/** The framework in use. */
export type FrameworkView = z.infer<typeof frameworkViewSchema>;

/** A round as the list shows it. */
export const roundSchema = z.object({
  id: z.string(),
  label: z.string(),
  roundDate: z.string().nullable(),
  notes: z.string().nullable(),
  frameworkId: z.string(),
  participantCount: z.number(),
  fromImport: z.boolean(),
  /** Units (villages and the tambon) with every criterion scored, and those with any score. */
  completeUnits: z.number(),
  scoredUnits: z.number(),
});
/** A round. */
export type RoundView = z.infer<typeof roundSchema>;

/** A unit of a round: a village or the tambon (`villageId` null), its scores and what they come to. */
export const roundUnitSchema = z.object({
  key: z.string(),
  villageId: z.string().nullable(),
  moo: z.number().nullable(),
  name: z.string(),
  scores: z.record(z.string(), z.number()),
  result: unitResultSchema,
});
/** A unit of a round. */
export type RoundUnit = z.infer<typeof roundUnitSchema>;

/** A round with its units, participants and evidence. */
export const roundDetailSchema = z.object({
  round: roundSchema,
  units: z.array(roundUnitSchema),
  participants: z.array(z.object({ id: z.string(), name: z.string(), villageId: z.string().nullable(), role: z.string().nullable() })),
  evidence: z.array(z.object({ id: z.string(), evidenceItemId: z.string(), title: z.string(), valueText: z.string().nullable(), live: z.boolean() })),
});
/** A round in full. */
export type RoundDetail = z.infer<typeof roundDetailSchema>;

/** Every unit across every round: its result per round and what moved between rounds in a row. */
export const comparisonSchema = z.object({
  rounds: z.array(z.object({ id: z.string(), label: z.string() })),
  units: z.array(
    z.object({
      key: z.string(),
      moo: z.number().nullable(),
      name: z.string(),
      rounds: z.array(z.object({ label: z.string(), result: unitResultSchema })),
      moves: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          percentChange: z.number().nullable(),
          gradeFrom: z.string().nullable(),
          gradeTo: z.string().nullable(),
          move: z.enum(['up', 'down', 'same', 'unknown']),
          components: z.array(z.object({ no: z.number(), change: z.number().nullable() })),
        }),
      ),
    }),
  ),
});
/** The comparison of rounds. */
export type ComparisonView = z.infer<typeof comparisonSchema>;

/** The grades of every unit per round: DESIGN.md section 6's `assessment grades` shape. */
export const gradesSchema = z.object({
  framework: z.string(),
  rounds: z.array(
    z.object({
      label: z.string(),
      units: z.array(
        z.object({
          moo: z.number().nullable(),
          percent: z.number().nullable(),
          grade: z.string().nullable(),
          components: z.array(z.object({ no: z.number(), percent: z.number().nullable() })),
        }),
      ),
    }),
  ),
});
/** The grades per round. */
export type GradesView = z.infer<typeof gradesSchema>;

/** A round's fields a person types. */
export const roundInputSchema = z.object({
  label: textField(assessmentLabels.label, { max: 31 }).refine((s) => !/[\\/*?:[\]]/.test(s), {
    error: 'ชื่อรอบการประเมินใช้อักขระ \\ / * ? : [ ] ไม่ได้ (เป็นชื่อชีตใน Excel) / Round label: \\ / * ? : [ ] cannot be used (it names an Excel sheet)',
  }),
  roundDate: isoDay.nullable().default(null),
  notes: optionalTextField(assessmentLabels.notes, { max: 4000, multiline: true }).default(null),
});

/** The assessment capability's calls. */
export const assessmentSlice = defineSlice({
  capability: 'assessment',
  channels: {
    'assessment.framework': { input: none, output: frameworkViewSchema, reads: ['assessment_frameworks', 'assessment_scores', 'assessment_rounds'] },
    /** Sets the workspace's framework from a JSON file; scores of criteria it no longer has are kept and reported. */
    'assessment.setFramework': {
      input: z.object({ path: pathField }).strict(),
      output: frameworkViewSchema.extend({ unscored: z.array(z.string()) }),
    },
    /** Goes back to the shipped framework. */
    'assessment.resetFramework': { input: none, output: frameworkViewSchema },
    'assessment.rounds': { input: none, output: z.array(roundSchema), reads: ['assessment_rounds', 'assessment_scores', 'assessment_frameworks', 'villages'] },
    'assessment.round': {
      input: idInput,
      output: roundDetailSchema,
      reads: ['assessment_rounds', 'assessment_scores', 'assessment_participants', 'assessment_evidence', 'assessment_frameworks', 'villages', 'evidence_items'],
    },
    'assessment.addRound': { input: roundInputSchema.strict(), output: roundSchema },
    'assessment.updateRound': { input: roundInputSchema.extend({ id }).strict(), output: roundSchema },
    /** Removes a round with its scores (tombstones: `assessment.restoreRound` undoes it). */
    'assessment.removeRound': { input: idInput, output: roundSchema },
    'assessment.restoreRound': { input: idInput, output: roundSchema },
    /** Sets (or, with null, clears) one score; answers the previous score, for undo, and the unit's result. */
    'assessment.setScore': {
      input: z
        .object({
          roundId: id,
          villageId: id.nullable(),
          criterionNo: z.string().min(1).max(20),
          score: z.number({ error: 'คะแนนต้องเป็นตัวเลข / The score must be a number' }).finite().nullable(),
        })
        .strict(),
      output: z.object({ previous: z.number().nullable(), score: z.number().nullable(), result: unitResultSchema }),
    },
    'assessment.addParticipant': {
      input: z
        .object({
          roundId: id,
          name: textField(assessmentLabels.participant, { max: 200 }),
          villageId: id.nullable().default(null),
          role: optionalTextField(assessmentLabels.role, { max: 100 }).default(null),
        })
        .strict(),
      output: z.object({ id: z.string() }),
    },
    'assessment.removeParticipant': { input: idInput, output: z.object({ id: z.string() }) },
    'assessment.linkEvidence': { input: z.object({ roundId: id, evidenceItemId: id }).strict(), output: z.object({ id: z.string() }) },
    'assessment.unlinkEvidence': { input: idInput, output: z.object({ id: z.string() }) },
    'assessment.comparison': { input: none, output: comparisonSchema, reads: ['assessment_rounds', 'assessment_scores', 'assessment_frameworks', 'villages'] },
    'assessment.grades': {
      input: z.object({ round: z.string().max(100).optional() }).strict(),
      output: gradesSchema,
      reads: ['assessment_rounds', 'assessment_scores', 'assessment_frameworks', 'villages'],
    },
    /** The scores workbook: one sheet per round (named by its label), `หมู่ที่` then a column per criterion, `ตำบล` for the tambon. */
    'assessment.exportWorkbook': { input: z.object({ path: pathField }).strict(), output: z.object({ path: z.string(), sheets: z.array(z.string()) }) },
  },
});
