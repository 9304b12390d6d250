import { readinessCodes, type ReadinessCode, type ReadinessItem } from '../../../shared/domain/readiness';
import { useCall } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps, SectionTarget } from '../sections';
import { ExportButton } from './ExportButton';
import { PrintButton } from './print/PrintPreview';

/** Where each kind of finding is fixed. */
const fixedIn: Record<ReadinessCode, string> = {
  'forum-not-recorded': 'forum-record',
  'village-plan-not-revised': 'village-plans',
  'village-no-attendance': 'forum-record',
  'items-unclassified': 'classification',
  'problem-empty': 'pcs',
  'problem-without-cause': 'pcs',
  'problem-without-solution': 'pcs',
  'problem-without-evidence': 'pcs',
  'project-unnamed': 'projects',
  'issue-few-ranked': 'projects',
  'issue-undecided-tie': 'projects',
  'project-budget-outside-span': 'projects',
};

function targetOf(item: ReadinessItem): SectionTarget {
  const target: SectionTarget = {};
  if (item.villageId) target.villageId = item.villageId;
  if (item.issueId) target.issueId = item.issueId;
  if (item.rowId) target.rowId = item.rowId;
  return target;
}

/**
 * ความพร้อมและการส่งออก: before the forum, which village plans were revised this cycle, with the
 * agenda to print; after it, the readiness check — what is missing, each finding linked to where it
 * is fixed — and the exports (Excel) and print views (A4, to print or save as PDF) of the forms.
 */
export function ReadinessPanel({ navigate }: SectionProps) {
  const { t, lang, date } = useI18n();
  const check = useCall('forum.readiness', {});
  const villages = useCall('villages.list', {}).data ?? [];
  const plans = useCall('forum.villagePlans.list', {}).data;
  const participants = useCall('forum.participants.list', {}).data ?? [];
  const items = check.data?.items ?? [];
  const revised = villages.filter((v) => plans?.plans.find((p) => p.villageId === v.id)?.revised).length;

  return (
    <section aria-labelledby="readiness-title" data-testid="readiness-panel">
      <div className="panel-heading">
        <h2 id="readiness-title" className="panel-title">
          {t.forum.readiness.title}
        </h2>
      </div>
      <p className="lead">{t.forum.readiness.intro}</p>

      <div className="card">
        <h3 className="card-title">{t.forum.readiness.before(revised, villages.length)}</h3>
        <div className="table-wrap">
          <table className="table table-compact" data-testid="before-forum">
            <thead>
              <tr>
                <th scope="col">{t.forum.classification.village}</th>
                <th scope="col">{t.forum.readiness.planRevised}</th>
                <th scope="col" className="num">
                  {t.forum.readiness.registered}
                </th>
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => {
                const plan = plans?.plans.find((p) => p.villageId === v.id);
                return (
                  <tr key={v.id}>
                    <th scope="row">{t.forum.villages.village(v.moo, v.name)}</th>
                    <td className={plan?.revised ? 'ok' : 'missing'}>
                      {plan?.revised ? (plan.revisedOn ? t.forum.readiness.revisedOn(date(`${plan.revisedOn}T12:00:00`)) : t.forum.readiness.yes) : t.forum.readiness.no}
                    </td>
                    <td className="num">{participants.filter((p) => p.villageId === v.id).length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="button-row">
          <PrintButton form="agenda" label={t.forum.print.agenda} />
          <PrintButton form="signin" label={t.forum.print.signIn} />
        </div>
      </div>

      <div className="card">
        <h3 className="card-title">
          {check.data && check.data.missing === 0 ? (
            <span className="ok" data-testid="readiness-ok">
              {t.forum.readiness.ready}
            </span>
          ) : (
            <span data-testid="readiness-summary">{t.forum.readiness.summary(check.data?.missing ?? 0, check.data?.checks ?? 0)}</span>
          )}
        </h3>
        {readinessCodes.map((code) => {
          const found = items.filter((i) => i.code === code);
          if (found.length === 0) return null;
          return (
            <details key={code} className="finding-group" open={found[0]!.severity === 'missing'} data-testid={`finding-${code}`}>
              <summary>
                <span className={found[0]!.severity === 'missing' ? 'badge badge-missing' : 'badge badge-check'}>
                  {found[0]!.severity === 'missing' ? t.forum.readiness.missing : t.forum.readiness.check}
                </span>{' '}
                {t.forum.readiness.codes[code]} <span className="muted">({found.length})</span>
              </summary>
              <ul className="finding-list">
                {found.map((item, i) => (
                  <li key={`${item.rowId ?? item.villageId ?? item.issueId ?? ''}-${i}`}>
                    <span>{lang === 'th' ? item.messageTh : item.messageEn}</span>
                    <button type="button" className="button button-small button-quiet" onClick={() => navigate(fixedIn[code], targetOf(item))} data-testid="finding-fix">
                      {t.forum.readiness.fix}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </div>

      <div className="card" data-testid="exports">
        <h3 className="card-title">{t.forum.exports.title}</h3>
        <p className="hint">{t.forum.exports.intro}</p>
        <div className="export-grid">
          <div className="export-item">
            <span>{t.forum.exports.pcs}</span>
            <ExportButton form="pcs" label={t.forum.exports.excel} checkReadiness />
            <ExportButton form="pcs" format="pdf" label={t.forum.exports.pdf} checkReadiness />
            <PrintButton form="pcs" label={t.forum.exports.print} />
          </div>
          <div className="export-item">
            <span>{t.forum.exports.projects}</span>
            <ExportButton form="projects" label={t.forum.exports.excel} checkReadiness />
            <ExportButton form="projects" format="pdf" label={t.forum.exports.pdf} checkReadiness />
            <PrintButton form="projects" label={t.forum.exports.print} />
          </div>
          <div className="export-item">
            <span>{t.forum.exports.p02}</span>
            <ExportButton form="p02" label={t.forum.exports.excel} checkReadiness />
            <ExportButton form="p02" format="pdf" label={t.forum.exports.pdf} checkReadiness />
            <PrintButton form="p02" label={t.forum.exports.print} />
          </div>
          <div className="export-item">
            <span>{t.forum.exports.register}</span>
            <ExportButton form="register" label={t.forum.exports.excel} />
            <ExportButton form="register" format="pdf" label={t.forum.exports.pdf} />
            <PrintButton form="register" label={t.forum.exports.print} />
          </div>
          <div className="export-item">
            <span>{t.forum.exports.villagePlans}</span>
            <ExportButton form="village-plans" label={t.forum.exports.excel} />
            <ExportButton form="village-plans" format="pdf" label={t.forum.exports.pdf} />
          </div>
        </div>
      </div>
    </section>
  );
}
