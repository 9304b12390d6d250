/**
 * The progress reports' computations (shared/domain/progress.ts) on hand-made rows, as a package
 * carries them: statuses counted per issue, budget planned and funded by the written rule, the
 * latest update per project (by report date), the mean percent, tombstones left out, every issue
 * listed, the assessment section from a literal list, and clusters summing their tambons.
 */
import { describe, expect, it } from 'vitest';
import type { DashboardInput, Row } from '../../src/shared/domain/dashboard';
import { assessmentSection, clusterProgress, districtClusters, tambonProgress, totalsOf } from '../../src/shared/domain/progress';

const issues: Row[] = [
  { id: 'i1', no: 1, name_th: 'เศรษฐกิจ', deleted_at: null },
  { id: 'i2', no: 2, name_th: 'สังคม', deleted_at: null },
  { id: 'i3', no: 3, name_th: 'สิ่งแวดล้อม', deleted_at: null },
];

function project(id: string, issue: string, status: string, years: Record<string, number>, extra: Partial<Row> = {}): Row {
  return { id, issue_id: issue, name: `โครงการ ${id}`, status, year_budgets: JSON.stringify(years), funding: '[]', votes: null, sort_key: 1, provincial_flag: 0, deleted_at: null, ...extra };
}

const tables: Record<string, Record<string, Row[]>> = {
  '800108': {
    strategic_issues: issues,
    projects: [
      project('p1', 'i1', 'proposed', { '2567': 100_000 }),
      project('p2', 'i1', 'funded', { '2567': 200_000, '2568': 50_000 }),
      project('p3', 'i1', 'done', { '2567': 80_000 }),
      // No year budgets: the sources' sum counts.
      project('p4', 'i2', 'in-plan', {}, { funding: JSON.stringify([{ funderId: null, column: 'agency', amount: 30_000 }]) }),
      project('gone', 'i2', 'done', { '2567': 999_999 }, { deleted_at: '2026-01-01T00:00:00Z' }),
    ],
    project_updates: [
      { id: 'u1', project_id: 'p2', reported_on: '2026-03-01', percent: 20, status: 'funded', funded_amount: 150_000, note: 'เริ่มจัดซื้อ', updated_at: '2026-03-01T00:00:00Z', deleted_at: null },
      // The later report counts, whatever order the rows come in.
      { id: 'u0', project_id: 'p2', reported_on: '2026-05-01', percent: 60, status: 'funded', funded_amount: 220_000, note: 'ก่อสร้างไปกว่าครึ่ง', updated_at: '2026-05-01T00:00:00Z', deleted_at: null },
      { id: 'u2', project_id: 'p3', reported_on: '2026-04-01', percent: 100, status: 'done', funded_amount: null, note: '', updated_at: '2026-04-01T00:00:00Z', deleted_at: null },
      // A tombstoned update is not the latest.
      { id: 'u3', project_id: 'p3', reported_on: '2026-06-01', percent: 10, status: 'done', funded_amount: 1, note: 'ลบแล้ว', updated_at: '2026-06-01T00:00:00Z', deleted_at: '2026-06-02T00:00:00Z' },
    ],
  },
  '800102': {
    strategic_issues: issues,
    projects: [project('q1', 'i1', 'done', { '2567': 40_000 }), project('q2', 'i3', 'proposed', { '2567': 60_000 })],
    project_updates: [],
  },
};

const input: DashboardInput = {
  tambons: [
    { code: '800108', nameTh: 'นาทราย', districtCode: '8001', districtNameTh: 'เมืองนครศรีธรรมราช', seq: 3, createdAt: null },
    { code: '800102', nameTh: 'ท่าวัง', districtCode: '8001', districtNameTh: 'เมืองนครศรีธรรมราช', seq: 1, createdAt: null },
    { code: '800801', nameTh: 'ฉวาง', districtCode: '8008', districtNameTh: 'ฉวาง', seq: null, createdAt: null },
  ],
  rows: (code, table) => tables[code]?.[table] ?? [],
};

