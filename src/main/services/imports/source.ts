/**
 * Reading a file to import: what it is (an xlsx workbook, a CSV text in UTF-8, UTF-16 or
 * TIS-620 / Windows-874 — or something else, refused with a message that says what), its
 * SHA-256, and its rows, streamed: exceljs's streaming reader for a workbook, a streaming CSV
 * parser for text. Each row comes with its sheet and its number as the spreadsheet shows it;
 * cells become the `Cell`s the pure readers of src/shared take (formulas as their cached values).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import { excel } from '../excel';
import type { Cell } from '../../../shared/domain/imports/cells';
import { createCsvParser, csvCell, detectEncoding, detectSeparator, type CsvEncoding } from '../../../shared/domain/imports/csv';
import type { SheetRow } from '../../../shared/domain/imports/headers';
import { refused, ServiceError } from '../../../shared/domain/result';
import { createSheetScanner, type ScannedRow, type SheetScanContext } from './sheetXml';

/** What a file is, from its first bytes (and its name only to word a message). */
export type SourceFormat = { format: 'xlsx' } | { format: 'csv'; encoding: CsvEncoding; separator: string };

const fileName = (file: string) => path.basename(file);

/** The first `n` bytes of a file. */
async function head(file: string, n: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether an OLE2 compound file (old .xls, or an encrypted xlsx) holds Office encryption streams. */
async function isEncryptedOffice(file: string, size: number): Promise<boolean> {
  const sample = await head(file, Math.min(size, 4 * 1024 * 1024));
  return sample.includes(Buffer.from('EncryptedPackage', 'utf16le')) || sample.includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

/**
 * What the file is. Refuses, saying why in Thai and English: an empty file, a
 * password-protected workbook, an old-format .xls, an OpenDocument sheet, a PDF, an image or
 * any other binary file.
 */
export async function sniffFile(file: string, size: number): Promise<SourceFormat> {
  const name = fileName(file);
  if (size === 0) throw refused(`ไฟล์ ${name} ว่างเปล่า ไม่มีข้อมูล`, `The file ${name} is empty`, 'file');
  const bytes = await head(file, 64 * 1024);
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const text = bytes.toString('latin1');
    if (text.includes('mimetypeapplication/vnd.oasis.opendocument')) {
      throw refused(
        `ไฟล์ ${name} เป็นแบบ OpenDocument (.ods) กรุณาเปิดแล้วบันทึกเป็น Excel (.xlsx) ก่อนนำเข้า`,
        `The file ${name} is an OpenDocument sheet (.ods); save it as Excel (.xlsx) first`,
        'file',
      );
    }
    return { format: 'xlsx' };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    if (await isEncryptedOffice(file, size)) {
      throw refused(
        `ไฟล์ ${name} ตั้งรหัสผ่านไว้ โปรแกรมอ่านไม่ได้ กรุณาเปิดใน Excel เอารหัสผ่านออก (ไฟล์ → ข้อมูล → ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่`,
        `The file ${name} is password-protected and cannot be read; open it in Excel, remove the password and save it again`,
        'file',
      );
    }
    throw refused(
      `ไฟล์ ${name} เป็น Excel รุ่นเก่า (.xls) กรุณาเปิดแล้วบันทึกเป็น Excel Workbook (.xlsx) หรือ CSV ก่อนนำเข้า`,
      `The file ${name} is an old-format Excel file (.xls); save it as an Excel Workbook (.xlsx) or CSV first`,
      'file',
    );
  }
  const notASheet = () =>
    refused(
      `ไฟล์ ${name} ไม่ใช่ไฟล์ตารางข้อมูล (ต้องเป็น Excel .xlsx หรือ CSV)`,
      `The file ${name} is not a spreadsheet (it must be Excel .xlsx or CSV)`,
      'file',
    );
  if (starts(0x25, 0x50, 0x44, 0x46) || starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46) || starts(0x1f, 0x8b) || starts(0x52, 0x61, 0x72, 0x21) || starts(0x37, 0x7a, 0xbc, 0xaf)) {
    throw notASheet();
  }
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8' || encoding === 'windows-874') {
    // Text has no NUL bytes; a binary file of another kind almost always does.
    if (bytes.includes(0)) throw notASheet();
    // Most of a text's bytes are printable: a binary file passes the NUL test only by chance.
    let control = 0;
    for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control += 1;
    if (control > bytes.length / 100) throw notASheet();
  }
  const sample = new TextDecoder(encoding).decode(bytes);
  return { format: 'csv', encoding, separator: detectSeparator(sample) };
}

/** The SHA-256 of a file, streamed; `onBytes` is told the bytes read so far. */
export async function sha256File(file: string, onBytes?: (bytes: number) => void): Promise<string> {
  const hash = crypto.createHash('sha256');
  let read = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
    onBytes?.(read);
  }
  return hash.digest('hex');
}

