import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/rpc/dispatch';
import { openSession } from '../../src/main/services/workspace/lifecycle';
import { closingContexts, createNaSai, fails, ok } from '../support/context';

const context = closingContexts();

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function fingerprint(file: string) {
  const stat = fs.statSync(file);
  return { hash: digest(file), size: stat.size, mtimeMs: stat.mtimeMs, siblings: fs.readdirSync(path.dirname(file)).sort() };
}

describe('tambon workspace', () => {
  it('creates a workspace for ต.นาทราย from the gazetteer and the NST preset', async () => {
    const ctx = context();
    const summary = await createNaSai(ctx);
    expect(summary.tambon).toMatchObject({ code: '800108', nameTh: 'นาทราย', districtCode: '8001', provinceCode: '80', provinceNameTh: 'นครศรีธรรมราช' });
    expect(summary.office).toEqual({ type: 'sao', name: 'องค์การบริหารส่วนตำบลนาทราย' });
    expect(summary.framework.id).toBe('nst-coop-phase2');
    expect(summary.framework.issues).toHaveLength(5);
    expect(summary.readonly).toBe(false);
    // A real SQLite file in WAL mode with foreign keys.
    const raw = new Database(summary.path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect(fs.readdirSync(ctx.dir).filter((f) => f.includes('creating'))).toEqual([]);
  });

  it('takes a custom framework defined by hand', async () => {
    const ctx = context();
    const summary = await ok(ctx, 'workspace.create', {
      path: path.join(ctx.dir, 'custom.tambon'),
      tambonCode: '180101',
      officeType: 'tambon-municipality',
      officeName: 'เทศบาลตำบลทดสอบ',
      framework: { custom: { nameTh: 'ประเด็นของตำบล', issues: ['น้ำ', 'อาชีพ', 'สุขภาพ'] } },
    });
    expect(summary.framework.issues.map((i: { no: number; nameTh: string }) => [i.no, i.nameTh])).toEqual([[1, 'น้ำ'], [2, 'อาชีพ'], [3, 'สุขภาพ']]);
    expect(summary.framework.id).toMatch(/^custom-/);
  });

  it('keeps villages across close and reopen, sorted by หมู่ที่', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    for (const [moo, name] of [[3, 'บ้านควน'], [1, 'บ้านนาทราย'], [2, 'บ้านทุ่ง']] as const) await ok(ctx, 'villages.add', { moo, name, households: 120, population: 400, headman: 'นายสมชาย ใจดี' });
    await ok(ctx, 'workspace.close');
    expect(await ok(ctx, 'workspace.current')).toBeNull();
    const reopened = await ok(ctx, 'workspace.open', { path: file });
    expect(reopened.counts.villages).toBe(3);
    const list = await ok(ctx, 'villages.list');
    expect(list.map((v) => [v.moo, v.code])).toEqual([[1, '80010801'], [2, '80010802'], [3, '80010803']]);
    expect(list[0]!.headman).toBe('นายสมชาย ใจดี');
    const prefs = await ok(ctx, 'prefs.get');
    expect(prefs.recent[0]!.path).toBe(file);
  });

  it('refuses a duplicate, 0 or 100 as หมู่ที่ and changes nothing', async () => {
    const ctx = context();
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 2, name: 'บ้านสอง' });
    const before = await ok(ctx, 'villages.list');
    const dup = await fails(ctx, 'villages.add', { moo: 2, name: 'ซ้ำ' });
    expect(dup).toMatchObject({ code: 'CONFLICT', field: 'moo' });
    expect(dup.messageTh).toContain('หมู่ที่ 2 มีอยู่แล้ว');
    for (const moo of [0, 100]) {
      const error = await fails(ctx, 'villages.add', { moo, name: 'ผิด' });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'moo' });
      expect(error.messageTh).toContain('1 ถึง 99');
    }
    expect(await ok(ctx, 'villages.list')).toEqual(before);
  });

  it('deletes by tombstone and undoes the delete', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    const v = await ok(ctx, 'villages.add', { moo: 5, name: 'บ้านห้า', headman: 'นางสาวทดสอบ' });
    const deleted = await ok(ctx, 'villages.delete', { id: v.id });
    expect(deleted.rev).toBe(2);
    expect(await ok(ctx, 'villages.list')).toEqual([]);
    const raw = new Database(file, { readonly: true });
    expect((raw.prepare('select deleted_at from villages where id = ?').get(v.id) as { deleted_at: unknown }).deleted_at).toBeTypeOf('string');
    raw.close();
    const restored = await ok(ctx, 'villages.restore', { id: v.id });
    expect(restored).toMatchObject({ moo: 5, headman: 'นางสาวทดสอบ', rev: 3 });
    expect((await ok(ctx, 'villages.list')).map((x: { id: string }) => x.id)).toEqual([v.id]);
  });

  it('refuses to undo a delete when the หมู่ที่ was taken meanwhile', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const v = await ok(ctx, 'villages.add', { moo: 4, name: 'เดิม' });
    await ok(ctx, 'villages.delete', { id: v.id });
    await ok(ctx, 'villages.add', { moo: 4, name: 'ใหม่' });
    expect(await fails(ctx, 'villages.restore', { id: v.id })).toMatchObject({ code: 'CONFLICT', field: 'moo' });
  });

  it('edits a village and bumps its revision', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const v = await ok(ctx, 'villages.add', { moo: 1, name: 'เก่า' });
    const edited = await ok(ctx, 'villages.update', { id: v.id, moo: 7, name: 'ใหม่', households: 10, isCommunity: true });
    expect(edited).toMatchObject({ moo: 7, name: 'ใหม่', code: null, households: 10, rev: 2, isCommunity: true });
  });

  it('records the operator of every registry change', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'ปลัดทดสอบ' });
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('select operator, action from audit_log order by seq').all();
    raw.close();
    expect(rows).toEqual([
      { operator: 'ปลัดทดสอบ', action: 'workspace.create' },
      { operator: 'ปลัดทดสอบ', action: 'village.add' },
    ]);
  });

  it('saves as a new file that opens on its own with its own workspace id', async () => {
    const ctx = context();
    const first = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    const copy = await ok(ctx, 'workspace.saveAs', { path: path.join(ctx.dir, 'copy.tambon') });
    expect(copy.path).toBe(path.join(ctx.dir, 'copy.tambon'));
    expect(copy.workspaceId).not.toBe(first.workspaceId);
    expect(copy.counts.villages).toBe(1);
    await ok(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    await ok(ctx, 'workspace.open', { path: first.path });
    expect(await ok(ctx, 'villages.list')).toHaveLength(1);
  });

  it('refuses to create over an existing file and leaves it untouched', async () => {
    const ctx = context();
    const file = path.join(ctx.dir, 'exists.tambon');
    fs.writeFileSync(file, 'keep me');
    const error = await fails(ctx, 'workspace.create', {
      path: file, tambonCode: '800108', officeType: 'sao', officeName: 'x', framework: { presetId: 'nst-coop-phase2' },
    });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'path' });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses an unknown tambon code and a malformed one, naming the field', async () => {
    const ctx = context();
    const input = { path: path.join(ctx.dir, 'x.tambon'), officeType: 'sao', officeName: 'x', framework: { presetId: 'nst-coop-phase2' } };
    expect(await fails(ctx, 'workspace.create', { ...input, tambonCode: '809999' })).toMatchObject({ code: 'NOT_FOUND', field: 'tambonCode' });
    expect(await fails(ctx, 'workspace.create', { ...input, tambonCode: '80' })).toMatchObject({ code: 'VALIDATION', field: 'tambonCode' });
    expect(fs.existsSync(input.path)).toBe(false);
  });
});

