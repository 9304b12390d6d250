/**
 * What a package carries of the registers of people (DESIGN.md section 5, "Personal data"): never
 * a name, a phone or a successor, but counts and roles — people per register, village and role
 * (position, sector), how many leaders were trained and have a successor — and the leaders'
 * self-assessment as means per village and topic. The packages capability turns these into the
 * derived resources `register_people_counts` and `register_leader_assessment`.
 */
import { isNull } from 'drizzle-orm';
import { selfAssessmentSchema } from '../../../shared/domain/registers';
import type { WorkspaceDb } from '../../db/client';
import { villageLeaders, workingGroup } from '../../db/schema';

type Db = WorkspaceDb['db'];

/** People of one register, village (null: the tambon's) and role. */
export interface PeopleCount {
  register: 'working-group' | 'facilitators' | 'leaders';
  villageId: string | null;
  /** The position, sector or leader role. */
  role: string;
  people: number;
  trained: number;
  withSuccessor: number;
}

/** The people of the registers, counted by register, village and role. */
export function peopleCounts(db: Db): PeopleCount[] {
  const counts = new Map<string, PeopleCount>();
  const add = (register: PeopleCount['register'], villageId: string | null, role: string, trained: boolean, successor: boolean) => {
    const key = `${register}/${villageId ?? ''}/${role}`;
    const c = counts.get(key) ?? { register, villageId, role, people: 0, trained: 0, withSuccessor: 0 };
    c.people += 1;
    if (trained) c.trained += 1;
    if (successor) c.withSuccessor += 1;
    counts.set(key, c);
  };
  for (const p of db.select({ kind: workingGroup.kind, position: workingGroup.position, sector: workingGroup.sector }).from(workingGroup).where(isNull(workingGroup.deletedAt)).all()) {
    if (p.kind === 'member') add('working-group', null, p.position ?? 'member', false, false);
    else add('facilitators', null, p.sector ?? 'civil', false, false);
  }
  for (const l of db
    .select({ villageId: villageLeaders.villageId, role: villageLeaders.role, training: villageLeaders.training, successor: villageLeaders.successor })
    .from(villageLeaders)
    .where(isNull(villageLeaders.deletedAt))
    .all()) {
    add('leaders', l.villageId, l.role, l.training !== null && l.training !== '', l.successor !== null && l.successor !== '');
  }
  return [...counts.values()];
}

/** The leaders' self-assessment of one village and topic: how many rated it, and the means (null: none rated). */
export interface AssessmentMean {
  villageId: string;
  topic: string;
  leaders: number;
  meanNow: number | null;
  meanAim: number | null;
}

const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100);

/** The means of the leaders' self-assessment per village and topic. */
export function assessmentMeans(db: Db): AssessmentMean[] {
  const byKey = new Map<string, { villageId: string; topic: string; now: number[]; aim: number[]; leaders: number }>();
  for (const l of db.select({ villageId: villageLeaders.villageId, selfAssessment: villageLeaders.selfAssessment }).from(villageLeaders).where(isNull(villageLeaders.deletedAt)).all()) {
    const parsed = selfAssessmentSchema.safeParse(JSON.parse(l.selfAssessment));
    if (!parsed.success) continue;
    for (const [topic, levels] of Object.entries(parsed.data)) {
      if (levels.now === null && levels.aim === null) continue;
      const key = `${l.villageId}/${topic}`;
      const m = byKey.get(key) ?? { villageId: l.villageId, topic, now: [], aim: [], leaders: 0 };
      m.leaders += 1;
      if (levels.now !== null) m.now.push(levels.now);
      if (levels.aim !== null) m.aim.push(levels.aim);
      byKey.set(key, m);
    }
  }
  return [...byKey.values()].map((m) => ({ villageId: m.villageId, topic: m.topic, leaders: m.leaders, meanNow: mean(m.now), meanAim: mean(m.aim) }));
}

/** The newest change (tombstones included) of the registers of people, or null. */
export function peopleChangedAt(ws: Pick<WorkspaceDb, 'sqlite'>): string | null {
  const row = ws.sqlite.prepare('select max(at) as at from (select max(updated_at) as at from working_group union all select max(updated_at) from village_leaders)').get() as { at: string | null };
  return row.at;
}
