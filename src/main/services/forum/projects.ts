/**
 * โครงการ — the projects of each strategic issue, with every field of form ผ.02 and the Chainat
 * project table; the votes the room gives them, the ranking those votes make, and the decisions
 * recorded at the forum (a tie broken by the facilitator, a minute tied to rows).
 */
import { and, eq, isNull } from 'drizzle-orm';
import {
  forumLabels,
  maxProvincialFlags,
  type Decision,
  type FundingLine,
  type Project,
  type ProjectValues,
} from '../../../shared/domain/forum';
import { rankProjects } from '../../../shared/domain/ranking';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import type { RankingView } from '../../../shared/ipc/forum';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { forumDecisions, funders, offices, pcsRows, projects } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { checkConflict, definedOnly, liveRow, moveRow, notFound, orderedRows, parseJson, sortKeyAfter } from './rows';
import { assertLiveIssue, assertLiveVillage } from './villagePlans';

type Db = OpenWorkspace['db'];
type Row = typeof projects.$inferSelect;

/** A project as the app shows it. */
export function toProject(row: Row): Project {
  return {
    id: row.id,
    rev: row.rev,
    updatedAt: row.updatedAt,
    issueId: row.issueId,
    name: row.name,
    workPlan: row.workPlan,
    objective: row.objective,
    target: row.target,
    yearBudgets: parseJson<Record<string, number>>(row.yearBudgets, {}),
    duration: row.duration,
    villageIds: parseJson<string[]>(row.villageIds, []),
    funding: parseJson<FundingLine[]>(row.funding, []),
    kpi: row.kpi,
    expectedResult: row.expectedResult,
    agency: row.agency,
    officeId: row.officeId,
    pcsRowIds: parseJson<string[]>(row.pcsRowIds, []),
    feasibility: row.feasibility,
    fit: row.fit,
    status: row.status,
    forBudgetAct: row.forBudgetAct,
    provincialFlag: row.provincialFlag,
    votes: row.votes,
    sortKey: row.sortKey,
  };
}

/** The stored columns of typed fields (JSON for the lists). */
function columnsOf(values: Partial<ProjectValues>): Partial<Omit<Row, 'id' | 'rev' | 'updatedAt' | 'deletedAt'>> {
  const { yearBudgets, villageIds, funding, pcsRowIds, ...plain } = values;
  const out: Partial<Omit<Row, 'id' | 'rev' | 'updatedAt' | 'deletedAt'>> = { ...plain };
  if (yearBudgets !== undefined) out.yearBudgets = JSON.stringify(yearBudgets);
  if (villageIds !== undefined) out.villageIds = JSON.stringify(villageIds);
  if (funding !== undefined) out.funding = JSON.stringify(funding);
  if (pcsRowIds !== undefined) out.pcsRowIds = JSON.stringify(pcsRowIds);
  return out;
}

/** The projects of one issue (or of every issue), in order. */
export function listProjects(db: Db, issueId?: string): Project[] {
  return orderedRows(db, projects, issueId ? eq(projects.issueId, issueId) : undefined).map(toProject);
}

const labels = {
  name: forumLabels.projectName,
  workPlan: forumLabels.workPlan,
  objective: forumLabels.objective,
  target: forumLabels.target,
  yearBudgets: { th: 'งบประมาณ', en: 'Budget' },
  duration: forumLabels.duration,
  villageIds: { th: 'สถานที่ดำเนินการ', en: 'Villages' },
  funding: { th: 'แหล่งงบประมาณ', en: 'Sources of budget' },
  kpi: forumLabels.kpi,
  expectedResult: forumLabels.expectedResult,
  agency: forumLabels.agency,
  officeId: { th: 'หน่วยงานที่บรรจุในแผน', en: 'Office whose plan takes it' },
  pcsRowIds: { th: 'ปัญหาที่โครงการตอบ', en: 'Problems it answers' },
  feasibility: { th: 'ความเป็นไปได้', en: 'Feasibility' },
  fit: { th: 'ความสอดคล้องกับอัตลักษณ์และวิสัยทัศน์', en: 'Fit with identity and vision' },
  status: { th: 'สถานะ', en: 'Status' },
  forBudgetAct: { th: 'เสนอเข้างบประมาณประจำปี', en: 'Proposed for the annual budget' },
  provincialFlag: { th: 'เสนอทีมจังหวัดสนับสนุน', en: 'Flagged for the provincial team' },
  votes: forumLabels.votes,
};

