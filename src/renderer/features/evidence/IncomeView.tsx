import { useMemo, useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import { change, useCall } from '../../api/queries';
import { ChartCard } from '../../components/charts/ChartCard';
import { chartColors } from '../../components/charts/chartSetup';
import { DataTable } from '../../components/charts/DataTable';
import type { FigureTable } from '../../components/charts/figureTable';
import { FieldError, FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { barChart } from '../../components/charts/barChart';
import { PinButton, Stats, Toolbar, YearSelect } from './common';
import type { Figure } from './PinDialog';

/**
 * The income indicator (item 22): per-capita income against the year's threshold. The file's
 * answers stand; the recomputation shows only once a person has entered the threshold, and the
 * households where it disagrees are listed for checking, never corrected.
 */
export function IncomeView(props: { onPin: (figure: Figure) => void; onExport: (table: FigureTable, title: string, subtitle: string) => Promise<void> }) {
  const { t, errorText } = useI18n();
  const e = t.evidence;
  const toast = useToast();
  const [year, setYear] = useState<number | null>(null);
  const query = useCall('evidence.income', year === null ? {} : { year });
  const bmn = useCall('evidence.bmn', year === null ? {} : { year });
  const data = query.data;
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const chart = useMemo(() => {
    if (!data || data.withIncome === 0) return null;
    return barChart({
      labels: data.bins.map((b) => (b.to === null ? `${formatNumber(b.from)}+` : `${formatNumber(b.from)}–${formatNumber(b.to)}`)),
      series: [
        {
          label: e.income.households,
          data: data.bins.map((b) => b.households),
          color: data.bins.map((b) => (data.threshold === null ? chartColors.primary : b.from < data.threshold ? chartColors.bad : chartColors.good)),
        },
      ],
      legend: false,
    });
  }, [data, e.income.households]);

  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!data) return <p className="muted">{t.app.loading}</p>;
  if (data.year === null || data.withIncome + data.withoutIncome === 0) return <p className="empty">{e.income.noData}</p>;
  if (data.indicatorNo === null) return <p className="empty">{e.income.noIndicator}</p>;
  const y = data.year;
  const sources = bmn.data?.sources ?? [];
  const sourceLabel = sources.map((s) => s.fileName).join(', ') || '—';

  const saveThreshold = async (value: number | null) => {
    if (!data.setId) return;
    setSaving(true);
    const result = await change('evidence.setThreshold', { setId: data.setId, year: y, amount: value });
    setSaving(false);
    if (!result.ok) return setAmountError(errorText(result.error));
    setAmount('');
    toast({ message: e.income.saved, testId: 'toast-evidence' });
  };

  const table: FigureTable = {
    columns: [
      { label: e.income.range, type: 'text' },
      { label: e.income.households, type: 'number' },
    ],
    rows: data.bins.map((b) => [b.to === null ? `${formatNumber(b.from)}+` : `${formatNumber(b.from)}–${formatNumber(b.to)}`, b.households]),
  };
  const belowFigure: Figure | null =
    data.belowThreshold === null
      ? null
      : {
          title: e.figures.below(e.wholeTambon, y),
          valueText: e.figures.belowValue(formatNumber(data.belowThreshold), formatNumber(data.withIncome)),
          valueNumber: data.belowThreshold,
          unit: e.unit.households,
          figureKey: `income:${y}:tambon:below`,
          villageId: null,
          sourceImportId: sources.length === 1 ? sources[0]!.importId : null,
          sourceLabel,
          dataDate: String(y),
        };

  return (
    <div className="evidence-view" data-testid="income-view">
      <Toolbar>
        <YearSelect id="income-year" years={bmn.data?.years ?? [y]} value={y} onChange={setYear} />
      </Toolbar>
      <div className="card">
        <h3 className="card-title">{e.income.thresholdTitle(y)}</h3>
        {data.threshold === null ? (
          <p className="banner banner-warning" data-testid="income-no-threshold">
            {e.income.noThreshold(y)}
          </p>
        ) : (
          <p className="job-status" data-testid="income-threshold">
            {e.income.threshold(formatNumber(data.threshold))}
          </p>
        )}
        <form
          className="inline-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            const text = normalizeThaiDigits(amount).replace(/[,\s]/g, '');
            if (!/^\d+$/.test(text)) return setAmountError(e.sets.notNumber);
            void saveThreshold(Number(text));
          }}
        >
          <div className="field">
            <label htmlFor="income-threshold-input">{e.income.amount}</label>
            <TextInput
              id="income-threshold-input"
              value={amount}
              onChange={(v) => {
                setAmount(v);
                setAmountError(undefined);
              }}
              maxLength={12}
              inputMode="numeric"
              invalid={Boolean(amountError)}
              describedBy="income-threshold-error"
            />
            <FieldError id="income-threshold-error" message={amountError} />
          </div>
          <button type="submit" className="button button-primary" disabled={saving || amount.trim() === ''} data-testid="income-threshold-save">
            {e.income.save}
          </button>
          {data.threshold !== null && (
            <button type="button" className="button" onClick={() => void saveThreshold(null)} disabled={saving}>
              {e.income.remove}
            </button>
          )}
        </form>
      </div>
      <Stats
        items={[
          { label: e.income.withIncome, value: formatNumber(data.withIncome) },
          { label: e.income.withoutIncome, value: formatNumber(data.withoutIncome) },
          { label: e.income.median, value: data.median === null ? '—' : formatNumber(data.median) },
          ...(data.belowThreshold === null ? [] : [{ label: e.income.below, value: formatNumber(data.belowThreshold), tone: 'bad' as const, testId: 'income-below' }]),
        ]}
      />
      <ChartCard
        id="income-distribution"
        title={e.income.chart(y)}
        subtitle={data.threshold === null ? sourceLabel : `${e.income.threshold(formatNumber(data.threshold))} · ${sourceLabel}`}
        chart={chart}
        table={table}
        onExport={props.onExport}
        actions={belowFigure ? <PinButton what={belowFigure.title} onPin={() => props.onPin(belowFigure)} /> : undefined}
      />
      {data.threshold !== null && (
        <section className="card" aria-labelledby="income-disagree-title">
          <h3 id="income-disagree-title" className="card-title">
            {data.disagreements.length ? e.income.disagreementsTitle(formatNumber(data.disagreements.length)) : e.income.disagreementsNone}
          </h3>
          {data.disagreements.length > 0 && (
            <>
              <p className="hint">{e.income.disagreementsNote}</p>
              <DataTable
                testId="income-disagreements"
                table={{
                  columns: [
                    { label: e.income.household, type: 'text' },
                    { label: e.income.row, type: 'number' },
                    { label: e.income.perCapita, type: 'number' },
                    { label: e.income.recorded, type: 'text' },
                    { label: e.income.recomputed, type: 'text' },
                  ],
                  rows: data.disagreements.slice(0, 300).map((d) => [
                    `${e.villageShort(d.moo)} ${d.houseCode ?? d.houseNo ?? ''}`,
                    d.sourceRow,
                    d.perCapita,
                    d.recorded === 'pass' ? e.income.pass : e.income.fail,
                    d.recomputed === 'pass' ? e.income.pass : e.income.fail,
                  ]),
                }}
              />
            </>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="income-villages-title">
        <h3 id="income-villages-title" className="card-title">
          {e.income.villagesTitle}
        </h3>
        <DataTable
          table={{
            columns: [
              { label: e.heatRowHeader, type: 'text' },
              { label: e.income.withIncome, type: 'number' },
              { label: e.income.median, type: 'number' },
              { label: e.income.below, type: 'number' },
            ],
            rows: data.villages.map((v) => [e.village(v.village.moo, v.village.name), v.withIncome, v.median, v.belowThreshold]),
          }}
        />
      </section>
    </div>
  );
}
