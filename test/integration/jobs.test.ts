import { describe, expect, it } from 'vitest';
import { ok, testContext } from '../support/context';

const waitFor = async (predicate: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('jobs', () => {
  it('report progress and finish', async () => {
    const ctx = testContext();
    const { jobId } = await ok(ctx, 'jobs.startSelfTest', { steps: 5, stepMs: 1 });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.finished'));
    const progress = ctx.events.filter((e) => e.event === 'job.progress').map((e) => e.payload as { jobId: string; done: number; total: number });
    expect(progress.every((p) => p.jobId === jobId && p.total === 5)).toBe(true);
    expect(progress.at(-1)!.done).toBe(5);
    expect(ctx.events.find((e) => e.event === 'job.finished')!.payload).toEqual({ jobId, status: 'done', result: { steps: 5 } });
  });

  it('can be cancelled, and say so', async () => {
    const ctx = testContext();
    const { jobId } = await ok(ctx, 'jobs.startSelfTest', { steps: 1000, stepMs: 5 });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.progress'));
    expect(await ok(ctx, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    await waitFor(() => ctx.events.some((e) => e.event === 'job.finished'));
    expect(ctx.events.find((e) => e.event === 'job.finished')!.payload).toEqual({ jobId, status: 'cancelled' });
    const last = ctx.events.filter((e) => e.event === 'job.progress').at(-1)!.payload as { done: number };
    expect(last.done).toBeLessThan(1000);
    expect(await ok(ctx, 'jobs.cancel', { jobId })).toEqual({ cancelled: false });
  });
});
