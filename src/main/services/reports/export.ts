/**
 * Writing the progress reports: a workbook filled by workbook.ts, streamed through the one atomic
 * writer, or printed from that same workbook as A4 landscape PDF (forum/exports/html.ts, the print
 * port); a file open in Excel or a PDF reader keeps its old content and the person is told which
 * to close (forum/exports/output.ts). A tambon's export is audited with the operator.
 */
import path from 'node:path';
import type { Workbook } from 'exceljs';
import type { AppContext } from '../context';
import { excel } from '../excel';
import { writeFileAtomic, writeStreamAtomic } from '../files';
import { workbookHtml } from '../forum/exports/html';
import { putExport, withExtension } from '../forum/exports/output';
import { countPdfPages } from '../forum/exports/pdf';
import { sarabunFontFaces } from '../printHtml';
import { write } from '../write';
import type { FilledReport } from './workbook';

/** What an export wrote. */
export interface ReportFile {
  path: string;
  bytes: number;
  sheets: string[];
  rows: number;
  pages?: number;
}

/** A new workbook filled by `fill`. */
export async function buildReport(ctx: AppContext, fill: (wb: Workbook) => FilledReport): Promise<{ wb: Workbook } & FilledReport> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = 'TambonPlan';
  wb.created = ctx.clock();
  // Totals are formulas: Excel recalculates them on open.
  wb.calcProperties.fullCalcOnLoad = true;
  return { wb, ...fill(wb) };
}

async function audit(ctx: AppContext, detail: Record<string, unknown>): Promise<void> {
  const ws = ctx.session.workspace;
  if (!ws || ws.readonly) return;
  // Exports are recorded with the operator (DESIGN.md section 4); no row changes, so no change event.
  await write(ctx, { capability: 'reports', action: 'reports.export' }, (tx) => {
    tx.detail = detail;
  }).catch((error: unknown) => ctx.log.warn(`export not audited: ${(error as Error).message}`));
}

/** Writes the report `fill` makes as an Excel workbook at `target`. */
export async function exportReportXlsx(ctx: AppContext, report: string, target: string, fill: (wb: Workbook) => FilledReport): Promise<ReportFile> {
  const { wb, sheets, rows } = await buildReport(ctx, fill);
  const file = withExtension(target, 'xlsx');
  await putExport(ctx, file, 'xlsx', () =>
    writeStreamAtomic(ctx.fs, file, 'replace', async (stream) => {
      await wb.xlsx.write(stream);
    }),
  );
  const { size } = await ctx.fs.stat(file);
  await audit(ctx, { report, format: 'xlsx', file: path.basename(file), sheets: sheets.length, rows });
  return { path: file, bytes: size, sheets, rows };
}

/** The print HTML of the report `fill` makes (what {@link exportReportPdf} prints). */
export async function reportHtml(ctx: AppContext, title: string, fill: (wb: Workbook) => FilledReport): Promise<{ html: string } & FilledReport> {
  const { wb, sheets, rows } = await buildReport(ctx, fill);
  return { html: workbookHtml(wb, { title, fontFaces: sarabunFontFaces(ctx.resourcesDir) }), sheets, rows };
}

/** Prints the report `fill` makes as an A4 landscape PDF at `target`. */
export async function exportReportPdf(ctx: AppContext, report: string, title: string, target: string, fill: (wb: Workbook) => FilledReport): Promise<ReportFile> {
  const { html, sheets, rows } = await reportHtml(ctx, title, fill);
  const pdf = await ctx.print.pdf(html, { pageSize: 'A4', landscape: true });
  const file = withExtension(target, 'pdf');
  await putExport(ctx, file, 'pdf', () => writeFileAtomic(ctx.fs, file, pdf));
  const pages = countPdfPages(pdf);
  await audit(ctx, { report, format: 'pdf', file: path.basename(file), sheets: sheets.length, rows, pages });
  return { path: file, bytes: pdf.byteLength, sheets, rows, pages };
}
