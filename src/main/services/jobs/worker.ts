/**
 * The job worker (bundled to dist/worker.cjs): runs one job's body on a `worker_threads` thread
 * with its own connection to the workspace, so a long write never blocks the thread that answers
 * calls (better-sqlite3 is synchronous). WAL lets the main thread go on reading meanwhile; the
 * runner refuses other writes while the job holds the write lease. Posts progress, then one
 * final message: done (with the change events of its writes), cancelled or failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ServiceError } from '../../../shared/domain/result';
import type { DataChanged } from '../../../shared/ipc/workspace';
import { openDatabase, type WorkspaceDb } from '../../db/client';
import { openDatacenterDatabase } from '../../db/datacenter/client';
import { runWrite } from '../write';
import { JobCancelled, type JobControl, type SerializedError, type WorkerData, type WorkerMessage } from './control';
import { jobBodies } from './kinds';

/** An error, with its cause chain, as the runner can map and log it. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (error instanceof ServiceError) return { name: error.name, message: error.message, appError: error.toAppError() };
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const out: SerializedError = { name: typeof e.name === 'string' ? e.name : 'Error', message: String(e.message ?? error) };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.stack === 'string') out.stack = e.stack;
  if (e.cause !== undefined && depth < 8) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

async function main(port: NonNullable<typeof parentPort>, data: WorkerData): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const flag = new Int32Array(data.cancelFlag);
  const changes: DataChanged[] = [];
  let ws: WorkspaceDb | null = null;
  let outcome: WorkerMessage;
  try {
    ws =
      data.store === 'datacenter'
        ? // The data center's audit_log has the workspace's shape: the one write pipeline serves both.
          (openDatacenterDatabase(data.file, { migrationsDir: data.migrationsDir, migrate: false }) as unknown as WorkspaceDb)
        : openDatabase(data.file, { migrationsDir: data.migrationsDir, migrate: false });
    const open = ws;
    const control: JobControl<typeof data.kind> = {
      jobId: data.jobId,
      ws: open,
      resourcesDir: data.resourcesDir,
      cancelled: () => Atomics.load(flag, 0) === 1,
      throwIfCancelled() {
        if (Atomics.load(flag, 0) === 1) throw new JobCancelled();
      },
      pause(ms) {
        Atomics.wait(flag, 0, 0, ms);
      },
      progress(done, total, detail) {
        post({ type: 'progress', done, total, detail });
      },
      write(spec, body) {
        const { value, event } = runWrite(open, { operator: data.operator, now: new Date(data.now) }, spec, body);
        changes.push(event);
        return value;
      },
    };
    const body = jobBodies[data.kind] as (job: typeof control, input: unknown) => unknown;
    const result = await body(control, data.input);
    outcome = { type: 'done', result, changes };
  } catch (error) {
    outcome =
      error instanceof JobCancelled || Atomics.load(flag, 0) === 1
        ? { type: 'cancelled', changes }
        : { type: 'failed', error: serializeError(error), changes };
  }
  // Closed before the last message, so the runner releases the workspace only once this connection is gone.
  // A failure to close changes nothing that was committed or rolled back.
  try {
    ws?.sqlite.close();
  } catch {
    // The thread ends next, which releases the connection anyway.
  }
  post(outcome);
}

if (parentPort) void main(parentPort, workerData as WorkerData);
