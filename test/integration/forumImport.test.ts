/**
 * The forum's round trip: the problem–cause–solution workbook, the project workbook and the
 * village-plan template, exported from one forum and imported (the `import` job, kinds `pcs`,
 * `projects`, `village-plans`) into a fresh workspace with the same issues and villages, give the
 * same rows back. A file with bad rows is reported by sheet, row and column and, with --strict,
 * imports nothing; `imports undo` takes the rows away again. The command line's exit codes and
 * its --json shape are the other kinds'.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { runJobInline } from '../../src/main/services/jobs/inline';
import { fundingByColumn } from '../../src/shared/domain/forum';
import { importOutcomeSchema } from '../../src/shared/ipc/imports';
import type { ExportForm } from '../../src/shared/ipc/forum';
import { closingContexts, createNaSai, ok, resourcesDir, tempDir, testContext } from '../support/context';
import { buildForum, fixtureVillages } from '../support/forumFixture';
import { writeRowsWorkbook } from '../support/surveyFiles';

const context = closingContexts();
type Ctx = ReturnType<typeof testContext>;

const issueIdsOf = (ctx: Ctx) =>
  (ctx.session.workspace!.sqlite.prepare('select id from strategic_issues where deleted_at is null order by no').all() as { id: string }[]).map((r) => r.id);

/** A fresh workspace with the same framework, villages and plan years as the fixture's. */
async function freshWorkspace(ctx: Ctx) {
  await createNaSai(ctx, 'fresh.tambon');
  for (const v of fixtureVillages) await ok(ctx, 'villages.add', { ...v, headman: null, isCommunity: false });
  await ok(ctx, 'forum.settings.save', { planName: 'แผนพัฒนาท้องถิ่น', planRevision: null, firstYear: 2566, yearCount: 5, voteMethod: 'dots' });
}

/** What a workspace's forum holds, by issue number and หมู่ที่ rather than by ids. */
async function contents(ctx: Ctx) {
  const issues = issueIdsOf(ctx);
  const no = (id: string) => issues.indexOf(id) + 1;
  const villages = await ok(ctx, 'villages.list');
  const moo = (id: string) => villages.find((v) => v.id === id)!.moo;
  const { funders } = await ok(ctx, 'forum.settings.get');
  const pcs = (await ok(ctx, 'forum.pcs.list', {})).map((r) => ({
    issue: no(r.issueId),
    problem: r.problem,
    causes: r.causes,
    solutions: r.solutions,
    villages: r.sourceVillageIds.map(moo).sort(),
  }));
  const projects = (await ok(ctx, 'forum.projects.list', {})).map((p) => ({
    issue: no(p.issueId),
    name: p.name,
    target: p.target,
    duration: p.duration,
    yearBudgets: p.yearBudgets,
    sources: fundingByColumn(p, funders),
    villages: p.villageIds.map(moo).sort(),
  }));
  const plans = await ok(ctx, 'forum.villagePlans.list');
  const items = plans.items.map((i) => ({ moo: moo(i.villageId), kind: i.kind, text: i.text, how: i.how, estimatedBudget: i.estimatedBudget }));
  const order = <T extends { issue?: number; moo?: number }>(rows: T[]) => [...rows].sort((a, b) => (a.issue ?? a.moo ?? 0) - (b.issue ?? b.moo ?? 0));
  // A village's priorities are the order of its items of one kind.
  const byVillageAndKind = [...items].sort((a, b) => a.moo - b.moo || a.kind.localeCompare(b.kind));
  return { pcs: order(pcs), projects: projects.sort((a, b) => a.issue - b.issue || a.name.localeCompare(b.name)), items: byVillageAndKind };
}

