/**
 * How every sheet of the forum's workbooks is laid out: the Thai font offices use (TH SarabunPSK,
 * the government standard; LibreOffice and Excel substitute where it is missing), title rows
 * merged across the table, merged header rows, thin borders, wrapped text aligned to the top, money
 * as #,##0, A4 landscape fitted to the page width with the header rows repeated on every printed
 * page, the header rows frozen on screen, and the page number in the footer.
 */
import type { Borders, Cell, Worksheet } from 'exceljs';

/** The font of every cell. */
export const font = { name: 'TH SarabunPSK', size: 14 } as const;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7F0F7' } };
const bandFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF3F4F6' } };

/** A sheet being written: where the next row goes. */
export interface SheetWriter {
  ws: Worksheet;
  /** The next row number. */
  row: number;
  /** The number of table columns. */
  width: number;
}

/** Starts a sheet of `width` columns with these column widths (characters). */
export function startSheet(ws: Worksheet, widths: readonly number[]): SheetWriter {
  ws.columns = widths.map((width) => ({ width }));
  ws.properties.defaultRowHeight = 21;
  return { ws, row: 1, width: widths.length };
}

/** A title row merged across the table. */
export function titleRow(s: SheetWriter, text: string, options: { size?: number; bold?: boolean; align?: 'center' | 'left' } = {}): void {
  const r = s.row++;
  s.ws.mergeCells(r, 1, r, s.width);
  const cell = s.ws.getCell(r, 1);
  cell.value = text;
  cell.font = { ...font, size: options.size ?? 16, bold: options.bold ?? true };
  cell.alignment = { horizontal: options.align ?? 'center', vertical: 'middle', wrapText: true };
}

/** An empty row. */
export function gapRow(s: SheetWriter): void {
  s.row += 1;
}

/** A header cell: bold, centred, wrapped, bordered, shaded. */
function headerCell(cell: Cell, text: string): void {
  cell.value = text;
  cell.font = { ...font, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = border;
  cell.fill = headerFill;
}

/**
 * A header of one or more rows. `cells` places each heading at its top-left (row offset, column,
 * both from 0) spanning `rows` × `cols`; every cell of the header is bordered and shaded.
 * Answers the header's first and last row numbers.
 */
export function headerRows(
  s: SheetWriter,
  height: number,
  cells: readonly { r: number; c: number; rows?: number; cols?: number; text: string }[],
): { first: number; last: number } {
  const first = s.row;
  for (let r = 0; r < height; r += 1) for (let c = 1; c <= s.width; c += 1) headerCell(s.ws.getCell(first + r, c), '');
  for (const h of cells) {
    const top = first + h.r;
    const left = h.c + 1;
    const bottom = top + (h.rows ?? 1) - 1;
    const right = left + (h.cols ?? 1) - 1;
    if (bottom > top || right > left) s.ws.mergeCells(top, left, bottom, right);
    headerCell(s.ws.getCell(top, left), h.text);
  }
  s.row += height;
  return { first, last: first + height - 1 };
}

/** What a data cell holds: text (wrapped), a number (money), or nothing. */
export type CellValue = string | number | null | { formula: string; result: number };

/** A bordered data row; numbers are right-aligned money, text wraps at the top. */
export function dataRow(s: SheetWriter, values: readonly CellValue[], options: { bold?: boolean; band?: boolean; center?: number[] } = {}): number {
  const r = s.row++;
  values.forEach((value, i) => {
    const cell = s.ws.getCell(r, i + 1);
    cell.value = value === null ? null : value;
    cell.font = { ...font, bold: options.bold ?? false };
    cell.border = border;
    if (options.band) cell.fill = bandFill;
    const numeric = typeof value === 'number' || (value !== null && typeof value === 'object');
    if (numeric) cell.numFmt = '#,##0';
    cell.alignment = {
      vertical: 'top',
      wrapText: true,
      horizontal: numeric ? 'right' : options.center?.includes(i) ? 'center' : 'left',
    };
  });
  for (let c = values.length + 1; c <= s.width; c += 1) s.ws.getCell(r, c).border = border;
  return r;
}

/** A band row (a strategy, a work plan, a group) merged across the table. */
export function bandRow(s: SheetWriter, text: string): void {
  const r = s.row++;
  s.ws.mergeCells(r, 1, r, s.width);
  const cell = s.ws.getCell(r, 1);
  cell.value = text;
  cell.font = { ...font, bold: true };
  cell.alignment = { vertical: 'middle', wrapText: true };
  cell.border = border;
  cell.fill = bandFill;
}

/** A note under the table (merged across, not bordered). */
export function noteRow(s: SheetWriter, text: string, options: { bold?: boolean; color?: string } = {}): void {
  const r = s.row++;
  s.ws.mergeCells(r, 1, r, s.width);
  const cell = s.ws.getCell(r, 1);
  cell.value = text;
  cell.font = { ...font, bold: options.bold ?? false, ...(options.color ? { color: { argb: options.color } } : {}) };
  cell.alignment = { vertical: 'top', wrapText: true };
}

/**
 * A4 landscape, fitted to one page wide, the header rows `headerFirst`–`headerLast` repeated on
 * every printed page and frozen on screen, the page number in the footer.
 */
export function finishSheet(s: SheetWriter, headerFirst: number, headerLast: number): void {
  s.ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerFirst}:${headerLast}`,
  };
  s.ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerLast, topLeftCell: `A${headerLast + 1}`, activeCell: `A${headerLast + 1}` }];
  s.ws.headerFooter.oddFooter = '&Cหน้า &P จาก &N';
}

/** A column letter (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A SUM over rows of one column, with its value for readers that do not recalculate. */
export function sumOf(column: number, rows: readonly number[], values: readonly number[]): { formula: string; result: number } | number {
  const result = values.reduce((a, b) => a + b, 0);
  if (rows.length === 0) return 0;
  const letter = columnLetter(column);
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  const formula = contiguous ? `SUM(${letter}${rows[0]}:${letter}${rows.at(-1)})` : `SUM(${rows.map((r) => `${letter}${r}`).join(',')})`;
  return { formula, result };
}
