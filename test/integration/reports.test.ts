/**
 * Progress reports, the whole path: projects of two tambons with statuses and progress updates →
 * the tambon's report (numbers equal to sums this test computes from what it wrote) → its Excel
 * workbook read by LibreOffice and its PDF read by pdftotext → signed packages (lessons and
 * progress updates travel; the recorder's name never does) → the data center → clusters (the
 * district, a group a person made, removed and restored) whose sums equal the tambons' own
 * reports → the cluster workbook and PDF, on the command line too.
 *
 * Without LibreOffice, Chromium or poppler-utils those checks are skipped with the reason, except
 * under CI=true, where they fail.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { findChromiumExecutable } from '../../src/main/services/print';
import { progressStatuses } from '../../src/shared/domain/progress';
import { closingContexts, fails, ok, resourcesDir } from '../support/context';
import { createProvince, importJob, keyOf } from '../support/datacenter';
import { convertToCsv, findSoffice } from '../support/libreoffice';
import { createTambon, passphrase, zipEntries } from '../support/packages';

const context = closingContexts();
const soffice = findSoffice();
const chromium = findChromiumExecutable();
const pdftotext = fs.existsSync('/usr/bin/pdftotext');
const ci = process.env.CI === 'true';
const canPrint = Boolean(chromium) && pdftotext;
if (!soffice.ok) console.warn(`progress workbook not opened in LibreOffice: ${soffice.reason}`);
if (!canPrint) console.warn('progress PDF not checked: needs chromium and poppler-utils');

const pdfText = (file: string) => spawnSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

interface Made {
  name: string;
  issue: number;
  status: (typeof progressStatuses)[number];
  budget: number;
  update?: { percent: number; received: number | null };
}

/** A tambon with projects of known statuses, budgets and updates, and a lesson. */
async function tambonWithProjects(code: string, made: Made[]) {
  const ctx = context();
  await ok(ctx, 'prefs.set', { operatorName: 'ผู้ทดสอบ' });
  await createTambon(ctx, code);
  const issueIds = ctx.session.workspace!.sqlite.prepare('select id from strategic_issues where deleted_at is null order by no').pluck().all() as string[];
  for (const m of made) {
    const p = await ok(ctx, 'forum.projects.add', { issueId: issueIds[m.issue - 1]!, values: { name: m.name, status: m.update ? 'proposed' : m.status, yearBudgets: { '2569': m.budget } } });
    if (m.update) {
      await ok(ctx, 'reports.updates.add', { projectId: p.id, values: { reportedOn: '2026-01-10', percent: 5, status: 'in-plan', fundedAmount: null, note: 'รายงานแรก' } });
      await ok(ctx, 'reports.updates.add', { projectId: p.id, values: { reportedOn: '2026-04-10', percent: m.update.percent, status: m.status, fundedAmount: m.update.received, note: `ความก้าวหน้า${m.name}` } });
    }
  }
  await ok(ctx, 'lessons.create', {
    values: {
      title: `บทเรียนของตำบล ${code}`,
      heldOn: '2026-04-20',
      place: null,
      recorder: 'นางบันทึก ไม่ส่งออก',
      story: 'เรื่องเล่าที่ส่งไปจังหวัดได้',
      knowledgeAssets: '',
      coreCompetency: '',
      strategy: '',
      relatedRules: '',
      keywords: ['ทดสอบ'],
      target: null,
    },
  });
  return ctx;
}

/** What the test expects of a list of projects: the written rule, computed here. */
function expected(made: Made[]) {
  const byStatus = Object.fromEntries(progressStatuses.map((s) => [s, made.filter((m) => m.status === s).length]));
  const funded = made.filter((m) => m.status === 'funded' || m.status === 'done').reduce((a, m) => a + (m.update?.received ?? m.budget), 0);
  return { projects: made.length, byStatus, planned: made.reduce((a, m) => a + m.budget, 0), funded, done: byStatus.done };
}

