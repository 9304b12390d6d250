/**
 * Jobs: typed kinds run in a worker thread (dist/worker.cjs) with their own connection; progress
 * and the end are events checked against the contract; a cancel or a failure rolls the job's
 * writes back; a job holds the workspace (no close, open or restore; other writes refused) and
 * never keeps calls from being answered.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/ipc/contract';
import { createJobRunner } from '../../src/main/services/jobs/runner';
import { closingContexts, createNaSai, fails, ok, tempDir } from '../support/context';

const context = closingContexts();

const waitFor = async (predicate: () => boolean, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

type Ctx = ReturnType<typeof context>;
const finishedOf = (ctx: Ctx, jobId: string) =>
  ctx.events.find((e) => e.event === 'job.finished' && (e.payload as { jobId: string }).jobId === jobId)?.payload as EventPayload<'job.finished'> | undefined;
const rowsIn = (ctx: Ctx) => ctx.session.workspace!.sqlite.prepare('select count(*) from self_test_rows').pluck().get();

describe('jobs', () => {
  it('write in one transaction in a worker, report progress and finish with a typed result and a change event', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 5000, steps: 5 } });
    await waitFor(() => finishedOf(ctx, jobId) !== undefined);
    const progress = ctx.events.filter((e) => e.event === 'job.progress').map((e) => e.payload as EventPayload<'job.progress'>);
    expect(progress.every((p) => p.jobId === jobId && p.kind === 'selfTest' && p.total === 5000)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: 5000, detail: { rowsWritten: 5000 } });
    expect(finishedOf(ctx, jobId)).toMatchObject({ jobId, kind: 'selfTest', status: 'done', result: { rows: 5000 }, error: null });
    expect(rowsIn(ctx)).toBe(5000);
    // The change event came before the end, naming the capability and the table.
    const changed = ctx.events.findIndex((e) => e.event === 'data.changed' && (e.payload as { capability: string }).capability === 'jobs');
    expect(changed).toBeGreaterThan(-1);
    expect(changed).toBeLessThan(ctx.events.findIndex((e) => e.event === 'job.finished'));
    expect(ctx.events[changed]!.payload).toEqual({ capability: 'jobs', action: 'selfTest.run', tables: { self_test_rows: [] } });
    // Listed and queryable afterwards; audited with the operator.
    expect((await ok(ctx, 'jobs.list'))[0]).toMatchObject({ jobId, status: 'done' });
    expect(await ok(ctx, 'jobs.get', { jobId })).toMatchObject({ jobId, status: 'done', done: 5000, total: 5000 });
    const audit = ctx.session.workspace!.sqlite.prepare("select action from audit_log where action = 'selfTest.run'").all();
    expect(audit).toHaveLength(1);
  });

  it('roll back everything on cancel, and say so', async () => {
    const ctx = context();
    await createNaSai(ctx);
    await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 100, steps: 1 } });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.finished'));
    ctx.events.length = 0;
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 100_000, steps: 1000, stepDelayMs: 5 } });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.progress'));
    expect(await ok(ctx, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    await waitFor(() => finishedOf(ctx, jobId) !== undefined);
    expect(finishedOf(ctx, jobId)).toMatchObject({ status: 'cancelled', result: null });
    expect(finishedOf(ctx, jobId)!.done).toBeLessThan(100_000);
    // The rows of the earlier run are still there; none of the cancelled run's.
    expect(rowsIn(ctx)).toBe(100);
    expect(ctx.events.some((e) => e.event === 'data.changed')).toBe(false);
    expect(await ok(ctx, 'jobs.cancel', { jobId })).toEqual({ cancelled: false });
  });

  it('stop a job stuck inside a step when it ignores a cancel: its worker is terminated and its transaction rolls back', async () => {
    const ctx = context();
    ctx.jobs = createJobRunner({ cancelGraceMs: 100 });
    await createNaSai(ctx);
    // One step of a million rows: no cancel check for seconds.
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 1_000_000, steps: 1 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await ok(ctx, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    await waitFor(() => finishedOf(ctx, jobId) !== undefined);
    expect(finishedOf(ctx, jobId)).toMatchObject({ status: 'cancelled', result: null });
    expect(rowsIn(ctx)).toBe(0);
    // The lock and the lease are free again: the app writes at once.
    expect((await ok(ctx, 'villages.add', { moo: 1, name: 'หลังยกเลิก' })).moo).toBe(1);
  });

  it('roll back a failed job and report it with the error mapping of calls, logged', async () => {
    const ctx = context();
    const logged: string[] = [];
    ctx.log = { warn: (m) => logged.push(m), error: (m, e) => logged.push(`${m} ${String(e)}`) };
    await createNaSai(ctx);
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 1000, steps: 10, failAtStep: 3 } });
    await waitFor(() => finishedOf(ctx, jobId) !== undefined);
    expect(finishedOf(ctx, jobId)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(rowsIn(ctx)).toBe(0);
    expect(logged.join('\n')).toContain('told to fail at step 3');
  });

  it('say the disk is full when it is, not that "the job failed"', async (test) => {
    if (process.getuid?.() !== 0) return test.skip('needs root to mount a small tmpfs');
    const mount = tempDir('tambon-small-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1500k', 'tmpfs', mount]);
    try {
      const ctx = context();
      await createNaSai(ctx, path.relative(ctx.dir, path.join(mount, 'full.tambon')));
      const { jobId } = await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 200_000, steps: 20 } });
      await waitFor(() => finishedOf(ctx, jobId) !== undefined);
      expect(finishedOf(ctx, jobId)).toMatchObject({ status: 'failed', error: { code: 'REFUSED' } });
      expect(finishedOf(ctx, jobId)!.error!.messageTh).toContain('พื้นที่ดิสก์เต็ม');
      expect(rowsIn(ctx)).toBe(0);
      await ok(ctx, 'workspace.close');
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  it('hold the workspace: close, open, save as and restore are refused, other writes too, reads are answered', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const backup = await ok(ctx, 'backups.create');
    const { jobId } = await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 100_000, steps: 100, stepDelayMs: 20 } });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.progress'));
    for (const [channel, input] of [
      ['workspace.close', {}],
      ['workspace.open', { path: path.join(ctx.dir, 'nasai.tambon') }],
      ['workspace.saveAs', { path: path.join(ctx.dir, 'copy.tambon') }],
      ['backups.restore', { file: backup.file }],
    ] as const) {
      const error = await fails(ctx, channel, input);
      expect(error.code, channel).toBe('CONFLICT');
      expect(error.messageTh, channel).toContain('งานทดสอบระบบ');
    }
    expect(fs.existsSync(path.join(ctx.dir, 'copy.tambon'))).toBe(false);
    const write = await fails(ctx, 'villages.add', { moo: 1, name: 'ระหว่างงาน' });
    expect(write.code).toBe('REFUSED');
    // Reads go on while the job writes.
    expect(await ok(ctx, 'villages.list')).toEqual([]);
    expect(await ok(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 1, steps: 1 } }).catch((e: Error) => e.message)).toMatch(/REFUSED/);
    await ok(ctx, 'jobs.cancel', { jobId });
    await waitFor(() => finishedOf(ctx, jobId) !== undefined);
    // Free again.
    expect((await ok(ctx, 'villages.add', { moo: 1, name: 'หลังงาน' })).moo).toBe(1);
  });

  it('refuse to start without a writable workspace, and validate each kind\'s input', async () => {
    const ctx = context();
    expect((await fails(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 10, steps: 1 } })).code).toBe('NOT_FOUND');
    await createNaSai(ctx);
    expect(await fails(ctx, 'jobs.start', { kind: 'selfTest', input: { rows: 0, steps: 1 } })).toMatchObject({ code: 'VALIDATION', field: 'input.rows' });
    expect(await fails(ctx, 'jobs.start', { kind: 'noSuchKind', input: {} })).toMatchObject({ code: 'VALIDATION' });
    expect(await fails(ctx, 'jobs.get', { jobId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
