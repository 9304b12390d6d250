import { Fragment, useState } from 'react';
import type { View } from '../../../shared/domain/datacenter';
import { invoke } from '../../api/client';
import { change, useCall } from '../../api/queries';
import { FieldError, FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { SaveButton } from './SaveButton';
import { TotalsCells, TotalsTable } from './TotalsTable';
import './reports.css';

const scopes = ['all', 'district', 'custom'] as const;

/**
 * ความก้าวหน้ารายกลุ่มตำบล (the data center) — per cluster (each district, and the groups of
 * tambons a person makes here) the projects by status, the budget planned and funded from the
 * merged packages of the view chosen above; a cluster opens to its tambons; export Excel or PDF.
 */
export function ClusterPanel({ view, readonly }: { view: View; readonly: boolean }) {
  const { t, date, errorText } = useI18n();
  const r = t.reports;
  const toast = useToast();
  const [scope, setScope] = useState<(typeof scopes)[number]>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<{ field: 'nameTh' | 'tambonCodes' | 'form'; message: string } | null>(null);
  const query = useCall('reports.clusters', { view, scope });
  const report = query.data;

  const save = (channel: 'reports.clusters.exportXlsx' | 'reports.clusters.exportPdf') => async (path: string) => {
    const result = await invoke(channel, { path, view, scope });
    return result.ok ? { ok: true as const, path: result.value.path } : result;
  };
  const addCluster = async () => {
    const result = await change('reports.clusters.save', { nameTh: name, tambonCodes: [...chosen] });
    if (!result.ok) {
      const field = result.error.field?.split('.')[0];
      return setError({ field: field === 'nameTh' || field === 'tambonCodes' ? field : 'form', message: errorText(result.error) });
    }
    setError(null);
    setName('');
    setChosen(new Set());
  };
  const removeCluster = async (id: string) => {
    const result = await change('reports.clusters.remove', { id });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-cluster' });
    toast({ message: r.clusterRemoved, action: { label: r.undo, run: () => void change('reports.clusters.restore', { id }) }, testId: 'toast-cluster' });
  };

  return (
    <section aria-labelledby="clusters-title" data-testid="cluster-panel">
      <div className="panel-heading">
        <h2 id="clusters-title" className="panel-title" tabIndex={-1}>
          {r.clusters}
        </h2>
        <div className="button-row">
          <SaveButton label={r.exportXlsx} format="xlsx" fileName={r.clusterFileName} save={save('reports.clusters.exportXlsx')} testId="clusters-xlsx" primary />
          <SaveButton label={r.exportPdf} format="pdf" fileName={r.clusterFileName} save={save('reports.clusters.exportPdf')} testId="clusters-pdf" />
        </div>
      </div>
      <p className="lead">{r.clustersIntro}</p>
      <div className="cluster-toolbar">
        <div className="segmented" role="group" aria-label={r.scopeLabel}>
          {scopes.map((s) => (
            <button key={s} type="button" className="button button-small" aria-pressed={scope === s} onClick={() => setScope(s)} data-testid={`clusters-scope-${s}`}>
              {r.scope[s]}
            </button>
          ))}
        </div>
        {report && <p className="muted">{r.asOf(date(report.asOf))}</p>}
      </div>
      {query.error && <FormError message={errorText(query.error.error)} />}
      {report && (
        <TotalsTable nameHeading={r.cluster} testId="clusters-table">
          {report.clusters.map((c) => (
            <Fragment key={c.cluster.id}>
              <tr className="total-row">
                <th scope="row" className="wrap-cell">
                  <button type="button" className="button button-quiet button-small" aria-expanded={open === c.cluster.id} onClick={() => setOpen(open === c.cluster.id ? null : c.cluster.id)}>
                    {open === c.cluster.id ? '▾' : '▸'} {c.cluster.nameTh}
                  </button>
                  <span className="cell-sub">
                    {c.tambons.length} {r.tambons}
                    {c.notReporting > 0 ? ` · ${r.notReporting(c.notReporting)}` : ''}
                  </span>
                  {c.cluster.kind === 'custom' && !readonly && (
                    <button type="button" className="button button-small button-danger-quiet" onClick={() => void removeCluster(c.cluster.id)}>
                      {r.removeCluster}
                    </button>
                  )}
                </th>
                <TotalsCells totals={c.total} />
              </tr>
              {open === c.cluster.id &&
                c.tambons.map((tb) => (
                  <tr key={`${c.cluster.id}:${tb.code}`} className="cluster-tambons">
                    <td className="wrap-cell">
                      ต.{tb.nameTh} <span className="muted">{tb.seq === null ? r.notReceived : ''}</span>
                    </td>
                    <TotalsCells totals={tb} />
                  </tr>
                ))}
            </Fragment>
          ))}
        </TotalsTable>
      )}
      {!readonly && (
        <form
          className="card cluster-card"
          onSubmit={(event) => {
            event.preventDefault();
            void addCluster();
          }}
        >
          <h3 className="card-title">{r.newCluster}</h3>
          <div className="cluster-form">
            <div className="field">
              <label htmlFor="cluster-name">{r.clusterName}</label>
              <input id="cluster-name" className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} aria-describedby="cluster-name-error" data-testid="cluster-name" />
              <FieldError id="cluster-name-error" message={error?.field === 'nameTh' ? error.message : undefined} />
            </div>
          </div>
          <TambonPicker
            view={view}
            chosen={chosen}
            onChange={(next) => {
              setChosen(next);
              if (error?.field === 'tambonCodes') setError(null);
            }}
            error={error?.field === 'tambonCodes' ? error.message : undefined}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="cluster-save">
              {r.saveCluster}
            </button>
          </div>
          <FormError message={error?.field === 'form' ? error.message : undefined} />
        </form>
      )}
    </section>
  );
}

