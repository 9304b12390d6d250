import type { Framework } from '../../../shared/domain/workspace';
import { useI18n } from '../../i18n/I18nProvider';

/** The framework's strategic issues (ประเด็นยุทธศาสตร์), read-only. */
export function IssuesPanel({ framework }: { framework: Framework }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="issues-title" data-testid="issues-panel">
      <h2 id="issues-title" className="panel-title">
        {t.issues.title}
      </h2>
      <p className="lead">{t.issues.note}</p>
      <p className="framework-name">{framework.nameTh}</p>
      <ol className="issue-list">
        {framework.issues.map((issue) => (
          <li key={issue.no} className="issue-item">
            <span className="issue-no">{t.issues.issueNo(issue.no)}</span>
            <span className="issue-name">{issue.nameTh}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