describe('opening files that are not workspaces', () => {
  it('refuses a text file and leaves it untouched', async () => {
    const ctx = context();
    const file = path.join(ctx.dir, 'notes.tambon');
    fs.writeFileSync(file, 'ข้อความธรรมดา ไม่ใช่ฐานข้อมูล\n');
    const before = fingerprint(file);
    const error = await fails(ctx, 'workspace.open', { path: file });
    expect(error.code).toBe('REFUSED');
    expect(error.messageTh).toContain('ไม่ใช่ไฟล์พื้นที่ทำงาน');
    expect(fingerprint(file)).toEqual(before);
  });

  it('refuses the database of another application and leaves it untouched', async () => {
    const ctx = context();
    const file = path.join(ctx.dir, 'other.sqlite');
    const other = new Database(file);
    other.exec("create table accounts (id integer primary key, name text); insert into accounts values (1, 'a')");
    other.close();
    const before = fingerprint(file);
    const error = await fails(ctx, 'workspace.open', { path: file });
    expect(error.code).toBe('REFUSED');
    expect(error.messageEn).toContain('another application');
    expect(fingerprint(file)).toEqual(before);
  });

  it('refuses a workspace written by a newer version and leaves it untouched', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const raw = new Database(file);
    // A newer app writes a higher schema version (user_version) and migrations this one does not know.
    raw.pragma('user_version = 99');
    raw.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', Date.now() + 10 ** 9);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fingerprint(file);
    const error = await fails(ctx, 'workspace.open', { path: file });
    expect(error.code).toBe('REFUSED');
    expect(error.messageTh).toContain('รุ่นที่ใหม่กว่า');
    expect(fingerprint(file)).toEqual(before);
  });

  it('answers NOT_FOUND for a missing file', async () => {
    const ctx = context();
    expect(await fails(ctx, 'workspace.open', { path: path.join(ctx.dir, 'missing.tambon') })).toMatchObject({ code: 'NOT_FOUND', field: 'path' });
  });
});

describe('failing disks', () => {
  it('reports a full disk in Thai and loses nothing already saved', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    for (let moo = 1; moo <= 3; moo += 1) await ok(ctx, 'villages.add', { moo, name: `หมู่ ${moo}` });
    const ws = ctx.session.workspace!;
    const pages = ws.sqlite.pragma('page_count', { simple: true }) as number;
    ws.sqlite.pragma(`max_page_count = ${pages}`);
    let error;
    for (let moo = 4; moo <= 99 && !error; moo += 1) {
      const result = await dispatch(ctx, 'villages.add', { moo, name: 'ก'.repeat(190), households: moo });
      if (!result.ok) error = result.error;
    }
    expect(error).toMatchObject({ code: 'REFUSED' });
    expect(error?.messageTh).toContain('ดิสก์เต็ม');
    const countBefore = (await ok(ctx, 'villages.list')).length;
    await ok(ctx, 'workspace.close');
    await ok(ctx, 'workspace.open', { path: file });
    const after = await ok(ctx, 'villages.list');
    expect(after).toHaveLength(countBefore);
    expect(after.slice(0, 3).map((v: { name: string }) => v.name)).toEqual(['หมู่ 1', 'หมู่ 2', 'หมู่ 3']);
  });

  it('opens a read-only workspace, shows it, and refuses changes', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    await ok(ctx, 'workspace.close');
    const summary = await openSession(ctx, file, { readonly: true });
    expect(summary.readonly).toBe(true);
    expect(await ok(ctx, 'villages.list')).toHaveLength(1);
    const error = await fails(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    expect(error.code).toBe('REFUSED');
    expect(error.messageTh).toContain('อ่านอย่างเดียว');
  });
});
