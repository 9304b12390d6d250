/**
 * `tambon-plan import`, `imports list | undo` and `evidence bmn`: exit codes and `--json` shapes
 * as DESIGN.md §6 gives them (problems with the row as the spreadsheet shows it and the column as
 * a letter), run in-process over real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { importOutcomeSchema } from '../../src/shared/ipc/imports';
import { resourcesDir, tempDir } from '../support/context';
import { makeHouseholds, writeBmnWorkbook, writeRowsWorkbook } from '../support/surveyFiles';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function workdir() {
  const dir = tempDir('tambon-cli-imports-');
  dirs.push(dir);
  const run = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { TAMBON_PLAN_HOME: path.join(dir, 'home') },
      cwd: dir,
      resourcesDir,
      appVersion: '0.0.0-test',
    });
    return { code, stdout, stderr };
  };
  expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
  for (const moo of ['1', '2', '3']) expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', moo, '--name', `บ้าน ${moo}`)).code).toBe(0);
  return { dir, run };
}

const outcome = (stdout: string) => importOutcomeSchema.parse(JSON.parse(stdout));

describe('tambon-plan import', () => {
  it('imports (exit 0) with the --json shape; the same file again is a no-op; --replace replaces', async () => {
    const { dir, run } = await workdir();
    await writeBmnWorkbook(path.join(dir, 'bmn.xlsx'), { households: makeHouseholds(20), year: 2563, title: true });
    const first = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bmn.xlsx', '--json');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['kind', 'file', 'sha256', 'dryRun', 'status', 'rows', 'problems']));
    expect(json).toMatchObject({ kind: 'bmn', file: 'bmn.xlsx', dryRun: false, status: 'imported', rows: { read: 20, imported: 20, rejected: 0 }, problems: [] });
    expect(json.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome((await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bmn.xlsx', '--json')).stdout).status).toBe('already-imported');
    const replaced = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bmn.xlsx', '--replace', '--json');
    expect(outcome(replaced.stdout)).toMatchObject({ status: 'imported', previousImportId: json.importId });
    const text = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bmn.xlsx');
    expect(text.stdout).toContain('ไฟล์นี้นำเข้าไว้แล้ว');
  });

  it('reports problems by row and column letter; --dry-run writes nothing; --strict refuses with exit 1', async () => {
    const { dir, run } = await workdir();
    await writeRowsWorkbook(path.join(dir, 'bad.xlsx'), { จปฐ: [['จปฐ. ปี 2563'], ['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1', 'ข้อ 2'], [1, '1', 'ผ่าน', 'ผ่าน'], [1, '2', 'ผ่าน', 'ไม่แน่ใจ'], [8, '3', 'ผ่าน', 'ผ่าน']] });
    const dry = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bad.xlsx', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(outcome(dry.stdout)).toMatchObject({ status: 'dry-run', dryRun: true, rows: { read: 3, imported: 1, rejected: 2 } });
    expect(outcome(dry.stdout).problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code }))).toEqual([
      { sheet: 'จปฐ', row: 4, column: 'D', code: 'notAnAnswer' },
      { sheet: 'จปฐ', row: 5, column: 'A', code: 'unknownVillage' },
    ]);
    const strict = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bad.xlsx', '--strict', '--json');
    expect(strict.code).toBe(1);
    expect(outcome(strict.stdout)).toMatchObject({ status: 'refused', rows: { imported: 0 } });
    expect(strict.stderr.trim().split('\n')).toHaveLength(1);
    expect(strict.stderr).toContain('--strict');
    const list = await run('imports', '--workspace', 'w.tambon', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([]);
    // Without --strict the valid row is imported and the rest reported (exit 0).
    const lenient = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bad.xlsx');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/จปฐ\s+4\s+D\s+ค่า "ไม่แน่ใจ" ไม่ใช่คำตอบที่รู้จัก/);
  });

  it('says in one line why a file cannot be imported (exit 1), and a wrong command is a usage error (exit 2)', async () => {
    const { dir, run } = await workdir();
    fs.writeFileSync(path.join(dir, 'photo.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const refused = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'photo.xlsx', '--year', '2563');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^error: ไฟล์ photo\.xlsx ไม่ใช่ไฟล์ตารางข้อมูล .* \/ The file photo\.xlsx is not a spreadsheet/);
    expect((await run('import', 'pdf', '--workspace', 'w.tambon', '--file', 'x')).code).toBe(2);
    expect((await run('import', 'bmn', '--workspace', 'w.tambon')).code).toBe(2);
    const badYear = await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'photo.xlsx', '--year', '1999');
    expect(badYear.code).toBe(1);
    expect(badYear.stderr).toContain('--year: ปีที่สำรวจต้องเป็นปี พ.ศ.');
  });
});

describe('tambon-plan imports and evidence', () => {
  it('lists and undoes imports, and evidence bmn --json has DESIGN’s shape', async () => {
    const { dir, run } = await workdir();
    await writeBmnWorkbook(path.join(dir, 'bmn.xlsx'), { households: makeHouseholds(30), year: 2563, title: true });
    const imported = JSON.parse((await run('import', 'bmn', '--workspace', 'w.tambon', '--file', 'bmn.xlsx', '--json')).stdout) as { importId: string };

    const evidence = await run('evidence', '--workspace', 'w.tambon', 'bmn', '--json');
    expect(evidence).toMatchObject({ code: 0, stderr: '' });
    const e = JSON.parse(evidence.stdout) as {
      year: number;
      tambon: { households: number; indicators: { no: number; inScope: number; failing: number }[] };
      villages: { code: string; moo: number; households: number; indicators: { no: number; inScope: number; failing: number }[] }[];
    };
    expect(e.year).toBe(2563);
    expect(e.tambon.households).toBe(30);
    expect(e.tambon.indicators).toHaveLength(31);
    expect(e.tambon.indicators.find((i) => i.no === 17)).toMatchObject({ no: 17, inScope: 30, failing: 6 });
    expect(e.villages.map((v) => [v.code, v.moo, v.households])).toEqual([['80010801', 1, 10], ['80010802', 2, 10], ['80010803', 3, 10]]);
    expect(Object.keys(e.villages[0]!.indicators[0]!)).toEqual(expect.arrayContaining(['no', 'inScope', 'failing']));
    const sum = (no: number) => e.villages.reduce((a, v) => a + v.indicators.find((i) => i.no === no)!.failing, 0);
    expect(sum(17)).toBe(6);
    expect((await run('evidence', '--workspace', 'w.tambon', 'bmn')).stdout).toContain('ไม่ได้กำหนดเป้าหมาย');
    const otherYear = await run('evidence', '--workspace', 'w.tambon', 'bmn', '--year', '2561', '--json');
    expect(otherYear.code).toBe(1);
    expect(otherYear.stderr).toContain('ไม่มีข้อมูล จปฐ. ปี 2561 (มีปี 2563)');

    const list = JSON.parse((await run('imports', '--workspace', 'w.tambon', 'list', '--json')).stdout) as { id: string; status: string }[];
    expect(list).toEqual([expect.objectContaining({ id: imported.importId, status: 'active' })]);
    expect((await run('imports', '--workspace', 'w.tambon', 'list')).stdout).toContain('bmn.xlsx');
    const undo = await run('imports', '--workspace', 'w.tambon', 'undo', imported.importId);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('ยกเลิกการนำเข้า bmn.xlsx แล้ว');
    expect((await run('imports', '--workspace', 'w.tambon', 'undo', imported.importId)).code).toBe(1);
    expect((await run('imports', '--workspace', 'w.tambon', 'undo', 'nope')).code).toBe(1);
    expect(JSON.parse((await run('evidence', '--workspace', 'w.tambon', 'bmn', '--json')).stdout)).toMatchObject({ year: null, tambon: { households: 0 } });
  });
});
