/**
 * How the command line prints: error lines, aligned tables (Thai-aware widths) and labelled
 * fields, Thai first and English second. Stored text is printed through {@link printable}, so a
 * name holding terminal escapes (from an older file, or another program) cannot colour, move or
 * clear the person's terminal.
 */
import type { AppError } from '../../shared/domain/result';

/** C0 and C1 controls, DEL, and bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every control and bidi character shown as a visible escape (`\u001b`), never sent to the terminal. */
export function printable(text: string): string {
  return text.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Thai vowel and tone marks written above or below the base letter: they take no column of
 * their own in a terminal, so `string.length` overcounts Thai text.
 */
const zeroWidth = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D]/gu;

/** The number of terminal columns `text` takes (Thai combining marks count as zero). */
export function displayWidth(text: string): number {
  return [...text.replace(zeroWidth, '')].length;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** A column of {@link table}: its header lines (Thai, English) and alignment. */
export interface Column {
  header: [string, string];
  align?: 'left' | 'right';
}

/** Rows under a two-line header (Thai, then English), each column as wide as its widest cell. */
export function table(columns: readonly Column[], rows: readonly string[][]): string {
  const safeRows = rows.map((r) => r.map(printable));
  const widths = columns.map((c, i) => Math.max(...c.header.map(displayWidth), ...safeRows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[], header = false) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, header ? 'left' : (columns[i]!.align ?? 'left')))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header[0]), true),
    line(columns.map((c) => c.header[1]), true),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...safeRows.map((r) => line(r)),
  ].join('\n');
}

/** Labelled lines (`label  value`), labels padded to the same width. */
export function fields(pairs: readonly [string, string][]): string {
  const width = Math.max(...pairs.map(([label]) => displayWidth(label)));
  return pairs.map(([label, value]) => `${pad(label, width, 'left')}  ${printable(value)}`).join('\n');
}

const oneLine = (text: string) => printable(text.replace(/\s*\n\s*/g, ' ').trim());

/**
 * The one line a refused input prints on stderr: Thai, then English. A validation error
 * names the command-line option at fault (`option`), when the caller knows it.
 */
export function errorLine(error: AppError, option?: string): string {
  const prefix = error.code === 'VALIDATION' && option ? `${option}: ` : '';
  return `error: ${prefix}${oneLine(error.messageTh)} / ${oneLine(error.messageEn)}`;
}
