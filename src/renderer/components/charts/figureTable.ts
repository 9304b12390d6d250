/** The numbers behind a chart, as its table view and its Excel export both show them. */
import { formatCount } from '../../format';

/** A column of a figure's table. */
export interface FigureColumn {
  label: string;
  type: 'text' | 'number' | 'percent';
}

/** A figure's numbers: columns and rows (null where there is no value). */
export interface FigureTable {
  columns: FigureColumn[];
  rows: (string | number | null)[][];
}

/** A cell as the table view shows it: numbers grouped by thousands, percentages with one decimal. */
export function cellDisplay(value: string | number | null, type: FigureColumn['type']): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (type === 'percent') return `${value.toFixed(1)}%`;
  return Number.isInteger(value) ? formatCount(value) : formatCount(Math.round(value * 100) / 100);
}
