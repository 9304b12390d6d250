/**
 * A lean reader of one worksheet's XML (`xl/worksheets/sheetN.xml`), for the large files an
 * office imports (a จปฐ. file of 10,000 households is 400,000 cells).
 *
 * exceljs's streaming reader turns every cell into a SAX event, a parsed tag with its attribute
 * map, a `Cell` with a decoded address and a `Value`, and every row into a `Row`: about 2 kB of
 * short-lived objects per cell, a gigabyte for such a file. The garbage collector keeps up only by
 * growing the heap (the import's peak memory was 320–470 MiB, the read alone 190). This scanner
 * walks the text once with `indexOf` and makes, per cell, only its value; exceljs still opens the
 * zip, reads the workbook, its relationships and shared strings, and hands over the sheet's bytes.
 *
 * It yields what exceljs's `row.values` would give the import's readers, as {@link Cell}s: a
 * row's cells from column A to its last non-empty cell (holes are `null`), shared strings looked
 * up, inline strings (every run of rich text joined), numbers, booleans, errors, formulas as their
 * cached values. Dates are not told apart from numbers here (that needs the cell styles): a reader
 * that wants dates uses exceljs's own rows.
 */
import type { Cell } from '../../../shared/domain/imports/cells';

/** A row as the sheet holds it: its number (1 is the sheet's first row) and its cells from column A. */
export interface ScannedRow {
  number: number;
  cells: Cell[];
}

/** What the scanner needs besides the text: the workbook's shared strings, and a counter of formulas. */
export interface SheetScanContext {
  /** The shared strings as exceljs caches them: a string, or `{ richText: [{ text }] }`. */
  sharedStrings: readonly unknown[] | undefined;
  /** Told of every formula cell read as its cached value. */
  onFormula?: () => void;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of XML character data: entity and character references decoded. */
function xmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return entities[ref] ?? whole;
  });
}

