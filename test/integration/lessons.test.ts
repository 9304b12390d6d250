/**
 * Lessons learned (ถอดบทเรียน): records through dispatch on a real workspace file, Thai messages
 * that name the field, attachment to the forum and to a project (refused when the target is not
 * there), keyword search through the FTS5 trigram index — substrings inside Thai text, a query too
 * short for the index, keywords matched exactly, a tombstoned lesson never found —, delete with
 * undo, the recorder's name kept out of the travelling table, and the FTS index kept in step.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { lessonValues } from '../../src/shared/domain/lessons';
import { closingContexts, createNaSai, fails, ok } from '../support/context';

const context = closingContexts();

type Input = z.input<typeof lessonValues>;

function lesson(over: Partial<Input> = {}): Input {
  return {
    title: 'การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว',
    heldOn: '2026-05-20',
    place: 'ศาลาประชาคมหมู่ที่ 2',
    recorder: 'นางสาวทดสอบ บันทึกดี',
    story: 'ชาวบ้านรวมกลุ่มกันทำปุ๋ยหมักจากฟางข้าวและมูลสัตว์\nใช้เองในแปลงนา ลดการซื้อปุ๋ยเคมีได้ครึ่งหนึ่ง',
    knowledgeAssets: 'สูตรปุ๋ยหมักฟางข้าว 3:1\nการกลับกองทุก 7 วัน',
    coreCompetency: 'การรวมกลุ่มพึ่งตนเอง',
    strategy: 'เริ่มจากแปลงสาธิตของผู้นำ แล้วขยายผล',
    relatedRules: 'ข้อตกลงกลุ่มเกษตรกรทำนา',
    keywords: ['ปุ๋ยหมัก', 'ข้าว', 'ลดต้นทุน'],
    target: null,
    ...over,
  };
}

async function setUp() {
  const ctx = context();
  await createNaSai(ctx);
  return ctx;
}

describe('lessons', () => {
  it('are recorded, read back and listed newest activity first; the recorder stays in the local table', async () => {
    const ctx = await setUp();
    const a = await ok(ctx, 'lessons.create', { values: lesson() });
    expect(a).toMatchObject({ title: 'การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว', heldOn: '2026-05-20', recorder: 'นางสาวทดสอบ บันทึกดี', keywords: ['ปุ๋ยหมัก', 'ข้าว', 'ลดต้นทุน'], rev: 1 });
    expect(a.story).toContain('\n');
    const b = await ok(ctx, 'lessons.create', { values: lesson({ title: 'ตลาดนัดชุมชนวันเสาร์', heldOn: '2026-08-01', keywords: ['ตลาด'], recorder: null }) });
    const list = await ok(ctx, 'lessons.list', {});
    expect(list.lessons.map((l) => l.id)).toEqual([b.id, a.id]);
    expect(list.total).toBe(2);
    expect(list.keywords).toEqual(expect.arrayContaining([{ keyword: 'ข้าว', count: 1 }, { keyword: 'ตลาด', count: 1 }]));

    const sqlite = ctx.session.workspace!.sqlite;
    const row = sqlite.prepare('select * from lessons where id = ?').get(a.id) as Record<string, unknown>;
    expect(Object.values(row).join('\n')).not.toContain('บันทึกดี');
    expect(sqlite.prepare('select recorder_name from lesson_recorders where lesson_id = ?').pluck().get(a.id)).toBe('นางสาวทดสอบ บันทึกดี');

    const edited = await ok(ctx, 'lessons.update', { id: a.id, rev: a.rev, values: lesson({ recorder: 'นายผู้บันทึก คนใหม่', keywords: ['ปุ๋ยหมัก'] }) });
    expect(edited).toMatchObject({ rev: 2, recorder: 'นายผู้บันทึก คนใหม่', keywords: ['ปุ๋ยหมัก'] });
    // A second window saving from the old rev is told, not silently overwritten.
    const conflict = await fails(ctx, 'lessons.update', { id: a.id, rev: a.rev, values: lesson({ title: 'ชื่อจากหน้าต่างเก่า' }) });
    expect(conflict.code).toBe('CONFLICT');
    expect((await ok(ctx, 'lessons.get', { id: a.id })).title).toBe('การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว');
  });

  it('refuse bad input with Thai messages that name the field by its label', async () => {
    const ctx = await setUp();
    const noTitle = await fails(ctx, 'lessons.create', { values: lesson({ title: '   ' }) });
    expect(noTitle.code).toBe('VALIDATION');
    expect(noTitle.messageTh).toContain('ชื่อเรื่อง');
    const badDate = await fails(ctx, 'lessons.create', { values: lesson({ heldOn: '2569-02-31x' }) });
    expect(badDate.messageTh).toContain('วันที่');
    const control = await fails(ctx, 'lessons.create', { values: lesson({ place: 'ศาลา\u0007' }) });
    expect(control.messageTh).toContain('สถานที่');
    // The story is multi-line; a one-line field refuses a line break.
    const lineInTitle = await fails(ctx, 'lessons.create', { values: lesson({ title: 'บรรทัดแรก\nบรรทัดสอง' }) });
    expect(lineInTitle.messageTh).toContain('ชื่อเรื่อง');
    const long = await fails(ctx, 'lessons.create', { values: lesson({ keywords: ['ก'.repeat(61)] }) });
    expect(long.messageTh).toContain('คำสำคัญ');
    expect((await ok(ctx, 'lessons.list', {})).total).toBe(0);
  });

  it('attach to the forum or a project, and refuse a target that is not there', async () => {
    const ctx = await setUp();
    await ok(ctx, 'forum.record.update', { rev: null, patch: { heldOn: '2026-03-15', place: 'ศาลาประชาคม' } });
    const record = { id: ctx.session.workspace!.sqlite.prepare('select id from forum_records where deleted_at is null').pluck().get() as string };
    const issueId = ctx.session.workspace!.sqlite.prepare('select id from strategic_issues where deleted_at is null order by no').pluck().get() as string;
    const project = await ok(ctx, 'forum.projects.add', { issueId, values: { name: 'ส่งเสริมปุ๋ยอินทรีย์' } });
    const targets = await ok(ctx, 'lessons.targets', {});
    expect(targets).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'forum', id: record.id }), { kind: 'project', id: project.id, label: 'โครงการ ส่งเสริมปุ๋ยอินทรีย์' }]));

    const onForum = await ok(ctx, 'lessons.create', { values: lesson({ target: { kind: 'forum', id: record.id } }) });
    expect(onForum.targetLabel).toContain('เวทีประชาคมตำบล');
    expect(onForum.targetLabel).toContain('2569');
    const onProject = await ok(ctx, 'lessons.create', { values: lesson({ title: 'บทเรียนโครงการ', target: { kind: 'project', id: project.id } }) });
    expect(onProject.targetLabel).toBe('โครงการ ส่งเสริมปุ๋ยอินทรีย์');
    const missing = await fails(ctx, 'lessons.create', { values: lesson({ target: { kind: 'project', id: 'no-such-project' } }) });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'target' });
    expect(missing.messageTh).toContain('เรื่องที่เกี่ยวข้อง');
    // An assessment round is checked and named by its label.
    const round = await ok(ctx, 'assessment.addRound', { label: 'ก่อนดำเนินการ 2569', roundDate: null, notes: null });
    const onRound = await ok(ctx, 'lessons.create', { values: lesson({ title: 'บทเรียนรอบประเมิน', target: { kind: 'assessmentRound', id: round.id } }) });
    expect(onRound.target).toEqual({ kind: 'assessmentRound', id: round.id });
    expect(onRound.targetLabel).toBe('รอบการประเมิน ก่อนดำเนินการ 2569');
    expect((await fails(ctx, 'lessons.create', { values: lesson({ target: { kind: 'assessmentRound', id: 'no-such-round' } }) })).field).toBe('target');

    const ofProject = await ok(ctx, 'lessons.list', { target: { kind: 'project', id: project.id } });
    expect(ofProject.lessons.map((l) => l.id)).toEqual([onProject.id]);
    // A deleted project leaves the lesson, which says its target is gone.
    await ok(ctx, 'forum.projects.delete', { id: project.id });
    expect((await ok(ctx, 'lessons.get', { id: onProject.id })).targetLabel).toBeNull();
  });

  it('are found by substrings of Thai text (trigram index), by short queries, and by keywords exactly', async () => {
    const ctx = await setUp();
    const compost = await ok(ctx, 'lessons.create', { values: lesson() });
    const market = await ok(ctx, 'lessons.create', {
      values: lesson({ title: 'ตลาดนัดสีเขียว', story: 'เกษตรกรนำผักปลอดสารพิษมาขายทุกวันเสาร์ที่ลานวัด', knowledgeAssets: '', keywords: ['ตลาด', 'นา'], heldOn: '2026-06-01' }),
    });
    const find = async (query: string) => (await ok(ctx, 'lessons.list', { query })).lessons.map((l) => l.id).sort();

    // Inside a sentence with no spaces: "ลดการซื้อ" sits in the middle of the story.
    expect(await find('ลดการซื้อ')).toEqual([compost.id]);
    expect(await find('ปลอดสารพิษ')).toEqual([market.id]);
    expect(await find('ฟางข้าว')).toEqual([compost.id]);
    // The knowledge assets and the strategy are searched too.
    expect(await find('กลับกอง')).toEqual([compost.id]);
    expect(await find('แปลงสาธิต')).toEqual([compost.id, market.id].sort());
    // Two Thai letters are too short for a trigram: a scan finds them.
    expect(await find('ผัก')).toEqual([market.id]);
    expect(await find('วัด')).toEqual([market.id]);
    // "นา": inside the first one's story ("แปลงนา"), and the second one's keyword.
    expect(await find('นา')).toEqual([compost.id, market.id].sort());
    // An operator typed is text, not FTS5 syntax.
    expect(await find('ข้าว" OR "ตลาด')).toEqual([]);
    expect(await find('xyz*')).toEqual([]);

    // One keyword exactly: "ข้าว" is a keyword of the first only; a part of a keyword is not one.
    const byKeyword = await ok(ctx, 'lessons.list', { keyword: 'ข้าว' });
    expect(byKeyword.lessons.map((l) => l.id)).toEqual([compost.id]);
    expect((await ok(ctx, 'lessons.list', { keyword: 'ข้า' })).lessons).toEqual([]);

    // The index follows edits and deletes; a tombstoned lesson is never found, and comes back with undo.
    await ok(ctx, 'lessons.update', { id: market.id, rev: market.rev, values: lesson({ title: 'ตลาดนัดสีเขียว', story: 'ย้ายไปจัดที่หน้าโรงเรียน', keywords: ['ตลาด'] }) });
    expect(await find('ลานวัด')).toEqual([]);
    expect(await find('หน้าโรงเรียน')).toEqual([market.id]);
    const removed = await ok(ctx, 'lessons.remove', { id: compost.id });
    expect(removed.title).toContain('ปุ๋ยหมัก');
    expect(await find('ลดการซื้อ')).toEqual([]);
    expect((await ok(ctx, 'lessons.list', {})).total).toBe(1);
    const back = await ok(ctx, 'lessons.restore', { id: compost.id });
    expect(back.recorder).toBe('นางสาวทดสอบ บันทึกดี');
    expect(await find('ลดการซื้อ')).toEqual([compost.id]);
    const sqlite = ctx.session.workspace!.sqlite;
    expect(sqlite.prepare('select count(*) from lessons_fts').pluck().get()).toBe(2);
  });

  it('every change is one audited write with a change event naming the lessons capability and its rows', async () => {
    const ctx = await setUp();
    ctx.events.length = 0;
    const a = await ok(ctx, 'lessons.create', { values: lesson() });
    const changed = ctx.events.filter((e) => e.event === 'data.changed').map((e) => e.payload as { capability: string; tables: Record<string, string[]> });
    expect(changed).toHaveLength(1);
    expect(changed[0]!.capability).toBe('lessons');
    expect(changed[0]!.tables.lessons).toEqual([a.id]);
    expect(changed[0]!.tables.lesson_recorders).toHaveLength(1);
    const audit = ctx.session.workspace!.sqlite.prepare("select action from audit_log where action like 'lessons.%'").pluck().all();
    expect(audit).toEqual(['lessons.create']);
  });
});
