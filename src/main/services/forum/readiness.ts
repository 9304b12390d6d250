/**
 * The readiness check over the open workspace (see shared/domain/readiness.ts for what it finds).
 */
import { and, count, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { planYears, yearsOutsideSpan } from '../../../shared/domain/forum';
import { checkReadiness, type ReadinessItem } from '../../../shared/domain/readiness';
import { frameworks, pcsRows, projects, strategicIssues, villageItems, villages } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { listPcs } from './pcs';
import { listProjects, rankingOf } from './projects';
import { getForumRecord, villagesWithAttendance } from './record';
import { planSettings } from './settings';
import { listVillagePlans } from './villagePlans';

type Db = OpenWorkspace['db'];

/** The live strategic issues of the workspace's framework, by number. */
export function liveIssues(db: Db): { id: string; no: number; nameTh: string }[] {
  const fw = db.select({ id: frameworks.id }).from(frameworks).where(isNull(frameworks.deletedAt)).get();
  if (!fw) return [];
  return db
    .select({ id: strategicIssues.id, no: strategicIssues.no, nameTh: strategicIssues.nameTh })
    .from(strategicIssues)
    .where(and(eq(strategicIssues.frameworkRowId, fw.id), isNull(strategicIssues.deletedAt)))
    .orderBy(strategicIssues.no)
    .all();
}

/** Counts per issue for the tabs: problem rows, projects, projects with votes, village items classified under it. */
export function overview(db: Db): { issueId: string; pcs: number; projects: number; ranked: number; items: number }[] {
  const countBy = (table: typeof pcsRows | typeof projects | typeof villageItems, where?: SQL) =>
    new Map(
      db
        .select({ issueId: table.issueId, n: count() })
        .from(table)
        .where(and(isNull(table.deletedAt), where))
        .groupBy(table.issueId)
        .all()
        .map((r) => [r.issueId, r.n]),
    );
  const pcs = countBy(pcsRows);
  const all = countBy(projects);
  const ranked = countBy(projects, isNotNull(projects.votes));
  const items = countBy(villageItems);
  return liveIssues(db).map((i) => ({ issueId: i.id, pcs: pcs.get(i.id) ?? 0, projects: all.get(i.id) ?? 0, ranked: ranked.get(i.id) ?? 0, items: items.get(i.id) ?? 0 }));
}

/** Every finding of the readiness check, with counts of each severity. */
export function readiness(db: Db, now: Date): { items: ReadinessItem[]; missing: number; checks: number } {
  const record = getForumRecord(db);
  const liveVillages = db.select({ id: villages.id, moo: villages.moo, name: villages.name }).from(villages).where(isNull(villages.deletedAt)).all();
  const { plans, items } = listVillagePlans(db);
  const issues = liveIssues(db);
  const issueIds = new Set(issues.map((i) => i.id));
  const years = planYears(planSettings(db, now).plan);
  const problems = issues.flatMap((issue) =>
    listPcs(db, issue.id).map((row, i) => ({
      id: row.id,
      issueId: row.issueId,
      position: i + 1,
      problem: row.problem,
      causes: row.causes.length,
      solutions: row.solutions.length,
      evidence: row.evidence.length,
    })),
  );
  const rankedPerIssue = new Map(
    issues.map((issue) => {
      const r = rankingOf(db, issue.id);
      return [issue.id, { ranked: r.ranked.length, undecidedTies: r.undecidedTies.length }];
    }),
  );
  const allProjects = listProjects(db).filter((p) => issueIds.has(p.issueId));
  const unnamedProjects = issues.flatMap((issue) =>
    allProjects
      .filter((p) => p.issueId === issue.id)
      .map((p, i) => ({ id: p.id, issueId: p.issueId, position: i + 1, name: p.name }))
      .filter((p) => p.name.trim() === ''),
  );
  const projectsOutsideSpan = allProjects
    .map((p) => ({ id: p.id, issueId: p.issueId, name: p.name, years: yearsOutsideSpan(p, years) }))
    .filter((p) => p.years.length > 0);
  const found = checkReadiness({
    forumRecorded: Boolean(record.heldOn && record.place),
    villages: liveVillages,
    revisedVillageIds: new Set(plans.filter((p) => p.revised).map((p) => p.villageId)),
    attendedVillageIds: villagesWithAttendance(db),
    unclassifiedItems: items.filter((i) => i.issueId === null || !issueIds.has(i.issueId)).length,
    issues,
    problems,
    rankedPerIssue,
    projectsOutsideSpan,
    unnamedProjects,
  });
  return { items: found, missing: found.filter((f) => f.severity === 'missing').length, checks: found.filter((f) => f.severity === 'check').length };
}
