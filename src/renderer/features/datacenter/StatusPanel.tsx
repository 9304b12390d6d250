import { useState } from 'react';
import type { View } from '../../../shared/domain/datacenter';
import { change, useCall } from '../../api/queries';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** สถานะรายตำบล: every tambon of the area, what was received, and acceptance (bound to the package's hash). */
export function StatusPanel({ view, readonly }: { view: View; readonly: boolean }) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const status = useCall('datacenter.status', { view });
  const [onlyReceived, setOnlyReceived] = useState(true);
  const [busy, setBusy] = useState(false);
  const tambons = (status.data?.tambons ?? []).filter((x) => !onlyReceived || x.seq !== null || x.enrolled);

  const accept = async (code: string) => {
    setBusy(true);
    const result = await change('datacenter.accept', { tambonCode: code });
    setBusy(false);
    if (!result.ok) toast({ message: errorText(result.error), kind: 'error', testId: 'toast-datacenter' });
  };

  return (
    <section aria-labelledby="dc-status-title" data-testid="datacenter-status">
      <h2 id="dc-status-title" className="panel-title">
        {t.datacenter.tabs.status}
      </h2>
      <label className="choice">
        <input type="checkbox" checked={onlyReceived} onChange={(e) => setOnlyReceived(e.target.checked)} />
        {t.datacenter.filterReceived}
      </label>
      <div className="table-wrap">
        <table className="table" data-testid="status-table">
          <thead>
            <tr>
              <th scope="col">{t.datacenter.code}</th>
              <th scope="col">{t.datacenter.tambon}</th>
              <th scope="col">{t.datacenter.districtCol}</th>
              <th scope="col">{t.datacenter.enrolled}</th>
              <th scope="col" className="num">
                {t.datacenter.seq}
              </th>
              <th scope="col">{t.datacenter.importedAt}</th>
              <th scope="col">{t.datacenter.accepted}</th>
            </tr>
          </thead>
          <tbody>
            {tambons.map((x) => (
              <tr key={x.code} data-testid={`status-${x.code}`}>
                <td className="code">{x.code}</td>
                <td>{x.nameTh}</td>
                <td>{x.districtNameTh}</td>
                <td>{x.enrolled ? '✓' : '—'}</td>
                <td className="num">{x.seq ?? t.datacenter.notReceived}</td>
                <td className="date">{x.importedAt ? date(x.importedAt, true) : ''}</td>
                <td>
                  {x.accepted ? (
                    t.datacenter.acceptedMark
                  ) : x.seq !== null && view === 'latest' && !readonly ? (
                    <button type="button" className="button button-small" disabled={busy} aria-label={t.datacenter.acceptLabel(x.nameTh, x.seq)} onClick={() => void accept(x.code)}>
                      {x.acceptedSeq !== null ? t.datacenter.needsAccept(x.acceptedSeq) : t.datacenter.accept}
                    </button>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
