/**
 * Imports over real SQLite files and real xlsx / CSV files written by exceljs and by code:
 * every kind, the quirks of files as offices make them, problems named by sheet / row / column
 * letter, re-import by SHA-256, --replace, undo, --strict, --dry-run, the remembered mapping per
 * layout, the job in its worker (progress, the app answering, cancel with nothing written) and
 * the report of rejected rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/ipc/contract';
import type { ImportOutcome } from '../../src/shared/ipc/imports';
import { confinedPaths } from '../../src/main/harness/server';
import { faultyFs, nodeFs } from '../../src/main/services/ports';
import { runJobInline } from '../../src/main/services/jobs/inline';
import { closingContexts, createNaSai, fails, ok } from '../support/context';
import { makeHouseholds, writeBmnWorkbook, writeCsv, writeRowsWorkbook } from '../support/surveyFiles';

const context = closingContexts();
type Ctx = ReturnType<typeof context>;

/** ต.นาทราย with หมู่ที่ 1–3. */
async function naSai(ctx: Ctx) {
  await ok(ctx, 'prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' });
  await createNaSai(ctx);
  for (const moo of [1, 2, 3]) await ok(ctx, 'villages.add', { moo, name: `บ้านทดสอบ ${moo}` });
}

const count = (ctx: Ctx, table: string, live = true) =>
  ctx.session.workspace!.sqlite.prepare(`select count(*) from ${table}${live ? ' where deleted_at is null' : ''}`).pluck().get() as number;

const importFile = (ctx: Ctx, input: Parameters<typeof runJobInline<'import'>>[2]) => runJobInline(ctx, 'import', input);

