import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/** A strategic issue as the forum's screens use it. */
export interface IssueRef {
  id: string;
  no: number;
  nameTh: string;
}

/**
 * The strategic issues as tabs (ประเด็นที่ 1 … 5), each with a count, and the chosen issue's full
 * name under them. ←/→ move between tabs, as in every tab list.
 */
export function IssueTabs(props: {
  issues: readonly IssueRef[];
  value: string | null;
  onChange: (id: string) => void;
  count?: (issue: IssueRef) => ReactNode;
  label: string;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const list = useRef<HTMLDivElement>(null);
  const current = props.issues.find((i) => i.id === props.value) ?? props.issues[0];
  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = props.issues[(index + step + props.issues.length) % props.issues.length]!;
    props.onChange(next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-issue="${next.id}"]`)?.focus();
  };
  return (
    <div className="issue-tabs-wrap">
      <div className="issue-tabs" role="tablist" aria-label={props.label} ref={list}>
        {props.issues.map((issue, index) => {
          const selected = issue.id === current?.id;
          return (
            <button
              key={issue.id}
              type="button"
              role="tab"
              id={`${props.idPrefix}-tab-${issue.no}`}
              aria-selected={selected}
              aria-controls={`${props.idPrefix}-panel`}
              tabIndex={selected ? 0 : -1}
              className="issue-tab"
              title={issue.nameTh}
              data-issue={issue.id}
              data-testid={`issue-tab-${issue.no}`}
              onClick={() => props.onChange(issue.id)}
              onKeyDown={(e) => onKey(e, index)}
            >
              {t.forum.issueTab(issue.no)}
              {props.count && <span className="issue-tab-count">{props.count(issue)}</span>}
            </button>
          );
        })}
      </div>
      {current && (
        <h3 className="issue-heading" data-testid="issue-heading">
          {t.forum.issueTitle(current.no, current.nameTh)}
        </h3>
      )}
    </div>
  );
}