describe('the forum workbooks read back', () => {
  const files = {} as Record<ExportForm, string>;
  let original: Awaited<ReturnType<typeof contents>>;
  let dir: string;

  beforeAll(async () => {
    const source = testContext();
    await ok(source, 'prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' });
    await createNaSai(source);
    await buildForum((channel, input) => ok(source, channel, input as never), issueIdsOf(source));
    dir = tempDir('tambon-forum-import-');
    for (const form of ['pcs', 'projects', 'village-plans'] as const) files[form] = (await ok(source, 'forum.export.xlsx', { form, path: path.join(dir, `${form}.xlsx`) })).path;
    original = await contents(source);
    await ok(source, 'workspace.close', {});
    // The fixture is what the checks below rely on: rows with several causes, villages, yearly budgets and sources.
    expect(original.pcs.some((r) => r.causes.length > 1 && r.villages.length > 0)).toBe(true);
    expect(original.projects.some((p) => Object.keys(p.yearBudgets).length > 1 && p.sources.local > 0 && p.sources.agency > 0)).toBe(true);
  }, 60_000);

  it('imports each of the three workbooks into a fresh workspace and gets the same rows back', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' });
    await freshWorkspace(ctx);
    const pcs = await runJobInline(ctx, 'import', { path: files.pcs, kind: 'pcs' });
    expect(pcs).toMatchObject({ status: 'imported', rows: { imported: original.pcs.length, rejected: 0 }, problems: [] });
    expect(pcs.sheets).toEqual(['ประเด็นที่ 1', 'ประเด็นที่ 2', 'ประเด็นที่ 3', 'ประเด็นที่ 4', 'ประเด็นที่ 5']);
    const projects = await runJobInline(ctx, 'import', { path: files.projects, kind: 'projects' });
    expect(projects).toMatchObject({ status: 'imported', rows: { imported: original.projects.length, rejected: 0 }, problems: [] });
    // The summary sheet has another header: passed over.
    expect(projects.sheets).not.toContain('สรุปแหล่งงบประมาณ');
    const plans = await runJobInline(ctx, 'import', { path: files['village-plans'], kind: 'village-plans' });
    expect(plans).toMatchObject({ status: 'imported', rows: { imported: original.items.length, rejected: 0 }, problems: [] });

    const back = await contents(ctx);
    expect(back.pcs).toEqual(original.pcs);
    expect(back.projects).toEqual(original.projects);
    expect(back.items).toEqual(original.items);

    // Each row carries its import; the history lists the three.
    const history = await ok(ctx, 'imports.list');
    expect(history.map((h) => h.kind).sort()).toEqual(['pcs', 'projects', 'village-plans']);
    const sql = ctx.session.workspace!.sqlite;
    expect((sql.prepare('select count(*) as n from pcs_rows where import_id = ? and deleted_at is null').get(pcs.importId) as { n: number }).n).toBe(original.pcs.length);

    // Undo takes them away as a whole, and nothing else.
    await ok(ctx, 'forum.pcs.add', { issueId: issueIdsOf(ctx)[0]!, values: { problem: 'พิมพ์เองในโปรแกรม' } });
    await ok(ctx, 'imports.undo', { id: pcs.importId! });
    expect((await ok(ctx, 'forum.pcs.list', {})).map((r) => r.problem)).toEqual(['พิมพ์เองในโปรแกรม']);
    await ok(ctx, 'imports.undo', { id: projects.importId! });
    await ok(ctx, 'imports.undo', { id: plans.importId! });
    expect(await ok(ctx, 'forum.projects.list', {})).toEqual([]);
    expect((await ok(ctx, 'forum.villagePlans.list')).items).toEqual([]);

    // The same file again, after the undo, imports again.
    expect(await runJobInline(ctx, 'import', { path: files.pcs, kind: 'pcs' })).toMatchObject({ status: 'imported' });
  }, 60_000);

  it('the same file imported twice is a no-op; --replace replaces its rows', async () => {
    const ctx = context();
    await freshWorkspace(ctx);
    const first = await runJobInline(ctx, 'import', { path: files.pcs, kind: 'pcs' });
    expect(await runJobInline(ctx, 'import', { path: files.pcs, kind: 'pcs' })).toMatchObject({ status: 'already-imported' });
    expect(await runJobInline(ctx, 'import', { path: files.pcs, kind: 'pcs', replace: true })).toMatchObject({ status: 'imported', previousImportId: first.importId });
    expect((await ok(ctx, 'forum.pcs.list', {})).length).toBe(original.pcs.length);
  }, 60_000);
});

