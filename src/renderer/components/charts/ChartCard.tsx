import { useState, type ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useI18n } from '../../i18n/I18nProvider';
import { ChartCanvas } from './ChartCanvas';
import { DataTable } from './DataTable';
import type { FigureTable } from './figureTable';

/**
 * A chart with its numbers: a title and a source line, the chart or (one button away) its table,
 * and an Excel export of the table. Reusable by any capability: what exporting and pinning do is
 * the caller's (`onExport`, `rowActions`, `actions`).
 */
export function ChartCard(props: {
  id: string;
  title: string;
  /** The source and the date of the data. */
  subtitle?: string;
  chart: ChartConfiguration<'bar'> | null;
  table: FigureTable;
  height?: number;
  onExport?: (table: FigureTable, title: string, subtitle: string) => Promise<void>;
  rowActions?: (row: number) => ReactNode;
  actionsLabel?: string;
  /** More buttons in the card's header (pin the headline figure…). */
  actions?: ReactNode;
  /** Said instead of the chart when there is nothing to draw. */
  empty?: string;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [exporting, setExporting] = useState(false);
  const showChart = view === 'chart' && props.chart !== null;
  const exportTable = async () => {
    if (!props.onExport) return;
    setExporting(true);
    try {
      await props.onExport(props.table, props.title, props.subtitle ?? '');
    } finally {
      setExporting(false);
    }
  };
  return (
    <section className="card chart-card" aria-labelledby={`${props.id}-title`} data-testid={`chart-${props.id}`}>
      <div className="chart-card-head">
        <div className="chart-card-titles">
          <h3 id={`${props.id}-title`} className="card-title chart-title">
            {props.title}
          </h3>
          {props.subtitle && <p className="chart-subtitle">{props.subtitle}</p>}
        </div>
        <div className="chart-card-tools">
          {props.chart !== null && (
            <div className="segmented" role="group" aria-label={t.charts.viewLabel(props.title)}>
              <button type="button" className="button button-small" aria-pressed={view === 'chart'} onClick={() => setView('chart')} data-testid={`chart-${props.id}-show-chart`}>
                {t.charts.showChart}
              </button>
              <button type="button" className="button button-small" aria-pressed={view === 'table'} onClick={() => setView('table')} data-testid={`chart-${props.id}-show-table`}>
                {t.charts.showTable}
              </button>
            </div>
          )}
          {props.onExport && (
            <button
              type="button"
              className="button button-small"
              onClick={() => void exportTable()}
              disabled={exporting || props.table.rows.length === 0}
              aria-label={t.charts.exportLabel(props.title)}
              data-testid={`chart-${props.id}-export`}
            >
              {exporting ? t.charts.exporting : t.charts.export}
            </button>
          )}
          {props.actions}
        </div>
      </div>
      {props.table.rows.length === 0 ? (
        <p className="empty">{props.empty ?? t.charts.noData}</p>
      ) : showChart ? (
        <ChartCanvas config={props.chart!} label={props.title} height={props.height ?? 280} testId={`chart-${props.id}-canvas`} />
      ) : (
        <DataTable table={props.table} caption={props.title} captionHidden rowActions={props.rowActions} actionsLabel={props.actionsLabel} testId={`chart-${props.id}-table`} />
      )}
    </section>
  );
}
