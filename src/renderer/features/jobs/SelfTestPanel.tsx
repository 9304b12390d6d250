import { useEffect, useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import type { AppError } from '../../../shared/domain/result';
import type { EventPayload } from '../../../shared/ipc/contract';
import { onEvent } from '../../api/client';
import { callValue, change } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';

/** The self-test's size: 200,000 rows in 50 steps, with a pause between steps so a person can watch it. */
const selfTest = { rows: 200_000, steps: 50, stepDelayMs: 60 } as const;

type JobState = EventPayload<'job.finished'>;
type Progress = EventPayload<'job.progress'>;

/**
 * งานทดสอบระบบ (a developer tool): starts the self-test job and follows its events. Events are
 * kept per job id from the moment the panel listens, because the first ones may arrive before
 * the call that started the job has answered.
 */
export function SelfTestPanel() {
  const { t, lang, errorText } = useI18n();
  const [seen, setSeen] = useState<Map<string, { progress?: Progress; finished?: JobState }>>(new Map());
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // A self-test still running (this panel was left and opened again) is followed, not lost.
  useEffect(() => {
    let live = true;
    void callValue('jobs.list', {}).then((jobs) => {
      const running = jobs.find((j) => j.kind === 'selfTest' && j.status === 'running');
      if (live && running) setJobId((current) => current ?? running.jobId);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const note = (id: string, patch: { progress?: Progress; finished?: JobState }) =>
      setSeen((previous) => new Map(previous).set(id, { ...previous.get(id), ...patch }));
    const offProgress = onEvent('job.progress', (p) => note(p.jobId, { progress: p }));
    const offFinished = onEvent('job.finished', (p) => note(p.jobId, { finished: p }));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const job = jobId ? seen.get(jobId) : undefined;
  const finished = job?.finished;
  const running = jobId !== null && !finished;
  const total = finished?.total || job?.progress?.total || selfTest.rows;
  const done = finished?.status === 'done' ? total : (finished?.done ?? job?.progress?.done ?? 0);
  const percent = Math.round((done / total) * 100);

  const start = async () => {
    setStarting(true);
    setError(null);
    setCancelling(false);
    const result = await change('jobs.start', { kind: 'selfTest', input: { ...selfTest } });
    setStarting(false);
    if (!result.ok) return setError(result.error);
    setJobId(result.value.jobId);
  };

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    const result = await change('jobs.cancel', { jobId });
    if (!result.ok) {
      setCancelling(false);
      setError(result.error);
    }
  };

  const progressText = t.jobs.progress(formatNumber(done), formatNumber(total));
  const statusText = finished
    ? finished.status === 'failed' && finished.error
      ? `${t.jobs.status.failed}: ${lang === 'th' ? finished.error.messageTh : finished.error.messageEn}`
      : t.jobs.status[finished.status]
    : jobId
      ? `${t.jobs.status.running} — ${progressText}`
      : '';

  return (
    <section aria-labelledby="selftest-title" data-testid="selftest-panel">
      <h2 id="selftest-title" className="panel-title">
        {t.jobs.title}
      </h2>
      <p className="lead">{t.jobs.intro(formatNumber(selfTest.rows))}</p>
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
              aria-valuetext={progressText}
              data-testid="job-progress"
            >
              <div className={`progress-fill${finished ? ` progress-${finished.status}` : ''}`} style={{ width: `${percent}%` }} />
            </div>
            <p
              className={`job-status${finished ? ` job-status-${finished.status}` : ''}`}
              data-testid="job-status"
              data-status={finished?.status ?? 'running'}
              aria-live="polite"
            >
              {statusText}
            </p>
          </>
        )}
        <FormError message={error ? errorText(error) : undefined} />
      </div>
    </section>
  );
}
