/**
 * CSV as offices save it: UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode
 * text"), or TIS-620 / Windows-874 (Thai Windows' ANSI code page, which Excel uses for "CSV"
 * on a Thai PC), separated by commas, semicolons or tabs, quoted the RFC 4180 way. The parser
 * takes text in pieces, so a large file streams.
 */

/** The encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

/**
 * The encoding of a file from its first bytes: a byte-order mark says it; otherwise UTF-8 when
 * the bytes are valid UTF-8 (a cut multi-byte character at the very end is allowed), else
 * Windows-874 (TIS-620 and its Windows superset: every byte is a character there).
 */
export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-874';
  }
}

/** The separators tried, in order of preference on a tie. */
const separators = [',', ';', '\t', '|'] as const;

/** The separator of a CSV text from its first lines: the one that splits them into the most, most consistent, fields. */
export function detectSeparator(sample: string): string {
  const lines = sample.split(/\r\n|\n|\r/).slice(0, 20).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = -1;
  for (const sep of separators) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const c of line) {
        if (c === '"') quoted = !quoted;
        else if (c === sep && !quoted) n += 1;
      }
      return n;
    });
    const max = Math.max(0, ...counts);
    // Lines with the usual count weigh more than a single wide line.
    const score = counts.filter((n) => n === max && n > 0).length * 1000 + max;
    if (max > 0 && score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** A record of a CSV file: its number (1 = the first record, as a spreadsheet shows the row) and its fields. */
export interface CsvRecord {
  number: number;
  fields: string[];
}

/** A streaming CSV parser: feed it text, take the records it completed; `end()` gives the rest. */
export interface CsvParser {
  push(text: string): CsvRecord[];
  end(): CsvRecord[];
}

/**
 * A parser for `separator`: quoted fields may hold separators, quotes (`""`) and line breaks;
 * CR LF, LF and CR all end a record. A stray quote inside an unquoted field is kept as text.
 */
export function createCsvParser(separator: string): CsvParser {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  // After a closing quote: the next quote is an escaped one.
  let afterQuote = false;
  let fieldStarted = false;
  let pendingCr = false;
  let number = 0;
  const endRecord = (out: CsvRecord[]) => {
    fields.push(field);
    number += 1;
    out.push({ number, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  return {
    push(text) {
      const out: CsvRecord[] = [];
      for (let i = 0; i < text.length; i += 1) {
        const c = text[i]!;
        if (pendingCr) {
          pendingCr = false;
          if (c === '\n') continue;
        }
        if (quoted) {
          if (c === '"') {
            quoted = false;
            afterQuote = true;
          } else field += c;
          continue;
        }
        if (c === '"') {
          if (afterQuote) {
            field += '"';
            quoted = true;
            afterQuote = false;
          } else if (!fieldStarted) {
            quoted = true;
            fieldStarted = true;
          } else field += c;
          continue;
        }
        afterQuote = false;
        if (c === separator) {
          fields.push(field);
          field = '';
          fieldStarted = false;
        } else if (c === '\n' || c === '\r') {
          endRecord(out);
          if (c === '\r') pendingCr = true;
        } else {
          field += c;
          fieldStarted = true;
        }
      }
      return out;
    },
    end() {
      const out: CsvRecord[] = [];
      if (field !== '' || fields.length > 0 || quoted) endRecord(out);
      return out;
    },
  };
}

/**
 * A CSV field as a cell: a plain number (no leading zero, at most 12 digits, so a house code
 * `0012` or a 13-digit id stays text) becomes a number; blank becomes null; the rest stays text.
 */
export function csvCell(text: string): string | number | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^-?(0|[1-9]\d{0,11})(\.\d+)?$/.test(s)) return Number(s);
  return text;
}
