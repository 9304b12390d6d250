/**
 * `tambon-plan export … xlsx`: in-process through runCli over real files, and once through the
 * built launcher. Exit codes and one-line errors as the rest of the command line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cliWorkdirs } from '../support/cli';

const repoRoot = path.resolve(__dirname, '../..');
/** A temporary working folder with its own app data folder (TAMBON_PLAN_HOME). */
const workdir = cliWorkdirs('tambon-forum-cli-');

describe('tambon-plan export xlsx', () => {
  it('writes each form, says what is still missing on stderr, and --json describes the file', async () => {
    const { dir, run } = workdir();
    expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', '1', '--name', 'บ้านนาทราย')).code).toBe(0);
    const text = await run('export', '--workspace', 'w.tambon', 'xlsx', '--form', 'pcs', '--out', 'out/ตาราง.xlsx');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ส่งออก ตารางปัญหา สาเหตุ แนวทางแก้ไข');
    expect(text.stderr).toContain('หมู่ที่ 1 บ้านนาทราย: ยังไม่ได้ทบทวนแผนชุมชนรอบนี้');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', 'ตาราง.xlsx'));
    expect(wb.worksheets).toHaveLength(5);

    for (const form of ['projects', 'p02', 'register', 'village-plans']) {
      const json = await run('export', '--workspace', 'w.tambon', '--json', 'xlsx', '--form', form, '--out', `${form}.xlsx`);
      expect(json.code, json.stderr).toBe(0);
      expect(json.stderr).toBe('');
      const result = JSON.parse(json.stdout) as { path: string; bytes: number; form: string; sheets: string[]; readiness: { missing: number } };
      expect(result).toMatchObject({ path: path.join(dir, `${form}.xlsx`), form });
      expect(result.bytes).toBe(fs.statSync(result.path).size);
      expect(result.readiness.missing).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown form as a usage error, and a missing workspace with one line', async () => {
    const { run } = workdir();
    const bad = await run('export', '--workspace', 'w.tambon', 'xlsx', '--form', 'budget', '--out', 'x.xlsx');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pcs, projects, p02, register, village-plans');
    const missing = await run('export', '--workspace', 'none.tambon', 'xlsx', '--form', 'pcs', '--out', 'x.xlsx');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('ไม่พบไฟล์');
  });

  it('runs from the built launcher', () => {
    const { dir, env } = workdir();
    const cli = path.join(repoRoot, 'bin', 'tambon-plan.cjs');
    const opts = { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' as const };
    expect(spawnSync(process.execPath, [cli, 'init', '--workspace', 'w.tambon', '--tambon', '800108'], opts).status).toBe(0);
    const result = spawnSync(process.execPath, [cli, 'export', '--workspace', 'w.tambon', 'xlsx', '--form', 'register', '--out', 'r.xlsx'], opts);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'r.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