const naSai: Made[] = [
  { name: 'ถนนคอนกรีตหมู่ 1', issue: 1, status: 'done', budget: 500_000, update: { percent: 100, received: 480_000 } },
  { name: 'ธนาคารปุ๋ยอินทรีย์', issue: 2, status: 'funded', budget: 120_000, update: { percent: 40, received: null } },
  { name: 'ตลาดชุมชน', issue: 2, status: 'in-plan', budget: 80_000 },
  { name: 'ศูนย์เด็กเล็ก', issue: 3, status: 'proposed', budget: 300_000 },
];
const thaWang: Made[] = [
  { name: 'ขุดลอกคลอง', issue: 3, status: 'done', budget: 250_000, update: { percent: 100, received: 250_000 } },
  { name: 'กลุ่มแปรรูปข้าว', issue: 2, status: 'proposed', budget: 60_000 },
];

describe('the tambon progress report', () => {
  it('sums per strategic issue what the tambon wrote; the latest update moves a project\'s status; Excel and PDF say the same', async () => {
    const ctx = await tambonWithProjects('800108', naSai);
    const report = await ok(ctx, 'reports.progress', {});
    expect(report.tambon).toMatchObject({ code: '800108', nameTh: 'นาทราย' });
    expect(report.total).toMatchObject(expected(naSai));
    expect(report.total.meanPercent).toBe(70);
    for (const issue of [1, 2, 3]) expect(report.issues.find((i) => i.issueNo === issue), `issue ${issue}`).toMatchObject(expected(naSai.filter((m) => m.issue === issue)));
    // The project took its latest update's status; the earlier update stays in the history.
    const road = report.issues[0]!.projectList[0]!;
    expect(road).toMatchObject({ status: 'done', percent: 100, reportedOn: '2026-04-10', funded: 480_000 });
    const history = await ok(ctx, 'reports.updates.list', { projectId: road.id });
    expect(history.map((u) => u.percent)).toEqual([100, 5]);
    // An update of an earlier date does not move the status back; delete and undo.
    const old = await ok(ctx, 'reports.updates.add', { projectId: road.id, values: { reportedOn: '2025-12-01', percent: 0, status: 'proposed', fundedAmount: null, note: '' } });
    expect((await ok(ctx, 'reports.progress', {})).issues[0]!.projectList[0]!.status).toBe('done');
    await ok(ctx, 'reports.updates.remove', { id: old.id });
    expect(await ok(ctx, 'reports.updates.list', { projectId: road.id })).toHaveLength(2);
    await ok(ctx, 'reports.updates.restore', { id: old.id });
    expect(await ok(ctx, 'reports.updates.list', { projectId: road.id })).toHaveLength(3);
    // Thai messages name the field.
    const bad = await fails(ctx, 'reports.updates.add', { projectId: road.id, values: { reportedOn: '2026-13-01', percent: 120, status: 'done', fundedAmount: null, note: '' } });
    expect(bad.messageTh).toMatch(/วันที่รายงาน|ร้อยละความก้าวหน้า/);
    const percent = await fails(ctx, 'reports.updates.add', { projectId: road.id, values: { reportedOn: '2026-05-01', percent: 120, status: 'done', fundedAmount: null, note: '' } });
    expect(percent.messageTh).toContain('ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100');

    const xlsx = await ok(ctx, 'reports.exportXlsx', { path: path.join(ctx.dir, 'ความก้าวหน้า') });
    expect(xlsx).toMatchObject({ path: path.join(ctx.dir, 'ความก้าวหน้า.xlsx'), sheets: ['สรุปตามประเด็น', 'รายโครงการ'], rows: 5 + naSai.length });
    if (soffice.ok) {
      const sheets = convertToCsv(soffice.path, [xlsx.path]).get(xlsx.path)!;
      const summary = sheets.get('สรุปตามประเด็น')!;
      expect(summary[0]![0]).toBe('รายงานความก้าวหน้าการดำเนินงานตามแผนพัฒนาตำบล');
      const total = summary.find((r) => r[0] === 'รวมทั้งตำบล')!;
      // LibreOffice recalculates the SUM formulas: counts, then planned and funded baht.
      expect(total.slice(1, 8).map((v) => Number(v.replace(/,/g, '')))).toEqual([4, 1, 1, 1, 1, 1_000_000, 600_000]);
      const projects = sheets.get('รายโครงการ')!;
      expect(projects.find((r) => r[2] === 'ถนนคอนกรีตหมู่ 1')).toEqual(expect.arrayContaining(['ดำเนินการแล้วเสร็จ', '500000', '480000', '100', '10 เม.ย. 2569', 'ความก้าวหน้าถนนคอนกรีตหมู่ 1']));
    } else if (ci) throw new Error(soffice.reason);

    if (canPrint) {
      const pdf = await ok(ctx, 'reports.exportPdf', { path: path.join(ctx.dir, 'ความก้าวหน้า.pdf') });
      expect(pdf.pages).toBeGreaterThanOrEqual(2);
      const text = pdfText(pdf.path);
      for (const s of ['รายงานความก้าวหน้าการดำเนินงานตามแผนพัฒนาตำบล', 'ตำบลนาทราย', 'รวมทั้งตำบล', '1,000,000', 'ความก้าวหน้ารายโครงการ', 'ธนาคารปุ๋ยอินทรีย์', 'ได้รับงบประมาณ']) expect(text, s).toContain(s);
      fs.mkdirSync(path.resolve(__dirname, '../../test-results/screenshots'), { recursive: true });
      spawnSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf.path, path.resolve(__dirname, '../../test-results/screenshots/progress-pdf-page1')]);
    } else if (ci) throw new Error('chromium and poppler-utils are needed');
  }, 120_000);
});

