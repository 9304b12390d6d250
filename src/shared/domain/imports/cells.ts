/**
 * Cells of an imported sheet and how their values are read: numbers (Thai digits ๐–๙, numbers
 * stored as text, thousands separators), the answers of a จปฐ. indicator, dates (Buddhist or
 * Christian Era, dd/mm/yyyy, Thai month names, Excel date serials), and cached values of
 * formulas. Pure: the readers in main turn exceljs and CSV cells into {@link Cell}s, and
 * everything after that is here, unit-tested and fuzzed.
 */
import { normalizeThaiDigits } from '../thaiDigits';

/**
 * One cell as read from a file: empty, text, a number, a boolean, a date (an ISO `yyyy-mm-dd`
 * day), or an error value (`#N/A`, `#DIV/0!`). A formula cell is read as its cached value; one
 * without a cached value (a file written by a program that does not compute) is
 * `{ formulaWithoutValue }`.
 */
export type Cell =
  | null
  | string
  | number
  | boolean
  | { date: string }
  | { error: string }
  | { formulaWithoutValue: true };

/** What reading a cell found that a clerk may want to know, though nothing is wrong (for the report's notes). */
export type CellNote = 'thaiDigits' | 'numberAsText' | 'thousandsSeparator' | 'formula' | 'beYearInCeDate';

/** The letter(s) a spreadsheet shows for the 1-based column `n`: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = Math.floor(n); rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters || '?';
}

/** The 1-based column number of a spreadsheet column letter (`A` → 1, `AA` → 27); NaN for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return Number.NaN;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** Zero-width and other invisible characters spreadsheets carry in text (BOM, zero-width space, soft hyphen). */
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Control characters (newline and tab kept for multi-line text) and bidi overrides, which no stored text holds. */
// eslint-disable-next-line no-control-regex -- removing control characters is this pattern's purpose
const unstorable = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text of a cell as it is stored: NFC, CR LF as LF, no control characters (newline and tab
 * kept when `multiline`, else turned into spaces), no bidi overrides or invisible characters,
 * runs of spaces as one, trimmed.
 */
export function cleanText(text: string, multiline = false): string {
  let s = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(invisible, '').replace(unstorable, '');
  s = multiline ? s.replace(/[ \u00A0]+/g, ' ').replace(/ *\n */g, '\n') : s.replace(/[\s\u00A0]+/g, ' ');
  return s.trim();
}

/** A cell as text a person reads in a report or a preview (dates as `dd/mm/yyyy` in พ.ศ.). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-');
    return `${d}/${m}/${Number(y) + 543}`;
  }
  if ('error' in cell) return cell.error;
  return '';
}

/** Whether a cell holds nothing (blank, or only spaces). */
export function isBlank(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell !== 'string') return false;
  // Most text starts with a letter or a digit: no need to clean it to know it is not blank.
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first !== 0xa0 && first !== 0xad && first !== 0xfeff && (first < 0x200b || first > 0x200d) && first !== 0x2060 && (first < 0x7f || first > 0x9f)) return false;
  return cleanText(cell) === '';
}

/** A reading of a cell: the value, or why it cannot be read. */
export type Reading<T> = { ok: true; value: T; notes: CellNote[] } | { ok: false; problem: CellProblem };

/** Why a cell cannot be read as what its column holds. */
export type CellProblem =
  | 'notANumber'
  | 'notWhole'
  | 'negative'
  | 'tooLarge'
  | 'errorValue'
  | 'formulaWithoutValue'
  | 'notAnAnswer'
  | 'notADate'
  | 'dateOutOfRange';

const noNotes = Object.freeze([]) as unknown as CellNote[];
const ok = <T>(value: T, notes: CellNote[] = noNotes): Reading<T> => ({ ok: true, value, notes });
const no = <T>(problem: CellProblem): Reading<T> => ({ ok: false, problem });

