/**
 * Everything the forum's exports read, gathered once from the open workspace in the order the
 * forms print it: issues by number, problem rows in table order, projects in rank order (the
 * unranked after them, in screen order), participants in register order.
 */
import { isNull } from 'drizzle-orm';
import {
  planYears,
  type Funder,
  type Office,
  type Participant,
  type PcsRow,
  type PlanSettings,
  type Project,
  type VillageItem,
  type VillagePlan,
  type ForumRecord,
} from '../../../../shared/domain/forum';
import type { RankingView } from '../../../../shared/ipc/forum';
import { frameworks, tambon, villages } from '../../../db/schema';
import type { OpenWorkspace } from '../../session';
import { listPcs } from '../pcs';
import { listProjects, rankingOf } from '../projects';
import { getForumRecord, listParticipants } from '../record';
import { liveIssues } from '../readiness';
import { listFunders, listOffices, planSettings } from '../settings';
import { listVillagePlans } from '../villagePlans';

/** A project in the order the forms list it, with its place in the ranking. */
export interface RankedProject {
  project: Project;
  /** 1 = first; null while not voted on. */
  rank: number | null;
  /** Tied with another without a decision yet. */
  undecided: boolean;
}

/** One strategic issue with its tables. */
export interface IssueData {
  id: string;
  no: number;
  nameTh: string;
  pcs: PcsRow[];
  projects: RankedProject[];
  ranking: RankingView;
}

/** What the exports read. */
export interface ForumData {
  tambon: { code: string; nameTh: string; districtNameTh: string; provinceNameTh: string };
  offices: Office[];
  host: Office;
  frameworkName: string;
  plan: PlanSettings;
  years: number[];
  funders: Funder[];
  villages: { id: string; moo: number; name: string }[];
  issues: IssueData[];
  record: ForumRecord;
  participants: Participant[];
  villagePlans: { plans: VillagePlan[]; items: VillageItem[] };
}

/** Gathers {@link ForumData} from `db`; `now` gives the default plan years. */
export function gatherForum(db: OpenWorkspace['db'], now: Date): ForumData {
  const t = db.select().from(tambon).where(isNull(tambon.deletedAt)).get();
  const fw = db.select().from(frameworks).where(isNull(frameworks.deletedAt)).get();
  const offices = listOffices(db);
  const plan = planSettings(db, now).plan;
  const issues = liveIssues(db).map((issue) => {
    const ranking = rankingOf(db, issue.id);
    const byId = new Map(listProjects(db, issue.id).map((p) => [p.id, p]));
    const projects: RankedProject[] = [
      ...ranking.ranked.map((r) => ({ project: byId.get(r.id)!, rank: r.rank, undecided: r.undecided })),
      ...ranking.unranked.map((id) => ({ project: byId.get(id)!, rank: null, undecided: false })),
    ];
    return { ...issue, pcs: listPcs(db, issue.id), projects, ranking };
  });
  return {
    tambon: {
      code: t?.code ?? '',
      nameTh: t?.nameTh ?? '',
      districtNameTh: t?.districtNameTh ?? '',
      provinceNameTh: t?.provinceNameTh ?? '',
    },
    offices,
    host: offices.find((o) => o.isHost) ?? offices[0]!,
    frameworkName: fw?.nameTh ?? '',
    plan,
    years: planYears(plan),
    funders: listFunders(db),
    villages: db
      .select({ id: villages.id, moo: villages.moo, name: villages.name })
      .from(villages)
      .where(isNull(villages.deletedAt))
      .orderBy(villages.moo)
      .all(),
    issues,
    record: getForumRecord(db),
    participants: listParticipants(db),
    villagePlans: listVillagePlans(db),
  };
}
