import type { ReactNode } from 'react';
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
  // The grades the tambons' frameworks use, in the order first seen (A, B, C for the shipped one).
  const assessmentGrades = [...new Set(d.assessment.flatMap((a) => [...Object.keys(a.villages), ...Object.keys(a.tambonGrades)]))].sort();
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
          whole: true,
        });
  const share = (part: number, whole: number) => t.datacenter.percentOf(formatNumber(part), whole === 0 ? '0' : formatNumber(Math.round((1000 * part) / whole) / 10));
  const registerTable = {
    columns: [
      { label: t.datacenter.districtCol, type: 'text' as const },
      { label: t.datacenter.registersLeaders, type: 'number' as const },
      { label: t.datacenter.registersTrained, type: 'number' as const },
      { label: t.datacenter.registersWithSuccessor, type: 'number' as const },
    ],
    rows: d.registers.map((r) => [r.districtNameTh, r.leaders, r.leadersTrained, r.leadersWithSuccessor]),
  };
  const registerChart =
    d.registers.length === 0
      ? null
      : barChart({
          labels: d.registers.map((r) => r.districtNameTh),
          series: [
            { label: t.datacenter.registersLeaders, data: d.registers.map((r) => r.leaders), color: chartColors.primary },
            { label: t.datacenter.registersTrained, data: d.registers.map((r) => r.leadersTrained), color: chartColors.good },
            { label: t.datacenter.registersWithSuccessor, data: d.registers.map((r) => r.leadersWithSuccessor), color: chartColors.warning },
          ],
          whole: true,
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
          <DashboardTable
            testId="dashboard-reporting"
            scroll
            empty={t.datacenter.noData}
            columns={[{ label: t.datacenter.tambon, className: 'name-cell' }, { label: t.datacenter.districtCol }, { label: t.datacenter.seq, className: 'num' }, { label: t.datacenter.createdAt, className: 'date' }]}
            rows={d.reporting.map((r) => ({ key: r.code, cells: [r.nameTh, r.districtNameTh, r.seq, r.createdAt ? date(r.createdAt) : ''] }))}
          />
        </div>
        <div className="card">
          <h3 className="card-title">
            {t.datacenter.nothingTitle} ({formatNumber(d.nothingReceived.length)})
          </h3>
          <DashboardTable
            testId="dashboard-nothing"
            scroll
            empty={t.datacenter.nothingNone}
            columns={[{ label: t.datacenter.code, className: 'code' }, { label: t.datacenter.tambon, className: 'name-cell' }, { label: t.datacenter.districtCol }]}
            rows={d.nothingReceived.map((r) => ({ key: r.code, cells: [r.code, r.nameTh, r.districtNameTh] }))}
          />
        </div>
      </div>

      <h3 className="section-title">{t.datacenter.issuesTitle}</h3>
      <ChartCard id="dc-budget" title={t.datacenter.budgetChart} subtitle={subtitle} chart={budgetChart} table={budgetTable} empty={t.datacenter.noData} />
      <DashboardTable
        testId="dashboard-issues"
        empty={t.datacenter.noData}
        columns={[
          { label: t.datacenter.districtCol, className: 'reason-cell' },
          { label: t.datacenter.issueCol, className: 'reason-cell' },
          { label: t.datacenter.problems, className: 'num' },
          { label: t.datacenter.projects, className: 'num' },
          { label: t.datacenter.budget, className: 'num' },
          ...budgetSources.map((s) => ({ label: t.datacenter.sources[s], className: 'num' })),
          { label: t.datacenter.byFunder, className: 'reason-cell' },
        ]}
        rows={d.issues.map((i) => ({
          key: `${i.districtCode}-${i.issueNo}`,
          cells: [
            i.districtNameTh,
            `${i.issueNo}. ${i.issueNameTh}`,
            formatNumber(i.problems),
            formatNumber(i.projects),
            money(i.budget),
            ...budgetSources.map((s) => money(i.bySource[s])),
            Object.entries(i.byFunder)
              .map(([f, n]) => `${f} ${money(n)}`)
              .join(' · '),
          ],
        }))}
      />

      <div className="dashboard-grid">
        <div className="card">
          <h3 className="card-title">{t.datacenter.flaggedTitle}</h3>
          <DashboardTable
            testId="dashboard-flagged"
            scroll
            empty={t.datacenter.noData}
            columns={[{ label: t.datacenter.tambon, className: 'name-cell' }, { label: t.datacenter.issueCol, className: 'num' }, { label: t.datacenter.projects }, { label: t.datacenter.budget, className: 'num' }]}
            rows={d.flagged.map((f, i) => ({ key: String(i), cells: [f.tambonNameTh, f.issueNo, f.name, money(f.budget)] }))}
          />
        </div>
      </div>

      <h3 className="section-title">{t.datacenter.bmnTitle}</h3>
      <ChartCard id="dc-bmn" title={t.datacenter.bmnChart} subtitle={subtitle} chart={bmnChart} table={bmnTable} height={Math.max(220, 26 * d.bmn.length)} empty={t.datacenter.noData} />
      <DashboardTable
        testId="dashboard-bmn"
        scroll
        narrow
        empty={t.datacenter.noData}
        columns={[t.datacenter.indicator, t.datacenter.tambonsFailing, t.datacenter.failing, t.datacenter.inScope].map((label) => ({ label, className: 'num' }))}
        rows={d.bmn.map((b) => ({ key: String(b.indicatorNo), cells: [b.indicatorNo, formatNumber(b.tambonsFailing), formatNumber(b.failing), formatNumber(b.inScope)] }))}
      />

      <h3 className="section-title">{t.datacenter.assessmentTitle}</h3>
      <DashboardTable
        testId="dashboard-assessment"
        empty={t.datacenter.noData}
        columns={[
          { label: t.datacenter.districtCol, className: 'name-cell' },
          { label: t.datacenter.assessmentRound },
          { label: t.datacenter.assessmentTambons, className: 'num' },
          ...assessmentGrades.map((g) => ({ label: t.datacenter.assessmentVillagesGrade(g), className: 'num' })),
          { label: t.datacenter.assessmentUngraded, className: 'num' },
          { label: t.datacenter.assessmentTambonGrades },
        ]}
        rows={d.assessment.map((a) => ({
          key: `${a.districtCode}-${a.roundLabel}`,
          cells: [
            a.districtNameTh,
            a.roundLabel,
            formatNumber(a.tambons),
            ...assessmentGrades.map((g) => formatNumber(a.villages[g] ?? 0)),
            formatNumber(a.villagesUngraded),
            [...Object.entries(a.tambonGrades).map(([g, n]) => `${g} ${n}`), ...(a.tambonsUngraded > 0 ? [t.datacenter.assessmentUngradedCount(a.tambonsUngraded)] : [])].join(' · '),
          ],
        }))}
      />

      <h3 className="section-title">{t.datacenter.registersTitle}</h3>
      <ChartCard id="dc-registers" title={t.datacenter.registersChart} subtitle={subtitle} chart={registerChart} table={registerTable} empty={t.datacenter.noData} />
      <DashboardTable
        testId="dashboard-registers"
        empty={t.datacenter.noData}
        columns={[
          { label: t.datacenter.districtCol, className: 'name-cell' },
          { label: t.datacenter.registersTambons, className: 'num' },
          { label: t.datacenter.registersWorkingGroup, className: 'num' },
          { label: t.datacenter.registersFacilitators, className: 'num' },
          { label: t.datacenter.registersLeaders, className: 'num' },
          { label: t.datacenter.registersTrained, className: 'num' },
          { label: t.datacenter.registersWithSuccessor, className: 'num' },
        ]}
        rows={d.registers.map((r) => ({
          key: r.districtCode,
          cells: [
            r.districtNameTh,
            formatNumber(r.tambons),
            formatNumber(r.workingGroup),
            formatNumber(r.facilitators),
            formatNumber(r.leaders),
            share(r.leadersTrained, r.leaders),
            share(r.leadersWithSuccessor, r.leaders),
          ],
        }))}
      />
    </section>
  );
}

/** A column of a dashboard table: its heading, and the class its heading and cells share (`num`, `date`…). */
interface DashboardColumn {
  label: string;
  className?: string;
}

/** One of the overview's tables: headings that wrap, dense rows; `empty` said instead when it has no row. */
function DashboardTable(props: {
  testId: string;
  columns: readonly DashboardColumn[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  empty: string;
  /** At most a screenful high, scrolling inside (the lists beside each other). */
  scroll?: boolean;
  narrow?: boolean;
}) {
  if (props.rows.length === 0) return <p className="empty">{props.empty}</p>;
  const wrap = ['table-wrap', props.narrow ? 'table-wrap-narrow' : '', props.scroll ? 'table-scroll' : ''].filter(Boolean).join(' ');
  // Headings take a column's alignment (num, date), not its wrapping.
  const headClass = (c: DashboardColumn) => (c.className === 'num' || c.className === 'date' ? c.className : undefined);
  return (
    <div className={wrap}>
      <table className="table table-wrapheads table-dense" data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} scope="col" className={headClass(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, n) => (
                <td key={n} className={props.columns[n]?.className}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
