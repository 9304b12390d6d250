/**
 * The seam between the forum and the evidence capability (the data dashboards: จปฐ., กชช.2ค,
 * household accounts, the leaders' survey). A problem row shows the evidence items attached to it
 * (`pcs_evidence_links`); the items themselves are the evidence capability's.
 *
 * Important: until that capability is merged there are no evidence items, so
 * {@link evidenceCandidates} answers none and {@link linkEvidence} refuses every key. After the
 * merge, `evidenceCandidates` reads the evidence items of the workspace (with a label a person
 * reads and a short detail, e.g. "จปฐ. ตัวชี้วัดที่ 22: ไม่ผ่าน 38 จาก 215 ครัวเรือน") and nothing
 * else here changes: the links, the row's evidence column, the readiness check and the exports
 * already read `pcs_evidence_links`.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { EvidenceLink } from '../../../shared/domain/forum';
import { refused } from '../../../shared/domain/result';
import { insertRow, tombstoneRow, type WriteTx } from '../../db/repository';
import { pcsEvidenceLinks, pcsRows } from '../../db/schema';
import type { OpenWorkspace } from '../session';
import { liveRow, notFound } from './rows';

type Db = OpenWorkspace['db'];

/** An evidence item that can be attached to a problem row. */
export interface EvidenceCandidate {
  evidenceKey: string;
  label: string;
  detail: string | null;
}

/** The evidence items that can be attached to problem rows (none until the evidence capability is merged). */
export function evidenceCandidates(db: Db): EvidenceCandidate[] {
  void db;
  return [];
}

/** The evidence attached to each problem row, by row id. */
export function evidenceByRow(db: Db): Map<string, EvidenceLink[]> {
  const links = db.select().from(pcsEvidenceLinks).where(isNull(pcsEvidenceLinks.deletedAt)).all();
  const byRow = new Map<string, EvidenceLink[]>();
  for (const link of links) {
    const list = byRow.get(link.pcsRowId) ?? [];
    list.push({ id: link.id, evidenceKey: link.evidenceKey, label: link.label });
    byRow.set(link.pcsRowId, list);
  }
  return byRow;
}

/** Attaches an evidence item to a problem row; answers the row's id. */
export function linkEvidence(tx: WriteTx, pcsRowId: string, evidenceKey: string): string {
  liveRow(tx.db, pcsRows, pcsRowId);
  const candidate = evidenceCandidates(tx.db).find((c) => c.evidenceKey === evidenceKey);
  if (!candidate) {
    throw refused(
      'ไม่พบรายการหลักฐานนี้ในพื้นที่ทำงาน (นำเข้าข้อมูลสำรวจก่อน แล้วเลือกจากรายการ)',
      'No such evidence item in this workspace (import the survey data first, then choose from the list)',
      'evidenceKey',
    );
  }
  const existing = tx.db
    .select()
    .from(pcsEvidenceLinks)
    .where(and(eq(pcsEvidenceLinks.pcsRowId, pcsRowId), eq(pcsEvidenceLinks.evidenceKey, evidenceKey), isNull(pcsEvidenceLinks.deletedAt)))
    .get();
  if (!existing) insertRow(tx, pcsEvidenceLinks, { pcsRowId, evidenceKey, label: candidate.label });
  return pcsRowId;
}

/** Detaches an evidence item; answers the row's id. */
export function unlinkEvidence(tx: WriteTx, linkId: string): string {
  const row = tombstoneRow(tx, pcsEvidenceLinks, linkId);
  if (!row) throw notFound();
  return row.pcsRowId;
}
