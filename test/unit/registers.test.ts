/**
 * The registers' pure domain: the welfare funds' matching shares under a configurable rule
 * (hand-made cases and fast-check properties), the expected contributions, at most eight leaders
 * a village, due dates typed in พ.ศ., and reading the registers' workbooks: which headers a
 * register keeps (a leader's name yes, a citizen id never) and what a row becomes or why it is
 * rejected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMap } from '../../src/shared/domain/imports/mapping';
import { createRowReader } from '../../src/shared/domain/imports/records';
import { orgKindFromText, roleFromText, tierFromText } from '../../src/shared/domain/imports/registerRecords';
import {
  dueDateBE,
  expectedContributions,
  fundYearFigures,
  leaderRoom,
  matchingRuleSchema,
  matchingShares,
  maxLeadersPerVillage,
  parseDueDateBE,
  type MatchingRule,
} from '../../src/shared/domain/registers';

const oneToOne: MatchingRule = { lao: { perBaht: 1, capBaht: null }, province: { perBaht: 1, capBaht: null } };

describe('matching shares', () => {
  it('match each baht the members contribute by each party’s rate, in whole baht, up to a cap', () => {
    expect(matchingShares(292_320, oneToOne)).toEqual({ contributions: 292_320, lao: 292_320, province: 292_320, capped: { lao: false, province: false } });
    const rule: MatchingRule = { lao: { perBaht: 0.5, capBaht: null }, province: { perBaht: 0.1, capBaht: 20_000 } };
    // 0.1 × 30 is 3 baht, not 2 (floating point would give 2.9999…).
    expect(matchingShares(30, rule)).toMatchObject({ lao: 15, province: 3 });
    expect(matchingShares(1_000_001, rule)).toMatchObject({ lao: 500_000, province: 20_000, capped: { lao: false, province: true } });
    // Satang are kept until the end, then rounded down.
    expect(matchingShares(10.99, { ...rule, lao: { perBaht: 1, capBaht: null } })).toMatchObject({ lao: 10, province: 1 });
    expect(matchingShares(-5, oneToOne)).toMatchObject({ contributions: 0, lao: 0, province: 0 });
  });

  const rules = fc.record({
    lao: fc.record({ perBaht: fc.integer({ min: 0, max: 1000 }).map((n) => n / 100), capBaht: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }) }),
    province: fc.record({ perBaht: fc.integer({ min: 0, max: 1000 }).map((n) => n / 100), capBaht: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }) }),
  });
  const amounts = fc.integer({ min: 0, max: 1_000_000_000 }).map((satang) => satang / 100);

  it('never exceed the rate or the cap, and fall short of the rate by less than a baht when uncapped', () => {
    fc.assert(
      fc.property(rules, amounts, (rule, contributions) => {
        expect(matchingRuleSchema.safeParse(rule).success).toBe(true);
        const shares = matchingShares(contributions, rule);
        for (const party of ['lao', 'province'] as const) {
          const exact = contributions * rule[party].perBaht;
          const share = shares[party];
          expect(Number.isInteger(share)).toBe(true);
          expect(share).toBeLessThanOrEqual(exact + 1e-6);
          const cap = rule[party].capBaht;
          if (cap !== null) expect(share).toBeLessThanOrEqual(cap);
          if (shares.capped[party]) expect(share).toBe(cap);
          else expect(exact - share).toBeLessThan(1 + 1e-6);
        }
      }),
    );
  });

  it('grow with the contributions (never less for more)', () => {
    fc.assert(
      fc.property(rules, amounts, amounts, (rule, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const x = matchingShares(low, rule);
        const y = matchingShares(high, rule);
        expect(x.lao).toBeLessThanOrEqual(y.lao);
        expect(x.province).toBeLessThanOrEqual(y.province);
      }),
    );
  });

  it('are computed on the typed contributions, else on members × monthly contribution × 12', () => {
    expect(expectedContributions(840, 30)).toBe(302_400);
    expect(expectedContributions(null, 30)).toBeNull();
    const fund = { members: 812, monthlyContribution: 30 };
    expect(fundYearFigures(fund, { year: 2568, members: 840, contributions: null, benefits: { birth: 1000, death: 2500.5 } }, oneToOne)).toEqual({
      year: 2568,
      contributions: 302_400,
      estimated: true,
      shares: matchingShares(302_400, oneToOne),
      benefitsTotal: 3500.5,
    });
    expect(fundYearFigures(fund, { year: 2567, members: null, contributions: 100_000, benefits: {} }, oneToOne)).toMatchObject({ contributions: 100_000, estimated: false });
    expect(fundYearFigures({ members: null, monthlyContribution: null }, { year: 2567, members: null, contributions: null, benefits: {} }, oneToOne)).toMatchObject({ contributions: null, shares: null });
  });
});

describe('leaders per village', () => {
  it('allows eight and refuses the ninth with a Thai message naming the village', () => {
    expect(maxLeadersPerVillage).toBe(8);
    expect(leaderRoom(7, 1, 'หมู่ที่ 3')).toEqual({ ok: true });
    expect(leaderRoom(8, 1, 'หมู่ที่ 3')).toEqual({
      ok: false,
      th: 'หมู่ที่ 3 มีคณะผู้นำครบ 8 คนแล้ว เพิ่มได้ไม่เกิน 8 คนต่อหมู่บ้าน',
      en: 'หมู่ที่ 3 already has 8 leaders; a village has at most 8',
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (current, adding) => {
        expect(leaderRoom(current, adding, 'ม.1').ok).toBe(current + adding <= 8);
      }),
    );;
  });
});

describe('due dates in พ.ศ.', () => {
  it('read 31/3/2569, Thai digits and dashes; refuse a day that does not exist', () => {
    expect(parseDueDateBE('31/3/2569')).toBe('2026-03-31');
    expect(parseDueDateBE('๓๑-๐๓-๒๕๖๙')).toBe('2026-03-31');
    expect(parseDueDateBE('')).toBeNull();
    expect(parseDueDateBE('31/2/2569')).toBeUndefined();
    expect(parseDueDateBE('31/3/2026')).toBeUndefined();
    expect(parseDueDateBE('พรุ่งนี้')).toBeUndefined();
  });

  it('round-trip every day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2150, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDueDateBE(dueDateBE(iso))).toBe(iso);
      }),
    );
  });
});

describe('reading the registers’ workbooks', () => {
  it('keeps a leader’s name, phone and successor, never a citizen id; an organisation’s register keeps its own name only', () => {
    const leaders = autoMap('leaders', ['หมู่ที่', 'ชื่อ-สกุล', 'เลขประจำตัวประชาชน', 'บทบาท', 'โทรศัพท์', 'ผู้สืบทอด', 'วันเกิด']).map((m) => m.field);
    expect(leaders).toEqual(['moo', 'personName', 'personal', 'leaderRole', 'phone', 'successor', 'personal']);
    const centres = autoMap('learning-centres', ['ชื่อศูนย์เรียนรู้', 'หมู่ที่', 'ชื่อ-สกุล ผู้ประสานงาน', 'โทรศัพท์', 'กิจกรรม/หลักสูตร', 'ผู้ใช้บริการต่อปี (คน)']).map((m) => m.field);
    expect(centres).toEqual(['orgName', 'moo', 'personal', 'personal', 'activities', 'peopleServed']);
    const funds = autoMap('welfare-funds', ['ชื่อกองทุน', 'ระดับกองทุน', 'ปีที่เริ่ม (พ.ศ.)', 'ปี พ.ศ.', 'จำนวนสมาชิก', 'เงินสมทบจากสมาชิกทั้งปี (บาท)', 'สมทบจาก อบต. (บาท)', 'สวัสดิการ: เจ็บป่วย (บาท)']).map((m) => m.field);
    expect(funds).toEqual(['orgName', 'tier', 'startYear', 'year', 'members', 'contributions', 'ignore', 'benefit.sickness']);
  });

  it('reads roles, tiers and kinds as clerks write them', () => {
    expect(['ผู้ใหญ่บ้าน', 'ผช.ผญบ.', 'กรรมการหมู่บ้าน', 'คุณกิจ', 'อสม.', 'Village head', 'kunkit', 'หัวหน้าแก๊ง'].map(roleFromText)).toEqual(['head', 'assistant', 'committee', 'kunkit', 'volunteer', 'head', 'kunkit', null]);
    expect(['ต้นแบบ', 'กองทุนนำร่อง', 'ขยายผล', 'expansion', 'ดีเด่น'].map(tierFromText)).toEqual(['model', 'pilot', 'expansion', 'expansion', null]);
    expect(['กลุ่มออมทรัพย์เพื่อการผลิต', 'วิสาหกิจชุมชน', 'ชมรม'].map(orgKindFromText)).toEqual(['savings-group', 'community-enterprise', 'other']);
  });

  it('turns a welfare-fund row into a fund and its year; rejects a row without a tier or with a citizen id', () => {
    const villages = [{ id: 'v1', moo: 1, code: '80010801' }];
    const mapping = autoMap('welfare-funds', ['หมู่ที่', 'ชื่อกองทุน', 'ระดับกองทุน', 'ปี พ.ศ.', 'จำนวนสมาชิก', 'เงินสมทบจากสมาชิกทั้งปี (บาท)', 'สวัสดิการ: การเกิด (บาท)']);
    const reader = createRowReader({ kind: 'welfare-funds', tambonCode: '800108', villages, mapping, year: 2568, dateRange: { minBE: 2500, maxBE: 2600 } });
    expect(reader.read(['๑', 'กองทุนบ้านนา', 'ต้นแบบ', 2010, '812', '292,320', 1500])).toEqual({
      outcome: 'record',
      record: { kind: 'welfare-funds', villageId: 'v1', name: 'กองทุนบ้านนา', tier: 'model', startYear: null, monthlyContribution: null, members: 812, year: 2553, contributions: 292_320, benefits: { birth: 1500 } },
      notes: expect.any(Array) as unknown,
    });
    // No year cell: the year asked for.
    expect(reader.read([null, 'กองทุนตำบล', 'นำร่อง', null, null, null, null])).toMatchObject({ outcome: 'record', record: { villageId: null, year: 2568 } });
    expect(reader.read([1, 'กองทุน', '', null, null, null, null])).toEqual({ outcome: 'rejected', problems: [{ column: 3, code: 'missingTier' }] });
    expect(reader.read([1, '1-1037-02071-81-1', 'ต้นแบบ', null, null, null, null])).toMatchObject({ outcome: 'rejected', problems: [{ column: 2, code: 'citizenIdInText' }] });
    expect(reader.read([null, null, null, null, null, null, null])).toEqual({ outcome: 'ignored' });
  });

  it('counts leaders per village across the workspace and the file: the ninth is rejected', () => {
    const villages = [{ id: 'v1', moo: 1, code: null }];
    const mapping = autoMap('leaders', ['หมู่ที่', 'ชื่อ-สกุล', 'บทบาท']);
    const reader = createRowReader({ kind: 'leaders', tambonCode: '800108', villages, mapping, year: null, dateRange: { minBE: 2500, maxBE: 2600 }, leadersPerVillage: new Map([['v1', 6]]) });
    expect(reader.read([1, 'ก', 'คุณกิจ']).outcome).toBe('record');
    expect(reader.read([1, 'ข', '']).outcome).toBe('record');
    expect(reader.read([1, 'ค', 'คุณกิจ'])).toEqual({ outcome: 'rejected', problems: [{ column: 1, code: 'tooManyLeaders', value: 'หมู่ที่ 1' }] });
    expect(reader.read([null, 'ง', 'คุณกิจ'])).toEqual({ outcome: 'rejected', problems: [{ column: 1, code: 'missingVillage' }] });
  });
});
