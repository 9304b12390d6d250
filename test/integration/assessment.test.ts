/**
 * The assessment capability over a real workspace: rounds and scores typed through dispatch, the
 * grades they give, a framework changed under existing scores (kept and reported), and the
 * scores workbook exported, filled with exceljs and imported back through the command line
 * (dry run, problems by sheet / row / column letter, undo as a whole, --replace), with the
 * `assessment grades --json` shape of DESIGN.md section 6.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { criteriaOf, parseFramework, unitResult } from '../../src/shared/domain/assessment';
import { cliWorkdirs } from '../support/cli';
import { closingContexts, createNaSai, fails, ok, resourcesDir } from '../support/context';

const context = closingContexts();
const workdir = cliWorkdirs('tambon-assessment-cli-');

const shipped = (() => {
  const parsed = parseFramework(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'assessment', 'organic-community.json'), 'utf8')));
  if (!parsed.ok) throw new Error('shipped framework');
  return parsed.framework;
})();
const criteria = criteriaOf(shipped).map((k) => k.no);

/** A score for criterion index `i` of unit `u` in round `r`: varied, within 1–5. */
const scoreOf = (r: number, u: number, i: number) => 1 + ((r * 2 + u + i) % 5);

describe('rounds and scores in the app', () => {
  it('a unit scored on every criterion gets the percent and grade of the domain; one left out is incomplete', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const v1 = await ok(ctx, 'villages.add', { moo: 1, name: 'บ้านนาทราย' });
    await ok(ctx, 'villages.add', { moo: 2, name: 'บ้านเหนือ' });
    const framework = await ok(ctx, 'assessment.framework');
    expect(framework).toMatchObject({ shipped: true, orphaned: [] });
    const round = await ok(ctx, 'assessment.addRound', { label: 'ก่อน', roundDate: '2025-03-01', notes: null });
    const given = new Map<string, number>();
    for (const [i, no] of criteria.entries()) {
      const score = scoreOf(0, 1, i);
      given.set(no, score);
      await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: v1.id, criterionNo: no, score });
    }
    await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: null, criterionNo: '1.1', score: 4 });
    const detail = await ok(ctx, 'assessment.round', { id: round.id });
    const expected = unitResult(shipped, given);
    expect(detail.units.map((u) => u.moo)).toEqual([1, 2, null]);
    expect(detail.units[0]!.result).toMatchObject({ complete: true, percent: expected.percent, grade: expected.grade });
    expect(detail.units[2]!.result).toMatchObject({ complete: false, grade: null });
    expect(detail.round).toMatchObject({ completeUnits: 1, scoredUnits: 2 });

    // Undo of one cell: set the previous score back.
    const changed = await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: v1.id, criterionNo: '1.1', score: 5 });
    expect(changed.previous).toBe(given.get('1.1'));
    await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: v1.id, criterionNo: '1.1', score: changed.previous });

    // Bad input: a score off the scale, a criterion not in the framework, a label twice — named in Thai.
    expect(await fails(ctx, 'assessment.setScore', { roundId: round.id, villageId: null, criterionNo: '1.1', score: 6 })).toMatchObject({ code: 'VALIDATION', messageTh: 'คะแนนต้องอยู่ระหว่าง 1 ถึง 5', field: 'score' });
    expect((await fails(ctx, 'assessment.setScore', { roundId: round.id, villageId: null, criterionNo: '9.9', score: 3 })).messageTh).toContain('ไม่มีเกณฑ์ข้อ 9.9');
    expect((await fails(ctx, 'assessment.addRound', { label: 'ก่อน' })).messageTh).toContain('มีรอบการประเมินชื่อ "ก่อน" อยู่แล้ว');
    expect((await fails(ctx, 'assessment.addRound', { label: 'a/b' })).messageTh).toContain('ชื่อรอบการประเมินใช้อักขระ');

    // Participants (names local) are counted on the round; removing the round can be undone.
    await ok(ctx, 'assessment.addParticipant', { roundId: round.id, name: 'นางสมศรี ใจดี', villageId: v1.id, role: 'คุณกิจ' });
    expect((await ok(ctx, 'assessment.rounds'))[0]!.participantCount).toBe(1);
    await ok(ctx, 'assessment.removeRound', { id: round.id });
    expect(await ok(ctx, 'assessment.rounds')).toEqual([]);
    await ok(ctx, 'assessment.restoreRound', { id: round.id });
    const back = await ok(ctx, 'assessment.round', { id: round.id });
    expect(back.units[0]!.result.grade).toBe(expected.grade);
    expect(back.participants).toHaveLength(1);
  });

  it('evidence items pinned on the dashboards link to a round and keep their title', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const item = await ok(ctx, 'evidence.pin', { title: 'ครัวเรือนไม่ผ่านเกณฑ์รายได้ 12%', valueText: '12%', figureKey: 'test:1', sourceLabel: 'ทดสอบ', dataDate: '2566' });
    const round = await ok(ctx, 'assessment.addRound', { label: 'หลัง' });
    await ok(ctx, 'assessment.linkEvidence', { roundId: round.id, evidenceItemId: item.id });
    expect((await ok(ctx, 'assessment.round', { id: round.id })).evidence).toMatchObject([{ evidenceItemId: item.id, title: item.title, live: true }]);
  });

  it('a new framework keeps scores of criteria it lacks and reports them; going back counts them again', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const round = await ok(ctx, 'assessment.addRound', { label: 'ก่อน' });
    await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: null, criterionNo: '5.4', score: 2 });
    const smaller = { ...shipped, id: 'province-80', components: shipped.components.slice(0, 4) };
    const file = path.join(ctx.dir, 'framework.json');
    fs.writeFileSync(file, JSON.stringify(smaller));
    const set = await ok(ctx, 'assessment.setFramework', { path: file });
    expect(set).toMatchObject({ shipped: false, orphaned: ['5.4'] });
    expect(set.unscored).toContain('1.1');
    const detail = await ok(ctx, 'assessment.round', { id: round.id });
    expect(detail.units.at(-1)!.scores).toEqual({ '5.4': 2 });
    expect(detail.units.at(-1)!.result.orphans).toEqual(['5.4']);
    fs.writeFileSync(file, JSON.stringify({ ...shipped, grades: [...shipped.grades].reverse() }));
    const refused = await fails(ctx, 'assessment.setFramework', { path: file });
    expect(refused.code).toBe('REFUSED');
    expect(refused.messageTh).toContain('ระดับต้องเรียงจากเกณฑ์ร้อยละสูงไปต่ำ');
    expect(await ok(ctx, 'assessment.resetFramework')).toMatchObject({ shipped: true, orphaned: [] });
  });
});

