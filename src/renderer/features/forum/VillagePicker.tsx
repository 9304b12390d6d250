import { useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/I18nProvider';

/** A village as the pickers list it. */
export interface VillageRef {
  id: string;
  moo: number;
  name: string;
}

/** "ม.1, ม.3" for the villages `ids` (those still on the register), by หมู่ที่. */
export function villagesShort(villages: readonly VillageRef[], ids: readonly string[]): string {
  return villages
    .filter((v) => ids.includes(v.id))
    .map((v) => `ม.${v.moo}`)
    .join(', ');
}

/**
 * Which villages a row is about (a problem's source villages, a project's places): the chosen
 * ones on a button, which opens a list of tick boxes; saved when confirmed.
 */
export function VillagePicker(props: {
  villages: readonly VillageRef[];
  value: readonly string[];
  onSave: (ids: string[]) => Promise<AppError | null>;
  label: string;
  readonly?: boolean;
}) {
  const { t, errorText } = useI18n();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const text = villagesShort(props.villages, props.value);
  const save = async () => {
    setBusy(true);
    const failure = await props.onSave(chosen);
    setBusy(false);
    if (failure) setError(failure);
    else setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        className={text ? 'picker-button' : 'picker-button picker-empty'}
        onClick={() => {
          setChosen([...props.value]);
          setError(null);
          setOpen(true);
        }}
        disabled={props.readonly}
        aria-label={`${props.label}: ${text || t.forum.villages.none}`}
        data-testid="village-picker"
      >
        {text || t.forum.villages.choose}
      </button>
      {open && (
        <Modal title={props.label} onClose={() => setOpen(false)} testId="village-picker-dialog">
          <div className="check-list">
            {props.villages.map((v, i) => (
              <label key={v.id} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(v.id)}
                  data-autofocus={i === 0 ? true : undefined}
                  onChange={(e) => setChosen((list) => (e.target.checked ? [...list, v.id] : list.filter((x) => x !== v.id)))}
                />
                <span>{t.forum.villages.village(v.moo, v.name)}</span>
              </label>
            ))}
          </div>
          <FormError message={error ? errorText(error) : undefined} />
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setOpen(false)} disabled={busy}>
              {t.common.cancel}
            </button>
            <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} data-testid="village-picker-save">
              {t.common.save}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
