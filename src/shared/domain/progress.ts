/**
 * Progress reports (รายงานความก้าวหน้า), as pure functions over the rows a tambon keeps — read
 * from its own workspace, or from the packages merged at the data center, through the same
 * `DashboardInput` — so the tambon's report and the cluster's sums never count differently.
 *
 * - A project's progress is its status (the forum's `proposed | in-plan | funded | done`) and its
 *   latest update (percent done, money received, a note, by report date).
 * - Per strategic issue: the projects by status, the budget planned (every project's budget, as
 *   the dashboards count it: the plan years' amounts, else the sources'), the budget funded (the
 *   projects funded or done: the money reported received, else their budget), and the projects done.
 * - An assessment section (grades per round per unit) is taken as a list and shown when given: the
 *   assessment capability computes the grades; this module only lays them out.
 * - Per tambon cluster (a group of tambons: a district by default, or a group a person made at the
 *   data center): each tambon's totals and the cluster's sum.
 */
import { dashboardTables, tambonProjects, type DashboardInput, type DashboardTambon, type Row } from './dashboard';

/** The project statuses, in the order a project moves through them. */
export const progressStatuses = ['proposed', 'in-plan', 'funded', 'done'] as const;
/** One of {@link progressStatuses}. */
export type ProgressStatus = (typeof progressStatuses)[number];

/** Thai names of the statuses, as the reports print them. */
export const progressStatusTh: Record<ProgressStatus, string> = { proposed: 'เสนอ', 'in-plan': 'บรรจุในแผน', funded: 'ได้รับงบประมาณ', done: 'ดำเนินการแล้วเสร็จ' };

/** Counts per status. */
export type StatusCounts = Record<ProgressStatus, number>;

/** One project's progress. */
export interface ProjectProgress {
  id: string;
  issueNo: number;
  name: string;
  status: ProgressStatus;
  /** Baht planned. */
  planned: number;
  /** Baht counted as funded (see the module comment): 0 unless funded or done. */
  funded: number;
  /** The latest update's percent done, or null without one. */
  percent: number | null;
  /** The latest update's report date (ISO), or null. */
  reportedOn: string | null;
  note: string | null;
}

/** Totals of a set of projects. */
export interface ProgressTotals {
  projects: number;
  byStatus: StatusCounts;
  planned: number;
  funded: number;
  done: number;
  /** The mean of the latest percents of the projects that have one; null when none has. */
  meanPercent: number | null;
}

/** One strategic issue's progress. */
export interface IssueProgress extends ProgressTotals {
  issueNo: number;
  issueNameTh: string;
  projectList: ProjectProgress[];
}

/** One unit's grade in an assessment round (a village by หมู่ที่; the tambon as a whole: moo null). */
export interface AssessmentUnit {
  moo: number | null;
  percent: number | null;
  /** `A | B | C`…, or null when the unit is incomplete. */
  grade: string | null;
}

/** One assessment round's grades, as the assessment capability gives them. */
export interface AssessmentRound {
  roundLabel: string;
  units: AssessmentUnit[];
}

/** The assessment section of a report: each round, its units in order, and how many got each grade. */
export interface AssessmentSection {
  rounds: { roundLabel: string; units: AssessmentUnit[]; grades: Record<string, number>; incomplete: number }[];
}

