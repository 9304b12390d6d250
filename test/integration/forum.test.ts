/**
 * The forum's services through dispatch, over real SQLite files: village plans and their
 * classification, problem–cause–solution rows (order, moves, undo, two windows editing one row),
 * projects (sources and funders, the provincial flag, votes, ranking, tie-breaks), participants
 * (names stay local), the readiness check and the projector's shared state.
 */
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/main/db/schema';
import { closingContexts, createNaSai, fails, ok } from '../support/context';

const context = closingContexts();

async function naSai() {
  const ctx = context();
  const summary = await createNaSai(ctx);
  const v1 = await ok(ctx, 'villages.add', { moo: 1, name: 'บ้านนาทราย' });
  const v2 = await ok(ctx, 'villages.add', { moo: 2, name: 'บ้านควนหรั่ง' });
  const issues = (await ok(ctx, 'workspace.current'))!.framework.issues;
  const sql = ctx.session.workspace!.sqlite;
  const issueIds = (sql.prepare('select id from strategic_issues where deleted_at is null order by no').all() as { id: string }[]).map((r) => r.id);
  return { ctx, summary, v1, v2, issues, issueIds, sql };
}

const changes = (ctx: ReturnType<typeof context>) =>
  ctx.events.filter((e) => e.event === 'data.changed').map((e) => e.payload as { capability: string; action: string; tables: Record<string, string[]> });

describe('village plans', () => {
  it('keeps each village its ranked problems and project ideas, revised or not, and classifies them under issues', async () => {
    const { ctx, v1, v2, issueIds } = await naSai();
    const flood = await ok(ctx, 'forum.villageItems.add', { villageId: v1.id, kind: 'problem', values: { text: 'น้ำท่วมขังในฤดูฝน' } });
    const road = await ok(ctx, 'forum.villageItems.add', { villageId: v1.id, kind: 'problem', values: { text: 'ถนนในหมู่บ้านชำรุด' } });
    // Placed between: after the first, before the second.
    const debt = await ok(ctx, 'forum.villageItems.add', { villageId: v1.id, kind: 'problem', after: flood.id, values: { text: 'หนี้สินครัวเรือน' } });
    const idea = await ok(ctx, 'forum.villageItems.add', {
      villageId: v2.id,
      kind: 'project',
      values: { text: 'ขุดลอกคลองส่งน้ำ', how: 'support', estimatedBudget: 350_000 },
    });
    let list = await ok(ctx, 'forum.villagePlans.list');
    expect(list.items.filter((i) => i.villageId === v1.id).map((i) => i.text)).toEqual(['น้ำท่วมขังในฤดูฝน', 'หนี้สินครัวเรือน', 'ถนนในหมู่บ้านชำรุด']);
    expect(list.items.find((i) => i.id === idea.id)).toMatchObject({ how: 'support', estimatedBudget: 350_000, issueId: null });

    // The village's priority: Alt+↑ moves the road above the debt.
    await ok(ctx, 'forum.villageItems.move', { id: road.id, direction: 'up' });
    list = await ok(ctx, 'forum.villagePlans.list');
    expect(list.items.filter((i) => i.villageId === v1.id).map((i) => i.id)).toEqual([flood.id, road.id, debt.id]);

    await ok(ctx, 'forum.villagePlans.set', { villageId: v1.id, revised: true, revisedOn: '2026-02-10' });
    list = await ok(ctx, 'forum.villagePlans.list');
    expect(list.plans).toEqual([{ villageId: v1.id, revised: true, revisedOn: '2026-02-10', rev: 1 }]);

    // Classification: where the board saw it is checked, so two windows cannot both move one card silently.
    await ok(ctx, 'forum.villageItems.classify', { id: flood.id, issueId: issueIds[3]!, from: null });
    const conflict = await fails(ctx, 'forum.villageItems.classify', { id: flood.id, issueId: issueIds[1]!, from: null });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.messageTh).toContain('หน้าต่างอื่น');
    const moved = await ok(ctx, 'forum.villageItems.classify', { id: flood.id, issueId: null, from: issueIds[3]! });
    expect(moved.issueId).toBeNull();
    expect((await fails(ctx, 'forum.villageItems.classify', { id: flood.id, issueId: 'nope', from: null })).code).toBe('NOT_FOUND');
  });

  it('refuses text with control characters and a budget past its limit, naming the field in Thai', async () => {
    const { ctx, v1 } = await naSai();
    const bad = await fails(ctx, 'forum.villageItems.add', { villageId: v1.id, kind: 'problem', values: { text: 'น้ำ\u001b[31mท่วม' } });
    expect(bad.messageTh).toContain('รายการ');
    const big = await fails(ctx, 'forum.villageItems.add', { villageId: v1.id, kind: 'project', values: { text: 'x', estimatedBudget: 1e13 } });
    expect(big.messageTh).toBe('งบประมาณโดยประมาณต้องอยู่ระหว่าง 0 ถึง 10,000,000,000');
  });
});

