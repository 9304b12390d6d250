import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import type { Village, VillageInput } from '../../../shared/domain/villages';
import { change, useCall } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/ToastProvider';
import { formatCount } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { VillageForm } from './VillageForm';
import { valuesOf } from './villageForm';

/** Whether a key press belongs to a text field (whose own Ctrl+Z undoes typing). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * หมู่บ้าน: the table, the add form, edit, delete with undo (toast or Ctrl+Z). The list comes from
 * the query cache, so a change made in any window (or by a script's job) shows here too.
 */
export function VillagesPanel({ summary }: SectionProps) {
  const { readonly } = summary;
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const list = useCall('villages.list', {});
  const villages = list.data ?? null;
  const [editing, setEditing] = useState<Village | null>(null);
  const [deleting, setDeleting] = useState<Village | null>(null);
  /** Deleted villages this session, newest last: Ctrl+Z brings back the last one. */
  const undoStack = useRef<Village[]>([]);

  const undo = useCallback(
    async (village: Village) => {
      undoStack.current = undoStack.current.filter((v) => v.id !== village.id);
      const result = await change('villages.restore', { id: village.id });
      if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-village' });
      toast({ message: t.villages.restored(village.moo), testId: 'toast-village' });
    },
    [errorText, t, toast],
  );

  useEffect(() => {
    if (readonly) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const last = undoStack.current.at(-1);
      if (!last) return;
      event.preventDefault();
      void undo(last);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readonly, undo]);

  const add = async (input: VillageInput): Promise<AppError | null> => {
    const result = await change('villages.add', input);
    if (!result.ok) return result.error;
    toast({ message: t.villages.added(result.value.moo), testId: 'toast-village' });
    return null;
  };

  const save = async (village: Village, input: VillageInput): Promise<AppError | null> => {
    const result = await change('villages.update', { ...input, id: village.id });
    if (!result.ok) return result.error;
    setEditing(null);
    toast({ message: t.villages.updated(result.value.moo), testId: 'toast-village' });
    return null;
  };

  const remove = async (village: Village): Promise<AppError | void> => {
    const result = await change('villages.delete', { id: village.id });
    if (!result.ok) return result.error;
    setDeleting(null);
    undoStack.current.push(village);
    toast({
      message: t.villages.deleted(village.moo),
      action: { label: t.villages.undo, run: () => void undo(village) },
      testId: 'toast-village',
    });
    // The row (and the button that had the focus) is gone: keep keyboard users in the panel.
    document.getElementById('villages-title')?.focus();
  };

  return (
    <section aria-labelledby="villages-title" data-testid="villages-panel">
      <div className="panel-heading">
        <h2 id="villages-title" className="panel-title" tabIndex={-1}>
          {t.villages.title}
        </h2>
        {villages && (
          <span className="muted" data-testid="village-count">
            {t.villages.count(villages.length)}
          </span>
        )}
      </div>
      <p className="lead">{t.villages.intro}</p>

      {!readonly && (
        <section className="card add-village" aria-labelledby="add-village-title">
          <h3 id="add-village-title" className="card-title">
            {t.villages.addTitle}
          </h3>
          <VillageForm idPrefix="add-village" layout="row" submitLabel={t.villages.add} onSubmit={add} resetOnSuccess />
        </section>
      )}

      <FormError message={list.error ? errorText(list.error.error) : undefined} />
      {villages &&
        (villages.length === 0 ? (
          <p className="empty" data-testid="villages-empty">
            {t.villages.empty}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="villages-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t.villages.moo}
                  </th>
                  <th scope="col" className="col-name">
                    {t.villages.name}
                  </th>
                  <th scope="col" className="col-code">
                    {t.villages.code}
                  </th>
                  <th scope="col" className="num">
                    {t.villages.households}
                  </th>
                  <th scope="col" className="num">
                    {t.villages.population}
                  </th>
                  <th scope="col" className="col-headman">
                    {t.villages.headman}
                  </th>
                  <th scope="col" className="col-updated">
                    {t.villages.updatedAt}
                  </th>
                  {!readonly && (
                    <th scope="col" className="actions">
                      {t.villages.actions}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {villages.map((v) => (
                  <tr key={v.id} data-testid={`village-row-${v.moo}`}>
                    <td className="num">{v.moo}</td>
                    <td className="col-name">
                      <span data-testid="village-name">{v.name}</span>
                      {/* Where the code column does not fit (a 1024 px projector), the code shows under the name. */}
                      <span className="village-code-line" aria-hidden="true">
                        {v.code ?? t.villages.noCode}
                      </span>
                    </td>
                    <td className={v.code ? 'code col-code' : 'muted col-code'} data-testid="village-code">
                      {v.code ?? t.villages.noCode}
                    </td>
                    <td className="num">{formatCount(v.households)}</td>
                    <td className="num">{formatCount(v.population)}</td>
                    <td className="col-headman">{v.headman ?? ''}</td>
                    <td className="date col-updated">{date(v.updatedAt)}</td>
                    {!readonly && (
                      <td className="actions">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setEditing(v)}
                          aria-label={t.villages.editLabel(v.moo)}
                          data-testid="village-edit"
                        >
                          {t.villages.edit}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          onClick={() => setDeleting(v)}
                          aria-label={t.villages.deleteLabel(v.moo)}
                          data-testid="village-delete"
                        >
                          {t.villages.delete}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}

      {editing && (
        <Modal title={t.villages.editTitle(editing.moo)} onClose={() => setEditing(null)} testId="village-edit-dialog" wide>
          <VillageForm
            idPrefix="edit-village"
            layout="stacked"
            initial={valuesOf(editing)}
            submitLabel={t.common.save}
            onSubmit={(input) => save(editing, input)}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
      {deleting && (
        <ConfirmDialog
          title={t.villages.confirmDeleteTitle}
          message={t.villages.confirmDelete(deleting.moo, deleting.name)}
          confirmLabel={t.villages.confirmDeleteButton}
          danger
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
          testId="village-delete-dialog"
        />
      )}
    </section>
  );
}
