import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/rpc/dispatch';
import { backupDir, editBackupIntervalMs } from '../../src/main/services/backups/backups';
import type { AppContext } from '../../src/main/services/context';
import { createNaSai, fails, ok, testContext } from '../support/context';

const contexts: AppContext[] = [];
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await dispatch(ctx, 'workspace.close', {});
});

/** A context whose clock the test moves. */
function clockedContext(start = new Date('2026-11-23T08:00:00Z')) {
  let now = start.getTime();
  const ctx = testContext({ clock: () => new Date(now) });
  contexts.push(ctx);
  return { ctx, advance: (ms: number) => (now += ms) };
}

const settle = async (ctx: AppContext) => {
  await ctx.session.workspace?.backupInFlight;
};

describe('automatic backups', () => {
  it('are taken with the online backup on open, and are real workspaces', async () => {
    const { ctx } = clockedContext();
    const summary = await createNaSai(ctx);
    const backups = await ok(ctx, 'backups.list');
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'open', createdAt: '2026-11-23T08:00:00.000Z' });
    const file = path.join(backupDir(ctx, summary.workspaceId), backups[0]!.file);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('select name_th from tambon').get()).toEqual({ name_th: 'นาทราย' });
    copy.close();
  });

  it('are taken at most hourly while edited', async () => {
    const { ctx, advance } = clockedContext();
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    await settle(ctx);
    expect(await ok(ctx, 'backups.list')).toHaveLength(1);
    advance(editBackupIntervalMs - 1000);
    await ok(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    await settle(ctx);
    expect(await ok(ctx, 'backups.list')).toHaveLength(1);
    advance(2000);
    await ok(ctx, 'villages.add', { moo: 3, name: 'สาม' });
    await settle(ctx);
    const backups = await ok(ctx, 'backups.list');
    expect(backups.map((b: { reason: string }) => b.reason)).toEqual(['hourly', 'open']);
  });

  it('keep the last ten when taken often', async () => {
    const { ctx, advance } = clockedContext();
    await createNaSai(ctx);
    for (let i = 0; i < 14; i += 1) {
      advance(60_000);
      await ok(ctx, 'backups.create');
    }
    const backups = await ok(ctx, 'backups.list');
    expect(backups).toHaveLength(10);
    expect(backups.every((b: { reason: string }) => b.reason === 'manual')).toBe(true);
    expect(fs.readdirSync(backupDir(ctx, ctx.session.workspace!.workspaceId)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('restore a chosen backup, after backing up the current state first', async () => {
    const { ctx, advance } = clockedContext();
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    advance(60_000);
    const snapshot = await ok(ctx, 'backups.create');
    advance(60_000);
    await ok(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    expect(await ok(ctx, 'villages.list')).toHaveLength(2);
    const restored = await ok(ctx, 'backups.restore', { file: snapshot.file });
    expect(restored.counts.villages).toBe(1);
    expect((await ok(ctx, 'villages.list')).map((v: { moo: number }) => v.moo)).toEqual([1]);
    const reasons = (await ok(ctx, 'backups.list')).map((b: { reason: string }) => b.reason);
    expect(reasons).toContain('before-restore');
    // Undo the restore from the list.
    const before = (await ok(ctx, 'backups.list')).find((b: { reason: string }) => b.reason === 'before-restore');
    await ok(ctx, 'backups.restore', { file: before!.file });
    expect(await ok(ctx, 'villages.list')).toHaveLength(2);
  });

  it('refuse a restore from anything but a backup of this workspace', async () => {
    const { ctx } = clockedContext();
    await createNaSai(ctx);
    expect(await fails(ctx, 'backups.restore', { file: '../../etc/passwd' })).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(await fails(ctx, 'backups.restore', { file: '20260101T000000000Z-manual.tpbak' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('do not stop the workspace from opening when the backup folder cannot be written', async () => {
    const { ctx } = clockedContext();
    const { path: file, workspaceId } = await createNaSai(ctx);
    await ok(ctx, 'workspace.close');
    // A file where the backup folder should be: the backup fails, the open does not.
    fs.rmSync(backupDir(ctx, workspaceId), { recursive: true });
    fs.writeFileSync(backupDir(ctx, workspaceId), 'blocked');
    const summary = await ok(ctx, 'workspace.open', { path: file });
    expect(summary.tambon.code).toBe('800108');
  });
});

describe('changes since a backup', () => {
  it('are counted by the audit log, and unknown (not "none") for a backup of a state a restore left behind', async () => {
    const { ctx, advance } = clockedContext();
    await createNaSai(ctx);
    advance(60_000);
    const early = await ok(ctx, 'backups.create');
    for (let moo = 1; moo <= 3; moo += 1) await ok(ctx, 'villages.add', { moo, name: `หมู่ ${moo}` });
    advance(60_000);
    const late = await ok(ctx, 'backups.create');
    const listed = async (file: string) => (await ok(ctx, 'backups.list')).find((b) => b.file === file)!;
    expect((await listed(early.file)).changesSince).toBe(3);
    expect((await listed(late.file)).changesSince).toBe(0);
    expect((await listed(late.file)).villages).toBe(3);
    // Back to the early state: the late backup holds more than the file now, and shares no later history.
    advance(60_000);
    await ok(ctx, 'backups.restore', { file: early.file });
    await ok(ctx, 'villages.add', { moo: 9, name: 'หลังกู้คืน' });
    expect((await listed(late.file)).changesSince).toBeNull();
    expect((await listed(early.file)).changesSince).toBe(1);
  });
});