describe('problem–cause–solution tables', () => {
  it('keeps ordered rows with several causes and solutions and their source villages, and announces each change', async () => {
    const { ctx, v1, v2, issueIds } = await naSai();
    const issue = issueIds[2]!;
    ctx.events.length = 0;
    const a = await ok(ctx, 'forum.pcs.add', {
      issueId: issue,
      values: { problem: 'รายได้ไม่พอรายจ่าย', causes: ['ราคาผลผลิตตกต่ำ', ' ต้นทุนการผลิตสูง ', ''], solutions: ['รวมกลุ่มแปรรูป'], sourceVillageIds: [v2.id, v1.id, v2.id] },
    });
    expect(a.causes).toEqual(['ราคาผลผลิตตกต่ำ', 'ต้นทุนการผลิตสูง']);
    expect(a.sourceVillageIds).toEqual([v2.id, v1.id]);
    expect(changes(ctx)).toEqual([{ capability: 'forum', action: 'forum.pcs.add', tables: { pcs_rows: [a.id] } }]);
    const c = await ok(ctx, 'forum.pcs.add', { issueId: issue });
    const b = await ok(ctx, 'forum.pcs.add', { issueId: issue, after: a.id, values: { problem: 'หนี้นอกระบบ' } });
    expect((await ok(ctx, 'forum.pcs.list', { issueId: issue })).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(await ok(ctx, 'forum.pcs.list', { issueId: issueIds[0]! })).toEqual([]);

    await ok(ctx, 'forum.pcs.move', { id: c.id, direction: 'up' });
    await ok(ctx, 'forum.pcs.move', { id: c.id, direction: 'up' });
    // At the top already: nothing moves.
    expect(await ok(ctx, 'forum.pcs.move', { id: c.id, direction: 'up' })).toEqual([]);
    expect((await ok(ctx, 'forum.pcs.list', { issueId: issue })).map((r) => r.id)).toEqual([c.id, a.id, b.id]);

    // Delete is a tombstone, and undo brings the row back where it was.
    await ok(ctx, 'forum.pcs.delete', { id: a.id });
    expect((await ok(ctx, 'forum.pcs.list', { issueId: issue })).map((r) => r.id)).toEqual([c.id, b.id]);
    await ok(ctx, 'forum.pcs.restore', { id: a.id });
    expect((await ok(ctx, 'forum.pcs.list', { issueId: issue })).map((r) => r.id)).toEqual([c.id, a.id, b.id]);
  });

  it('a saved row travels with its own event, before the change event (a window shows it before its lists load again), and the counts per issue follow', async () => {
    const { ctx, issueIds } = await naSai();
    const row = await ok(ctx, 'forum.pcs.add', { issueId: issueIds[2]!, values: { problem: 'ก' } });
    await ok(ctx, 'forum.projects.add', { issueId: issueIds[2]!, values: { name: 'โครงการ', votes: 3 } });
    await ok(ctx, 'forum.projects.add', { issueId: issueIds[2]!, values: { name: 'ยังไม่โหวต' } });
    ctx.events.length = 0;
    const saved = await ok(ctx, 'forum.pcs.update', { id: row.id, rev: row.rev, patch: { problem: 'ข' } });
    expect(ctx.events.map((e) => e.event)).toEqual(['forum.row.saved', 'data.changed']);
    expect(ctx.events[0]!.payload).toEqual({ table: 'pcs_rows', row: saved });
    ctx.events.length = 0;
    const project = (await ok(ctx, 'forum.projects.list', { issueId: issueIds[2]! }))[0]!;
    const savedProject = await ok(ctx, 'forum.projects.update', { id: project.id, rev: project.rev, patch: { votes: 4 } });
    expect(ctx.events.map((e) => e.event)).toEqual(['forum.row.saved', 'data.changed']);
    expect(ctx.events[0]!.payload).toEqual({ table: 'projects', row: savedProject });
    const counts = await ok(ctx, 'forum.overview');
    expect(counts.find((c) => c.issueId === issueIds[2])).toEqual({ issueId: issueIds[2], pcs: 1, projects: 2, ranked: 1, items: 0 });
    expect(counts.find((c) => c.issueId === issueIds[0])).toMatchObject({ pcs: 0, projects: 0 });
  });

  it('inserting many rows at one place never runs out of room between sort keys', async () => {
    const { ctx, issueIds } = await naSai();
    const issue = issueIds[0]!;
    const first = await ok(ctx, 'forum.pcs.add', { issueId: issue, values: { problem: 'first' } });
    await ok(ctx, 'forum.pcs.add', { issueId: issue, values: { problem: 'last' } });
    for (let i = 0; i < 60; i += 1) await ok(ctx, 'forum.pcs.add', { issueId: issue, after: first.id, values: { problem: `n${i}` } });
    const rows = await ok(ctx, 'forum.pcs.list', { issueId: issue });
    expect(rows[0]!.problem).toBe('first');
    expect(rows[1]!.problem).toBe('n59');
    expect(rows.at(-2)!.problem).toBe('n0');
    expect(rows.at(-1)!.problem).toBe('last');
    expect(new Set(rows.map((r) => r.sortKey)).size).toBe(rows.length);
  });

  it('two windows editing one row: a change to a field the other changed is refused, a change to another field goes through', async () => {
    const { ctx, issueIds } = await naSai();
    const row = await ok(ctx, 'forum.pcs.add', { issueId: issueIds[0]!, values: { problem: 'น้ำไม่พอใช้' } });
    // Window A saves the problem text.
    const a = await ok(ctx, 'forum.pcs.update', { id: row.id, rev: row.rev, patch: { problem: 'น้ำประปาไม่พอใช้' }, base: { problem: 'น้ำไม่พอใช้' } });
    expect(a.rev).toBe(row.rev + 1);
    // Window B, still at the old rev, saves the same field from the old text: told, not overwritten.
    const clash = await fails(ctx, 'forum.pcs.update', { id: row.id, rev: row.rev, patch: { problem: 'น้ำบาดาลไม่พอ' }, base: { problem: 'น้ำไม่พอใช้' } });
    expect(clash).toMatchObject({ code: 'CONFLICT', field: 'problem' });
    expect(clash.messageTh).toContain('ปัญหา');
    expect((await ok(ctx, 'forum.pcs.list', { issueId: issueIds[0]! }))[0]!.problem).toBe('น้ำประปาไม่พอใช้');
    // Without a base the stale rev alone is a conflict.
    expect((await fails(ctx, 'forum.pcs.update', { id: row.id, rev: row.rev, patch: { causes: ['x'] } })).code).toBe('CONFLICT');
    // Window B's causes, a field A did not touch, go through at the old rev.
    const b = await ok(ctx, 'forum.pcs.update', { id: row.id, rev: row.rev, patch: { causes: ['ท่อแตก'] }, base: { causes: [] } });
    expect(b).toMatchObject({ problem: 'น้ำประปาไม่พอใช้', causes: ['ท่อแตก'] });
    // A reorder bumps rev but not the words: an edit from before it still saves.
    await ok(ctx, 'forum.pcs.add', { issueId: issueIds[0]! });
    const rows = await ok(ctx, 'forum.pcs.list', { issueId: issueIds[0]! });
    await ok(ctx, 'forum.pcs.move', { id: rows[1]!.id, direction: 'up' });
    await ok(ctx, 'forum.pcs.update', { id: row.id, rev: b.rev, patch: { solutions: ['ซ่อมท่อ'] }, base: { solutions: [] } });
  });

  it('an empty text and none are one value to the conflict check', async () => {
    const { ctx } = await naSai();
    const p = await ok(ctx, 'forum.participants.add', {
      values: { name: 'นางมาลี ศรีสุข', villageId: null, role: 'partner', organisation: null, groupIssueId: null, attended: false },
    });
    expect(p.organisation).toBeNull();
    await ok(ctx, 'forum.participants.update', { id: p.id, rev: p.rev, patch: { attended: true }, base: { attended: false } });
    // The other window's cell was empty ('') where the row holds none: its words go in.
    const saved = await ok(ctx, 'forum.participants.update', { id: p.id, rev: p.rev, patch: { organisation: 'กลุ่มออมทรัพย์' }, base: { organisation: '' } });
    expect(saved).toMatchObject({ organisation: 'กลุ่มออมทรัพย์', attended: true });
  });
});

describe('projects, votes and ranking', () => {
  it('maps each amount to its funder’s column, and follows the funder when it is remapped', async () => {
    const { ctx, issueIds } = await naSai();
    const added = await ok(ctx, 'forum.funders.addCommon');
    expect(added.map((f) => f.name)).toContain('สถาบันพัฒนาองค์กรชุมชน (พอช.)');
    // Adding the common list twice adds nothing.
    expect(await ok(ctx, 'forum.funders.addCommon')).toEqual([]);
    const podchor = added.find((f) => f.name.includes('พอช.'))!;
    const project = await ok(ctx, 'forum.projects.add', {
      issueId: issueIds[2]!,
      values: {
        name: 'ธนาคารปุ๋ยชุมชน',
        funding: [
          { funderId: podchor.id, column: 'province', amount: 120_000 },
          { funderId: null, column: 'local', amount: 30_000 },
        ],
        yearBudgets: { '2570': 50_000, '2571': 100_000 },
      },
    });
    // The funder says which column, whatever the line said.
    expect(project.funding[0]).toEqual({ funderId: podchor.id, column: 'agency', amount: 120_000 });
    await ok(ctx, 'forum.funders.update', { id: podchor.id, rev: podchor.rev, patch: { column: 'province' } });
    const settings = await ok(ctx, 'forum.settings.get');
    const { fundingByColumn } = await import('../../src/shared/domain/forum');
    expect(fundingByColumn(project, settings.funders)).toEqual({ local: 30_000, agency: 0, province: 120_000 });
    expect((await fails(ctx, 'forum.funders.add', { name: podchor.name, column: 'local' })).code).toBe('CONFLICT');
  });

  it('flags at most two projects for the provincial team, naming the two already flagged', async () => {
    const { ctx, issueIds } = await naSai();
    const [a, b, c] = await Promise.all(['ก', 'ข', 'ค'].map((name) => ok(ctx, 'forum.projects.add', { issueId: issueIds[0]!, values: { name } })));
    await ok(ctx, 'forum.projects.update', { id: a!.id, rev: a!.rev, patch: { provincialFlag: true } });
    await ok(ctx, 'forum.projects.update', { id: b!.id, rev: b!.rev, patch: { provincialFlag: true } });
    const third = await fails(ctx, 'forum.projects.update', { id: c!.id, rev: c!.rev, patch: { provincialFlag: true } });
    expect(third).toMatchObject({ code: 'REFUSED', field: 'provincialFlag' });
    expect(third.messageTh).toContain('“ก” และ “ข”');
  });

  it('ranks by votes, keeps ties until the facilitator decides, and marks an issue with fewer than 10', async () => {
    const { ctx, issueIds } = await naSai();
    const issue = issueIds[1]!;
    const names = ['ลานกีฬา', 'ศูนย์เด็กเล็ก', 'ไฟฟ้าส่องทาง', 'ประปาหมู่บ้าน', 'ตลาดชุมชน'];
    const projects = [];
    for (const name of names) projects.push(await ok(ctx, 'forum.projects.add', { issueId: issue, values: { name } }));
    const votes = [12, 30, 12, 7, null];
    for (const [i, p] of projects.entries()) await ok(ctx, 'forum.projects.update', { id: p.id, rev: p.rev, patch: { votes: votes[i] ?? null } });
    let ranking = await ok(ctx, 'forum.ranking.get', { issueId: issue });
    expect(ranking.ranked.map((r) => [r.rank, r.undecided])).toEqual([
      [1, false],
      [2, true],
      [2, true],
      [4, false],
    ]);
    expect(ranking.undecidedTies).toEqual([[projects[0]!.id, projects[2]!.id]]);
    expect(ranking.unranked).toEqual([projects[4]!.id]);
    expect(ranking.fewerThanMinimum).toBe(true);

    // A tie-break only orders equal votes.
    expect((await fails(ctx, 'forum.decisions.tieBreak', { issueId: issue, order: [projects[0]!.id, projects[1]!.id], note: 'x' })).code).toBe('REFUSED');
    const decision = await ok(ctx, 'forum.decisions.tieBreak', {
      issueId: issue,
      order: [projects[2]!.id, projects[0]!.id],
      note: 'ที่ประชุมเห็นว่าไฟฟ้าส่องทางเร่งด่วนกว่าเพราะเกิดอุบัติเหตุบ่อย',
    });
    ranking = await ok(ctx, 'forum.ranking.get', { issueId: issue });
    expect(ranking.ranked.map((r) => r.id)).toEqual([projects[1]!.id, projects[2]!.id, projects[0]!.id, projects[3]!.id]);
    expect(ranking.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranking.ranked[1]!.decisionId).toBe(decision.id);
    expect(ranking.decisions).toHaveLength(1);
    // Withdrawn, the tie is open again; undo brings the decision back.
    await ok(ctx, 'forum.decisions.delete', { id: decision.id });
    expect((await ok(ctx, 'forum.ranking.get', { issueId: issue })).undecidedTies).toHaveLength(1);
    await ok(ctx, 'forum.decisions.restore', { id: decision.id });
    expect((await ok(ctx, 'forum.ranking.get', { issueId: issue })).undecidedTies).toHaveLength(0);
  });
});

describe('participants and personal data', () => {
  it('counts attendance; names live only in local tables', async () => {
    const { ctx, v1, issueIds, sql } = await naSai();
    const p = await ok(ctx, 'forum.participants.add', {
      values: { name: 'นางมาลี ศรีสุข', villageId: v1.id, role: 'leader', organisation: null, groupIssueId: issueIds[0]!, attended: true },
    });
    await ok(ctx, 'forum.participants.add', {
      values: { name: 'นายวิชัย ทองดี', villageId: null, role: 'partner', organisation: 'รพ.สต.นาทราย', groupIssueId: null, attended: false },
    });
    await ok(ctx, 'forum.record.update', { rev: null, patch: { heldOn: '2026-03-15', place: 'ศาลาประชาคม', facilitators: 'นายสมพงษ์ ใจงาม' } });
    expect(p.name).toBe('นางมาลี ศรีสุข');
    // Every table that travels, every column: no participant's or facilitator's name.
    for (const [name, travel] of Object.entries(schema.travelClass)) {
      if (travel === 'local') continue;
      const dump = JSON.stringify(sql.prepare(`select * from ${name}`).all());
      expect(dump, name).not.toContain('มาลี');
      expect(dump, name).not.toContain('วิชัย');
      expect(dump, name).not.toContain('สมพงษ์');
    }
    const record = await ok(ctx, 'forum.record.get');
    expect(record).toMatchObject({ heldOn: '2026-03-15', place: 'ศาลาประชาคม', facilitators: 'นายสมพงษ์ ใจงาม' });
    // A stale record edit of the same field is refused.
    await ok(ctx, 'forum.record.update', { rev: record.rev, patch: { place: 'วัดนาทราย' }, base: { place: 'ศาลาประชาคม' } });
    expect((await fails(ctx, 'forum.record.update', { rev: record.rev, patch: { place: 'โรงเรียน' }, base: { place: 'ศาลาประชาคม' } })).code).toBe('CONFLICT');
  });
});

describe('the readiness check', () => {
  it('lists what is missing, each finding naming what it is about', async () => {
    const { ctx, v1, v2, issueIds } = await naSai();
    await ok(ctx, 'forum.villagePlans.set', { villageId: v1.id, revised: true, revisedOn: '2026-02-01' });
    await ok(ctx, 'forum.participants.add', {
      values: { name: 'ก', villageId: v2.id, role: 'leader', organisation: null, groupIssueId: null, attended: true },
    });
    const row = await ok(ctx, 'forum.pcs.add', { issueId: issueIds[0]!, values: { problem: 'น้ำท่วม', causes: ['ทางน้ำตื้นเขิน'] } });
    await ok(ctx, 'forum.villageItems.add', { villageId: v1.id, kind: 'problem', values: { text: 'x' } });
    const { items } = await ok(ctx, 'forum.readiness');
    const codes = items.map((i) => `${i.code}:${i.villageId ?? i.issueId ?? ''}`);
    expect(codes).toContain('forum-not-recorded:');
    expect(codes).toContain(`village-plan-not-revised:${v2.id}`);
    expect(codes).not.toContain(`village-plan-not-revised:${v1.id}`);
    expect(codes).toContain(`village-no-attendance:${v1.id}`);
    expect(codes).not.toContain(`village-no-attendance:${v2.id}`);
    expect(items.find((i) => i.code === 'problem-without-solution')).toMatchObject({ rowId: row.id, issueId: issueIds[0] });
    expect(items.some((i) => i.code === 'problem-without-cause')).toBe(false);
    expect(items.find((i) => i.code === 'items-unclassified')?.count).toBe(1);
    expect(items.filter((i) => i.code === 'issue-few-ranked')).toHaveLength(5);
    expect(items.find((i) => i.code === 'issue-few-ranked')!.messageTh).toContain('ควรมีอย่างน้อย 10');
  });
});

describe('the projector', () => {
  it('is shared state: every change is announced with a higher seq; ←/→ steps through issues; reveal hides rows added later', async () => {
    const { ctx, issueIds, v1, v2 } = await naSai();
    const states = () => ctx.events.filter((e) => e.event === 'forum.projector.changed').map((e) => e.payload as { seq: number; issueId: string | null });
    const first = await ok(ctx, 'forum.projector.set', { view: 'pcs' });
    expect(first.issueId).toBe(issueIds[0]);
    const stepped = await ok(ctx, 'forum.projector.step', { delta: 1 });
    expect(stepped.issueId).toBe(issueIds[1]);
    expect(states().map((s) => s.seq)).toEqual([1, 2]);
    // The last issue stays the last.
    await ok(ctx, 'forum.projector.set', { issueId: issueIds[4]! });
    expect((await ok(ctx, 'forum.projector.step', { delta: 1 })).issueId).toBe(issueIds[4]);

    const before = await ok(ctx, 'forum.pcs.add', { issueId: issueIds[4]!, values: { problem: 'มีอยู่ก่อน' } });
    const on = await ok(ctx, 'forum.projector.reveal', { mode: 'on' });
    expect(on.reveal.shown).toEqual([before.id]);
    const later = await ok(ctx, 'forum.pcs.add', { issueId: issueIds[4]!, values: { problem: 'พิมพ์ระหว่างเวที' } });
    expect((await ok(ctx, 'forum.projector.get')).reveal.shown).not.toContain(later.id);
    expect((await ok(ctx, 'forum.projector.reveal', { mode: 'next' })).reveal.shown).toContain(later.id);

    // Locked: ←/→ does nothing.
    await ok(ctx, 'forum.projector.set', { locked: true });
    expect((await ok(ctx, 'forum.projector.step', { delta: -1 })).issueId).toBe(issueIds[4]);
    await ok(ctx, 'forum.projector.set', { locked: false, view: 'village' });
    expect((await ok(ctx, 'forum.projector.get')).villageId).toBe(v1.id);
    expect((await ok(ctx, 'forum.projector.step', { delta: 1 })).villageId).toBe(v2.id);

    const started = await ok(ctx, 'forum.projector.countdown', { action: 'start', minutes: 5 });
    expect(started.countdown).toMatchObject({ running: true, durationMs: 300_000, visible: true });
    const paused = await ok(ctx, 'forum.projector.countdown', { action: 'pause' });
    expect(paused.countdown.running).toBe(false);
    expect(paused.countdown.remainingMs).toBeGreaterThan(299_000);
    expect((await fails(ctx, 'forum.projector.set', { issueId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('starts afresh for another workspace', async () => {
    const { ctx } = await naSai();
    await ok(ctx, 'forum.projector.set', { view: 'analysis', locked: true });
    await createNaSai(ctx, 'other.tambon');
    expect(await ok(ctx, 'forum.projector.get')).toMatchObject({ view: 'overview', locked: false });
  });
});
