/** The assessment framework, a unit's percent and grade, and the comparison of rounds. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareRounds,
  frameworkChange,
  gradeCounts,
  gradeOf,
  parseFramework,
  unitResult,
  type Framework,
} from '../../src/shared/domain/assessment';
import { assessmentGrades, registerTotals } from '../../src/shared/domain/dashboard';
import { detectHeader } from '../../src/shared/domain/imports/headers';
import { autoMap } from '../../src/shared/domain/imports/mapping';
import { checkMapping } from '../../src/shared/domain/imports/mappingCheck';
import { problemMessage } from '../../src/shared/domain/imports/problems';
import { createRowReader } from '../../src/shared/domain/imports/records';

/** A small framework: scale 1–5, two components, weights 2 / 1 / 1. */
function small(overrides: Partial<Framework> = {}): Framework {
  const parsed = parseFramework({
    id: 'test',
    name: 'ทดสอบ',
    scale: { min: 1, max: 5 },
    components: [
      { no: 1, name: 'ผู้นำ', criteria: [{ no: '1.1', name: 'ก', weight: 2 }, { no: '1.2', name: 'ข', weight: 1 }] },
      { no: 2, name: 'แผน', criteria: [{ no: '2.1', name: 'ค', weight: 1 }] },
    ],
    grades: [
      { grade: 'A', minPercent: 80 },
      { grade: 'B', minPercent: 60 },
      { grade: 'C', minPercent: 0 },
    ],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(parsed.messages.join('\n'));
  return parsed.framework;
}

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('the framework file', () => {
  it('ships a valid five-component framework whose cut-offs are marked as a starting point', () => {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '../../resources/assessment/organic-community.json'), 'utf8'));
    const parsed = parseFramework(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.framework.components.map((c) => c.no)).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.framework.components[4]!.name).toContain('มาตรฐานชุมชน');
    expect(parsed.framework.grades.map((g) => g.grade)).toEqual(['A', 'B', 'C']);
    expect(parsed.framework.note).toMatch(/ไม่ใช่เกณฑ์ทางการ/);
  });

  it('refuses all weights zero, a criterion number twice, grades out of order and a scale upside down, in Thai', () => {
    const base = small();
    const bad = (patch: Record<string, unknown>) => {
      const parsed = parseFramework({ ...base, ...patch });
      expect(parsed.ok).toBe(false);
      return parsed.ok ? '' : parsed.messages.join('\n');
    };
    expect(bad({ components: base.components.map((c) => ({ ...c, criteria: c.criteria.map((k) => ({ ...k, weight: 0 })) })) })).toMatch(/น้ำหนักของเกณฑ์ทุกข้อเป็นศูนย์/);
    expect(bad({ components: [...base.components, { no: 3, name: 'ซ้ำ', criteria: [{ no: '1.1', name: 'ซ้ำ', weight: 1 }] }] })).toMatch(/เกณฑ์ข้อ 1\.1 ซ้ำกัน/);
    expect(bad({ components: [base.components[0], { ...base.components[1], no: 1 }] })).toMatch(/องค์ประกอบที่ 1 ซ้ำกัน/);
    expect(bad({ grades: [{ grade: 'C', minPercent: 0 }, { grade: 'A', minPercent: 80 }] })).toMatch(/เรียงจากเกณฑ์ร้อยละสูงไปต่ำ/);
    expect(bad({ grades: [{ grade: 'A', minPercent: 60 }, { grade: 'B', minPercent: 60 }] })).toMatch(/เรียงจากเกณฑ์ร้อยละสูงไปต่ำ/);
    expect(bad({ grades: [{ grade: 'A', minPercent: 80 }, { grade: 'A', minPercent: 10 }] })).toMatch(/ระดับ A ซ้ำกัน/);
    expect(bad({ scale: { min: 5, max: 5 } })).toMatch(/คะแนนต่ำสุด \(5\) ต้องน้อยกว่าคะแนนสูงสุด/);
    expect(bad({ components: [{ no: 1, name: 'x', criteria: [{ no: 'ก.1', name: 'x', weight: 1 }] }] })).toMatch(/เลขข้อของเกณฑ์/);
  });

  it('reads Thai digits in criterion numbers', () => {
    const parsed = parseFramework({ ...small(), components: [{ no: 1, name: 'x', criteria: [{ no: '๑.๒', name: 'x', weight: 1 }] }] });
    expect(parsed.ok && parsed.framework.components[0]!.criteria[0]!.no).toBe('1.2');
  });
});

