/**
 * The data center's dashboard numbers, as pure functions over the rows the tambons sent (the
 * charts and tables of the data center screens, and the consolidated workbooks, draw from these):
 * tambons reporting and those with nothing received; by district and strategic issue the
 * problems, projects and budget requested by source column and by funder; projects flagged for
 * the provincial team; จปฐ. indicators failing across tambons.
 *
 * {@link dashboardTables} names the tables and columns of the forum and evidence capabilities
 * these read: the one place to change when those tables change.
 */

import { rankProjects } from './ranking';

/** A row as a package carried it (column → value). */
export type Row = Readonly<Record<string, unknown>>;

/** แหล่งงบประมาณ: งบท้องถิ่น (แผนพัฒนาท้องถิ่น), งบหน่วยงานภาครัฐ/เอกชน, งบพัฒนาจังหวัด. */
export const budgetSources = ['local', 'agency', 'province'] as const;
/** One of {@link budgetSources}. */
export type BudgetSource = (typeof budgetSources)[number];

/** The tables and columns the dashboards read (see the module comment). */
export const dashboardTables = {
  issues: { table: 'strategic_issues', no: 'no', name: 'name_th' },
  /** ปัญหา of the problem–cause–solution tables, one row per problem. */
  problems: { table: 'pcs_rows', issueId: 'issue_id' },
  projects: {
    table: 'projects',
    issueId: 'issue_id',
    name: 'name',
    /** JSON: พ.ศ. year → baht. */
    yearBudgets: 'year_budgets',
    /** JSON: `[{ funderId, column, amount }]`. */
    funding: 'funding',
    votes: 'votes',
    sortKey: 'sort_key',
    /** Flagged for support by the provincial team. */
    flagged: 'provincial_flag',
    /** `proposed | in-plan | funded | done`. */
    status: 'status',
  },
  /** Progress updates of projects (the reports capability): the latest one per project counts. */
  projectUpdates: { table: 'project_updates', projectId: 'project_id', reportedOn: 'reported_on', percent: 'percent', status: 'status', fundedAmount: 'funded_amount', note: 'note' },
  /** The facilitators' recorded tie-breaks, which order projects with equal votes. */
  decisions: { table: 'forum_decisions', issueId: 'issue_id', kind: 'kind', rowIds: 'row_ids' },
  funders: { table: 'funders', name: 'name', column: 'funding_column' },
  /**
   * จปฐ. per village, survey year and indicator: in scope (ALL) and failing (CNT), as the tambon's
   * จปฐ. page shows them — counted from household answers or taken from TPMAP counts. A resource
   * every package carries, computed at export (services/packages/derived.ts), so a tambon that
   * imported household files only is counted without its household rows travelling.
   */
  bmn: { table: 'bmn_village_results', year: 'survey_year', indicatorNo: 'indicator_no', inScope: 'in_scope', failing: 'failing' },
  /** The imports' TPMAP tables, read only for a tambon whose packages carry no `bmn_village_results` (an older app). */
  bmnTpmap: { table: 'bmn_village_indicators', surveyId: 'survey_id', indicatorNo: 'indicator_no', inScope: 'in_scope', failing: 'failing' },
  bmnSurveys: { table: 'bmn_village_surveys', year: 'survey_year' },
  /**
   * The self-assessment's result per round and unit (a village, or the tambon when `village_id`
   * is empty), computed at export (services/packages/derived.ts) with the tambon's framework.
   */
  assessment: { table: 'assessment_unit_results', label: 'round_label', villageId: 'village_id', complete: 'complete', grade: 'grade' },
  /**
   * The registers of people as counts per register (`working-group`, `facilitators`, `leaders`),
   * village and role, computed at export; the names stay in the tambon's workspace.
   */
  registers: { table: 'register_people_counts', register: 'register', people: 'people', trained: 'trained', withSuccessor: 'with_successor' },
} as const;

/** A tambon of the area, with what was received from it. */
export interface DashboardTambon {
  code: string;
  nameTh: string;
  districtCode: string;
  districtNameTh: string;
  /** The package the view shows (latest, or last accepted); null when none. */
  seq: number | null;
  createdAt: string | null;
}

