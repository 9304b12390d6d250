/**
 * Self-assessment of community potential (ชุมชนอินทรีย์อยู่ดีมีสุข, grades A / B / C): the
 * framework as data (DESIGN.md section 3), the percent and grade of a unit (a village, or the
 * tambon as a whole) scored in a round, each component's percent, and the comparison of rounds.
 *
 *   percent = Σ weight·(score − min) ÷ Σ weight·(max − min) × 100
 *   grade   = the first grade, in the listed order, whose `minPercent` ≤ percent
 *
 * A unit with a criterion unscored is incomplete: no percent, no grade. Pure: no I/O.
 */
import { z } from 'zod';
import { normalizeThaiDigits } from './thaiDigits';

/** The key of the tambon as a unit (villages are keyed by their id). */
export const tambonUnit = 'tambon';

/** A criterion number as written in a framework and a workbook header: `1.1`, `2.3`, `5`. */
export const criterionNoPattern = /^\d{1,3}(?:\.\d{1,3}){0,3}$/;

const text = (th: string, max: number) =>
  z
    .string({ error: `${th}ต้องเป็นข้อความ` })
    .normalize('NFC')
    .trim()
    .min(1, { error: `กรุณาระบุ${th}` })
    .max(max, { error: `${th}ยาวได้ไม่เกิน ${max} ตัวอักษร` })
    // eslint-disable-next-line no-control-regex -- refusing control and bidi characters is the point
    .refine((s) => !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(s), { error: `${th}มีอักขระควบคุมที่ใช้ไม่ได้` });

/** One criterion under a component: its number (`1.1`), its name and its weight (≥ 0). */
export const criterionSchema = z.object({
  no: z
    .string({ error: 'เลขข้อของเกณฑ์ต้องเป็นข้อความ เช่น "1.1"' })
    .transform((s) => normalizeThaiDigits(s).trim())
    .refine((s) => criterionNoPattern.test(s), { error: 'เลขข้อของเกณฑ์ต้องเป็นตัวเลขคั่นด้วยจุด เช่น 1.1' }),
  name: text('ชื่อเกณฑ์', 300),
  weight: z
    .number({ error: 'น้ำหนักของเกณฑ์ต้องเป็นตัวเลข' })
    .min(0, { error: 'น้ำหนักของเกณฑ์ต้องไม่ติดลบ' })
    .max(1000, { error: 'น้ำหนักของเกณฑ์ต้องไม่เกิน 1,000' }),
});

/** One component (องค์ประกอบ) of the framework, with its criteria. */
export const componentSchema = z.object({
  no: z.number({ error: 'ลำดับองค์ประกอบต้องเป็นตัวเลข' }).int({ error: 'ลำดับองค์ประกอบต้องเป็นจำนวนเต็ม' }).min(1).max(99),
  name: text('ชื่อองค์ประกอบ', 300),
  criteria: z.array(criterionSchema).min(1, { error: 'องค์ประกอบต้องมีเกณฑ์อย่างน้อย 1 ข้อ' }).max(100),
});

/** A grade and its cut-off (percent). */
export const gradeSchema = z.object({
  grade: text('ชื่อระดับ', 16),
  minPercent: z.number({ error: 'เกณฑ์ร้อยละของระดับต้องเป็นตัวเลข' }).min(0, { error: 'เกณฑ์ร้อยละต้องอยู่ระหว่าง 0 ถึง 100' }).max(100, { error: 'เกณฑ์ร้อยละต้องอยู่ระหว่าง 0 ถึง 100' }),
});

/**
 * A framework file (DESIGN.md section 3): `{"id","name","scale":{"min","max"},"components":
 * [{"no","name","criteria":[{"no":"1.1","name","weight"}]}],"grades":[{"grade":"A","minPercent":80},…]}`,
 * plus an optional `note` (the shipped one says its cut-offs are a starting point, not official).
 * Checked as a whole: scale min below max, criterion and component numbers unique, some weight
 * above zero, grades named once and listed from the highest cut-off down — so "the first grade
 * reached" is the best grade reached.
 */
