/**
 * The app and a script on the same workspace file at once: short waits for the other's write
 * succeed (a busy timeout, and write transactions that take the lock before they read), and a
 * restore is refused while another program has the file open.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closingContexts, createNaSai, fails, ok } from '../support/context';

const context = closingContexts();
const repoRoot = path.resolve(__dirname, '../..');

/** Runs the built CLI as its own process. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'tambon-plan.cjs'), ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the app and a script writing the same file', () => {
  it('both succeed, every time: no spurious "file is in use"', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    const env = { TAMBON_PLAN_HOME: path.join(ctx.dir, 'script-home') };
    // The defect: 9 of 196 adds were refused "in use" when the CLI and the app wrote at once.
    const script = (async () => {
      const results = [];
      for (let moo = 60; moo < 72; moo += 1) results.push(await cli(['villages', '--workspace', file, 'add', '--moo', String(moo), '--name', `สคริปต์ ${moo}`], env));
      return results;
    })();
    const app: { ok: boolean; error?: string }[] = [];
    let moo = 1;
    let scriptDone = false;
    void script.then(() => (scriptDone = true));
    while (!scriptDone && moo < 59) {
      const result = await ok(ctx, 'villages.add', { moo, name: `แอป ${moo}` }).then(
        () => ({ ok: true }),
        (error: Error) => ({ ok: false, error: error.message }),
      );
      app.push(result);
      moo += 1;
      await new Promise((r) => setTimeout(r, 10));
    }
    const scripted = await script;
    expect(scripted.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    expect(app.filter((r) => !r.ok)).toEqual([]);
    expect(await ok(ctx, 'villages.list')).toHaveLength(app.length + scripted.length);
  }, 120_000);
});

describe('restore while another program has the file open', () => {
  it('is refused, saying so, and the workspace is as it was; once the other is gone it works', async () => {
    const ctx = context();
    const { path: file } = await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    const backup = await ok(ctx, 'backups.create');
    await ok(ctx, 'villages.add', { moo: 2, name: 'สอง' });
    // Another process (a script) reading the workspace.
    const other = new Database(file, { readonly: true });
    other.prepare('select count(*) from villages').get();
    const backupsBefore = (await ok(ctx, 'backups.list')).length;
    const error = await fails(ctx, 'backups.restore', { file: backup.file });
    // Refused before any work: no before-restore backup was taken for nothing.
    expect((await ok(ctx, 'backups.list')).length).toBe(backupsBefore);
    expect(error.code).toBe('CONFLICT');
    expect(error.messageTh).toContain('โปรแกรมอื่นเปิดอยู่');
    expect((await ok(ctx, 'villages.list')).map((v) => v.moo)).toEqual([1, 2]);
    // The other connection still works: its files were not pulled away.
    expect(other.prepare('select count(*) as n from villages where deleted_at is null').get()).toEqual({ n: 2 });
    other.close();
    expect((await ok(ctx, 'backups.restore', { file: backup.file })).counts.villages).toBe(1);
  });
});

describe('a backup under way', () => {
  it('holds the workspace: a close is refused, saying a backup is under way, and the backup completes', async () => {
    const ctx = context();
    await createNaSai(ctx);
    // Enough rows that the online backup takes more than one step.
    await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 50_000, steps: 1 } });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (ctx.events.some((e) => e.event === 'job.finished')) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    const backup = ok(ctx, 'backups.create');
    // The defect: a close during a large backup answered ok, and the backup failed.
    const close = await fails(ctx, 'workspace.close');
    expect(close.code).toBe('CONFLICT');
    expect(close.messageTh).toContain('สำรองข้อมูล');
    const taken = await backup;
    expect(taken.reason).toBe('manual');
    expect((await ok(ctx, 'backups.list')).some((b) => b.file === taken.file)).toBe(true);
    expect(await ok(ctx, 'workspace.close')).toBeNull();
  });
});

describe('save as under way', () => {
  it('holds the workspace: a close or a restore meanwhile is refused, and the copy opens', async () => {
    const ctx = context();
    await createNaSai(ctx);
    await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 50_000, steps: 1 } });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (ctx.events.some((e) => e.event === 'job.finished')) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    const backup = await ok(ctx, 'backups.create');
    const saving = ok(ctx, 'workspace.saveAs', { path: path.join(ctx.dir, 'copy.tambon') });
    // The defect's kind: a close during the copy answered ok, and the save as failed.
    expect((await fails(ctx, 'workspace.close')).code).toBe('CONFLICT');
    expect((await fails(ctx, 'backups.restore', { file: backup.file })).code).toBe('CONFLICT');
    expect((await saving).path).toBe(path.join(ctx.dir, 'copy.tambon'));
  });
});