const waitFor = async (predicate: () => boolean, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('a จปฐ. import', () => {
  it('reads a workbook as offices make it: title rows, a two-row header, name and id columns left out, a formula, a totals row', async () => {
    const ctx = context();
    await naSai(ctx);
    const households = makeHouseholds(60);
    const file = await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households, title: true, year: 2563, personal: true, twoRowHeader: true, totals: true, formulas: true });
    const out = await importFile(ctx, { path: file, kind: 'bmn' });
    expect(out).toMatchObject({ status: 'imported', year: 2563, setId: 'bmn-2560-2564', rows: { read: 60, imported: 60, rejected: 0, skipped: { totals: 1 } }, problems: [] });
    expect(out.notes).toMatchObject({ formula: 1 });
    expect(count(ctx, 'bmn_households')).toBe(60);

    // The figures are the file's: indicator 17 fails in every 5th household.
    const e = await ok(ctx, 'evidence.bmn', {});
    const no17 = e.tambon.indicators.find((i) => i.no === 17)!;
    expect(no17).toMatchObject({ inScope: 60, failing: 12, passPercent: 80, target: null });
    for (const v of e.villages) {
      const own = households.filter((h) => h.moo === v.village.moo);
      expect(v.households).toBe(own.length);
      expect(v.indicators.find((i) => i.no === 17)!.failing).toBe(own.filter((h) => h.answers[16] === 'ไม่ผ่าน').length);
      // Indicators 1 and 2 are blank (not applicable) in two households of three.
      expect(v.indicators[0]!.inScope).toBe(own.filter((h) => h.answers[0] !== '').length);
    }
    expect(e.sources).toEqual([expect.objectContaining({ importId: out.importId, fileName: 'bmn.xlsx', kind: 'bmn' })]);

    // The import is recorded, with the operator, and audited.
    const [record] = await ok(ctx, 'imports.list');
    expect(record).toMatchObject({ id: out.importId, kind: 'bmn', fileName: 'bmn.xlsx', sha256: out.sha256, surveyYear: 2563, operator: 'นางสาวสมใจ ใจดี', status: 'active', rows: { read: 60, imported: 60, rejected: 0 } });
    const audit = ctx.session.workspace!.sqlite.prepare("select operator, detail from audit_log where action = 'import.bmn'").get() as { operator: string; detail: string };
    expect(audit.operator).toBe('นางสาวสมใจ ใจดี');
    expect(JSON.parse(audit.detail)).toMatchObject({ importId: out.importId, changes: { bmn_households: [], imports: [out.importId] } });
  });

  it('converts Thai digits, numbers stored as text, thousands separators; names each bad cell by sheet, row and column letter', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'quirks.xlsx'), {
      'หมู่ 1-3': [
        ['สรุปผล จปฐ. ปี ๒๕๖๓'],
        ['หมู่ที่', 'บ้านเลขที่', 'สมาชิก', 'ข้อ 1', 'ข้อ 2', 'ข้อ 22', 'อาชีพหลัก'],
        ['๑', '๑๒/๓', '๔', 'ผ่าน', '✓', 1, '๑๒๐,๐๐๐'],
        [2, '7', { formula: '1+2', result: 3 }, 'ไม่ผ่าน', '✗', 0, '45,000.50'],
        [2, '8', 2, 'ผ่านแล้วมั้ง', 'ผ่าน', 1, 1000],
        [9, '1', 2, 'ผ่าน', 'ผ่าน', 1, 1000],
        [2, '7', 3, 'ผ่าน', 'ผ่าน', 1, 1000],
        [],
        ['รวม', null, 14],
      ],
    });
    const out = await importFile(ctx, { path: file, kind: 'bmn' });
    expect(out).toMatchObject({ status: 'imported', year: 2563, rows: { read: 5, imported: 2, rejected: 3, skipped: { totals: 1 } } });
    expect(out.notes).toMatchObject({ thaiDigits: 4, numberAsText: 3, thousandsSeparator: 2, formula: 1 });
    expect(out.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ['หมู่ 1-3', 5, 'D', 'notAnAnswer'],
      ['หมู่ 1-3', 6, 'A', 'unknownVillage'],
      ['หมู่ 1-3', 7, 'B', 'duplicateHousehold'],
    ]);
    expect(out.problems[0]!.message).toBe('ค่า "ผ่านแล้วมั้ง" ไม่ใช่คำตอบที่รู้จัก (ใช้ ผ่าน / ไม่ผ่าน / ไม่เกี่ยวข้อง, 1 / 0 / ว่าง หรือ ✓ / ✗)');
    const rows = ctx.session.workspace!.sqlite.prepare('select house_no, members, answers, income_main from bmn_households order by source_row').all();
    const answers = (pattern: RegExp): unknown => expect.stringMatching(pattern);
    expect(rows).toEqual([
      { house_no: '12/3', members: 4, answers: answers(/^PP-{19}P$/), income_main: 120000 },
      { house_no: '7', members: 3, answers: answers(/^FF-{19}F$/), income_main: 45000.5 },
    ]);
    // The problems are kept (without the cells' values) for the report.
    expect(count(ctx, 'import_problems', false)).toBe(3);
  });

  it('is a no-op when the same file comes again, replaces with --replace, and is undone as a whole', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households: makeHouseholds(30), year: 2563, title: true });
    const first = await importFile(ctx, { path: file, kind: 'bmn' });
    const audits = () => count(ctx, 'audit_log', false);
    const before = audits();
    const again = await importFile(ctx, { path: file, kind: 'bmn' });
    expect(again).toMatchObject({ status: 'already-imported', previousImportId: first.importId, importId: null, rows: { read: 0 } });
    expect(audits()).toBe(before);
    expect(count(ctx, 'bmn_households')).toBe(30);

    const replaced = await importFile(ctx, { path: file, kind: 'bmn', replace: true });
    expect(replaced).toMatchObject({ status: 'imported', previousImportId: first.importId, rows: { imported: 30 } });
    expect(count(ctx, 'bmn_households')).toBe(30);
    expect(count(ctx, 'bmn_households', false)).toBe(60);
    const list = await ok(ctx, 'imports.list');
    expect(list.map((i) => [i.id, i.status])).toEqual([
      [replaced.importId, 'active'],
      [first.importId, 'replaced'],
    ]);

    ctx.events.length = 0;
    const undone = await ok(ctx, 'imports.undo', { id: replaced.importId! });
    expect(undone.status).toBe('undone');
    expect(count(ctx, 'bmn_households')).toBe(0);
    expect(ctx.events.find((e) => e.event === 'data.changed')?.payload).toMatchObject({ capability: 'imports', action: 'import.undo', tables: { bmn_households: [], imports: [replaced.importId] } });
    expect((await ok(ctx, 'evidence.bmn', {})).year).toBeNull();
    expect((await fails(ctx, 'imports.undo', { id: replaced.importId! })).code).toBe('CONFLICT');
    // Undone, the file can be imported again as new.
    expect((await importFile(ctx, { path: file, kind: 'bmn' })).status).toBe('imported');
  });

  it('refuses, with --strict, a file with any rejected row; a dry run writes nothing', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'bad.xlsx'), { s: [['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1'], [1, '1', 'ผ่าน'], [1, '2', 'บางที']] });
    const strict = await importFile(ctx, { path: file, kind: 'bmn', year: 2563, strict: true });
    expect(strict).toMatchObject({ status: 'refused', rows: { read: 2, imported: 0, rejected: 1 }, importId: null });
    expect(strict.refusal!.th).toContain('--strict');
    const dry = await importFile(ctx, { path: file, kind: 'bmn', year: 2563, dryRun: true });
    expect(dry).toMatchObject({ status: 'dry-run', rows: { imported: 1, rejected: 1 }, importId: null });
    expect(dry.preview.rows).toEqual([['2', '1', '', '1', '', '1', '0', '0', '']]);
    expect(count(ctx, 'imports', false)).toBe(0);
    expect(count(ctx, 'bmn_households', false)).toBe(0);
  });

  it('rejects a household already imported for the same year from another file', async () => {
    const ctx = context();
    await naSai(ctx);
    const a = await writeRowsWorkbook(path.join(ctx.dir, 'a.xlsx'), { s: [['หมู่ที่', 'รหัสบ้าน', 'ข้อ 1'], [1, '80010800001', 'ผ่าน']] });
    const b = await writeRowsWorkbook(path.join(ctx.dir, 'b.xlsx'), { s: [['หมู่ที่', 'รหัสบ้าน', 'ข้อ 1'], [1, '80010800001', 'ไม่ผ่าน'], [1, '80010800002', 'ผ่าน']] });
    await importFile(ctx, { path: a, kind: 'bmn', year: 2563 });
    const second = await importFile(ctx, { path: b, kind: 'bmn', year: 2563 });
    expect(second.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 'B', 'householdAlreadyImported']]);
    // The same file again, even for another year, is the same file.
    expect((await importFile(ctx, { path: b, kind: 'bmn', year: 2562 })).status).toBe('already-imported');
    // Another year is another survey.
    const c = await writeRowsWorkbook(path.join(ctx.dir, 'c.xlsx'), { s: [['หมู่ที่', 'รหัสบ้าน', 'ข้อ 1'], [1, '80010800001', 'ไม่ผ่าน']] });
    expect((await importFile(ctx, { path: c, kind: 'bmn', year: 2562 })).rows.imported).toBe(1);
  });

  it('asks for the year when nothing says it, and for a set when none covers the year', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'noyear.xlsx'), { s: [['หมู่ที่', 'ข้อ 1', 'ข้อ 2'], [1, 'ผ่าน', 'ผ่าน']] });
    expect((await importFile(ctx, { path: file, kind: 'bmn' })).refusal!.th).toContain('กรุณาระบุปีที่สำรวจ');
    expect((await importFile(ctx, { path: file, kind: 'bmn', year: 2567 })).refusal!.th).toContain('ไม่มีชุดตัวชี้วัด จปฐ. สำหรับปี 2567');
    expect(count(ctx, 'imports', false)).toBe(0);
  });
});