/** Error values and formulas without a value, which no column can read. */
function unreadable(cell: Cell): CellProblem | null {
  if (cell === null || typeof cell !== 'object') return null;
  if ('error' in cell) return 'errorValue';
  if ('formulaWithoutValue' in cell) return 'formulaWithoutValue';
  return null;
}

/** The largest magnitude a number from a file may have (beyond it, a typing slip or an id in the wrong column). */
export const maxImportNumber = 1e12;

/**
 * A number: a numeric cell, or text holding one — Thai digits, thousands separators (`1,234.50`,
 * also `1 234`), a currency word or sign (`บาท`, `฿`), a trailing `%`, a negative in
 * parentheses `(1,234)` as accountants write it. A lone dash (`-`, `–`) means none (null), as in
 * Thai accounts; blank is null.
 */
export function readNumber(cell: Cell): Reading<number | null> {
  const bad = unreadable(cell);
  if (bad) return no(bad);
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) && Math.abs(cell) <= maxImportNumber ? ok(cell) : no('tooLarge');
  if (typeof cell === 'boolean' || typeof cell === 'object') return no('notANumber');
  const notes: CellNote[] = ['numberAsText'];
  let s = cleanText(cell);
  if (s === '') return ok(null);
  if (/^[-–—]$/.test(s)) return ok(null);
  if (/[๐-๙]/.test(s)) {
    notes.push('thaiDigits');
    s = normalizeThaiDigits(s);
  }
  s = s.replace(/^฿\s*|\s*(บาท|baht|฿)\.?$/gi, '').replace(/\s*%$/, '').trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  if (/^[+-]/.test(s)) {
    negative = negative !== s.startsWith('-');
    s = s.slice(1).trim();
  }
  // 1,234,567.89 or 1 234 567: groups of three after the first.
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) {
    notes.push('thousandsSeparator');
    s = s.replace(/[, ]/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return no('notANumber');
  const value = Number(s) * (negative ? -1 : 1);
  if (!Number.isFinite(value) || Math.abs(value) > maxImportNumber) return no('tooLarge');
  return ok(Object.is(value, -0) ? 0 : value, notes);
}

/** A whole number from `min` to `max` (a count of members, households); blank is null. */
export function readWhole(cell: Cell, range: { min: number; max: number }): Reading<number | null> {
  const r = readNumber(cell);
  if (!r.ok || r.value === null) return r;
  if (!Number.isInteger(r.value)) return no('notWhole');
  if (r.value < range.min) return no(r.value < 0 ? 'negative' : 'tooLarge');
  if (r.value > range.max) return no('tooLarge');
  return r;
}

/** An amount of money or a quantity that cannot be negative; blank is null. */
export function readAmount(cell: Cell): Reading<number | null> {
  const r = readNumber(cell);
  if (!r.ok || r.value === null) return r;
  return r.value < 0 ? no('negative') : r;
}

/** How a household answered one indicator: pass, fail, or not applicable (no member in scope). */
export type Answer = 'pass' | 'fail' | 'na';

const passWords = new Set(['ผ่าน', 'ผ', 'pass', 'p', 'y', 'yes', 'ใช่', '1', '✓', '✔', '☑', '✅', '/', 'true']);
const failWords = new Set(['ไม่ผ่าน', 'มผ', 'ม.ผ.', 'ม.ผ', 'fail', 'f', 'n', 'no', 'ไม่ใช่', '0', '✗', '✘', '✕', '×', 'x', '❌', 'false']);
const naWords = new Set(['ไม่เกี่ยวข้อง', 'ไม่เกี่ยว', 'มก', 'ม.ก.', 'na', 'n/a', 'n.a.', '-', '–', '—']);
/** The readings of the three answers, shared (frozen): a large file has hundreds of thousands of answers. */
const answerReadings: Record<Answer, Reading<Answer>> = {
  pass: Object.freeze({ ok: true as const, value: 'pass' as const, notes: Object.freeze([]) as unknown as CellNote[] }),
  fail: Object.freeze({ ok: true as const, value: 'fail' as const, notes: Object.freeze([]) as unknown as CellNote[] }),
  na: Object.freeze({ ok: true as const, value: 'na' as const, notes: Object.freeze([]) as unknown as CellNote[] }),
};
const commonAnswers = new Map<string, Reading<Answer>>([
  ['ผ่าน', answerReadings.pass],
  ['ไม่ผ่าน', answerReadings.fail],
  ['ไม่เกี่ยวข้อง', answerReadings.na],
  ['', answerReadings.na],
  ['1', answerReadings.pass],
  ['0', answerReadings.fail],
  ['✓', answerReadings.pass],
  ['✗', answerReadings.fail],
]);

/**
 * The answer of a จปฐ. indicator: ผ่าน / ไม่ผ่าน / ไม่เกี่ยวข้อง, 1 / 0 / blank, ✓ / ✗ (and the
 * usual English words, TRUE / FALSE, Thai digits ๑ / ๐). Blank means not applicable.
 */
export function readAnswer(cell: Cell): Reading<Answer> {
  // The words as files usually write them, without the cleaning below (310,000 cells in a large file).
  if (typeof cell === 'string') {
    const direct = commonAnswers.get(cell);
    if (direct) return direct;
  }
  if (cell === null) return answerReadings.na;
  const bad = unreadable(cell);
  if (bad) return no(bad);
  if (cell === null) return ok('na');
  if (typeof cell === 'boolean') return ok(cell ? 'pass' : 'fail');
  if (typeof cell === 'number') return cell === 1 ? ok('pass') : cell === 0 ? ok('fail') : no('notAnAnswer');
  if (typeof cell === 'object') return no('notAnAnswer');
  const notes: CellNote[] = /[๐-๙]/.test(cell) ? ['thaiDigits'] : [];
  const s = normalizeThaiDigits(cleanText(cell)).toLowerCase().replace(/\s+/g, '');
  if (s === '') return ok('na');
  if (passWords.has(s)) return ok('pass', notes);
  if (failWords.has(s)) return ok('fail', notes);
  if (naWords.has(s)) return ok('na', notes);
  return no('notAnAnswer');
}

const thaiMonths: [RegExp, number][] = [
  [/^(ม\.?ค\.?|มกรา(คม)?)$/, 1],
  [/^(ก\.?พ\.?|กุมภา(พันธ์)?)$/, 2],
  [/^(มี\.?ค\.?|มีนา(คม)?)$/, 3],
  [/^(เม\.?ย\.?|เมษา(ยน)?)$/, 4],
  [/^(พ\.?ค\.?|พฤษภา(คม)?)$/, 5],
  [/^(มิ\.?ย\.?|มิถุนา(ยน)?)$/, 6],
  [/^(ก\.?ค\.?|กรกฎา(คม)?)$/, 7],
  [/^(ส\.?ค\.?|สิงหา(คม)?)$/, 8],
  [/^(ก\.?ย\.?|กันยา(ยน)?)$/, 9],
  [/^(ต\.?ค\.?|ตุลา(คม)?)$/, 10],
  [/^(พ\.?ย\.?|พฤศจิกา(ยน)?)$/, 11],
  [/^(ธ\.?ค\.?|ธันวา(คม)?)$/, 12],
];
const englishMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [pattern, month] of thaiMonths) if (pattern.test(w)) return month;
  const en = englishMonths.indexOf(w.slice(0, 3));
  return en >= 0 ? en + 1 : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar day as ISO `yyyy-mm-dd` (Christian Era), or null when it does not exist. */
