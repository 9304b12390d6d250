import { useState } from 'react';
import type { Display } from '../../../shared/ipc/app';
import { harnessWindowUrl } from '../../api/client';
import { callValue, CallError } from '../../api/queries';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * จอฉาย: opens the projector window. With more than one display, asks which one (the one
 * connected to the hall's projector); in the browser harness, which has no windows of its own,
 * the page opens a tab with the same token, which receives the same change events.
 */
export function ProjectorButton() {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const [displays, setDisplays] = useState<Display[] | null>(null);

  const open = async (displayId?: number) => {
    setDisplays(null);
    try {
      const answer = await callValue('windows.open', displayId === undefined ? { view: 'projector' } : { view: 'projector', displayId });
      if (answer.kind === 'open-in-page' && !window.open(harnessWindowUrl('projector'), 'tambonplan-projector')) {
        return toast({ message: t.projector.blocked, kind: 'error', testId: 'toast-projector' });
      }
      toast({ message: t.projector.opened, testId: 'toast-projector' });
    } catch (error) {
      if (error instanceof CallError) toast({ message: errorText(error.error), kind: 'error', testId: 'toast-projector' });
      else throw error;
    }
  };

  const choose = async () => {
    const list = await callValue('app.displays', {}).catch(() => []);
    if (list.length > 1) setDisplays(list);
    else await open();
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void choose()} aria-label={t.projector.openLabel} data-testid="projector-open">
        {t.projector.open}
      </button>
      {displays && (
        <Modal title={t.projector.chooseTitle} onClose={() => setDisplays(null)} testId="projector-displays">
          <p className="modal-text">{t.projector.chooseIntro}</p>
          <div className="choice-list">
            {displays.map((d, i) => (
              <button
                key={d.id}
                type="button"
                className="button display-choice"
                onClick={() => void open(d.id)}
                data-autofocus={i === Math.max(0, displays.findIndex((x) => !x.primary)) ? true : undefined}
              >
                {t.projector.display(d.primary ? `${d.label} — ${t.projector.primary}` : d.label, d.bounds.width, d.bounds.height)}
              </button>
            ))}
          </div>
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setDisplays(null)}>
              {t.common.cancel}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
