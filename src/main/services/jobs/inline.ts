/**
 * Runs a job's body on the calling thread, for the command line: a script has no calls to keep
 * answering, so a worker thread would only add its start-up (loading the bundle again, a second
 * connection) to every run. Everything else is as in the worker: the kind's input checked in main
 * first, a lease that blocks other writes, one transaction per `write` through the write pipeline
 * (rolled back on a failure or a cancel), and the change events after.
 */
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { jobKinds, type JobKind } from '../../../shared/ipc/contract';
import type { DataChanged } from '../../../shared/ipc/workspace';
import type { AppContext } from '../context';
import { holdLease, requireWritable } from '../session';
import { announceChange, currentWriter, runWrite } from '../write';
import { JobCancelled, type JobControl } from './control';
import { jobBodies } from './kinds';
import { prepareJobInput } from './prepare';

/** What the caller can follow and stop. */
export interface InlineOptions<K extends JobKind> {
  onProgress?: (done: number, total: number, detail: z.output<(typeof jobKinds)[K]['progress']>) => void;
  /** Checked between steps: true stops the job (its transaction rolls back) with {@link JobCancelled}. */
  cancelled?: () => boolean;
}

/** Runs `kind` with `input` (validated against the kind's schema here) and answers its result. */
export async function runJobInline<K extends JobKind>(
  ctx: AppContext,
  kind: K,
  rawInput: z.input<(typeof jobKinds)[K]['input']>,
  options: InlineOptions<K> = {},
): Promise<z.output<(typeof jobKinds)[K]['result']>> {
  const spec = jobKinds[kind];
  requireWritable(ctx);
  const parsed = spec.input.parse(rawInput) as z.output<(typeof jobKinds)[K]['input']>;
  const input = await prepareJobInput(ctx, kind, parsed);
  const writer = await currentWriter(ctx);
  const ws = requireWritable(ctx);
  const lease = holdLease(ctx, spec.title, { blocksWrites: true });
  const changes: DataChanged[] = [];
  const cancelled = options.cancelled ?? (() => false);
  const control: JobControl<K> = {
    jobId: uuidv7(),
    ws,
    resourcesDir: ctx.resourcesDir,
    cancelled,
    throwIfCancelled() {
      if (cancelled()) throw new JobCancelled();
    },
    pause() {
      // Nothing to wait for on the calling thread.
    },
    progress(done, total, detail) {
      options.onProgress?.(done, total, detail);
    },
    write(writeSpec, body) {
      const { value, event } = runWrite(ws, writer, writeSpec, body);
      changes.push(event);
      return value;
    },
  };
  try {
    const body = jobBodies[kind] as unknown as (job: JobControl<K>, input: unknown) => unknown;
    return (await body(control, input)) as z.output<(typeof jobKinds)[K]['result']>;
  } finally {
    lease.release();
    for (const event of changes) announceChange(ctx, event);
  }
}
