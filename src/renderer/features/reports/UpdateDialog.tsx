import { useState } from 'react';
import { parseDateBE } from '../../../shared/domain/forum';
import { progressStatuses, type ProgressStatus } from '../../../shared/domain/progress';
import type { AppError } from '../../../shared/domain/result';
import { change, useCall } from '../../api/queries';
import { FieldError, FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

type Field = 'reportedOn' | 'percent' | 'status' | 'fundedAmount' | 'note' | 'form';

/** Today as a person types it in พ.ศ. (d/m/yyyy). */
function todayBE(): string {
  const d = new Date();
  return `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear() + 543}`;
}

/**
 * A project's progress update (a dialog): the date in พ.ศ. (today to start with), percent done,
 * the status it has reached, the money received and a note; the earlier reports below, each
 * deletable with undo. Enter in a one-line field saves; Esc closes.
 */
export function UpdateDialog(props: { project: { id: string; name: string; status: ProgressStatus; percent: number | null }; readonly: boolean; onClose: () => void }) {
  const { t, date, errorText } = useI18n();
  const r = t.reports;
  const toast = useToast();
  const history = useCall('reports.updates.list', { projectId: props.project.id }).data ?? [];
  const [reportedOn, setReportedOn] = useState(todayBE);
  const [percent, setPercent] = useState(props.project.percent === null ? '' : String(props.project.percent));
  const [status, setStatus] = useState<ProgressStatus>(props.project.status);
  const [funded, setFunded] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const fail = (field: Field, message: string) => {
    setErrors({ [field]: message });
    requestAnimationFrame(() => document.getElementById(`update-${field}`)?.focus());
  };
  const number = (text: string) => Number(text.replace(/[,\s]/g, '').replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));

  const save = async () => {
    const iso = parseDateBE(reportedOn);
    if (!iso) return fail('reportedOn', r.dateInvalid);
    if (percent.trim() === '' || Number.isNaN(number(percent))) return fail('percent', r.numberInvalid(r.fields.percent));
    if (funded.trim() !== '' && Number.isNaN(number(funded))) return fail('fundedAmount', r.numberInvalid(r.fields.fundedAmount));
    setBusy(true);
    const result = await change('reports.updates.add', {
      projectId: props.project.id,
      values: { reportedOn: iso, percent: number(percent), status, fundedAmount: funded.trim() === '' ? null : number(funded), note },
    });
    setBusy(false);
    if (!result.ok) return fail(fieldOf(result.error), errorText(result.error));
    props.onClose();
  };

  const remove = async (id: string) => {
    const result = await change('reports.updates.remove', { id });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-update' });
    toast({ message: r.updateRemoved, action: { label: r.undo, run: () => void change('reports.updates.restore', { id }) }, testId: 'toast-update' });
  };

  return (
    <Modal title={r.addUpdateFor(props.project.name || r.unnamed)} onClose={props.onClose} testId="update-dialog" wide>
      {!props.readonly && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="field-grid update-grid">
            <div className="field">
              <label htmlFor="update-reportedOn">{r.fields.reportedOn}</label>
              <input
                id="update-reportedOn"
                className="input"
                value={reportedOn}
                placeholder={r.datePlaceholder}
                onChange={(e) => setReportedOn(e.target.value)}
                aria-invalid={errors.reportedOn ? true : undefined}
                aria-describedby="update-reportedOn-error"
                data-autofocus
              />
              <FieldError id="update-reportedOn-error" message={errors.reportedOn} />
            </div>
            <div className="field">
              <label htmlFor="update-percent">{r.fields.percent}</label>
              <input
                id="update-percent"
                className="input input-number"
                inputMode="numeric"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
                aria-invalid={errors.percent ? true : undefined}
                aria-describedby="update-percent-error"
                data-testid="update-percent"
              />
              <FieldError id="update-percent-error" message={errors.percent} />
            </div>
            <div className="field">
              <label htmlFor="update-status">{r.fields.status}</label>
              <select id="update-status" className="input" value={status} onChange={(e) => setStatus(e.target.value as ProgressStatus)} data-testid="update-status">
                {progressStatuses.map((s) => (
                  <option key={s} value={s}>
                    {r.statuses[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="update-fundedAmount">{r.fields.fundedAmount}</label>
              <input
                id="update-fundedAmount"
                className="input input-number"
                inputMode="numeric"
                value={funded}
                onChange={(e) => setFunded(e.target.value)}
                aria-invalid={errors.fundedAmount ? true : undefined}
                aria-describedby="update-fundedAmount-error"
              />
              <FieldError id="update-fundedAmount-error" message={errors.fundedAmount} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="update-note">{r.fields.note}</label>
            <TextInput id="update-note" value={note} onChange={setNote} maxLength={2000} rows={3} invalid={Boolean(errors.note)} describedBy="update-note-error" />
            <FieldError id="update-note-error" message={errors.note} />
          </div>
          <FormError message={errors.form} />
          <div className="modal-actions">
            <button type="button" className="button" onClick={props.onClose}>
              {r.close}
            </button>
            <button type="submit" className="button button-primary" disabled={busy} data-testid="update-save">
              {busy ? t.common.working : r.save}
            </button>
          </div>
        </form>
      )}
      <h3 className="card-title">{r.history}</h3>
      {history.length === 0 ? (
        <p className="muted">{r.noHistory}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-dense" data-testid="update-history">
            <thead>
              <tr>
                <th scope="col">{r.reportedOn}</th>
                <th scope="col">{r.percent}</th>
                <th scope="col">{r.status}</th>
                <th scope="col">{r.note}</th>
                {!props.readonly && (
                  <th scope="col">
                    <span className="visually-hidden">{r.removeUpdate}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {history.map((u) => (
                <tr key={u.id}>
                  <td>{date(`${u.reportedOn}T12:00:00`)}</td>
                  <td className="num">{u.percent}</td>
                  <td>{r.statuses[u.status]}</td>
                  <td className="wrap-cell">{u.note}</td>
                  {!props.readonly && (
                    <td>
                      <button type="button" className="button button-small button-danger-quiet" onClick={() => void remove(u.id)}>
                        {r.removeUpdate}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}

function fieldOf(error: AppError): Field {
  const name = (error.field ?? '').replace(/^values\./, '');
  return (['reportedOn', 'percent', 'status', 'fundedAmount', 'note'] as const).find((f) => f === name) ?? 'form';
}
