import { useMemo, useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import type { BmnEvidenceView } from '../../../shared/ipc/evidence';
import { useCall } from '../../api/queries';
import { ChartCard } from '../../components/charts/ChartCard';
import type { FigureTable } from '../../components/charts/figureTable';
import { HeatTable } from '../../components/charts/HeatTable';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { barChart, shortLabel } from '../../components/charts/barChart';
import { passColor } from './charts';
import { PinButton, shareFigure, Stats, Toolbar, useSourceLine, YearSelect } from './common';
import type { Figure } from './PinDialog';

type Stat = BmnEvidenceView['tambon']['indicators'][number];

/**
 * จปฐ.: for the tambon, a heat table of the share failing per village and indicator (one per
 * group) and a bar chart of the share passing per group; for one village, its indicators. Pass
 * rates are judged against targets only where a person set one.
 */
export function BmnView(props: { onPin: (figure: Figure) => void; onExport: (table: FigureTable, title: string, subtitle: string) => Promise<void> }) {
  const { t, errorText } = useI18n();
  const e = t.evidence;
  const [year, setYear] = useState<number | null>(null);
  const [scope, setScope] = useState<string>('tambon');
  const query = useCall('evidence.bmn', year === null ? {} : { year });
  const data = query.data;
  const source = useSourceLine(data?.sources ?? []);
  const set = data?.set ?? null;
  const name = (no: number) => set?.indicators.find((i) => i.no === no)?.nameTh ?? '';
  const withData = (data?.villages ?? []).filter((v) => v.source !== null);
  const village = data?.villages.find((v) => v.village.id === scope) ?? null;

  const indicatorTable = (stats: readonly Stat[], withWorst: boolean): FigureTable => ({
    columns: [
      { label: e.indicator, type: 'text' },
      { label: e.inScope, type: 'number' },
      { label: e.failing, type: 'number' },
      { label: e.passPercent, type: 'percent' },
      { label: e.target, type: 'text' },
      ...(withWorst ? [{ label: e.worst, type: 'text' as const }] : []),
    ],
    rows: stats.map((s) => [
      `${s.no} ${name(s.no)}`,
      s.inScope,
      s.failing,
      s.passPercent,
      s.target === null ? e.noTarget : `${s.target} (${s.meetsTarget === null ? '—' : s.meetsTarget ? e.meets : e.misses})`,
      ...(withWorst
        ? [
            data!.worst
              .find((w) => w.no === s.no)!
              .villages.map((v) => `${e.villageShort(v.moo)} ${v.failingPercent.toFixed(1)}%`)
              .join(', '),
          ]
        : []),
    ]),
  });

  const passFigure = (scopeName: string, s: Stat, villageId: string | null): Figure | null =>
    s.passPercent === null || data?.year === null || !data
      ? null
      : shareFigure(
          {
            title: e.figures.pass(scopeName, s.no),
            figureKey: `bmn:${data.year}:indicator:${s.no}:${villageId ? `village:${villageId}` : 'tambon'}:pass`,
            villageId,
            sourceImportId: source.importId,
            sourceLabel: source.label,
            dataDate: String(data.year),
          },
          s.passPercent,
          s.inScope - s.failing,
          s.inScope,
          e.figures.passValue,
        );

  const groupCharts = useMemo(() => {
    if (!data || !set) return [];
    return data.groups.map((g) => {
      const stats = data.tambon.indicators.filter((s) => g.indicators.includes(s.no));
      return {
        group: g,
        stats,
        chart: barChart({
          labels: stats.map((s) => shortLabel(`${s.no} ${set.indicators.find((i) => i.no === s.no)?.nameTh ?? ''}`)),
          series: [{ label: e.passLegend, data: stats.map((s) => s.passPercent), color: stats.map((s) => passColor(s.meetsTarget)) }],
          horizontal: true,
          percent: true,
          legend: false,
        }),
      };
    });
  }, [data, set, e.passLegend]);

  const villageChart = useMemo(() => {
    if (!village || !set) return null;
    return barChart({
      labels: village.indicators.map((s) => shortLabel(`${s.no} ${set.indicators.find((i) => i.no === s.no)?.nameTh ?? ''}`, 28)),
      series: [{ label: e.passLegend, data: village.indicators.map((s) => s.passPercent), color: village.indicators.map((s) => passColor(s.meetsTarget)) }],
      horizontal: true,
      percent: true,
      legend: false,
    });
  }, [village, set, e.passLegend]);

  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!data) return <p className="muted">{t.app.loading}</p>;
  if (data.year === null || !set) return <p className="empty" data-testid="bmn-empty">{data.year === null ? e.noBmn : e.noSet}</p>;

  return (
    <div className="evidence-view" data-testid="bmn-view">
      <Toolbar>
        <YearSelect id="bmn-year" years={data.years} value={data.year} onChange={setYear} />
        <div className="field field-inline">
          <label htmlFor="bmn-scope">{e.scope}</label>
          <select id="bmn-scope" className="input" value={scope} onChange={(ev) => setScope(ev.target.value)} data-testid="bmn-scope">
            <option value="tambon">{e.wholeTambon}</option>
            {withData.map((v) => (
              <option key={v.village.id} value={v.village.id}>
                {e.village(v.village.moo, v.village.name)}
              </option>
            ))}
          </select>
        </div>
      </Toolbar>
      <Stats
        items={[
          { label: e.households, value: formatNumber(village ? village.households : data.tambon.households), testId: 'bmn-households' },
          { label: e.set, value: set.nameTh },
          ...(village ? [] : [{ label: e.villagesWithData, value: e.nOf(withData.length, data.villages.length) }]),
        ]}
      />
      <p className="hint">{source.line}</p>
      <p className="hint">{e.targetNote}</p>

      {village ? (
        <ChartCard
          id="bmn-village"
          title={e.villageChart(village.village.moo, village.village.name)}
          subtitle={source.line}
          chart={villageChart}
          table={indicatorTable(village.indicators, false)}
          height={Math.max(320, village.indicators.length * 26)}
          onExport={props.onExport}
          actionsLabel={e.pin}
          rowActions={(row) => {
            const figure = passFigure(e.villageShort(village.village.moo), village.indicators[row]!, village.village.id);
            return figure ? <PinButton what={figure.title} onPin={() => props.onPin(figure)} /> : null;
          }}
        />
      ) : (
        groupCharts.map(({ group, stats, chart }) => (
          <div key={group.no} className="group-block">
            {withData.length > 0 && (
              <HeatTable
                testId={`heat-${group.no}`}
                caption={e.heatCaption(group.no, group.nameTh)}
                rowHeader={e.heatCorner}
                rows={withData.map((v) => ({ key: v.village.id, label: e.villageShort(v.village.moo) }))}
                columns={group.indicators.map((no) => ({ key: String(no), label: String(no), title: `${e.indicatorNo(no)} ${name(no)}` }))}
                cell={(r, c) => {
                  const s = withData[r]!.indicators.find((i) => i.no === group.indicators[c])!;
                  if (s.inScope === 0) return { percent: null, text: '' };
                  const failing = (s.failing / s.inScope) * 100;
                  return { percent: failing, text: `${Math.round(failing)}` };
                }}
                onCell={(r, c) => {
                  const v = withData[r]!;
                  const s = v.indicators.find((i) => i.no === group.indicators[c])!;
                  props.onPin(
                    shareFigure(
                      {
                        title: e.figures.failing(v.village.moo, s.no),
                        figureKey: `bmn:${data.year}:indicator:${s.no}:village:${v.village.id}:failing`,
                        villageId: v.village.id,
                        sourceImportId: source.importId,
                        sourceLabel: source.label,
                        dataDate: String(data.year),
                      },
                      Math.round((s.failing / s.inScope) * 1000) / 10,
                      s.failing,
                      s.inScope,
                      e.figures.failingValue,
                    ),
                  );
                }}
              />
            )}
            <ChartCard
              id={`bmn-group-${group.no}`}
              title={e.groupChart(group.no, group.nameTh)}
              subtitle={source.line}
              chart={chart}
              table={indicatorTable(stats, true)}
              height={Math.max(200, stats.length * 34 + 40)}
              onExport={props.onExport}
              actionsLabel={e.pin}
              rowActions={(row) => {
                const figure = passFigure(e.wholeTambon, stats[row]!, null);
                return figure ? <PinButton what={figure.title} onPin={() => props.onPin(figure)} testId={`pin-bmn-${stats[row]!.no}`} /> : null;
              }}
            />
          </div>
        ))
      )}
    </div>
  );
}