describe('score → percent → grade', () => {
  const f = small();

  it('weighs each criterion: Σ w·(s − min) ÷ Σ w·(max − min) × 100, and takes the first grade reached', () => {
    // 1.1: 5 (w2) → 2·4 = 8; 1.2: 3 (w1) → 2; 2.1: 4 (w1) → 3; full = 4·4 = 16 → 13/16 = 81.25 %.
    const r = unitResult(f, scores({ '1.1': 5, '1.2': 3, '2.1': 4 }));
    expect(r).toMatchObject({ complete: true, percent: 81.25, grade: 'A', missing: [], orphans: [] });
    expect(r.components).toEqual([
      { no: 1, percent: 83.333333 },
      { no: 2, percent: 75 },
    ]);
    expect(unitResult(f, scores({ '1.1': 1, '1.2': 1, '2.1': 1 }))).toMatchObject({ percent: 0, grade: 'C' });
    expect(unitResult(f, scores({ '1.1': 5, '1.2': 5, '2.1': 5 }))).toMatchObject({ percent: 100, grade: 'A' });
  });

  it('gives a grade exactly at its cut-off, and the one below just under it', () => {
    const edge = small({ scale: { min: 0, max: 10 }, components: [{ no: 1, name: 'x', criteria: [{ no: '1.1', name: 'x', weight: 0.1 }, { no: '1.2', name: 'y', weight: 0.2 }] }] });
    expect(unitResult(edge, scores({ '1.1': 8, '1.2': 8 }))).toMatchObject({ percent: 80, grade: 'A' });
    expect(unitResult(edge, scores({ '1.1': 7, '1.2': 8 }))).toMatchObject({ grade: 'B' });
    expect(gradeOf(edge, 59.999)).toBe('C');
  });

  it('calls a unit with a criterion unscored incomplete: no percent, no grade, but the components it finished', () => {
    const r = unitResult(f, scores({ '2.1': 5, '9.9': 3 }));
    expect(r).toMatchObject({ complete: false, percent: null, grade: null, missing: ['1.1', '1.2'], orphans: ['9.9'] });
    expect(r.components).toEqual([
      { no: 1, percent: null },
      { no: 2, percent: 100 },
    ]);
    // A score outside the scale counts as not scored.
    expect(unitResult(f, scores({ '1.1': 6, '1.2': 3, '2.1': 3 })).missing).toEqual(['1.1']);
  });

  it('no grade when every cut-off is above the percent', () => {
    const strict = small({ grades: [{ grade: 'A', minPercent: 80 }] });
    expect(unitResult(strict, scores({ '1.1': 1, '1.2': 1, '2.1': 1 }))).toMatchObject({ complete: true, percent: 0, grade: null });
  });

  it('property: percent stays within 0–100, rises with any one score, and the grade is the best one reached', () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(score, score, score, fc.constantFrom('1.1', '1.2', '2.1'), (a, b, c, which) => {
        const s = { '1.1': a, '1.2': b, '2.1': c };
        const r = unitResult(f, scores(s));
        expect(r.percent).toBeGreaterThanOrEqual(0);
        expect(r.percent).toBeLessThanOrEqual(100);
        const reached = f.grades.filter((g) => g.minPercent <= r.percent!);
        expect(r.grade).toBe(reached[0]?.grade ?? null);
        const up = { ...s, [which]: Math.min(5, s[which] + 1) };
        expect(unitResult(f, scores(up)).percent!).toBeGreaterThanOrEqual(r.percent!);
      }),
    );
  });

  it('property: scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 50 }), (values, k) => {
        const s = scores({ '1.1': values[0]!, '1.2': values[1]!, '2.1': values[2]! });
        const scaled = small({ components: f.components.map((c) => ({ ...c, criteria: c.criteria.map((x) => ({ ...x, weight: x.weight * k })) })) });
        expect(unitResult(scaled, s).percent).toBeCloseTo(unitResult(f, s).percent!, 4);
      }),
    );
  });
});

