import { formatNumber } from '../../../shared/domain/fields';
import type { View } from '../../../shared/domain/datacenter';
import { useCall } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';

const money = (n: number) => formatNumber(Math.round(n));

/**
 * ภาพรวม: the dashboards' numbers as tables — tambons reporting and those with nothing received;
 * problems, projects and budget by district and strategic issue, by source column and funder;
 * projects flagged for the provincial team; จปฐ. indicators failing across tambons. Each table
 * has a marked place where its chart goes once the shared chart components (chart.js) land.
 */
export function DashboardPanel({ view }: { view: View }) {
  const { t, date } = useI18n();
  const dashboard = useCall('datacenter.dashboard', { view });
  const d = dashboard.data;
  if (!d) return <p className="muted">{t.app.loading}</p>;
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
              <table className="table" data-testid="dashboard-reporting">
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
              <table className="table" data-testid="dashboard-nothing">
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
      <p className="chart-place" data-chart="issues">
        {t.datacenter.chartPlace}
      </p>
      {d.issues.length === 0 ? (
        <p className="empty">{t.datacenter.noData}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dashboard-issues">
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
                  <td>{i.districtNameTh}</td>
                  <td>
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
              <table className="table" data-testid="dashboard-flagged">
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
        <div className="card">
          <h3 className="card-title">{t.datacenter.bmnTitle}</h3>
          <p className="chart-place" data-chart="bmn">
            {t.datacenter.chartPlace}
          </p>
          {d.bmn.length === 0 ? (
            <p className="empty">{t.datacenter.noData}</p>
          ) : (
            <div className="table-wrap table-scroll">
              <table className="table" data-testid="dashboard-bmn">
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
        </div>
      </div>
    </section>
  );
}
