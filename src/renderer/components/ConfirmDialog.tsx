import { useState } from 'react';
import type { AppError } from '../../shared/domain/result';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from './FieldError';
import { Modal } from './Modal';

/**
 * Asks before something that changes data. `onConfirm` answers an error to show, or nothing
 * when done (the parent then closes the dialog).
 */
export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<AppError | void>;
  onCancel: () => void;
  testId?: string;
}) {
  const { t, errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const failure = await props.onConfirm();
    if (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <Modal title={props.title} onClose={() => !busy && props.onCancel()} testId={props.testId}>
      {props.message.split('\n').map((paragraph, i) => (
        <p key={i} className="modal-text">
          {paragraph}
        </p>
      ))}
      <FormError message={error ? errorText(error) : undefined} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onCancel} disabled={busy} data-autofocus>
          {t.common.cancel}
        </button>
        <button
          type="button"
          className={props.danger ? 'button button-danger' : 'button button-primary'}
          onClick={() => void confirm()}
          disabled={busy}
          data-testid="confirm-button"
        >
          {busy ? t.common.working : props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
