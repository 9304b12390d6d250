/**
 * What a workspace file, or a failing disk, must never make the app do: build a path from file
 * contents (a workspace id of `../../tmp/decoy`), answer INTERNAL for a full disk, or leave
 * files behind (a -shm beside a refused file, temporary names of interrupted backups, -wal/-shm
 * beside a file opened read-only).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { backupDir } from '../../src/main/services/backups/backups';
import { toAppError } from '../../src/main/services/errors';
import { openSession } from '../../src/main/services/workspace/lifecycle';
import { closingContexts, createNaSai, fails, ok, resourcesDir, tempDir } from '../support/context';

const context = closingContexts();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every file below `dir`, relative to it. */
const tree = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []);

describe('a workspace id read from the file', () => {
  it('is never used as a folder name unless it is a UUID: the file is treated as a copy and given a new id', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const decoy = tempDir('tambon-decoy-');
    const hostile = path.relative(path.join(ctx.homeDir, 'backups'), decoy);
    expect(hostile.startsWith('..')).toBe(true);
    const raw = new Database(file);
    raw.prepare("update meta set value = ? where key = 'workspaceId'").run(hostile);
    raw.close();

    // The defect: even `info` wrote /tmp/decoy/workspace.json and backups there.
    const env = { TAMBON_PLAN_HOME: ctx.homeDir };
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env, cwd: ctx.dir, resourcesDir, appVersion: 'test' };
    expect(await runCli(['info', '--workspace', file], io)).toBe(0);
    expect(await runCli(['villages', '--workspace', file, 'add', '--moo', '1', '--name', 'บ้าน'], io)).toBe(0);
    const summary = await ok(ctx, 'workspace.open', { path: file });
    expect(tree(decoy)).toEqual([]);
    expect(summary.workspaceId).toMatch(uuid);
    expect(fs.existsSync(path.join(backupDir(ctx, summary.workspaceId), 'workspace.json'))).toBe(true);
    expect(fs.readdirSync(path.join(ctx.homeDir, 'backups')).every((name) => uuid.test(name))).toBe(true);
    expect(() => backupDir(ctx, hostile)).toThrow();
  });

  it('is not trusted on a read-only open either: no backups are listed or taken', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const raw = new Database(file);
    raw.prepare("update meta set value = '../../../../tmp/decoy' where key = 'workspaceId'").run();
    raw.close();
    const summary = await openSession(ctx, file, { readonly: true });
    expect(summary.workspaceId).toBe('');
    expect(await ok(ctx, 'backups.list')).toEqual([]);
  });
});

describe('a full disk', () => {
  it('is mapped where a library wrapped the SQLite error (drizzle puts it in `cause`)', () => {
    const wrapped = Object.assign(new Error('Failed query: insert into …'), { cause: Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }) });
    expect(toAppError(wrapped)).toMatchObject({ code: 'REFUSED' });
    expect(toAppError(wrapped).messageTh).toContain('พื้นที่ดิสก์เต็ม');
  });

  it('on create says the disk is full, not INTERNAL, and leaves nothing in the folder', async (test) => {
    if (process.getuid?.() !== 0) return test.skip('needs root to mount a small tmpfs');
    const mount = tempDir('tambon-tiny-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', mount]);
    try {
      const ctx = context();
      const error = await fails(ctx, 'workspace.create', {
        path: path.join(mount, 'nasai.tambon'),
        tambonCode: '800108',
        officeType: 'sao',
        officeName: 'อบต.นาทราย',
        framework: { presetId: 'nst-coop-phase2' },
      });
      expect(error.code).toBe('REFUSED');
      expect(error.messageTh).toContain('พื้นที่ดิสก์เต็ม');
      expect(fs.readdirSync(mount)).toEqual([]);
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

describe('leftovers', () => {
  it('refusing a file whose newer version sits in its -wal creates no -shm beside it', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    // A newer app's upgrade still in the WAL: written by a connection that never checkpoints.
    const newer = new Database(file);
    newer.pragma('journal_mode = WAL');
    newer.pragma('wal_autocheckpoint = 0');
    newer.pragma('user_version = 99');
    const walCopy = fs.readFileSync(`${file}-wal`);
    const mainCopy = fs.readFileSync(file);
    newer.close();
    // Put the file back as the crashed app left it: the main file old, the upgrade only in the -wal, no -shm.
    fs.writeFileSync(file, mainCopy);
    fs.writeFileSync(`${file}-wal`, walCopy);
    fs.rmSync(`${file}-shm`, { force: true });
    const before = tree(path.dirname(file));
    const error = await fails(ctx, 'workspace.open', { path: file });
    expect(error.messageTh).toContain('รุ่นที่ใหม่กว่า');
    expect(tree(path.dirname(file))).toEqual(before);
    expect(fs.existsSync(`${file}-shm`)).toBe(false);
  });

  it('what interrupted backups left in the backup folder is cleaned at open; a write still under way is not', async () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    const ctx = context();
    ctx.clock = () => new Date(now);
    const summary = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    const dir = backupDir(ctx, summary.workspaceId);
    const stale = ['.20261123T070000000Z-hourly.tpbak.0b8e6c1e-3f57-4a43-9f0c-0c4a3c7f1d2e.tmp', '.20261123T070000000Z-hourly.tpbak.0b8e6c1e-3f57-4a43-9f0c-0c4a3c7f1d2e.tmp-journal'];
    const fresh = '.20261123T075959000Z-hourly.tpbak.1c9f7d2f-4a68-4b54-8a1d-1d5b4d8a2e3f.tmp';
    for (const name of [...stale, fresh]) fs.writeFileSync(path.join(dir, name), 'partial');
    const hourAgo = new Date(now - 60 * 60 * 1000);
    for (const name of stale) fs.utimesSync(path.join(dir, name), hourAgo, hourAgo);
    fs.utimesSync(path.join(dir, fresh), new Date(now), new Date(now));
    now += 60_000;
    await ok(ctx, 'workspace.open', { path: summary.path });
    const names = fs.readdirSync(dir);
    for (const name of stale) expect(names).not.toContain(name);
    expect(names).toContain(fresh);
  });

  it('a read-only open leaves no -wal or -shm beside the file', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'บ้าน' });
    await ok(ctx, 'workspace.close');
    const before = tree(path.dirname(file));
    expect(before.some((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toBe(false);
    const summary = await openSession(ctx, file, { readonly: true });
    expect(summary.readonly).toBe(true);
    expect(await ok(ctx, 'villages.list')).toHaveLength(1);
    // The defect: another user's read-only open left -wal/-shm owned by that user beside the file.
    expect(tree(path.dirname(file))).toEqual(before);
    await ok(ctx, 'workspace.close');
    expect(tree(path.dirname(file))).toEqual(before);
  });
});