/** What the dashboards read: the area's tambons, and the live rows of a table of one tambon. */
export interface DashboardInput {
  tambons: readonly DashboardTambon[];
  rows(tambonCode: string, table: string): readonly Row[];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : 0);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const live = (rows: readonly Row[]) => rows.filter((r) => r.deleted_at === null || r.deleted_at === undefined);
const json = (v: unknown): unknown => {
  if (typeof v !== 'string' || v === '') return null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return null;
  }
};
const isSource = (v: unknown): v is BudgetSource => v === 'local' || v === 'agency' || v === 'province';

/** A project of one tambon as the dashboards count it: its issue, budget, money by source column and funder, rank. */
export interface CountedProject {
  id: string;
  issueNo: number;
  /** `proposed | in-plan | funded | done` (`proposed` when a package carries none). */
  status: string;
  name: string;
  budget: number;
  bySource: Record<BudgetSource, number>;
  byFunder: Record<string, number>;
  rank: number | null;
  flagged: boolean;
}

/**
 * The live projects of one tambon: the budget is the sum of the plan years (or of the sources when
 * no year has one); each source line counts under its column (a funder's own column when it names
 * one) and under its funder's name, or its column's when it names none; the rank is the forum's
 * (votes, with the recorded tie-breaks).
 */
export function tambonProjects(input: DashboardInput, tambonCode: string): CountedProject[] {
  const t = dashboardTables;
  const issueNo = new Map(live(input.rows(tambonCode, t.issues.table)).map((r) => [str(r.id) ?? '', num(r[t.issues.no])]));
  const funders = new Map(live(input.rows(tambonCode, t.funders.table)).map((r) => [str(r.id) ?? '', { name: str(r[t.funders.name]) ?? '', column: r[t.funders.column] }]));
  const rows = live(input.rows(tambonCode, t.projects.table));
  const decisions = live(input.rows(tambonCode, t.decisions.table))
    .filter((d) => d[t.decisions.kind] === 'tie-break')
    .map((d) => ({ id: str(d.id) ?? '', issueId: str(d[t.decisions.issueId]) ?? '', rowIds: (json(d[t.decisions.rowIds]) as string[] | null) ?? [], updatedAt: str(d.updated_at) ?? '' }));
  const rankOf = new Map<string, number>();
  for (const issueId of new Set(rows.map((r) => str(r[t.projects.issueId]) ?? ''))) {
    const own = rows.filter((r) => (str(r[t.projects.issueId]) ?? '') === issueId);
    const ranking = rankProjects(
      own.map((r) => ({ id: str(r.id) ?? '', votes: r[t.projects.votes] === null || r[t.projects.votes] === undefined || r[t.projects.votes] === '' ? null : num(r[t.projects.votes]), sortKey: num(r[t.projects.sortKey]) })),
      decisions.filter((d) => d.issueId === issueId),
    );
    for (const entry of ranking.ranked) rankOf.set(entry.id, entry.rank);
  }
  return rows.map((r) => {
    const bySource: Record<BudgetSource, number> = { local: 0, agency: 0, province: 0 };
    const byFunder: Record<string, number> = {};
    let sourced = 0;
    const lines = json(r[t.projects.funding]);
    for (const line of Array.isArray(lines) ? (lines as Record<string, unknown>[]) : []) {
      const amount = num(line.amount);
      const funder = funders.get(str(line.funderId) ?? '');
      const column = isSource(funder?.column) ? funder.column : isSource(line.column) ? line.column : null;
      if (column) bySource[column] += amount;
      const name = funder?.name || column || '';
      byFunder[name] = (byFunder[name] ?? 0) + amount;
      sourced += amount;
    }
    const years = json(r[t.projects.yearBudgets]);
    const planned = years && typeof years === 'object' ? Object.values(years as Record<string, unknown>).reduce<number>((sum, v) => sum + num(v), 0) : 0;
    const flag = r[t.projects.flagged];
    return {
      id: str(r.id) ?? '',
      status: str(r[t.projects.status]) ?? 'proposed',
      issueNo: issueNo.get(str(r[t.projects.issueId]) ?? '') ?? 0,
      name: str(r[t.projects.name]) ?? '',
      budget: planned > 0 ? planned : sourced,
      bySource,
      byFunder,
      rank: rankOf.get(str(r.id) ?? '') ?? null,
      flagged: flag === true || flag === 1 || flag === 'true',
    };
  });
}

