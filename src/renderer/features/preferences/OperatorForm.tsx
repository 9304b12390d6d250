import { useState } from 'react';
import type { Preferences } from '../../../shared/domain/workspace';
import { change } from '../../api/queries';
import { FieldError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n/I18nProvider';

/** The operator's name (ผู้บันทึกข้อมูล), saved with `prefs.set`. */
export function OperatorForm(props: {
  initial: string;
  submitLabel: string;
  onSaved: (prefs: Preferences) => void;
  onCancel?: () => void;
}) {
  const { t, errorText } = useI18n();
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!name.trim()) return setError(t.operator.nameRequired);
    setBusy(true);
    const result = await change('prefs.set', { operatorName: name.trim() });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    props.onSaved(result.value);
  };

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor="operator-name">{t.operator.label}</label>
        <TextInput
          id="operator-name"
          className="input input-wide"
          value={name}
          maxLength={120}
          placeholder={t.operator.placeholder}
          onChange={(value) => {
            setName(value);
            setError(undefined);
          }}
          invalid={Boolean(error)}
          describedBy="operator-name-error"
          autoComplete="name"
          autoFocus
        />
        <FieldError id="operator-name-error" message={error} />
      </div>
      <div className="form-actions">
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t.common.cancel}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="operator-save">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
