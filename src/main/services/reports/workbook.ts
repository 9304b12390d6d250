/**
 * The progress reports as workbooks, laid out with the forum's sheet helpers (TH SarabunPSK,
 * merged title and header rows, borders, #,##0 money, A4 landscape with the header repeated), so
 * the PDF is printed from the very workbook (forum/exports/html.ts) and the two never disagree.
 *
 * Tambon: a summary by strategic issue (projects by status, budget planned and funded, done, mean
 * percent), the projects one by one, and — when grades were given — the assessment rounds.
 * Cluster: per cluster, its tambons' totals and the cluster's sum, one sheet per cluster.
 */
import type { Workbook } from 'exceljs';
import { formatDateBE } from '../../../shared/domain/dates';
import { progressStatuses, progressStatusTh, type ClusterProgress, type ProgressTotals, type TambonProgress } from '../../../shared/domain/progress';
import { dataRow, finishSheet, headerRows, noteRow, startSheet, sumOf, titleRow, type SheetWriter } from '../forum/exports/sheet';

/** What a filled workbook holds. */
export interface FilledReport {
  sheets: string[];
  rows: number;
}

const round1 = (n: number | null) => (n === null ? '-' : `${Math.round(n * 10) / 10}`);

/** The header of a totals table: a first column, then the status counts and the money, in two rows. */
function totalsHeader(s: SheetWriter, first: string): { first: number; last: number } {
  return headerRows(s, 2, [
    { r: 0, c: 0, rows: 2, text: first },
    { r: 0, c: 1, rows: 2, text: 'จำนวนโครงการ' },
    { r: 0, c: 2, cols: 4, text: 'จำนวนโครงการตามสถานะ' },
    ...progressStatuses.map((status, i) => ({ r: 1, c: 2 + i, text: progressStatusTh[status] })),
    { r: 0, c: 6, rows: 2, text: 'งบประมาณตามแผน (บาท)' },
    { r: 0, c: 7, rows: 2, text: 'งบประมาณที่ได้รับ (บาท)' },
    { r: 0, c: 8, rows: 2, text: 'ร้อยละความก้าวหน้าเฉลี่ย' },
  ]);
}

function totalsValues(t: ProgressTotals): (string | number)[] {
  return [t.projects, ...progressStatuses.map((s) => t.byStatus[s]), t.planned, t.funded, round1(t.meanPercent)];
}

/** A total row under `rows` of a totals table: SUM formulas over the count and money columns. */
function totalRow(s: SheetWriter, label: string, rows: number[], values: ProgressTotals[], total: ProgressTotals): void {
  const columns = [(t: ProgressTotals) => t.projects, ...progressStatuses.map((st) => (t: ProgressTotals) => t.byStatus[st]), (t: ProgressTotals) => t.planned, (t: ProgressTotals) => t.funded];
  dataRow(s, [label, ...columns.map((get, i) => sumOf(i + 2, rows, values.map(get))), round1(total.meanPercent)], { bold: true, band: true, center: [8] });
}

const totalsWidths = [38, 11, 9, 11, 12, 12, 17, 17, 12];

