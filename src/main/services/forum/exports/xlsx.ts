/**
 * Writes one of the forum's workbooks (see forms.ts) to a file, through the fs port and the one
 * atomic writer: the workbook is streamed to a temporary file beside the target and moved over it
 * only when complete, so a target open in Excel (locked) or a full disk leaves the old file exactly
 * as it was, and the person is told which file to close. The export is recorded in the audit log
 * with the operator (unless the workspace is open read-only).
 *
 * exceljs is loaded on the first export, not at start: the command line and the app start without
 * parsing it.
 */
import path from 'node:path';
import type { Workbook } from 'exceljs';
import { ServiceError } from '../../../../shared/domain/result';
import type { ExportForm } from '../../../../shared/ipc/forum';
import type { AppContext } from '../../context';
import { writeStreamAtomic } from '../../files';
import { requireWorkspace } from '../../session';
import { write } from '../../write';
import { gatherForum } from './data';
import { fillForm } from './forms';

type ExcelModule = typeof import('exceljs');

/** exceljs, loaded once (its CommonJS export may arrive as the namespace or as its default). */
async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return 'Workbook' in mod && typeof mod.Workbook === 'function' ? mod : mod.default!;
}

/** What an export wrote. */
export interface ExportResult {
  path: string;
  bytes: number;
  sheets: string[];
  rows: number;
}

/** Errno codes that mean another program holds the target (Excel on Windows answers EBUSY or EPERM). */
const lockedCodes = new Set(['EBUSY', 'EPERM', 'EACCES', 'ETXTBSY']);

function errnoOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Builds the workbook of `form` from the open workspace. */
export async function buildWorkbook(ctx: AppContext, form: ExportForm): Promise<{ wb: Workbook; sheets: string[]; rows: number }> {
  const ws = requireWorkspace(ctx);
  const { Workbook } = await loadExcel();
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
  const file = path.extname(target).toLowerCase() === '.xlsx' ? target : `${target}.xlsx`;
  try {
    await writeStreamAtomic(ctx.fs, file, 'replace', async (stream) => {
      await wb.xlsx.write(stream);
    });
  } catch (error) {
    const code = errnoOf(error);
    if (code && lockedCodes.has(code) && (await ctx.fs.exists(file))) {
      const name = path.basename(file);
      throw new ServiceError(
        'CONFLICT',
        `บันทึกทับไฟล์ ${name} ไม่ได้ เพราะไฟล์เปิดอยู่ในโปรแกรมอื่น (เช่น Excel) กรุณาปิดไฟล์นั้นแล้วลองอีกครั้ง หรือบันทึกเป็นชื่ออื่น ไฟล์เดิมยังอยู่ครบ`,
        `Cannot save over ${name}: it is open in another program (Excel, say). Close it and try again, or save under another name; the old file is intact`,
        'path',
      );
    }
    throw error;
  }
  const { size } = await ctx.fs.stat(file);
  const ws = ctx.session.workspace;
  if (ws && !ws.readonly) {
    // Exports are recorded with the operator (DESIGN.md section 4); no row changes, so no change event.
    await write(ctx, { capability: 'forum', action: 'forum.export' }, (tx) => {
      tx.detail = { form, file: path.basename(file), sheets: sheets.length, rows };
    }).catch((error: unknown) => ctx.log.warn(`export not audited: ${(error as Error).message}`));
  }
  return { path: file, bytes: size, sheets, rows };
}
