/**
 * Evidence at the forum, over a real จปฐ. import: a figure pinned on the evidence dashboard is
 * offered to the problem rows (its id as the key, its title, a line of value, source and date),
 * attached to a row, seen on the row, by the readiness check and in the exported form, and
 * detached; a key that is no live item is refused.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runJobInline } from '../../src/main/services/jobs/inline';
import { forumSlice } from '../../src/shared/ipc/forum';
import { closingContexts, createNaSai, fails, ok } from '../support/context';
import { makeHouseholds, writeBmnWorkbook } from '../support/surveyFiles';

const context = closingContexts();
type Ctx = ReturnType<typeof context>;

/** ต.นาทราย with three villages and a จปฐ. 2563 import. */
async function withSurvey(ctx: Ctx) {
  await createNaSai(ctx);
  for (const moo of [1, 2, 3]) await ok(ctx, 'villages.add', { moo, name: `บ้าน ${moo}` });
  const file = await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households: makeHouseholds(30), year: 2563, title: true });
  const outcome = await runJobInline(ctx, 'import', { path: file, kind: 'bmn' });
  const sql = ctx.session.workspace!.sqlite;
  const issueIds = (sql.prepare('select id from strategic_issues where deleted_at is null order by no').all() as { id: string }[]).map((r) => r.id);
  return { importId: outcome.importId!, issueIds };
}

/** The failing share of one indicator in village 1, pinned as the จปฐ. dashboard pins it. */
async function pinFailing(ctx: Ctx, importId: string, title: string) {
  const bmn = await ok(ctx, 'evidence.bmn', {});
  const village = bmn.villages.find((v) => v.village.moo === 1)!;
  const stat = village.indicators.find((s) => s.failing > 0)!;
  const percent = Math.round((stat.failing / stat.inScope) * 1000) / 10;
  return ok(ctx, 'evidence.pin', {
    title,
    valueText: `ไม่ผ่าน ${percent.toFixed(1)}% (${stat.failing} จาก ${stat.inScope} ครัวเรือน)`,
    valueNumber: percent,
    unit: '%',
    figureKey: `bmn:2563:indicator:${stat.no}:village:${village.village.id}:failing`,
    villageId: village.village.id,
    sourceImportId: importId,
    sourceLabel: 'จปฐ. 2563',
    dataDate: '2563',
  });
}

