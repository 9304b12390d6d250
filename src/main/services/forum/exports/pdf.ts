/**
 * Writes one of the forum's forms as a PDF: the workbook forms.ts fills for Excel (the same
 * gathering, the same wording) rendered as print HTML (html.ts) and printed through the print port
 * (Electron's printToPDF in the app, a Chromium on the machine from the command line), A4
 * landscape; then put in place by the one atomic writer and audited like the workbooks (output.ts).
 */
import type { ExportForm } from '../../../../shared/ipc/forum';
import type { AppContext } from '../../context';
import { writeFileAtomic } from '../../files';
import { sarabunFontFaces } from '../../printHtml';
import { workbookHtml } from './html';
import { putExport, recordExport, withExtension } from './output';
import { buildWorkbook, type ExportResult } from './xlsx';

/** What a PDF export wrote: the workbook's result and the number of printed pages. */
export interface PdfExportResult extends ExportResult {
  pages: number;
}

/** The number of pages of a PDF (its page objects; Chromium writes them uncompressed). */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The print HTML of `form` from the open workspace (what {@link exportPdf} prints). */
export async function formHtml(ctx: AppContext, form: ExportForm): Promise<{ html: string; sheets: string[]; rows: number }> {
  const { wb, sheets, rows } = await buildWorkbook(ctx, form);
  const first = wb.worksheets[0]?.getCell(1, 1).value;
  const html = workbookHtml(wb, { title: typeof first === 'string' ? first : form, fontFaces: sarabunFontFaces(ctx.resourcesDir) });
  return { html, sheets, rows };
}

/** Exports `form` as a PDF to `target` (a path already resolved by the caller's path policy). */
export async function exportPdf(ctx: AppContext, form: ExportForm, target: string): Promise<PdfExportResult> {
  const { html, sheets, rows } = await formHtml(ctx, form);
  const pdf = await ctx.print.pdf(html, { pageSize: 'A4', landscape: true });
  const file = withExtension(target, 'pdf');
  await putExport(ctx, file, 'pdf', () => writeFileAtomic(ctx.fs, file, pdf));
  const pages = countPdfPages(pdf);
  await recordExport(ctx, { form, format: 'pdf', file, sheets: sheets.length, rows, pages });
  return { path: file, bytes: pdf.byteLength, sheets, rows, pages };
}
