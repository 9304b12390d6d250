/**
 * Writes one of the forum's workbooks (see forms.ts) to a file: streamed through the one atomic
 * writer and recorded in the audit log (output.ts), so a target open in Excel (locked) or a full
 * disk leaves the old file exactly as it was, and the person is told which file to close.
 *
 * exceljs is loaded on the first export, not at start: the command line and the app start without
 * parsing it.
 */
import type { Workbook } from 'exceljs';
import type { ExportForm } from '../../../../shared/ipc/forum';
import type { AppContext } from '../../context';
import { writeStreamAtomic } from '../../files';
import { requireWorkspace } from '../../session';
import { gatherForum } from './data';
import { excel } from '../../excel';
import { fillForm } from './forms';
import { putExport, recordExport, withExtension } from './output';

/** What an export wrote. */
export interface ExportResult {
  path: string;
  bytes: number;
  sheets: string[];
  rows: number;
}

/** Builds the workbook of `form` from the open workspace. */
export async function buildWorkbook(ctx: AppContext, form: ExportForm): Promise<{ wb: Workbook; sheets: string[]; rows: number }> {
  const ws = requireWorkspace(ctx);
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = 'TambonPlan';
  wb.created = ctx.clock();
  // Totals are formulas: Excel recalculates them on open (exceljs leaves a cached 0 empty).
  wb.calcProperties.fullCalcOnLoad = true;
  const data = gatherForum(ws.db, ctx.clock());
  const { sheets, rows } = fillForm(wb, form, data);
  return { wb, sheets, rows };
}

/** Exports `form` to `target` (a path already resolved by the caller's path policy). */
export async function exportXlsx(ctx: AppContext, form: ExportForm, target: string): Promise<ExportResult> {
  const { wb, sheets, rows } = await buildWorkbook(ctx, form);
  const file = withExtension(target, 'xlsx');
  await putExport(ctx, file, 'xlsx', () =>
    writeStreamAtomic(ctx.fs, file, 'replace', async (stream) => {
      await wb.xlsx.write(stream);
    }),
  );
  const { size } = await ctx.fs.stat(file);
  await recordExport(ctx, { form, format: 'xlsx', file, sheets: sheets.length, rows });
  return { path: file, bytes: size, sheets, rows };
}