/**
 * Checks what a project refers to (a new village, problem row, office or funder must be live;
 * ones it already had may have been deleted since) and gives each funding line its funder's column.
 */
function checked(db: Db, values: Partial<ProjectValues>, before: Project | null, selfId: string | null): Partial<ProjectValues> {
  const out = { ...values };
  for (const id of values.villageIds ?? []) if (!before?.villageIds.includes(id)) assertLiveVillage(db, id, 'villageIds');
  for (const id of values.pcsRowIds ?? []) if (!before?.pcsRowIds.includes(id)) liveRow(db, pcsRows, id);
  if (values.officeId) {
    const office = db.select({ id: offices.id }).from(offices).where(and(eq(offices.id, values.officeId), isNull(offices.deletedAt))).get();
    if (!office) throw new ServiceError('NOT_FOUND', 'ไม่พบหน่วยงานนี้', 'No such office', 'officeId');
  }
  if (values.funding) {
    const live = new Map(
      db
        .select()
        .from(funders)
        .all()
        .map((f) => [f.id, f]),
    );
    out.funding = values.funding.map((line) => {
      if (!line.funderId) return line;
      const funder = live.get(line.funderId);
      const hadIt = before?.funding.some((l) => l.funderId === line.funderId);
      if (!funder || (funder.deletedAt && !hadIt)) throw new ServiceError('NOT_FOUND', 'ไม่พบแหล่งงบประมาณนี้', 'No such funder', 'funding');
      return { ...line, column: funder.column };
    });
  }
  if (values.provincialFlag) {
    const flagged = db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(and(eq(projects.provincialFlag, true), isNull(projects.deletedAt)))
      .all()
      .filter((p) => p.id !== selfId);
    if (flagged.length >= maxProvincialFlags) {
      throw refused(
        `เสนอทีมจังหวัดสนับสนุนได้ไม่เกิน ${maxProvincialFlags} โครงการ ตอนนี้เลือกไว้แล้ว: ${flagged.map((p) => `“${p.name}”`).join(' และ ')} กรุณายกเลิกโครงการหนึ่งก่อน`,
        `At most ${maxProvincialFlags} projects can be flagged for the provincial team; already flagged: ${flagged.map((p) => `“${p.name}”`).join(' and ')}. Unflag one first`,
        'provincialFlag',
      );
    }
  }
  return out;
}

/** Adds a project to an issue, after `after` or at the end; `importId` names the workbook import that brought it. */
export function addProject(tx: WriteTx, input: ChannelParsed<'forum.projects.add'>, options: { importId?: string } = {}): Project {
  assertLiveIssue(tx.db, input.issueId);
  const values = checked(tx.db, input.values, null, null);
  const sortKey = sortKeyAfter(tx, projects, eq(projects.issueId, input.issueId), input.after);
  const row = insertRow(tx, projects, {
    issueId: input.issueId,
    name: input.values.name,
    yearBudgets: '{}',
    villageIds: '[]',
    funding: '[]',
    pcsRowIds: '[]',
    status: 'proposed',
    forBudgetAct: false,
    provincialFlag: false,
    ...columnsOf(values),
    sortKey,
    importId: options.importId ?? null,
  });
  return toProject(row);
}

/** Changes fields of a project (votes included). */
export function updateProject(tx: WriteTx, input: ChannelParsed<'forum.projects.update'>): Project {
  const current = toProject(liveRow(tx.db, projects, input.id));
  checkConflict(current, input, labels);
  const patch = checked(tx.db, definedOnly(input.patch), current, input.id);
  return toProject(updateRow(tx, projects, input.id, columnsOf(patch))!);
}

