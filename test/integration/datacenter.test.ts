/**
 * The data center, the whole path: two tambon workspaces → signed packages → enrollment with the
 * printed fingerprint → import (dry run, then apply) → status, acceptance and the dashboards'
 * numbers, checked against sums computed here from what the tambons wrote. Then later packages:
 * changed rows by content (not rev), deletions, gaps, no-ops, the accepted view, the workbooks,
 * rotation and revocation, and the CLI's exit codes and --json shapes.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { dashboardInput } from '../../src/main/services/datacenter/status';
import { projects as projectLines } from '../../src/shared/domain/dashboard';
import { exportPackage } from '../../src/main/services/packages/packages';
import { formatFingerprint } from '../../src/shared/domain/packages';
import { closingContexts, fails, ok, resourcesDir } from '../support/context';
import { countRows, createProvince, finished, importJob, importWith, keyOf } from '../support/datacenter';
import { createTambon, passphrase } from '../support/packages';
import { createPlanTables, fillPlan, planCatalog, planYear, type GeneratedPlan } from '../support/planTables';

const context = closingContexts();

/** A tambon with a generated plan, exported once; answers its context, plan and package. */
async function tambonWithPlan(code: string, seed: number) {
  const ctx = context();
  await createTambon(ctx, code);
  const ws = ctx.session.workspace!;
  createPlanTables(ws.sqlite);
  const plan = fillPlan(ws.sqlite, { villages: 3, issues: 5, problemsPerIssue: 4, projects: 12, households: 20, ledgerLines: 30, indicators: 5 }, seed);
  const out = path.join(ctx.dir, 'out');
  const pkg = await exportPackage(ctx, ws, { outDir: out, passphrase, households: true, catalog: planCatalog() });
  return { ctx, plan, pkg, out, key: await keyOf(ctx, code) };
}

