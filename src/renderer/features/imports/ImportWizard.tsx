import { useMemo, useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { normalizeCategoryText } from '../../../shared/domain/imports/accountCategories';
import { accountCategories, fieldLabel, importKinds, isForumKind, isRegisterKind, kindFields, villageTableKinds, type AccountCategory, type ColumnMapping, type ImportKind, type VillageTableKind } from '../../../shared/domain/imports/kinds';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import type { AppError } from '../../../shared/domain/result';
import type { ImportOutcome, InspectResult } from '../../../shared/ipc/imports';
import { callValue, CallError, change } from '../../api/queries';
import { useJob } from '../../api/useJob';
import { FieldError, FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { sizeParts } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { dataFiles, useFilePicker } from '../workspace/FilePickerProvider';

type Step = 'choose' | 'map' | 'check' | 'import';
type Mapping = Record<number, { field: string; label?: string }>;

const stepIndex: Record<Step, number> = { choose: 0, map: 1, check: 2, import: 3 };

/** The last part of a path, for either separator. */
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** A year typed by a person (Thai digits too), or null for blank; undefined when it is not a year. */
function typedYear(text: string): number | null | undefined {
  const s = normalizeThaiDigits(text.trim());
  if (s === '') return null;
  return /^25\d\d$/.test(s) ? Number(s) : undefined;
}

/**
 * One wizard for every kind of import: choose the kind and the file → map the columns (the
 * header found, the mapping automatic or remembered, corrected here) → check every row (a dry
 * run: preview, problems by sheet / row / column, values converted, categories to place) →
 * import the valid rows, or stop to fix the file. Checking and importing are jobs: progress with
 * rows per second, and a cancel that leaves nothing written.
 */
export function ImportWizard(props: { onClose: () => void; onShowEvidence: () => void }) {
  const { t, lang, date, errorText } = useI18n();
  const w = t.imports.wizard;
  const toast = useToast();
  const pickFile = useFilePicker();
  const job = useJob();
  const [step, setStep] = useState<Step>('choose');
  const [kind, setKind] = useState<ImportKind>('bmn');
  const [path, setPath] = useState<string | null>(null);
  const [yearText, setYearText] = useState('');
  const [tableKind, setTableKind] = useState<VillageTableKind>('nrd2c');
  const [tableName, setTableName] = useState<string>(t.imports.tableKinds.nrd2c);
  const [inspection, setInspection] = useState<InspectResult | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [header, setHeader] = useState<{ firstRow: number; rows: 1 | 2 } | null>(null);
  const [chosenHeader, setChosenHeader] = useState(false);
  const [mapping, setMapping] = useState<Mapping>({});
  const [categoryMap, setCategoryMap] = useState<Record<string, AccountCategory | 'ignore'>>({});
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [yearError, setYearError] = useState<string | undefined>();

  const year = typedYear(yearText);
  const sheet = inspection?.sheets.find((s) => s.name === sheetName) ?? inspection?.sheets[0] ?? null;

  // A job's end moves the wizard on: a check shows its report, an import its summary, a failure its reason.
  const finished = job.finished?.kind === 'import' ? job.finished : undefined;
  const outcome: ImportOutcome | null = finished?.status === 'done' ? finished.result : null;
  const checkResult = outcome?.dryRun && finished ? { jobId: finished.jobId, outcome } : null;
  const importResult = outcome && !outcome.dryRun ? outcome : null;
  const jobError = finished?.status === 'failed' ? finished.error : null;

  const inspect = async (over: { sheet?: string; header?: { firstRow: number; rows: 1 | 2 } } = {}) => {
    if (!path) return;
    if (year === undefined) return setYearError(w.yearInvalid);
    setBusy(true);
    setError(null);
    try {
      const result = await callValue('imports.inspect', {
        path,
        kind,
        year,
        ...(over.sheet ? { sheet: over.sheet } : {}),
        ...(over.header ? { header: over.header } : {}),
      });
      setInspection(result);
      const first = result.sheets.find((s) => s.name === over.sheet) ?? result.sheets.find((s) => s.header) ?? result.sheets[0] ?? null;
      setSheetName(first?.name ?? null);
      setHeader(first?.header ?? over.header ?? null);
      setChosenHeader(Boolean(over.header));
      setMapping(Object.fromEntries((first?.columns ?? []).map((c) => [c.column, { field: c.field, ...(c.name ? { label: c.name } : {}) }])));
      setCategoryMap(result.categoryMap as Record<string, AccountCategory | 'ignore'>);
      if (!yearText && first?.yearInTitle) setYearText(String(first.yearInTitle));
      setReplace(false);
      setStep('map');
    } catch (e) {
      if (e instanceof CallError) setError(e.error);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async () => {
    const picked = await pickFile('open', undefined, undefined, dataFiles.import);
    if (picked) {
      setPath(picked);
      setInspection(null);
      setError(null);
    }
  };

  const jobInput = (dryRun: boolean) => {
    const columns: ColumnMapping[] = Object.entries(mapping).map(([column, m]) => ({
      column: Number(column),
      field: m.field as ColumnMapping['field'],
      ...(m.field === 'custom' && m.label ? { label: m.label } : {}),
    }));
    return {
      path: path!,
      kind,
      year: year ?? null,
      ...(sheet ? { sheets: [sheet.name] } : {}),
      ...(chosenHeader && header ? { header } : {}),
      mapping: columns,
      ...(kind === 'accounts' ? { categoryMap } : {}),
      ...(kind === 'nrd2c' ? { table: { kind: tableKind, name: tableName.trim() || t.imports.tableKinds[tableKind] } } : {}),
      dryRun,
      replace,
      ...(dryRun ? { problemLimit: 500 } : { expectSha256: inspection!.file.sha256 }),
    };
  };

  const check = async () => {
    if (year === undefined) return setYearError(w.yearInvalid);
    setError(null);
    setStep('check');
    const failure = await job.start({ kind: 'import', input: jobInput(true) });
    if (failure) setError(failure);
  };

  const importValid = async () => {
    setError(null);
    setStep('import');
    const failure = await job.start({ kind: 'import', input: jobInput(false) });
    if (failure) setError(failure);
  };

  const saveReport = async (source: { jobId: string } | { importId: string }, file: string) => {
    await pickFile('save', w.reportName(file), async (target) => {
      const result = await change('imports.saveReport', { source, path: target });
      if (!result.ok) return result.error;
      toast({ message: t.imports.reportSaved(result.value.path, formatNumber(result.value.problems)), testId: 'toast-import' });
      return null;
    }, dataFiles.report);
  };

  const fieldOptions = useMemo(() => {
    const plain = kindFields[kind].map((f) => ({ value: f, label: t.imports.fields[f] ?? f }));
    const nos = inspection?.indicatorSet?.nos ?? [];
    if (kind === 'bmn') return [...plain, ...nos.map((no) => ({ value: `indicator:${no}`, label: t.imports.indicatorField(no) }))];
    if (kind === 'tpmap') return [...plain, ...nos.flatMap((no) => [{ value: `all:${no}`, label: t.imports.allField(no) }, { value: `cnt:${no}`, label: t.imports.cntField(no) }])];
    if (kind === 'projects') {
      // A plan year's budget column, as the file's headers name them (พ.ศ. 2568…).
      const years = new Set((inspection?.sheets ?? []).flatMap((s) => s.columns.flatMap((c) => (/^budget:\d{4}$/.test(c.field) ? [Number(c.field.slice(7))] : []))));
      return [...plain, ...[...years].sort().map((y) => ({ value: `budget:${y}`, label: t.imports.budgetYearField(y) }))];
    }
    if (kind === 'assessment') {
      // The criterion columns, as the file's headers name them (1.1, 1.2…).
      const nos = new Set((inspection?.sheets ?? []).flatMap((s) => s.columns.flatMap((c) => (c.field.startsWith('criterion:') ? [c.field.slice(10)] : []))));
      return [...plain, ...[...nos].map((no) => ({ value: `criterion:${no}`, label: fieldLabel(`criterion:${no}`).th }))];
    }
    return plain;
  }, [kind, inspection, t]);

  const steps = (
    <ol className="wizard-steps" aria-label={t.imports.title}>
      {w.steps.map((name, i) => (
        <li key={name} className={i === stepIndex[step] ? 'wizard-step wizard-step-current' : i < stepIndex[step] ? 'wizard-step wizard-step-done' : 'wizard-step'} aria-current={i === stepIndex[step] ? 'step' : undefined}>
          <span className="wizard-step-no">{i + 1}</span>
          {name}
        </li>
      ))}
    </ol>
  );

  const progress = job.progress?.kind === 'import' ? job.progress : undefined;
  const progressView = (title: string) => {
    const detail = progress?.detail;
    const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
    const text = !detail ? title : detail.phase === 'hashing' ? w.hashing : detail.phase === 'writing' ? w.writing : w.progress(formatNumber(detail.rowsRead), formatNumber(detail.rowsPerSecond));
    return (
      <div className="card job-card" data-testid="import-progress-card">
        <h3 className="card-title">{title}</h3>
        <div className="progress" role="progressbar" aria-label={w.progressLabel} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text} data-testid="import-progress">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="job-status" aria-live="polite" data-testid="import-progress-text">
          {text}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void job.cancel()} data-testid="import-cancel">
            {w.cancel}
          </button>
        </div>
      </div>
    );
  };

  const ended = (status: 'cancelled' | 'failed') => (
    <div className="card">
      <p className={`job-status job-status-${status}`} data-testid="import-ended">
        {status === 'cancelled' ? w.cancelled : w.failed}
      </p>
      <FormError message={jobError ? errorText(jobError) : error ? errorText(error) : undefined} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => setStep('map')}>
          {w.editMapping}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {w.close}
        </button>
      </div>
    </div>
  );

  return (
    <section className="wizard" aria-labelledby="wizard-title" data-testid="import-wizard">
      <div className="panel-heading">
        <h2 id="wizard-title" className="panel-title" tabIndex={-1}>
          {t.imports.start}
        </h2>
        <button type="button" className="button button-quiet" onClick={props.onClose} disabled={job.running} data-testid="wizard-close">
          {w.close}
        </button>
      </div>
      {steps}

      {step === 'choose' && (
        <form
          className="card form"
          onSubmit={(event) => {
            event.preventDefault();
            void inspect();
          }}
        >
          <fieldset className="fieldset-plain">
            <legend className="label">{w.kind}</legend>
            <div className="kind-choices">
              {importKinds.map((k) => (
                <label key={k} className="choice choice-card">
                  <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`import-kind-${k}`} />
                  <span>
                    <span className="choice-title">{t.imports.kinds[k]}</span>
                    <span className="choice-meta">{t.imports.kindHints[k]}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <span className="label">{w.file}</span>
            <div className="file-row">
              <span className="file-path" data-testid="import-file">
                {path ? baseName(path) : w.noFile}
              </span>
              <button type="button" className="button" onClick={() => void chooseFile()} data-testid="import-choose-file">
                {w.chooseFile}
              </button>
            </div>
          </div>
          <div className="field-grid field-grid-3">
            {isForumKind(kind) || (isRegisterKind(kind) && kind !== 'welfare-funds') ? (
              <p className="hint" data-testid="import-forum-hint">
                {isForumKind(kind) ? t.imports.forumYearHint : t.imports.registerYearHint}
              </p>
            ) : (
            <div className="field">
              <label htmlFor="import-year">{w.year}</label>
              <TextInput
                id="import-year"
                value={yearText}
                onChange={(v) => {
                  setYearText(v);
                  setYearError(undefined);
                }}
                maxLength={10}
                inputMode="numeric"
                invalid={Boolean(yearError)}
                describedBy="import-year-hint import-year-error"
              />
              <p id="import-year-hint" className="hint">
                {w.yearHint}
              </p>
              <FieldError id="import-year-error" message={yearError} />
            </div>
            )}
            {kind === 'nrd2c' && (
              <>
                <div className="field">
                  <label htmlFor="import-table-kind">{w.tableKind}</label>
                  <select
                    id="import-table-kind"
                    className="input"
                    value={tableKind}
                    onChange={(e) => {
                      const next = e.target.value as VillageTableKind;
                      setTableKind(next);
                      setTableName(t.imports.tableKinds[next]);
                    }}
                  >
                    {villageTableKinds.map((k) => (
                      <option key={k} value={k}>
                        {t.imports.tableKinds[k]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="import-table-name">{w.tableName}</label>
                  <TextInput id="import-table-name" value={tableName} onChange={setTableName} maxLength={200} />
                </div>
              </>
            )}
          </div>
          <FormError message={error ? errorText(error) : undefined} testId="import-error" />
          <div className="form-actions form-actions-end">
            <button type="submit" className="button button-primary" disabled={!path || busy} data-testid="import-inspect">
              {busy ? w.inspecting : w.inspect}
            </button>
          </div>
        </form>
      )}

      {step === 'map' && inspection && (
        <div className="wizard-body">
          <div className="card">
            <p className="file-facts" data-testid="import-file-facts">
              {w.fileFacts(inspection.file.name, `${sizeParts(inspection.file.size).text} ${{ bytes: 'B', kilobytes: 'KB', megabytes: 'MB' }[sizeParts(inspection.file.size).unit]}`, inspection.file.format.toUpperCase())}
              {inspection.file.encoding && inspection.file.encoding !== 'utf-8' && <span className="muted"> · {w.encoding(inspection.file.encoding)}</span>}
            </p>
            {inspection.alreadyImported && (
              <div className="banner banner-warning" role="note" data-testid="import-already">
                <p className="banner-text">{w.already(date(inspection.alreadyImported.importedAt, true), inspection.alreadyImported.operator ?? '')}</p>
                <label className="choice">
                  <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="import-replace" />
                  {w.replace}
                </label>
              </div>
            )}
            <div className="map-controls">
              {inspection.sheets.length > 1 && (
                <div className="field">
                  <label htmlFor="import-sheet">{w.sheet}</label>
                  <select id="import-sheet" className="input" value={sheet?.name ?? ''} onChange={(e) => void inspect({ sheet: e.target.value })}>
                    {inspection.sheets.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <HeaderChooser
                sheet={sheet}
                header={header}
                onApply={(next) => void inspect({ ...(sheet ? { sheet: sheet.name } : {}), header: next })}
              />
              <div className="field field-year">
                <label htmlFor="import-year-map">{w.year}</label>
                <TextInput
                  id="import-year-map"
                  value={yearText}
                  onChange={(v) => {
                    setYearText(v);
                    setYearError(undefined);
                  }}
                  maxLength={10}
                  inputMode="numeric"
                  invalid={Boolean(yearError)}
                  describedBy="import-year-map-error"
                />
                <FieldError id="import-year-map-error" message={yearError} />
              </div>
            </div>
          </div>

          {sheet && sheet.columns.length > 0 && (
            <div className="card">
              <h3 className="card-title">{w.mappingTitle}</h3>
              <p className="hint">{sheet.remembered ? w.remembered : w.mappingHint}</p>
              <div className="table-wrap">
                <table className="table mapping-table" data-testid="mapping-table">
                  <thead>
                    <tr>
                      <th scope="col" className="col-letter">
                        {w.column}
                      </th>
                      <th scope="col">{w.heading}</th>
                      <th scope="col" className="col-samples">
                        {w.samples}
                      </th>
                      <th scope="col">{w.field}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sheet.columns.map((c) => {
                      const current = mapping[c.column] ?? { field: 'ignore' };
                      const options = fieldOptions.some((o) => o.value === current.field) ? fieldOptions : [...fieldOptions, { value: current.field, label: current.field }];
                      return (
                        <tr key={c.column} data-testid={`mapping-row-${c.letter}`}>
                          <th scope="row" className="col-letter">
                            {c.letter}
                          </th>
                          <td className="col-heading">{c.label}</td>
                          <td className="col-samples muted">{current.field === 'personal' ? w.personalHidden : c.samples.slice(0, 3).join(' · ')}</td>
                          <td className="col-field">
                            <select
                              className="input"
                              aria-label={w.fieldLabel(c.letter)}
                              value={current.field}
                              onChange={(e) => setMapping({ ...mapping, [c.column]: { field: e.target.value, ...(e.target.value === 'custom' ? { label: current.label ?? c.label } : {}) } })}
                              data-testid={`mapping-field-${c.letter}`}
                            >
                              {options.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                            {current.field === 'custom' && (
                              <TextInput
                                id={`mapping-name-${c.letter}`}
                                className="input mapping-name"
                                value={current.label ?? ''}
                                onChange={(v) => setMapping({ ...mapping, [c.column]: { field: 'custom', label: v } })}
                                maxLength={200}
                                placeholder={w.nameLabel(c.letter)}
                              />
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </div>
          )}
          <FormError message={error ? errorText(error) : undefined} testId="import-error" />
          <div className="form-actions form-actions-end">
            <button type="button" className="button" onClick={() => setStep('choose')}>
              {w.back}
            </button>
            <button type="button" className="button button-primary" onClick={() => void check()} disabled={!sheet?.header && !header} data-testid="import-check">
              {w.check}
            </button>
          </div>
        </div>
      )}

      {step === 'check' &&
        (job.running || (!checkResult && !job.finished) ? (
          progressView(w.checking)
        ) : job.finished && job.finished.status !== 'done' ? (
          ended(job.finished.status === 'cancelled' ? 'cancelled' : 'failed')
        ) : checkResult ? (
          <CheckReport
            outcome={checkResult.outcome}
            categoryMap={categoryMap}
            onCategory={(key, value) => setCategoryMap({ ...categoryMap, [key]: value })}
            onRecheck={() => void check()}
            onImport={() => void importValid()}
            onReport={() => void saveReport({ jobId: checkResult.jobId }, checkResult.outcome.file)}
            onEditMapping={() => setStep('map')}
            onClose={props.onClose}
          />
        ) : (
          <FormError message={error ? errorText(error) : undefined} testId="import-error" />
        ))}

      {step === 'import' &&
        (job.running || (!importResult && !job.finished) ? (
          progressView(w.importing)
        ) : job.finished && job.finished.status !== 'done' ? (
          ended(job.finished.status === 'cancelled' ? 'cancelled' : 'failed')
        ) : importResult ? (
          <div className="card" data-testid="import-done">
            {importResult.status === 'imported' ? (
              <p className="job-status job-status-done">{w.done(formatNumber(importResult.rows.imported), importResult.file)}</p>
            ) : importResult.status === 'already-imported' ? (
              <p className="job-status">{w.alreadyDone}</p>
            ) : (
              <p className="job-status job-status-failed" role="alert">
                {w.refused}: {importResult.refusal ? (lang === 'th' ? importResult.refusal.th : importResult.refusal.en) : ''}
              </p>
            )}
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={props.onShowEvidence} data-testid="import-show-evidence">
                {w.showEvidence}
              </button>
              {importResult.importId && importResult.rows.rejected > 0 && (
                <button type="button" className="button" onClick={() => void saveReport({ importId: importResult.importId! }, importResult.file)}>
                  {w.downloadReport}
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => {
                  job.reset();
                  setPath(null);
                  setInspection(null);
                  setStep('choose');
                }}
              >
                {w.another}
              </button>
            </div>
          </div>
        ) : (
          <FormError message={error ? errorText(error) : undefined} testId="import-error" />
        ))}
    </section>
  );
}

/** Where the header is, and a way to choose it by hand from the sheet's first rows. */
function HeaderChooser(props: {
  sheet: InspectResult['sheets'][number] | null;
  header: { firstRow: number; rows: 1 | 2 } | null;
  onApply: (header: { firstRow: number; rows: 1 | 2 }) => void;
}) {
  const { t } = useI18n();
  const w = t.imports.wizard;
  const [row, setRow] = useState(props.header?.firstRow ?? props.sheet?.preview[0]?.number ?? 1);
  const [rows, setRows] = useState<1 | 2>(props.header?.rows ?? 1);
  const [open, setOpen] = useState(props.sheet !== null && props.sheet.header === null);
  if (!props.sheet) return null;
  return (
    <div className="header-chooser">
      <p className="header-found" data-testid="import-header">
        <span className="label">{w.header}: </span>
        {props.sheet.header ? w.headerAt(props.sheet.header.firstRow, props.sheet.header.rows) : <span className="field-error">{w.noHeader}</span>}{' '}
        {!open && (
          <button type="button" className="button button-small button-quiet" onClick={() => setOpen(true)} data-testid="import-header-change">
            {w.headerRow}…
          </button>
        )}
      </p>
      {open && (
        <div className="header-pick">
          <div className="table-wrap preview-wrap">
            <table className="table preview-table" data-testid="import-sheet-preview">
              <caption className="table-caption">{w.preview}</caption>
              <tbody>
                {props.sheet.preview.map((r) => (
                  <tr key={r.number} className={r.number === row || (rows === 2 && r.number === row + 1) ? 'preview-header-row' : undefined}>
                    <th scope="row" className="num">
                      {r.number}
                    </th>
                    {r.cells.slice(0, 8).map((c, i) => (
                      <td key={i} className="preview-cell">
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="map-controls">
            <div className="field">
              <label htmlFor="import-header-row">{w.headerRow}</label>
              <select id="import-header-row" className="input" value={row} onChange={(e) => setRow(Number(e.target.value))} data-testid="import-header-row">
                {props.sheet.preview.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="import-header-rows">{w.headerRows}</label>
              <select id="import-header-rows" className="input" value={rows} onChange={(e) => setRows(e.target.value === '2' ? 2 : 1)}>
                <option value="1">{w.oneRow}</option>
                <option value="2">{w.twoRows}</option>
              </select>
            </div>
            <button type="button" className="button" onClick={() => props.onApply({ firstRow: row, rows })} data-testid="import-header-apply">
              {w.applyHeader}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The dry run's report: counts, values converted, a preview, the problems, categories to place, and the choice. */
function CheckReport(props: {
  outcome: ImportOutcome;
  categoryMap: Record<string, AccountCategory | 'ignore'>;
  onCategory: (key: string, value: AccountCategory | 'ignore') => void;
  onRecheck: () => void;
  onImport: () => void;
  onReport: () => void;
  onEditMapping: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const w = t.imports.wizard;
  const o = props.outcome;
  const s = o.rows.skipped;
  const notes = Object.entries(o.notes).filter(([, n]) => n > 0);
  if (o.status === 'refused' || o.status === 'already-imported') {
    return (
      <div className="card" data-testid="import-refused">
        <h3 className="card-title">{o.status === 'refused' ? w.refused : w.summary}</h3>
        <p className={o.status === 'refused' ? 'form-error' : 'job-status'} role="alert">
          {o.status === 'refused' ? (lang === 'th' ? o.refusal?.th : o.refusal?.en) : w.alreadyDone}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={props.onEditMapping}>
            {w.editMapping}
          </button>
          <button type="button" className="button" onClick={props.onClose}>
            {w.close}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="wizard-body" data-testid="import-report">
      <div className="card">
        <h3 className="card-title">{w.summary}</h3>
        <dl className="stat-row">
          <div className="stat">
            <dt>{w.read}</dt>
            <dd data-testid="import-rows-read">{formatNumber(o.rows.read)}</dd>
          </div>
          <div className="stat stat-good">
            <dt>{w.importable}</dt>
            <dd data-testid="import-rows-ok">{formatNumber(o.rows.imported)}</dd>
          </div>
          <div className={o.rows.rejected > 0 ? 'stat stat-bad' : 'stat'}>
            <dt>{w.rejectedRows}</dt>
            <dd data-testid="import-rows-rejected">{formatNumber(o.rows.rejected)}</dd>
          </div>
        </dl>
        {s.blank + s.totals + s.repeatedHeader + s.otherTambon + s.ignored > 0 && (
          <p className="hint">
            {w.skipped}: {w.skippedDetail(s.blank, s.totals, s.repeatedHeader, s.otherTambon, s.ignored)}
          </p>
        )}
        {notes.length > 0 && (
          <p className="hint" data-testid="import-notes">
            {w.notesTitle}: {notes.map(([k, n]) => `${w.notes[k] ?? k} ${w.noteCount(formatNumber(n))}`).join(' · ')}
          </p>
        )}
      </div>

      <div className="card choice-card-final">
        <h3 className="card-title">{w.choice}</h3>
        <p className="hint">{w.choiceHint}</p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={props.onImport} disabled={o.rows.imported === 0} data-testid="import-accept">
            {w.importValid(formatNumber(o.rows.imported))}
          </button>
          {o.problemsTotal > 0 && (
            <button type="button" className="button" onClick={props.onReport} data-testid="import-report-download">
              {w.downloadReport}
            </button>
          )}
          <button type="button" className="button" onClick={props.onEditMapping}>
            {w.editMapping}
          </button>
          <button type="button" className="button" onClick={props.onClose}>
            {w.fixFile}
          </button>
        </div>
      </div>
      {o.unknownCategories.length > 0 && (
        <div className="card">
          <h3 className="card-title">{w.categoriesTitle}</h3>
          <div className="category-grid">
            {o.unknownCategories.slice(0, 30).map((c) => (
              <div key={c.key} className="field">
                <label htmlFor={`category-${c.key}`}>
                  {c.text} <span className="muted">({formatNumber(c.count)})</span>
                </label>
                <select
                  id={`category-${c.key}`}
                  className="input"
                  aria-label={w.categoryLabel(c.text)}
                  value={props.categoryMap[normalizeCategoryText(c.key)] ?? ''}
                  onChange={(e) => props.onCategory(c.key, e.target.value as AccountCategory | 'ignore')}
                >
                  <option value="" disabled>
                    {w.categoryUnset}
                  </option>
                  {accountCategories.map((cat) => (
                    <option key={cat} value={cat}>
                      {t.imports.categories[cat]}
                    </option>
                  ))}
                  <option value="ignore">{w.categoryIgnore}</option>
                </select>
              </div>
            ))}
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={props.onRecheck}>
              {w.recheck}
            </button>
          </div>
        </div>
      )}

      {o.preview.rows.length > 0 && (
        <div className="card">
          <h3 className="card-title">{w.previewTitle}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="import-preview">
              <thead>
                <tr>
                  {o.preview.columns.map((c) => (
                    <th key={c} scope="col">
                      {w.previewColumns[c] ?? c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {o.preview.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) => (
                      <td key={j} className={j === r.length - 1 && o.kind === 'nrd2c' ? 'figure-text' : undefined}>
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <div className="card">
        <h3 className="card-title">{o.problemsTotal > 0 ? w.problemsTitle(formatNumber(o.problems.length), formatNumber(o.problemsTotal)) : w.noProblems}</h3>
        {o.problems.length > 0 && (
          <div className="table-wrap problems-wrap">
            <table className="table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">{w.problemSheet}</th>
                  <th scope="col" className="num">
                    {w.problemRow}
                  </th>
                  <th scope="col">{w.problemColumn}</th>
                  <th scope="col">{w.problemText}</th>
                </tr>
              </thead>
              <tbody>
                {o.problems.slice(0, 200).map((p, i) => (
                  <tr key={i}>
                    <td>{p.sheet}</td>
                    <td className="num">{p.row}</td>
                    <td>{p.column ?? ''}</td>
                    <td className="figure-text">{lang === 'th' ? p.message : p.messageEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

    </div>
  );
}
