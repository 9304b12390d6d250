import { useI18n } from '../../i18n/I18nProvider';

/** One cell of a heat table: a share (0–100) and the words that say it, or null where there is nothing to judge. */
export interface HeatCell {
  percent: number | null;
  text: string;
}

/** A share as a colour from white (0) to the danger red (100), so the worst cells stand out on a projector. */
export function heatColor(percent: number): { background: string; color: string } {
  const p = Math.max(0, Math.min(100, percent)) / 100;
  // Mix #ffffff → #b42318 (the app's danger colour).
  const mix = (from: number, to: number) => Math.round(from + (to - from) * Math.sqrt(p));
  return { background: `rgb(${mix(255, 180)} ${mix(255, 35)} ${mix(255, 24)})`, color: p > 0.3 ? '#fff' : '#1c2430' };
}

/**
 * A rows × columns table of shares coloured by size (villages × indicators, failing shares).
 * With `onCell`, each cell is a button (to pin its figure).
 */
export function HeatTable(props: {
  caption: string;
  rowHeader: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string; title?: string }[];
  cell: (row: number, column: number) => HeatCell;
  onCell?: (row: number, column: number) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap heat-wrap">
      <table className="table heat-table" data-testid={props.testId}>
        <caption className="table-caption">
          {props.caption} <span className="muted heat-legend">({t.charts.heatLegend})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" title={c.title}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {props.columns.map((c, j) => {
                const cell = props.cell(i, j);
                const style = cell.percent === null ? undefined : heatColor(cell.percent);
                const label = t.charts.heatCell(r.label, c.title ?? c.label, cell.percent === null ? t.charts.notInScope : cell.text);
                return (
                  <td key={c.key} className="heat-cell" style={style}>
                    {props.onCell && cell.percent !== null ? (
                      <button type="button" className="heat-button" aria-label={label} title={label} onClick={() => props.onCell!(i, j)}>
                        {cell.text}
                      </button>
                    ) : (
                      <span title={label}>{cell.percent === null ? '·' : cell.text}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
