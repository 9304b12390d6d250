import { useCallback, useState, type ReactNode } from 'react';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import type { AppError } from '../../../shared/domain/result';
import type { RegisterKind } from '../../../shared/ipc/registers';
import { change } from '../../api/queries';
import { FieldError, FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** A field of a register's form: text, a number, or a choice. */
export interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'number' | 'select';
  /** The choices of a select (value → label); an empty value means none. */
  options?: readonly { value: string; label: string }[];
  maxLength?: number;
  required?: boolean;
}

/** The texts of a form, field key → what is typed. */
export type FormValues = Record<string, string>;

/**
 * What was typed, as the contract takes it: blank is null, numbers read with Thai digits and
 * thousands separators; a number that is not one is sent as typed, so main refuses it naming the
 * field by its label.
 */
export function typedValues(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const text = (values[f.key] ?? '').trim();
    if (f.type === 'number') {
      const clean = normalizeThaiDigits(text).replace(/,/g, '');
      out[f.key] = clean === '' ? null : Number.isNaN(Number(clean)) ? text : Number(clean);
    } else out[f.key] = text === '' ? (f.type === 'select' ? null : f.required ? '' : null) : text;
  }
  return out;
}

/** A row deleted this session, which undo brings back. */
export interface DeletedRow {
  register: RegisterKind;
  id: string;
  label: string;
}

/** Brings a deleted row back and says so (or why not: a village that has its eight leaders again). */
export function useUndoDelete(): (deleted: DeletedRow) => Promise<void> {
  const { t, errorText } = useI18n();
  const toast = useToast();
  return useCallback(
    async (deleted: DeletedRow) => {
      const back = await change('registers.restore', { register: deleted.register, id: deleted.id });
      toast(back.ok ? { message: t.registers.restored(deleted.label), testId: 'toast-register' } : { message: errorText(back.error), kind: 'error', testId: 'toast-register' });
    },
    [t, errorText, toast],
  );
}

/** A register's row as the table shows it. */
export interface RowView {
  id: string;
  /** What the row is called in messages and buttons' names. */
  label: string;
  cells: ReactNode[];
  values: FormValues;
}

/**
 * One register: the add form (a row of fields; Enter adds), the table, edit in the same form,
 * delete with undo (the toast's เลิกทำ). `save` answers the error main gave, if any.
 */
export function RegisterTable(props: {
  id: string;
  title: string;
  hint?: string;
  register: RegisterKind;
  fields: readonly FieldSpec[];
  columns: readonly string[];
  rows: readonly RowView[];
  readonly: boolean;
  save: (id: string | undefined, values: Record<string, unknown>) => Promise<AppError | null>;
  extra?: (row: RowView) => ReactNode;
  /** Shown under the title (counts, limits). */
  aside?: ReactNode;
  /** Told of every delete, so the panel's Ctrl+Z can bring the last one back. */
  onDeleted?: (deleted: DeletedRow) => void;
  /** Brings a deleted row back (the panel's, which also forgets it for Ctrl+Z); by default, only restores it. */
  undo?: (deleted: DeletedRow) => Promise<void>;
}) {
  const { t, errorText } = useI18n();
  const r = t.registers;
  const toast = useToast();
  const empty: FormValues = Object.fromEntries(props.fields.map((f) => [f.key, '']));
  const [values, setValues] = useState<FormValues>(empty);
  const [editing, setEditing] = useState<RowView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const failure = await props.save(editing?.id, typedValues(props.fields, values));
    setBusy(false);
    setError(failure);
    if (failure) {
      const field = failure.field?.split('.').at(-1);
      if (field) document.getElementById(`${props.id}-${field}`)?.focus();
      return;
    }
    toast({ message: editing ? r.saved : r.added, testId: 'toast-register' });
    setEditing(null);
    setValues(empty);
    document.getElementById(`${props.id}-${props.fields[0]!.key}`)?.focus();
  };

  const remove = async (row: RowView) => {
    const result = await change('registers.delete', { register: props.register, id: row.id });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-register' });
    const deleted = { register: props.register, id: row.id, label: row.label };
    props.onDeleted?.(deleted);
    toast({ message: r.deleted(row.label), testId: 'toast-register', action: { label: r.undo, run: () => void undoDelete(deleted) } });
    document.getElementById(`${props.id}-title`)?.focus();
  };
  const restore = useUndoDelete();
  const undoDelete = props.undo ?? restore;

  const fieldError = (key: string) => (error && error.field?.split('.').at(-1) === key ? errorText(error) : undefined);
  const formError = error && !props.fields.some((f) => error.field?.split('.').at(-1) === f.key) ? errorText(error) : undefined;

  return (
    <section className="register" aria-labelledby={`${props.id}-title`} data-testid={`register-${props.id}`}>
      <h3 id={`${props.id}-title`} className="register-title" tabIndex={-1}>
        {props.title}
      </h3>
      {props.hint && <p className="hint">{props.hint}</p>}
      {props.aside}
      {!props.readonly && (
        <form
          className="register-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          aria-label={editing ? r.editing(editing.label) : `${r.add} ${props.title}`}
        >
          {editing && <p className="register-editing">{r.editing(editing.label)}</p>}
          <div className="register-fields">
            {props.fields.map((f) => {
              const id = `${props.id}-${f.key}`;
              const message = fieldError(f.key);
              return (
                <div className="field" key={f.key}>
                  <label htmlFor={id}>{f.label}</label>
                  {f.type === 'select' ? (
                    <select id={id} className="input" value={values[f.key] ?? ''} aria-invalid={message ? true : undefined} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}>
                      {!f.required && <option value="">{f.options?.find((o) => o.value === '')?.label ?? r.choose}</option>}
                      {f.required && (values[f.key] ?? '') === '' && <option value="">{r.choose}</option>}
                      {f.options
                        ?.filter((o) => o.value !== '')
                        .map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                    </select>
                  ) : (
                    <TextInput
                      id={id}
                      value={values[f.key] ?? ''}
                      onChange={(v) => setValues({ ...values, [f.key]: v })}
                      maxLength={f.maxLength ?? (f.type === 'number' ? 20 : 200)}
                      inputMode={f.type === 'number' ? 'decimal' : undefined}
                      invalid={Boolean(message)}
                      describedBy={`${id}-error`}
                    />
                  )}
                  <FieldError id={`${id}-error`} message={message} />
                </div>
              );
            })}
            <div className="register-buttons">
              <button type="submit" className="button button-primary" disabled={busy} data-testid={`${props.id}-submit`}>
                {editing ? r.save : r.add}
              </button>
              {editing && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setEditing(null);
                    setValues(empty);
                    setError(null);
                  }}
                >
                  {r.cancel}
                </button>
              )}
            </div>
          </div>
          <FormError message={formError} testId={`${props.id}-error`} />
        </form>
      )}
      {props.rows.length === 0 ? (
        <p className="empty">{r.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table register-table" data-testid={`${props.id}-table`}>
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
                {!props.readonly && (
                  <th scope="col" className="actions">
                    {r.actions}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.id}>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                  {!props.readonly && (
                    <td className="actions">
                      <div className="register-row-actions">
                        {props.extra?.(row)}
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={r.editLabel(row.label)}
                          onClick={() => {
                            setEditing(row);
                            setValues({ ...empty, ...row.values });
                            setError(null);
                            document.getElementById(`${props.id}-${props.fields[0]!.key}`)?.focus();
                          }}
                        >
                          {r.edit}
                        </button>
                        <button type="button" className="button button-small button-danger" aria-label={r.deleteLabel(row.label)} onClick={() => void remove(row)}>
                          {r.delete}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
