/**
 * The workspace file's own safety: save-as and create never overwrite, stale WAL files are
 * never replayed into another database, a newer app's schema is seen even inside the WAL, and
 * read-only media opens read-only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/rpc/dispatch';
import { backupDir } from '../../src/main/services/backups/backups';
import { faultyFs, nodeFs } from '../../src/main/services/ports';
import { openSession } from '../../src/main/services/workspace/lifecycle';
import { closingContexts, createNaSai, fails, ok, tempDir, testContext } from '../support/context';

const context = closingContexts();
afterEach(() => {
  vi.restoreAllMocks();
});

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Runs `node -e` whose script ends by killing itself (no exit hooks, no checkpoint). */
function killedChild(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.signal !== 'SIGKILL') throw new Error(`child did not run to its end: ${result.stderr}`);
}

/** A database left with uncommitted-to-file pages in its -wal, as after a crash. */
function crashedWalFile(file: string, rows: string[]): void {
  // A child process writes and dies without closing, so its WAL stays beside the file.
  killedChild(process.execPath, ['-e', `
    const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const d = new D(${JSON.stringify(file)});
    d.pragma('journal_mode = WAL');
    d.pragma('wal_autocheckpoint = 0');
    d.exec('create table other (x text)');
    for (const r of ${JSON.stringify(rows)}) d.prepare('insert into other values (?)').run(r);
    process.kill(process.pid, 'SIGKILL');
  `]);
}

describe('save as', () => {
  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const target = path.join(ctx.dir, 'taken.tambon');
    fs.writeFileSync(target, 'keep me');
    const error = await fails(ctx, 'workspace.saveAs', { path: target });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'path' });
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(ctx.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await ok(ctx, 'workspace.current'))!.path).toBe(path.join(ctx.dir, 'nasai.tambon'));
  });

  it('never replays a stale -wal left beside the target name', async () => {
    const ctx = context();
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    const target = path.join(ctx.dir, 'copy.tambon');
    crashedWalFile(target, ['stale']);
    fs.rmSync(target); // the database was deleted by hand; its -wal stayed
    expect(fs.existsSync(`${target}-wal`)).toBe(true);
    const copy = await ok(ctx, 'workspace.saveAs', { path: target });
    expect(copy.counts.villages).toBe(1);
    await ok(ctx, 'workspace.close');
    const raw = new Database(target, { readonly: true });
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'other'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('gives a copy made in a file manager its own backups', async () => {
    const ctx = context();
    const original = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const copyPath = path.join(ctx.dir, 'copied-by-hand.tambon');
    fs.copyFileSync(original.path, copyPath);
    const copy = await ok(ctx, 'workspace.open', { path: copyPath });
    expect(copy.workspaceId).not.toBe(original.workspaceId);
    await ok(ctx, 'villages.add', { moo: 9, name: 'เฉพาะสำเนา' });
    await ok(ctx, 'backups.create');
    const reopened = await ok(ctx, 'workspace.open', { path: original.path });
    expect(reopened.workspaceId).toBe(original.workspaceId);
    const reasons = (await ok(ctx, 'backups.list')).map((b: { reason: string }) => b.reason);
    expect(reasons).not.toContain('manual');
    expect(fs.existsSync(backupDir(ctx, copy.workspaceId))).toBe(true);
  });

  it('keeps the backups of a file that was moved', async () => {
    const ctx = context();
    const original = await createNaSai(ctx);
    await ok(ctx, 'backups.create');
    await ok(ctx, 'workspace.close');
    const moved = path.join(ctx.dir, 'moved.tambon');
    fs.renameSync(original.path, moved);
    const summary = await ok(ctx, 'workspace.open', { path: moved });
    expect(summary.workspaceId).toBe(original.workspaceId);
    expect((await ok(ctx, 'backups.list')).map((b: { reason: string }) => b.reason)).toContain('manual');
  });
});

describe('create', () => {
  it('never replays a stale -wal left beside the new file name', async () => {
    const ctx = context();
    const target = path.join(ctx.dir, 'nasai.tambon');
    crashedWalFile(target, ['stale']);
    fs.rmSync(target);
    await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const raw = new Database(target, { readonly: true });
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'other'").get()).toEqual({ n: 0 });
    raw.close();
  });
});