export const frameworkSchema = z
  .object({
    id: z
      .string({ error: 'รหัสกรอบการประเมิน (id) ต้องเป็นข้อความ' })
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'รหัสกรอบการประเมิน (id) ใช้ได้เฉพาะ a–z 0–9 . _ - ไม่เกิน 64 ตัว' }),
    name: text('ชื่อกรอบการประเมิน', 300),
    note: text('หมายเหตุของกรอบการประเมิน', 2000).optional(),
    scale: z.object({
      min: z.number({ error: 'คะแนนต่ำสุดต้องเป็นตัวเลข' }).int({ error: 'คะแนนต่ำสุดต้องเป็นจำนวนเต็ม' }).min(0).max(100),
      max: z.number({ error: 'คะแนนสูงสุดต้องเป็นตัวเลข' }).int({ error: 'คะแนนสูงสุดต้องเป็นจำนวนเต็ม' }).min(1).max(100),
    }),
    components: z.array(componentSchema).min(1, { error: 'กรอบการประเมินต้องมีองค์ประกอบอย่างน้อย 1 องค์ประกอบ' }).max(20),
    grades: z.array(gradeSchema).min(1, { error: 'กรอบการประเมินต้องมีระดับอย่างน้อย 1 ระดับ' }).max(10),
  })
  .superRefine((f, ctx) => {
    if (f.scale.min >= f.scale.max) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: `คะแนนต่ำสุด (${f.scale.min}) ต้องน้อยกว่าคะแนนสูงสุด (${f.scale.max})` });
    }
    const components = new Set<number>();
    const criteria = new Set<string>();
    for (const c of f.components) {
      if (components.has(c.no)) ctx.addIssue({ code: 'custom', path: ['components'], message: `องค์ประกอบที่ ${c.no} ซ้ำกัน` });
      components.add(c.no);
      for (const k of c.criteria) {
        if (criteria.has(k.no)) ctx.addIssue({ code: 'custom', path: ['components'], message: `เกณฑ์ข้อ ${k.no} ซ้ำกัน เลขข้อของเกณฑ์ต้องไม่ซ้ำกันทั้งกรอบ` });
        criteria.add(k.no);
      }
    }
    if (f.components.every((c) => c.criteria.every((k) => k.weight === 0))) {
      ctx.addIssue({ code: 'custom', path: ['components'], message: 'น้ำหนักของเกณฑ์ทุกข้อเป็นศูนย์ จึงคำนวณร้อยละไม่ได้ ต้องมีเกณฑ์ที่มีน้ำหนักมากกว่าศูนย์อย่างน้อย 1 ข้อ' });
    }
    const names = new Set<string>();
    f.grades.forEach((g, i) => {
      if (names.has(g.grade)) ctx.addIssue({ code: 'custom', path: ['grades'], message: `ระดับ ${g.grade} ซ้ำกัน` });
      names.add(g.grade);
      const before = f.grades[i - 1];
      if (before && before.minPercent <= g.minPercent) {
        ctx.addIssue({
          code: 'custom',
          path: ['grades'],
          message: `ระดับต้องเรียงจากเกณฑ์ร้อยละสูงไปต่ำ: ระดับ ${g.grade} (ร้อยละ ${g.minPercent}) ต้องมีเกณฑ์ต่ำกว่าระดับ ${before.grade} (ร้อยละ ${before.minPercent}) ที่อยู่ก่อน มิฉะนั้น "ระดับแรกที่ถึงเกณฑ์" จะไม่ใช่ระดับที่ดีที่สุด`,
        });
      }
    });
  });

/** An assessment framework (see {@link frameworkSchema}). */
export type Framework = z.output<typeof frameworkSchema>;
/** A criterion of a framework. */
export type Criterion = Framework['components'][number]['criteria'][number];

/** A framework read from parsed JSON, or the reasons it is refused (Thai, one per line). */
export function parseFramework(json: unknown): { ok: true; framework: Framework } | { ok: false; messages: string[] } {
  const parsed = frameworkSchema.safeParse(json);
  if (parsed.success) return { ok: true, framework: parsed.data };
  const messages = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return { ok: false, messages: [...new Set(messages)] };
}

/** Every criterion of a framework, in order, with its component's number. */
export function criteriaOf(framework: Framework): (Criterion & { component: number })[] {
  return framework.components.flatMap((c) => c.criteria.map((k) => ({ ...k, component: c.no })));
}

/** A unit's scores in a round: criterion number → score. */
export type Scores = ReadonlyMap<string, number>;

/** Whether `score` is a score the framework's scale takes (any number from min to max). */
export function inScale(framework: Pick<Framework, 'scale'>, score: number): boolean {
  return Number.isFinite(score) && score >= framework.scale.min && score <= framework.scale.max;
}

/** The percent of one set of criteria, or null when one is unscored or all weigh nothing. */
function percentOf(framework: Framework, criteria: readonly Criterion[], scores: Scores): { percent: number | null; missing: string[] } {
  const { min, max } = framework.scale;
  let got = 0;
  let full = 0;
  const missing: string[] = [];
  for (const k of criteria) {
    const score = scores.get(k.no);
    if (score === undefined || !inScale(framework, score)) {
      missing.push(k.no);
      continue;
    }
    got += k.weight * (score - min);
    full += k.weight * (max - min);
  }
  if (missing.length > 0 || full === 0) return { percent: null, missing };
  // Rounded to a millionth, so 0.1 + 0.2 weights land on the cut-off they mean.
  return { percent: Math.round((got / full) * 100 * 1e6) / 1e6, missing };
}

/** The first grade, in the listed order, whose cut-off `percent` reaches; null when none. */
export function gradeOf(framework: Pick<Framework, 'grades'>, percent: number | null): string | null {
  if (percent === null) return null;
  return framework.grades.find((g) => g.minPercent <= percent)?.grade ?? null;
}

