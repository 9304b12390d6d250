/**
 * The seam between the forum and the evidence capability (the data dashboards: จปฐ., กชช.2ค,
 * household accounts, the leaders' survey). A person pins a figure on a dashboard as an evidence
 * item (`evidence_items`); a problem row shows the items attached to it (`pcs_evidence_links`).
 * {@link evidenceCandidates} offers the live items of the workspace, with the title a person gave
 * and a short line of value, source and date; {@link linkEvidence} attaches only one of those.
 * The row's evidence column, the readiness check and the exports read the links, each of which
 * keeps the item's title as it was when attached.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { formatDateBE } from '../../../shared/domain/dates';
import type { EvidenceLink } from '../../../shared/domain/forum';
import type { EvidenceItem } from '../../../shared/ipc/evidence';
import { refused } from '../../../shared/domain/result';
import { insertRow, tombstoneRow, type WriteTx } from '../../db/repository';
import { pcsEvidenceLinks, pcsRows } from '../../db/schema';
import { listItems } from '../evidence/items';
import type { OpenWorkspace } from '../session';
import { liveRow, notFound } from './rows';

type Db = OpenWorkspace['db'];

/** An evidence item that can be attached to a problem row. */
export interface EvidenceCandidate {
  evidenceKey: string;
  label: string;
  detail: string | null;
}

/**
 * The evidence items that can be attached to problem rows: the live (pinned, not unpinned) items
 * of the workspace, the newest first.
 *
 * The key is the item's id, not its figure key. The figure key names a place on a dashboard
 * (`bmn:2563:indicator:17:village:<id>:failing`), whose value changes when the survey is
 * imported again, and a figure may be pinned more than once (before and after a correction, or
 * under two titles). An item is one pinned snapshot: its value, title and source do not change
 * with later imports (it outlives the import it came from), and its id is kept when it travels
 * in a package, so a link made at the forum still points at what the forum saw.
 */
export function evidenceCandidates(db: Db): EvidenceCandidate[] {
  return listItems(db).map((item) => ({ evidenceKey: item.id, label: item.title, detail: itemDetail(item) }));
}

/**
 * One line a person reads beside an item's title: its value (with its unit when the value does
 * not already say it), its source and the date of the data, e.g.
 * `ไม่ผ่าน 17.7% (38 จาก 215 ครัวเรือน) · จปฐ. 2563 (นำเข้า 3 ก.พ. 2569) · ปี 2563`.
 */
function itemDetail(item: EvidenceItem): string {
  const value = item.unit && !item.valueText.includes(item.unit) ? `${item.valueText} ${item.unit}` : item.valueText;
  const source = item.sourceUndone ? `${item.sourceLabel} (การนำเข้าถูกยกเลิกแล้ว)` : item.sourceLabel;
  return [value, source, dataDateText(item.dataDate)].join(' · ');
}

/** The date of an item's data in พ.ศ.: a survey year (`2563`) as `ปี 2563`, an ISO day as `3 ก.พ. 2569`. */
function dataDateText(dataDate: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dataDate);
  // A day built from its parts, not parsed as UTC, so the process's time zone cannot shift it.
  return day ? formatDateBE(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : `ปี ${dataDate}`;
}

/** The evidence attached to each problem row (or to the one row `rowId`), by row id. */
export function evidenceByRow(db: Db, rowId?: string): Map<string, EvidenceLink[]> {
  const live = isNull(pcsEvidenceLinks.deletedAt);
  // One row's links by the row index: a save answers its row without reading every link of the workspace.
  const links = db
    .select()
    .from(pcsEvidenceLinks)
    .where(rowId === undefined ? live : and(live, eq(pcsEvidenceLinks.pcsRowId, rowId)))
    .all();
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
      'ไม่พบรายการหลักฐานนี้ในพื้นที่ทำงาน (อาจถูกเอาออกไปแล้ว) ปักหมุดตัวเลขที่หน้า ข้อมูลหลักฐาน แล้วเลือกจากรายการ',
      'No such evidence item in this workspace (it may have been removed). Pin a figure on the Evidence page, then choose it from the list',
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
