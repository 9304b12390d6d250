/** Bar charts (chart.js configurations) built from figures already computed, for any capability's pages. */
import type { ChartConfiguration } from 'chart.js';
import { formatCount } from '../../format';

/** A label short enough for a chart axis: the start of a long indicator name, whole words where Thai allows. */
export function shortLabel(text: string, max = 34): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A bar series. */
export interface Series {
  label: string;
  data: (number | null)[];
  /** One colour, or one per bar. */
  color: string | string[];
}

/**
 * A bar chart: `horizontal` for long category names (indicators), `percent` for a 0–100 axis
 * with `%` on its ticks, `whole` for counts (people, tambons: no 0.5 tick); values are written in
 * the tooltip with thousands separators.
 */
export function barChart(options: { labels: string[]; series: Series[]; horizontal?: boolean; percent?: boolean; whole?: boolean; legend?: boolean; stacked?: boolean }): ChartConfiguration<'bar'> {
  const valueAxis = {
    beginAtZero: true,
    ...(options.percent ? { max: 100 } : {}),
    stacked: options.stacked ?? false,
    ticks: { ...(options.whole ? { precision: 0 } : {}), callback: (value: string | number) => (options.percent ? `${value}%` : formatCount(Number(value))) },
    grid: { color: '#e6eaef' },
  };
  const categoryAxis = { stacked: options.stacked ?? false, ticks: { autoSkip: false }, grid: { display: false } };
  return {
    type: 'bar',
    data: {
      labels: options.labels,
      datasets: options.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderWidth: 0, maxBarThickness: 28 })),
    },
    options: {
      indexAxis: options.horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: options.legend ?? options.series.length > 1, position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = item.parsed[options.horizontal ? 'x' : 'y'];
              return `${item.dataset.label ?? ''}: ${v === null ? '—' : options.percent ? `${v.toFixed(1)}%` : formatCount(Math.round(v))}`;
            },
          },
        },
      },
      scales: options.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}