/** What a unit's scores in a round come to. */
export interface UnitResult {
  /** Every criterion scored (within the scale). */
  complete: boolean;
  /** Null when incomplete. */
  percent: number | null;
  /** Null when incomplete (or below every cut-off). */
  grade: string | null;
  /** Criterion numbers without a score. */
  missing: string[];
  /** Each component's percent (null while one of its criteria is unscored, or its weights are all zero). */
  components: { no: number; percent: number | null }[];
  /** Scores for criteria the framework does not have (kept, reported, never counted). */
  orphans: string[];
}

/** The percent, grade and component percents of one unit's scores (see the module comment). */
export function unitResult(framework: Framework, scores: Scores): UnitResult {
  const all = framework.components.flatMap((c) => c.criteria);
  const { percent, missing } = percentOf(framework, all, scores);
  const complete = missing.length === 0;
  const known = new Set(all.map((k) => k.no));
  return {
    complete,
    percent: complete ? percent : null,
    grade: complete ? gradeOf(framework, percent) : null,
    missing,
    components: framework.components.map((c) => ({ no: c.no, percent: percentOf(framework, c.criteria, scores).percent })),
    orphans: [...scores.keys()].filter((no) => !known.has(no)).sort(compareCriterionNo),
  };
}

/** Orders criterion numbers as people read them: 1.2 before 1.10. */
export function compareCriterionNo(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** A round as the comparison reads it: its label and each unit's scores (unit key → scores). */
export interface RoundScores {
  label: string;
  units: ReadonlyMap<string, Scores>;
}

/** How a unit's grade moved from one round to the next. */
export type GradeMove = 'up' | 'down' | 'same' | 'unknown';

/** What moved for one unit between two rounds in a row. */
export interface UnitMove {
  from: string;
  to: string;
  /** Percentage points; null when either round is incomplete. */
  percentChange: number | null;
  gradeFrom: string | null;
  gradeTo: string | null;
  move: GradeMove;
  components: { no: number; change: number | null }[];
}

/** One unit across rounds: its result in each round (in the order given) and what moved between each pair in a row. */
export interface UnitComparison {
  unit: string;
  rounds: { label: string; result: UnitResult }[];
  moves: UnitMove[];
}

const change = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 1e6) / 1e6);

/**
 * Compares rounds (in the order given, e.g. before, during, after) for every unit scored in any
 * of them: the result in each round, and between each round and the next the change of percent
 * and of each component's percent, and the grade's move — up when the later grade comes earlier
 * in the framework's list, `unknown` when either round has no grade.
 */
export function compareRounds(framework: Framework, rounds: readonly RoundScores[]): UnitComparison[] {
  const units = [...new Set(rounds.flatMap((r) => [...r.units.keys()]))];
  const rank = (grade: string | null) => (grade === null ? -1 : framework.grades.findIndex((g) => g.grade === grade));
  return units.map((unit) => {
    const results = rounds.map((r) => ({ label: r.label, result: unitResult(framework, r.units.get(unit) ?? new Map()) }));
    const moves = results.slice(1).map((to, i): UnitMove => {
      const from = results[i]!;
      const a = rank(from.result.grade);
      const b = rank(to.result.grade);
      return {
        from: from.label,
        to: to.label,
        percentChange: change(from.result.percent, to.result.percent),
        gradeFrom: from.result.grade,
        gradeTo: to.result.grade,
        move: a < 0 || b < 0 ? 'unknown' : a === b ? 'same' : b < a ? 'up' : 'down',
        components: framework.components.map((c, k) => ({ no: c.no, change: change(from.result.components[k]!.percent, to.result.components[k]!.percent) })),
      };
    });
    return { unit, rounds: results, moves };
  });
}

/** Units per grade (and incomplete ones) among results, in the framework's grade order. */
export function gradeCounts(framework: Pick<Framework, 'grades'>, results: readonly Pick<UnitResult, 'complete' | 'grade'>[]): { grade: string | null; units: number }[] {
  const counts: { grade: string | null; units: number }[] = framework.grades.map((g) => ({ grade: g.grade, units: 0 }));
  const none = { grade: null as string | null, units: 0 };
  for (const r of results) {
    const entry = counts.find((c) => c.grade === r.grade && r.grade !== null);
    if (entry) entry.units += 1;
    else none.units += 1;
  }
  return [...counts, none];
}

/**
 * What changing the framework does to scores already given: criterion numbers that have scores
 * but are not in the new framework (the scores are kept and reported, never deleted), and
 * criteria of the new framework that no round has scored yet.
 */
export function frameworkChange(next: Framework, scoredCriteria: Iterable<string>): { orphaned: string[]; unscored: string[] } {
  const scored = new Set(scoredCriteria);
  const known = new Set(criteriaOf(next).map((k) => k.no));
  return {
    orphaned: [...scored].filter((no) => !known.has(no)).sort(compareCriterionNo),
    unscored: [...known].filter((no) => !scored.has(no)).sort(compareCriterionNo),
  };
}
