import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportOutcome } from '../../../shared/domain/datacenter';
import type { AppError } from '../../../shared/domain/result';
import type { EventPayload } from '../../../shared/ipc/contract';
import { onEvent } from '../../api/client';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { useFilePicker } from '../workspace/FilePickerProvider';

type Finished = EventPayload<'job.finished'>;
type Progress = EventPayload<'job.progress'>;

/** A file's bytes as base64, for staging a dropped file. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One outcome as a row of the review or results table. */
function OutcomeRow({ outcome }: { outcome: ImportOutcome }) {
  const { t, lang } = useI18n();
  const diff = Object.values(outcome.tables).reduce(
    (sum, d) => ({ new: sum.new + d.new, changed: sum.changed + d.changed, deleted: sum.deleted + d.deleted, rejected: sum.rejected + d.rejected }),
    { new: 0, changed: 0, deleted: 0, rejected: 0 },
  );
  const ok = outcome.status === 'applied' || outcome.status === 'dry-run' || outcome.status === 'already-imported';
  const notes = [
    outcome.missingSeqs.length ? t.datacenter.missing(outcome.missingSeqs.join(', ')) : null,
    outcome.warnings.length ? t.datacenter.warnings(outcome.warnings.length) : null,
    ...outcome.rejected.map((g) => t.datacenter.rejectedRows(g.table, t.datacenter.rejectReasons[g.reason], g.count, g.examples.map((e) => e.row).join(', '))),
    !ok || outcome.status === 'stale' ? (lang === 'th' ? outcome.reasonTh : outcome.reason) : null,
  ].filter(Boolean);
  return (
    <tr data-testid="import-row" data-status={outcome.status}>
      <td className="path-cell" title={outcome.file}>
        {outcome.file}
      </td>
      <td>
        <span className={`status-pill status-${ok ? 'ok' : outcome.status === 'stale' ? 'warn' : 'bad'}`}>{t.datacenter.statuses[outcome.status]}</span>
      </td>
      <td className="code">{outcome.tambonCode ?? '—'}</td>
      <td className="num">{outcome.seq ?? '—'}</td>
      <td className="num">{Object.keys(outcome.tables).length ? `${diff.new} / ${diff.changed} / ${diff.deleted} / ${diff.rejected}` : '—'}</td>
      <td className="reason-cell">{notes.join(' · ')}</td>
    </tr>
  );
}

/**
 * นำเข้าชุดข้อมูล: choose files or a folder, or drop .tpkg files; a dry run shows what each package
 * would change (or why it is refused) for review; then the import, a job with progress per package
 * and cancel, while the app keeps answering. Quarantined packages are listed below.
 */
