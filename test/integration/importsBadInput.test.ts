/**
 * Bad input: a file that is not a spreadsheet, a password-protected or old-format workbook, a
 * corrupt xlsx, an empty sheet, a sheet with no recognisable header, a 200 MB file, a CSV in
 * TIS-620 / Windows-874. Each gets a clear Thai message, and the workspace is unchanged: its
 * file and WAL byte for byte, and its rows. Then whole files fuzzed through the import: no crash,
 * and never part of a file written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJobInline } from '../../src/main/services/jobs/inline';
import { closingContexts, createNaSai, fails, ok } from '../support/context';
import { makeHouseholds, writeBmnWorkbook, writeCsv, writeRowsWorkbook } from '../support/surveyFiles';

const context = closingContexts();
type Ctx = ReturnType<typeof context>;

async function naSai(ctx: Ctx) {
  await createNaSai(ctx);
  for (const moo of [1, 2, 3]) await ok(ctx, 'villages.add', { moo, name: `บ้าน ${moo}` });
}

/** The workspace as bytes (file and WAL) and as row counts of every table. */
function snapshot(ctx: Ctx) {
  const ws = ctx.session.workspace!;
  const hash = (file: string) => (fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null);
  const tables = ws.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
  return {
    file: hash(ws.file),
    wal: hash(`${ws.file}-wal`),
    rows: Object.fromEntries(tables.map((t) => [t, ws.sqlite.prepare(`select count(*) from "${t}"`).pluck().get()])),
  };
}

/** Expects `path` to be refused — by the job and by the wizard's first look — with a Thai message, and the workspace unchanged. */
async function refusedWithoutChange(ctx: Ctx, file: string, thai: RegExp, input: { kind?: 'bmn' | 'accounts'; year?: number } = {}) {
  const before = snapshot(ctx);
  const viaJob = await fails(ctx, 'jobs.start', { kind: 'import', input: { path: file, kind: input.kind ?? 'bmn', year: input.year ?? 2563 } });
  const viaWizard = await fails(ctx, 'imports.inspect', { path: file, kind: input.kind ?? 'bmn' });
  for (const error of [viaJob, viaWizard]) {
    expect(error.messageTh).toMatch(thai);
    expect(error.code).not.toBe('INTERNAL');
  }
  expect(snapshot(ctx)).toEqual(before);
  expect(ctx.session.leases.size).toBe(0);
  return viaJob;
}

describe('a file that cannot be read', () => {
  it('is not a spreadsheet: a PDF, an image, any binary', async () => {
    const ctx = context();
    await naSai(ctx);
    const pdf = path.join(ctx.dir, 'report.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
    await refusedWithoutChange(ctx, pdf, /ไม่ใช่ไฟล์ตารางข้อมูล/);
    const png = path.join(ctx.dir, 'photo.xlsx');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await refusedWithoutChange(ctx, png, /ไม่ใช่ไฟล์ตารางข้อมูล/);
    const binary = path.join(ctx.dir, 'data.csv');
    fs.writeFileSync(binary, crypto.randomBytes(4096));
    await refusedWithoutChange(ctx, binary, /ไม่ใช่ไฟล์ตารางข้อมูล/);
  });

  it('is password-protected, or an old .xls', async () => {
    const ctx = context();
    await naSai(ctx);
    // An OLE2 compound file as Excel writes an encrypted workbook: its directory names the EncryptedPackage stream.
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    const encrypted = path.join(ctx.dir, 'locked.xlsx');
    fs.writeFileSync(encrypted, Buffer.concat([header, Buffer.alloc(512), Buffer.from('EncryptionInfo\0', 'utf16le'), Buffer.from('EncryptedPackage\0', 'utf16le'), Buffer.alloc(1024)]));
    await refusedWithoutChange(ctx, encrypted, /ตั้งรหัสผ่านไว้/);
    const xls = path.join(ctx.dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.concat([header, Buffer.from('Workbook\0', 'utf16le'), Buffer.alloc(2048)]));
    await refusedWithoutChange(ctx, xls, /Excel รุ่นเก่า \(\.xls\)/);
  });

  it('is a corrupt xlsx: cut short, or garbage after the zip signature', async () => {
    const ctx = context();
    await naSai(ctx);
    const good = await writeBmnWorkbook(path.join(ctx.dir, 'good.xlsx'), { households: makeHouseholds(200), year: 2563, title: true });
    const bytes = fs.readFileSync(good);
    const cut = path.join(ctx.dir, 'cut.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const garbage = path.join(ctx.dir, 'garbage.xlsx');
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(5000)]));
    for (const file of [cut, garbage]) {
      const before = snapshot(ctx);
      // The file looks like a workbook at first: the job starts, and ends refused or failed with the reason.
      const result = await runJobInline(ctx, 'import', { path: file, kind: 'bmn' }).then(
        (outcome) => ({ th: outcome.refusal?.th ?? outcome.status }),
        (error: Error & { messageTh?: string }) => ({ th: error.messageTh ?? error.message }),
      );
      expect(result.th, file).toMatch(/ไฟล์ .*\.xlsx เสียหายหรือไม่ใช่ไฟล์ Excel ที่สมบูรณ์/);
      expect(snapshot(ctx)).toEqual(before);
    }
  });

  it('has an empty sheet, or no recognisable header', async () => {
    const ctx = context();
    await naSai(ctx);
    const empty = await writeRowsWorkbook(path.join(ctx.dir, 'empty.xlsx'), { ว่าง: [] });
    const noHeader = await writeRowsWorkbook(path.join(ctx.dir, 'minutes.xlsx'), { บันทึก: [['บันทึกการประชุม'], ['วาระที่ 1', 'เรื่องแจ้ง'], ['วาระที่ 2', 'รับรองรายงาน']] });
    const headerOnly = await writeRowsWorkbook(path.join(ctx.dir, 'header-only.xlsx'), { s: [['หมู่ที่', 'ข้อ 1', 'ข้อ 2']] });
    const emptyCsv = path.join(ctx.dir, 'empty.csv');
    fs.writeFileSync(emptyCsv, '');
    for (const [file, thai] of [
      [empty, /ไม่มีข้อมูล \(ชีตว่างเปล่า\)/],
      [noHeader, /ไม่พบหัวตารางที่รู้จัก/],
      [headerOnly, /ไม่มีแถวข้อมูลใต้หัวตาราง/],
    ] as const) {
      const before = snapshot(ctx);
      const outcome = await runJobInline(ctx, 'import', { path: file, kind: 'bmn', year: 2563 });
      expect(outcome.status).toBe('refused');
      expect(outcome.refusal!.th).toMatch(thai);
      expect(snapshot(ctx)).toEqual(before);
    }
    await refusedWithoutChange(ctx, emptyCsv, /ว่างเปล่า/);
    const look = await ok(ctx, 'imports.inspect', { path: noHeader, kind: 'bmn' });
    expect(look.sheets[0]).toMatchObject({ header: null, columns: [] });
    expect(look.sheets[0]!.preview.map((r) => r.cells[0])).toEqual(['บันทึกการประชุม', 'วาระที่ 1', 'วาระที่ 2']);
  });

  it('is 200 MB: refused by its size before anything reads it (a sparse file)', async () => {
    const ctx = context();
    await naSai(ctx);
    const big = path.join(ctx.dir, 'huge.xlsx');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 200 * 1000 * 1000);
    const error = await refusedWithoutChange(ctx, big, /ใหญ่เกินไป \(190\.7 MiB เกินขีดจำกัด 100\.0 MiB\)/);
    expect(error).toMatchObject({ code: 'REFUSED', field: 'file' });
  });

  it('is missing', async () => {
    const ctx = context();
    await naSai(ctx);
    await refusedWithoutChange(ctx, path.join(ctx.dir, 'nowhere.xlsx'), /ไม่พบไฟล์/);
  });
});