const rowRef = /(?:^|\s)r\s*=\s*["']([0-9]+)["']/;
const cellRef = /(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})\$?[0-9]*["']/;
const cellType = /(?:^|\s)t\s*=\s*["']([A-Za-z]*)["']/;

/** The column number of column letters (A = 1, Z = 26, AA = 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/** A shared string as a cell. */
function sharedCell(value: unknown): Cell {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Array.isArray((value as { richText?: unknown }).richText)) {
    return (value as { richText: { text?: unknown }[] }).richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  }
  return null;
}

/** A number cell's text as a cell (`null` when it is not a finite number). */
function numberCell(text: string): Cell {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * Scans a worksheet's XML pushed in pieces of any size (a piece may end inside a tag or a
 * reference), and calls `onRow` for each `<row>` as it closes.
 */
export function createSheetScanner(context: SheetScanContext, onRow: (row: ScannedRow) => void) {
  let rest = '';
  let lastRow = 0;
  // The row being read.
  let rowNumber = 0;
  let cells: Cell[] | null = null;
  let lastColumn = 0;
  // The cell being read.
  let column = 0;
  let type = '';
  let formula = false;
  let value: string | null = null;
  let inlineText: string | null = null;
  /** Where character data goes: `v` (the value), `t` (inline text), or nowhere. */
  let into: 'v' | 't' | null = null;
  /** Inside a phonetic run (`<rPh>`), whose text is a reading aid, not the cell's. */
  let phonetic = false;

  const startRow = (tag: string) => {
    const r = rowRef.exec(tag);
    rowNumber = r ? Number(r[1]) : lastRow + 1;
    lastRow = rowNumber;
    cells = [];
    lastColumn = 0;
  };
  const endRow = () => {
    if (!cells) return;
    // Like exceljs's `row.values`: up to the last cell that holds something.
    let end = cells.length;
    while (end > 0 && cells[end - 1] === null) end -= 1;
    cells.length = end;
    onRow({ number: rowNumber, cells });
    cells = null;
  };
  const startCell = (tag: string) => {
    const r = cellRef.exec(tag);
    column = r ? columnNumber(r[1]!) : lastColumn + 1;
    lastColumn = column;
    type = cellType.exec(tag)?.[1] ?? '';
    formula = false;
    value = null;
    inlineText = null;
  };
  const endCell = () => {
    if (!cells || column < 1) return;
    let cell: Cell;
    if (formula) {
      context.onFormula?.();
      if (value === null) cell = { formulaWithoutValue: true };
      else if (type === 'str') cell = value;
      else if (type === 'e') cell = { error: value };
      else if (type === 'b') cell = Number.parseInt(value, 10) !== 0;
      else cell = numberCell(value);
    } else if (type === 's') {
      cell = value === null ? null : sharedCell(context.sharedStrings?.[Number.parseInt(value, 10)]);
    } else if (type === 'inlineStr') {
      cell = inlineText ?? value;
    } else if (type === 'str') {
      cell = value;
    } else if (type === 'e') {
      cell = value === null ? null : { error: value };
    } else if (type === 'b') {
      cell = value === null ? null : Number.parseInt(value, 10) !== 0;
    } else if (type === 'd') {
      cell = value === null || value === '' ? null : { date: value.slice(0, 10) };
    } else {
      cell = value === null ? null : numberCell(value);
    }
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = cell;
    column = 0;
  };
  const text = (raw: string) => {
    if (into === 'v') value = (value ?? '') + xmlText(raw);
    else if (into === 't') inlineText = (inlineText ?? '') + xmlText(raw);
  };

  /** One tag: `<name …>`, `</name>` or `<name …/>` (its text without the angle brackets). */
  const tag = (body: string) => {
    const closing = body.charCodeAt(0) === 47; // '/'
    const selfClosing = !closing && body.charCodeAt(body.length - 1) === 47;
    let end = closing ? 1 : 0;
    while (end < body.length) {
      const c = body.charCodeAt(end);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
      end += 1;
    }
    let name = body.slice(closing ? 1 : 0, end);
    const colon = name.indexOf(':');
    if (colon >= 0) name = name.slice(colon + 1);
    if (closing) {
      if (name === 'row') endRow();
      else if (name === 'c') endCell();
      else if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') phonetic = false;
      return;
    }
    switch (name) {
      case 'row':
        startRow(body);
        if (selfClosing) endRow();
        break;
      case 'c':
        if (!cells) break;
        startCell(body);
        if (selfClosing) endCell();
        break;
      case 'f':
        if (column) formula = true;
        break;
      case 'v':
        if (column && !selfClosing) {
          into = 'v';
          value ??= '';
        }
        break;
      case 't':
        // Inside <is> (an inline string): every run's text, joined.
        if (column && !selfClosing && !phonetic) {
          into = 't';
          inlineText ??= '';
        }
        break;
      case 'rPh':
        phonetic = !selfClosing;
        break;
    }
  };

  return {
    /** Scans the next piece of the XML text. */
    push(piece: string): void {
      const s = rest + piece;
      let at = 0;
      for (;;) {
        const lt = s.indexOf('<', at);
        if (lt < 0) {
          // Character data may end in a cut reference (`&am`): keep it whole for the next piece.
          const amp = s.lastIndexOf('&');
          const cut = amp >= at && s.indexOf(';', amp) < 0 ? amp : s.length;
          if (into && cut > at) text(s.slice(at, cut));
          rest = s.slice(cut);
          return;
        }
        if (into && lt > at) text(s.slice(at, lt));
        if (s.startsWith('<![CDATA[', lt)) {
          const close = s.indexOf(']]>', lt + 9);
          if (close < 0) {
            rest = s.slice(lt);
            return;
          }
          if (into === 'v') value = (value ?? '') + s.slice(lt + 9, close);
          else if (into === 't') inlineText = (inlineText ?? '') + s.slice(lt + 9, close);
          at = close + 3;
          continue;
        }
        if (s.startsWith('<!--', lt)) {
          const close = s.indexOf('-->', lt + 4);
          if (close < 0) {
            rest = s.slice(lt);
            return;
          }
          at = close + 3;
          continue;
        }
        const gt = s.indexOf('>', lt + 1);
        if (gt < 0) {
          // The tag (or a CDATA section or comment) continues in the next piece.
          rest = s.slice(lt);
          return;
        }
        const c = s.charCodeAt(lt + 1);
        if (c !== 63 && c !== 33) tag(s.slice(lt + 1, gt)); // not <?…?> or <!…>
        at = gt + 1;
      }
    },
    /** The text has ended. */
    end(): void {
      rest = '';
    },
  };
}
