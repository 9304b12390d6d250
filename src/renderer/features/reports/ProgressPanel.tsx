import { useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { type AssessmentSection, type ProgressStatus } from '../../../shared/domain/progress';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { SaveButton } from './SaveButton';
import { TotalsCells, TotalsTable, percentText } from './TotalsTable';
import { UpdateDialog } from './UpdateDialog';
import './reports.css';

/**
 * รายงานความก้าวหน้า — the tambon's progress report as it will print: per strategic issue the
 * projects by status, the budget planned and funded, the mean percent, then project by project
 * with its latest update and a button to report progress; export to Excel or PDF.
 */
export function ProgressPanel({ summary }: SectionProps) {
  const { t, date, errorText } = useI18n();
  const r = t.reports;
  const query = useCall('reports.progress', {});
  const [updating, setUpdating] = useState<{ id: string; name: string; status: ProgressStatus; percent: number | null } | null>(null);
  const report = query.data;
  const save = (channel: 'reports.exportXlsx' | 'reports.exportPdf') => async (path: string) => {
    const result = await invoke(channel, { path });
    return result.ok ? { ok: true as const, path: result.value.path } : result;
  };
  return (
    <section aria-labelledby="progress-title" data-testid="progress-panel">
      <div className="panel-heading">
        <h2 id="progress-title" className="panel-title" tabIndex={-1}>
          {r.title}
        </h2>
        <div className="button-row">
          <SaveButton label={r.exportXlsx} format="xlsx" fileName={r.fileName} save={save('reports.exportXlsx')} testId="progress-xlsx" primary />
          <SaveButton label={r.exportPdf} format="pdf" fileName={r.fileName} save={save('reports.exportPdf')} testId="progress-pdf" />
        </div>
      </div>
      <p className="lead">{r.intro}</p>
      {query.error && <FormError message={errorText(query.error.error)} />}
      {report && (
        <>
          <p className="muted">{r.asOf(date(report.asOf))}</p>
          <h3 className="card-title">{r.summary}</h3>
          <TotalsTable nameHeading={r.issue} testId="progress-summary">
            {[...report.issues.map((i) => ({ key: String(i.issueNo), label: `${i.issueNo}. ${i.issueNameTh}`, totals: i, bold: false })), { key: 'total', label: r.total, totals: report.total, bold: true }].map((row) => (
              <tr key={row.key} className={row.bold ? 'total-row' : undefined}>
                <th scope="row" className="wrap-cell">
                  {row.label}
                </th>
                <TotalsCells totals={row.totals} />
              </tr>
            ))}
          </TotalsTable>

          <h3 className="card-title">{r.projectList}</h3>
          {report.total.projects === 0 ? (
            <p className="empty">{r.noProjects}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-dense table-wrapheads progress-table" data-testid="progress-projects">
                <thead>
                  <tr>
                    <th scope="col">{r.project}</th>
                    <th scope="col">{r.status}</th>
                    <th scope="col" className="num">
                      {r.planned}
                    </th>
                    <th scope="col" className="num">
                      {r.percent}
                    </th>
                    <th scope="col">{r.reportedOn}</th>
                    <th scope="col">
                      <span className="visually-hidden">{r.addUpdate}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.issues.flatMap((issue) =>
                    issue.projectList.map((p) => (
                      <tr key={p.id}>
                        <td className="wrap-cell">
                          <span className="cell-main">{p.name || r.unnamed}</span>
                          <span className="cell-sub">
                            {issue.issueNo}. {issue.issueNameTh}
                            {p.note ? ` · ${p.note}` : ''}
                          </span>
                        </td>
                        <td>
                          <span className={`status-pill status-${p.status}`}>{r.statuses[p.status]}</span>
                        </td>
                        <td className="num">{formatNumber(p.planned)}</td>
                        <td className="num">{percentText(p.percent)}</td>
                        <td>{p.reportedOn ? date(`${p.reportedOn}T12:00:00`) : '–'}</td>
                        <td>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setUpdating({ id: p.id, name: p.name, status: p.status, percent: p.percent })}
                            aria-label={`${r.addUpdate} ${p.name}`}
                            data-testid="progress-update"
                          >
                            {r.addUpdate}
                          </button>
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
          {report.assessment && <AssessmentGrades section={report.assessment} />}
        </>
      )}
      {updating && <UpdateDialog project={updating} readonly={summary.readonly} onClose={() => setUpdating(null)} />}
    </section>
  );
}

/** The assessment rounds of the report: units per grade, the incomplete ones and the tambon's own grade. */
function AssessmentGrades(props: { section: AssessmentSection }) {
  const r = useI18n().t.reports;
  const grades = [...new Set(props.section.rounds.flatMap((round) => Object.keys(round.grades)))].sort();
  return (
    <>
      <h3 className="card-title">{r.assessmentTitle}</h3>
      <div className="table-wrap">
        <table className="table table-dense progress-table" data-testid="progress-assessment">
          <thead>
            <tr>
              <th scope="col">{r.assessmentRound}</th>
              {grades.map((g) => (
                <th key={g} scope="col" className="num">
                  {r.gradeCol(g)}
                </th>
              ))}
              <th scope="col" className="num">
                {r.incomplete}
              </th>
              <th scope="col">{r.tambonGrade}</th>
            </tr>
          </thead>
          <tbody>
            {props.section.rounds.map((round) => (
              <tr key={round.roundLabel}>
                <th scope="row">{round.roundLabel}</th>
                {grades.map((g) => (
                  <td key={g} className="num">
                    {formatNumber(round.grades[g] ?? 0)}
                  </td>
                ))}
                <td className="num">{formatNumber(round.incomplete)}</td>
                <td>{round.units.find((u) => u.moo === null)?.grade ?? r.incomplete}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