/** A row of a sheet, as the readers stream it. */
export interface SourceRow extends SheetRow {
  sheet: string;
}

/** How a row is read: the bytes of the file read so far, for progress. */
export interface ReadOptions {
  onBytes?: (bytes: number) => void;
  /** Sheets to read (by name); the others are passed over. All when absent. */
  sheets?: ReadonlySet<string>;
  /** Stop reading a sheet after this many rows (a look at the top of each sheet). */
  maxRowsPerSheet?: number;
  /**
   * Read date-formatted cells as dates (a ledger's dates). Without it, a date cell is its Excel
   * serial, which the date reader takes too; the cell styles it needs are not kept (a large จปฐ.
   * file has no dates).
   */
  dates?: boolean;
}

/** A cell of exceljs's streaming reader as a {@link Cell}. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { date: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object') {
    const v = value as { formula?: unknown; sharedFormula?: unknown; result?: unknown; richText?: { text?: unknown }[]; error?: unknown; text?: unknown };
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { formulaWithoutValue: true };
      if (typeof v.result === 'object' && v.result !== null && 'error' in v.result) return { error: String(v.result.error) };
      return cellOf(v.result);
    }
    if (Array.isArray(v.richText)) return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if (typeof v.error === 'string') return { error: v.error };
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

/** Whether a cell came from a formula (for the report's notes). */
export function isFormula(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** A refusal for a workbook exceljs cannot read. */
function damagedWorkbook(file: string, error: unknown): ServiceError {
  const name = fileName(file);
  const detail = error instanceof Error ? error.message : String(error);
  return Object.assign(
    refused(
      `ไฟล์ ${name} เสียหายหรือไม่ใช่ไฟล์ Excel ที่สมบูรณ์ อ่านไม่ได้ (ลองเปิดใน Excel แล้วบันทึกใหม่)`,
      `The file ${name} is damaged or not a complete Excel file and cannot be read (try opening it in Excel and saving it again)`,
      'file',
    ),
    { cause: detail },
  );
}

/** A pass-through that counts the bytes going by. */
function counter(onBytes: ((bytes: number) => void) | undefined): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes);
      done(null, chunk);
    },
  });
}

/** Where formulas were read as their cached values, counted by the readers. */
export interface ReadStats {
  formulas: number;
}

/**
 * The rows of an xlsx workbook, sheet after sheet, streamed. Empty rows the file does not hold
 * are not yielded (a row's number says where it is). A damaged workbook is refused.
 */
async function* xlsxRows(file: string, options: ReadOptions, stats: ReadStats): AsyncGenerator<SourceRow> {
  const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const counted = counter(options.onBytes);
  // Important: exceljs's zip parser does not hear of an error on its input (a USB stick pulled
  // out mid-read) and would wait for data forever. So the input is ended instead: the parser
  // then meets a cut archive and stops, and the error is thrown below. (Racing every row's promise
  // against a failure promise would do it too, but keeps a reaction per row alive: memory and time.)
  let failed: unknown = null;
  source.on('error', (error) => {
    failed = error;
    counted.end();
  });
  source.pipe(counted);
  const { stream } = await excel();
  const reader = new stream.xlsx.WorkbookReader(counted, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: options.dates === false ? 'ignore' : 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let yielded = false;
  try {
    for await (const worksheet of reader) {
      const named = worksheet as ExcelJS.stream.xlsx.WorksheetReader & { name?: string; id?: unknown };
      const sheet = named.name ?? `Sheet${typeof named.id === 'number' || typeof named.id === 'string' ? named.id : ''}`;
      const wanted = !options.sheets || options.sheets.has(sheet);
      let taken = 0;
      if (options.dates === false) {
        // The lean path (see sheetXml.ts): exceljs hands over the sheet's XML, the scanner reads its cells.
        const bytes = (worksheet as unknown as ExceljsSheetInternals).iterator;
        const shared = (reader as unknown as ExceljsReaderInternals).sharedStrings;
        if (!wanted) {
          for await (const chunk of bytes) void chunk;
          continue;
        }
        for await (const row of scanSheet(bytes, { sharedStrings: shared, onFormula: () => (stats.formulas += 1) })) {
          // Breaking out leaves the rest of the sheet unread (exceljs drains its zip entry when the next sheet is asked for).
          if (options.maxRowsPerSheet !== undefined && taken >= options.maxRowsPerSheet) break;
          taken += 1;
          yielded = true;
          yield { sheet, number: row.number, cells: row.cells };
        }
        continue;
      }
      for await (const row of worksheet) {
        // Breaking out leaves the rest of the sheet unparsed (exceljs drains its zip entry when the next sheet is asked for).
        if (options.maxRowsPerSheet !== undefined && taken >= options.maxRowsPerSheet) break;
        if (!wanted) continue;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i += 1) {
          const v = values[i];
          if (isFormula(v)) stats.formulas += 1;
          cells.push(cellOf(v));
        }
        taken += 1;
        yielded = true;
        yield { sheet, number: row.number, cells };
      }
    }
  } catch (error) {
    // Important: exceljs's streaming reader sometimes stops listing a workbook's zip entries
    // when the worksheets come before workbook.xml (as exceljs itself writes them: the forum's
    // exports), and then fails on the sheets it kept aside. Such a workbook is read whole
    // instead, when it is small enough and nothing of it has been handed on yet.
    if (!failed && !yielded && fs.statSync(file).size <= wholeReadCap) {
      yield* wholeXlsxRows(file, options, stats);
      return;
    }
    throw damagedWorkbook(file, failed ?? error);
  } finally {
    source.destroy();
  }
  if (failed) throw damagedWorkbook(file, failed);
}

