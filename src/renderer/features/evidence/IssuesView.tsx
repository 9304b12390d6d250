import { useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { PinButton, Toolbar } from './common';
import type { Figure } from './PinDialog';

/** ประเด็นร่วม: problems seen in several villages, each with its villages, ready to pin for the forum. */
export function IssuesView(props: { onPin: (figure: Figure) => void }) {
  const { t, lang, errorText } = useI18n();
  const e = t.evidence;
  const [minVillages, setMinVillages] = useState(2);
  const query = useCall('evidence.commonIssues', { minVillages });
  const data = query.data;
  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!data) return <p className="muted">{t.app.loading}</p>;
  return (
    <div className="evidence-view" data-testid="issues-view">
      <p className="lead">{e.issues.intro}</p>
      <Toolbar>
        <div className="field field-inline">
          <label htmlFor="issues-min">{e.issues.min}</label>
          <select id="issues-min" className="input" value={minVillages} onChange={(ev) => setMinVillages(Number(ev.target.value))}>
            {[2, 3, 4, 5, 6, 8, 10].map((n) => (
              <option key={n} value={n}>
                {e.issues.minOption(n)}
              </option>
            ))}
          </select>
        </div>
      </Toolbar>
      {data.issues.length === 0 ? (
        <p className="empty">{e.issues.none}</p>
      ) : (
        <ol className="issue-cards">
          {data.issues.map((issue) => {
            const title = lang === 'th' ? issue.titleTh : issue.titleEn;
            const dataDate = String(issue.key.startsWith('accounts') ? (data.accountsYear ?? '') : (data.year ?? ''));
            const figure: Figure = {
              title: e.figures.issue(title).slice(0, 300),
              valueText: issue.households > 0 ? e.figures.issueValue(formatNumber(issue.villages.length), formatNumber(issue.households)) : e.figures.issueValueNoHouseholds(formatNumber(issue.villages.length)),
              valueNumber: issue.villages.length,
              unit: e.unit.villages,
              figureKey: `issue:${issue.key}:${dataDate || 'latest'}`,
              villageId: null,
              sourceImportId: null,
              sourceLabel: e.tabs.issues,
              dataDate: /^\d{4}$/.test(dataDate) ? dataDate : new Date().toISOString().slice(0, 10),
            };
            return (
              <li key={issue.key} className="card issue-card" data-testid="common-issue">
                <div className="issue-card-head">
                  <h3 className="card-title">{title}</h3>
                  <PinButton what={title} onPin={() => props.onPin(figure)} />
                </div>
                <p className="muted">{e.issues.basis[issue.basis]}</p>
                <p>
                  {e.issues.villages(issue.villages.map((v) => (v.households > 0 ? `${e.villageShort(v.moo)} (${formatNumber(v.households)})` : e.villageShort(v.moo))).join(', '))}
                </p>
                {issue.households > 0 && <p className="muted">{e.issues.households(formatNumber(issue.households))}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
