import { useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import type { DatacenterSummary } from '../../../shared/domain/datacenter';
import type { Preferences, WorkspaceSummary } from '../../../shared/domain/workspace';
import { change } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { useMenuCommand } from '../app/useMenuCommand';
import { useFilePicker } from './FilePickerProvider';

/** No workspace open: the recent list, create and open. */
export function StartScreen(props: {
  prefs: Preferences;
  onCreate: () => void;
  /** A data center workspace (province or district) instead. */
  onCreateDatacenter: () => void;
  onOpened: (summary: WorkspaceSummary) => void;
  onOpenedDatacenter: (summary: DatacenterSummary) => void;
}) {
  const { t, date, errorText } = useI18n();
  const pickFile = useFilePicker();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (path: string) => {
    setBusy(true);
    setError(null);
    // Either kind of file opens from here: the header says which.
    const kind = await change('workspace.kindOf', { path });
    if (kind.ok && kind.value === 'datacenter') {
      const result = await change('datacenter.open', { path });
      setBusy(false);
      if (!result.ok) return setError(result.error);
      return props.onOpenedDatacenter(result.value);
    }
    const result = await change('workspace.open', { path });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    props.onOpened(result.value);
  };

  const openPicked = async () => {
    const path = await pickFile('open');
    if (path) await open(path);
  };

  useMenuCommand((command) => {
    if (command === 'workspace.new') props.onCreate();
    else if (command === 'workspace.open' && !busy) void openPicked();
  });

  return (
    <section className="page" aria-labelledby="start-title" data-testid="start-screen">
      <h1 id="start-title" className="page-title">
        {t.start.title}
      </h1>
      <p className="lead">{t.start.intro}</p>
      <div className="button-row">
        <button type="button" className="button button-primary button-large" onClick={props.onCreate} data-testid="start-create">
          {t.start.create}
        </button>
        <button type="button" className="button button-large" onClick={() => void openPicked()} disabled={busy} data-testid="start-open">
          {t.start.open}
        </button>
        <button type="button" className="button button-large" onClick={props.onCreateDatacenter} data-testid="start-create-datacenter">
          {t.datacenter.startCreate}
        </button>
      </div>
      <FormError message={error ? errorText(error) : undefined} testId="start-error" />

      <h2 className="section-title">{t.start.recentTitle}</h2>
      {props.prefs.recent.length === 0 ? (
        <p className="muted">{t.start.recentEmpty}</p>
      ) : (
        <ul className="recent-list" data-testid="recent-list">
          {props.prefs.recent.map((item) => (
            <li key={item.path}>
              <button type="button" className="recent-item" onClick={() => void open(item.path)} disabled={busy}>
                <span className="recent-label">{item.label}</span>
                <span className="recent-path">{item.path}</span>
                <span className="recent-date">{t.start.openedAt(date(item.openedAt, true))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