describe('round comparison', () => {
  const f = small();

  it('per unit and component: the change between rounds in a row and the grade moves', () => {
    const before = { label: 'ก่อน', units: new Map([['v1', scores({ '1.1': 2, '1.2': 2, '2.1': 2 })], ['tambon', scores({ '1.1': 5 })]]) };
    const during = { label: 'ระหว่าง', units: new Map([['v1', scores({ '1.1': 4, '1.2': 4, '2.1': 3 })]]) };
    const after = { label: 'หลัง', units: new Map([['v1', scores({ '1.1': 5, '1.2': 5, '2.1': 5 })], ['tambon', scores({ '1.1': 5, '1.2': 5, '2.1': 1 })]]) };
    const [v1, tambon] = compareRounds(f, [before, during, after]);
    expect(v1!.unit).toBe('v1');
    expect(v1!.rounds.map((r) => r.result.grade)).toEqual(['C', 'B', 'A']);
    expect(v1!.moves.map((m) => [m.from, m.to, m.move])).toEqual([
      ['ก่อน', 'ระหว่าง', 'up'],
      ['ระหว่าง', 'หลัง', 'up'],
    ]);
    // 25 % → 68.75 % → 100 %.
    expect(v1!.moves.map((m) => m.percentChange)).toEqual([43.75, 31.25]);
    expect(v1!.moves[0]!.components).toEqual([
      { no: 1, change: 50 },
      { no: 2, change: 25 },
    ]);
    expect(tambon!.rounds.map((r) => r.result.complete)).toEqual([false, false, true]);
    expect(tambon!.moves.map((m) => m.move)).toEqual(['unknown', 'unknown']);
    expect(tambon!.moves[1]!.percentChange).toBeNull();
  });

  it('a grade that falls moves down; the same grade stays', () => {
    const a = { label: '1', units: new Map([['v', scores({ '1.1': 5, '1.2': 5, '2.1': 5 })]]) };
    const b = { label: '2', units: new Map([['v', scores({ '1.1': 4, '1.2': 5, '2.1': 5 })]]) };
    const c = { label: '3', units: new Map([['v', scores({ '1.1': 1, '1.2': 1, '2.1': 1 })]]) };
    expect(compareRounds(f, [a, b, c])[0]!.moves.map((m) => m.move)).toEqual(['same', 'down']);
  });

  it('counts units per grade, incomplete ones apart', () => {
    const results = [unitResult(f, scores({ '1.1': 5, '1.2': 5, '2.1': 5 })), unitResult(f, scores({ '1.1': 1, '1.2': 1, '2.1': 1 })), unitResult(f, scores({}))];
    expect(gradeCounts(f, results)).toEqual([
      { grade: 'A', units: 1 },
      { grade: 'B', units: 0 },
      { grade: 'C', units: 1 },
      { grade: null, units: 1 },
    ]);
  });

  it('a new framework reports scored criteria it no longer has, and its criteria nobody scored yet', () => {
    const next = small({ components: [{ no: 1, name: 'x', criteria: [{ no: '1.1', name: 'x', weight: 1 }, { no: '1.3', name: 'y', weight: 1 }] }] });
    expect(frameworkChange(next, ['1.1', '1.2', '2.1'])).toEqual({ orphaned: ['1.2', '2.1'], unscored: ['1.3'] });
  });
});

describe('the scores workbook, read back row by row', () => {
  const villages = [
    { id: 'v1', moo: 1, code: null },
    { id: 'v2', moo: 2, code: null },
  ];
  const header = ['หมู่ที่', '1.1', '1.2', '2.1'];
  const mapping = autoMap('assessment', header);

  it('finds the header of criterion numbers under title rows, and maps หมู่ที่ and each criterion', () => {
    const sheet = [
      { number: 1, cells: ['การประเมินศักยภาพ รอบ ก่อน'] },
      { number: 2, cells: ['คะแนน 1–5'] },
      { number: 3, cells: header },
      { number: 4, cells: [1, 5, 4, 3] },
      { number: 5, cells: ['ตำบล', 5, null, 3] },
    ];
    const found = detectHeader('assessment', sheet);
    expect(found?.firstRow).toBe(3);
    expect(found?.mapping.map((m) => m.field)).toEqual(['moo', 'criterion:1.1', 'criterion:1.2', 'criterion:2.1']);
    expect(checkMapping('assessment', mapping, [], '', ['1.1', '1.2'])).toEqual([expect.objectContaining({ th: expect.stringContaining('คอลัมน์ D: ไม่มีเกณฑ์ข้อ 2.1') as string })]);
  });

  it('reads a village or the tambon, Thai digits, blanks as unscored; rejects what it cannot take, each cell by its column', () => {
    const reader = createRowReader({ kind: 'assessment', tambonCode: '800108', villages, mapping, year: null, dateRange: { minBE: 2500, maxBE: 2600 }, scale: { min: 1, max: 5 } });
    reader.startSheet({ name: 'ก่อน', titles: [] });
    expect(reader.read(['๑', '๕', 4, null])).toMatchObject({ outcome: 'record', record: { kind: 'assessment', villageId: 'v1', scores: [{ criterionNo: '1.1', score: 5 }, { criterionNo: '1.2', score: 4 }] } });
    expect(reader.read(['ตำบล', 3, 3, 3])).toMatchObject({ outcome: 'record', record: { villageId: null } });
    expect(reader.read([2, null, null, null])).toEqual({ outcome: 'ignored' });
    expect(reader.read([1, 2, 2, 2])).toMatchObject({ outcome: 'rejected', problems: [{ column: 1, code: 'duplicateUnit' }] });
    expect(reader.read([9, 2, 2, 2])).toMatchObject({ outcome: 'rejected', problems: [{ column: 1, code: 'unknownVillage' }] });
    expect(reader.read(['บ้าน', 2, 2, 2])).toMatchObject({ outcome: 'rejected', problems: [{ column: 1, code: 'badMoo' }] });
    expect(reader.read([2, 6, 'ดี', 0])).toMatchObject({
      outcome: 'rejected',
      problems: [
        { column: 2, code: 'scoreOutOfScale', value: '6' },
        { column: 3, code: 'notANumber' },
        { column: 4, code: 'scoreOutOfScale', value: '0' },
      ],
    });
    // A new sheet is a new round: หมู่ 1 may come again.
    reader.startSheet({ name: 'หลัง', titles: [] });
    expect(reader.read([1, 5, 5, 5]).outcome).toBe('record');
    expect(problemMessage('scoreOutOfScale', '6').th).toBe('คะแนน "6" อยู่นอกช่วงคะแนนของกรอบการประเมิน');
  });
});