describe('a CSV in TIS-620 / Windows-874', () => {
  it('is detected and converted, the Thai read right', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = writeCsv(path.join(ctx.dir, 'accounts.csv'), [['วันที่', 'หมู่ที่', 'บ้านเลขที่', 'ประเภท', 'หมวด', 'จำนวนเงิน'], ['01/02/2566', 1, '5', 'รายรับ', 'ขายข้าว', '1,500'], ['02/02/2566', 1, '5', 'รายจ่าย', 'ค่าไฟฟ้า', 300]], 'windows-874');
    const look = await ok(ctx, 'imports.inspect', { path: file, kind: 'accounts' });
    expect(look.file).toMatchObject({ format: 'csv', encoding: 'windows-874' });
    expect(look.sheets[0]!.columns.map((c) => [c.label, c.field])).toEqual([
      ['วันที่', 'date'],
      ['หมู่ที่', 'moo'],
      ['บ้านเลขที่', 'houseNo'],
      ['ประเภท', 'direction'],
      ['หมวด', 'category'],
      ['จำนวนเงิน', 'amount'],
    ]);
    const outcome = await runJobInline(ctx, 'import', { path: file, kind: 'accounts' });
    expect(outcome).toMatchObject({ status: 'imported', encoding: 'windows-874', rows: { imported: 2 } });
    expect(ctx.session.workspace!.sqlite.prepare('select category from household_account_lines order by source_row').pluck().all()).toEqual(['income.main', 'expense.necessary']);
  });
});

describe('whole files, fuzzed', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom('หมู่ที่', 'บ้านเลขที่', 'ข้อ 1', 'ข้อ 2', 'ผ่าน', 'ไม่ผ่าน', 'รวม', '๑', '1,0', '1101700230708', '', ' '),
    fc.integer({ min: -3, max: 120 }),
    fc.string({ maxLength: 6 }),
  );

  it('never crash the import, and it writes all of a file or none of it', async () => {
    const ctx = context();
    await naSai(ctx);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), fc.boolean(), async (rows, asCsv) => {
        n += 1;
        const header = ['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1', 'ข้อ 2'];
        const all = [header, ...rows];
        const file = asCsv
          ? writeCsv(path.join(ctx.dir, `f${n}.csv`), all.map((r) => r.map((c) => (c === null ? '' : c))))
          : await writeRowsWorkbook(path.join(ctx.dir, `f${n}.xlsx`), { s: all });
        const households = () => ctx.session.workspace!.sqlite.prepare('select count(*) from bmn_households').pluck().get() as number;
        const before = households();
        try {
          const outcome = await runJobInline(ctx, 'import', { path: file, kind: 'bmn', year: 2563 });
          expect(outcome.rows.read).toBe(outcome.rows.imported + outcome.rows.rejected + outcome.rows.skipped.otherTambon + outcome.rows.skipped.ignored);
          expect(households() - before).toBe(outcome.status === 'imported' ? outcome.rows.imported : 0);
        } catch (error) {
          // Only a refusal a person can read, never an internal error; and nothing written.
          expect((error as { code?: string }).code, String(error)).toMatch(/REFUSED|NOT_FOUND|VALIDATION/);
          expect(households()).toBe(before);
        }
      }),
      { numRuns: 40 },
    );
  });
});
