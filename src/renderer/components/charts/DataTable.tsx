import type { ReactNode } from 'react';
import { cellDisplay, type FigureTable } from './figureTable';

/**
 * A figure's numbers as a table: the table view of a chart, and any table of figures. Numbers
 * right-aligned; an optional last column of actions per row (pin a figure…).
 */
export function DataTable(props: {
  table: FigureTable;
  caption?: string;
  /** The caption is for screen readers only (a card's title already says it). */
  captionHidden?: boolean;
  rowActions?: (row: number) => ReactNode;
  actionsLabel?: string;
  testId?: string;
}) {
  const { table } = props;
  return (
    <div className="table-wrap">
      <table className="table table-figures" data-testid={props.testId}>
        {props.caption && <caption className={props.captionHidden ? 'visually-hidden' : 'table-caption'}>{props.caption}</caption>}
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.type === 'text' ? undefined : 'num'}>
                {c.label}
              </th>
            ))}
            {props.rowActions && (
              <th scope="col" className="actions">
                {props.actionsLabel}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {table.columns.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="figure-row-label">
                    {cellDisplay(row[i] ?? null, c.type)}
                  </th>
                ) : (
                  <td key={i} className={c.type === 'text' ? 'figure-text' : 'num'}>
                    {cellDisplay(row[i] ?? null, c.type)}
                  </td>
                ),
              )}
              {props.rowActions && <td className="actions">{props.rowActions(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
