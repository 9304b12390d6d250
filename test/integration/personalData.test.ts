/**
 * Personal data (PDPA): survey files carry names and 13-digit citizen ids; neither is ever
 * stored. Files with name and citizen-id columns are imported — through the app's job in its
 * worker and through the command line — and the raw bytes of the workspace file, its WAL and
 * every file of the app data folder (backups, logs, preferences) are searched for each name and
 * each id, as it was written and in its grouped form — and so are the packages exported from it,
 * with household rows and without.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { closingContexts, createNaSai, ok, resourcesDir } from '../support/context';
import { passphrase, zipEntries } from '../support/packages';
import { fakeCitizenId, fakeName, makeHouseholds, writeBmnWorkbook, writeRowsWorkbook } from '../support/surveyFiles';

const context = closingContexts();

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every needle found in any of the files, as `file: needle`. */
function traces(files: readonly string[], needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) found.push(`${path.basename(file)}: ${needle}`);
  }
  return found;
}

const grouped = (id: string) => `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;

describe('names and citizen ids in survey files', () => {
  // Imports, backups and a scan of every byte they wrote: about 24 s alone on a busy two-core machine.
  it('leave no trace in the workspace file, its WAL or its backups', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'ผู้บันทึก' });
    await createNaSai(ctx);
    for (const moo of [1, 2, 3]) await ok(ctx, 'villages.add', { moo, name: `บ้าน ${moo}` });
    const count = 40;
    const bmn = await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households: makeHouseholds(count), year: 2563, title: true, personal: true, twoRowHeader: true });
    const ledger = await writeRowsWorkbook(path.join(ctx.dir, 'ledger.xlsx'), {
      บัญชี: [
        ['วันที่', 'หมู่ที่', 'บ้านเลขที่', 'ชื่อผู้บันทึกบัญชี', 'เลขบัตรประชาชน', 'รายการ', 'รายรับ', 'รายจ่าย'],
        ...Array.from({ length: 10 }, (_, i) => ['01/02/2566', 1, `${i + 1}`, fakeName(100 + i), fakeCitizenId(100 + i), 'ขายข้าว', 1000, null]),
      ],
    });
    const leaders = await writeRowsWorkbook(path.join(ctx.dir, 'leaders.xlsx'), {
      ผู้นำ: [['หมู่ที่', 'ชื่อผู้ให้ข้อมูล', 'โทรศัพท์', 'ปัญหาที่พบ'], ...[1, 2, 3].map((moo) => [moo, fakeName(200 + moo), `08${moo}1234567`, 'ถนนชำรุด'])],
    });
    for (const input of [
      { path: bmn, kind: 'bmn' as const },
      { path: ledger, kind: 'accounts' as const },
      { path: leaders, kind: 'nrd2c' as const, year: 2566, table: { kind: 'leaders' as const, name: 'สำรวจปัญหาของผู้นำ' } },
    ]) {
      const { jobId } = await ok(ctx, 'jobs.start', { kind: 'import', input });
      const until = Date.now() + 30_000;
      while (!ctx.events.some((e) => e.event === 'job.finished' && (e.payload as { jobId: string }).jobId === jobId)) {
        if (Date.now() > until) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 20));
      }
      const finished = ctx.events.find((e) => e.event === 'job.finished' && (e.payload as { jobId: string }).jobId === jobId)!.payload as { result: { status: string } };
      expect(finished.result.status).toBe('imported');
    }
    // The command line too, into the same file (closed by the app first).
    const file = ctx.session.workspace!.file;
    const cliLedger = await writeRowsWorkbook(path.join(ctx.dir, 'ledger2.xlsx'), {
      บัญชี: [['วันที่', 'หมู่ที่', 'รหัสบ้าน', 'ชื่อ', 'รายการ', 'จำนวนเงิน', 'ประเภท'], ...Array.from({ length: 5 }, (_, i) => ['02/02/2566', 2, `H${i}`, fakeName(300 + i), 'ค่าไฟฟ้า', 200, 'รายจ่าย'])],
    });
    await ok(ctx, 'backups.create');
    const beforeClose = [file, `${file}-wal`].filter((f) => fs.existsSync(f));
    expect(beforeClose).toContain(`${file}-wal`);
    const names = [...Array.from({ length: count }, (_, i) => fakeName(i)), ...Array.from({ length: 10 }, (_, i) => fakeName(100 + i)), ...[1, 2, 3].map((m) => fakeName(200 + m)), ...Array.from({ length: 5 }, (_, i) => fakeName(300 + i))];
    const ids = [...Array.from({ length: count }, (_, i) => fakeCitizenId(i)), ...Array.from({ length: 10 }, (_, i) => fakeCitizenId(100 + i))];
    const phones = [1, 2, 3].map((m) => `08${m}1234567`);
    const needles = [...names, ...names.map((n) => n.split(' ')[0]!.replace(/^นา[ยง]/, '')), ...ids, ...ids.map(grouped), ...phones];
    expect(traces(beforeClose, needles)).toEqual([]);

    await ok(ctx, 'workspace.close');
    let stderr = '';
    const code = await runCli(['import', 'accounts', '--workspace', file, '--file', cliLedger], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: { TAMBON_PLAN_HOME: ctx.homeDir },
      cwd: ctx.dir,
      resourcesDir,
      appVersion: '0.0.0-test',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Opened again, it holds what the four imports brought, and none of their people.
    await ok(ctx, 'workspace.open', { path: file });
    expect((await ok(ctx, 'evidence.accounts', {})).tambon.households).toBe(15);
    await ok(ctx, 'backups.create');
    const all = [file, `${file}-wal`, ...filesUnder(ctx.homeDir)].filter((f) => fs.existsSync(f));
    expect(all.some((f) => f.includes('backups'))).toBe(true);
    expect(traces(all, needles)).toEqual([]);

    // Nor does a package, with household rows or without; household rows travel only when asked, keyed by the salted hash.
    for (const households of [false, true]) {
      const outcome = await ok(ctx, 'packages.export', { folder: path.join(ctx.dir, 'out'), passphrase, households });
      expect(outcome.tables.bmn_households).toEqual(households ? { travel: 'household', rows: count } : undefined);
      const entries = zipEntries(outcome.file);
      const found = Object.entries(entries).flatMap(([name, data]) => needles.filter((n) => Buffer.from(data).includes(Buffer.from(n, 'utf8'))).map((n) => `${name}: ${n}`));
      expect(found).toEqual([]);
      if (households) {
        const [header, first] = Buffer.from(entries['data/bmn_households.csv']!).toString('utf8').split('\r\n');
        const columns = header!.split(',');
        const cells = first!.split(',');
        for (const column of ['household_key', 'house_no']) expect(cells[columns.indexOf(column)]).toMatch(/^[0-9a-f]{64}$/);
      }
    }

    // The search can fail: a workspace into which a person forced the name column as a table column holds the names.
    const other = context();
    await createNaSai(other, 'forced.tambon');
    for (const moo of [1, 2, 3]) await ok(other, 'villages.add', { moo, name: `บ้าน ${moo}` });
    const mapping = [
      { column: 1, field: 'moo' as const },
      { column: 2, field: 'custom' as const, label: 'ผู้ให้ข้อมูล' },
      { column: 4, field: 'custom' as const, label: 'ปัญหา' },
    ];
    const { jobId } = await ok(other, 'jobs.start', { kind: 'import', input: { path: leaders, kind: 'nrd2c', year: 2566, mapping, table: { kind: 'leaders', name: 'x' } } });
    while (!other.events.some((e) => e.event === 'job.finished' && (e.payload as { jobId: string }).jobId === jobId)) await new Promise((r) => setTimeout(r, 20));
    const forced = other.session.workspace!.file;
    expect(traces([forced, `${forced}-wal`].filter((f) => fs.existsSync(f)), needles)).toEqual(expect.arrayContaining([`forced.tambon-wal: ${fakeName(201)}`]));
  });
});