/** Moves a project one place up or down in its issue's list. */
export function moveProject(tx: WriteTx, input: ChannelParsed<'forum.projects.move'>): Project[] {
  const row = liveRow(tx.db, projects, input.id);
  return moveRow(tx, projects, eq(projects.issueId, row.issueId), input.id, input.direction).map(toProject);
}

/** Deletes a project (tombstone). */
export function deleteProject(tx: WriteTx, id: string): Project {
  const row = tombstoneRow(tx, projects, id);
  if (!row) throw notFound();
  return toProject(row);
}

/** Undoes a project's delete (refused if it was flagged and two others are flagged now). */
export function restoreProject(tx: WriteTx, id: string): Project {
  const row = restoreRow(tx, projects, id);
  if (!row) throw notFound();
  if (row.provincialFlag) checked(tx.db, { provincialFlag: true }, null, row.id);
  return toProject(row);
}

// ---------------------------------------------------------------- decisions and ranking

const toDecision = (row: typeof forumDecisions.$inferSelect): Decision => ({
  id: row.id,
  rev: row.rev,
  updatedAt: row.updatedAt,
  issueId: row.issueId,
  kind: row.kind,
  rowIds: parseJson<string[]>(row.rowIds, []),
  note: row.note,
});

/** The decisions of one issue (or every issue), oldest first. */
export function listDecisions(db: Db, issueId?: string): Decision[] {
  return db
    .select()
    .from(forumDecisions)
    .where(and(isNull(forumDecisions.deletedAt), issueId ? eq(forumDecisions.issueId, issueId) : undefined))
    .orderBy(forumDecisions.id)
    .all()
    .map(toDecision);
}

/** The ranking of an issue's projects by votes and recorded tie-breaks. */
export function rankingOf(db: Db, issueId: string): RankingView {
  const decisions = listDecisions(db, issueId);
  const ranking = rankProjects(
    listProjects(db, issueId),
    decisions.filter((d) => d.kind === 'tie-break'),
  );
  return { issueId, ...ranking, decisions };
}

/**
 * Records the facilitator's order for projects with equal votes, and why. Every project must be
 * of the issue and voted on; the order then decides those projects' places among themselves.
 */
export function recordTieBreak(tx: WriteTx, input: ChannelParsed<'forum.decisions.tieBreak'>): Decision {
  assertLiveIssue(tx.db, input.issueId);
  const order = [...new Set(input.order)];
  const ofIssue = new Map(listProjects(tx.db, input.issueId).map((p) => [p.id, p]));
  for (const id of order) {
    const project = ofIssue.get(id);
    if (!project) throw new ServiceError('NOT_FOUND', 'มีโครงการที่ไม่อยู่ในประเด็นนี้', 'A project is not of this issue', 'order');
    if (project.votes === null) throw refused(`โครงการ “${project.name}” ยังไม่มีคะแนน`, `Project “${project.name}” has no votes yet`, 'order');
  }
  const votes = new Set(order.map((id) => ofIssue.get(id)!.votes));
  if (votes.size > 1) {
    throw refused('ตัดสินลำดับได้เฉพาะโครงการที่คะแนนเท่ากัน', 'Only projects with equal votes can be ordered by a decision', 'order');
  }
  return toDecision(insertRow(tx, forumDecisions, { issueId: input.issueId, kind: 'tie-break', rowIds: JSON.stringify(order), note: input.note }));
}

/** Records a minute tied to rows of an issue. */
export function recordNote(tx: WriteTx, input: ChannelParsed<'forum.decisions.note'>): Decision {
  assertLiveIssue(tx.db, input.issueId);
  return toDecision(insertRow(tx, forumDecisions, { issueId: input.issueId, kind: 'note', rowIds: JSON.stringify(input.rowIds), note: input.note }));
}

/** Withdraws a decision (tombstone; undo restores it). */
export function deleteDecision(tx: WriteTx, id: string): Decision {
  const row = tombstoneRow(tx, forumDecisions, id);
  if (!row) throw notFound();
  return toDecision(row);
}

/** Undoes a decision's withdrawal. */
export function restoreDecision(tx: WriteTx, id: string): Decision {
  const row = restoreRow(tx, forumDecisions, id);
  if (!row) throw notFound();
  return toDecision(row);
}
