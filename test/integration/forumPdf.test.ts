/**
 * The forum's forms as PDF: printed through the print port (outside Electron: the Chromium on the
 * machine through playwright-core) from a forum with enough rows in issue 1 for its tables to run
 * onto a second page, read back with `pdftotext -layout` page by page (the Thai text, the header
 * repeated on page 2, money with thousands separators, no row split across pages, Sarabun
 * embedded) and page 1 drawn with pdftoppm into test-results/screenshots/. The command line's
 * `export … pdf` is checked for its exit codes and --json.
 *
 * Without Chromium or poppler-utils the printing checks are skipped with the reason, except under
 * CI=true, where they fail.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { dispatch } from '../../src/main/rpc/dispatch';
import { findChromiumExecutable } from '../../src/main/services/print';
import { p02Before, pcsHeadings, printTh } from '../../src/shared/domain/forumForms';
import { createNaSai, ok, resourcesDir, tempDir, testContext } from '../support/context';
import { buildForum } from '../support/forumFixture';
import { screenshotDir } from '../support/screens';
import { findTool } from '../support/tools';

// poppler-utils, found on the PATH (or TEST_TOOL_DIRS on the public CI's Windows runner).
const poppler = { pdftotext: findTool('pdftotext'), pdftoppm: findTool('pdftoppm'), pdffonts: findTool('pdffonts') };
const tools = Object.entries(poppler)
  .filter(([, found]) => !found)
  .map(([name]) => name);
const chromium = findChromiumExecutable();
const missing = [...tools, ...(chromium ? [] : ['chromium'])];
const skip = missing.length > 0 && process.env.CI !== 'true';
const reason = `needs ${missing.join(', ')} (apt-get install chromium poppler-utils)`;
if (skip) console.warn(`forum PDF exports skipped: ${reason}`);

function requireTools(): void {
  if (missing.length > 0) throw new Error(`CI=true and missing: ${missing.join(', ')} (apt-get install chromium poppler-utils)`);
}

/** The text of each page of `file`, as pdftotext lays it out. */
function pagesOf(file: string): string[] {
  const text = spawnSync(poppler.pdftotext!, ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
  return text.split('\f').slice(0, -1);
}

/** Page 1 of `file` as a PNG at 60 dpi in the screenshots folder. */
function drawFirstPage(file: string, name: string): string {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const png = spawnSync(poppler.pdftoppm!, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(screenshotDir, name)]);
  expect(png.status).toBe(0);
  return path.join(screenshotDir, `${name}.png`);
}

/** How many extra problem rows and projects issue 1 gets: enough for two pages of each table. */
const extra = 24;