export function isoDay(ceYear: number, month: number, day: number): string | null {
  if (!Number.isInteger(ceYear) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || ceYear < 1 || ceYear > 9999) return null;
  const date = new Date(Date.UTC(ceYear, month - 1, day));
  if (date.getUTCFullYear() !== ceYear || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(ceYear).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The day of an Excel date serial (the 1900 date system: serial 1 is 1 January 1900, and
 * Excel's phantom 29 February 1900 is serial 60); null outside Excel's dates.
 */
export function excelSerialDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  const days = whole > 60 ? whole - 1 : whole;
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The range of years (พ.ศ.) a date from a file may fall in. */
export interface YearRange {
  minBE: number;
  maxBE: number;
}

/** A Buddhist-Era year written in a date: 4 digits ≥ 2400 are พ.ศ., below are ค.ศ.; 2 digits are พ.ศ. 25xx. */
function beYearOf(written: string): number {
  const y = Number(written);
  if (written.length <= 2) return 2500 + y;
  return y >= 2400 ? y : y + 543;
}

/**
 * A date: a date cell, an Excel serial (a number), or text — `dd/mm/yyyy` (also `-` and `.`),
 * `yyyy-mm-dd`, `15 มี.ค. 2566` or `15 March 2023` — in the Buddhist Era (a year ≥ 2400) or the
 * Christian Era; a two-digit year is read as พ.ศ. 25xx, as Thai offices write it. A date cell
 * whose year is ≥ 2400 is a พ.ศ. year typed into a date format that took it as ค.ศ.: it is read as
 * พ.ศ. (and noted). Answers the ISO day in the Christian Era.
 */
export function readDate(cell: Cell, range: YearRange): Reading<string | null> {
  const bad = unreadable(cell);
  if (bad) return no(bad);
  if (cell === null) return ok(null);
  const notes: CellNote[] = [];
  let iso: string | null = null;
  if (typeof cell === 'object' && 'date' in cell) iso = cell.date;
  else if (typeof cell === 'number') iso = excelSerialDay(cell);
  else if (typeof cell === 'string') {
    let s = cleanText(cell);
    if (s === '') return ok(null);
    if (/[๐-๙]/.test(s)) {
      notes.push('thaiDigits');
      s = normalizeThaiDigits(s);
    }
    s = s.replace(/^(วันที่|date)\s*/i, '').replace(/\s+(พ\.?ศ\.?|ค\.?ศ\.?|be|ad)\s*/gi, ' ').replace(/\s+\d{1,2}[:.]\d{2}([:.]\d{2})?$/, '').trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) iso = isoDay(beYearOf(m[3]!) - 543, Number(m[2]), Number(m[1]));
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) iso = isoDay(beYearOf(m[1]!) - 543, Number(m[2]), Number(m[3]));
    else if ((m = /^(\d{1,2})\s*([^\d\s]+)\s*(\d{2}|\d{4})$/.exec(s))) {
      const month = monthOf(m[2]!);
      iso = month ? isoDay(beYearOf(m[3]!) - 543, month, Number(m[1])) : null;
    } else if (/^\d+(\.\d+)?$/.test(s)) iso = excelSerialDay(Number(s));
  } else return no('notADate');
  if (!iso) return no('notADate');
  let ceYear = Number(iso.slice(0, 4));
  if (typeof cell !== 'string' && ceYear >= 2400) {
    // A พ.ศ. year typed into a ค.ศ. date: 15/03/2566 became the year 2566 of the Christian Era.
    ceYear -= 543;
    iso = isoDay(ceYear, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
    if (!iso) return no('notADate');
    notes.push('beYearInCeDate');
  }
  const be = ceYear + 543;
  if (be < range.minBE || be > range.maxBE) return no('dateOutOfRange');
  return ok(iso, notes);
}

/** Whether text is a whole number of 1–3 digits (after Thai digits), for หมู่ที่ and indicator numbers. */
export function smallNumberIn(text: string): number | null {
  const m = /(\d{1,3})/.exec(normalizeThaiDigits(text));
  return m ? Number(m[1]) : null;
}