/** Tambons reporting (their latest seq and date) and those with nothing received. */
export function reporting(input: DashboardInput): { reporting: DashboardTambon[]; nothingReceived: DashboardTambon[] } {
  const sorted = [...input.tambons].sort((a, b) => a.code.localeCompare(b.code));
  return { reporting: sorted.filter((t) => t.seq !== null), nothingReceived: sorted.filter((t) => t.seq === null) };
}

/** The numbers of one district and strategic issue. */
export interface IssueTotals {
  districtCode: string;
  districtNameTh: string;
  issueNo: number;
  issueNameTh: string;
  problems: number;
  projects: number;
  budget: number;
  bySource: Record<BudgetSource, number>;
  byFunder: Record<string, number>;
}

/**
 * By district and strategic issue: problems, projects, budget requested, by source column and by
 * funder (a project without a funder counts under its source column's name).
 */
export function issueTotals(input: DashboardInput): IssueTotals[] {
  const t = dashboardTables;
  const out = new Map<string, IssueTotals>();
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    const issues = live(input.rows(tambon.code, t.issues.table));
    const issueNo = new Map(issues.map((r) => [str(r.id) ?? '', num(r[t.issues.no])]));
    const issueNames = new Map(issues.map((r) => [num(r[t.issues.no]), str(r[t.issues.name]) ?? '']));
    const entry = (no: number) => {
      const key = `${tambon.districtCode}:${no}`;
      let totals = out.get(key);
      if (!totals) {
        totals = {
          districtCode: tambon.districtCode,
          districtNameTh: tambon.districtNameTh,
          issueNo: no,
          issueNameTh: issueNames.get(no) ?? '',
          problems: 0,
          projects: 0,
          budget: 0,
          bySource: { local: 0, agency: 0, province: 0 },
          byFunder: {},
        };
        out.set(key, totals);
      }
      if (!totals.issueNameTh) totals.issueNameTh = issueNames.get(no) ?? '';
      return totals;
    };
    for (const problem of live(input.rows(tambon.code, t.problems.table))) entry(issueNo.get(str(problem[t.problems.issueId]) ?? '') ?? 0).problems += 1;
    for (const project of tambonProjects(input, tambon.code)) {
      const totals = entry(project.issueNo);
      totals.projects += 1;
      totals.budget += project.budget;
      for (const source of budgetSources) totals.bySource[source] += project.bySource[source];
      for (const [funder, amount] of Object.entries(project.byFunder)) totals.byFunder[funder] = (totals.byFunder[funder] ?? 0) + amount;
    }
  }
  return [...out.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.issueNo - b.issueNo);
}

/** A project as the province's lists show it. */
export interface ProjectLine {
  tambonCode: string;
  tambonNameTh: string;
  districtCode: string;
  districtNameTh: string;
  issueNo: number;
  name: string;
  budget: number;
  /** The source column most of its money comes from; null when it names none. */
  source: BudgetSource | null;
  bySource: Record<BudgetSource, number>;
  rank: number | null;
  flagged: boolean;
}

