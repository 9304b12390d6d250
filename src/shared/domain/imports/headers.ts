/**
 * Finding the header of a sheet as offices make them: title rows above it ("ข้อมูล จปฐ. ปี 2566
 * ตำบลนาทราย"), blank rows, a header of one row or of two (a group merged across the columns of
 * its parts — "หมวดที่ 1 สุขภาพ" over ข้อ 1–7, "รายได้" over its four parts, `indicator7` over
 * ALL and CNT), and below the data a totals row and perhaps the header repeated on each printed
 * page. Pure and total: any grid gives an answer or null, never an exception (fuzzed).
 */
import { normalizeThaiDigits } from '../thaiDigits';
import { cellText, isBlank, type Cell } from './cells';
import type { ColumnMapping, ImportKind } from './kinds';
import { autoMap, normalizeHeader, type IndicatorName } from './mapping';

/** A row of a sheet: its number as the spreadsheet shows it (1 = the first row) and its cells (index 0 = column A). */
export interface SheetRow {
  number: number;
  cells: readonly Cell[];
}

/** Where a sheet's header is and what its columns say. */
export interface HeaderGuess {
  /** The sheet row number of the header's (first) row. */
  firstRow: number;
  /** How many rows the header takes: 1, or 2 for a group row above its parts. */
  rows: 1 | 2;
  /** Each column's header as a person reads it (a group and its part joined: "รายได้ อาชีพหลัก"). */
  labels: string[];
  /** The automatic mapping of the columns. */
  mapping: ColumnMapping[];
  /** How many columns named a known field (personal-data columns included). */
  hits: number;
  /** A survey year (พ.ศ.) written in a title row above the header, if any. */
  yearInTitle: number | null;
}

/** How many rows from the top are searched for a header. */
export const headerSearchRows = 40;

/** The text of each cell of a row, cleaned, padded to `width`. */
function texts(cells: readonly Cell[], width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < width; i += 1) out.push(cellText(cells[i] ?? null));
  return out;
}

/** Whether a cell's text is a number (a data cell rather than a header), Thai digits included. */
function numeric(text: string): boolean {
  return /^[-+(]?[\d,. ]+\)?%?$/.test(normalizeThaiDigits(text)) && /\d/.test(normalizeThaiDigits(text));
}

/**
 * The labels of a two-row header: a group above (forward-filled across the empty cells beside
 * it, as a merged cell reads) joined with each part below; a column whose lower cell is empty
 * (a cell merged down over both rows) keeps its upper label. Also answers each column's lower
 * label alone, as another wording to try.
 */
export function twoRowLabels(top: readonly string[], bottom: readonly string[]): { labels: string[]; parts: string[][] } {
  const labels: string[] = [];
  const parts: string[][] = [];
  let group = '';
  for (let i = 0; i < Math.max(top.length, bottom.length); i += 1) {
    const t = top[i] ?? '';
    const b = bottom[i] ?? '';
    if (t !== '') group = b !== '' ? t : '';
    if (b === '') {
      labels.push(t);
      parts.push([]);
    } else {
      labels.push(group ? `${group} ${b}` : b);
      parts.push(group ? [b] : []);
    }
  }
  return { labels, parts };
}

/** Counts the columns a mapping found a field for; the better the names matched, the more. */
function hitsOf(mapping: readonly ColumnMapping[]): number {
  return mapping.filter((m) => m.field !== 'ignore' && m.field !== 'custom').length;
}

/** Whether a mapping has what a header of `kind` must have to be taken for one. */
function plausible(kind: ImportKind, mapping: readonly ColumnMapping[]): boolean {
  const fields = new Set(mapping.map((m) => m.field));
  const village = fields.has('villageCode') || fields.has('moo');
  const hits = hitsOf(mapping);
  if (kind === 'nrd2c') return village && mapping.some((m) => m.field === 'custom' || m.field === 'grade');
  if (kind === 'accounts') return hits >= 2 && (fields.has('date') || fields.has('amount') || fields.has('amount.income') || fields.has('amount.expense'));
  if (kind === 'bmn') return hits >= 2 && mapping.some((m) => m.field.startsWith('indicator:'));
  if (kind === 'pcs') return hits >= 2 && fields.has('problem');
  if (kind === 'projects') return hits >= 2 && fields.has('projectName');
  if (kind === 'village-plans') return hits >= 2 && fields.has('itemText');
  if (kind === 'assessment') return fields.has('moo') && mapping.some((m) => m.field.startsWith('criterion:'));
  if (kind === 'leaders') return village && fields.has('personName');
  if (kind === 'learning-centres') return fields.has('orgName') && (fields.has('activities') || fields.has('peopleServed'));
  if (kind === 'welfare-funds') return fields.has('orgName') && fields.has('tier');
  if (kind === 'organisations') return fields.has('orgName') && (fields.has('orgKind') || fields.has('capital'));
  return hits >= 2 && mapping.some((m) => m.field.startsWith('all:') || m.field.startsWith('cnt:'));
}

