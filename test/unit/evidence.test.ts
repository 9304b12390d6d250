/**
 * The evidence computations on small cases checked by hand (the arithmetic is written out in the
 * comments), so a change to a rule shows up as a wrong number here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdProfiles, villageAccounts, type LedgerLine } from '../../src/shared/domain/evidence/accounts';
import { answerOf, bmnVillageResults, computeBmn, encodeAnswers, groupPassPercent, indicatorStat } from '../../src/shared/domain/evidence/bmn';
import { commonIssues } from '../../src/shared/domain/evidence/commonIssues';
import { computeIncome, perCapitaIncome, type HouseholdIncome } from '../../src/shared/domain/evidence/income';
import { setForYear, setFromJson, setFromRows, type IndicatorSet } from '../../src/shared/domain/evidence/indicatorSets';

const set: IndicatorSet = {
  id: 'bmn-test',
  nameTh: 'ทดสอบ',
  fromYear: 2560,
  toYear: 2564,
  groups: [
    { no: 1, nameTh: 'สุขภาพ' },
    { no: 2, nameTh: 'รายได้' },
  ],
  indicators: [
    { no: 1, group: 1, nameTh: 'หนึ่ง', unit: null },
    { no: 2, group: 1, nameTh: 'สอง', unit: null },
    { no: 3, group: 2, nameTh: 'สาม', unit: null },
  ],
  incomeIndicator: { no: 3, parts: ['a', 'b', 'c', 'd'] },
  shipped: false,
};
const v1 = { id: 'v1', moo: 1, code: '80010801', name: 'หนึ่ง' };
const v2 = { id: 'v2', moo: 2, code: '80010802', name: 'สอง' };
const v3 = { id: 'v3', moo: 3, code: '80010803', name: 'สาม' };

describe('answers strings', () => {
  it('keep one character per indicator number, `-` where the file had none', () => {
    const s = encodeAnswers(new Map([[1, 'pass'], [3, 'na'], [4, 'fail']]));
    expect(s).toBe('P-NF');
    expect([1, 2, 3, 4, 5].map((no) => answerOf(s, no))).toEqual(['pass', null, 'na', 'fail', null]);
  });
});

describe('จปฐ. figures', () => {
  // หมู่ 1: four households. Indicator 1: P P F N → in scope 3, failing 1, passing 2/3 = 66.7%.
  //         Indicator 2: P P P P → 4, 0, 100%. Indicator 3: F F P - → 3, 2, 33.3%.
  // หมู่ 2: TPMAP counts: indicator 1 ALL 10 CNT 5 (50%), indicator 3 ALL 20 CNT 2 (90%), 25 households.
  // หมู่ 3: no data. Tambon: indicator 1: 3 + 10 = 13 in scope, 1 + 5 = 6 failing → 7/13 = 53.8%.
  const households = ['PPF', 'PPF', 'FPP', 'NP-'].map((answers) => ({ villageId: 'v1', answers }));
  const aggregates = [{ villageId: 'v2', households: 25, counts: new Map([[1, { inScope: 10, failing: 5 }], [3, { inScope: 20, failing: 2 }]]) }];
  const result = computeBmn({ year: 2563, set, villages: [v2, v1, v3], households, aggregates, targets: new Map([[1, 60]]) });

  it('count households in scope and failing per village and for the tambon, with the pass rate', () => {
    expect(result.villages.map((v) => [v.village.moo, v.source, v.households])).toEqual([
      [1, 'households', 4],
      [2, 'aggregates', 25],
      [3, null, 0],
    ]);
    expect(result.villages[0]!.indicators).toEqual([
      { no: 1, inScope: 3, failing: 1, passPercent: 66.7, target: 60, meetsTarget: true },
      { no: 2, inScope: 4, failing: 0, passPercent: 100, target: null, meetsTarget: null },
      { no: 3, inScope: 3, failing: 2, passPercent: 33.3, target: null, meetsTarget: null },
    ]);
    expect(result.villages[1]!.indicators[0]).toEqual({ no: 1, inScope: 10, failing: 5, passPercent: 50, target: 60, meetsTarget: false });
    expect(result.villages[2]!.indicators[0]).toEqual({ no: 1, inScope: 0, failing: 0, passPercent: null, target: 60, meetsTarget: null });
    expect(result.tambon).toEqual({
      households: 29,
      indicators: [
        { no: 1, inScope: 13, failing: 6, passPercent: 53.8, target: 60, meetsTarget: false },
        { no: 2, inScope: 4, failing: 0, passPercent: 100, target: null, meetsTarget: null },
        { no: 3, inScope: 23, failing: 4, passPercent: 82.6, target: null, meetsTarget: null },
      ],
    });
  });

  it('give one package row per village with figures and indicator of the set (none in scope included), none for a village without', () => {
    const rows = bmnVillageResults(result);
    expect(rows.map((r) => [r.villageId, r.indicatorNo, r.households, r.inScope, r.failing, r.source])).toEqual([
      ['v1', 1, 4, 3, 1, 'households'],
      ['v1', 2, 4, 4, 0, 'households'],
      ['v1', 3, 4, 3, 2, 'households'],
      ['v2', 1, 25, 10, 5, 'aggregates'],
      ['v2', 2, 25, 0, 0, 'aggregates'],
      ['v2', 3, 25, 20, 2, 'aggregates'],
    ]);
    expect(new Set(rows.map((r) => `${r.surveyYear} ${r.setId}`))).toEqual(new Set(['2563 bmn-test']));
  });

  it('prefer a village’s household answers to its TPMAP counts of the same year', () => {
    const both = computeBmn({ year: 2563, set, villages: [v2], households: [{ villageId: 'v2', answers: 'FFF' }], aggregates, targets: new Map() });
    expect(both.villages[0]).toMatchObject({ source: 'households', households: 1 });
  });

  it('list the villages that fail an indicator most, by share failing', () => {
    // Indicator 1: หมู่ 2 fails 5/10 = 50%, หมู่ 1 fails 1/3 = 33.3%.
    expect(result.worst[0]).toEqual({ no: 1, villages: [{ villageId: 'v2', moo: 2, failing: 5, inScope: 10, failingPercent: 50 }, { villageId: 'v1', moo: 1, failing: 1, inScope: 3, failingPercent: 33.3 }] });
    expect(result.worst[1]).toEqual({ no: 2, villages: [] });
  });

  it('give each group its indicators and pass rate', () => {
    expect(result.groups).toEqual([
      { no: 1, nameTh: 'สุขภาพ', indicators: [1, 2] },
      { no: 2, nameTh: 'รายได้', indicators: [3] },
    ]);
    // Group 1 for the tambon: (13 + 4) in scope, 6 failing → 11/17 = 64.7%.
    expect(groupPassPercent(result.tambon.indicators, [1, 2])).toBe(64.7);
  });

  it('never invent a target', () => {
    expect(indicatorStat(1, 10, 1, null)).toMatchObject({ target: null, meetsTarget: null });
  });
});

describe('the income indicator', () => {
  const h = (id: string, members: number | null, parts: (number | null)[], recorded: 'pass' | 'fail' | 'na' | null): HouseholdIncome => ({
    id,
    villageId: 'v1',
    houseCode: null,
    houseNo: id,
    sourceRow: null,
    members,
    income: { main: parts[0] ?? null, secondary: parts[1] ?? null, other: parts[2] ?? null, ownProduce: parts[3] ?? null },
    recorded,
  });
  const households = [
    h('a', 4, [100_000, 20_000, 10_000, 30_000], 'pass'), // 160,000 / 4 = 40,000 ≥ 38,000: pass, agrees
    h('b', 2, [50_000, null, null, 10_000], 'pass'), // 60,000 / 2 = 30,000 < 38,000: fail, disagrees
    h('c', 3, [120_000, 0, 0, 0], 'fail'), // 40,000: pass, disagrees
    h('d', null, [10_000, 0, 0, 0], 'fail'), // no members: no per-capita income
    h('e', 1, [null, null, null, null], 'pass'), // no income: none
  ];

  it('is (main + secondary + other + own produce) ÷ members', () => {
    expect(households.map(perCapitaIncome)).toEqual([40_000, 30_000, 40_000, null, null]);
  });

  it('is not recomputed until the year’s threshold is entered', () => {
    const none = computeIncome(households, null);
    expect(none).toMatchObject({ threshold: null, withIncome: 3, withoutIncome: 2, belowThreshold: null, disagreements: [], median: 40_000 });
  });

  it('flags the households whose recorded answer disagrees with the recomputation, never changing it', () => {
    const result = computeIncome(households, 38_000);
    expect(result.belowThreshold).toBe(1);
    expect(result.disagreements.map((d) => [d.houseNo, d.recorded, d.recomputed, d.perCapita])).toEqual([
      ['b', 'pass', 'fail', 30_000],
      ['c', 'fail', 'pass', 40_000],
    ]);
    // Bins of a fifth of the threshold (7,600): 30,000 falls in [22,800, 30,400), 40,000 in [38,000, 45,600).
    expect(result.bins.find((b) => b.from === 22_800)!.households).toBe(1);
    expect(result.bins.find((b) => b.from === 38_000)!.households).toBe(2);
    expect(result.bins.reduce((a, b) => a + b.households, 0)).toBe(3);
  });
});

describe('household accounts', () => {
  const line = (householdKey: string, date: string, category: LedgerLine['category'], amount: number, villageId = 'v1'): LedgerLine => ({ villageId, householdKey, date, category, amount });
  const lines = [
    // Household A, January: income 10,000; expense 6,000 + 1,000 unnecessary + 2,000 repayment = 9,000 → no deficit.
    line('A', '2023-01-05', 'income.main', 10_000),
    line('A', '2023-01-06', 'expense.necessary', 6_000),
    line('A', '2023-01-07', 'expense.unnecessary', 1_000),
    line('A', '2023-01-08', 'expense.debtRepayment', 2_000),
    // February: income 2,000; expense 3,000 → a month in deficit. Savings 500 is neither.
    line('A', '2023-02-01', 'income.secondary', 2_000),
    line('A', '2023-02-02', 'expense.production', 3_000),
    line('A', '2023-02-03', 'saving', 500),
    // Household B (another village): only a loan and food.
    line('B', '2023-01-10', 'debt', 5_000, 'v2'),
    line('B', '2023-01-11', 'expense.necessary', 1_500, 'v2'),
  ];

  it('give each household its profile', () => {
    const [a, b] = householdProfiles(lines);
    // A: income 12,000; expense 12,000; debt burden 2,000/12,000 = 16.7%; unnecessary 1,000/12,000 = 8.3%.
    expect(a).toMatchObject({ householdKey: 'A', months: 2, income: 12_000, expense: 12_000, net: 0, savings: 500, debtRepayment: 2_000, debtBurdenPercent: 16.7, unnecessaryPercent: 8.3, monthsInDeficit: 1 });
    // B: no income, so no debt burden; 1,500 expense; a month in deficit; 5,000 new debt.
    expect(b).toMatchObject({ householdKey: 'B', income: 0, expense: 1_500, newDebt: 5_000, debtBurdenPercent: null, unnecessaryPercent: 0, monthsInDeficit: 1 });
  });

  it('sum them per village', () => {
    const villages = villageAccounts(householdProfiles(lines));
    expect(villages.find((v) => v.villageId === 'v1')).toMatchObject({ households: 1, income: 12_000, householdsInDeficit: 0, householdsWithDeficitMonths: 1, householdsWithDebt: 1, householdsWithUnnecessary: 1, meanMonthsInDeficit: 1 });
    expect(villages.find((v) => v.villageId === 'v2')).toMatchObject({ households: 1, householdsInDeficit: 1, householdsWithDebt: 1, householdsWithUnnecessary: 0 });
  });
});

describe('common issues', () => {
  const bmn = computeBmn({
    year: 2563,
    set,
    villages: [v1, v2, v3],
    households: [
      { villageId: 'v1', answers: 'FPP' },
      { villageId: 'v2', answers: 'FPF' },
      { villageId: 'v3', answers: 'PPF' },
    ],
    aggregates: [],
    targets: new Map(),
  });
  const moos = new Map([['v1', 1], ['v2', 2], ['v3', 3]]);

  it('are problems seen in at least the given number of villages, the most widespread first', () => {
    const issues = commonIssues({ bmn, accounts: [], grades: [], moos, minVillages: 2 });
    expect(issues.map((i) => [i.key, i.basis, i.villages.map((v) => v.moo)])).toEqual([
      ['bmn:1', 'anyFailing', [1, 2]],
      ['bmn:3', 'anyFailing', [2, 3]],
    ]);
    expect(commonIssues({ bmn, accounts: [], grades: [], moos, minVillages: 3 })).toEqual([]);
  });

  it('judge against the target where one is set', () => {
    // Target 40% on indicator 1: every village has one household, so pass rates are 0, 0, 100.
    const withTarget = computeBmn({ year: 2563, set, villages: [v1, v2, v3], households: [{ villageId: 'v1', answers: 'FPP' }, { villageId: 'v2', answers: 'FPF' }, { villageId: 'v3', answers: 'PPF' }], aggregates: [], targets: new Map([[1, 40]]) });
    const [first] = commonIssues({ bmn: withTarget, accounts: [], grades: [], moos });
    expect(first).toMatchObject({ key: 'bmn:1', basis: 'belowTarget', villages: [{ moo: 1 }, { moo: 2 }] });
  });

  it('include ledger problems and กชช.2ค lagging villages', () => {
    const profiles = villageAccounts(householdProfiles([
      { villageId: 'v1', householdKey: 'a', date: '2023-01-01', category: 'expense.necessary', amount: 10 },
      { villageId: 'v2', householdKey: 'b', date: '2023-01-01', category: 'expense.necessary', amount: 10 },
    ]));
    const issues = commonIssues({ bmn: null, accounts: profiles, grades: [{ villageId: 'v1', grade: 1 }, { villageId: 'v3', grade: 1 }, { villageId: 'v2', grade: 3 }], moos });
    expect(issues.map((i) => i.key).sort()).toEqual(['accounts:deficit', 'nrd2c:grade1']);
  });
});

describe('indicator sets', () => {
  const shipped = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/data/bmn-indicators-2560-2564.json'), 'utf8')) as unknown;

  it('read the shipped 2560–2564 set: 31 indicators in 5 groups (7/7/5/4/8), income indicator 22, no targets', () => {
    const parsed = setFromJson(shipped, { shipped: true });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.set).toMatchObject({ id: 'bmn-2560-2564', fromYear: 2560, toYear: 2564, incomeIndicator: { no: 22 } });
    expect(parsed.set.indicators).toHaveLength(31);
    expect([1, 2, 3, 4, 5].map((g) => parsed.set.indicators.filter((i) => i.group === g).length)).toEqual([7, 7, 5, 4, 8]);
    expect(setForYear([parsed.set], 2563)?.id).toBe('bmn-2560-2564');
    expect(setForYear([parsed.set], 2566)).toBeNull();
  });

  it('read a set from a sheet, with years from the file name and targets from the sheet', () => {
    const parsed = setFromRows(
      [
        ['ตัวชี้วัด จปฐ.'],
        ['ข้อ', 'หมวด', 'ชื่อตัวชี้วัด', 'หน่วย', 'เป้าหมาย (%)'],
        ['1', 'หมวดที่ 1 สุขภาพ', 'เด็กแรกเกิดมีน้ำหนัก 2,500 กรัมขึ้นไป', 'คน', '95'],
        ['2', '1', 'ครัวเรือนกินอาหารถูกสุขลักษณะ', 'ครัวเรือน', ''],
        ['3', '2 สภาพแวดล้อม', 'บ้านมั่นคง', '', '90.5'],
      ],
      { nameTh: null, fromYear: null, toYear: null, incomeIndicatorNo: null, fileName: 'จปฐ 2566-2570.xlsx' },
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.set).toMatchObject({ id: 'bmn-2566-2570', fromYear: 2566, toYear: 2570, groups: [{ no: 1, nameTh: 'สุขภาพ' }, { no: 2, nameTh: 'สภาพแวดล้อม' }] });
    expect(parsed.set.indicators.map((i) => [i.no, i.group, i.unit])).toEqual([[1, 1, 'person'], [2, 1, 'household'], [3, 2, null]]);
    expect([...parsed.targets]).toEqual([[1, 95], [3, 90.5]]);
  });

  it('refuse a sheet without years or without a header, and a JSON file of another shape', () => {
    expect(setFromRows([['ข้อ', 'ชื่อตัวชี้วัด'], ['1', 'x']], { nameTh: null, fromYear: null, toYear: null, incomeIndicatorNo: null, fileName: 'set.xlsx' })).toMatchObject({ ok: false });
    expect(setFromRows([['a', 'b']], { nameTh: null, fromYear: 2566, toYear: 2570, incomeIndicatorNo: null, fileName: 'x' })).toMatchObject({ ok: false });
    expect(setFromJson({ hello: 1 })).toMatchObject({ ok: false });
  });
});
