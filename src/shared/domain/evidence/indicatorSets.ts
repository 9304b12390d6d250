/**
 * จปฐ. indicator sets as data (DESIGN.md §3): a set has groups and numbered indicators, each
 * judged per household as pass, fail or not applicable; optionally a target % per indicator
 * and, for the income indicator (item 22 in 2560–2564), a per-capita threshold per survey year.
 * Sets change every five years, so none is written into the code: the 2560–2564 set ships as a
 * file, others are added from a JSON or Excel file. No target or threshold is ever invented.
 */
import { z } from 'zod';
import { bilingual } from '../fields';
import { normalizeThaiDigits } from '../thaiDigits';

/** Whether an indicator counts people or households (informative: answers are per household). */
export const indicatorUnits = ['person', 'household'] as const;
/** One of {@link indicatorUnits}. */
export type IndicatorUnit = (typeof indicatorUnits)[number];

const yearSchema = z.number().int().min(2500).max(2700);

/** One indicator of a set. */
export const indicatorSchema = z.object({
  no: z.number().int().min(1).max(200),
  group: z.number().int().min(1).max(50),
  nameTh: z.string().trim().min(1).max(500),
  unit: z.enum(indicatorUnits).nullable().default(null),
});
/** One indicator of a set. */
export type Indicator = z.infer<typeof indicatorSchema>;

/** An indicator set, as the app keeps it. */
export const indicatorSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    nameTh: z.string().trim().min(1).max(200),
    /** The survey years (พ.ศ.) the set is used for, inclusive. */
    fromYear: yearSchema,
    toYear: yearSchema,
    groups: z.array(z.object({ no: z.number().int().min(1).max(50), nameTh: z.string().trim().min(1).max(200) })).min(1).max(50),
    indicators: z.array(indicatorSchema).min(1).max(200),
    /** The income indicator (per-capita income against a yearly threshold) and its four parts, when the set has one. */
    incomeIndicator: z.object({ no: z.number().int().min(1).max(200), parts: z.array(z.string().max(300)).length(4) }).nullable().default(null),
    /** Shipped with the app (not removable) or added by a person. */
    shipped: z.boolean().default(false),
  })
  .superRefine((set, ctx) => {
    if (set.toYear < set.fromYear) ctx.addIssue({ code: 'custom', message: bilingual('ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น', 'The last year must not be before the first'), path: ['toYear'] });
    const nos = new Set<number>();
    const groups = new Set(set.groups.map((g) => g.no));
    for (const indicator of set.indicators) {
      if (nos.has(indicator.no)) ctx.addIssue({ code: 'custom', message: bilingual(`ตัวชี้วัดที่ ${indicator.no} ซ้ำ`, `Indicator ${indicator.no} appears twice`), path: ['indicators'] });
      nos.add(indicator.no);
      if (!groups.has(indicator.group)) {
        ctx.addIssue({ code: 'custom', message: bilingual(`ตัวชี้วัดที่ ${indicator.no} อยู่ในหมวด ${indicator.group} ที่ไม่มีในชุด`, `Indicator ${indicator.no} is in group ${indicator.group}, which the set does not have`), path: ['indicators'] });
      }
    }
    if (set.incomeIndicator && !nos.has(set.incomeIndicator.no)) {
      ctx.addIssue({ code: 'custom', message: bilingual(`ตัวชี้วัดรายได้ (ข้อ ${set.incomeIndicator.no}) ไม่มีในชุด`, `The income indicator (${set.incomeIndicator.no}) is not in the set`), path: ['incomeIndicator'] });
    }
  });
/** An indicator set. */
export type IndicatorSet = z.infer<typeof indicatorSetSchema>;

/** The shape of the shipped `bmn-indicators-*.json` (and of a set file written the same way). */
const shippedFileSchema = z.object({
  nameTh: z.string().min(1),
  years: z.string().regex(/^\s*\d{4}\s*[-–]\s*\d{4}\s*$/),
  groups: z.array(z.object({ no: z.number().int(), nameTh: z.string().min(1) })),
  indicators: z.array(z.object({ no: z.number().int(), group: z.number().int(), nameTh: z.string().min(1), unit: z.enum(indicatorUnits).optional() })),
  incomeIndicator: z.object({ no: z.number().int(), parts: z.array(z.string()).length(4) }).optional(),
});

/** The years of a `2560-2564` span. */
export function parseYearSpan(span: string): { fromYear: number; toYear: number } | null {
  const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(normalizeThaiDigits(span));
  return m ? { fromYear: Number(m[1]), toYear: Number(m[2]) } : null;
}

