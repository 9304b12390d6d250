import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../../i18n/I18nProvider';
import { drafts } from '../drafts';
import { PrintDocument, type PrintForm } from './PrintDocument';

/**
 * A print view over the whole window: the A4 document as it will print, with "print / save as PDF"
 * (the browser's or Electron's print dialog) and "close". Everything else of the app is hidden
 * from the printer (see print.css). Esc closes it.
 */
export function PrintPreview({ form, onClose }: { form: PrintForm; onClose: () => void }) {
  const { t } = useI18n();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.documentElement.classList.add('printing');
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove('printing');
      window.removeEventListener('keydown', onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [onClose]);
  return createPortal(
    <div className="print-preview" role="dialog" aria-modal="true" aria-label={t.forum.print.previewTitle(t.forum.print.forms[form])} data-testid="print-preview">
      <div className="print-toolbar">
        <span className="print-toolbar-title">{t.forum.print.forms[form]}</span>
        <span className="muted">{t.forum.print.hint}</span>
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="print-now">
          {t.forum.print.print}
        </button>
        <button type="button" className="button" onClick={onClose} ref={closeButton} data-testid="print-close">
          {t.common.close}
        </button>
      </div>
      <div className="print-sheet">
        <PrintDocument form={form} />
      </div>
    </div>,
    document.body,
  );
}

/** A button that opens the print view of `form` (after saving any cell still being typed). */
export function PrintButton({ form, label }: { form: PrintForm; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          void drafts.flushAll().then(() => setOpen(true));
        }}
        data-testid={`print-${form}`}
      >
        {label}
      </button>
      {open && <PrintPreview form={form} onClose={() => setOpen(false)} />}
    </>
  );
}
