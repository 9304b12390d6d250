import { useEffect, useState } from 'react';
import type { DatacenterSummary, View } from '../../../shared/domain/datacenter';
import { formatNumber } from '../../../shared/domain/fields';
import { change } from '../../api/queries';
import { useClearToasts, useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useMenuCommand } from '../app/useMenuCommand';
import { DashboardPanel } from './DashboardPanel';
import { ExportsPanel } from './ExportsPanel';
import { ImportPanel } from './ImportPanel';
import { RegistryPanel } from './RegistryPanel';
import { StatusPanel } from './StatusPanel';
import { ClusterPanel } from '../reports/ClusterPanel';

const tabs = ['dashboard', 'import', 'status', 'registry', 'exports', 'progress'] as const;
type Tab = (typeof tabs)[number];

/**
 * An open data center workspace (a province or a district): the overview, importing packages,
 * the status per tambon with acceptance, the key registry and the consolidated exports; a view
 * switch between every tambon's latest package and its last accepted one.
 */
export function DatacenterScreen(props: { summary: DatacenterSummary; onClosed: () => void }) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const clearToasts = useClearToasts();
  useEffect(() => clearToasts, [clearToasts]);
  const [tab, setTab] = useState<Tab>('dashboard');
  const [view, setView] = useState<View>('latest');
  const { summary } = props;

  const close = async () => {
    const result = await change('datacenter.close', {});
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-datacenter' });
    props.onClosed();
  };
  useMenuCommand((command) => {
    if (command === 'workspace.close') void close();
  });

  return (
    <div className="workspace" data-testid="datacenter-screen">
      <div className="workspace-bar">
        <div className="workspace-identity">
          <h1 className="workspace-area" data-testid="datacenter-area">
            {t.datacenter.title(summary.area.kind, summary.area.nameTh)}
          </h1>
          <p className="workspace-office">
            {t.datacenter.counts(formatNumber(summary.counts.reporting), formatNumber(summary.counts.tambonsInArea), formatNumber(summary.counts.enrolled))}
            <span className="workspace-code">{t.datacenter.areaCode(summary.area.code)}</span>
          </p>
        </div>
        <div className="workspace-commands">
          <label className="view-switch">
            <span>{t.datacenter.view}</span>
            <select className="input" value={view} onChange={(e) => setView(e.target.value as View)} data-testid="datacenter-view">
              <option value="latest">{t.datacenter.views.latest}</option>
              <option value="accepted">{t.datacenter.views.accepted}</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => void close()} data-testid="datacenter-close">
            {t.datacenter.close}
          </button>
        </div>
      </div>
      {summary.readonly && (
        <p className="banner banner-warning" role="note">
          {t.workspace.readonly}
        </p>
      )}
      <div className="workspace-body">
        <nav className="side-nav" aria-label={t.datacenter.sections}>
          <ul>
            {tabs.map((id) => (
              <li key={id}>
                <button type="button" className="side-nav-item" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)} data-testid={`dc-nav-${id}`}>
                  {id === 'progress' ? t.reports.clusters : t.datacenter.tabs[id]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="workspace-content">
          {tab === 'dashboard' && <DashboardPanel view={view} />}
          {tab === 'import' && <ImportPanel />}
          {tab === 'status' && <StatusPanel view={view} readonly={summary.readonly} />}
          {tab === 'registry' && <RegistryPanel readonly={summary.readonly} />}
          {tab === 'exports' && <ExportsPanel view={view} summary={summary} />}
          {tab === 'progress' && <ClusterPanel view={view} readonly={summary.readonly} />}
        </div>
      </div>
    </div>
  );
}
