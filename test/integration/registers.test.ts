/**
 * The registers of people and organisations: kept through the write pipeline (at most eight
 * leaders a village, deletes undone, the matching shares due computed from the configurable rule),
 * exported as one workbook that LibreOffice opens, read back through `tambon-plan import leaders |
 * learning-centres | welfare-funds | organisations` with the import's --json shape, and carried in a
 * package as counts and roles: no name, phone or successor of a person leaves the workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/shared/domain/csv';
import { matchingShares } from '../../src/shared/domain/registers';
import { importOutcomeSchema } from '../../src/shared/ipc/imports';
import { cliWorkdirs } from '../support/cli';
import { closingContexts, createNaSai, fails, ok, tempDir, testContext } from '../support/context';
import { convertToCsv, findSoffice } from '../support/libreoffice';
import { createProvince, importJob, keyOf } from '../support/datacenter';
import { passphrase, zipEntries } from '../support/packages';
import { fakeCitizenId, writeRowsWorkbook } from '../support/surveyFiles';

const context = closingContexts();
type Ctx = ReturnType<typeof testContext>;

/** Made-up people of the fixture: every one of these must stay out of a package. */
const people = {
  chair: 'นายสมชาย ทดสอบนายก',
  adviser: 'นายกำนัน ทดลองดี',
  facilitator: 'ดร.อำนวย ช่วยคิด',
  leaders: Array.from({ length: 8 }, (_, i) => `นางผู้นำ ลำดับที่${i + 1}`),
  successor: 'นายทายาท สืบต่อ',
  phone: '081-234-5678',
};

/** A workspace with three villages and something in every register; answers the villages' ids by หมู่ที่. */
async function buildRegisters(ctx: Ctx): Promise<Map<number, string>> {
  await ok(ctx, 'prefs.set', { operatorName: 'นางสาวผู้บันทึก ทะเบียน' });
  await createNaSai(ctx);
  const ids = new Map<number, string>();
  for (const moo of [1, 2, 3]) ids.set(moo, (await ok(ctx, 'villages.add', { moo, name: `บ้านทดสอบ ${moo}` })).id);
  await ok(ctx, 'registers.workingGroup.save', { values: { kind: 'member', name: people.chair, position: 'chair', organisation: 'อบต.นาทราย', phone: people.phone } });
  await ok(ctx, 'registers.workingGroup.save', { values: { kind: 'member', name: people.adviser, position: 'adviser' } });
  await ok(ctx, 'registers.workingGroup.save', { values: { kind: 'facilitator', name: people.facilitator, sector: 'academic', organisation: 'มหาวิทยาลัยทดสอบ' } });
  const roles = ['head', 'assistant', 'committee', 'kunkit', 'kunkit', 'kunkit', 'volunteer', 'other'] as const;
  for (const [i, name] of people.leaders.entries()) {
    await ok(ctx, 'registers.leaders.save', {
      values: {
        villageId: ids.get(1)!,
        name,
        role: roles[i]!,
        training: i < 3 ? 'หลักสูตรผู้นำการเปลี่ยนแปลง' : null,
        successor: i === 0 ? people.successor : null,
        phone: i === 0 ? people.phone : null,
        selfAssessment: { income: { now: 2 + (i % 2), aim: 5 }, debt: { now: 1, aim: 4 } },
      },
    });
  }
  await ok(ctx, 'registers.leaders.save', { values: { villageId: ids.get(2)!, name: 'นายผู้นำ หมู่สอง', role: 'head' } });
  await ok(ctx, 'registers.learningCentres.save', { values: { name: 'ศูนย์เรียนรู้เกษตรผสมผสาน', villageId: ids.get(2)!, activities: 'ปุ๋ยหมัก\nเลี้ยงไก่ไข่', peopleServed: 1250 } });
  const fund = await ok(ctx, 'registers.welfareFunds.save', { values: { name: 'กองทุนสวัสดิการชุมชนตำบลนาทราย', tier: 'model', startYear: 2553, members: 812, monthlyContribution: 30 } });
  await ok(ctx, 'registers.fundYears.save', { values: { fundId: fund.id, year: 2567, members: 812, contributions: 292_320, benefits: { birth: 12_000, sickness: 45_500, death: 60_000 } } });
  await ok(ctx, 'registers.fundYears.save', { values: { fundId: fund.id, year: 2568, members: 840 } });
  await ok(ctx, 'registers.planItems.save', { values: { fundId: fund.id, heading: 1, activity: 'รับสมัครสมาชิกเพิ่ม 100 คน', dueDate: '2026-03-31' } });
  await ok(ctx, 'registers.organisations.save', { values: { name: 'กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ 3', villageId: ids.get(3)!, kind: 'savings-group', members: 145, capital: 1_250_000.5 } });
  return ids;
}