/**
 * Important: what the lean path takes from exceljs's streaming reader beyond its typed API (exceljs
 * 4.4, lib/stream/xlsx): a worksheet's `iterator`, the bytes of its XML (the zip entry, or the
 * temporary file exceljs wrote when the sheet came before the shared strings), and the
 * workbook's cached `sharedStrings`, complete by the time a worksheet is handed over.
 * test/unit/sheetXml.test.ts reads the same workbooks both ways, so an exceljs that changes them fails there.
 */
interface ExceljsSheetInternals {
  iterator: AsyncIterable<Buffer | string>;
}
interface ExceljsReaderInternals {
  sharedStrings?: unknown[];
}

/** The rows of a worksheet's XML bytes, decoded as UTF-8 across chunk boundaries and scanned. */
async function* scanSheet(bytes: AsyncIterable<Buffer | string>, context: SheetScanContext): AsyncGenerator<ScannedRow> {
  const decoder = new TextDecoder('utf-8');
  let rows: ScannedRow[] = [];
  const scanner = createSheetScanner(context, (row) => rows.push(row));
  for await (const chunk of bytes) {
    scanner.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const done = rows;
    rows = [];
    yield* done;
  }
  scanner.push(decoder.decode());
  scanner.end();
  yield* rows;
}

/** The largest workbook read whole when the streaming reader cannot read it. */
const wholeReadCap = 20 * 1024 * 1024;

/** The rows of an xlsx workbook read whole (see {@link xlsxRows}). */
async function* wholeXlsxRows(file: string, options: ReadOptions, stats: ReadStats): AsyncGenerator<SourceRow> {
  const { Workbook } = await excel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw damagedWorkbook(file, error);
  }
  for (const worksheet of workbook.worksheets) {
    if (options.sheets && !options.sheets.has(worksheet.name)) continue;
    const rows: SourceRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      if (options.maxRowsPerSheet !== undefined && rows.length >= options.maxRowsPerSheet) return;
      const cells: Cell[] = [];
      for (let i = 1; i <= row.cellCount; i += 1) {
        const cell = row.getCell(i);
        // A merged cell reads as its master's value here; the streaming reader (and a person) sees it once, in the master.
        const v: unknown = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
        if (isFormula(v)) stats.formulas += 1;
        cells.push(cellOf(v));
      }
      rows.push({ sheet: worksheet.name, number: row.number, cells });
    });
    yield* rows;
  }
}

/** The rows of a CSV file, streamed and decoded; its one sheet is named after the file. */
async function* csvRows(file: string, format: Extract<SourceFormat, { format: 'csv' }>, options: ReadOptions): AsyncGenerator<SourceRow> {
  const sheet = path.basename(file, path.extname(file));
  if (options.sheets && !options.sheets.has(sheet)) return;
  const decoder = new TextDecoder(format.encoding, { ignoreBOM: false });
  const parser = createCsvParser(format.separator);
  let bytes = 0;
  const toRow = (record: { number: number; fields: string[] }): SourceRow => ({ sheet, number: record.number, cells: record.fields.map(csvCell) });
  const max = options.maxRowsPerSheet ?? Infinity;
  let taken = 0;
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      options.onBytes?.(bytes);
      for (const record of parser.push(decoder.decode(chunk as Buffer, { stream: true }))) {
        if (taken++ >= max) return;
        yield toRow(record);
      }
    }
  } finally {
    stream.destroy();
  }
  for (const record of parser.push(decoder.decode())) yield toRow(record);
  for (const record of parser.end()) yield toRow(record);
}

/** The rows of a file of `format`, streamed (see {@link xlsxRows} and {@link csvRows}). */
export function readRows(file: string, format: SourceFormat, options: ReadOptions = {}, stats: ReadStats = { formulas: 0 }): AsyncGenerator<SourceRow> {
  return format.format === 'xlsx' ? xlsxRows(file, options, stats) : csvRows(file, format, options);
}
