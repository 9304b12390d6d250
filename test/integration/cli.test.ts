/**
 * The tambon-plan command line: in-process through runCli over real SQLite files in temporary
 * folders, and once through the real built launcher (`node bin/tambon-plan.cjs`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceSummarySchema } from '../../src/shared/domain/workspace';
import { cliWorkdirs } from '../support/cli';

const repoRoot = path.resolve(__dirname, '../..');
/** A temporary working folder with its own app data folder (TAMBON_PLAN_HOME). */
const workdir = cliWorkdirs('tambon-cli-');

/** The lines of `text`, without the final newline. */
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

/** The workspace summary a `--json` command printed, read through the contract's schema (so its shape is checked too). */
const summaryOf = (stdout: string) => workspaceSummarySchema.parse(JSON.parse(stdout));

describe('tambon-plan init and info', () => {
  it('creates a workspace for ต.นาทราย and info --json describes it', async () => {
    const { dir, run } = workdir();
    const init = await run('init', '--workspace', 'nasai.tambon', '--tambon', '800108');
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain('นาทราย');
    expect(fs.existsSync(path.join(dir, 'nasai.tambon'))).toBe(true);

    const info = await run('info', '--workspace', 'nasai.tambon', '--json');
    expect(info.code).toBe(0);
    expect(info.stderr).toBe('');
    const summary = summaryOf(info.stdout);
    expect(summary.tambon).toMatchObject({ code: '800108', nameTh: 'นาทราย', provinceCode: '80' });
    // The default framework is the preset of the tambon's province.
    expect(summary.framework.id).toBe('nst-coop-phase2');
    expect(summary.office).toEqual({ type: 'sao', name: 'องค์การบริหารส่วนตำบลนาทราย' });
    expect(summary.counts).toEqual({ villages: 0 });
    expect(summary.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(summary.path).toBe(path.join(dir, 'nasai.tambon'));
  });

  it('init --json prints the summary; office type and name follow the options', async () => {
    const { run } = workdir();
    const init = await run('init', '--workspace', 'sub/w.tambon', '--tambon', '800108', '--office-type', 'tambon-municipality', '--json');
    expect(init.code).toBe(0);
    expect(summaryOf(init.stdout).office).toEqual({ type: 'tambon-municipality', name: 'เทศบาลตำบลนาทราย' });
  });

  it('refuses an unknown tambon code with one line and creates nothing', async () => {
    const { dir, run } = workdir();
    const result = await run('init', '--workspace', 'x.tambon', '--tambon', '999999');
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('999999');
    expect(fs.existsSync(path.join(dir, 'x.tambon'))).toBe(false);
  });

  it('refuses to init over an existing file and leaves it unchanged', async () => {
    const { dir, run } = workdir();
    expect((await run('init', '--workspace', 'nasai.tambon', '--tambon', '800108')).code).toBe(0);
    const file = path.join(dir, 'nasai.tambon');
    const before = fs.readFileSync(file);
    const again = await run('init', '--workspace', 'nasai.tambon', '--tambon', '800108', '--json');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(lines(again.stderr)).toHaveLength(1);
    expect(again.stderr).toMatch(/^error: .*มีไฟล์ชื่อนี้อยู่แล้ว.* \/ .*already exists/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'บันทึกการประชุม\n');
    expect((await run('init', '--workspace', 'notes.txt', '--tambon', '800108')).code).toBe(1);
    expect(fs.readFileSync(notes, 'utf8')).toBe('บันทึกการประชุม\n');
  });

  it('refuses info on a text file and leaves it byte-for-byte unchanged', async () => {
    const { dir, run } = workdir();
    const file = path.join(dir, 'plan.tambon');
    const bytes = Buffer.from('นี่ไม่ใช่ฐานข้อมูล / not a database\n');
    fs.writeFileSync(file, bytes);
    const result = await run('info', '--workspace', 'plan.tambon', '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('not a TambonPlan workspace');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['plan.tambon']);
  });
});

describe('tambon-plan villages', () => {
  async function withWorkspace() {
    const w = workdir();
    expect((await w.run('init', '--workspace', 'nasai.tambon', '--tambon', '800108')).code).toBe(0);
    return w;
  }

  it('adds villages and lists them by หมู่ที่ with their DOPA codes', async () => {
    const { run } = await withWorkspace();
    const added = await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '3', '--name', 'บ้านควนกรด', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ moo: 3, name: 'บ้านควนกรด', code: '80010803' });
    expect((await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '1', '--name', 'บ้านนาทราย', '--households', '212', '--population', '780', '--headman', 'นายสมชาย ใจดี')).code).toBe(0);
    // Options of `villages` may also follow the subcommand; Thai digits are read as numbers.
    expect((await run('villages', 'add', '--moo', '๒', '--name', 'บ้านหัวนา', '--workspace', 'nasai.tambon')).code).toBe(0);

    const list = await run('villages', '--workspace', 'nasai.tambon', 'list', '--json');
    expect(list.code).toBe(0);
    const villages = JSON.parse(list.stdout) as { moo: number; code: string; households: number | null; headman: string | null }[];
    expect(villages.map((v) => v.moo)).toEqual([1, 2, 3]);
    expect(villages.map((v) => v.code)).toEqual(['80010801', '80010802', '80010803']);
    expect(villages[0]).toMatchObject({ households: 212, headman: 'นายสมชาย ใจดี' });

    const text = await run('villages', '--workspace', 'nasai.tambon', 'list');
    expect(text.code).toBe(0);
    const rows = lines(text.stdout).filter((l) => /^\s*\d+\s+8001080\d/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['1', '2', '3']);
    expect(text.stdout).toContain('3 หมู่บ้าน / 3 villages');

    const info = summaryOf((await run('info', '--workspace', 'nasai.tambon', '--json')).stdout);
    expect(info.counts.villages).toBe(3);
  });

  it('refuses a duplicate หมู่ที่ with exit 1 and one line', async () => {
    const { run } = await withWorkspace();
    expect((await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '2', '--name', 'บ้านหัวนา')).code).toBe(0);
    const dup = await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '2', '--name', 'บ้านใหม่', '--json');
    expect(dup.code).toBe(1);
    expect(dup.stdout).toBe('');
    expect(lines(dup.stderr)).toHaveLength(1);
    expect(dup.stderr).toContain('หมู่ที่ 2');
    expect(dup.stderr).toContain('Village number 2 already exists');
  });

  it('refuses หมู่ที่ 0 as a validation error naming --moo', async () => {
    const { run } = await withWorkspace();
    const result = await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '0', '--name', 'บ้านศูนย์');
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/--moo/);
    expect(result.stderr).toContain('หมู่ที่');
    const list: unknown = JSON.parse((await run('villages', '--workspace', 'nasai.tambon', 'list', '--json')).stdout);
    expect(list).toEqual([]);
  });

  it('treats a non-numeric --moo, an unknown command or a missing option as usage errors (exit 2)', async () => {
    const { run } = await withWorkspace();
    const abc = await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', 'abc', '--name', 'x');
    expect(abc.code).toBe(2);
    expect(abc.stderr).toContain('--moo');
    expect(lines(abc.stderr)).toHaveLength(1);
    expect(abc.stdout).toBe('');

    const unknown = await run('frobnicate', '--workspace', 'nasai.tambon');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(lines(unknown.stderr)).toHaveLength(1);

    expect((await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '4')).code).toBe(2);
    expect((await run('villages', 'list')).code).toBe(2);
    const bogus = await run('info', '--workspace', 'nasai.tambon', '--bogus');
    expect(bogus.code).toBe(2);
    expect(lines(bogus.stderr)).toHaveLength(1);
    expect((await run('init', '--workspace', 'y.tambon', '--tambon', '800108', '--office-type', 'city')).code).toBe(2);
  });

  it('answers --help and --version with exit 0 on stdout', async () => {
    const { run } = workdir();
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('villages');
    expect(await run('--version')).toMatchObject({ code: 0, stdout: '0.0.0-test\n' });
  });
});