describe('the registers through the write pipeline', () => {
  it('keep every register, refuse a ninth leader in Thai, compute the shares due, and undo a delete', async () => {
    const ctx = context();
    const ids = await buildRegisters(ctx);
    const refused = await fails(ctx, 'registers.leaders.save', { values: { villageId: ids.get(1)!, name: 'คนที่เก้า', role: 'kunkit' } });
    expect(refused).toMatchObject({ code: 'REFUSED', field: 'villageId' });
    expect(refused.messageTh).toBe('หมู่ที่ 1 มีคณะผู้นำครบ 8 คนแล้ว เพิ่มได้ไม่เกิน 8 คนต่อหมู่บ้าน');
    // A field refused by its label, never its internal name.
    const bad = await fails(ctx, 'registers.learningCentres.save', { values: { name: 'ศูนย์', peopleServed: -3 } });
    expect(bad.messageTh).toContain('ผู้ใช้บริการต่อปี (คน)ต้องอยู่ระหว่าง 0 ถึง 1,000,000');

    const view = await ok(ctx, 'registers.get');
    expect(view.workingGroup.map((p) => [p.kind, p.position, p.sector])).toEqual([
      ['member', 'chair', null],
      ['member', 'adviser', null],
      ['facilitator', null, 'academic'],
    ]);
    expect(view.leaders).toHaveLength(9);
    const [fund] = view.welfareFunds;
    // 2567: the typed contributions; 2568: none typed, so 840 members × 30 baht × 12 months, marked as estimated.
    expect(fund!.years.map((y) => [y.year, y.figures.contributions, y.figures.estimated, y.figures.shares?.lao, y.figures.shares?.province, y.figures.benefitsTotal])).toEqual([
      [2567, 292_320, false, 292_320, 292_320, 117_500],
      [2568, 302_400, true, 302_400, 302_400, 0],
    ]);
    // The rule is the office's: half a baht from the อบต., one baht up to 250,000 from the province.
    const rule = { lao: { perBaht: 0.5, capBaht: null }, province: { perBaht: 1, capBaht: 250_000 } };
    await ok(ctx, 'registers.settings.save', { settings: { ...view.settings, matchingRule: rule } });
    const after = (await ok(ctx, 'registers.get')).welfareFunds[0]!.years[0]!.figures.shares!;
    expect(after).toEqual({ ...matchingShares(292_320, rule), lao: 146_160, province: 250_000, capped: { lao: false, province: true } });

    // Deleting the fund takes its years and plan with it; undo brings them all back.
    await ok(ctx, 'registers.delete', { register: 'welfare-funds', id: fund!.id });
    expect((await ok(ctx, 'registers.get')).welfareFunds).toEqual([]);
    const sql = ctx.session.workspace!.sqlite;
    expect(sql.prepare('select count(*) from welfare_fund_years where deleted_at is null').pluck().get()).toBe(0);
    await ok(ctx, 'registers.restore', { register: 'welfare-funds', id: fund!.id });
    const back = (await ok(ctx, 'registers.get')).welfareFunds[0]!;
    expect(back.years.map((y) => y.year)).toEqual([2567, 2568]);
    expect(back.plan.map((p) => p.activity)).toEqual(['รับสมัครสมาชิกเพิ่ม 100 คน']);
    // A deleted leader cannot come back into a full village.
    const leader = (await ok(ctx, 'registers.get')).leaders[0]!;
    await ok(ctx, 'registers.delete', { register: 'leaders', id: leader.id });
    await ok(ctx, 'registers.leaders.save', { values: { villageId: ids.get(1)!, name: 'คนใหม่', role: 'kunkit' } });
    expect((await fails(ctx, 'registers.restore', { register: 'leaders', id: leader.id })).code).toBe('REFUSED');
    // Every change was announced as the registers capability's.
    expect(ctx.events.some((e) => e.event === 'data.changed' && (e.payload as { capability: string }).capability === 'registers')).toBe(true);
  }, 60_000);
});

