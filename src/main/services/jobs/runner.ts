/**
 * Starts, follows and cancels jobs. Each job runs in its own worker thread (see worker.ts) while
 * it holds a lease on the workspace that blocks other writes and refuses close, open, save-as
 * and restore. Progress goes out as `job.progress` (at most one per 50 ms), the end as
 * `job.finished`, after the change events of what the job wrote. A failure is mapped to the
 * envelope's error by the same mapping as calls (a full disk says so) and logged.
 */
import { Worker } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ChannelParsed } from '../../../shared/ipc/contract';
import { ServiceError, refused, type AppError } from '../../../shared/domain/result';
import type { JobKindSpec } from '../../../shared/ipc/define';
import type { AppContext } from '../context';
import { toAppError } from '../errors';
import { datacenterMigrationsDir } from '../../db/datacenter/client';
import { holdLease, requireDatacenterWritable, requireWritable } from '../session';
import { announceChange, currentWriter } from '../write';
import type { SerializedError, WorkerData, WorkerMessage } from './control';
import { prepareJobInput } from './prepare';

/** A job as `jobs.list` and `jobs.get` answer it. */
export type JobState = ChannelOutput<'jobs.get'>;

/** How many finished jobs `jobs.list` still shows. */
const keepFinished = 20;
/** The least time between two progress events of one job. */
const progressEveryMs = 50;
/**
 * How long a cancelled job may take to stop on its own before its worker is terminated. A body
 * checks for a cancel between steps; one stuck in a long statement is stopped hard, which closes
 * its connection and so rolls its open transaction back (SQLite never commits a half transaction).
 */
export const cancelGraceMs = 5000;

/** Starts and follows jobs. */
export interface JobRunner {
  /** Starts a job; refused when the workspace cannot be written or something else holds it. */
  start(ctx: AppContext, request: ChannelParsed<'jobs.start'>): Promise<{ jobId: string; finished: Promise<JobState> }>;
  list(): JobState[];
  get(jobId: string): JobState;
  /** Asks a running job to stop (its writes roll back); false when no such job is running. */
  cancel(jobId: string): boolean;
  /** Cancels every running job and waits for them to end (closing the app). */
  cancelAll(): Promise<void>;
}

/** An Error again, with its cause chain and code, for the error mapping and the log. */
function revive(serialized: SerializedError): Error {
  const error = Object.assign(new Error(serialized.message), { name: serialized.name }) as Error & { code?: string; cause?: unknown };
  if (serialized.code) error.code = serialized.code;
  if (serialized.stack) error.stack = serialized.stack;
  if (serialized.cause) error.cause = revive(serialized.cause);
  return error;
}

/** The envelope's error for what a worker reported. */
function jobError(ctx: AppContext, serialized: SerializedError): AppError {
  if (serialized.appError) return serialized.appError as AppError;
  return toAppError(revive(serialized), ctx.log);
}