/** The id a set of these years gets: `bmn-2560-2564`. */
export function setIdOf(fromYear: number, toYear: number): string {
  return `bmn-${fromYear}-${toYear}`;
}

/**
 * A set from a JSON text in the shipped file's shape (`{nameTh, years: "2566-2570", groups,
 * indicators, incomeIndicator}`). Answers the set or the reason it cannot be read.
 */
export function setFromJson(json: unknown, options: { shipped?: boolean } = {}): { ok: true; set: IndicatorSet } | { ok: false; th: string; en: string } {
  const file = shippedFileSchema.safeParse(json);
  if (!file.success) {
    return {
      ok: false,
      th: 'ไฟล์ชุดตัวชี้วัดไม่อยู่ในรูปแบบที่อ่านได้ (ต้องมี nameTh, years เช่น "2566-2570", groups และ indicators)',
      en: 'The indicator-set file is not in a readable shape (it needs nameTh, years such as "2566-2570", groups and indicators)',
    };
  }
  const span = parseYearSpan(file.data.years)!;
  const set = indicatorSetSchema.safeParse({
    id: setIdOf(span.fromYear, span.toYear),
    nameTh: `${file.data.nameTh} ${span.fromYear}–${span.toYear}`.trim(),
    ...span,
    groups: file.data.groups.map((g) => ({ no: g.no, nameTh: g.nameTh })),
    indicators: file.data.indicators.map((i) => ({ no: i.no, group: i.group, nameTh: i.nameTh, unit: i.unit ?? null })),
    incomeIndicator: file.data.incomeIndicator ? { no: file.data.incomeIndicator.no, parts: file.data.incomeIndicator.parts } : null,
    shipped: options.shipped ?? false,
  });
  if (!set.success) {
    const [th, en] = (set.error.issues[0]?.message ?? 'ชุดตัวชี้วัดไม่ถูกต้อง / The indicator set is not valid').split(' / ');
    return { ok: false, th: th!, en: en ?? th! };
  }
  return { ok: true, set: set.data };
}

/** The set for a survey year: the one whose years cover it (the latest-starting, if several do). */
export function setForYear(sets: readonly IndicatorSet[], year: number): IndicatorSet | null {
  return [...sets].filter((s) => s.fromYear <= year && year <= s.toYear).sort((a, b) => b.fromYear - a.fromYear)[0] ?? null;
}

/** The labels of the settings a person types for a set. */
export const setSettingLabels = {
  target: { th: 'เป้าหมาย (ร้อยละที่ผ่าน)', en: 'Target (% passing)' },
  threshold: { th: 'เกณฑ์รายได้ต่อคนต่อปี (บาท)', en: 'Income threshold per person a year (baht)' },
  year: { th: 'ปีที่สำรวจ', en: 'Survey year' },
};

/** What a person says about a set read from a sheet (the sheet itself holds only the indicators). */
export interface SetSheetFacts {
  nameTh: string | null;
  fromYear: number | null;
  toYear: number | null;
  incomeIndicatorNo: number | null;
  /** Where the years may be written when not given: the file's name. */
  fileName: string;
}

const columnWords = {
  no: /^(ข้อ|ข้อที่|ลำดับ|ลำดับที่|ที่|no\.?|number|ตัวชี้วัดที่)$/,
  name: /(ชื่อตัวชี้วัด|ตัวชี้วัด|รายการ|indicator|name)/,
  group: /(หมวด|กลุ่ม|group)/,
  unit: /(หน่วย|unit)/,
  target: /(เป้าหมาย|target)/,
};

/**
 * A set from the rows of a sheet: a header row with ข้อ (number), หมวด (group: `1`, `หมวดที่ 1
 * สุขภาพ` or a name), ชื่อตัวชี้วัด (name), and optionally หน่วย (คน / ครัวเรือน) and เป้าหมาย (a
 * target %, kept as the person's target). The years come from `facts`, else from a title row or
 * the file's name (`จปฐ 2566-2570.xlsx`).
 */