describe('TPMAP, village tables and household accounts', () => {
  it('TPMAP counts from a CSV with 10-digit village ids; rows of other tambons passed over; household answers win', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = writeCsv(path.join(ctx.dir, 'tpmap.csv'), [
      ['village_ID', 'indicator1.ALL', 'indicator1.CNT', 'indicator17.ALL', 'indicator17.CNT', 'households'],
      ['8001080100', 40, 4, 100, 25, 100],
      ['8001080200', 30, 3, 80, 8, 80],
      ['8001090100', 10, 1, 10, 1, 10],
    ]);
    const out = await importFile(ctx, { path: file, kind: 'tpmap', year: 2563 });
    expect(out).toMatchObject({ status: 'imported', encoding: 'utf-8', rows: { read: 3, imported: 2, skipped: { otherTambon: 1 } } });
    const e = await ok(ctx, 'evidence.bmn', { year: 2563 });
    expect(e.villages.map((v) => [v.village.moo, v.source, v.households])).toEqual([[1, 'aggregates', 100], [2, 'aggregates', 80], [3, null, 0]]);
    expect(e.tambon.indicators.find((i) => i.no === 17)).toMatchObject({ inScope: 180, failing: 33, passPercent: 81.7 });
    // The same villages again from another file of the same year: rejected.
    const again = writeCsv(path.join(ctx.dir, 'tpmap2.csv'), [['village_ID', 'indicator1.ALL', 'indicator1.CNT'], ['80010801', 1, 0]]);
    expect((await importFile(ctx, { path: again, kind: 'tpmap', year: 2563 })).problems.map((p) => p.code)).toEqual(['villageAlreadyImported']);
    // หมู่ 1's household answers take its place.
    const bmn = await writeRowsWorkbook(path.join(ctx.dir, 'm1.xlsx'), { s: [['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1'], [1, '1', 'ไม่ผ่าน'], [1, '2', 'ผ่าน']] });
    await importFile(ctx, { path: bmn, kind: 'bmn', year: 2563 });
    const mixed = await ok(ctx, 'evidence.bmn', { year: 2563 });
    expect(mixed.villages[0]).toMatchObject({ source: 'households', households: 2 });
    expect(mixed.tambon.indicators[0]).toMatchObject({ inScope: 32, failing: 4 });
  });

  it('a กชช.2ค table with grades and the office’s own columns', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'nrd2c.xlsx'), {
      'กชช 2ค': [
        ['ข้อมูลพื้นฐานระดับหมู่บ้าน (กชช.2ค) ปี 2564'],
        ['หมู่ที่', 'ชื่อหมู่บ้าน', 'ระดับหมู่บ้าน', 'ถนนลูกรัง (กม.)', 'ปัญหาหลัก'],
        [1, 'บ้านทดสอบ 1', 'ล้าหลัง', 3.5, 'น้ำท่วมขัง'],
        [2, 'บ้านทดสอบ 2', '๓', 0, 'ขาดตลาด'],
        [3, 'บ้านทดสอบ 3', 'อันดับ 1', '1,200', ''],
      ],
    });
    const out = await importFile(ctx, { path: file, kind: 'nrd2c' });
    expect(out).toMatchObject({ status: 'imported', year: 2564, rows: { imported: 3 } });
    const [table] = await ok(ctx, 'evidence.villageTables');
    expect(table).toMatchObject({ kind: 'nrd2c', name: 'กชช.2ค', year: 2564, grades: { 1: 2, 2: 0, 3: 1, none: 0 } });
    expect(table!.columns).toEqual([
      { column: 2, label: 'ชื่อหมู่บ้าน', type: 'text' },
      { column: 4, label: 'ถนนลูกรัง (กม.)', type: 'number' },
      { column: 5, label: 'ปัญหาหลัก', type: 'text' },
    ]);
    expect(table!.rows.map((r) => [r.village.moo, r.grade, r.values['4']])).toEqual([[1, 1, 3.5], [2, 3, 0], [3, 1, 1200]]);
    const issues = await ok(ctx, 'evidence.commonIssues', {});
    expect(issues.issues.find((i) => i.key === 'nrd2c:grade1')).toMatchObject({ villages: [{ moo: 1 }, { moo: 3 }] });
  });

  it('household accounts: BE dates, Excel dates, income and expense columns, categories mapped by the person', async () => {
    const ctx = context();
    await naSai(ctx);
    const rows = [
      ['บัญชีครัวเรือน'],
      ['วันที่', 'หมู่ที่', 'บ้านเลขที่', 'รายการ', 'รายรับ', 'รายจ่าย'],
      ['01/01/2566', 1, '5', 'ขายยาง', '12,000', null],
      [new Date(Date.UTC(2023, 0, 15)), 1, '5', 'ปุ๋ย', null, 3000],
      ['20/01/66', 1, '5', 'ค่าหวย', null, 500],
      ['03/02/2566', 1, '5', 'ทำบุญงานบวช', null, 2000],
      ['05/02/2566', 1, '5', 'ผ่อนรถ', null, 4000],
      ['15/01/2566', 2, '9', 'ซื้อข้าวสาร', null, 800],
      ['31/02/2566', 2, '9', 'ข้าวสาร', null, 800],
    ];
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'accounts.xlsx'), { บัญชี: rows });
    const first = await importFile(ctx, { path: file, kind: 'accounts', dryRun: true });
    expect(first.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [6, 'D', 'unknownCategory'],
      [9, 'A', 'notADate'],
    ]);
    expect(first.unknownCategories).toEqual([{ key: 'ทำบุญงานบวช', text: 'ทำบุญงานบวช', count: 1 }]);
    const out = await importFile(ctx, { path: file, kind: 'accounts', categoryMap: { ทำบุญงานบวช: 'expense.necessary' } });
    expect(out).toMatchObject({ status: 'imported', rows: { read: 7, imported: 6, rejected: 1 } });
    const a = await ok(ctx, 'evidence.accounts', {});
    expect(a.year).toBe(2566);
    const moo1 = a.villages.find((v) => v.village.moo === 1)!;
    // Income 12,000; expense 3,000 + 500 + 2,000 + 4,000 = 9,500; February: 0 income, 6,000 expense → in deficit.
    expect(moo1).toMatchObject({ households: 1, income: 12_000, expense: 9_500, debtRepayment: 4_000, unnecessary: 500, householdsWithDeficitMonths: 1, householdsInDeficit: 0 });
    expect(moo1.debtBurdenPercent).toBe(33.3);
    expect(a.tambon).toMatchObject({ households: 2, income: 12_000, expense: 10_300 });
  });

  it('a CSV in TIS-620 / Windows-874 is detected and converted', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = writeCsv(path.join(ctx.dir, 'tis.csv'), [['หมู่ที่', 'บ้านเลขที่', 'ตัวชี้วัดที่ 1', 'ตัวชี้วัดที่ 2'], [1, '10', 'ผ่าน', 'ไม่ผ่าน'], [2, '11', 'ไม่เกี่ยวข้อง', 'ผ่าน']], 'windows-874');
    const out = await importFile(ctx, { path: file, kind: 'bmn', year: 2563 });
    expect(out).toMatchObject({ status: 'imported', encoding: 'windows-874', rows: { imported: 2 } });
    expect(ctx.session.workspace!.sqlite.prepare('select answers from bmn_households order by source_row').pluck().all()).toEqual(['PF', 'NP']);
  });
});

