import { useState } from 'react';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import type { AppError } from '../../../shared/domain/result';
import type { SetView } from '../../../shared/ipc/evidence';
import { change, useCall } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldError, FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { dataFiles, useFilePicker } from '../workspace/FilePickerProvider';

/** A number a person types (Thai digits, thousands separators), null when blank, NaN when not a number. */
function typedNumber(text: string): number | null {
  const s = normalizeThaiDigits(text).replace(/[,\s]/g, '');
  if (s === '') return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** One setting typed in place: saved when the person presses Enter or the button; blank removes it. */
function NumberSetting(props: { id: string; label: string; value: number | null; onSave: (value: number | null) => Promise<AppError | null> }) {
  const { t, errorText } = useI18n();
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const dirty = text.trim() !== (props.value === null ? '' : String(props.value));
  const save = async () => {
    const n = typedNumber(text);
    if (Number.isNaN(n)) return setError(t.evidence.sets.notNumber);
    setBusy(true);
    const failure = await props.onSave(n);
    setBusy(false);
    setError(failure ? errorText(failure) : undefined);
  };
  return (
    <form
      className="setting-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty && !busy) void save();
      }}
    >
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <TextInput
        id={props.id}
        className="input input-number setting-input"
        value={text}
        onChange={(v) => {
          setText(v);
          setError(undefined);
        }}
        maxLength={12}
        inputMode="decimal"
        invalid={Boolean(error)}
        describedBy={`${props.id}-error`}
      />
      <button type="submit" className="button button-small" disabled={!dirty || busy} data-testid={`${props.id}-save`}>
        {t.evidence.sets.save}
      </button>
      <FieldError id={`${props.id}-error`} message={error} />
    </form>
  );
}

/**
 * Indicator sets: the shipped one and those a person adds from a file; per set, the income
 * threshold of each survey year and a target per indicator — all typed by a person, none assumed.
 */
