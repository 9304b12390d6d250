import { useEffect } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { followChanges, useCall } from '../../api/queries';
import { catalog } from '../../i18n/catalog';
import { I18nProvider, useI18n } from '../../i18n/I18nProvider';
import { ForumProjector } from '../forum/projector/ForumProjector';

/**
 * The projector window: what the room sees, in very large text, with no editing. It shows the
 * open workspace as the editor window changes it: every change event refreshes it through the
 * same query cache. What it shows — the overview (issues and villages), or one of the forum's
 * views — is the projector state the facilitator sets from the editor (features/forum/projector).
 */
export function ProjectorApp() {
  useEffect(() => followChanges(), []);
  const prefs = useCall('prefs.get', {});
  const lang = prefs.data?.language ?? 'th';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${catalog[lang].app.name} — ${catalog[lang].projector.title}`;
  }, [lang]);
  return (
    <I18nProvider lang={lang}>
      <ProjectorScreen />
    </I18nProvider>
  );
}

function ProjectorScreen() {
  const { t } = useI18n();
  const current = useCall('workspace.current', {});
  const summary = current.data;
  const villages = useCall('villages.list', {}, { enabled: Boolean(summary) });
  if (!summary) {
    return (
      <main className="projector" data-testid="projector">
        <p className="projector-empty">{current.isPending ? catalog.th.app.loading : t.projector.noWorkspace}</p>
      </main>
    );
  }
  const list = villages.data ?? [];
  const overview = (
    <>
      <h1 className="projector-title">{t.workspace.area(summary.tambon.nameTh, summary.tambon.districtNameTh, summary.tambon.provinceNameTh)}</h1>
      <div className="projector-columns">
        <section aria-labelledby="projector-issues">
          <h2 id="projector-issues">{t.projector.issues}</h2>
          <ol className="projector-issues">
            {summary.framework.issues.map((issue) => (
              <li key={issue.no}>{issue.nameTh}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="projector-villages">
          <h2 id="projector-villages">
            {t.projector.villages} <span className="projector-count">{t.projector.villageCount(list.length)}</span>
          </h2>
          <ul className="projector-villages" data-testid="projector-villages">
            {list.map((v) => (
              <li key={v.id}>
                <span className="projector-moo">{v.moo}</span>
                <span className="projector-name">{v.name}</span>
                {v.households !== null && <span className="projector-figure">{t.projector.households(formatNumber(v.households))}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
  return (
    <main className="projector" data-testid="projector">
      {/* The forum's views (village plans, analysis, tables, ranking) as the facilitator sets them; the overview above otherwise. */}
      <ForumProjector summary={summary} overview={overview} />
    </main>
  );
}