describe('the wizard’s first look and its memory', () => {
  it('shows the sheets, the header, the mapping with samples (none from personal columns) and whether the file came before', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households: makeHouseholds(10), year: 2563, title: true, personal: true });
    const look = await ok(ctx, 'imports.inspect', { path: file, kind: 'bmn' });
    expect(look).toMatchObject({ kind: 'bmn', alreadyImported: null, file: { name: 'bmn.xlsx', format: 'xlsx' }, indicatorSet: { id: 'bmn-2560-2564' } });
    const [sheet] = look.sheets;
    expect(sheet).toMatchObject({ name: 'จปฐ', header: { firstRow: 3, rows: 1 }, yearInTitle: 2563, remembered: false });
    const byLetter = Object.fromEntries(sheet!.columns.map((c) => [c.letter, c]));
    expect(byLetter.D).toMatchObject({ label: 'ชื่อ-สกุลหัวหน้าครัวเรือน', field: 'personal', samples: [] });
    expect(byLetter.E).toMatchObject({ field: 'personal', samples: [] });
    expect(byLetter.B!.samples.slice(0, 2)).toEqual(['10/1', '11/2']);
    // (The file's SHA-256 is left out: its hex digits may run to 13 decimal digits by chance.)
    expect(JSON.stringify(look.sheets)).not.toMatch(/ทดสอบ\d|\d{13}/);

    // The person corrects the mapping (column C is not the house code here) and imports.
    const mapping = sheet!.columns.map((c) => ({ column: c.column, field: c.letter === 'C' ? ('ignore' as const) : (c.field as never) }));
    await importFile(ctx, { path: file, kind: 'bmn', mapping });
    const next = await writeBmnWorkbook(path.join(ctx.dir, 'bmn-next.xlsx'), { households: makeHouseholds(5), year: 2562, title: true, personal: true });
    const again = await ok(ctx, 'imports.inspect', { path: next, kind: 'bmn' });
    expect(again.sheets[0]).toMatchObject({ remembered: true });
    expect(again.sheets[0]!.columns.find((c) => c.letter === 'C')!.field).toBe('ignore');
    expect((await ok(ctx, 'imports.inspect', { path: file, kind: 'bmn' })).alreadyImported).toMatchObject({ operator: 'นางสาวสมใจ ใจดี' });
  });

  it('lets a person choose the header row when none was found', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'odd.xlsx'), { s: [['ลำดับ', 'ม.', 'บ้าน', 'ผลข้อ1'], ['หมายเลข', 'หมู่ที่', 'บ้านเลขที่', 'ข้อ 1'], [1, 1, '3', 'ผ่าน']] });
    const look = await ok(ctx, 'imports.inspect', { path: file, kind: 'bmn', header: { firstRow: 2, rows: 1 } });
    expect(look.sheets[0]!.columns.map((c) => c.field)).toEqual(['ignore', 'moo', 'houseNo', 'indicator:1']);
    expect((await importFile(ctx, { path: file, kind: 'bmn', year: 2563, header: { firstRow: 2, rows: 1 } })).rows.imported).toBe(1);
  });
});

