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

/** A row as a package carried it (column → value). */
export type Row = Readonly<Record<string, unknown>>;

/** แหล่งงบประมาณ: งบท้องถิ่น (แผนพัฒนาท้องถิ่น), งบหน่วยงานภาครัฐ/เอกชน, งบพัฒนาจังหวัด. */
export const budgetSources = ['local', 'agency', 'province'] as const;
/** One of {@link budgetSources}. */
export type BudgetSource = (typeof budgetSources)[number];

/** The tables and columns the dashboards read (see the module comment). */
export const dashboardTables = {
  issues: { table: 'strategic_issues', no: 'no', name: 'name_th' },
  /** ปัญหา of the problem–cause–solution table, one row per problem. */
  problems: { table: 'pcs_rows', issueNo: 'issue_no' },
  projects: {
    table: 'projects',
    issueNo: 'issue_no',
    name: 'name',
    budget: 'budget',
    source: 'budget_source',
    funderId: 'funder_id',
    rank: 'rank',
    /** Flagged for support by the provincial team. */
    flagged: 'province_support',
  },
  funders: { table: 'funders', name: 'name', source: 'source' },
  /** จปฐ. aggregates per village and survey year (the imports' TPMAP tables): in scope (ALL) and failing (CNT) per indicator. */
  bmn: { table: 'bmn_village_indicators', surveyId: 'survey_id', indicatorNo: 'indicator_no', inScope: 'in_scope', failing: 'failing' },
  bmnSurveys: { table: 'bmn_village_surveys', year: 'survey_year' },
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
    const issueNames = new Map(live(input.rows(tambon.code, t.issues.table)).map((r) => [num(r[t.issues.no]), str(r[t.issues.name]) ?? '']));
    const funders = new Map(live(input.rows(tambon.code, t.funders.table)).map((r) => [str(r.id) ?? '', str(r[t.funders.name]) ?? '']));
    const entry = (issueNo: number) => {
      const key = `${tambon.districtCode}:${issueNo}`;
      let totals = out.get(key);
      if (!totals) {
        totals = {
          districtCode: tambon.districtCode,
          districtNameTh: tambon.districtNameTh,
          issueNo,
          issueNameTh: issueNames.get(issueNo) ?? '',
          problems: 0,
          projects: 0,
          budget: 0,
          bySource: { local: 0, agency: 0, province: 0 },
          byFunder: {},
        };
        out.set(key, totals);
      }
      if (!totals.issueNameTh) totals.issueNameTh = issueNames.get(issueNo) ?? '';
      return totals;
    };
    for (const problem of live(input.rows(tambon.code, t.problems.table))) entry(num(problem[t.problems.issueNo])).problems += 1;
    for (const project of live(input.rows(tambon.code, t.projects.table))) {
      const totals = entry(num(project[t.projects.issueNo]));
      const budget = num(project[t.projects.budget]);
      totals.projects += 1;
      totals.budget += budget;
      const source = str(project[t.projects.source]);
      if (source === 'local' || source === 'agency' || source === 'province') totals.bySource[source] += budget;
      const funder = funders.get(str(project[t.projects.funderId]) ?? '') ?? source ?? '';
      totals.byFunder[funder] = (totals.byFunder[funder] ?? 0) + budget;
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
  source: string | null;
  rank: number | null;
  flagged: boolean;
}

/** Every live project of the tambons the view shows, by district, issue and rank. */
export function projects(input: DashboardInput): ProjectLine[] {
  const t = dashboardTables.projects;
  const lines: ProjectLine[] = [];
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    for (const p of live(input.rows(tambon.code, t.table))) {
      lines.push({
        tambonCode: tambon.code,
        tambonNameTh: tambon.nameTh,
        districtCode: tambon.districtCode,
        districtNameTh: tambon.districtNameTh,
        issueNo: num(p[t.issueNo]),
        name: str(p[t.name]) ?? '',
        budget: num(p[t.budget]),
        source: str(p[t.source]),
        rank: p[t.rank] === null || p[t.rank] === undefined ? null : num(p[t.rank]),
        flagged: p[t.flagged] === true || p[t.flagged] === 1 || p[t.flagged] === 'true',
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
    .filter((p) => p.source === 'province')
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

/**
 * จปฐ. indicators failing across tambons (the village aggregates of each tambon's latest survey
 * year summed), most tambons first.
 */
export function bmnFailing(input: DashboardInput): IndicatorFailing[] {
  const t = dashboardTables.bmn;
  const s = dashboardTables.bmnSurveys;
  const out = new Map<number, IndicatorFailing>();
  for (const tambon of input.tambons) {
    if (tambon.seq === null) continue;
    const yearOf = new Map(live(input.rows(tambon.code, s.table)).map((r) => [str(r.id) ?? '', num(r[s.year])]));
    const latest = Math.max(0, ...yearOf.values());
    const perTambon = new Map<number, { inScope: number; failing: number }>();
    for (const r of live(input.rows(tambon.code, t.table))) {
      if (yearOf.get(str(r[t.surveyId]) ?? '') !== latest) continue;
      const no = num(r[t.indicatorNo]);
      const v = perTambon.get(no) ?? { inScope: 0, failing: 0 };
      v.inScope += num(r[t.inScope]);
      v.failing += num(r[t.failing]);
      perTambon.set(no, v);
    }
    for (const [no, v] of perTambon) {
      const total = out.get(no) ?? { indicatorNo: no, tambonsFailing: 0, inScope: 0, failing: 0 };
      total.inScope += v.inScope;
      total.failing += v.failing;
      if (v.failing > 0) total.tambonsFailing += 1;
      out.set(no, total);
    }
  }
  return [...out.values()].filter((v) => v.failing > 0).sort((a, b) => b.tambonsFailing - a.tambonsFailing || a.indicatorNo - b.indicatorNo);
}