export function setFromRows(
  rows: readonly (readonly string[])[],
  facts: SetSheetFacts,
): { ok: true; set: IndicatorSet; targets: Map<number, number> } | { ok: false; th: string; en: string } {
  const norm = (s: string) => normalizeThaiDigits(s).trim().toLowerCase();
  const headerIndex = rows.findIndex((r) => r.some((c) => columnWords.no.test(norm(c))) && r.some((c) => columnWords.name.test(norm(c)) && !columnWords.no.test(norm(c))));
  if (headerIndex < 0) {
    return { ok: false, th: 'ไม่พบหัวตาราง ข้อ / หมวด / ชื่อตัวชี้วัด ในไฟล์ชุดตัวชี้วัด', en: 'The indicator-set sheet has no ข้อ / หมวด / ชื่อตัวชี้วัด header' };
  }
  const header = rows[headerIndex]!.map(norm);
  const at = (pattern: RegExp, except?: number) => header.findIndex((c, i) => i !== except && pattern.test(c));
  const noCol = at(columnWords.no);
  const nameCol = at(columnWords.name, noCol);
  const groupCol = at(columnWords.group);
  const unitCol = at(columnWords.unit);
  const targetCol = at(columnWords.target);
  let span = facts.fromYear !== null && facts.toYear !== null ? { fromYear: facts.fromYear, toYear: facts.toYear } : null;
  for (const text of [...rows.slice(0, headerIndex).flat(), facts.fileName]) {
    if (span) break;
    const m = /(25\d\d)\s*[-–]\s*(25\d\d)/.exec(normalizeThaiDigits(text));
    if (m) span = { fromYear: Number(m[1]), toYear: Number(m[2]) };
  }
  if (!span) return { ok: false, th: 'กรุณาระบุปีเริ่มต้นและปีสิ้นสุดของชุดตัวชี้วัด (เช่น 2566 ถึง 2570)', en: 'Give the first and last years of the set (e.g. 2566 to 2570)' };
  const groups = new Map<number, string>();
  const groupByName = new Map<string, number>();
  const indicators: { no: number; group: number; nameTh: string; unit: IndicatorUnit | null }[] = [];
  const targets = new Map<number, number>();
  for (const row of rows.slice(headerIndex + 1)) {
    const noText = normalizeThaiDigits(row[noCol] ?? '').trim();
    const name = (row[nameCol] ?? '').trim();
    if (!/^\d{1,3}$/.test(noText) || name === '') continue;
    const groupText = groupCol >= 0 ? (row[groupCol] ?? '').trim() : '';
    const gm = /(\d{1,2})\s*[.:)]?\s*(.*)$/.exec(normalizeThaiDigits(groupText));
    let group: number;
    if (gm) {
      group = Number(gm[1]);
      const label = gm[2]!.replace(/^หมวด(ที่)?/, '').trim();
      if (!groups.has(group) || (label && !groups.get(group))) groups.set(group, label);
    } else {
      const key = groupText || 'ตัวชี้วัด';
      group = groupByName.get(key) ?? groupByName.size + 1;
      groupByName.set(key, group);
      groups.set(group, key);
    }
    const unitText = unitCol >= 0 ? norm(row[unitCol] ?? '') : '';
    const unit: IndicatorUnit | null = /ครัวเรือน|household/.test(unitText) ? 'household' : /คน|person|people/.test(unitText) ? 'person' : null;
    indicators.push({ no: Number(noText), group, nameTh: name, unit });
    const targetText = targetCol >= 0 ? normalizeThaiDigits(row[targetCol] ?? '').replace('%', '').trim() : '';
    if (/^\d{1,3}(\.\d)?$/.test(targetText) && Number(targetText) <= 100) targets.set(Number(noText), Number(targetText));
  }
  const parsed = indicatorSetSchema.safeParse({
    id: setIdOf(span.fromYear, span.toYear),
    nameTh: facts.nameTh ?? `ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ${span.fromYear}–${span.toYear}`,
    ...span,
    groups: [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([no, nameTh]) => ({ no, nameTh: nameTh || `หมวดที่ ${no}` })),
    indicators,
    incomeIndicator:
      facts.incomeIndicatorNo === null
        ? null
        : { no: facts.incomeIndicatorNo, parts: ['อาชีพหลัก', 'อาชีพรอง/เสริม', 'รายได้อื่น', 'มูลค่าผลผลิตที่ทำกินเอง'] },
    shipped: false,
  });
  if (!parsed.success) {
    if (indicators.length === 0) return { ok: false, th: 'ไม่พบตัวชี้วัดในไฟล์ (ต้องมีเลขข้อและชื่อ)', en: 'No indicators in the file (each needs a number and a name)' };
    const [th, en] = (parsed.error.issues[0]?.message ?? 'ชุดตัวชี้วัดไม่ถูกต้อง / The indicator set is not valid').split(' / ');
    return { ok: false, th: th!, en: en ?? th! };
  }
  return { ok: true, set: parsed.data, targets };
}
