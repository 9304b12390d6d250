/**
 * Writing a workbook of plain tables (a report of rejected rows, a chart's numbers): exceljs's
 * streaming writer into {@link writeStreamAtomic}, so the file appears whole or not at all and
 * every byte goes through the fs port. Sarabun is named as the font, a title and a subtitle sit
 * above the header row, numbers stay numbers (percentages as `0.0`), and the header row is frozen.
 */
import { excel } from './excel';
import type { AppContext } from './context';
import { writeStreamAtomic, type AtomicOptions } from './files';

/** A column of a table sheet. */
export interface TableColumn {
  label: string;
  type: 'text' | 'number' | 'percent';
  width?: number;
}

/** One sheet: a table under a title. */
export interface TableSheet {
  /** The sheet's name (cut to Excel's 31 characters, without the characters Excel refuses). */
  name: string;
  title: string;
  subtitle?: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly (string | number | null)[])[];
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, not empty. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return clean || 'Sheet1';
}

/**
 * Writes `sheets` to `target` atomically. `mode` is `replace` where the person confirmed
 * replacing a file (a native save dialog asks), `create` where nothing confirmed it.
 */
export async function writeTablesWorkbook(ctx: AppContext, target: string, mode: AtomicOptions['mode'], sheets: readonly TableSheet[]): Promise<void> {
  await writeStreamAtomic(ctx.fs, target, mode, async (stream) => {
    const { stream: streaming } = await excel();
    const workbook = new streaming.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'TambonPlan';
    workbook.created = ctx.clock();
    const used = new Set<string>();
    for (const sheet of sheets) {
      let name = sheetName(sheet.name);
      for (let n = 2; used.has(name); n += 1) name = `${sheetName(sheet.name).slice(0, 28)} ${n}`;
      used.add(name);
      const font = { name: 'Sarabun', size: 12 };
      const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: sheet.subtitle ? 3 : 2 }] });
      ws.columns = sheet.columns.map((c) => ({ width: c.width ?? (c.type === 'text' ? 28 : 14) }));
      const title = ws.addRow([sheet.title]);
      title.font = { ...font, bold: true, size: 14 };
      title.commit();
      if (sheet.subtitle) {
        const sub = ws.addRow([sheet.subtitle]);
        sub.font = { ...font, italic: true };
        sub.commit();
      }
      const header = ws.addRow(sheet.columns.map((c) => c.label));
      header.font = { ...font, bold: true };
      header.commit();
      for (const values of sheet.rows) {
        const row = ws.addRow(sheet.columns.map((c, i) => {
          const v = values[i] ?? null;
          // Important: text stays text. exceljs writes a string as a string cell, never a formula, so a value that starts with "=" cannot run.
          return c.type === 'text' && typeof v === 'number' ? String(v) : v;
        }));
        row.font = font;
        sheet.columns.forEach((c, i) => {
          if (c.type === 'percent') row.getCell(i + 1).numFmt = '0.0';
          else if (c.type === 'number') row.getCell(i + 1).numFmt = '#,##0.##';
        });
        row.commit();
      }
      ws.commit();
    }
    await workbook.commit();
  });
}

/** How a file a person chose in a save dialog is written: a native dialog confirmed a replacement; the harness's prompt did not. */
export function saveMode(ctx: AppContext): AtomicOptions['mode'] {
  return ctx.transport === 'electron' ? 'replace' : 'create';
}