describe('the built launcher (node bin/tambon-plan.cjs)', () => {
  const bundle = path.join(repoRoot, 'dist', 'cli.cjs');
  const launcher = path.join(repoRoot, 'bin', 'tambon-plan.cjs');

  /** The newest modification time among the sources the CLI bundle is built from. */
  function newestSource(dir: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
    return newest;
  }

  beforeAll(() => {
    const sources = Math.max(newestSource(path.join(repoRoot, 'src', 'main')), newestSource(path.join(repoRoot, 'src', 'shared')));
    if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sources) {
      execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    }
  }, 120_000);

  it('runs init and villages list --json as a separate process', () => {
    const { dir } = workdir();
    const env = { ...process.env, TAMBON_PLAN_HOME: path.join(dir, 'home') };
    const spawn = (...args: string[]) => spawnSync(process.execPath, [launcher, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });

    const init = spawn('init', '--workspace', 'nasai.tambon', '--tambon', '800108', '--json');
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(summaryOf(init.stdout).tambon.nameTh).toBe('นาทราย');

    expect(spawn('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '1', '--name', 'บ้านนาทราย').status).toBe(0);
    const list = spawn('villages', '--workspace', 'nasai.tambon', 'list', '--json');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ moo: 1, code: '80010801', name: 'บ้านนาทราย' }]);

    const dup = spawn('villages', '--workspace', 'nasai.tambon', 'add', '--moo', '1', '--name', 'ซ้ำ');
    expect(dup.status).toBe(1);
    expect(lines(dup.stderr)).toHaveLength(1);
    expect(spawn('nonsense').status).toBe(2);
  });

  it('says to run npm run build (exit 2) when the bundle is missing', () => {
    const { dir } = workdir();
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(launcher, path.join(dir, 'bin', 'tambon-plan.cjs'));
    const result = spawnSync(process.execPath, [path.join(dir, 'bin', 'tambon-plan.cjs'), 'info'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('npm run build');
  });
});

