import { useState, type ReactNode } from 'react';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { change } from '../../api/queries';
import { FieldError, FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** A figure to pin: what `evidence.pin` takes. */
export type Figure = ChannelInput<'evidence.pin'>;

/**
 * Pinning a figure as an evidence item: a dialog shows what will be kept (the value, its source
 * and date) and lets the person word the title; the item then waits for the forum to attach it to
 * a problem row.
 */
export function usePin(): { pin: (figure: Figure) => void; dialog: ReactNode } {
  const [figure, setFigure] = useState<Figure | null>(null);
  return { pin: setFigure, dialog: figure ? <PinDialog key={figure.figureKey} figure={figure} onClose={() => setFigure(null)} /> : null };
}

function PinDialog(props: { figure: Figure; onClose: () => void }) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const [title, setTitle] = useState(props.figure.title);
  const [busy, setBusy] = useState(false);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const save = async () => {
    setBusy(true);
    const result = await change('evidence.pin', { ...props.figure, title });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'title') setTitleError(errorText(result.error));
      else setFormError(errorText(result.error));
      return;
    }
    toast({ message: t.evidence.pinDone, testId: 'toast-evidence' });
    props.onClose();
  };
  const e = t.evidence;
  return (
    <Modal title={e.pinTitle} onClose={() => !busy && props.onClose()} testId="pin-dialog" wide>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void save();
        }}
      >
        <p className="modal-text">{e.pinIntro}</p>
        <div className="field">
          <label htmlFor="pin-title">{e.pinName}</label>
          <TextInput
            id="pin-title"
            value={title}
            onChange={(v) => {
              setTitle(v);
              setTitleError(undefined);
            }}
            maxLength={300}
            invalid={Boolean(titleError)}
            describedBy="pin-title-error"
            autoFocus
          />
          <FieldError id="pin-title-error" message={titleError} />
        </div>
        <dl className="pin-facts">
          <dt>{e.pinValue}</dt>
          <dd data-testid="pin-value">{props.figure.valueText}</dd>
          <dt>{e.pinSource}</dt>
          <dd>{props.figure.sourceLabel}</dd>
          <dt>{e.pinDate}</dt>
          <dd>{/^\d{4}$/.test(props.figure.dataDate) ? e.yearValue(props.figure.dataDate) : date(props.figure.dataDate)}</dd>
        </dl>
        <FormError message={formError} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onClose} disabled={busy}>
            {t.common.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="pin-confirm">
            {busy ? t.common.working : e.pinConfirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
