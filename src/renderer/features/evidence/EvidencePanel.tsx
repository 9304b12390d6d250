import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { AccountsView } from './AccountsView';
import { BmnView } from './BmnView';
import { IncomeView } from './IncomeView';
import { IssuesView } from './IssuesView';
import { ItemsView } from './ItemsView';
import { usePin } from './PinDialog';
import { SetsView } from './SetsView';
import { TablesView } from './TablesView';
import { useExporter } from './useExporter';

const tabs = ['bmn', 'income', 'accounts', 'tables', 'issues', 'items', 'sets'] as const;
type Tab = (typeof tabs)[number];

/**
 * ข้อมูลหลักฐาน — the tambon data page: จปฐ. (heat tables, bar charts per group, one village at a
 * time), income against the threshold, household accounts, village tables and กชช.2ค grades,
 * common issues, the evidence items pinned, and the indicator sets with their targets and
 * thresholds. Every chart has a table view and an Excel export; any figure can be pinned.
 */
export function EvidencePanel({ summary }: SectionProps) {
  const { t } = useI18n();
  const e = t.evidence;
  const [tab, setTab] = useState<Tab>('bmn');
  const { pin, dialog } = usePin();
  const exporter = useExporter();
  const onPin = summary.readonly ? () => undefined : pin;
  return (
    <section aria-labelledby="evidence-title" data-testid="evidence-panel">
      <div className="panel-heading">
        <h2 id="evidence-title" className="panel-title" tabIndex={-1}>
          {e.title}
        </h2>
      </div>
      <p className="lead">{e.intro}</p>
      <div className="tabs" role="tablist" aria-label={e.tabsLabel}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`evidence-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="evidence-tabpanel"
            className="tab"
            onClick={() => setTab(id)}
            data-testid={`evidence-tab-${id}`}
          >
            {e.tabs[id]}
          </button>
        ))}
      </div>
      <div id="evidence-tabpanel" role="tabpanel" aria-labelledby={`evidence-tab-${tab}`} className="tabpanel">
        {tab === 'bmn' && <BmnView onPin={onPin} onExport={exporter} />}
        {tab === 'income' && <IncomeView onPin={onPin} onExport={exporter} />}
        {tab === 'accounts' && <AccountsView onPin={onPin} onExport={exporter} />}
        {tab === 'tables' && <TablesView onPin={onPin} onExport={exporter} />}
        {tab === 'issues' && <IssuesView onPin={onPin} />}
        {tab === 'items' && <ItemsView />}
        {tab === 'sets' && <SetsView />}
      </div>
      {dialog}
    </section>
  );
}