describe.skipIf(skip)('forum PDF exports', () => {
  let ctx: ReturnType<typeof testContext>;
  let dir: string;

  beforeAll(async () => {
    requireTools();
    ctx = testContext();
    await createNaSai(ctx);
    const sql = ctx.session.workspace!.sqlite;
    const issueIds = (sql.prepare('select id from strategic_issues where deleted_at is null order by no').all() as { id: string }[]).map((r) => r.id);
    const fixture = await buildForum((channel, input) => ok(ctx, channel, input as never), issueIds);
    const [v1, v2] = fixture.villages;
    for (let i = 1; i <= extra; i += 1) {
      await ok(ctx, 'forum.pcs.add', {
        issueId: issueIds[0]!,
        values: {
          problem: `ปัญหาทดสอบที่ ${i} ถนนในหมู่บ้านชำรุดเป็นหลุมบ่อ`,
          causes: ['งบประมาณซ่อมบำรุงไม่เพียงพอ', `สาเหตุเฉพาะของปัญหาที่ ${i}`],
          solutions: ['ซ่อมแซมผิวถนนด้วยแอสฟัลท์ติก', `แนวทางเฉพาะของปัญหาที่ ${i}`],
          sourceVillageIds: [v1!.id, v2!.id],
        },
      });
      await ok(ctx, 'forum.projects.add', {
        issueId: issueIds[0]!,
        values: {
          name: `โครงการทดสอบที่ ${i} ปรับปรุงถนนสายหลัก`,
          workPlan: 'แผนงานอุตสาหกรรมและการโยธา',
          objective: `วัตถุประสงค์ของโครงการที่ ${i} เพื่อให้ประชาชนสัญจรได้สะดวกและปลอดภัย`,
          target: 'ถนนยาว 1,200 เมตร',
          yearBudgets: { '2567': 1_000_000 + i * 1000 },
          kpi: 'ร้อยละ 90 ของผู้ใช้ถนนพึงพอใจ',
          expectedResult: 'การสัญจรสะดวกขึ้น',
          votes: 100 - i,
        },
      });
    }
    dir = tempDir('tambon-forum-pdf-');
  }, 120_000);

  afterAll(async () => {
    if (ctx) await dispatch(ctx, 'workspace.close', {});
  });

  it('the problem–cause–solution tables: Thai text, the header repeated on page 2, rows whole, Sarabun embedded', async () => {
    const result = await ok(ctx, 'forum.export.pdf', { form: 'pcs', path: path.join(dir, 'ตาราง') });
    expect(result.path).toBe(path.join(dir, 'ตาราง.pdf'));
    const pdf = fs.readFileSync(result.path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.bytes).toBe(pdf.byteLength);
    const pages = pagesOf(result.path);
    expect(result.pages).toBe(pages.length);
    // Five issues, each from a new page, and issue 1 runs onto a second page.
    expect(pages.length).toBeGreaterThan(5);

    const [first, second] = pages as [string, string];
    expect(first).toContain(printTh.pcsTitle);
    expect(first).toContain('ประเด็นยุทธศาสตร์ที่ 1');
    expect(first).toContain('องค์การบริหารส่วนตำบลนาทราย');
    expect(first).toContain('หน้า 1 จาก');
    // Page 2 continues issue 1's table: no title, the header again, then more rows.
    expect(second).not.toContain(printTh.pcsTitle);
    for (const heading of pcsHeadings.slice(1)) expect(second).toContain(heading);
    expect(second).toMatch(/ปัญหาทดสอบที่ \d+/);
    expect(second.indexOf('แนวทางแก้ไข')).toBeLessThan(second.search(/ปัญหาทดสอบที่ \d+/));

    // No row is split: each problem's own cause and solution are on the page of its problem.
    for (let i = 1; i <= extra; i += 1) {
      const on = pages.filter((p) => p.includes(`ปัญหาทดสอบที่ ${i} `));
      expect(on, `problem ${i}`).toHaveLength(1);
      expect(on[0]).toContain(`สาเหตุเฉพาะของปัญหาที่ ${i}`);
      expect(on[0]).toContain(`แนวทางเฉพาะของปัญหาที่ ${i}`);
    }
    const fonts = spawnSync(poppler.pdffonts!, [result.path], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/Sarabun-Regular.*yes\s+yes/);
    expect(fonts).toMatch(/Sarabun-Bold.*yes\s+yes/);
    expect(fs.existsSync(drawFirstPage(result.path, 'forum-pdf-pcs'))).toBe(true);
  }, 60_000);

  it('form ผ.02: the three-row header repeated on page 2, amounts with thousands separators, audited', async () => {
    const result = await ok(ctx, 'forum.export.pdf', { form: 'p02', path: path.join(dir, 'p02.pdf') });
    const pages = pagesOf(result.path);
    expect(result.pages).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [first, second] = pages as [string, string];
    expect(first).toContain(printTh.p02Title);
    expect(first).toContain('แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เพิ่มเติม ครั้งที่ 1');
    expect(first).toContain('ยุทธศาสตร์ที่ 1');
    expect(first).toContain('1,001,000');
    expect(second).not.toContain(printTh.p02Title);
    for (const heading of [...p02Before.slice(1, 3), 'งบประมาณ', '2566', '2570', '(บาท)', 'ตัวชี้วัด (KPI)']) expect(second).toContain(heading);
    expect(second).toMatch(/โครงการทดสอบที่ \d+/);
    // The subtotal of the 24 test projects (1,000,000 + i × 1,000 each) in the year 2567.
    expect(pages.join('\n')).toContain((24_000_000 + 300_000).toLocaleString('en-US'));
    for (let i = 1; i <= extra; i += 1) {
      const on = pages.filter((p) => p.includes(`โครงการทดสอบที่ ${i} `));
      expect(on, `project ${i}`).toHaveLength(1);
      expect(on[0]).toContain(`ที่ ${i} เพื่อให้ประชาชน`);
    }
    const audit = ctx.session.workspace!.sqlite.prepare("select detail from audit_log where action = 'forum.export' order by rowid desc").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ form: 'p02', format: 'pdf', file: 'p02.pdf', pages: pages.length });
    expect(fs.existsSync(drawFirstPage(result.path, 'forum-pdf-p02'))).toBe(true);
  }, 60_000);

  it('the other forms print too (projects, register, the village-plan template)', async () => {
    for (const form of ['projects', 'register', 'village-plans'] as const) {
      const result = await ok(ctx, 'forum.export.pdf', { form, path: path.join(dir, `${form}.pdf`) });
      const text = pagesOf(result.path).join('\n');
      expect(text.length, form).toBeGreaterThan(200);
    }
    const register = pagesOf(path.join(dir, 'register.pdf'))[0]!;
    expect(register).toContain('ลายมือชื่อ');
    expect(register).toContain('นางมาลี ศรีสุข');
  }, 90_000);
});