/**
 * Choosing a cluster's tambons: the area's tambons by district, each a checkbox named ต.ชื่อ with
 * its code; the filter matches a tambon's or district's name or the code (Thai digits too).
 */
function TambonPicker({ view, chosen, onChange, error }: { view: View; chosen: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void; error?: string }) {
  const { t } = useI18n();
  const r = t.reports;
  const [filter, setFilter] = useState('');
  const status = useCall('datacenter.status', { view });
  const tambons = status.data?.tambons ?? [];
  const needle = filter.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const shown = tambons.filter((tb) => needle === '' || tb.code.includes(needle) || tb.nameTh.includes(needle) || tb.districtNameTh.includes(needle));
  const districts = [...new Set(shown.map((tb) => tb.districtCode))];
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onChange(next);
  };
  const names = tambons.filter((tb) => chosen.has(tb.code)).map((tb) => `ต.${tb.nameTh}`);
  return (
    <fieldset className="tambon-picker" aria-describedby="cluster-codes-error">
      <legend className="label">
        {r.clusterTambons} <span className="muted">({r.chosenCount(chosen.size)})</span>
      </legend>
      <input className="input" type="search" value={filter} placeholder={r.clusterFilterHint} aria-label={r.clusterFilterHint} onChange={(e) => setFilter(e.target.value)} data-testid="cluster-filter" />
      <div className="tambon-picker-list" data-testid="cluster-tambons">
        {districts.length === 0 && <p className="empty">{r.noTambonMatches}</p>}
        {districts.map((d) => {
          const inDistrict = shown.filter((tb) => tb.districtCode === d);
          return (
            <div key={d} role="group" aria-label={`อ.${inDistrict[0]!.districtNameTh}`} className="tambon-picker-group">
              <p className="tambon-picker-district">อ.{inDistrict[0]!.districtNameTh}</p>
              {inDistrict.map((tb) => (
                <label key={tb.code} className="choice">
                  <input type="checkbox" checked={chosen.has(tb.code)} onChange={() => toggle(tb.code)} data-testid={`cluster-tambon-${tb.code}`} />
                  <span>
                    ต.{tb.nameTh} <span className="muted">{tb.code}</span>
                  </span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
      {names.length > 0 && (
        <p className="muted" data-testid="cluster-chosen">
          {names.join(', ')}
        </p>
      )}
      <FieldError id="cluster-codes-error" message={error} />
    </fieldset>
  );
}
