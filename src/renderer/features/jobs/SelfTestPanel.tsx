import { useEffect, useReducer, useRef, useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import type { EventPayload } from '../../../shared/ipc/contract';
import { invoke, onEvent } from '../../api/client';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';

interface JobEvents {
  progress?: EventPayload<'job.progress'>;
  finished?: EventPayload<'job.finished'>;
}

/** The self-test job's size: 50 steps of 60 ms, about three seconds. */
const selfTest = { steps: 50, stepMs: 60 } as const;

/**
 * งานทดสอบระบบ: starts the self-test job and follows its events. Events are kept per job id
 * from the moment the panel listens, because the first ones may arrive before the call that
 * started the job has answered.
 */
export function SelfTestPanel() {
  const { t, lang, errorText } = useI18n();
  const seen = useRef(new Map<string, JobEvents>());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const note = (id: string, patch: JobEvents) => {
      seen.current.set(id, { ...seen.current.get(id), ...patch });
      rerender();
    };
    const offProgress = onEvent('job.progress', (p) => note(p.jobId, { progress: p }));
    const offFinished = onEvent('job.finished', (p) => note(p.jobId, { finished: p }));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const job = jobId ? seen.current.get(jobId) : undefined;
  const finished = job?.finished;
  const running = jobId !== null && !finished;
  const done = finished?.status === 'done' ? selfTest.steps : (job?.progress?.done ?? 0);
  const total = job?.progress?.total ?? selfTest.steps;
  const percent = Math.round((done / total) * 100);

  const start = async () => {
    setStarting(true);
    setError(null);
    setCancelling(false);
    const result = await invoke('jobs.startSelfTest', { ...selfTest });
    setStarting(false);
    if (!result.ok) return setError(result.error);
    setJobId(result.value.jobId);
  };

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    const result = await invoke('jobs.cancel', { jobId });
    if (!result.ok) {
      setCancelling(false);
      setError(result.error);
    }
  };

  const statusText = finished
    ? finished.status === 'failed' && finished.error
      ? `${t.jobs.status.failed}: ${lang === 'th' ? finished.error.messageTh : finished.error.messageEn}`
      : t.jobs.status[finished.status]
    : jobId
      ? `${t.jobs.status.running} — ${t.jobs.progress(done, total)}`
      : '';

  return (
    <section aria-labelledby="selftest-title" data-testid="selftest-panel">
      <h2 id="selftest-title" className="panel-title">
        {t.jobs.title}
      </h2>
      <p className="lead">{t.jobs.intro}</p>
      <div className="card job-card">
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void start()} disabled={running || starting} data-testid="job-start">
            {t.jobs.start}
          </button>
          <button type="button" className="button" onClick={() => void cancel()} disabled={!running || cancelling} data-testid="job-cancel">
            {t.jobs.cancel}
          </button>
        </div>
        {jobId && (
          <>
            <div
              className="progress"
              role="progressbar"
              aria-label={t.jobs.progressLabel}
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={done}
              aria-valuetext={t.jobs.progress(done, total)}
              data-testid="job-progress"
            >
              <div
                className={`progress-fill${finished ? ` progress-${finished.status}` : ''}`}
                style={{ width: `${percent}%` }}
              />
            </div>
            <p className={`job-status${finished ? ` job-status-${finished.status}` : ''}`} data-testid="job-status" data-status={finished?.status ?? 'running'} aria-live="polite">
              {statusText}
            </p>
          </>
        )}
        <FormError message={error ? errorText(error) : undefined} />
      </div>
    </section>
  );
}