describe('the import job', () => {
  it('runs in its worker: progress with rows per second, the app answers meanwhile, the end after the change event', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeBmnWorkbook(path.join(ctx.dir, 'big.xlsx'), { households: makeHouseholds(3000), year: 2563, title: true });
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'import', input: { path: file, kind: 'bmn' } });
    const answered: number[] = [];
    while (!ctx.events.some((e) => e.event === 'job.finished')) {
      const t = Date.now();
      await ok(ctx, 'villages.list');
      answered.push(Date.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const finished = ctx.events.find((e) => e.event === 'job.finished')!.payload as EventPayload<'job.finished'>;
    expect(finished).toMatchObject({ jobId, kind: 'import', status: 'done', result: { status: 'imported', rows: { imported: 3000 } } });
    const progress = ctx.events.filter((e) => e.event === 'job.progress').map((e) => (e.payload as { detail: { phase: string; rowsPerSecond: number } }).detail);
    expect(progress.some((p) => p.phase === 'reading' && p.rowsPerSecond > 0)).toBe(true);
    expect(answered.length).toBeGreaterThan(2);
    const changed = ctx.events.findIndex((e) => e.event === 'data.changed' && (e.payload as { capability: string }).capability === 'imports');
    expect(changed).toBeGreaterThan(-1);
    expect(changed).toBeLessThan(ctx.events.findIndex((e) => e.event === 'job.finished'));
    expect(count(ctx, 'bmn_households')).toBe(3000);
  });

  it('cancelled, leaves nothing written', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeBmnWorkbook(path.join(ctx.dir, 'big.xlsx'), { households: makeHouseholds(6000), year: 2563, title: true });
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'import', input: { path: file, kind: 'bmn' } });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.progress' && (e.payload as { detail: { phase: string } }).detail.phase === 'reading'));
    expect(await ok(ctx, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.finished'));
    expect(ctx.events.find((e) => e.event === 'job.finished')!.payload).toMatchObject({ status: 'cancelled', result: null });
    expect(count(ctx, 'imports', false)).toBe(0);
    expect(count(ctx, 'bmn_households', false)).toBe(0);
    expect(ctx.events.some((e) => e.event === 'data.changed' && (e.payload as { capability: string }).capability === 'imports')).toBe(false);
  });

  it('refuses at once a path the transport does not allow, and a missing file', async () => {
    const ctx = context();
    await naSai(ctx);
    ctx.paths = confinedPaths(ctx.dir);
    expect(await fails(ctx, 'jobs.start', { kind: 'import', input: { path: '/etc/passwd', kind: 'bmn' } })).toMatchObject({ code: 'REFUSED', field: 'path' });
    expect(await fails(ctx, 'imports.inspect', { path: '../outside.xlsx', kind: 'bmn' })).toMatchObject({ code: 'REFUSED', field: 'path' });
    const missing = await fails(ctx, 'jobs.start', { kind: 'import', input: { path: path.join(ctx.dir, 'nope.xlsx'), kind: 'bmn' } });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'path' });
    expect(ctx.session.leases.size).toBe(0);
  });
});