describe('opening', () => {
  it('sees a newer schema version that sits only in the -wal, and touches nothing', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    // A newer app has the file open (or crashed) with its upgrade still in the WAL.
    killedChild(process.execPath, ['-e', `
      const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const d = new D(${JSON.stringify(file)});
      d.pragma('wal_autocheckpoint = 0');
      d.pragma('user_version = 99');
      d.exec('create table from_the_future (x)');
      process.kill(process.pid, 'SIGKILL');
    `]);
    expect(Buffer.from(fs.readFileSync(file)).readUInt32BE(60)).toBeLessThan(99); // the main file does not know yet
    const before = { main: digest(file), wal: digest(`${file}-wal`) };
    const error = await fails(ctx, 'workspace.open', { path: file });
    expect(error.messageTh).toContain('รุ่นที่ใหม่กว่า');
    expect({ main: digest(file), wal: digest(`${file}-wal`) }).toEqual(before);
  });

  it('does not back up again a workspace unchanged since its last backup', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    await ok(ctx, 'workspace.open', { path: file });
    await ok(ctx, 'workspace.close');
    await ok(ctx, 'workspace.open', { path: file });
    expect(await ok(ctx, 'backups.list')).toHaveLength(1);
  });

  it('backs up a workspace before migrating it', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    await ok(ctx, 'workspace.close');
    // An older schema version: the open has a migration to apply.
    const raw = new Database(file);
    raw.pragma('user_version = 0');
    raw.close();
    await ok(ctx, 'workspace.open', { path: file });
    const backups = await ok(ctx, 'backups.list');
    expect(backups.map((b: { reason: string }) => b.reason)).toContain('before-upgrade');
    const before = backups.find((b: { reason: string }) => b.reason === 'before-upgrade');
    const copy = new Database(path.join(backupDir(ctx, ctx.session.workspace!.workspaceId), before!.file), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(0);
    expect(copy.prepare('select count(*) as n from villages').get()).toEqual({ n: 1 });
    copy.close();
  });

  it('opens a workspace on read-only media read-only, and refuses changes', async (testContext) => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    await ok(ctx, 'workspace.close');
    const mount = tempDir('tambon-ro-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (error) {
      console.log(`[read-only media] skipped: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
      testContext.skip();
      return;
    }
    try {
      fs.copyFileSync(file, path.join(mount, 'usb.tambon'));
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const summary = await ok(ctx, 'workspace.open', { path: path.join(mount, 'usb.tambon') });
      expect(summary.readonly).toBe(true);
      expect(summary.path).toBe(path.join(mount, 'usb.tambon'));
      expect((await ok(ctx, 'villages.list')).map((v: { name: string }) => v.name)).toEqual(['หนึ่ง']);
      const error = await fails(ctx, 'villages.add', { moo: 2, name: 'สอง' });
      expect(error.messageTh).toContain('อ่านอย่างเดียว');
      await ok(ctx, 'workspace.close');
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

describe('restore', () => {
  it('keeps the workspace as it was when the swap fails', async () => {
    const ctx = context();
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    const snapshot = await ok(ctx, 'backups.create');
    await ok(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    ctx.fs = faultyFs(nodeFs, { op: 'rename', code: 'EBUSY', when: (to) => to.endsWith('nasai.tambon') });
    const error = await fails(ctx, 'backups.restore', { file: snapshot.file });
    expect(error.code).toBe('CONFLICT');
    ctx.fs = nodeFs;
    expect((await ok(ctx, 'villages.list')).map((v: { moo: number }) => v.moo)).toEqual([1, 2]);
    expect(fs.readdirSync(ctx.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses changes while a restore is under way', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const snapshot = await ok(ctx, 'backups.create');
    const restoring = dispatch(ctx, 'backups.restore', { file: snapshot.file });
    const during = await dispatch(ctx, 'villages.add', { moo: 3, name: 'ระหว่างกู้คืน' });
    expect(during).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect((await restoring).ok).toBe(true);
    expect(await ok(ctx, 'villages.list')).toEqual([]);
  });
});

describe('preferences', () => {
  it('lose no change when calls overlap', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    await Promise.all([ok(ctx, 'prefs.set', { operatorName: 'ผู้ใช้ใหม่' }), ok(ctx, 'workspace.open', { path: file }), ok(ctx, 'prefs.set', { language: 'en' })]);
    const prefs = await ok(ctx, 'prefs.get');
    expect(prefs).toMatchObject({ operatorName: 'ผู้ใช้ใหม่', language: 'en' });
    expect(prefs.recent[0]!.path).toBe(file);
    expect(JSON.parse(fs.readFileSync(path.join(ctx.homeDir, 'preferences.json'), 'utf8'))).toMatchObject({ operatorName: 'ผู้ใช้ใหม่', language: 'en' });
  });
});

describe('backups under pressure', () => {
  it('restore the oldest backup even when the before-restore backup prunes it', async () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    const ctx = testContext({ clock: () => new Date(now) });
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    for (let i = 0; i < 10; i += 1) {
      now += 60_000;
      await ok(ctx, 'backups.create');
    }
    await ok(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    const oldest = (await ok(ctx, 'backups.list')).at(-1);
    now += 60_000;
    const restored = await ok(ctx, 'backups.restore', { file: oldest!.file });
    expect(restored.counts.villages).toBe(1);
    await ok(ctx, 'workspace.close');
  });

  it('keep the same id and backups when the same file is opened by another path', async () => {
    const ctx = context();
    const original = await createNaSai(ctx);
    await ok(ctx, 'backups.create');
    await ok(ctx, 'workspace.close');
    const alias = path.join(tempDir('tambon-alias-'), 'link');
    fs.symlinkSync(ctx.dir, alias);
    const viaLink = await ok(ctx, 'workspace.open', { path: path.join(alias, 'nasai.tambon') });
    expect(viaLink.workspaceId).toBe(original.workspaceId);
    await ok(ctx, 'workspace.close');
    const again = await ok(ctx, 'workspace.open', { path: original.path });
    expect(again.workspaceId).toBe(original.workspaceId);
    expect((await ok(ctx, 'backups.list')).map((b: { reason: string }) => b.reason)).toContain('manual');
  });

  it('never back up a read-only open, which may be a copy carrying the original\'s id', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    const ownBackups = await ok(ctx, 'backups.list');
    await ok(ctx, 'workspace.close');
    const copy = path.join(tempDir('tambon-usb-'), 'copy.tambon');
    fs.copyFileSync(file, copy);
    await openSession(ctx, copy, { readonly: true });
    expect(await fails(ctx, 'backups.create')).toMatchObject({ code: 'REFUSED' });
    expect(await ok(ctx, 'backups.list')).toEqual([]);
    await ok(ctx, 'workspace.open', { path: file });
    expect(await ok(ctx, 'backups.list')).toEqual(ownBackups);
  });

  it('keep the pre-upgrade backup of a hand-made copy with the copy', async () => {
    const ctx = context();
    const original = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const copyPath = path.join(ctx.dir, 'copy.tambon');
    fs.copyFileSync(original.path, copyPath);
    const raw = new Database(copyPath);
    raw.pragma('user_version = 0'); // an older schema: opening migrates it
    raw.close();
    const copy = await ok(ctx, 'workspace.open', { path: copyPath });
    expect(copy.workspaceId).not.toBe(original.workspaceId);
    expect((await ok(ctx, 'backups.list')).map((b: { reason: string }) => b.reason)).toContain('before-upgrade');
    await ok(ctx, 'workspace.open', { path: original.path });
    expect((await ok(ctx, 'backups.list')).map((b: { reason: string }) => b.reason)).not.toContain('before-upgrade');
  });

  it('take overlapping backups one after another, all of them', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const results = await Promise.all([dispatch(ctx, 'backups.create', {}), dispatch(ctx, 'backups.create', {}), dispatch(ctx, 'backups.create', {})]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await ok(ctx, 'backups.list')).toHaveLength(4);
  });

  it('keep the last ten when an unchanged workspace is reopened', async () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    const ctx = testContext({ clock: () => new Date(now) });
    const { path: file } = await createNaSai(ctx);
    for (let i = 0; i < 9; i += 1) {
      now += 60_000;
      await ok(ctx, 'backups.create');
    }
    expect(await ok(ctx, 'backups.list')).toHaveLength(10);
    for (let i = 0; i < 3; i += 1) {
      now += 60_000;
      await ok(ctx, 'workspace.close');
      await ok(ctx, 'workspace.open', { path: file });
    }
    expect(await ok(ctx, 'backups.list')).toHaveLength(10);
    await ok(ctx, 'workspace.close');
  });

  it('report save-as done when only removing the temporary name fails', async () => {
    const ctx = context();
    await createNaSai(ctx);
    let failed = false;
    ctx.fs = faultyFs(nodeFs, {
      op: 'remove',
      code: 'EBUSY',
      times: 1,
      when: (target) => target.endsWith('.tmp') && (failed = true),
    });
    const copy = await ok(ctx, 'workspace.saveAs', { path: path.join(ctx.dir, 'copy.tambon') });
    ctx.fs = nodeFs;
    expect(failed).toBe(true);
    expect(copy.path).toBe(path.join(ctx.dir, 'copy.tambon'));
  });

  it('refuse to close while a restore is under way', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const snapshot = await ok(ctx, 'backups.create');
    const restoring = dispatch(ctx, 'backups.restore', { file: snapshot.file });
    expect(await dispatch(ctx, 'workspace.close', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await restoring).ok).toBe(true);
    expect(await ok(ctx, 'workspace.current')).not.toBeNull();
  });
});

describe('preferences that cannot be read', () => {
  it('are not overwritten with the defaults', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'ปลัดทดสอบ' });
    await ok(ctx, 'prefs.set', { language: 'th' });
    const fresh = testContext({ homeDir: ctx.homeDir });
    fresh.fs = faultyFs(nodeFs, { op: 'readFile', code: 'EBUSY' });
    expect((await dispatch(fresh, 'prefs.set', { language: 'en' })).ok).toBe(false);
    fresh.fs = nodeFs;
    expect(JSON.parse(fs.readFileSync(path.join(ctx.homeDir, 'preferences.json'), 'utf8'))).toMatchObject({ operatorName: 'ปลัดทดสอบ', language: 'th' });
  });

  it('keep keys a newer version wrote, and set a damaged file aside', async () => {
    const ctx = context();
    const file = path.join(ctx.homeDir, 'preferences.json');
    fs.mkdirSync(ctx.homeDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ operatorName: 'ก', fromTheFuture: { x: 1 } }));
    await ok(ctx, 'prefs.set', { language: 'en' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ operatorName: 'ก', language: 'en', fromTheFuture: { x: 1 } });
    fs.writeFileSync(file, '{ not json');
    const other = testContext({ homeDir: ctx.homeDir });
    await ok(other, 'prefs.set', { operatorName: 'ข' });
    expect(fs.readdirSync(ctx.homeDir).some((f) => f.startsWith('preferences.json.bad-'))).toBe(true);
  });
});