export function ImportPanel() {
  const { t, lang, date, errorText } = useI18n();
  const pickFile = useFilePicker();
  const quarantine = useCall('datacenter.quarantine', {});
  const [paths, setPaths] = useState<string[]>([]);
  const [staged, setStaged] = useState<{ id: string; name: string }[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [review, setReview] = useState<ImportOutcome[] | null>(null);
  const [results, setResults] = useState<ImportOutcome[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [dragging, setDragging] = useState(false);
  // The job this panel follows, and the ends of jobs that finished before their start was answered.
  const current = useRef<{ jobId: string; dryRun: boolean } | null>(null);
  const early = useRef(new Map<string, Finished>());

  const finish = useCallback((end: Finished) => {
    const following = current.current;
    if (!following || end.jobId !== following.jobId) return;
    const packages = (end.result as { packages: ImportOutcome[] } | null)?.packages ?? null;
    if (end.error) setError(end.error);
    if (packages && following.dryRun) setReview(packages);
    if (packages && !following.dryRun) {
      // The results take the review's place.
      setReview(null);
      setResults(packages);
    }
    current.current = null;
    setJobId(null);
    setProgress(null);
  }, []);

  useEffect(() => {
    const offProgress = onEvent('job.progress', (p) => {
      if (p.jobId === current.current?.jobId) setProgress(p);
    });
    const offFinished = onEvent('job.finished', (end) => {
      if (end.jobId === current.current?.jobId) finish(end);
      else early.current.set(end.jobId, end);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [finish]);

  const running = jobId !== null;
  // New results are brought into view (the chosen files and buttons stay above them).
  const outcomesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (review || results) outcomesRef.current?.scrollIntoView({ block: 'start' });
  }, [review, results]);

  const start = async (asDryRun: boolean) => {
    setError(null);
    if (asDryRun) setReview(null);
    setResults(null);
    const result = await change('jobs.start', { kind: 'datacenterImport', input: { paths, staged, dryRun: asDryRun } });
    if (!result.ok) return setError(result.error);
    current.current = { jobId: result.value.jobId, dryRun: asDryRun };
    setJobId(result.value.jobId);
    const ended = early.current.get(result.value.jobId);
    if (ended) finish(ended);
  };

  const add = async (folder: boolean) => {
    const path = await pickFile('open', undefined, undefined, { extensions: ['tpkg'], folder });
    if (path) setPaths((list) => (list.includes(path) ? list : [...list, path]));
    setReview(null);
  };

  const drop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    setError(null);
    for (const file of Array.from(event.dataTransfer.files)) {
      const result = await change('datacenter.stage', { name: file.name, base64: await base64Of(file) });
      if (!result.ok) return setError(result.error);
      setStaged((list) => (list.some((s) => s.id === result.value.id) ? list : [...list, { id: result.value.id, name: file.name }]));
    }
    setReview(null);
  };

  const nothingChosen = paths.length === 0 && staged.length === 0;
  const canApply = review?.some((o) => o.status === 'dry-run') ?? false;

  return (
    <section aria-labelledby="dc-import-title" data-testid="datacenter-import">
      <h2 id="dc-import-title" className="panel-title">
        {t.datacenter.tabs.import}
      </h2>
      <p className="lead">{t.datacenter.importIntro}</p>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void drop(e)}
      >
        <p>{t.datacenter.dropHere}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void add(false)} disabled={running} data-testid="import-pick-file">
            {t.datacenter.pickFile}
          </button>
          <button type="button" className="button" onClick={() => void add(true)} disabled={running} data-testid="import-pick-folder">
            {t.datacenter.pickFolder}
          </button>
        </div>
      </div>
      {!nothingChosen && (
        <div className="chosen" data-testid="import-chosen">
          <p className="label">{t.datacenter.chosen}</p>
          <ul className="chosen-list">
            {paths.map((p) => (
              <li key={p} className="path-cell" title={p}>
                {p}
              </li>
            ))}
            {staged.map((s) => (
              <li key={s.id}>{s.name}</li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={running} onClick={() => void start(true)} data-testid="import-dry-run">
              {t.datacenter.dryRun}
            </button>
            <button type="button" className="button button-primary" disabled={running || !canApply} onClick={() => void start(false)} data-testid="import-apply">
              {t.datacenter.apply}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={running}
              onClick={() => {
                setPaths([]);
                setStaged([]);
                setReview(null);
                setResults(null);
              }}
            >
              {t.datacenter.clear}
            </button>
            {running && jobId && (
              <button type="button" className="button" onClick={() => void change('jobs.cancel', { jobId })} data-testid="import-cancel">
                {t.datacenter.cancel}
              </button>
            )}
          </div>
        </div>
      )}
      {running && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress?.total ?? 1} aria-valuenow={progress?.done ?? 0} data-testid="import-progress">
          <div className="progress-fill" style={{ width: `${progress?.total ? Math.round((progress.done / progress.total) * 100) : 0}%` }} />
          <span className="visually-hidden">{t.datacenter.running(progress?.done ?? 0, progress?.total ?? 0)}</span>
        </div>
      )}
      <FormError message={error ? errorText(error) : undefined} testId="import-error" />
      <div ref={outcomesRef} />
      {[
        { list: review, title: t.datacenter.reviewTitle, testId: 'import-review' },
        { list: results, title: t.datacenter.appliedTitle, testId: 'import-results' },
      ].map(
        ({ list, title, testId }) =>
          list && (
            <div key={testId} data-testid={testId}>
              <h3 className="section-title">{title}</h3>
              <div className="table-wrap">
                <table className="table table-wrapheads">
                  <thead>
                    <tr>
                      <th scope="col">
                        {t.datacenter.file}
                      </th>
                      <th scope="col">
                        {t.datacenter.status}
                      </th>
                      <th scope="col">
                        {t.datacenter.tambon}
                      </th>
                      <th scope="col" className="num">
                        {t.datacenter.seq}
                      </th>
                      <th scope="col" className="num">
                        {t.datacenter.diff}
                      </th>
                      <th scope="col">{t.datacenter.reason}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((o, i) => (
                      <OutcomeRow key={`${o.file}-${i}`} outcome={o} />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ),
      )}
      <h3 className="section-title">{t.datacenter.quarantineTitle}</h3>
      {!quarantine.data?.length ? (
        <p className="empty">{t.datacenter.quarantineEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-wrapheads" data-testid="quarantine-table">
            <thead>
              <tr>
                <th scope="col">
                  {t.datacenter.at}
                </th>
                <th scope="col">
                  {t.datacenter.file}
                </th>
                <th scope="col">
                  {t.datacenter.tambon}
                </th>
                <th scope="col">{t.datacenter.reason}</th>
              </tr>
            </thead>
            <tbody>
              {quarantine.data.map((q) => (
                <tr key={q.id}>
                  <td className="date">{date(q.at, true)}</td>
                  <td className="path-cell" title={q.sha256}>
                    {q.fileName}
                  </td>
                  <td className="code">{q.tambonCode ?? '—'}</td>
                  <td className="reason-cell">{lang === 'th' ? q.reasonTh : q.reasonEn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
