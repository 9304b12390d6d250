import { useMemo, useState } from 'react';
import { accountCategories } from '../../../shared/domain/imports/kinds';
import { formatNumber } from '../../../shared/domain/fields';
import { useCall } from '../../api/queries';
import { ChartCard } from '../../components/charts/ChartCard';
import { chartColors } from '../../components/charts/chartSetup';
import type { FigureTable } from '../../components/charts/figureTable';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { barChart } from '../../components/charts/barChart';
import { PinButton, Stats, Toolbar, useSourceLine, YearSelect } from './common';
import type { Figure } from './PinDialog';

/** Household accounts: each village's income and expense, savings, debt burden, unnecessary spending and months in deficit. */
export function AccountsView(props: { onPin: (figure: Figure) => void; onExport: (table: FigureTable, title: string, subtitle: string) => Promise<void> }) {
  const { t, errorText } = useI18n();
  const e = t.evidence;
  const a = e.accounts;
  const [year, setYear] = useState<number | null>(null);
  const query = useCall('evidence.accounts', year === null ? {} : { year });
  const data = query.data;
  const source = useSourceLine(data?.sources ?? []);

  const charts = useMemo(() => {
    if (!data || data.year === null) return null;
    return {
      villages: barChart({
        labels: data.villages.map((v) => e.villageShort(v.village.moo)),
        series: [
          { label: a.income, data: data.villages.map((v) => v.income), color: chartColors.good },
          { label: a.expense, data: data.villages.map((v) => v.expense), color: chartColors.bad },
          { label: a.savings, data: data.villages.map((v) => v.savings), color: chartColors.primary },
        ],
      }),
      categories: barChart({
        labels: accountCategories.map((c) => t.imports.categories[c] ?? c),
        series: [{ label: a.amount, data: accountCategories.map((c) => data.tambon.byCategory[c]), color: accountCategories.map((c) => (c.startsWith('income') ? chartColors.good : c.startsWith('expense') ? chartColors.bad : chartColors.primary)) }],
        horizontal: true,
        legend: false,
      }),
    };
  }, [data, a, e, t.imports.categories]);

  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!data) return <p className="muted">{t.app.loading}</p>;
  if (data.year === null || !charts) return <p className="empty">{a.noData}</p>;
  const y = data.year;
  const pct = (n: number | null) => n;
  const table: FigureTable = {
    columns: [
      { label: e.heatRowHeader, type: 'text' },
      { label: e.households, type: 'number' },
      { label: a.income, type: 'number' },
      { label: a.expense, type: 'number' },
      { label: a.savings, type: 'number' },
      { label: a.debtBurden, type: 'percent' },
      { label: a.unnecessary, type: 'percent' },
      { label: a.deficitMonths, type: 'number' },
    ],
    rows: data.villages.map((v) => [e.villageShort(v.village.moo), v.households, v.income, v.expense, v.savings, pct(v.debtBurdenPercent), pct(v.unnecessaryPercent), v.householdsWithDeficitMonths]),
  };
  const figureOf = (row: number): Figure => {
    const v = data.villages[row]!;
    return {
      title: e.figures.accounts(v.village.moo, a.deficitMonths),
      valueText: e.figures.belowValue(formatNumber(v.householdsWithDeficitMonths), formatNumber(v.households)),
      valueNumber: v.householdsWithDeficitMonths,
      unit: e.unit.households,
      figureKey: `accounts:${y}:village:${v.village.id}:deficitMonths`,
      villageId: v.village.id,
      sourceImportId: source.importId,
      sourceLabel: source.label,
      dataDate: String(y),
    };
  };
  return (
    <div className="evidence-view" data-testid="accounts-view">
      <Toolbar>
        <YearSelect id="accounts-year" label={e.yearOf} years={data.years} value={y} onChange={setYear} />
      </Toolbar>
      <Stats
        items={[
          { label: e.households, value: formatNumber(data.tambon.households) },
          { label: a.income, value: formatNumber(Math.round(data.tambon.income)), tone: 'good' },
          { label: a.expense, value: formatNumber(Math.round(data.tambon.expense)), tone: 'bad' },
          { label: a.debtBurden, value: data.tambon.debtBurdenPercent === null ? '—' : `${data.tambon.debtBurdenPercent.toFixed(1)}%` },
          { label: a.unnecessary, value: data.tambon.unnecessaryPercent === null ? '—' : `${data.tambon.unnecessaryPercent.toFixed(1)}%` },
        ]}
      />
      <p className="hint">{a.profileNote}</p>
      <ChartCard
        id="accounts-villages"
        title={a.chart(y)}
        subtitle={source.line}
        chart={charts.villages}
        table={table}
        onExport={props.onExport}
        actionsLabel={e.pin}
        rowActions={(row) => {
          const figure = figureOf(row);
          return <PinButton what={figure.title} onPin={() => props.onPin(figure)} />;
        }}
      />
      <ChartCard
        id="accounts-categories"
        title={a.categoryChart(y)}
        subtitle={source.line}
        chart={charts.categories}
        height={360}
        table={{
          columns: [
            { label: a.category, type: 'text' },
            { label: a.amount, type: 'number' },
          ],
          rows: accountCategories.map((c) => [t.imports.categories[c] ?? c, data.tambon.byCategory[c]]),
        }}
        onExport={props.onExport}
      />
    </div>
  );
}
