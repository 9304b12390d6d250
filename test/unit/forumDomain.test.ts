/** The forum's plan computations: list cells, Buddhist-Era dates, budgets, sources, the local plan, attendance, projector paging. */
import { describe, expect, it } from 'vitest';
import {
  attendanceCounts,
  budgetInYears,
  effectiveFunding,
  formatDateInputBE,
  fundingByColumn,
  inLocalPlan,
  joinListCell,
  listField,
  parseDateBE,
  planYears,
  projectTotal,
  splitListCell,
  villagesOverLeaderSuggestion,
  yearsOutsideSpan,
} from '../../src/shared/domain/forum';
import { officeShortTh, planTitleTh, sheetName } from '../../src/shared/domain/forumForms';
import { countdownLeft, formatCountdown, paginate } from '../../src/shared/domain/projector';

describe('lists in one cell', () => {
  it('reads one item per line, without numbering or bullets; writes numbered lines only for several', () => {
    expect(splitListCell('1) น้ำท่วม\r\n2. ถนนเสีย\n\n- ขยะ\n• ไฟฟ้า ')).toEqual(['น้ำท่วม', 'ถนนเสีย', 'ขยะ', 'ไฟฟ้า']);
    expect(joinListCell(['น้ำท่วม', 'ถนนเสีย'])).toBe('1) น้ำท่วม\n2) ถนนเสีย');
    expect(joinListCell(['น้ำท่วม'])).toBe('น้ำท่วม');
    expect(joinListCell([])).toBe('');
    expect(splitListCell(joinListCell(['ก 1) ข', 'ค']))).toEqual(['ก 1) ข', 'ค']);
    // A year at the start of a line is not numbering.
    expect(splitListCell('2566 ภัยแล้ง')).toEqual(['2566 ภัยแล้ง']);
  });

  it('a list field drops blank items, refuses a line break inside an item and more than 30 items', () => {
    const field = listField({ th: 'สาเหตุ', en: 'Cause' });
    expect(field.parse([' ฝนตกหนัก ', '', 'คลองตื้น'])).toEqual(['ฝนตกหนัก', 'คลองตื้น']);
    expect(field.safeParse(['a\nb']).success).toBe(false);
    const tooMany = field.safeParse(Array.from({ length: 31 }, (_, i) => `x${i}`));
    expect(tooMany.success).toBe(false);
    expect(tooMany.error!.issues[0]!.message).toContain('สาเหตุใส่ได้ไม่เกิน 30 ข้อ');
  });
});

describe('Buddhist-Era dates typed by a person', () => {
  it('reads d/m/yyyy in พ.ศ., Thai digits too, and refuses dates that do not exist', () => {
    expect(parseDateBE('15/3/2569')).toBe('2026-03-15');
    expect(parseDateBE('๑๕-๐๓-๒๕๖๙')).toBe('2026-03-15');
    expect(parseDateBE('29/2/2567')).toBe('2024-02-29');
    expect(parseDateBE('29/2/2569')).toBeNull();
    expect(parseDateBE('15/3/2026')).toBeNull();
    expect(parseDateBE('yesterday')).toBeNull();
    expect(formatDateInputBE('2026-03-15')).toBe('15/3/2569');
  });
});

describe('budgets and sources', () => {
  const funders = [
    { id: 'pao', column: 'agency' as const },
    { id: 'prov', column: 'province' as const },
  ];
  const project = {
    yearBudgets: { '2566': 100, '2567': 200, '2575': 999 },
    funding: [
      { funderId: 'pao', column: 'local' as const, amount: 50 },
      { funderId: null, column: 'local' as const, amount: 30 },
      { funderId: 'prov', column: 'province' as const, amount: 20 },
    ],
  };
  const years = planYears({ firstYear: 2566, yearCount: 5 });

  it('the plan years of a span', () => {
    expect(years).toEqual([2566, 2567, 2568, 2569, 2570]);
  });

  it('a funder says its column; amounts sum by column', () => {
    expect(effectiveFunding(project, funders)[0]!.column).toBe('agency');
    expect(fundingByColumn(project, funders)).toEqual({ local: 30, agency: 50, province: 20 });
  });

  it('the total is the plan years’ amounts within the span, else the sources', () => {
    expect(budgetInYears(project, years)).toEqual({ 2566: 100, 2567: 200 });
    expect(projectTotal(project, years)).toBe(300);
    expect(projectTotal({ yearBudgets: {}, funding: project.funding }, years)).toBe(100);
    expect(yearsOutsideSpan(project, years)).toEqual([2575]);
  });

  it('a project is in an office’s local plan when it names the office (none: the host) and takes local money or has no source yet', () => {
    const host = { id: 'host', isHost: true };
    const other = { id: 'tt', isHost: false };
    expect(inLocalPlan({ officeId: null, funding: [] }, host, funders)).toBe(true);
    expect(inLocalPlan({ officeId: null, funding: [] }, other, funders)).toBe(false);
    expect(inLocalPlan({ officeId: 'tt', funding: [{ funderId: null, column: 'local', amount: 1 }] }, other, funders)).toBe(true);
    expect(inLocalPlan({ officeId: null, funding: [{ funderId: 'prov', column: 'province', amount: 1 }] }, host, funders)).toBe(false);
  });
});

describe('attendance', () => {
  it('counts those who came, by village and role; villages with more than five leaders are pointed out', () => {
    const people = [
      { villageId: 'v1', role: 'leader' as const, attended: true },
      { villageId: 'v1', role: 'citizen' as const, attended: false },
      { villageId: null, role: 'partner' as const, attended: true },
    ];
    expect(attendanceCounts(people)).toMatchObject({ registered: 3, attended: 2, byVillage: { v1: 1 }, byRole: { leader: 1, partner: 1, citizen: 0 } });
    const leaders = Array.from({ length: 6 }, () => ({ villageId: 'v2', role: 'leader' as const }));
    expect(villagesOverLeaderSuggestion([...leaders, ...people])).toEqual(['v2']);
  });
});

describe('forms', () => {
  it('plan titles, office abbreviations and sheet names within Excel’s rules', () => {
    expect(planTitleTh({ planName: 'แผนพัฒนาท้องถิ่น', planRevision: null, firstYear: 2566, yearCount: 5 })).toBe('แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)');
    expect(officeShortTh('องค์การบริหารส่วนตำบลนาทราย')).toBe('อบต.นาทราย');
    expect(officeShortTh('เทศบาลตำบลนาทราย')).toBe('ทต.นาทราย');
    expect(sheetName('a/b:c?[d]*')).toBe('a b c d');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('ประเด็น', new Set(['ประเด็น']))).toBe('ประเด็น 2');
  });
});

describe('the projector', () => {
  it('pages rows by their heights; a row taller than a page gets its own', () => {
    expect(paginate([100, 100, 100, 100], 250)).toEqual([0, 2]);
    expect(paginate([100, 400, 100], 250)).toEqual([0, 1, 2]);
    expect(paginate([], 250)).toEqual([0]);
  });

  it('a countdown runs to zero and shows m:ss rounded up', () => {
    const running = { running: true, endsAt: '2026-03-15T10:05:00Z', remainingMs: 0, durationMs: 300_000, visible: true };
    expect(countdownLeft(running, Date.parse('2026-03-15T10:00:00Z'))).toBe(300_000);
    expect(countdownLeft(running, Date.parse('2026-03-15T10:06:00Z'))).toBe(0);
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(0)).toBe('0:00');
  });
});
