/**
 * The record of imports: find an earlier import of the same file (by SHA-256), list them, and
 * undo one as a whole — every row it brought tombstoned in one write, the import marked undone
 * (or replaced, when the same file is imported again with --replace).
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { ServiceError } from '../../../shared/domain/result';
import type { ImportRecordView } from '../../../shared/ipc/imports';
import type { WorkspaceDb } from '../../db/client';
import { restoreRow, tombstoneRow, tombstoneWhere, updateRow, type WriteTx } from '../../db/repository';
import {
  assessmentEvidence,
  assessmentParticipants,
  assessmentRounds,
  assessmentScores,
  bmnHouseholds,
  bmnVillageIndicators,
  bmnVillageSurveys,
  householdAccountLines,
  imports,
  communityOrganisations,
  learningCentres,
  pcsRows,
  projects,
  villageLeaders,
  welfareFunds,
  welfareFundYears,
  welfarePlanItems,
  villageItems,
  villageTableRows,
  villageTables,
  villageTableValues,
} from '../../db/schema';

type Db = WorkspaceDb['db'];
type ImportRow = typeof imports.$inferSelect;

/** What an import's `detail` JSON holds. */
export interface ImportDetail {
  sheets?: string[];
  setId?: string | null;
  tableName?: string | null;
  tableKind?: string | null;
  encoding?: string | null;
  notes?: Record<string, number>;
  replacedBy?: string;
}

/** An import row as the history lists it. */
export function importView(row: ImportRow): ImportRecordView {
  const detail = JSON.parse(row.detail) as ImportDetail;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    sha256: row.sha256,
    surveyYear: row.surveyYear,
    operator: row.operator,
    importedAt: row.importedAt,
    rows: { read: row.rowsRead, imported: row.rowsImported, rejected: row.rowsRejected },
    status: row.status,
    tableName: detail.tableName ?? null,
    setId: detail.setId ?? null,
  };
}

/** The live import of the file with `sha256` as `kind`, if any. */
export function findActiveImport(db: Db, sha256: string, kind: ImportRow['kind']): ImportRow | undefined {
  return db
    .select()
    .from(imports)
    .where(and(eq(imports.sha256, sha256), eq(imports.kind, kind), eq(imports.status, 'active'), isNull(imports.deletedAt)))
    .orderBy(desc(imports.importedAt))
    .get();
}

/** Every import, newest first (undone and replaced ones too). */
export function listImports(db: Db): ImportRecordView[] {
  return db.select().from(imports).orderBy(desc(imports.importedAt), desc(imports.id)).all().map(importView);
}

/** Tombstones every row the import `importId` brought, in every table an import writes; answers how many. */
export function tombstoneImported(tx: WriteTx, importId: string): number {
  let n = 0;
  n += tombstoneWhere(tx, bmnHouseholds, eq(bmnHouseholds.importId, importId));
  n += tombstoneWhere(tx, bmnVillageIndicators, eq(bmnVillageIndicators.importId, importId));
  n += tombstoneWhere(tx, bmnVillageSurveys, eq(bmnVillageSurveys.importId, importId));
  n += tombstoneWhere(tx, villageTableValues, eq(villageTableValues.importId, importId));
  n += tombstoneWhere(tx, villageTableRows, eq(villageTableRows.importId, importId));
  n += tombstoneWhere(tx, villageTables, eq(villageTables.importId, importId));
  n += tombstoneWhere(tx, householdAccountLines, eq(householdAccountLines.importId, importId));
  // The forum's workbooks: rows edited since keep their edits in history, but go with the import that brought them.
  n += tombstoneWhere(tx, pcsRows, eq(pcsRows.importId, importId));
  n += tombstoneWhere(tx, projects, eq(projects.importId, importId));
  n += tombstoneWhere(tx, villageItems, eq(villageItems.importId, importId));
  // The scores workbook: its scores go, the rounds it made go with everything in them, and the scores it replaced come back.
  n += tombstoneWhere(tx, assessmentScores, eq(assessmentScores.importId, importId));
  for (const round of tx.db.select({ id: assessmentRounds.id }).from(assessmentRounds).where(and(eq(assessmentRounds.importId, importId), isNull(assessmentRounds.deletedAt))).all()) {
    n += tombstoneWhere(tx, assessmentScores, eq(assessmentScores.roundId, round.id));
    n += tombstoneWhere(tx, assessmentParticipants, eq(assessmentParticipants.roundId, round.id));
    n += tombstoneWhere(tx, assessmentEvidence, eq(assessmentEvidence.roundId, round.id));
    if (tombstoneRow(tx, assessmentRounds, round.id)) n += 1;
  }
  for (const replaced of tx.db.select({ id: assessmentScores.id }).from(assessmentScores).where(eq(assessmentScores.replacedByImportId, importId)).all()) {
    if (restoreRow(tx, assessmentScores, replaced.id)) updateRow(tx, assessmentScores, replaced.id, { replacedByImportId: null });
  }
  // The registers: a fund's years first, then the funds the import created (with any years typed into them since).
  n += tombstoneWhere(tx, villageLeaders, eq(villageLeaders.importId, importId));
  n += tombstoneWhere(tx, learningCentres, eq(learningCentres.importId, importId));
  n += tombstoneWhere(tx, welfareFundYears, eq(welfareFundYears.importId, importId));
  n += tombstoneWhere(tx, welfareFundYears, inArray(welfareFundYears.fundId, tx.db.select({ id: welfareFunds.id }).from(welfareFunds).where(eq(welfareFunds.importId, importId))));
  n += tombstoneWhere(tx, welfarePlanItems, inArray(welfarePlanItems.fundId, tx.db.select({ id: welfareFunds.id }).from(welfareFunds).where(eq(welfareFunds.importId, importId))));
  n += tombstoneWhere(tx, welfareFunds, eq(welfareFunds.importId, importId));
  n += tombstoneWhere(tx, communityOrganisations, eq(communityOrganisations.importId, importId));
  return n;
}

/**
 * Ends an import: its rows tombstoned, the import marked `undone` or `replaced` (by `replacedBy`)
 * and tombstoned itself. Refused for an import already ended.
 */
export function endImport(tx: WriteTx, importId: string, how: { status: 'undone' } | { status: 'replaced'; replacedBy: string }): ImportRecordView {
  const row = tx.db.select().from(imports).where(eq(imports.id, importId)).get();
  if (!row) throw new ServiceError('NOT_FOUND', 'ไม่พบการนำเข้านี้', 'No such import', 'id');
  if (row.status !== 'active' || row.deletedAt !== null) {
    throw new ServiceError('CONFLICT', 'การนำเข้านี้ถูกยกเลิกหรือแทนที่ไปแล้ว', 'This import has already been undone or replaced', 'id');
  }
  const rows = tombstoneImported(tx, importId);
  const detail: ImportDetail = { ...(JSON.parse(row.detail) as ImportDetail), ...(how.status === 'replaced' ? { replacedBy: how.replacedBy } : {}) };
  updateRow(tx, imports, importId, { status: how.status, detail: JSON.stringify(detail) });
  const ended = tombstoneRow(tx, imports, importId)!;
  tx.detail = { ...tx.detail, [how.status === 'undone' ? 'undone' : 'replaced']: importId, rowsTombstoned: rows, file: row.fileName };
  return importView(ended);
}