describe('the registers workbook', () => {
  let workbook: string;
  let source: Awaited<ReturnType<typeof ok<'registers.get'>>>;
  const cli = cliWorkdirs('tambon-registers-cli-');

  beforeAll(async () => {
    const ctx = testContext();
    await buildRegisters(ctx);
    workbook = (await ok(ctx, 'registers.export.xlsx', { path: path.join(tempDir('tambon-registers-xlsx-'), 'registers') })).path;
    source = await ok(ctx, 'registers.get');
    await ok(ctx, 'workspace.close', {});
  }, 60_000);

  it('has a sheet per register with Thai headers and the shares due', async () => {
    expect(workbook.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['คณะทำงานตำบล', 'คุณอำนวย', 'คณะผู้นำหมู่บ้าน', 'ศูนย์เรียนรู้', 'กองทุนสวัสดิการ', 'แผนกิจกรรมกองทุน', 'องค์กรชุมชน']);
    const funds = wb.getWorksheet('กองทุนสวัสดิการ')!;
    expect(funds.getRow(3).values).toEqual(expect.arrayContaining(['ชื่อกองทุน', 'ระดับกองทุน', 'สมทบจาก อบต. (บาท)', 'สมทบจาก พมจ. (บาท)', 'สวัสดิการ: การเกิด (บาท)']));
    expect((funds.getRow(4).values as unknown[]).slice(1, 11)).toEqual([null, 'กองทุนสวัสดิการชุมชนตำบลนาทราย', 'ต้นแบบ', 2553, 2567, 812, 30, 292_320, 292_320, 292_320].map((v) => v ?? undefined));
    const plan = wb.getWorksheet('แผนกิจกรรมกองทุน')!;
    expect((plan.getRow(2).values as unknown[]).slice(1)).toEqual(['กองทุน', 'หัวข้อ', 'กิจกรรม', 'กำหนดเสร็จ (พ.ศ.)', 'สถานะ']);
    expect((plan.getRow(3).values as unknown[]).slice(2, 5)).toEqual(['1. การระดมทุนและเพิ่มสมาชิก', 'รับสมัครสมาชิกเพิ่ม 100 คน', '31/3/2569']);
  });

  it('imports back through tambon-plan import with the --json shape, into a fresh workspace, the same rows', async () => {
    const { run, dir } = cli();
    expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    for (const moo of ['1', '2', '3']) expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', moo, '--name', `บ้าน ${moo}`)).code).toBe(0);
    const expected = { leaders: 9, 'learning-centres': 1, 'welfare-funds': 2, organisations: 1 } as const;
    for (const [kind, rows] of Object.entries(expected)) {
      const dry = await run('import', '--workspace', 'w.tambon', kind, '--file', workbook, '--dry-run', '--json');
      expect(dry.code, dry.stderr).toBe(0);
      const parsed = importOutcomeSchema.parse(JSON.parse(dry.stdout));
      expect(parsed).toMatchObject({ kind, dryRun: true, status: 'dry-run', rows: { imported: rows, rejected: 0 }, problems: [] });
      // The preview says a tier or a kind as the forms do, in Thai.
      if (kind === 'welfare-funds') expect(parsed.preview.rows.map((r) => r[3])).toContain('ต้นแบบ');
      if (kind === 'organisations') expect(parsed.preview.rows.map((r) => r[3])).toEqual(['กลุ่มออมทรัพย์']);
      const done = await run('import', '--workspace', 'w.tambon', kind, '--file', workbook, '--json');
      expect(done.code, done.stderr).toBe(0);
      expect(JSON.parse(done.stdout)).toMatchObject({ kind, status: 'imported', rows: { imported: rows, rejected: 0 } });
    }
    const ctx = context();
    await ok(ctx, 'workspace.open', { path: path.join(dir, 'w.tambon') });
    const back = await ok(ctx, 'registers.get');
    const villageMoo = async (c: Ctx) => new Map((await ok(c, 'villages.list')).map((v) => [v.id, v.moo]));
    const moos = await villageMoo(ctx);
    const leadersOf = (v: typeof source, m: Map<string, number>) => v.leaders.map((l) => [m.get(l.villageId), l.name, l.role, l.phone, l.training, l.successor]).sort();
    // The source's villages were made in the same order, so หมู่ที่ N is the Nth id of each.
    const sourceMoos = new Map(source.leaders.map((l) => [l.villageId, source.leaders.filter((x) => x.villageId === l.villageId).length === 8 ? 1 : 2]));
    expect(leadersOf(back, moos)).toEqual(leadersOf(source, sourceMoos));
    expect(back.learningCentres.map((c) => [moos.get(c.villageId!), c.name, c.activities, c.peopleServed])).toEqual([[2, 'ศูนย์เรียนรู้เกษตรผสมผสาน', 'ปุ๋ยหมัก\nเลี้ยงไก่ไข่', 1250]]);
    expect(back.welfareFunds.map((f) => ({ ...f, id: '', importId: '', plan: [], years: f.years.map((y) => ({ ...y, id: '' })) }))).toEqual(
      source.welfareFunds.map((f) => ({ ...f, id: '', importId: '', plan: [], years: f.years.map((y) => ({ ...y, id: '' })) })),
    );
    expect(back.organisations.map((o) => [moos.get(o.villageId!), o.name, o.kind, o.members, o.capital])).toEqual([[3, 'กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ 3', 'savings-group', 145, 1_250_000.5]]);
    await ok(ctx, 'workspace.close', {});
  }, 120_000);

  it('reports bad rows by sheet, row and column letter; --strict refuses all; --replace and undo; a citizen-id column is never stored', async () => {
    const { run, dir } = cli();
    expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    for (const moo of ['1', '2']) expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', moo, '--name', `บ้าน ${moo}`)).code).toBe(0);
    const citizenIds = [fakeCitizenId(11), fakeCitizenId(12)];
    const rows: unknown[][] = [['ทะเบียนคณะผู้นำ ปี ๒๕๖๘'], ['หมู่ที่', 'ชื่อ-สกุล', 'เลขประจำตัวประชาชน', 'บทบาท', 'การอบรม', 'ผู้สืบทอด']];
    for (let i = 1; i <= 9; i += 1) rows.push(['๑', `นายทดสอบ คนที่${i}`, citizenIds[i % 2], i === 1 ? 'ผู้ใหญ่บ้าน' : 'คุณกิจ', '', '']);
    rows.push([2, 'นางสาวหมู่สอง ดีใจ', citizenIds[0], 'หัวหน้าแก๊ง', '', '']);
    rows.push([5, 'นายไม่มีหมู่ ไหนเลย', '', 'คุณกิจ', '', '']);
    rows.push([2, 'นายมีบัตร ในช่องอบรม', '', 'อสม.', `บัตร ${citizenIds[1]}`, '']);
    rows.push([2, 'นายถูกต้อง ทุกช่อง', '', 'ผช.ผญบ.', 'หลักสูตรผู้นำ', 'นายลูกชาย สืบทอด']);
    await writeRowsWorkbook(path.join(dir, 'leaders.xlsx'), { ผู้นำ: rows });

    const dry = await run('import', '--workspace', 'w.tambon', 'leaders', '--file', 'leaders.xlsx', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const outcome = importOutcomeSchema.parse(JSON.parse(dry.stdout));
    expect(outcome).toMatchObject({ status: 'dry-run', rows: { read: 13, imported: 9, rejected: 4 } });
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ['ผู้นำ', 11, 'A', 'tooManyLeaders'],
      ['ผู้นำ', 12, 'D', 'unknownRole'],
      ['ผู้นำ', 13, 'A', 'unknownVillage'],
      ['ผู้นำ', 14, 'E', 'citizenIdInText'],
    ]);
    expect(outcome.problems[0]!.message).toBe('หมู่ที่ 1 มีคณะผู้นำเกิน 8 คน (ไม่เกิน 8 คนต่อหมู่บ้าน)');
    // The preview names no person, and says the role in Thai.
    expect(outcome.preview.rows[0]).toEqual(['3', '1', 'ผู้ใหญ่บ้าน/ประธานชุมชน', '', '']);
    expect(outcome.problems.map((p) => p.message).join(' ')).not.toContain(citizenIds[1]!);

    const strict = await run('import', '--workspace', 'w.tambon', 'leaders', '--file', 'leaders.xlsx', '--strict', '--json');
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ status: 'refused', rows: { imported: 0 } });

    const first = importOutcomeSchema.parse(JSON.parse((await run('import', '--workspace', 'w.tambon', 'leaders', '--file', 'leaders.xlsx', '--json')).stdout));
    expect(first).toMatchObject({ status: 'imported', rows: { imported: 9 } });
    // The same file again changes nothing; --replace takes the first import's rows away and brings them again (still 8 in หมู่ 1).
    expect(JSON.parse((await run('import', '--workspace', 'w.tambon', 'leaders', '--file', 'leaders.xlsx', '--json')).stdout)).toMatchObject({ status: 'already-imported' });
    const replaced = importOutcomeSchema.parse(JSON.parse((await run('import', '--workspace', 'w.tambon', 'leaders', '--file', 'leaders.xlsx', '--replace', '--json')).stdout));
    expect(replaced).toMatchObject({ status: 'imported', rows: { imported: 9, rejected: 4 }, previousImportId: first.importId });

    const ctx = context();
    await ok(ctx, 'workspace.open', { path: path.join(dir, 'w.tambon') });
    const leaders = (await ok(ctx, 'registers.get')).leaders;
    expect(leaders).toHaveLength(9);
    expect(leaders.find((l) => l.name === 'นายถูกต้อง ทุกช่อง')).toMatchObject({ role: 'assistant', training: 'หลักสูตรผู้นำ', successor: 'นายลูกชาย สืบทอด' });
    await ok(ctx, 'workspace.close', {});
    // No citizen id anywhere in the workspace file (nor its WAL).
    for (const file of [path.join(dir, 'w.tambon'), path.join(dir, 'w.tambon-wal')].filter((f) => fs.existsSync(f))) {
      const bytes = fs.readFileSync(file);
      for (const id of citizenIds) {
        expect(bytes.includes(Buffer.from(id)), `${id} in ${path.basename(file)}`).toBe(false);
        expect(bytes.includes(Buffer.from(id.replace(/\D/g, ''))), `${id} in ${path.basename(file)}`).toBe(false);
      }
    }
    expect((await run('imports', '--workspace', 'w.tambon', 'undo', replaced.importId!)).code).toBe(0);
    const reopened = context();
    await ok(reopened, 'workspace.open', { path: path.join(dir, 'w.tambon') });
    expect((await ok(reopened, 'registers.get')).leaders).toEqual([]);
    await ok(reopened, 'workspace.close', {});
  }, 120_000);

  it('tambon-plan export xlsx --form registers writes the same workbook; --form register stays the participant register', async () => {
    const { run } = cli();
    expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    const out = await run('export', '--workspace', 'w.tambon', 'xlsx', '--form', 'registers', '--out', 'reg.xlsx', '--json');
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ form: 'registers', format: 'xlsx', sheets: expect.arrayContaining(['คณะผู้นำหมู่บ้าน', 'กองทุนสวัสดิการ']) as unknown });
    const forum = await run('export', '--workspace', 'w.tambon', 'xlsx', '--form', 'register', '--out', 'participants.xlsx', '--json');
    expect(forum.code, forum.stderr).toBe(0);
    expect(JSON.parse(forum.stdout)).toMatchObject({ form: 'register', sheets: expect.arrayContaining(['ทะเบียนผู้เข้าร่วม']) as unknown });
    // There is no PDF of the registers.
    expect((await run('export', '--workspace', 'w.tambon', 'pdf', '--form', 'registers', '--out', 'reg.pdf')).code).toBe(2);
  }, 60_000);

  const soffice = findSoffice();
  if (!soffice.ok && process.env.CI === 'true') {
    it('needs LibreOffice under CI', () => {
      throw new Error(`CI=true and ${soffice.reason}`);
    });
  }
  it.skipIf(!soffice.ok)('opens in LibreOffice Calc with the Thai intact', () => {
    const csv = convertToCsv((soffice as { path: string }).path, [workbook]).get(workbook)!;
    const leaders = csv.get('คณะผู้นำหมู่บ้าน')!;
    expect(leaders[2]!.slice(0, 6)).toEqual(['หมู่ที่', 'ชื่อ-สกุล', 'บทบาท', 'โทรศัพท์', 'การอบรม', 'ผู้สืบทอด']);
    expect(leaders[3]!.slice(0, 3)).toEqual(['1', people.leaders[0], 'ผู้ใหญ่บ้าน/ประธานชุมชน']);
    const funds = csv.get('กองทุนสวัสดิการ')!;
    expect(funds[2]!.slice(8, 10)).toEqual(['สมทบจาก อบต. (บาท)', 'สมทบจาก พมจ. (บาท)']);
    expect(funds[3]!.slice(1, 3)).toEqual(['กองทุนสวัสดิการชุมชนตำบลนาทราย', 'ต้นแบบ']);
  }, 120_000);
});