describe('cluster progress at the data center', () => {
  it('packages carry lessons and progress updates (never the recorder), and clusters sum the tambons\' own reports', async () => {
    const a = await tambonWithProjects('800108', naSai);
    const b = await tambonWithProjects('800102', thaWang);
    const own = { '800108': (await ok(a, 'reports.progress', {})).total, '800102': (await ok(b, 'reports.progress', {})).total };
    const files: string[] = [];
    for (const t of [a, b]) {
      const pkg = await ok(t, 'packages.export', { folder: path.join(t.dir, 'out'), passphrase });
      files.push(pkg.file);
      const entries = zipEntries(pkg.file);
      expect(Object.keys(entries)).toEqual(expect.arrayContaining(['data/lessons.csv', 'data/project_updates.csv']));
      expect(Object.keys(entries)).not.toContain('data/lesson_recorders.csv');
      for (const [name, data] of Object.entries(entries)) expect(Buffer.from(data).toString('utf8'), name).not.toContain('นางบันทึก');
    }
    const p = context();
    await createProvince(p);
    for (const [code, t] of [['800108', a], ['800102', b]] as const) {
      const key = await keyOf(t, code);
      await ok(p, 'datacenter.enroll', { tambonCode: code, publicKey: key.text, fingerprint: key.fingerprint });
    }
    const outcomes = await importJob(p, files);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(outcomes[0]!.tables.lessons).toMatchObject({ new: 1 });
    expect(outcomes[0]!.tables.project_updates).toMatchObject({ new: 4 });

    const report = await ok(p, 'reports.clusters', { view: 'latest', scope: 'all' });
    const city = report.clusters.find((c) => c.cluster.id === 'district:8001')!;
    expect(city.cluster).toMatchObject({ nameTh: 'อ.เมืองนครศรีธรรมราช', kind: 'district' });
    const received = city.tambons.filter((t) => t.seq !== null);
    expect(received.map((t) => t.code)).toEqual(['800102', '800108']);
    for (const t of received) expect(t, t.code).toMatchObject(own[t.code as keyof typeof own]);
    const both = expected([...naSai, ...thaWang]);
    expect(city.total).toMatchObject(both);
    expect(city.notReporting).toBe(city.tambons.length - 2);
    // A district without packages sums to nothing.
    expect(report.clusters.find((c) => c.cluster.id === 'district:8008')!.total.projects).toBe(0);

    // A group a person makes: only its tambons; a code outside the area is refused, naming the field.
    const group = await ok(p, 'reports.clusters.save', { nameTh: 'กลุ่มลุ่มน้ำปากพนัง', tambonCodes: ['800108'] });
    expect(group).toMatchObject({ kind: 'custom', tambonCodes: ['800108'] });
    const outside = await fails(p, 'reports.clusters.save', { nameTh: 'นอกพื้นที่', tambonCodes: ['100101'] });
    expect(outside).toMatchObject({ code: 'VALIDATION', field: 'tambonCodes' });
    expect((await fails(p, 'reports.clusters.save', { nameTh: '', tambonCodes: ['800108'] })).messageTh).toContain('ชื่อกลุ่มตำบล');
    const custom = await ok(p, 'reports.clusters', { view: 'latest', scope: 'custom' });
    expect(custom.clusters).toHaveLength(1);
    expect(custom.clusters[0]!.total).toMatchObject(expected(naSai));
    await ok(p, 'reports.clusters.remove', { id: group.id });
    expect((await ok(p, 'reports.clusters', { view: 'latest', scope: 'custom' })).clusters).toHaveLength(0);
    await ok(p, 'reports.clusters.restore', { id: group.id });
    expect((await ok(p, 'reports.clusters', { view: 'latest', scope: 'custom' })).clusters).toHaveLength(1);
    expect((await fails(p, 'reports.clusters.remove', { id: 'district:8001' })).code).toBe('REFUSED');
    // Nothing accepted yet: the accepted view counts no project.
    expect((await ok(p, 'reports.clusters', { view: 'accepted', scope: 'district' })).clusters.every((c) => c.total.projects === 0)).toBe(true);

    const xlsx = await ok(p, 'reports.clusters.exportXlsx', { path: path.join(p.dir, 'กลุ่มตำบล.xlsx'), view: 'latest', scope: 'all' });
    expect(xlsx.sheets[0]).toBe('สรุปกลุ่มตำบล');
    expect(xlsx.sheets).toContain('กลุ่มลุ่มน้ำปากพนัง');
    if (soffice.ok) {
      const sheets = convertToCsv(soffice.path, [xlsx.path]).get(xlsx.path)!;
      const citySheet = sheets.get('อ.เมืองนครศรีธรรมราช')!;
      const total = citySheet.find((r) => r[0] === 'รวม อ.เมืองนครศรีธรรมราช')!;
      expect(total.slice(1, 8).map((v) => Number(v.replace(/,/g, '')))).toEqual([both.projects, ...progressStatuses.map((s) => both.byStatus[s]!), both.planned, both.funded]);
      expect(citySheet.some((r) => r[0] === 'ต.นาทราย อ.เมืองนครศรีธรรมราช')).toBe(true);
    } else if (ci) throw new Error(soffice.reason);

    if (canPrint) {
      // The command line: province … export pdf --form progress.
      const file = p.session.datacenter!.file;
      await ok(p, 'datacenter.close', {});
      let stdout = '';
      let stderr = '';
      const code = await runCli(['province', '--db', file, 'export', 'pdf', '--form', 'progress', '--out', 'กลุ่ม.pdf', '--json'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: { TAMBON_PLAN_HOME: path.join(p.dir, 'cli-home') },
        cwd: p.dir,
        resourcesDir,
        appVersion: '0.0.0-test',
      });
      expect(code, stderr).toBe(0);
      const json = JSON.parse(stdout) as { file: string; pages: number };
      expect(json.file).toBe(path.join(p.dir, 'กลุ่ม.pdf'));
      const text = pdfText(json.file);
      for (const s of ['รายงานความก้าวหน้าการดำเนินงานรายกลุ่มตำบล จังหวัดนครศรีธรรมราช', 'กลุ่มลุ่มน้ำปากพนัง', 'ต.ท่าวัง', '1,310,000']) expect(text, s).toContain(s);
      const usage = await runCli(['province', '--db', file, 'export', 'pdf', '--form', 'status', '--out', 'x.pdf'], {
        stdout: { write: () => undefined },
        stderr: { write: () => undefined },
        env: { TAMBON_PLAN_HOME: path.join(p.dir, 'cli-home') },
        cwd: p.dir,
        resourcesDir,
        appVersion: '0.0.0-test',
      });
      expect(usage).toBe(2);
    } else if (ci) throw new Error('chromium and poppler-utils are needed');
  }, 180_000);
});