describe('tambon-plan export … pdf', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function run(dir: string, env: NodeJS.ProcessEnv, ...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { TAMBON_PLAN_HOME: path.join(dir, 'home'), ...env },
      cwd: dir,
      resourcesDir,
      appVersion: '0.0.0-test',
    });
    return { code, stdout, stderr };
  }

  function workdir() {
    const dir = tempDir('tambon-forum-pdf-cli-');
    dirs.push(dir);
    return dir;
  }

  it.skipIf(skip)('writes the PDF (exit 0) and --json describes it', async () => {
    requireTools();
    const dir = workdir();
    expect((await run(dir, {}, 'init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    const text = await run(dir, {}, 'export', '--workspace', 'w.tambon', 'pdf', '--form', 'pcs', '--out', 'out/ตาราง.pdf');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('ส่งออก ตารางปัญหา สาเหตุ แนวทางแก้ไข');
    expect(text.stdout).toMatch(/\(5 หน้า, 0 แถว\)/);
    expect(text.stderr).toContain('ยังไม่ครบ / missing');
    expect(fs.readFileSync(path.join(dir, 'out', 'ตาราง.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const json = await run(dir, {}, 'export', '--workspace', 'w.tambon', '--json', 'pdf', '--form', 'register', '--out', 'r');
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe('');
    const result = JSON.parse(json.stdout) as { path: string; bytes: number; pages: number; form: string; format: string; readiness: { missing: number } };
    expect(result).toMatchObject({ path: path.join(dir, 'r.pdf'), form: 'register', format: 'pdf' });
    expect(result.bytes).toBe(fs.statSync(result.path).size);
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(result.readiness.missing).toBeGreaterThan(0);
  }, 60_000);

  it('refuses with one line (exit 1) when no Chromium is found, and an unknown form is a usage error (exit 2)', async () => {
    const dir = workdir();
    expect((await run(dir, {}, 'init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    const none = await run(dir, { CHROMIUM_PATH: path.join(dir, 'no-chromium') }, 'export', '--workspace', 'w.tambon', 'pdf', '--form', 'pcs', '--out', 'x.pdf');
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toContain('CHROMIUM_PATH');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    const bad = await run(dir, {}, 'export', '--workspace', 'w.tambon', 'pdf', '--form', 'budget', '--out', 'x.pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pcs, projects, p02, register, village-plans');
    const noOut = await run(dir, {}, 'export', '--workspace', 'w.tambon', 'pdf', '--form', 'pcs');
    expect(noOut.code).toBe(2);
  });
});