describe('the registers in a package', () => {
  it('travel as counts, roles and self-assessment means; organisations travel whole; no person’s name, phone or successor leaves', async () => {
    const ctx = context();
    const ids = await buildRegisters(ctx);
    const outcome = await ok(ctx, 'packages.export', { folder: path.join(ctx.dir, 'out'), passphrase });
    expect(outcome.tables.working_group).toBeUndefined();
    expect(outcome.tables.village_leaders).toBeUndefined();
    expect(outcome.tables.register_people_counts).toMatchObject({ travel: 'aggregate' });
    expect(outcome.tables.welfare_funds).toMatchObject({ travel: 'aggregate', rows: 1 });
    const entries = zipEntries(outcome.file);
    const rowsOf = (name: string) => {
      const [header, ...rows] = readCsv(Buffer.from(entries[`data/${name}.csv`]!).toString('utf8'));
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h!, r[i] ?? null])));
    };
    const counts = rowsOf('register_people_counts').map((r) => [r.register, r.village_id, r.role, r.people, r.trained, r.with_successor]);
    expect(counts).toEqual(
      expect.arrayContaining([
        ['working-group', null, 'chair', '1', '0', '0'],
        ['working-group', null, 'adviser', '1', '0', '0'],
        ['facilitators', null, 'academic', '1', '0', '0'],
        ['leaders', ids.get(1), 'kunkit', '3', '0', '0'],
        ['leaders', ids.get(1), 'head', '1', '1', '1'],
        ['leaders', ids.get(2), 'head', '1', '0', '0'],
      ]),
    );
    expect(counts.filter((c) => c[0] === 'leaders').reduce((a, c) => a + Number(c[3]), 0)).toBe(9);
    const means = rowsOf('register_leader_assessment').find((r) => r.village_id === ids.get(1) && r.topic === 'income');
    expect(means).toMatchObject({ leaders: '8', mean_now: '2.5', mean_aim: '5' });
    expect(rowsOf('learning_centres')[0]).toMatchObject({ name: 'ศูนย์เรียนรู้เกษตรผสมผสาน', people_served: '1250' });

    const all = Object.values(entries).map((data) => Buffer.from(data));
    for (const secret of [people.chair, people.adviser, people.facilitator, people.successor, people.phone, ...people.leaders, 'นายผู้นำ หมู่สอง']) {
      expect(all.some((b) => b.includes(Buffer.from(secret))), secret).toBe(false);
    }

    // The province takes the new tables and resources; a leader deleted at the tambon is a changed count there.
    const key = await keyOf(ctx, '800108');
    const province = context();
    await createProvince(province);
    await ok(province, 'datacenter.enroll', { tambonCode: '800108', publicKey: key.text, fingerprint: key.fingerprint });
    const [first] = await importJob(province, [outcome.file]);
    expect(first).toMatchObject({ status: 'applied', warnings: [] });
    const peopleRows = rowsOf('register_people_counts').length;
    expect(first!.tables.register_people_counts).toEqual({ new: peopleRows, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
    for (const table of ['learning_centres', 'welfare_funds', 'community_organisations', 'register_settings']) expect(first!.tables[table], table).toMatchObject({ new: table === 'register_settings' ? 0 : 1, rejected: 0 });
    expect(first!.tables.welfare_fund_years).toMatchObject({ new: 2 });
    const leader = (await ok(ctx, 'registers.get')).leaders.find((l) => l.name === people.leaders[3])!;
    await ok(ctx, 'registers.delete', { register: 'leaders', id: leader.id });
    const second = await ok(ctx, 'packages.export', { folder: path.join(ctx.dir, 'out'), passphrase });
    const [applied] = await importJob(province, [second.file]);
    expect(applied!.tables.register_people_counts).toMatchObject({ new: 0, changed: 1, deleted: 0 });
    expect(applied!.tables.welfare_funds).toMatchObject({ new: 0, changed: 0, unchanged: 1 });

    // The province's overview: the registers by district, the sums of the latest package's counts.
    const latest = zipEntries(second.file);
    const [header, ...lines] = readCsv(Buffer.from(latest['data/register_people_counts.csv']!).toString('utf8'));
    const sent = lines.map((r) => Object.fromEntries(header!.map((h, i) => [h!, r[i] ?? null])));
    const sum = (register: string, column: string) => sent.filter((r) => r.register === register).reduce((n, r) => n + Number(r[column]), 0);
    const { registers } = await ok(province, 'datacenter.dashboard', { view: 'latest' });
    expect(registers).toEqual([
      {
        districtCode: '8001',
        districtNameTh: 'เมืองนครศรีธรรมราช',
        tambons: 1,
        workingGroup: sum('working-group', 'people'),
        facilitators: sum('facilitators', 'people'),
        leaders: 8,
        leadersTrained: sum('leaders', 'trained'),
        leadersWithSuccessor: sum('leaders', 'with_successor'),
      },
    ]);
    expect(sum('leaders', 'people')).toBe(8);
  }, 120_000);
});