describe('the data center grade summary', () => {
  it('counts villages per grade and the tambons’ own grades by district and round label', () => {
    const tambon = (code: string, districtCode: string, seq: number | null) => ({ code, nameTh: code, districtCode, districtNameTh: `อ.${districtCode}`, seq, createdAt: null });
    const row = (label: string, villageId: string | null, complete: boolean, grade: string | null, deleted = false) => ({ round_label: label, village_id: villageId, complete, grade, deleted_at: deleted ? 'x' : null });
    const rows: Record<string, ReturnType<typeof row>[]> = {
      a: [row('ก่อน', 'v1', true, 'A'), row('ก่อน', 'v2', false, null), row('ก่อน', null, true, 'B'), row('หลัง', 'v1', true, 'A', true)],
      b: [row('ก่อน', 'v3', true, 'A'), row('ก่อน', null, false, null)],
      c: [row('ก่อน', 'v9', true, 'C')],
      silent: [row('ก่อน', 'v8', true, 'A')],
    };
    const summary = assessmentGrades({
      tambons: [tambon('a', '8001', 1), tambon('b', '8001', 2), tambon('c', '8002', 1), tambon('silent', '8002', null)],
      rows: (code, table) => (table === 'assessment_unit_results' ? (rows[code] ?? []) : []),
    });
    expect(summary).toEqual([
      { districtCode: '8001', districtNameTh: 'อ.8001', roundLabel: 'ก่อน', tambons: 2, villages: { A: 2 }, villagesUngraded: 1, tambonGrades: { B: 1 }, tambonsUngraded: 1 },
      { districtCode: '8002', districtNameTh: 'อ.8002', roundLabel: 'ก่อน', tambons: 1, villages: { C: 1 }, villagesUngraded: 0, tambonGrades: {}, tambonsUngraded: 0 },
    ]);
  });

  it('adds up the registers of people by district, leaving out tambons with none and counts deleted', () => {
    const tambon = (code: string, districtCode: string, seq: number | null) => ({ code, nameTh: code, districtCode, districtNameTh: `อ.${districtCode}`, seq, createdAt: null });
    const count = (register: string, people: number, trained = 0, successor = 0, deleted: string | null = null) => ({ register, people, trained, with_successor: successor, deleted_at: deleted });
    const rows: Record<string, Record<string, unknown>[]> = {
      a: [count('working-group', 5), count('facilitators', 2), count('leaders', 8, 6, 3), count('leaders', 4, 4, 4, '2026-11-01T00:00:00.000Z')],
      b: [count('leaders', 3, 1, 0)],
      c: [],
      silent: [count('leaders', 7, 7, 7)],
    };
    const totals = registerTotals({
      tambons: [tambon('a', '8001', 1), tambon('b', '8001', 2), tambon('c', '8002', 1), tambon('silent', '8002', null)],
      rows: (code, table) => (table === 'register_people_counts' ? (rows[code] ?? []) : []),
    });
    expect(totals).toEqual([{ districtCode: '8001', districtNameTh: 'อ.8001', tambons: 2, workingGroup: 5, facilitators: 2, leaders: 11, leadersTrained: 7, leadersWithSuccessor: 3 }]);
  });
});