describe('evidence at the forum', () => {
  it('offers the pinned items, attaches one to a problem row and refuses a key that is no live item', async () => {
    const ctx = context();
    const { importId, issueIds } = await withSurvey(ctx);
    expect(await ok(ctx, 'forum.evidence.candidates', { pcsRowId: 'none-yet' })).toEqual([]);

    const failing = await pinFailing(ctx, importId, 'หมู่ 1: ครัวเรือนที่ไม่ผ่านเกณฑ์');
    // The same figure pinned again under another title is another item: the item's id is the key.
    const again = await pinFailing(ctx, importId, 'หมู่ 1: ปัญหาที่พบมากที่สุด');
    const ledgers = await ok(ctx, 'evidence.pin', {
      title: 'ครัวเรือนที่รายจ่ายเกินรายได้',
      valueText: '12 จาก 40',
      valueNumber: 12,
      unit: 'ครัวเรือน',
      figureKey: 'accounts:2569:tambon:deficitMonths',
      sourceLabel: 'บัญชีครัวเรือน.xlsx',
      dataDate: '2026-02-03',
    });
    expect(again.figureKey).toBe(failing.figureKey);

    const row = await ok(ctx, 'forum.pcs.add', { issueId: issueIds[2]!, values: { problem: 'รายได้ไม่พอรายจ่าย', causes: ['ต้นทุนสูง'], solutions: ['รวมกลุ่ม'] } });
    const candidates = await ok(ctx, 'forum.evidence.candidates', { pcsRowId: row.id });
    // The newest first; the unit is added only where the value does not already say it; years and days in พ.ศ.
    expect(candidates).toEqual([
      { evidenceKey: ledgers.id, label: 'ครัวเรือนที่รายจ่ายเกินรายได้', detail: '12 จาก 40 ครัวเรือน · บัญชีครัวเรือน.xlsx · 3 ก.พ. 2569' },
      { evidenceKey: again.id, label: 'หมู่ 1: ปัญหาที่พบมากที่สุด', detail: `${failing.valueText} · จปฐ. 2563 · ปี 2563` },
      { evidenceKey: failing.id, label: 'หมู่ 1: ครัวเรือนที่ไม่ผ่านเกณฑ์', detail: `${failing.valueText} · จปฐ. 2563 · ปี 2563` },
    ]);
    expect(failing.valueText).toMatch(/^ไม่ผ่าน \d+\.\d% \(\d+ จาก \d+ ครัวเรือน\)$/);

    const problemsWithoutEvidence = async () =>
      (await ok(ctx, 'forum.readiness')).items.filter((i) => i.code === 'problem-without-evidence').map((i) => i.rowId);
    expect(await problemsWithoutEvidence()).toEqual([row.id]);

    ctx.events.length = 0;
    const linked = await ok(ctx, 'forum.evidence.link', { pcsRowId: row.id, evidenceKey: failing.id });
    expect(linked.evidence).toEqual([{ id: expect.any(String) as string, evidenceKey: failing.id, label: 'หมู่ 1: ครัวเรือนที่ไม่ผ่านเกณฑ์' }]);
    expect(ctx.events.find((e) => e.event === 'data.changed')!.payload).toMatchObject({ capability: 'forum', tables: { pcs_evidence_links: [expect.any(String)] } });
    // Attaching the same item twice keeps one link.
    await ok(ctx, 'forum.evidence.link', { pcsRowId: row.id, evidenceKey: failing.id });
    const [listed] = await ok(ctx, 'forum.pcs.list', { issueId: issueIds[2]! });
    expect(listed!.evidence.map((e) => e.evidenceKey)).toEqual([failing.id]);
    expect(await problemsWithoutEvidence()).toEqual([]);

    // The exported table (1) carries the item's title in its evidence column.
    const out = await ok(ctx, 'forum.export.xlsx', { form: 'pcs', path: path.join(ctx.dir, 'pcs.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path);
    const cells: string[] = [];
    wb.getWorksheet('ประเด็นที่ 3')!.eachRow((r) => r.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain('หมู่ 1: ครัวเรือนที่ไม่ผ่านเกณฑ์');

    // A key that is no item, or an item since unpinned, is refused with the field named.
    const unknown = await fails(ctx, 'forum.evidence.link', { pcsRowId: row.id, evidenceKey: 'bmn:2563:indicator:17:tambon:pass' });
    expect(unknown).toMatchObject({ code: 'REFUSED', field: 'evidenceKey' });
    expect(unknown.messageTh).toContain('ปักหมุด');
    await ok(ctx, 'evidence.unpin', { id: ledgers.id });
    expect((await fails(ctx, 'forum.evidence.link', { pcsRowId: row.id, evidenceKey: ledgers.id })).code).toBe('REFUSED');
    expect((await ok(ctx, 'forum.evidence.candidates', { pcsRowId: row.id })).map((c) => c.evidenceKey)).toEqual([again.id, failing.id]);

    // The item outlives its import, and says so; the link keeps the title it was attached with.
    await ok(ctx, 'imports.undo', { id: importId });
    const after = await ok(ctx, 'forum.evidence.candidates', { pcsRowId: row.id });
    expect(after.find((c) => c.evidenceKey === failing.id)!.detail).toBe(`${failing.valueText} · จปฐ. 2563 (การนำเข้าถูกยกเลิกแล้ว) · ปี 2563`);
    await ok(ctx, 'evidence.unpin', { id: failing.id });
    expect((await ok(ctx, 'forum.pcs.list', { issueId: issueIds[2]! }))[0]!.evidence.map((e) => e.label)).toEqual(['หมู่ 1: ครัวเรือนที่ไม่ผ่านเกณฑ์']);

    const detached = await ok(ctx, 'forum.evidence.unlink', { linkId: linked.evidence[0]!.id });
    expect(detached.evidence).toEqual([]);
    expect(await problemsWithoutEvidence()).toEqual([row.id]);
  });

  it('refreshes the offer when a figure is pinned or an import undone', () => {
    // The renderer's cache refreshes a query when a change names a table the channel reads.
    const reads = forumSlice.channels['forum.evidence.candidates'].reads;
    expect(reads).toEqual(expect.arrayContaining(['evidence_items', 'imports']));
  });
});