export function SetsView() {
  const { t, errorText } = useI18n();
  const e = t.evidence;
  const toast = useToast();
  const pickFile = useFilePicker();
  const query = useCall('evidence.sets', {});
  const sets = query.data;
  const [chosen, setChosen] = useState<string | null>(null);
  const view: SetView | undefined = sets?.find((s) => s.set.id === chosen) ?? sets?.[0];
  const [file, setFile] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [fromYear, setFromYear] = useState('');
  const [toYear, setToYear] = useState('');
  const [incomeNo, setIncomeNo] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState(false);

  const add = async () => {
    if (!file) return;
    setAdding(true);
    setAddError(null);
    const num = (s: string) => {
      const n = typedNumber(s);
      return n === null || Number.isNaN(n) ? null : n;
    };
    const result = await change('evidence.addSet', { path: file, nameTh: name.trim() || null, fromYear: num(fromYear), toYear: num(toYear), incomeIndicatorNo: num(incomeNo) });
    setAdding(false);
    if (!result.ok) return setAddError(result.error);
    toast({ message: e.sets.addedToast(result.value.set.nameTh), testId: 'toast-evidence' });
    setChosen(result.value.set.id);
    setFile(null);
  };

  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!sets || !view) return <p className="muted">{t.app.loading}</p>;
  const set = view.set;
  const years = Array.from({ length: set.toYear - set.fromYear + 1 }, (_, i) => set.fromYear + i);
  const target = (no: number) => view.targets.find((x) => x.no === no)?.target ?? null;
  const threshold = (year: number) => view.thresholds.find((x) => x.year === year)?.amount ?? null;
  const saveTarget = async (no: number, value: number | null) => {
    const result = await change('evidence.setTarget', { setId: set.id, no, target: value });
    if (result.ok) toast({ message: e.sets.saved, testId: 'toast-evidence' });
    return result.ok ? null : result.error;
  };
  const saveThreshold = async (year: number, value: number | null) => {
    const result = await change('evidence.setThreshold', { setId: set.id, year, amount: value });
    if (result.ok) toast({ message: e.sets.saved, testId: 'toast-evidence' });
    return result.ok ? null : result.error;
  };

  return (
    <div className="evidence-view" data-testid="sets-view">
      <p className="lead">{e.sets.intro}</p>
      <div className="evidence-toolbar">
        <div className="field field-inline">
          <label htmlFor="sets-choose">{e.sets.choose}</label>
          <select id="sets-choose" className="input" value={set.id} onChange={(ev) => setChosen(ev.target.value)}>
            {sets.map((s) => (
              <option key={s.set.id} value={s.set.id}>
                {s.set.nameTh} ({s.set.shipped ? e.sets.shipped : e.sets.added})
              </option>
            ))}
          </select>
        </div>
        {!set.shipped && (
          <button type="button" className="button button-danger-quiet" onClick={() => setRemoving(true)}>
            {e.sets.remove}
          </button>
        )}
      </div>

      <section className="card" aria-labelledby="sets-thresholds">
        <h3 id="sets-thresholds" className="card-title">
          {e.sets.thresholds}
        </h3>
        {set.incomeIndicator ? (
          <div className="threshold-grid">
            {years.map((year) => (
              <div key={`${set.id}-${year}`} className="field">
                <span className="label">{e.sets.yearLabel(year)}</span>
                <NumberSetting id={`threshold-${year}`} label={e.sets.thresholdLabel(year)} value={threshold(year)} onSave={(v) => saveThreshold(year, v)} />
              </div>
            ))}
          </div>
        ) : (
          <p className="muted">{e.sets.noIncome}</p>
        )}
        <p className="hint">{e.sets.blankIsNone}</p>
      </section>

      <section className="card" aria-labelledby="sets-targets">
        <h3 id="sets-targets" className="card-title">
          {e.sets.targets}
        </h3>
        <div className="table-wrap">
          <table className="table targets-table" data-testid="targets-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {e.sets.no}
                </th>
                <th scope="col">{e.indicator}</th>
                <th scope="col">{e.target}</th>
              </tr>
            </thead>
            <tbody>
              {set.indicators.map((indicator) => (
                <tr key={`${set.id}-${indicator.no}`}>
                  <td className="num">{indicator.no}</td>
                  <td className="figure-text">{indicator.nameTh}</td>
                  <td className="col-setting">
                    <NumberSetting id={`target-${indicator.no}`} label={e.sets.targetLabel(indicator.no)} value={target(indicator.no)} onSave={(v) => saveTarget(indicator.no, v)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{e.sets.blankIsNone}</p>
      </section>

      <section className="card" aria-labelledby="sets-add">
        <h3 id="sets-add" className="card-title">
          {e.sets.add}
        </h3>
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void add();
          }}
        >
          <div className="file-row">
            <span className="file-path">{file ? file.split(/[\\/]/).pop() : t.imports.wizard.noFile}</span>
            <button
              type="button"
              className="button"
              onClick={() =>
                void pickFile('open', undefined, undefined, dataFiles.indicatorSet).then((picked) => {
                  if (picked) setFile(picked);
                })
              }
            >
              {e.sets.chooseFile}
            </button>
          </div>
          <div className="field-grid field-grid-4">
            <div className="field">
              <label htmlFor="set-name">{e.sets.name}</label>
              <TextInput id="set-name" value={name} onChange={setName} maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="set-from">{e.sets.fromYear}</label>
              <TextInput id="set-from" value={fromYear} onChange={setFromYear} maxLength={4} inputMode="numeric" />
            </div>
            <div className="field">
              <label htmlFor="set-to">{e.sets.toYear}</label>
              <TextInput id="set-to" value={toYear} onChange={setToYear} maxLength={4} inputMode="numeric" />
            </div>
            <div className="field">
              <label htmlFor="set-income">{e.sets.incomeNo}</label>
              <TextInput id="set-income" value={incomeNo} onChange={setIncomeNo} maxLength={3} inputMode="numeric" />
            </div>
          </div>
          <p className="hint">{e.sets.yearsHint}</p>
          <FormError message={addError ? errorText(addError) : undefined} />
          <div className="form-actions form-actions-end">
            <button type="submit" className="button button-primary" disabled={!file || adding}>
              {adding ? e.sets.adding : e.sets.add}
            </button>
          </div>
        </form>
      </section>
      {removing && (
        <ConfirmDialog
          title={e.sets.removeTitle}
          message={e.sets.removeConfirm(set.nameTh)}
          confirmLabel={e.sets.remove}
          danger
          onConfirm={async () => {
            const result = await change('evidence.removeSet', { setId: set.id });
            if (!result.ok) return result.error;
            setRemoving(false);
            setChosen(null);
            toast({ message: e.sets.removed, testId: 'toast-evidence' });
          }}
          onCancel={() => setRemoving(false)}
        />
      )}
    </div>
  );
}
