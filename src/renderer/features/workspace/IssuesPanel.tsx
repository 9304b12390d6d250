import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';

/** The framework's strategic issues (ประเด็นยุทธศาสตร์), read-only. */
export function IssuesPanel({ summary }: SectionProps) {
  const { t } = useI18n();
  const { framework } = summary;
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