/** Fills `wb` with the tambon's progress report. */
export function fillTambonProgress(wb: Workbook, report: TambonProgress & { tambon: { nameTh: string; districtNameTh: string; provinceNameTh: string }; asOf: string }): FilledReport {
  const where = `ตำบล${report.tambon.nameTh} อำเภอ${report.tambon.districtNameTh} จังหวัด${report.tambon.provinceNameTh}`;
  const asOf = `ข้อมูล ณ วันที่ ${formatDateBE(report.asOf)}`;
  let rows = 0;

  const summary = startSheet(wb.addWorksheet('สรุปตามประเด็น'), totalsWidths);
  titleRow(summary, 'รายงานความก้าวหน้าการดำเนินงานตามแผนพัฒนาตำบล');
  titleRow(summary, where, { size: 14, bold: false });
  titleRow(summary, asOf, { size: 14, bold: false });
  const h = totalsHeader(summary, 'ประเด็นยุทธศาสตร์');
  const lines: number[] = [];
  for (const issue of report.issues) {
    lines.push(dataRow(summary, [`${issue.issueNo}. ${issue.issueNameTh}`, ...totalsValues(issue)], { center: [8] }));
    rows += 1;
  }
  totalRow(summary, 'รวมทั้งตำบล', lines, report.issues, report.total);
  noteRow(summary, 'งบประมาณที่ได้รับ: โครงการที่ได้รับงบประมาณหรือดำเนินการแล้วเสร็จ ตามจำนวนที่รายงานว่าได้รับ (ถ้าไม่ได้รายงาน ใช้งบประมาณตามแผน)');
  finishSheet(summary, h.first, h.last);

  const list = startSheet(wb.addWorksheet('รายโครงการ'), [10, 7, 40, 16, 15, 15, 10, 14, 34]);
  titleRow(list, 'ความก้าวหน้ารายโครงการ');
  titleRow(list, `${where} ${asOf}`, { size: 14, bold: false });
  const lh = headerRows(list, 1, [
    { r: 0, c: 0, text: 'ประเด็นที่' },
    { r: 0, c: 1, text: 'ที่' },
    { r: 0, c: 2, text: 'โครงการ' },
    { r: 0, c: 3, text: 'สถานะ' },
    { r: 0, c: 4, text: 'งบประมาณตามแผน (บาท)' },
    { r: 0, c: 5, text: 'งบประมาณที่ได้รับ (บาท)' },
    { r: 0, c: 6, text: 'ร้อยละ' },
    { r: 0, c: 7, text: 'รายงานเมื่อ' },
    { r: 0, c: 8, text: 'บันทึกความก้าวหน้า' },
  ]);
  for (const issue of report.issues) {
    issue.projectList.forEach((p, i) => {
      dataRow(
        list,
        [String(issue.issueNo), String(i + 1), p.name || '(ไม่มีชื่อ)', progressStatusTh[p.status], p.planned, p.funded, p.percent === null ? '-' : String(p.percent), p.reportedOn ? formatDateBE(`${p.reportedOn}T12:00:00`) : '-', p.note ?? ''],
        { center: [0, 1, 6] },
      );
      rows += 1;
    });
  }
  if (report.total.projects === 0) noteRow(list, 'ยังไม่มีโครงการ');
  finishSheet(list, lh.first, lh.last);

  const sheets = ['สรุปตามประเด็น', 'รายโครงการ'];
  if (report.assessment) {
    const a = startSheet(wb.addWorksheet('ผลการประเมิน'), [22, 16, 14, 40]);
    titleRow(a, 'ผลการประเมินศักยภาพชุมชนรายรอบ');
    titleRow(a, where, { size: 14, bold: false });
    const ah = headerRows(a, 1, [
      { r: 0, c: 0, text: 'หน่วยประเมิน' },
      { r: 0, c: 1, text: 'ร้อยละ' },
      { r: 0, c: 2, text: 'ระดับ' },
      { r: 0, c: 3, text: 'หมายเหตุ' },
    ]);
    for (const round of report.assessment.rounds) {
      dataRow(a, [`รอบ ${round.roundLabel}`, '', '', Object.entries(round.grades).map(([g, n]) => `ระดับ ${g}: ${n}`).join('  ')], { bold: true, band: true });
      for (const unit of round.units) {
        dataRow(a, [unit.moo === null ? 'ทั้งตำบล' : `หมู่ที่ ${unit.moo}`, round1(unit.percent), unit.grade ?? '-', unit.grade === null ? 'ประเมินไม่ครบ' : ''], { center: [1, 2] });
        rows += 1;
      }
    }
    finishSheet(a, ah.first, ah.last);
    sheets.push('ผลการประเมิน');
  }
  return { sheets, rows };
}

/** Fills `wb` with the clusters' progress: a summary of every cluster, then one sheet per cluster. */
export function fillClusterProgress(wb: Workbook, clusters: readonly ClusterProgress[], heading: { areaTh: string; viewTh: string; asOf: string }): FilledReport {
  const asOf = `ข้อมูล ณ วันที่ ${formatDateBE(heading.asOf)} (${heading.viewTh})`;
  const sheets: string[] = [];
  let rows = 0;
  const used = new Set<string>();
  const name = (text: string) => {
    let n = text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(n); i += 1) n = `${text.slice(0, 26)} (${i})`;
    used.add(n);
    sheets.push(n);
    return n;
  };

  const summary = startSheet(wb.addWorksheet(name('สรุปกลุ่มตำบล')), totalsWidths);
  titleRow(summary, `รายงานความก้าวหน้าการดำเนินงานรายกลุ่มตำบล ${heading.areaTh}`);
  titleRow(summary, asOf, { size: 14, bold: false });
  const h = totalsHeader(summary, 'กลุ่มตำบล');
  for (const c of clusters) {
    dataRow(summary, [`${c.cluster.nameTh} (${c.tambons.length} ตำบล${c.notReporting ? `, ยังไม่ส่งข้อมูล ${c.notReporting}` : ''})`, ...totalsValues(c.total)], { center: [8] });
    rows += 1;
  }
  if (clusters.length === 0) noteRow(summary, 'ยังไม่มีกลุ่มตำบล');
  finishSheet(summary, h.first, h.last);

  for (const c of clusters) {
    const s = startSheet(wb.addWorksheet(name(c.cluster.nameTh)), totalsWidths);
    titleRow(s, `ความก้าวหน้ารายตำบล ${c.cluster.nameTh}`);
    titleRow(s, asOf, { size: 14, bold: false });
    const ch = totalsHeader(s, 'ตำบล');
    const lines: number[] = [];
    for (const t of c.tambons) {
      lines.push(dataRow(s, [`ต.${t.nameTh} อ.${t.districtNameTh}${t.seq === null ? ' (ยังไม่ส่งข้อมูล)' : ''}`, ...totalsValues(t)], { center: [8] }));
      rows += 1;
    }
    totalRow(s, `รวม ${c.cluster.nameTh}`, lines, c.tambons, c.total);
    finishSheet(s, ch.first, ch.last);
  }
  return { sheets, rows };
}
