/**
 * What a job's body gets in the worker: its input, a way to report progress, to see whether it
 * was cancelled, and to write through the write pipeline in one transaction (which a cancel or a
 * failure rolls back).
 */
import type { z } from 'zod';
import type { DataChanged } from '../../../shared/ipc/workspace';
import type { JobKind, jobKinds } from '../../../shared/ipc/contract';
import type { WorkspaceDb } from '../../db/client';
import type { WriteTx } from '../../db/repository';
import type { WriteSpec } from '../write';

/** Thrown by {@link JobControl.throwIfCancelled}: the job stops and its transaction rolls back. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/** A job's body's view of its job. */
export interface JobControl<K extends JobKind> {
  jobId: string;
  /** The open workspace, on the worker's own connection (the data center's for a `store: 'datacenter'` kind). */
  ws: WorkspaceDb;
  resourcesDir: string;
  /** Whether a cancel was asked for. */
  cancelled(): boolean;
  /** Throws {@link JobCancelled} when a cancel was asked for. */
  throwIfCancelled(): void;
  /** Sleeps up to `ms` in the worker, waking at once on a cancel. */
  pause(ms: number): void;
  /** Reports progress (throttled by the runner). */
  progress(done: number, total: number, detail: z.output<(typeof jobKinds)[K]['progress']>): void;
  /** One write through the pipeline (transaction, audit); its change event goes out when the job ends. */
  write<T>(spec: WriteSpec, body: (tx: WriteTx) => T): T;
}

/**
 * A job kind's body. It may return its result directly — a body that only writes is synchronous
 * (better-sqlite3; no `await` inside a transaction) — or a promise of it; the worker awaits either.
 */
export type JobBody<K extends JobKind> = (
  job: JobControl<K>,
  input: z.output<(typeof jobKinds)[K]['input']>,
) => z.output<(typeof jobKinds)[K]['result']> | Promise<z.output<(typeof jobKinds)[K]['result']>>;

/** Every job kind's body. */
export type JobBodies = { [K in JobKind]: JobBody<K> };

/** What the worker posts back to the runner. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; detail: unknown }
  | { type: 'done'; result: unknown; changes: DataChanged[] }
  // A body may write more than once: what it committed before a cancel or a failure stays, and is announced.
  | { type: 'cancelled'; changes: DataChanged[] }
  | { type: 'failed'; error: SerializedError; changes: DataChanged[] };

/** An error as it crosses from the worker: enough for the same mapping as calls, and for the log. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
  /** A ServiceError's envelope error, passed through as it is. */
  appError?: { code: string; messageTh: string; messageEn: string; field?: string };
  cause?: SerializedError;
}

/** What the runner gives the worker. */
export interface WorkerData {
  jobId: string;
  kind: JobKind;
  input: unknown;
  file: string;
  /** The kind of file the job works on (its migrations are `migrationsDir`). */
  store: 'tambon' | 'datacenter';
  migrationsDir: string;
  resourcesDir: string;
  operator: string | null;
  now: string;
  /** One Int32: 1 once a cancel is asked for. */
  cancelFlag: SharedArrayBuffer;
}