/** A พ.ศ. year written in title text: "ปี 2566", "พ.ศ. ๒๕๖๖", or a lone 25xx. */
export function yearInText(text: string): number | null {
  const s = normalizeThaiDigits(text);
  const m = /(?:ปี|พ\.?\s*ศ\.?)\s*(25\d\d)(?!\d)/.exec(s) ?? /(?<!\d)(25[4-9]\d)(?!\d)/.exec(s);
  return m ? Number(m[1]) : null;
}

/** The header at `firstRow` taking `rows` rows, as {@link detectHeader} would read it there. */
export function headerAt(
  kind: ImportKind,
  sheet: readonly SheetRow[],
  firstRow: number,
  rows: 1 | 2,
  indicators: readonly IndicatorName[] = [],
): HeaderGuess | null {
  const index = sheet.findIndex((r) => r.number === firstRow);
  if (index < 0) return null;
  const width = Math.max(0, ...sheet.slice(0, Math.min(sheet.length, index + 30)).map((r) => r.cells.length));
  const top = texts(sheet[index]!.cells, width);
  let labels = top;
  let candidates: string[][] = [];
  if (rows === 2) {
    const next = sheet[index + 1];
    if (!next || next.number !== firstRow + 1) return null;
    ({ labels, parts: candidates } = twoRowLabels(top, texts(next.cells, width)));
  }
  const mapping = autoMap(kind, labels, { indicators, candidates });
  const title = sheet.slice(0, index).flatMap((r) => r.cells.map(cellText)).join(' ');
  return { firstRow, rows, labels, mapping, hits: hitsOf(mapping), yearInTitle: yearInText(title) };
}

/**
 * Finds the header in the first {@link headerSearchRows} rows: the row (or pair of rows) whose
 * columns name the most known fields of `kind`. A pair is taken over its upper row alone only
 * when it names more columns than either of its rows does by itself — so a header of one row
 * over data is never read as a group and its first data row. Null when no row looks like a
 * header of `kind` (a sheet of something else, or empty).
 */
export function detectHeader(kind: ImportKind, sheet: readonly SheetRow[], indicators: readonly IndicatorName[] = []): HeaderGuess | null {
  const rows = sheet.slice(0, headerSearchRows);
  let best: HeaderGuess | null = null;
  // A row is read as a one-row header twice (itself, and as the row below the one before): once is enough.
  const singles = new Map<number, HeaderGuess | null>();
  const single = (row: SheetRow) => {
    if (!singles.has(row.number)) singles.set(row.number, headerAt(kind, rows, row.number, 1, indicators));
    return singles.get(row.number)!;
  };
  const better = (guess: HeaderGuess | null) => {
    if (guess && plausible(kind, guess.mapping) && guess.hits > (best?.hits ?? 0)) best = guess;
  };
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const filled = row.cells.filter((c) => !isBlank(c));
    // A title (one merged cell) or a row of figures is not a header. (An assessment header is
    // criterion numbers, "1.1", written as text: a row of them is a header when it names หมู่ที่.)
    if (filled.length < 2) continue;
    const figures = filled.filter((c) => typeof c === 'number' || (kind !== 'assessment' && numeric(cellText(c)))).length;
    if (figures > filled.length / 2) continue;
    const one = single(row);
    const pair = headerAt(kind, rows, row.number, 2, indicators);
    const lower = rows[i + 1] ? single(rows[i + 1]!) : null;
    if (pair && pair.hits > Math.max(one?.hits ?? 0, lower?.hits ?? 0)) better(pair);
    else better(one);
  }
  return best;
}

/** What a row below the header is: data, or a row to pass over. */
export type RowKind = 'data' | 'blank' | 'totals' | 'repeatedHeader';

/** A totals row's first cell: the word alone, or followed by a space, a colon, a number or a bracket ("รวม 3 หมู่บ้าน", "Total:"), never a name that starts with it (บ้านรวมใจ, รวมไทย). */
const totalsWords = /^(รวม(ทั้งสิ้น|ทั้งหมด)?|ยอดรวม|ทั้งหมด|total|grand total|sum|subtotal)(?=$|[\s:(\d.])/i;

/**
 * What a row below the header is: blank (nothing, or only spaces), a totals row (its first
 * filled cell, in one of the first three columns, says "รวม" or "Total"), the header again (a printed page's repeated
 * header), or data.
 */
export function classifyRow(cells: readonly Cell[], header: Pick<HeaderGuess, 'labels'>): RowKind {
  let first = -1;
  for (let i = 0; i < cells.length; i += 1) {
    if (!isBlank(cells[i] ?? null)) {
      first = i;
      break;
    }
  }
  if (first < 0) return 'blank';
  const c = cells[first]!;
  if (first <= 2 && typeof c === 'string' && totalsWords.test(cellText(c))) return 'totals';
  // A repeated header starts like the header: most rows are told apart by their first filled cell alone.
  const label = header.labels[first];
  if (label === undefined || normalizeHeader(cellText(c)) !== normalizeHeader(label)) return 'data';
  const filled = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => !isBlank(cell));
  const same = filled.filter(({ cell, i }) => header.labels[i] !== undefined && normalizeHeader(cellText(cell)) === normalizeHeader(header.labels[i]));
  return same.length >= 2 && same.length >= filled.length / 2 ? 'repeatedHeader' : 'data';
}