/** A tambon's progress report. */
export interface TambonProgress {
  issues: IssueProgress[];
  total: ProgressTotals;
  /** Present only when rounds were given. */
  assessment: AssessmentSection | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const isStatus = (v: unknown): v is ProgressStatus => (progressStatuses as readonly unknown[]).includes(v);
const live = (rows: readonly Row[]) => rows.filter((r) => r.deleted_at === null || r.deleted_at === undefined);

function emptyCounts(): StatusCounts {
  return { proposed: 0, 'in-plan': 0, funded: 0, done: 0 };
}

/** The totals of `projects`. */
export function totalsOf(projects: readonly ProjectProgress[]): ProgressTotals {
  const byStatus = emptyCounts();
  let planned = 0;
  let funded = 0;
  const percents: number[] = [];
  for (const p of projects) {
    byStatus[p.status] += 1;
    planned += p.planned;
    funded += p.funded;
    if (p.percent !== null) percents.push(p.percent);
  }
  return {
    projects: projects.length,
    byStatus,
    planned,
    funded,
    done: byStatus.done,
    meanPercent: percents.length ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10 : null,
  };
}

/** The latest update of each project: by report date, then by the update's last change. */
function latestUpdates(rows: readonly Row[]): Map<string, Row> {
  const t = dashboardTables.projectUpdates;
  const out = new Map<string, Row>();
  for (const r of live(rows)) {
    const id = str(r[t.projectId]);
    if (!id) continue;
    const seen = out.get(id);
    const key = (x: Row) => `${str(x[t.reportedOn]) ?? ''}|${str(x.updated_at) ?? ''}`;
    if (!seen || key(r) > key(seen)) out.set(id, r);
  }
  return out;
}

/** Every live project of one tambon with its progress. */
export function projectProgress(input: DashboardInput, tambonCode: string): ProjectProgress[] {
  const t = dashboardTables.projectUpdates;
  const updates = latestUpdates(input.rows(tambonCode, t.table));
  return tambonProjects(input, tambonCode).map((p) => {
    const status: ProgressStatus = isStatus(p.status) ? p.status : 'proposed';
    const update = updates.get(p.id);
    const received = update ? num(update[t.fundedAmount]) : null;
    return {
      id: p.id,
      issueNo: p.issueNo,
      name: p.name,
      status,
      planned: p.budget,
      funded: status === 'funded' || status === 'done' ? (received ?? p.budget) : 0,
      percent: update ? num(update[t.percent]) : null,
      reportedOn: update ? str(update[t.reportedOn]) : null,
      note: update ? str(update[t.note]) : null,
    };
  });
}

/** The assessment section of `rounds`: units in หมู่ order (the tambon last), grades counted. */
export function assessmentSection(rounds: readonly AssessmentRound[]): AssessmentSection {
  return {
    rounds: rounds.map((round) => {
      const units = [...round.units].sort((a, b) => (a.moo ?? Infinity) - (b.moo ?? Infinity));
      const grades: Record<string, number> = {};
      for (const u of units) if (u.grade !== null) grades[u.grade] = (grades[u.grade] ?? 0) + 1;
      return { roundLabel: round.roundLabel, units, grades, incomplete: units.filter((u) => u.grade === null).length };
    }),
  };
}

/**
 * A tambon's progress report: per strategic issue (every issue of its framework, in order, even
 * without projects), the totals, and the assessment section when `assessment` is given.
 */
export function tambonProgress(input: DashboardInput, tambonCode: string, assessment?: readonly AssessmentRound[]): TambonProgress {
  const t = dashboardTables.issues;
  const issues = live(input.rows(tambonCode, t.table))
    .map((r) => ({ no: num(r[t.no]) ?? 0, nameTh: str(r[t.name]) ?? '' }))
    .sort((a, b) => a.no - b.no);
  const projects = projectProgress(input, tambonCode);
  const numbers = new Set([...issues.map((i) => i.no), ...projects.map((p) => p.issueNo)]);
  const byIssue = [...numbers]
    .sort((a, b) => a - b)
    .map((no) => {
      const list = projects.filter((p) => p.issueNo === no);
      return { issueNo: no, issueNameTh: issues.find((i) => i.no === no)?.nameTh ?? '', projectList: list, ...totalsOf(list) };
    });
  return { issues: byIssue, total: totalsOf(projects), assessment: assessment && assessment.length > 0 ? assessmentSection(assessment) : null };
}

/** A group of tambons a report sums: a district, or a group a person made at the data center. */
export interface Cluster {
  id: string;
  nameTh: string;
  tambonCodes: readonly string[];
}

/** One tambon's line in a cluster report. */
export interface ClusterTambon extends ProgressTotals {
  code: string;
  nameTh: string;
  districtNameTh: string;
  /** The package the view shows; null when nothing was received (its figures are zeros). */
  seq: number | null;
}

/** A cluster's progress: each tambon's totals and their sum. */
export interface ClusterProgress {
  cluster: Cluster;
  tambons: ClusterTambon[];
  total: ProgressTotals;
  /** Tambons of the cluster with nothing received. */
  notReporting: number;
}

/** The clusters of an area by default: one per district, in code order. */
export function districtClusters(tambons: readonly DashboardTambon[]): Cluster[] {
  const out = new Map<string, Cluster & { tambonCodes: string[] }>();
  for (const t of [...tambons].sort((a, b) => a.code.localeCompare(b.code))) {
    let c = out.get(t.districtCode);
    if (!c) out.set(t.districtCode, (c = { id: `district:${t.districtCode}`, nameTh: `อ.${t.districtNameTh}`, tambonCodes: [] }));
    c.tambonCodes.push(t.code);
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Each cluster's progress from the tambons' merged rows (a code not in the area is left out). */
export function clusterProgress(input: DashboardInput, clusters: readonly Cluster[]): ClusterProgress[] {
  const byCode = new Map(input.tambons.map((t) => [t.code, t]));
  return clusters.map((cluster) => {
    const tambons: ClusterTambon[] = [];
    const all: ProjectProgress[] = [];
    for (const code of cluster.tambonCodes) {
      const t = byCode.get(code);
      if (!t) continue;
      const projects = t.seq === null ? [] : projectProgress(input, code);
      all.push(...projects);
      tambons.push({ code, nameTh: t.nameTh, districtNameTh: t.districtNameTh, seq: t.seq, ...totalsOf(projects) });
    }
    return { cluster, tambons, total: totalsOf(all), notReporting: tambons.filter((t) => t.seq === null).length };
  });
}
