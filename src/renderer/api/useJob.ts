/**
 * Following one job from the page: start it, see its progress and its end, cancel it. Events are
 * kept per job id from the moment the hook listens, because the first ones may arrive before the
 * call that started the job has answered.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../shared/domain/result';
import type { ChannelInput, EventPayload } from '../../shared/ipc/contract';
import { onEvent } from './client';
import { change } from './queries';

type Progress = EventPayload<'job.progress'>;
type Finished = EventPayload<'job.finished'>;

/** A job as the page follows it. */
export interface FollowedJob {
  jobId: string | null;
  progress: Progress | undefined;
  finished: Finished | undefined;
  running: boolean;
  /** Starts a job; answers the error when it could not start. */
  start: (request: ChannelInput<'jobs.start'>) => Promise<AppError | null>;
  cancel: () => Promise<void>;
  /** Forgets the job followed (a new one can start). */
  reset: () => void;
}

/** Follows the jobs this component starts. */
export function useJob(): FollowedJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [seen, setSeen] = useState<Map<string, { progress?: Progress; finished?: Finished }>>(new Map());
  useEffect(() => {
    const note = (id: string, patch: { progress?: Progress; finished?: Finished }) => setSeen((previous) => new Map(previous).set(id, { ...previous.get(id), ...patch }));
    const offProgress = onEvent('job.progress', (p) => note(p.jobId, { progress: p }));
    const offFinished = onEvent('job.finished', (p) => note(p.jobId, { finished: p }));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);
  const start = useCallback(async (request: ChannelInput<'jobs.start'>) => {
    const result = await change('jobs.start', request);
    if (!result.ok) return result.error;
    setJobId(result.value.jobId);
    return null;
  }, []);
  const cancel = useCallback(async () => {
    if (jobId) await change('jobs.cancel', { jobId });
  }, [jobId]);
  const reset = useCallback(() => setJobId(null), []);
  const own = jobId ? seen.get(jobId) : undefined;
  return { jobId, progress: own?.progress, finished: own?.finished, running: jobId !== null && !own?.finished, start, cancel, reset };
}
