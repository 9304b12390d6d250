/**
 * CSV as packages carry it (RFC 4180, UTF-8, `\r\n` between records, a header row): a null is
 * an empty unquoted field; an empty string is `""`; a field with a comma, a quote, a line break
 * or surrounding spaces is quoted, quotes doubled. The reader tells the two empties apart and
 * refuses anything malformed rather than guess.
 */

/** A cell: text, or null for a missing value. */
export type CsvCell = string | null;

function quoteIfNeeded(cell: CsvCell): string {
  if (cell === null) return '';
  if (cell === '' || /[",\r\n]/.test(cell) || cell.trim() !== cell) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/** Records as CSV text, each ended by `\r\n`. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(quoteIfNeeded).join(',')}\r\n`;
  return out;
}

/** Why CSV text could not be read. */
export class CsvError extends Error {
  readonly record: number;
  constructor(message: string, record: number) {
    super(`${message} (record ${record})`);
    this.name = 'CsvError';
    this.record = record;
  }
}

const quote = 0x22;
const comma = 0x2c;
const cr = 0x0d;
const lf = 0x0a;
const endsField = (c: number) => c === comma || c === cr || c === lf;

/**
 * Reads CSV text into records of cells (null for an empty unquoted field). Every record must
 * have `width` cells when given. Throws {@link CsvError} on a stray quote or a short record.
 */
export function readCsv(text: string, width?: number): CsvCell[][] {
  const records: CsvCell[][] = [];
  let record: CsvCell[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return records;
  for (;;) {
    // One field.
    let cell: CsvCell;
    if (text.charCodeAt(i) === quote) {
      let value = '';
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvError('unterminated quoted field', records.length + 1);
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === quote) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cell = value;
      if (i < n && !endsField(text.charCodeAt(i))) throw new CsvError('text after a closing quote', records.length + 1);
    } else {
      let end = i;
      while (end < n && !endsField(text.charCodeAt(end))) end += 1;
      const raw = text.slice(i, end);
      if (raw.includes('"')) throw new CsvError('quote inside an unquoted field', records.length + 1);
      cell = raw === '' ? null : raw;
      i = end;
    }
    record.push(cell);
    if (i >= n) {
      records.push(record);
      break;
    }
    if (text.charCodeAt(i) === comma) {
      i += 1;
      continue;
    }
    // End of record: \r\n or \n.
    if (text.charCodeAt(i) === cr) {
      if (text.charCodeAt(i + 1) !== lf) throw new CsvError('a lone carriage return', records.length + 1);
      i += 2;
    } else i += 1;
    records.push(record);
    record = [];
    if (i >= n) break;
  }
  if (width !== undefined) {
    records.forEach((r, index) => {
      if (r.length !== width) throw new CsvError(`expected ${width} fields, found ${r.length}`, index + 1);
    });
  }
  return records;
}