/** Every live project of the tambons the view shows, by district, issue and rank. */
export function projects(input: DashboardInput): ProjectLine[] {
  const lines: ProjectLine[] = [];
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    for (const p of tambonProjects(input, tambon.code)) {
      // The column most of its money comes from names the project's source in the lists.
      const main = budgetSources.reduce<BudgetSource | null>((best, s) => (p.bySource[s] > 0 && (best === null || p.bySource[s] > p.bySource[best]) ? s : best), null);
      lines.push({
        tambonCode: tambon.code,
        tambonNameTh: tambon.nameTh,
        districtCode: tambon.districtCode,
        districtNameTh: tambon.districtNameTh,
        issueNo: p.issueNo,
        name: p.name,
        budget: p.budget,
        source: main,
        bySource: p.bySource,
        rank: p.rank,
        flagged: p.flagged,
      });
    }
  }
  return lines.sort(
    (a, b) => a.districtCode.localeCompare(b.districtCode) || a.issueNo - b.issueNo || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.tambonCode.localeCompare(b.tambonCode),
  );
}

/** Projects the tambons flagged for support by the provincial team. */
export function flaggedProjects(input: DashboardInput): ProjectLine[] {
  return projects(input).filter((p) => p.flagged);
}

/** Projects asking for provincial money (งบพัฒนาจังหวัด), grouped by strategic issue and district. */
export function provincialBudgetRequests(input: DashboardInput): ProjectLine[] {
  return projects(input)
    .filter((p) => p.bySource.province > 0)
    .sort((a, b) => a.issueNo - b.issueNo || a.districtCode.localeCompare(b.districtCode) || a.tambonCode.localeCompare(b.tambonCode) || (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** One จปฐ. indicator across the tambons. */
export interface IndicatorFailing {
  indicatorNo: number;
  /** Tambons with at least one failing household. */
  tambonsFailing: number;
  inScope: number;
  failing: number;
}

/** One tambon's จปฐ. counts per indicator for its latest survey year, from rows `{ year, no, inScope, failing }`. */
function latestYearCounts(rows: readonly { year: number; no: number; inScope: number; failing: number }[]): Map<number, { inScope: number; failing: number }> {
  const latest = Math.max(0, ...rows.map((r) => r.year));
  const perTambon = new Map<number, { inScope: number; failing: number }>();
  for (const r of rows) {
    if (r.year !== latest) continue;
    const v = perTambon.get(r.no) ?? { inScope: 0, failing: 0 };
    v.inScope += r.inScope;
    v.failing += r.failing;
    perTambon.set(r.no, v);
  }
  return perTambon;
}

/**
 * จปฐ. indicators failing across tambons (the village figures of each tambon's latest survey year
 * summed), most tambons first. The figures are `bmn_village_results`. Important: a tambon whose
 * latest package has none of those rows but has TPMAP tables was exported by an app older than the
 * resource (tambon offices do not upgrade together); its TPMAP counts are read instead, so an
 * upgraded province does not lose tambons that have not upgraded yet.
 */
export function bmnFailing(input: DashboardInput): IndicatorFailing[] {
  const t = dashboardTables.bmn;
  const tp = dashboardTables.bmnTpmap;
  const s = dashboardTables.bmnSurveys;
  const out = new Map<number, IndicatorFailing>();
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    let rows = live(input.rows(tambon.code, t.table)).map((r) => ({ year: num(r[t.year]), no: num(r[t.indicatorNo]), inScope: num(r[t.inScope]), failing: num(r[t.failing]) }));
    if (rows.length === 0) {
      const yearOf = new Map(live(input.rows(tambon.code, s.table)).map((r) => [str(r.id) ?? '', num(r[s.year])]));
      rows = live(input.rows(tambon.code, tp.table))
        .filter((r) => yearOf.has(str(r[tp.surveyId]) ?? ''))
        .map((r) => ({ year: yearOf.get(str(r[tp.surveyId]) ?? '')!, no: num(r[tp.indicatorNo]), inScope: num(r[tp.inScope]), failing: num(r[tp.failing]) }));
    }
    for (const [no, v] of latestYearCounts(rows)) {
      const total = out.get(no) ?? { indicatorNo: no, tambonsFailing: 0, inScope: 0, failing: 0 };
      total.inScope += v.inScope;
      total.failing += v.failing;
      if (v.failing > 0) total.tambonsFailing += 1;
      out.set(no, total);
    }
  }
  return [...out.values()].filter((v) => v.failing > 0).sort((a, b) => b.tambonsFailing - a.tambonsFailing || a.indicatorNo - b.indicatorNo);
}

/** The self-assessment's grades of one district and round label. */
export interface GradeSummary {
  districtCode: string;
  districtNameTh: string;
  roundLabel: string;
  /** Tambons with this round. */
  tambons: number;
  /** Villages per grade (A, B, C…, as the tambons' frameworks name them). */
  villages: Record<string, number>;
  /** Villages not scored on every criterion (or below every cut-off). */
  villagesUngraded: number;
  /** Tambons (as a whole) per grade. */
  tambonGrades: Record<string, number>;
  tambonsUngraded: number;
}

/**
 * The self-assessment by district and round label (ก่อน, ระหว่าง, หลัง…, as the tambons labelled
 * them): villages per grade and the tambons' own grades, from `assessment_unit_results`. A unit
 * incomplete, or below every cut-off, is counted as ungraded.
 */
export function assessmentGrades(input: DashboardInput): GradeSummary[] {
  const t = dashboardTables.assessment;
  const out = new Map<string, GradeSummary>();
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    const seenLabels = new Set<string>();
    for (const row of live(input.rows(tambon.code, t.table))) {
      const label = str(row[t.label]) ?? '';
      const key = `${tambon.districtCode}\u0000${label}`;
      let entry = out.get(key);
      if (!entry) {
        entry = { districtCode: tambon.districtCode, districtNameTh: tambon.districtNameTh, roundLabel: label, tambons: 0, villages: {}, villagesUngraded: 0, tambonGrades: {}, tambonsUngraded: 0 };
        out.set(key, entry);
      }
      if (!seenLabels.has(label)) {
        seenLabels.add(label);
        entry.tambons += 1;
      }
      const complete = row[t.complete] === true || row[t.complete] === 1 || row[t.complete] === 'true';
      const grade = complete ? str(row[t.grade]) : null;
      const isTambon = str(row[t.villageId]) === null;
      if (isTambon) {
        if (grade === null) entry.tambonsUngraded += 1;
        else entry.tambonGrades[grade] = (entry.tambonGrades[grade] ?? 0) + 1;
      } else if (grade === null) entry.villagesUngraded += 1;
      else entry.villages[grade] = (entry.villages[grade] ?? 0) + 1;
    }
  }
  return [...out.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.roundLabel.localeCompare(b.roundLabel, 'th'));
}

/** The registers of people of a district's tambons. */
export interface RegisterTotals {
  districtCode: string;
  districtNameTh: string;
  /** Tambons whose packages carry register counts. */
  tambons: number;
  workingGroup: number;
  facilitators: number;
  leaders: number;
  /** Leaders with a training recorded. */
  leadersTrained: number;
  /** Leaders with a successor named. */
  leadersWithSuccessor: number;
}

/**
 * The working groups, facilitators (คุณอำนวย) and village leaders by district, with how many
 * leaders were trained and have a successor, from `register_people_counts`. A district whose
 * tambons sent no register is left out.
 */
export function registerTotals(input: DashboardInput): RegisterTotals[] {
  const t = dashboardTables.registers;
  const out = new Map<string, RegisterTotals>();
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    const rows = live(input.rows(tambon.code, t.table));
    if (rows.length === 0) continue;
    let entry = out.get(tambon.districtCode);
    if (!entry) {
      entry = { districtCode: tambon.districtCode, districtNameTh: tambon.districtNameTh, tambons: 0, workingGroup: 0, facilitators: 0, leaders: 0, leadersTrained: 0, leadersWithSuccessor: 0 };
      out.set(tambon.districtCode, entry);
    }
    entry.tambons += 1;
    for (const row of rows) {
      const people = num(row[t.people]);
      const register = str(row[t.register]);
      if (register === 'working-group') entry.workingGroup += people;
      else if (register === 'facilitators') entry.facilitators += people;
      else if (register === 'leaders') {
        entry.leaders += people;
        entry.leadersTrained += num(row[t.trained]);
        entry.leadersWithSuccessor += num(row[t.withSuccessor]);
      }
    }
  }
  return [...out.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode));
}