describe('the whole path: two tambons to the province', () => {
  it('enrolls, dry-runs, applies, and the dashboards equal the sums of what the tambons wrote', async () => {
    // ต.นาทราย and ต.ท่าวัง (อ.เมืองนครศรีธรรมราช), and ต.ฉวาง of another district (8008xx) get nothing.
    const a = await tambonWithPlan('800108', 1);
    const b = await tambonWithPlan('800102', 2);
    const p = context();
    await ok(p, 'prefs.set', { operatorName: 'เจ้าหน้าที่ศูนย์ข้อมูล' });
    const summary = await createProvince(p);
    expect(summary).toMatchObject({ area: { code: '80', kind: 'province', nameTh: 'นครศรีธรรมราช' }, counts: { tambonsInArea: 170, enrolled: 0 } });
    // The fingerprint as printed (groups of four, upper case) is accepted as typed.
    for (const [code, t] of [['800108', a], ['800102', b]] as const) {
      await ok(p, 'datacenter.enroll', { tambonCode: code, publicKey: t.key.text, fingerprint: formatFingerprint(t.key.fingerprint) });
    }
    const audit = p.session.datacenter!.sqlite.prepare("select operator, action from audit_log where action = 'registry.enroll'").all();
    expect(audit).toEqual([
      { operator: 'เจ้าหน้าที่ศูนย์ข้อมูล', action: 'registry.enroll' },
      { operator: 'เจ้าหน้าที่ศูนย์ข้อมูล', action: 'registry.enroll' },
    ]);
    const catalog = planCatalog();
    const dry = await importWith(p, catalog, [a.pkg.file, b.pkg.file], true);
    expect(dry.map((o) => o.status)).toEqual(['dry-run', 'dry-run']);
    expect(dry[0]!.tables.projects).toEqual({ new: 12, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
    expect(dry[0]!.tables.households).toEqual({ new: 20, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
    expect(countRows(p, 'dc_row_history')).toBe(0);
    const applied = await importWith(p, catalog, [a.pkg.file, b.pkg.file]);
    expect(applied.map((o) => [o.status, o.tambonCode, o.seq, o.kept])).toEqual([
      ['applied', '800108', 1, 'archive'],
      ['applied', '800102', 1, 'archive'],
    ]);
    // Archived content-addressed.
    expect(fs.existsSync(path.join(p.session.datacenter!.filesDir, 'archive', a.pkg.sha256.slice(0, 2), `${a.pkg.sha256}.tpkg`))).toBe(true);

    const status = await ok(p, 'datacenter.status', { view: 'latest' });
    const sa = status.tambons.find((t) => t.code === '800108')!;
    expect(sa).toMatchObject({ enrolled: true, seq: 1, packageSha256: a.pkg.sha256, accepted: false, missingSeqs: [] });
    expect(sa.rows).toMatchObject({ projects: 12, pcs_rows: 20, villages: 3, households: 20, ledger_lines: 30 });

    const dashboard = await ok(p, 'datacenter.dashboard', { view: 'latest' });
    expect(dashboard.reporting.map((t) => t.code)).toEqual(['800102', '800108']);
    expect(dashboard.nothingReceived).toHaveLength(168);
    expect(dashboard.nothingReceived.map((t) => t.code)).toContain('800801');
    // Independent sums over the two generated plans (both in อ.เมืองนครศรีธรรมราช).
    const plans: GeneratedPlan[] = [a.plan, b.plan];
    for (let issue = 1; issue <= 5; issue += 1) {
      const row = dashboard.issues.find((i) => i.districtCode === '8001' && i.issueNo === issue)!;
      const projects = plans.flatMap((pl) => pl.projects.filter((x) => x.issueNo === issue));
      expect(row.problems).toBe(plans.reduce((n, pl) => n + (pl.problemsByIssue.get(issue) ?? 0), 0));
      expect(row.projects).toBe(projects.length);
      expect(row.budget).toBe(projects.reduce((n, x) => n + x.budget, 0));
      for (const source of ['local', 'agency', 'province'] as const) {
        expect(row.bySource[source]).toBe(projects.filter((x) => x.source === source).reduce((n, x) => n + x.budget, 0));
      }
      for (const funder of new Set(projects.map((x) => x.funder))) {
        expect(row.byFunder[funder]).toBe(projects.filter((x) => x.funder === funder).reduce((n, x) => n + x.budget, 0));
      }
      expect(row.issueNameTh).not.toBe('');
    }
    expect(dashboard.flagged).toHaveLength(plans.flatMap((pl) => pl.projects.filter((x) => x.flagged)).length);
    // The ranks are the forum's (votes and tie-breaks), as each tambon ranked its projects.
    const lines = projectLines(dashboardInput(p, p.session.datacenter!, 'latest'));
    for (const [code, pl] of [['800108', a.plan], ['800102', b.plan]] as const) {
      expect(lines.filter((l) => l.tambonCode === code).map((l) => [l.issueNo, l.rank]).sort()).toEqual(pl.projects.map((x) => [x.issueNo, x.rank]).sort());
    }
    // Every indicator a tambon fails is there (the figures travel as bmn_village_results, computed at export).
    const failingNos = [...new Set(plans.flatMap((pl) => [...pl.bmn].filter(([, v]) => v.failing > 0).map(([no]) => no)))].sort((x, y) => x - y);
    expect(failingNos.length).toBeGreaterThan(0);
    expect(dashboard.bmn.map((i) => i.indicatorNo).sort((x, y) => x - y)).toEqual(failingNos);
    for (const indicator of dashboard.bmn) {
      const sums = plans.map((pl) => pl.bmn.get(indicator.indicatorNo)!);
      expect(indicator.failing).toBe(sums.reduce((n, s) => n + s.failing, 0));
      expect(indicator.inScope).toBe(sums.reduce((n, s) => n + s.inScope, 0));
      expect(indicator.tambonsFailing).toBe(sums.filter((s) => s.failing > 0).length);
    }

    // Acceptance binds to the hash; the accepted view shows the accepted package even after a newer one.
    await ok(p, 'datacenter.accept', { tambonCode: '800108' });
    expect((await ok(p, 'datacenter.status', { view: 'latest' })).tambons.find((t) => t.code === '800108')!.accepted).toBe(true);
    const ws = a.ctx.session.workspace!;
    // A change: one project's budget; a restored backup could repeat rev, so only content decides.
    ws.sqlite.prepare(`update projects set year_budgets = json_set(year_budgets, '$."${planYear}"', json_extract(year_budgets, '$."${planYear}"') + 1000) where rowid = 1`).run();
    ws.sqlite.prepare('delete from pcs_rows where rowid in (1, 2)').run();
    ws.sqlite.prepare("update villages set deleted_at = '2026-11-02T00:00:00.000Z' where moo = 1").run();
    const second = await exportPackage(a.ctx, ws, { outDir: a.out, passphrase, households: true, catalog: planCatalog() });
    expect(second.seq).toBe(2);
    const [changed] = await importWith(p, catalog, [second.file]);
    expect(changed).toMatchObject({ status: 'applied', seq: 2, missingSeqs: [] });
    expect(changed!.tables.projects).toEqual({ new: 0, changed: 1, unchanged: 11, deleted: 0, rejected: 0 });
    expect(changed!.tables.pcs_rows).toEqual({ new: 0, changed: 0, unchanged: 18, deleted: 2, rejected: 0 });
    expect(changed!.tables.villages).toMatchObject({ deleted: 1, unchanged: 2 });
    // The derived จปฐ. figures: the same ids from one export to the next, so the other villages'
    // are unchanged; the removed village's (one per indicator of the set) go with it.
    const setSize = 31;
    expect(changed!.tables.bmn_village_results).toEqual({ new: 0, changed: 0, unchanged: 2 * setSize, deleted: setSize, rejected: 0 });
    const after = (await ok(p, 'datacenter.status', { view: 'latest' })).tambons.find((t) => t.code === '800108')!;
    expect(after).toMatchObject({ seq: 2, accepted: false, acceptedSeq: 1 });
    expect(after.rows).toMatchObject({ pcs_rows: 18, villages: 2 });
    const acceptedView = (await ok(p, 'datacenter.status', { view: 'accepted' })).tambons.find((t) => t.code === '800108')!;
    expect(acceptedView).toMatchObject({ seq: 1, packageSha256: a.pkg.sha256 });
    expect(acceptedView.rows).toMatchObject({ pcs_rows: 20, villages: 3 });
    // Accepting an older package again (by its hash) rebuilds its rows from the history: the same view.
    await ok(p, 'datacenter.accept', { tambonCode: '800108', sha256: a.pkg.sha256 });
    expect((await ok(p, 'datacenter.status', { view: 'accepted' })).tambons.find((t) => t.code === '800108')!.rows).toEqual(acceptedView.rows);
    const acceptedBudget = (await ok(p, 'datacenter.dashboard', { view: 'accepted' })).issues.reduce((n, i) => n + (i.districtCode === '8001' ? i.budget : 0), 0);
    const latestBudget = (await ok(p, 'datacenter.dashboard', { view: 'latest' })).issues.reduce((n, i) => n + (i.districtCode === '8001' ? i.budget : 0), 0);
    // The accepted view holds ต.นาทราย's accepted seq 1 and nothing of ต.ท่าวัง (never accepted).
    expect(latestBudget - acceptedBudget).toBe(1000 + b.plan.projects.reduce((n, x) => n + x.budget, 0));
    // History: every revision appended, keyed by row id and seq (the removed village's figures too).
    expect(p.session.datacenter!.sqlite.prepare("select count(*) from dc_row_history where tambon_code = '800108' and seq = 2").pluck().get()).toBe(4 + setSize);

    // A gap: seq 3 is lost, seq 4 arrives.
    await exportPackage(a.ctx, ws, { outDir: path.join(a.ctx.dir, 'lost'), passphrase, households: true, catalog: planCatalog() });
    const fourth = await exportPackage(a.ctx, ws, { outDir: a.out, passphrase, households: true, catalog: planCatalog() });
    const [gap] = await importWith(p, catalog, [fourth.file]);
    expect(gap).toMatchObject({ status: 'applied', seq: 4, missingSeqs: [3] });
    expect((await importWith(p, catalog, [fourth.file]))[0]).toMatchObject({ status: 'already-imported', seq: 4 });

    // A tombstone that changes again (deleted anew) is a deletion in the history too: accepting
    // that package once a newer one is in rebuilds its rows without the village.
    ws.sqlite.prepare("update villages set deleted_at = '2026-11-03T00:00:00.000Z', name = name || ' (เดิม)' where moo = 1").run();
    const fifth = await exportPackage(a.ctx, ws, { outDir: a.out, passphrase, households: true, catalog: planCatalog() });
    expect((await importWith(p, catalog, [fifth.file]))[0]!.tables.villages).toMatchObject({ changed: 1, unchanged: 2 });
    const sixth = await exportPackage(a.ctx, ws, { outDir: a.out, passphrase, households: true, catalog: planCatalog() });
    expect((await importWith(p, catalog, [sixth.file]))[0]).toMatchObject({ status: 'applied', seq: 6 });
    await ok(p, 'datacenter.accept', { tambonCode: '800108', sha256: fifth.sha256 });
    const atFifth = (await ok(p, 'datacenter.status', { view: 'accepted' })).tambons.find((t) => t.code === '800108')!;
    expect(atFifth).toMatchObject({ seq: 5, rows: { villages: 2 } });
    // A revision's content is an array in its column set's order (no column names in every row); a set is kept once per table.
    const sets = p.session.datacenter!.sqlite.prepare('select table_name as t, columns from dc_column_sets').all() as { t: string; columns: string }[];
    expect(sets.map((x) => x.t).sort()).toEqual([...new Set(sets.map((x) => x.t))].sort());
    const villagesSet = JSON.parse(sets.find((x) => x.t === 'villages')!.columns) as string[];
    expect(villagesSet.slice(-2)).toEqual(['rev', 'updated_at']);
    const moo1 = p.session.datacenter!.sqlite
      .prepare("select content from dc_row_history where tambon_code = '800108' and table_name = 'villages' and seq = 5")
      .pluck()
      .get() as string;
    const stored = JSON.parse(moo1) as unknown[];
    expect(Array.isArray(stored)).toBe(true);
    expect(stored[villagesSet.indexOf('name')]).toMatch(/\(เดิม\)$/);

    // Workbooks.
    const budgetFile = path.join(p.dir, 'plan-budget.xlsx');
    const r = await ok(p, 'datacenter.exportXlsx', { form: 'plan-budget', path: budgetFile });
    const provinceProjects = plans.flatMap((pl) => pl.projects).filter((x) => x.source === 'province').length;
    expect(r.rows).toBe(provinceProjects);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(budgetFile);
    expect(book.worksheets[0]!.getCell('A1').text).toContain('งบพัฒนาจังหวัด');
    expect((await ok(p, 'datacenter.exportXlsx', { form: 'status', path: path.join(p.dir, 'status.xlsx') })).rows).toBe(170);
    expect((await ok(p, 'datacenter.exportXlsx', { form: 'district-plans', path: path.join(p.dir, 'plans.xlsx') })).rows).toBe(24);
  }, 120_000);
});

describe('imports through the job and the registry', () => {
  it('imports as a job with progress per package, and the app keeps answering', async () => {
    const t = context();
    await createTambon(t, '800108');
    const out = path.join(t.dir, 'out');
    const files = [];
    for (let i = 0; i < 3; i += 1) files.push((await ok(t, 'packages.export', { folder: out, passphrase })).file);
    const key = await keyOf(t, '800108');
    const p = context();
    await createProvince(p);
    await ok(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: key.text, fingerprint: key.fingerprint });
    // While the job runs in its worker, this thread answers calls (the status, here).
    const { jobId } = await ok(p, 'jobs.start', { kind: 'datacenterImport', input: { paths: [out], dryRun: true } });
    expect((await ok(p, 'datacenter.status', { view: 'latest' })).tambons).toHaveLength(170);
    expect((await finished(p, jobId)).status).toBe('done');
    const outcomes = await importJob(p, [out]);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['800108-1.tpkg', 'applied'],
      ['800108-2.tpkg', 'applied'],
      ['800108-3.tpkg', 'applied'],
    ]);
    const progress = p.events.filter((e) => e.event === 'job.progress').map((e) => e.payload as { done: number; total: number; detail: { file: string } });
    expect(progress.filter((x) => x.done === 3).at(-1)).toMatchObject({ done: 3, total: 3, detail: { file: '800108-3.tpkg' } });
    expect(p.events.some((e) => e.event === 'data.changed' && (e.payload as { capability: string }).capability === 'datacenter')).toBe(true);
    expect((await importJob(p, [files[0]!]))[0]).toMatchObject({ status: 'already-imported' });
    // A file dropped on the screen is staged (its bytes kept under the workspace's files folder by
    // their hash), then imported by id with its own name.
    const dropped = fs.readFileSync(files[2]!);
    const staged = await ok(p, 'datacenter.stage', { name: 'dropped.tpkg', base64: dropped.toString('base64') });
    expect(staged).toMatchObject({ name: 'dropped.tpkg', bytes: dropped.length });
    expect(fs.existsSync(path.join(p.session.datacenter!.filesDir, 'staging', `${staged.id}.tpkg`))).toBe(true);
    const { jobId: stagedJob } = await ok(p, 'jobs.start', { kind: 'datacenterImport', input: { staged: [{ id: staged.id, name: 'dropped.tpkg' }] } });
    const end = await finished(p, stagedJob);
    expect((end.result as { packages: { file: string; status: string }[] }).packages).toEqual([expect.objectContaining({ file: 'dropped.tpkg', status: 'already-imported' })]);
    expect((await fails(p, 'jobs.start', { kind: 'datacenterImport', input: { staged: [{ id: 'f'.repeat(64), name: 'gone.tpkg' }] } })).messageEn).toContain('drop it again');
  }, 90_000);

  it('refuses a tambon outside the area, a second key without replace; replaces a lost key; revokes after a seq', async () => {
    const t = context();
    await createTambon(t, '800108');
    await ok(t, 'packages.createKey', { passphrase });
    const key = await keyOf(t, '800108');
    const d = context();
    // A district data center (อ.เมืองนครศรีธรรมราช, 8001).
    expect((await createProvince(d, '8001')).area).toMatchObject({ kind: 'district', nameTh: 'เมืองนครศรีธรรมราช' });
    const outside = await fails(d, 'datacenter.enroll', { tambonCode: '800201', publicKey: key.text, fingerprint: key.fingerprint });
    expect(outside.messageTh).toContain('ไม่อยู่ในพื้นที่');
    await ok(d, 'datacenter.enroll', { tambonCode: '800108', publicKey: key.text, fingerprint: key.fingerprint });
    const other = context();
    await createTambon(other, '800108');
    await ok(other, 'packages.createKey', { passphrase });
    const lost = await keyOf(other, '800108');
    expect((await fails(d, 'datacenter.enroll', { tambonCode: '800108', publicKey: lost.text, fingerprint: lost.fingerprint })).code).toBe('CONFLICT');
    const replaced = await ok(d, 'datacenter.enroll', { tambonCode: '800108', publicKey: lost.text, fingerprint: lost.fingerprint, replace: true });
    expect(replaced).toMatchObject({ enrolledBy: 'replace', validFromSeq: 1, current: true });
    const keys = await ok(d, 'datacenter.keys');
    expect(keys.find((k) => k.keyId !== replaced.keyId)).toMatchObject({ current: false, revokedAfterSeq: 0 });
    expect(await ok(d, 'datacenter.revoke', { tambonCode: '800108', afterSeq: 5 })).toMatchObject({ revokedAfterSeq: 5, current: false });
  });

  it('runs on the command line: init, enroll, import (exit 0, 1 with a refused package), status --json', async () => {
    const t = context();
    const dir = t.dir;
    const env = { TAMBON_PLAN_HOME: path.join(dir, 'home2'), TAMBON_PLAN_PASSPHRASE: passphrase };
    const cli = async (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: dir, resourcesDir, appVersion: 't' });
      return { code, stdout, stderr };
    };
    expect((await cli(['init', '--workspace', 'w.tambon', '--tambon', '800108'])).code).toBe(0);
    expect((await cli(['export', '--workspace', 'w.tambon', 'package', '--out', 'out'])).code).toBe(0);
    expect((await cli(['key', '--workspace', 'w.tambon', 'export-public', '--out', 'k.pub'])).code).toBe(0);
    const fp = (JSON.parse((await cli(['key', '--workspace', 'w.tambon', 'show', '--json'])).stdout) as { fingerprint: string }).fingerprint;
    expect((await cli(['province', '--db', 'p.tpdc', 'init', '--province', '80'])).code).toBe(0);
    const wrong = await cli(['province', '--db', 'p.tpdc', 'enroll', '--pubkey', 'k.pub', '--tambon', '800108', '--fingerprint', '0'.repeat(64)]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('ลายนิ้วมือไม่ตรงกับกุญแจนี้');
    expect((await cli(['province', '--db', 'p.tpdc', 'enroll', '--pubkey', 'k.pub', '--tambon', '800108', '--fingerprint', fp])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'out', 'random.tpkg'), Buffer.from('not a zip at all'));
    const imported = await cli(['province', '--db', 'p.tpdc', 'import', 'out', '--json']);
    expect(imported.code).toBe(1);
    const shape = JSON.parse(imported.stdout) as { packages: Record<string, unknown>[] };
    expect(shape.packages.map((x) => [x.file, x.status])).toEqual([
      ['800108-1.tpkg', 'applied'],
      ['random.tpkg', 'refused'],
    ]);
    expect(Object.keys(shape.packages[0]!)).toEqual(expect.arrayContaining(['file', 'status', 'tambonCode', 'seq', 'reason', 'missingSeqs', 'tables']));
    expect((await cli(['province', '--db', 'p.tpdc', 'import', 'out/800108-1.tpkg'])).code).toBe(0);
    const status = JSON.parse((await cli(['province', '--db', 'p.tpdc', 'status', '--json'])).stdout) as { provinceCode: string; tambons: Record<string, unknown>[] };
    expect(status.provinceCode).toBe('80');
    expect(status.tambons.find((x) => x.code === '800108')).toMatchObject({ seq: 1, accepted: false, rows: { strategic_issues: 5 } });
    expect(Object.keys(status.tambons[0]!)).toEqual(expect.arrayContaining(['code', 'seq', 'packageSha256', 'accepted', 'rows']));
    expect((await cli(['province', '--db', 'p.tpdc', 'export', 'xlsx', '--form', 'status', '--out', 'status.xlsx'])).code).toBe(0);
    // The workspace commands refuse the other kind of file, saying what it is.
    const wrongKind = await cli(['info', '--workspace', 'p.tpdc']);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('ศูนย์ข้อมูล');
  });
});