describe('the report of rejected rows', () => {
  async function readReport(file: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows: unknown[][] = [];
    workbook.getWorksheet('แถวที่ไม่ผ่าน')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { names: workbook.worksheets.map((w) => w.name), rows };
  }

  it('is an xlsx of every problem, from a dry run (with the values) and from the history (without)', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'bad.xlsx'), { s: [['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1'], [1, '1', 'ผ่าน'], [7, '2', 'ผ่าน'], [1, '3', 'บางที']] });
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'import', input: { path: file, kind: 'bmn', year: 2563, dryRun: true } });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.finished'));
    const target = path.join(ctx.dir, 'report.xlsx');
    expect(await ok(ctx, 'imports.saveReport', { source: { jobId }, path: target })).toEqual({ path: target, problems: 2 });
    const report = await readReport(target);
    expect(report.names).toEqual(['สรุป', 'แถวที่ไม่ผ่าน']);
    expect(report.rows.slice(3).map((r) => r.slice(0, 4))).toEqual([
      ['s', 3, 'A', 'หมู่ที่ 7'],
      ['s', 4, 'C', 'บางที'],
    ]);
    const imported = await importFile(ctx, { path: file, kind: 'bmn', year: 2563 });
    const fromHistory = path.join(ctx.dir, 'history.xlsx');
    await ok(ctx, 'imports.saveReport', { source: { importId: imported.importId! }, path: fromHistory });
    const history = (await readReport(fromHistory)).rows.slice(3);
    expect(history.map((r) => [r[1], r[2], r[3] ?? ''])).toEqual([
      [3, 'A', ''],
      [4, 'C', ''],
    ]);
    expect(String(history[0]![4])).toMatch(/^ไม่พบหมู่บ้าน ในทะเบียน/);
    expect(String(history[1]![5])).toMatch(/^The value is not a recognised answer/);
  });

  it('is written atomically: a failed rename leaves no report and no temporary file', async () => {
    const ctx = context();
    await naSai(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'bad.xlsx'), { s: [['หมู่ที่', 'ข้อ 1'], [7, 'ผ่าน']] });
    const imported: ImportOutcome = await importFile(ctx, { path: file, kind: 'bmn', year: 2563 });
    const out = path.join(ctx.dir, 'reports');
    fs.mkdirSync(out);
    ctx.fs = faultyFs(nodeFs, { op: 'link', code: 'EACCES', when: (f) => f.startsWith(out) });
    ctx.fs = faultyFs(ctx.fs, { op: 'rename', code: 'EACCES', when: (f) => f.startsWith(out) });
    expect((await fails(ctx, 'imports.saveReport', { source: { importId: imported.importId! }, path: path.join(out, 'r.xlsx') })).code).toBe('REFUSED');
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