describe('the tambon progress report', () => {
  const report = tambonProgress(input, '800108');

  it('counts projects by status per issue, every issue of the framework listed', () => {
    expect(report.issues.map((i) => [i.issueNo, i.issueNameTh, i.projects])).toEqual([
      [1, 'เศรษฐกิจ', 3],
      [2, 'สังคม', 1],
      [3, 'สิ่งแวดล้อม', 0],
    ]);
    expect(report.issues[0]!.byStatus).toEqual({ proposed: 1, 'in-plan': 0, funded: 1, done: 1 });
    expect(report.issues[1]!.byStatus).toEqual({ proposed: 0, 'in-plan': 1, funded: 0, done: 0 });
    expect(report.total).toMatchObject({ projects: 4, done: 1, byStatus: { proposed: 1, 'in-plan': 1, funded: 1, done: 1 } });
  });

  it('plans every project\'s budget; counts as funded what funded and done projects received, else their budget', () => {
    // Planned: 100,000 + 250,000 + 80,000 in issue 1; 30,000 (sources) in issue 2.
    expect(report.issues.map((i) => i.planned)).toEqual([430_000, 30_000, 0]);
    // Funded: p2 reported 220,000 received (its latest update); p3 reported none, so its budget, 80,000.
    expect(report.issues.map((i) => i.funded)).toEqual([300_000, 0, 0]);
    expect(report.total).toMatchObject({ planned: 460_000, funded: 300_000 });
  });

  it('takes each project\'s latest live update: percent, date and note; the mean over projects with one', () => {
    const p2 = report.issues[0]!.projectList.find((p) => p.id === 'p2')!;
    expect(p2).toMatchObject({ percent: 60, reportedOn: '2026-05-01', note: 'ก่อสร้างไปกว่าครึ่ง' });
    const p3 = report.issues[0]!.projectList.find((p) => p.id === 'p3')!;
    expect(p3).toMatchObject({ percent: 100, reportedOn: '2026-04-01' });
    expect(report.issues[0]!.meanPercent).toBe(80);
    expect(report.issues[1]!.meanPercent).toBeNull();
    expect(report.assessment).toBeNull();
  });

  it('lays out an assessment section from a literal list: units in หมู่ order, the tambon last, grades counted', () => {
    const rounds = [
      {
        roundLabel: 'ก่อนดำเนินการ 2569',
        units: [
          { moo: 3, percent: 55.5, grade: 'C' },
          { moo: null, percent: 70, grade: 'B' },
          { moo: 1, percent: 85, grade: 'A' },
          { moo: 2, percent: null, grade: null },
        ],
      },
      { roundLabel: 'หลังดำเนินการ 2569', units: [{ moo: 1, percent: 90, grade: 'A' }] },
    ];
    const withGrades = tambonProgress(input, '800108', rounds);
    expect(withGrades.assessment!.rounds[0]!.units.map((u) => u.moo)).toEqual([1, 2, 3, null]);
    expect(withGrades.assessment!.rounds[0]).toMatchObject({ roundLabel: 'ก่อนดำเนินการ 2569', grades: { A: 1, B: 1, C: 1 }, incomplete: 1 });
    expect(withGrades.assessment!.rounds[1]).toMatchObject({ grades: { A: 1 }, incomplete: 0 });
    expect(assessmentSection([]).rounds).toEqual([]);
    expect(tambonProgress(input, '800108', []).assessment).toBeNull();
  });
});

describe('the cluster progress report', () => {
  it('makes one cluster per district by default and sums each cluster\'s tambons', () => {
    const clusters = districtClusters(input.tambons);
    expect(clusters).toEqual([
      { id: 'district:8001', nameTh: 'อ.เมืองนครศรีธรรมราช', tambonCodes: ['800102', '800108'] },
      { id: 'district:8008', nameTh: 'อ.ฉวาง', tambonCodes: ['800801'] },
    ]);
    const [city, chawang] = clusterProgress(input, clusters);
    expect(city!.tambons.map((t) => [t.code, t.projects, t.planned, t.funded])).toEqual([
      ['800102', 2, 100_000, 40_000],
      ['800108', 4, 460_000, 300_000],
    ]);
    expect(city!.total).toMatchObject({ projects: 6, planned: 560_000, funded: 340_000, done: 2, byStatus: { proposed: 2, 'in-plan': 1, funded: 1, done: 2 } });
    expect(chawang).toMatchObject({ notReporting: 1, total: { projects: 0, planned: 0 } });
  });

  it('sums a group a person made, leaving out codes not in the area', () => {
    const [group] = clusterProgress(input, [{ id: 'custom:1', nameTh: 'กลุ่มลุ่มน้ำ', tambonCodes: ['800108', '999999'] }]);
    expect(group!.tambons.map((t) => t.code)).toEqual(['800108']);
    expect(group!.total).toEqual(totalsOf(tambonProgress(input, '800108').issues.flatMap((i) => i.projectList)));
  });
});