describe('scripts and the person\'s app data', () => {
  async function initialised() {
    const w = workdir();
    expect((await w.run('init', '--workspace', 'nasai.tambon', '--tambon', '800108')).code).toBe(0);
    return { run: w.run, home: w.env.TAMBON_PLAN_HOME };
  }
  const listBackupFiles = (home: string) =>
    fs.readdirSync(path.join(home, 'backups'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tpbak')).sort();

  const preferencesOf = (home: string) => {
    const file = path.join(home, 'preferences.json');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  };

  it('init leaves the recent list alone', async () => {
    const { home } = await initialised();
    // The defect: init put the new file on the person's recent list.
    const prefs = preferencesOf(home);
    expect(prefs === null ? [] : (JSON.parse(prefs) as { recent: unknown[] }).recent).toEqual([]);
  });

  it('reading a workspace takes no backup and leaves the recent list alone', async () => {
    const { run, home } = await initialised();
    const backupsBefore = listBackupFiles(home);
    const recentBefore = preferencesOf(home);
    for (let i = 0; i < 5; i += 1) {
      expect((await run('info', '--workspace', 'nasai.tambon', '--json')).code).toBe(0);
      expect((await run('villages', '--workspace', 'nasai.tambon', 'list')).code).toBe(0);
    }
    expect(listBackupFiles(home)).toEqual(backupsBefore);
    expect(preferencesOf(home)).toBe(recentBefore);
  });

  it('many changes in a row take at most one backup an hour', async () => {
    const { run, home } = await initialised();
    const before = listBackupFiles(home).length;
    for (let moo = 1; moo <= 5; moo += 1) expect((await run('villages', '--workspace', 'nasai.tambon', 'add', '--moo', String(moo), '--name', `หมู่ ${moo}`)).code).toBe(0);
    expect(listBackupFiles(home).length).toBe(before);
  });
});
