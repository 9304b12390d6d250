import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';

/**
 * The in-page file prompt of the browser harness, which has no native dialog: a file name or
 * path relative to the folder the harness was started on.
 */
export function PathPrompt(props: {
  mode: 'open' | 'save';
  root: string;
  suggestedName: string | undefined;
  onDone: (path: string | null) => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(props.suggestedName ?? '');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const path = value.trim();
    if (!path) return setError(t.files.required);
    props.onDone(path);
  };
  return (
    <Modal title={props.mode === 'open' ? t.files.openTitle : t.files.saveTitle} onClose={() => props.onDone(null)} testId="path-prompt">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="path-prompt-input">{t.files.label}</label>
          <input
            id="path-prompt-input"
            className="input input-wide"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby="path-prompt-hint path-prompt-error"
            spellCheck={false}
            autoComplete="off"
            data-autofocus
          />
          <p id="path-prompt-hint" className="hint">
            {t.files.rootHint(props.root)}
          </p>
          <FieldError id="path-prompt-error" message={error} />
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => props.onDone(null)}>
            {t.common.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="path-prompt-ok">
            {t.common.ok}
          </button>
        </div>
      </form>
    </Modal>
  );
}