describe('a workbook typed by a group', () => {
  it('names the issue by the sheet, a title or a column (number, "ประเด็นที่ N" or name); reads lists, Thai digits and separators', async () => {
    const ctx = context();
    await freshWorkspace(ctx);
    const issues = issueIdsOf(ctx);
    const names = (ctx.session.workspace!.sqlite.prepare('select name_th as name from strategic_issues where deleted_at is null order by no').all() as { name: string }[]).map((r) => r.name);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'typed.xlsx'), {
      'ประเด็นที่ 2': [['ปัญหา', 'สาเหตุ', 'แนวทางแก้ไข', 'หมู่บ้านที่เสนอ'], ['ถนนชำรุด', '- ฝนตกหนัก\n- รถบรรทุกหนัก', 'ซ่อมถนน', 'ม.1\nหมู่ที่ 3']],
      Sheet2: [['ตารางที่ทำในเวทีกลุ่มย่อย'], [`ประเด็นยุทธศาสตร์ที่ 4 ${names[3]}`], [], ['ลำดับ', 'ปัญหา', 'สาเหตุ', 'แนวทาง แก้ไข'], [1, 'ขยะล้นถัง', '1) ไม่คัดแยก', '1) ธนาคารขยะ\n2) รณรงค์']],
      Sheet3: [['ประเด็น', 'ปัญหา', 'สาเหตุ', 'แนวทางแก้ไข'], ['๑', 'ก', '', ''], ['ประเด็นที่ 5', 'ข', '', ''], [names[2]!, 'ค', '', '']],
    });
    const out = await runJobInline(ctx, 'import', { path: file, kind: 'pcs' });
    expect(out).toMatchObject({ status: 'imported', rows: { imported: 5, rejected: 0 } });
    const rows = await ok(ctx, 'forum.pcs.list', {});
    const of = (problem: string) => rows.find((r) => r.problem === problem)!;
    expect(of('ถนนชำรุด')).toMatchObject({ issueId: issues[1], causes: ['ฝนตกหนัก', 'รถบรรทุกหนัก'], solutions: ['ซ่อมถนน'] });
    expect(of('ถนนชำรุด').sourceVillageIds).toHaveLength(2);
    expect(of('ขยะล้นถัง')).toMatchObject({ issueId: issues[3], causes: ['ไม่คัดแยก'], solutions: ['ธนาคารขยะ', 'รณรงค์'] });
    expect([of('ก').issueId, of('ข').issueId, of('ค').issueId]).toEqual([issues[0], issues[4], issues[2]]);

    const projects = await writeRowsWorkbook(path.join(ctx.dir, 'projects.xlsx'), {
      'ประเด็นที่ 1': [
        ['ที่', 'โครงการ', 'งบประมาณ (บาท)', 'เป้าหมาย', 'งบท้องถิ่น', 'งบพัฒนาจังหวัด'],
        [1, 'ซ่อมถนน', '๑๒,๕๐๐', '3 สาย', '12,500', ''],
        [2, 'ประปาหมู่บ้าน', 250000, '', '', '250,000'],
      ],
    });
    expect(await runJobInline(ctx, 'import', { path: projects, kind: 'projects' })).toMatchObject({ status: 'imported', rows: { imported: 2, rejected: 0 } });
    const [road, water] = await ok(ctx, 'forum.projects.list', { issueId: issues[0]! });
    expect(road).toMatchObject({ name: 'ซ่อมถนน', target: '3 สาย', yearBudgets: {}, funding: [{ funderId: null, column: 'local', amount: 12_500 }] });
    expect(water).toMatchObject({ name: 'ประปาหมู่บ้าน', funding: [{ funderId: null, column: 'province', amount: 250_000 }] });
  });

  it('reports each bad row by sheet, row and column; --strict imports nothing', async () => {
    const ctx = context();
    await freshWorkspace(ctx);
    const file = await writeRowsWorkbook(path.join(ctx.dir, 'bad.xlsx'), {
      'ประเด็นที่ 1': [['ตารางปัญหา'], ['ลำดับที่', 'ปัญหา', 'สาเหตุ', 'แนวทางแก้ไข', 'หมู่บ้านที่เสนอ'], [1, 'น้ำไม่พอใช้', 'ฝนแล้ง', 'ขุดบ่อ', 'ม.2'], [2, '', 'ไม่มีคนดูแล', 'ตั้งกลุ่ม', ''], [3, 'ไฟฟ้าดับ', '', '', 'ม.9']],
      'ประเด็นที่ 9': [['ปัญหา', 'สาเหตุ'], ['หนี้สิน', 'ดอกเบี้ยสูง']],
    });
    const dry = await runJobInline(ctx, 'import', { path: file, kind: 'pcs', dryRun: true });
    expect(dry).toMatchObject({ status: 'dry-run', rows: { read: 4, imported: 1, rejected: 3 } });
    expect(dry.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code }))).toEqual([
      { sheet: 'ประเด็นที่ 1', row: 4, column: 'B', code: 'missingProblem' },
      { sheet: 'ประเด็นที่ 1', row: 5, column: 'E', code: 'unknownVillage' },
      { sheet: 'ประเด็นที่ 9', row: 2, column: null, code: 'unknownIssue' },
    ]);
    expect(dry.problems[1]!.message).toContain('ม.9');
    expect(dry.problems[2]!.message).toContain('ประเด็นที่ 9');
    const strict = await runJobInline(ctx, 'import', { path: file, kind: 'pcs', strict: true });
    expect(strict).toMatchObject({ status: 'refused', rows: { imported: 0 } });
    expect(await ok(ctx, 'forum.pcs.list', {})).toEqual([]);
    expect(await ok(ctx, 'imports.list')).toEqual([]);
    // Without --strict the good row goes in, and the problems are kept with the import.
    const lenient = await runJobInline(ctx, 'import', { path: file, kind: 'pcs' });
    expect(lenient).toMatchObject({ status: 'imported', rows: { imported: 1, rejected: 3 } });
    expect((await ok(ctx, 'forum.pcs.list', {})).map((r) => r.problem)).toEqual(['น้ำไม่พอใช้']);

    const plans = await writeRowsWorkbook(path.join(ctx.dir, 'plans.xlsx'), {
      'หมู่ 2 บ้านควนหรั่ง': [['หมู่ที่ 2'], ['ลำดับ', 'ประเภท', 'รายการ', 'วิธีดำเนินการ', 'งบประมาณโดยประมาณ (บาท)'], [1, 'แนวคิดโครงการ', 'ขุดสระ', 'ทำเองบ้าง', '10,000'], [2, 'แนวคิดโครงการ', 'ถนนดิน', 'ทำร่วม', 'ห้าพัน'], [3, 'ปัญหา/ความต้องการ', 'น้ำท่วม', '', '']],
      'หมู่ 7 บ้านใหม่': [['ลำดับ', 'ประเภท', 'รายการ'], [1, 'ปัญหา/ความต้องการ', 'ไฟฟ้า']],
    });
    const planOut = await runJobInline(ctx, 'import', { path: plans, kind: 'village-plans', dryRun: true });
    expect(planOut.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code }))).toEqual([
      { sheet: 'หมู่ 2 บ้านควนหรั่ง', row: 3, column: 'D', code: 'unknownHow' },
      { sheet: 'หมู่ 2 บ้านควนหรั่ง', row: 4, column: 'E', code: 'notANumber' },
      { sheet: 'หมู่ 7 บ้านใหม่', row: 2, column: null, code: 'unknownVillage' },
    ]);
    expect(planOut.rows).toMatchObject({ imported: 1, rejected: 3 });
  });
});

