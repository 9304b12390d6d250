import type { ReactNode } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { progressStatuses, type ProgressTotals } from '../../../shared/domain/progress';
import { useI18n } from '../../i18n/I18nProvider';

/** A mean percent, or a dash where no project reported one. */
export const percentText = (n: number | null) => (n === null ? '–' : String(n));

/**
 * The progress totals table of the tambon's report and the clusters' report: a name column, then
 * projects, one column per status, planned and funded budget and the mean percent, in fixed widths
 * (fits 1024×768). The rows are the caller's, their figures drawn by {@link TotalsCells}.
 */
export function TotalsTable(props: { nameHeading: string; testId: string; children: ReactNode }) {
  const r = useI18n().t.reports;
  return (
    <div className="table-wrap">
      <table className="table table-dense table-wrapheads progress-table progress-fixed" data-testid={props.testId}>
        <colgroup>
          <col className="col-name" />
          <col className="col-count" />
          {progressStatuses.map((s) => (
            <col key={s} className="col-count" />
          ))}
          <col className="col-money" />
          <col className="col-money" />
          <col className="col-percent" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{props.nameHeading}</th>
            <th scope="col" className="num">
              {r.projects}
            </th>
            {progressStatuses.map((s) => (
              <th key={s} scope="col" className="num">
                {r.statuses[s]}
              </th>
            ))}
            <th scope="col" className="num">
              {r.planned}
            </th>
            <th scope="col" className="num">
              {r.funded}
            </th>
            <th scope="col" className="num">
              {r.meanPercent}
            </th>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** One row's figures under {@link TotalsTable}'s columns. */
export function TotalsCells({ totals }: { totals: ProgressTotals }) {
  return (
    <>
      <td className="num">{totals.projects}</td>
      {progressStatuses.map((s) => (
        <td key={s} className="num">
          {totals.byStatus[s]}
        </td>
      ))}
      <td className="num">{formatNumber(totals.planned)}</td>
      <td className="num">{formatNumber(totals.funded)}</td>
      <td className="num">{percentText(totals.meanPercent)}</td>
    </>
  );
}
