/**
 * The tambon's progress: its projects (the forum's) with their status and their progress updates
 * (this capability's `project_updates`), read as raw rows into the same `DashboardInput` the data
 * center's reports read, so a tambon and its province count the same way
 * (`shared/domain/progress.ts`). A progress update may move the project's status on: the update
 * and the project's new status are one write.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { dashboardTables, type DashboardInput, type Row } from '../../../shared/domain/dashboard';
import { tambonProgress, type AssessmentRound, type TambonProgress } from '../../../shared/domain/progress';
import { ServiceError } from '../../../shared/domain/result';
import type { ProjectUpdate } from '../../../shared/ipc/reports';
import type { WorkspaceDb } from '../../db/client';
import { grades } from '../assessment/rounds';
import { insertRow, restoreRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { projects, projectUpdates, tambon } from '../../db/schema';

type Db = WorkspaceDb['db'];

/** The tables the progress report reads, by the names `dashboardTables` gives them. */
const readTables = new Set<string>([
  dashboardTables.issues.table,
  dashboardTables.projects.table,
  dashboardTables.funders.table,
  dashboardTables.decisions.table,
  dashboardTables.projectUpdates.table,
]);

/** The open workspace as a `DashboardInput` of one tambon: its live rows, as a package would carry them. */
export function workspaceInput(ws: WorkspaceDb): { input: DashboardInput; tambon: { code: string; nameTh: string; districtNameTh: string; provinceNameTh: string } } {
  const t = ws.db.select().from(tambon).where(isNull(tambon.deletedAt)).get();
  if (!t) throw new ServiceError('NOT_FOUND', 'พื้นที่ทำงานนี้ไม่มีข้อมูลตำบล', 'This workspace has no tambon');
  const cache = new Map<string, Row[]>();
  const input: DashboardInput = {
    tambons: [{ code: t.code, nameTh: t.nameTh, districtCode: t.districtCode, districtNameTh: t.districtNameTh, seq: 0, createdAt: null }],
    rows(code, table) {
      if (code !== t.code || !readTables.has(table)) return [];
      let rows = cache.get(table);
      // The table name is one of `readTables` (constants), never input.
      if (!rows) cache.set(table, (rows = ws.sqlite.prepare(`select * from "${table}" where deleted_at is null`).all() as Row[]));
      return rows;
    },
  };
  return { input, tambon: { code: t.code, nameTh: t.nameTh, districtNameTh: t.districtNameTh, provinceNameTh: t.provinceNameTh } };
}

/** Every live assessment round's grades, as the assessment capability computes them, for the report's assessment section. */
export function assessmentRounds(ws: WorkspaceDb, resourcesDir: string): AssessmentRound[] {
  return grades(ws.db, resourcesDir).rounds.map((r) => ({ roundLabel: r.label, units: r.units.map((u) => ({ moo: u.moo, percent: u.percent, grade: u.grade })) }));
}

/** The tambon's progress report as of `now`, with an assessment section when `assessment` is given. */
export function tambonReport(ws: WorkspaceDb, now: Date, assessment?: readonly AssessmentRound[]): TambonProgress & { tambon: ReturnType<typeof workspaceInput>['tambon']; asOf: string } {
  const { input, tambon: t } = workspaceInput(ws);
  return { tambon: t, asOf: now.toISOString(), ...tambonProgress(input, t.code, assessment) };
}

type UpdateRow = typeof projectUpdates.$inferSelect;

function view(row: UpdateRow): ProjectUpdate {
  return { id: row.id, rev: row.rev, projectId: row.projectId, reportedOn: row.reportedOn, percent: row.percent, status: row.status, fundedAmount: row.fundedAmount, note: row.note };
}

/** A project's live updates, the latest report first. */
export function listUpdates(db: Db, projectId: string): ProjectUpdate[] {
  return db
    .select()
    .from(projectUpdates)
    .where(and(eq(projectUpdates.projectId, projectId), isNull(projectUpdates.deletedAt)))
    .orderBy(desc(projectUpdates.reportedOn), desc(projectUpdates.id))
    .all()
    .map(view);
}

/** Records a progress update; the project takes the update's status when it is its latest report. */
export function addUpdate(tx: WriteTx, projectId: string, values: Omit<ProjectUpdate, 'id' | 'rev' | 'projectId'>): ProjectUpdate {
  const project = tx.db.select().from(projects).where(and(eq(projects.id, projectId), isNull(projects.deletedAt))).get();
  if (!project) throw new ServiceError('NOT_FOUND', 'ไม่พบโครงการนี้ (อาจถูกลบไปแล้ว)', 'No such project (it may have been deleted)', 'projectId');
  const row = insertRow(tx, projectUpdates, { projectId, ...values });
  const latest = listUpdates(tx.db, projectId)[0];
  if (latest?.id === row.id && project.status !== values.status) updateRow(tx, projects, projectId, { status: values.status });
  tx.detail = { project: project.name, percent: values.percent, status: values.status };
  return view(row);
}

/** Deletes an update (a tombstone: {@link restoreUpdate} undoes it). The project's status stays as it is. */
export function removeUpdate(tx: WriteTx, id: string): ProjectUpdate {
  const row = tombstoneRow(tx, projectUpdates, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบรายงานความก้าวหน้านี้', 'No such progress update', 'id');
  return view(row);
}

/** Brings a deleted update back. */
export function restoreUpdate(tx: WriteTx, id: string): ProjectUpdate {
  const row = restoreRow(tx, projectUpdates, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบรายงานความก้าวหน้าที่ลบไว้นี้', 'No deleted progress update with this id', 'id');
  return view(row);
}