/** Fills sheet `name` of a scores workbook: unit label (หมู่ or ตำบล) → criterion → value. */
function fill(wb: ExcelJS.Workbook, name: string, values: Record<string, Record<string, string | number | null>>) {
  const ws = wb.getWorksheet(name)!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).text === 'หมู่ที่') header = n;
  });
  const columns = new Map<string, number>();
  ws.getRow(header).eachCell((cell, col) => columns.set(cell.text, col));
  ws.eachRow((row, n) => {
    if (n <= header) return;
    const unit = values[row.getCell(1).text];
    if (!unit) return;
    for (const [no, v] of Object.entries(unit)) row.getCell(columns.get(no)!).value = v;
  });
}

describe('tambon-plan assessment', () => {
  it('exports the scores workbook, imports it back (dry run, problems, undo, replace) and prints the grades', async () => {
    const { dir, run } = workdir();
    expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    for (const moo of ['1', '2']) expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', moo, '--name', `บ้าน ${moo}`)).code).toBe(0);

    // With no round yet the workbook offers one sheet, "ก่อน", with every village and the tambon.
    const exported = JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'export', '--out', 'scores.xlsx')).stdout) as { sheets: string[] };
    expect(exported.sheets).toEqual(['ก่อน']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'scores.xlsx'));
    const sheet = wb.getWorksheet('ก่อน')!;
    const headerRow = sheet.getRow(3).values as unknown[];
    expect(headerRow.slice(1)).toEqual(['หมู่ที่', ...criteria]);
    expect([sheet.getRow(4).getCell(1).value, sheet.getRow(5).getCell(1).value, sheet.getRow(6).getCell(1).value]).toEqual([1, 2, 'ตำบล']);

    // Moo 1 complete (Thai digits in one cell), the tambon complete, moo 2 left blank; a second sheet "หลัง" with a bad row.
    const full = (r: number, u: number) => Object.fromEntries(criteria.map((no, i) => [no, scoreOf(r, u, i)]));
    // scoreOf(0, 1, 0) is 2: written ๒.
    fill(wb, 'ก่อน', { '1': { ...full(0, 1), '1.1': '๒' }, ตำบล: full(0, 0) });
    const after = wb.addWorksheet('หลัง');
    after.addRow(['ชื่อกรอบ']);
    after.addRow(['หมู่ที่', ...criteria]);
    after.addRow([1, ...criteria.map((_, i) => scoreOf(1, 1, i))]);
    after.addRow([7, ...criteria.map(() => 3)]);
    after.addRow([2, 9, ...criteria.slice(1).map(() => 'x')]);
    after.addRow(['ตำบล', ...criteria.map((_, i) => scoreOf(1, 0, i))]);
    await wb.xlsx.writeFile(path.join(dir, 'filled.xlsx'));

    const dry = await run('assessment', '--workspace', 'w.tambon', '--json', 'import', '--file', 'filled.xlsx', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const dryOutcome = JSON.parse(dry.stdout) as { kind: string; status: string; rows: { read: number; imported: number; rejected: number }; problems: { sheet: string; row: number; column: string; code: string; message: string }[] };
    expect(dryOutcome).toMatchObject({ kind: 'assessment', status: 'dry-run', rows: { imported: 4, rejected: 2 } });
    expect(dryOutcome.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'หลัง', row: 4, column: 'A', code: 'unknownVillage' }),
        expect.objectContaining({ sheet: 'หลัง', row: 5, column: 'B', code: 'scoreOutOfScale', message: expect.stringContaining('อยู่นอกช่วงคะแนน') as string }),
        expect.objectContaining({ sheet: 'หลัง', row: 5, column: 'C', code: 'notANumber' }),
      ]),
    );
    const none = JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'grades')).stdout) as { rounds: unknown[] };
    expect(none.rounds).toEqual([]);

    const imported = await run('assessment', '--workspace', 'w.tambon', '--json', 'import', '--file', 'filled.xlsx');
    expect(imported.code, imported.stderr).toBe(0);
    const outcome = JSON.parse(imported.stdout) as { status: string; importId: string };
    expect(outcome.status).toBe('imported');

    const gradesRun = await run('assessment', '--workspace', 'w.tambon', '--json', 'grades');
    expect(gradesRun.code).toBe(0);
    const grades = JSON.parse(gradesRun.stdout) as { framework: string; rounds: { label: string; units: { moo: number | null; percent: number | null; grade: string | null; components: { no: number; percent: number | null }[] }[] }[] };
    expect(grades.framework).toBe(shipped.id);
    expect(grades.rounds.map((r) => r.label)).toEqual(['ก่อน', 'หลัง']);
    const expectUnit = (r: number, u: number) => {
      const result = unitResult(shipped, new Map(criteria.map((no, i) => [no, scoreOf(r, u, i)])));
      return { percent: result.percent, grade: result.grade, components: result.components };
    };
    const before = grades.rounds[0]!.units;
    expect(before.map((u) => u.moo)).toEqual([1, 2, null]);
    expect(before[0]).toEqual({ moo: 1, ...expectUnit(0, 1) });
    expect(before[1]).toMatchObject({ moo: 2, percent: null, grade: null });
    expect(before[2]).toEqual({ moo: null, ...expectUnit(0, 0) });
    expect(grades.rounds[1]!.units[0]).toEqual({ moo: 1, ...expectUnit(1, 1) });

    const one = JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'grades', '--round', 'หลัง')).stdout) as { rounds: { label: string }[] };
    expect(one.rounds.map((r) => r.label)).toEqual(['หลัง']);
    const missing = await run('assessment', '--workspace', 'w.tambon', 'grades', '--round', 'ไม่มี');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ไม่พบรอบการประเมิน "ไม่มี"');

    // The same file again changes nothing; --replace re-imports it; undo removes what it brought, rounds it made included.
    expect(JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'import', '--file', 'filled.xlsx')).stdout)).toMatchObject({ status: 'already-imported' });
    const replaced = JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'import', '--file', 'filled.xlsx', '--replace')).stdout) as { status: string; importId: string };
    expect(replaced.status).toBe('imported');
    expect((await run('imports', '--workspace', 'w.tambon', 'undo', replaced.importId)).code).toBe(0);
    expect((JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'grades')).stdout) as { rounds: unknown[] }).rounds).toEqual([]);

    // A framework file from the province, and one that is refused with its reason (exit 1).
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...shipped, components: shipped.components.map((c) => ({ ...c, criteria: c.criteria.map((k) => ({ ...k, weight: 0 })) })) }));
    const bad = await run('assessment', '--workspace', 'w.tambon', 'framework', '--file', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('น้ำหนักของเกณฑ์ทุกข้อเป็นศูนย์');
    expect((await run('assessment', '--workspace', 'w.tambon', 'grades', '--bogus')).code).toBe(2);
  });

  it('a score typed in the app and replaced by an import comes back when the import is undone', async () => {
    const { dir, run } = workdir();
    expect((await run('init', '--workspace', 'w.tambon', '--tambon', '800108')).code).toBe(0);
    expect((await run('villages', '--workspace', 'w.tambon', 'add', '--moo', '1', '--name', 'บ้าน 1')).code).toBe(0);
    // A first import gives ตำบล 1.1 = 2; a second file gives it 5 in the same round.
    const write = async (name: string, score: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('ก่อน');
      ws.addRow(['หมู่ที่', '1.1']);
      ws.addRow(['ตำบล', score]);
      await wb.xlsx.writeFile(path.join(dir, name));
    };
    await write('a.xlsx', 2);
    await write('b.xlsx', 5);
    expect((await run('assessment', '--workspace', 'w.tambon', 'import', '--file', 'a.xlsx')).code).toBe(0);
    const second = JSON.parse((await run('assessment', '--workspace', 'w.tambon', '--json', 'import', '--file', 'b.xlsx')).stdout) as { importId: string };
    const exportScore = async () => {
      await run('assessment', '--workspace', 'w.tambon', 'export', '--out', `x-${Date.now()}.xlsx`);
      const file = fs.readdirSync(dir).filter((f) => f.startsWith('x-')).sort().at(-1)!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, file));
      fs.rmSync(path.join(dir, file));
      return wb.getWorksheet('ก่อน')!.getRow(5).getCell(2).value;
    };
    expect(await exportScore()).toBe(5);
    expect((await run('imports', '--workspace', 'w.tambon', 'undo', second.importId)).code).toBe(0);
    expect(await exportScore()).toBe(2);
  });
});

