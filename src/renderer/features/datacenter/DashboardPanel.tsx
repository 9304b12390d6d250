import { formatNumber } from '../../../shared/domain/fields';
import type { View } from '../../../shared/domain/datacenter';
import { budgetSources } from '../../../shared/domain/dashboard';
import { useCall } from '../../api/queries';
import { barChart } from '../../components/charts/barChart';
import { ChartCard } from '../../components/charts/ChartCard';
import { chartColors } from '../../components/charts/chartSetup';
import { useI18n } from '../../i18n/I18nProvider';

const money = (n: number) => formatNumber(Math.round(n));

/**
 * ภาพรวม: the dashboards' numbers as tables — tambons reporting and those with nothing received;
 * problems, projects and budget by district and strategic issue, by source column and funder;
 * projects flagged for the provincial team; จปฐ. indicators failing across tambons. The budget by
 * issue and the จปฐ. indicators are charts too (the shared chart components, with a table view).
 */
export function DashboardPanel({ view }: { view: View }) {
  const { t, date } = useI18n();
  const dashboard = useCall('datacenter.dashboard', { view });
  const d = dashboard.data;
  if (!d) return <p className="muted">{t.app.loading}</p>;
  const subtitle = t.datacenter.chartSubtitle(formatNumber(d.reporting.length));
  // The budget by issue, the area's districts added up; one stacked bar per issue.
  const byIssue = new Map<number, { name: string; sources: Record<(typeof budgetSources)[number], number> }>();
  for (const i of d.issues) {
    const entry = byIssue.get(i.issueNo) ?? { name: i.issueNameTh, sources: { local: 0, agency: 0, province: 0 } };
    for (const source of budgetSources) entry.sources[source] += i.bySource[source];
    byIssue.set(i.issueNo, entry);
  }
  const issueRows = [...byIssue.entries()].sort((a, b) => a[0] - b[0]);
  const sourceColors = [chartColors.primary, chartColors.warning, chartColors.good];
  const budgetTable = {
    columns: [{ label: t.datacenter.issueCol, type: 'text' as const }, ...budgetSources.map((s) => ({ label: t.datacenter.sources[s], type: 'number' as const }))],
    rows: issueRows.map(([no, e]) => [`${no}. ${e.name}`, ...budgetSources.map((s) => e.sources[s])]),
  };
  const budgetChart =
    issueRows.length === 0
      ? null
      : barChart({
          labels: issueRows.map(([no]) => `${t.datacenter.issueCol} ${no}`),
          series: budgetSources.map((s, n) => ({ label: t.datacenter.sources[s], data: issueRows.map(([, e]) => e.sources[s]), color: sourceColors[n]! })),
          stacked: true,
        });
  const bmnTable = {
    columns: [
      { label: t.datacenter.indicator, type: 'number' as const },
      { label: t.datacenter.tambonsFailing, type: 'number' as const },
      { label: t.datacenter.failing, type: 'number' as const },
    ],
    rows: d.bmn.map((b) => [b.indicatorNo, b.tambonsFailing, b.failing]),
  };
  const bmnChart =
    d.bmn.length === 0
      ? null
      : barChart({
          labels: d.bmn.map((b) => `${t.datacenter.indicator} ${b.indicatorNo}`),
          series: [{ label: t.datacenter.tambonsFailing, data: d.bmn.map((b) => b.tambonsFailing), color: chartColors.bad }],
          horizontal: true,
          legend: false,
        });
  return (
    <section aria-labelledby="dc-dashboard-title" data-testid="datacenter-dashboard">
      <h2 id="dc-dashboard-title" className="panel-title">
        {t.datacenter.tabs.dashboard}
      </h2>
      <div className="dashboard-grid">
        <div className="card">
          <h3 className="card-title">
            {t.datacenter.reportingTitle} ({formatNumber(d.reporting.length)})
          </h3>
          {d.reporting.length === 0 ? (
            <p className="empty">{t.datacenter.noData}</p>
          ) : (
            <div className="table-wrap table-scroll">
              <table className="table table-wrapheads table-dense" data-testid="dashboard-reporting">
                <thead>
                  <tr>
                    <th scope="col">{t.datacenter.tambon}</th>
                    <th scope="col">{t.datacenter.districtCol}</th>
                    <th scope="col" className="num">
                      {t.datacenter.seq}
                    </th>
                    <th scope="col">{t.datacenter.createdAt}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.reporting.map((r) => (
                    <tr key={r.code}>
                      <td>{r.nameTh}</td>
                      <td>{r.districtNameTh}</td>
                      <td className="num">{r.seq}</td>
                      <td className="date">{r.createdAt ? date(r.createdAt) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div className="card">
          <h3 className="card-title">
            {t.datacenter.nothingTitle} ({formatNumber(d.nothingReceived.length)})
          </h3>
          {d.nothingReceived.length === 0 ? (
            <p className="empty">{t.datacenter.nothingNone}</p>
          ) : (
            <div className="table-wrap table-scroll">
              <table className="table table-wrapheads table-dense" data-testid="dashboard-nothing">
                <thead>
                  <tr>
                    <th scope="col">{t.datacenter.code}</th>
                    <th scope="col">{t.datacenter.tambon}</th>
                    <th scope="col">{t.datacenter.districtCol}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.nothingReceived.map((r) => (
                    <tr key={r.code}>
                      <td className="code">{r.code}</td>
                      <td>{r.nameTh}</td>
                      <td>{r.districtNameTh}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>

      <h3 className="section-title">{t.datacenter.issuesTitle}</h3>
      <ChartCard id="dc-budget" title={t.datacenter.budgetChart} subtitle={subtitle} chart={budgetChart} table={budgetTable} empty={t.datacenter.noData} />
      {d.issues.length === 0 ? (
        <p className="empty">{t.datacenter.noData}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-wrapheads table-dense" data-testid="dashboard-issues">
            <thead>
              <tr>
                <th scope="col">{t.datacenter.districtCol}</th>
                <th scope="col">{t.datacenter.issueCol}</th>
                <th scope="col" className="num">
                  {t.datacenter.problems}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.projects}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.budget}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.sources.local}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.sources.agency}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.sources.province}
                </th>
                <th scope="col">{t.datacenter.byFunder}</th>
              </tr>
            </thead>
            <tbody>
              {d.issues.map((i) => (
                <tr key={`${i.districtCode}-${i.issueNo}`}>
                  <td className="reason-cell">{i.districtNameTh}</td>
                  <td className="reason-cell">
                    {i.issueNo}. {i.issueNameTh}
                  </td>
                  <td className="num">{formatNumber(i.problems)}</td>
                  <td className="num">{formatNumber(i.projects)}</td>
                  <td className="num">{money(i.budget)}</td>
                  <td className="num">{money(i.bySource.local)}</td>
                  <td className="num">{money(i.bySource.agency)}</td>
                  <td className="num">{money(i.bySource.province)}</td>
                  <td className="reason-cell">
                    {Object.entries(i.byFunder)
                      .map(([f, n]) => `${f} ${money(n)}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="dashboard-grid">
        <div className="card">
          <h3 className="card-title">{t.datacenter.flaggedTitle}</h3>
          {d.flagged.length === 0 ? (
            <p className="empty">{t.datacenter.noData}</p>
          ) : (
            <div className="table-wrap table-scroll">
              <table className="table table-wrapheads table-dense" data-testid="dashboard-flagged">
                <thead>
                  <tr>
                    <th scope="col">{t.datacenter.tambon}</th>
                    <th scope="col">{t.datacenter.issueCol}</th>
                    <th scope="col">{t.datacenter.projects}</th>
                    <th scope="col" className="num">
                      {t.datacenter.budget}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.flagged.map((f, i) => (
                    <tr key={i}>
                      <td>{f.tambonNameTh}</td>
                      <td className="num">{f.issueNo}</td>
                      <td>{f.name}</td>
                      <td className="num">{money(f.budget)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>

      <h3 className="section-title">{t.datacenter.bmnTitle}</h3>
      <ChartCard id="dc-bmn" title={t.datacenter.bmnChart} subtitle={subtitle} chart={bmnChart} table={bmnTable} height={Math.max(220, 26 * d.bmn.length)} empty={t.datacenter.noData} />
      {d.bmn.length === 0 ? (
        <p className="empty">{t.datacenter.noData}</p>
      ) : (
        <div className="table-wrap table-wrap-narrow table-scroll">
          <table className="table table-wrapheads table-dense" data-testid="dashboard-bmn">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.datacenter.indicator}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.tambonsFailing}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.failing}
                </th>
                <th scope="col" className="num">
                  {t.datacenter.inScope}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.bmn.map((b) => (
                <tr key={b.indicatorNo}>
                  <td className="num">{b.indicatorNo}</td>
                  <td className="num">{formatNumber(b.tambonsFailing)}</td>
                  <td className="num">{formatNumber(b.failing)}</td>
                  <td className="num">{formatNumber(b.inScope)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