describe('tambon-plan import pcs | projects | village-plans', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('exit codes and the --json shape of the other kinds; imports undo removes the rows', async () => {
    const dir = tempDir('tambon-cli-forum-import-');
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
    for (const moo of ['1', '2']) expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', moo, '--name', `บ้าน ${moo}`)).code).toBe(0);
    await writeRowsWorkbook(path.join(dir, 'pcs.xlsx'), {
      'ประเด็นที่ 1': [['ปัญหา', 'สาเหตุ', 'แนวทางแก้ไข', 'หมู่บ้านที่เสนอ'], ['น้ำท่วม', '1) ทางน้ำตื้นเขิน\n2) ฝนตกหนัก', 'ขุดลอก', 'ม.1'], ['', 'ไม่รู้', '', '']],
    });

    const dry = await run('import', '--workspace', 'w.tambon', 'pcs', '--file', 'pcs.xlsx', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const json = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['kind', 'file', 'sha256', 'dryRun', 'status', 'rows', 'problems']));
    expect(importOutcomeSchema.parse(json)).toMatchObject({ kind: 'pcs', file: 'pcs.xlsx', dryRun: true, status: 'dry-run', rows: { read: 2, imported: 1, rejected: 1 } });
    expect((json.problems as { sheet: string; row: number; column: string; code: string }[]).map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([['ประเด็นที่ 1', 3, 'A', 'missingProblem']]);

    const strict = await run('import', '--workspace', 'w.tambon', 'pcs', '--file', 'pcs.xlsx', '--strict', '--json');
    expect(strict.code).toBe(1);
    expect(importOutcomeSchema.parse(JSON.parse(strict.stdout))).toMatchObject({ status: 'refused', rows: { imported: 0 } });
    expect(strict.stderr.trim().split('\n')).toHaveLength(1);

    const imported = await run('import', '--workspace', 'w.tambon', 'pcs', '--file', 'pcs.xlsx', '--json');
    expect(imported.code).toBe(0);
    const result = importOutcomeSchema.parse(JSON.parse(imported.stdout));
    expect(result).toMatchObject({ status: 'imported', rows: { imported: 1, rejected: 1 } });
    const text = await run('import', '--workspace', 'w.tambon', 'pcs', '--file', 'pcs.xlsx');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ไฟล์นี้นำเข้าไว้แล้ว');

    const list = JSON.parse((await run('imports', '--workspace', 'w.tambon', 'list', '--json')).stdout) as { id: string; kind: string }[];
    expect(list).toEqual([expect.objectContaining({ id: result.importId, kind: 'pcs' })]);
    expect((await run('imports', '--workspace', 'w.tambon', 'undo', result.importId!)).code).toBe(0);
    const after = await run('imports', '--workspace', 'w.tambon', 'list', '--json');
    expect(JSON.parse(after.stdout)).toEqual([expect.objectContaining({ id: result.importId, status: 'undone' })]);

    // A wrong kind name is a usage error.
    expect((await run('import', '--workspace', 'w.tambon', 'pcs-table', '--file', 'pcs.xlsx')).code).toBe(2);
    // A file that is no table of the kind is refused (exit 1).
    await writeRowsWorkbook(path.join(dir, 'other.xlsx'), { Sheet1: [['ชื่อ', 'ที่อยู่'], ['ก', 'ข']] });
    expect((await run('import', '--workspace', 'w.tambon', 'projects', '--file', 'other.xlsx')).code).toBe(1);
  }, 60_000);
});