describe('the assessment in the progress report', () => {
  it("carries every round's grades: units per grade, the incomplete ones and the tambon's own grade", async () => {
    const ctx = context();
    await createNaSai(ctx);
    const v1 = await ok(ctx, 'villages.add', { moo: 1, name: 'บ้านนาทราย' });
    await ok(ctx, 'villages.add', { moo: 2, name: 'บ้านเหนือ' });
    expect((await ok(ctx, 'reports.progress', {})).assessment).toBeNull();

    const round = await ok(ctx, 'assessment.addRound', { label: 'ก่อน', roundDate: null, notes: null });
    const village = new Map<string, number>();
    const tambon = new Map<string, number>();
    for (const [i, no] of criteria.entries()) {
      village.set(no, scoreOf(0, 1, i));
      tambon.set(no, scoreOf(0, 3, i));
      await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: v1.id, criterionNo: no, score: village.get(no)! });
      await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: null, criterionNo: no, score: tambon.get(no)! });
    }
    const report = await ok(ctx, 'reports.progress', {});
    const villageGrade = unitResult(shipped, village).grade!;
    const tambonGrade = unitResult(shipped, tambon).grade!;
    const counted: Record<string, number> = {};
    for (const g of [villageGrade, tambonGrade]) counted[g] = (counted[g] ?? 0) + 1;
    expect(report.assessment?.rounds).toHaveLength(1);
    expect(report.assessment!.rounds[0]).toMatchObject({ roundLabel: 'ก่อน', incomplete: 1, grades: counted });
    expect(report.assessment!.rounds[0]!.units.find((u) => u.moo === null)?.grade).toBe(tambonGrade);
  });
});
