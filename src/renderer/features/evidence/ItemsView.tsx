import type { EvidenceItem } from '../../../shared/ipc/evidence';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** The evidence items pinned so far, for the forum to attach to its problem rows; removing one can be undone. */
export function ItemsView() {
  const { t, date, errorText } = useI18n();
  const e = t.evidence;
  const toast = useToast();
  const query = useCall('evidence.items', {});
  const items = query.data;
  const unpin = async (item: EvidenceItem) => {
    const result = await change('evidence.unpin', { id: item.id });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-evidence' });
    toast({
      message: e.items.unpinned,
      action: { label: e.items.undo, run: () => void change('evidence.restoreItem', { id: item.id }) },
      testId: 'toast-evidence',
    });
  };
  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!items) return <p className="muted">{t.app.loading}</p>;
  if (items.length === 0) return <p className="empty" data-testid="items-empty">{e.items.none}</p>;
  return (
    <div className="table-wrap">
      <table className="table items-table" data-testid="evidence-items">
        <thead>
          <tr>
            <th scope="col">{e.items.title}</th>
            <th scope="col">{e.items.value}</th>
            <th scope="col">{e.items.source}</th>
            <th scope="col" className="actions">
              <span className="visually-hidden">{e.items.unpin}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="evidence-item">
              <td className="figure-text">
                <span className="cell-main">{item.title}</span>
                <span className="cell-sub">
                  {item.moo === null ? e.items.tambon : e.villageShort(item.moo)} · {e.items.date} {/^\d{4}$/.test(item.dataDate) ? e.yearValue(item.dataDate) : date(item.dataDate)}
                </span>
              </td>
              <td className="figure-text">{item.valueText}</td>
              <td className="figure-text">
                <span className="cell-main">{item.sourceLabel}</span>
                <span className="cell-sub">
                  {date(item.pinnedAt)} {item.sourceUndone ? e.items.sourceUndone : ''}
                </span>
              </td>
              <td className="actions">
                <button type="button" className="button button-small button-danger-quiet" onClick={() => void unpin(item)} aria-label={e.items.unpinLabel(item.title)}>
                  {e.items.unpin}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
