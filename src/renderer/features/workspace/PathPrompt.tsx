import { useState } from 'react';
import { FieldError, FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { TextInput } from '../../components/TextInput';
import type { PathPurpose } from '../../../shared/ipc/workspace';
import { useI18n } from '../../i18n/I18nProvider';
import type { PathSubmit } from './FilePickerProvider';

/**
 * The in-page file prompt of the browser harness, which has no native dialog: a file name or
 * path relative to the folder the harness was started on. With `submit`, the work is done from
 * here and an error (a name that is taken) is shown beside the name, the prompt staying open.
 */
export function PathPrompt(props: {
  mode: 'open' | 'save';
  /** A data file's purpose (its own title); a workspace file without one. */
  purpose?: PathPurpose | undefined;
  root: string;
  suggestedName: string | undefined;
  submit: PathSubmit | undefined;
  onDone: (path: string | null) => void;
}) {
  const { t, errorText } = useI18n();
  const [value, setValue] = useState(props.suggestedName ?? '');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const path = value.trim();
    if (!path) return setError(t.files.required);
    if (!props.submit) return props.onDone(path);
    setBusy(true);
    const failure = await props.submit(path);
    setBusy(false);
    if (!failure) return props.onDone(path);
    if (failure.field === 'path') setError(errorText(failure));
    else setFormError(errorText(failure));
  };
  return (
    <Modal title={props.purpose ? t.dataFiles[props.purpose] : props.mode === 'open' ? t.files.openTitle : t.files.saveTitle} onClose={() => !busy && props.onDone(null)} testId="path-prompt">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        <div className="field">
          <label htmlFor="path-prompt-input">{t.files.label}</label>
          <TextInput
            id="path-prompt-input"
            className="input input-wide"
            value={value}
            maxLength={1000}
            onChange={(next) => {
              setValue(next);
              setError(undefined);
              setFormError(undefined);
            }}
            invalid={Boolean(error)}
            describedBy="path-prompt-hint path-prompt-error"
            spellCheck={false}
            autoFocus
          />
          <p id="path-prompt-hint" className="hint">
            {t.files.rootHint(props.root)}
          </p>
          <FieldError id="path-prompt-error" message={error} />
        </div>
        <FormError message={formError} testId="path-prompt-form-error" />
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => props.onDone(null)} disabled={busy}>
            {t.common.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="path-prompt-ok">
            {busy ? t.files.working : t.common.ok}
          </button>
        </div>
      </form>
    </Modal>
  );
}
