/**
 * Long work is a job: it reports progress as events and can be cancelled (AbortSignal). The
 * same events reach the renderer over Electron IPC and over the harness's event stream.
 */
import { v7 as uuidv7 } from 'uuid';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { ServiceError } from '../../../shared/domain/result';

/** What a job's body gets: its signal and a way to report progress. */
export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number, label?: string): void;
}

/** Starts and cancels jobs. */
export interface JobRunner {
  start(body: (control: JobControl) => Promise<unknown>): { jobId: string; finished: Promise<void> };
  cancel(jobId: string): boolean;
}

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A job runner that reports through `emit`; progress events are throttled to one per 50 ms. */
export function createJobRunner(emit: Emit): JobRunner {
  const active = new Map<string, AbortController>();
  return {
    start(body) {
      const jobId = uuidv7();
      const controller = new AbortController();
      active.set(jobId, controller);
      let lastEmit = 0;
      const control: JobControl = {
        signal: controller.signal,
        progress(done, total, label) {
          const now = Date.now();
          if (done < total && now - lastEmit < 50) return;
          lastEmit = now;
          emit('job.progress', label === undefined ? { jobId, done, total } : { jobId, done, total, label });
        },
      };
      const finished = (async () => {
        // Let the caller receive the job id before the first event.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          const result = await body(control);
          if (controller.signal.aborted) emit('job.finished', { jobId, status: 'cancelled' });
          else emit('job.finished', { jobId, status: 'done', result });
        } catch (error) {
          if (controller.signal.aborted) emit('job.finished', { jobId, status: 'cancelled' });
          else {
            const e =
              error instanceof ServiceError
                ? error.toAppError()
                : { code: 'INTERNAL', messageTh: 'งานล้มเหลว', messageEn: 'The job failed' };
            emit('job.finished', { jobId, status: 'failed', error: { code: e.code, messageTh: e.messageTh, messageEn: e.messageEn } });
          }
        } finally {
          active.delete(jobId);
        }
      })();
      return { jobId, finished };
    },
    cancel(jobId) {
      const controller = active.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
  };
}

/** The self-test job: counts through `steps`, waiting `stepMs` between them; shows progress and cancel work end to end. */
export async function selfTestJob(control: JobControl, steps: number, stepMs: number): Promise<{ steps: number }> {
  for (let step = 1; step <= steps; step += 1) {
    if (control.signal.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    control.progress(step, steps);
  }
  return { steps };
}