/** A job runner; one per context. `cancelGraceMs` is shortened by tests. */
export function createJobRunner(options: { cancelGraceMs?: number } = {}): JobRunner {
  const graceMs = options.cancelGraceMs ?? cancelGraceMs;
  const jobs = new Map<string, JobState>();
  const running = new Map<string, { flag: Int32Array; worker: Worker; finished: Promise<JobState> }>();

  const remember = (state: JobState) => {
    jobs.set(state.jobId, state);
    const finished = [...jobs.values()].filter((j) => j.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - keepFinished))) jobs.delete(old.jobId);
  };

  return {
    async start(ctx, request) {
      // Loaded with the first job, not at start: the job kinds bring every capability's slice.
      const { jobKinds } = await import('../../../shared/ipc/contract');
      const spec: JobKindSpec = jobKinds[request.kind];
      if (spec.developerOnly && !ctx.developer) {
        throw refused(
          `${spec.title.th}เป็นเครื่องมือสำหรับนักพัฒนา ใช้ในโปรแกรมที่ติดตั้งไม่ได้`,
          `${spec.title.en} is a developer tool; it is not available in the installed app`,
        );
      }
      const store = spec.store ?? 'tambon';
      const target = () => (store === 'datacenter' ? requireDatacenterWritable(ctx) : requireWritable(ctx));
      target();
      // Paths and files are checked here in main (the worker has no ports); a bad file is refused before any lease.
      const input = await prepareJobInput(ctx, request.kind, request.input as never);
      const writer = await currentWriter(ctx);
      const ws = target();
      const { release } = holdLease(ctx, { th: spec.title.th, en: spec.title.en }, { blocksWrites: true });
      const jobId = uuidv7();
      const state = {
        jobId,
        kind: request.kind,
        status: 'running',
        done: 0,
        total: 0,
        startedAt: writer.now.toISOString(),
        finishedAt: null,
        detail: null,
        result: null,
        error: null,
      } as JobState;
      remember(state);
      const cancelFlag = new SharedArrayBuffer(4);
      const data: WorkerData = {
        jobId,
        kind: request.kind,
        input,
        file: ws.file,
        store,
        migrationsDir: store === 'datacenter' ? datacenterMigrationsDir(ctx.resourcesDir) : ctx.migrationsDir,
        resourcesDir: ctx.resourcesDir,
        operator: writer.operator,
        now: writer.now.toISOString(),
        cancelFlag,
      };
      let worker: Worker;
      try {
        worker = new Worker(ctx.workerScript, { workerData: data });
      } catch (error) {
        release();
        jobs.delete(jobId);
        throw error;
      }
      let lastProgress = 0;
      let outcome: WorkerMessage | null = null;
      const finished = new Promise<JobState>((resolve) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type !== 'progress') {
            outcome = message;
            return;
          }
          Object.assign(state, { done: message.done, total: message.total, detail: message.detail });
          const now = Date.now();
          if (message.done < message.total && now - lastProgress < progressEveryMs) return;
          lastProgress = now;
          ctx.emit('job.progress', { jobId, kind: state.kind, done: message.done, total: message.total, detail: message.detail } as never);
        });
        worker.on('error', (error: Error & { code?: unknown }) => {
          outcome ??= {
            type: 'failed',
            error: { name: error.name, message: error.message, ...(typeof error.code === 'string' ? { code: error.code } : {}), ...(error.stack ? { stack: error.stack } : {}) },
            changes: [],
          };
        });
        // The worker has closed its connection by the time it exits: only then is the workspace free.
        worker.on('exit', (code) => {
          const cancelRequested = Atomics.load(new Int32Array(cancelFlag), 0) === 1;
          // No last message: the worker was terminated after a cancel (or died).
          const end: WorkerMessage =
            outcome ??
            (cancelRequested
              ? { type: 'cancelled', changes: [] }
              : { type: 'failed', error: { name: 'Error', message: `the job worker stopped (exit code ${code})` }, changes: [] });
          const patch: Partial<JobState> = { finishedAt: ctx.clock().toISOString() };
          if (end.type === 'done') {
            const parsed = spec.result.safeParse(end.result);
            if (parsed.success) Object.assign(patch, { status: 'done', result: parsed.data });
            else Object.assign(patch, { status: 'failed', error: jobError(ctx, { name: 'Error', message: `job result does not match the contract: ${parsed.error.message}` }) });
          } else if (end.type === 'cancelled') patch.status = 'cancelled';
          else if (end.type === 'failed') Object.assign(patch, { status: 'failed', error: jobError(ctx, end.error) });
          Object.assign(state, patch);
          if (state.status === 'failed') ctx.log.warn(`job ${state.kind} ${jobId} failed: ${state.error?.messageEn ?? 'unknown error'}`);
          running.delete(jobId);
          release();
          if (end.type !== 'progress') for (const event of end.changes) announceChange(ctx, event);
          ctx.emit('job.finished', { ...state });
          resolve({ ...state });
        });
      });
      running.set(jobId, { flag: new Int32Array(cancelFlag), worker, finished });
      return { jobId, finished };
    },
    list() {
      return [...jobs.values()].map((j) => ({ ...j })).reverse();
    },
    get(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new ServiceError('NOT_FOUND', 'ไม่พบงานนี้ (อาจเสร็จไปนานแล้ว)', 'No such job (it may have finished long ago)', 'jobId');
      return { ...job };
    },
    cancel(jobId) {
      const job = running.get(jobId);
      if (!job) return false;
      if (Atomics.exchange(job.flag, 0, 1) === 1) return true;
      Atomics.notify(job.flag, 0);
      const hard = setTimeout(() => void job.worker.terminate(), graceMs);
      hard.unref();
      void job.finished.then(() => clearTimeout(hard));
      return true;
    },
    async cancelAll() {
      const all = [...running.entries()];
      for (const [jobId] of all) this.cancel(jobId);
      await Promise.all(all.map(([, job]) => job.finished));
    },
  };
}
