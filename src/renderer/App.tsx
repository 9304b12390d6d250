import { useEffect, useState } from 'react';
import type { DatacenterSummary } from '../shared/domain/datacenter';
import type { Preferences, WorkspaceSummary } from '../shared/domain/workspace';
import { change, followChanges, queryClient, useCall } from './api/queries';
import { AppHeader } from './components/AppHeader';
import { FormError } from './components/FieldError';
import { ToastArea, ToastProvider } from './components/ToastProvider';
import { CreateDatacenter } from './features/datacenter/CreateDatacenter';
import { DatacenterScreen } from './features/datacenter/DatacenterScreen';
import { FirstStart } from './features/preferences/FirstStart';
import { CreateWorkspace } from './features/workspace/CreateWorkspace';
import { FilePickerProvider } from './features/workspace/FilePickerProvider';
import { StartScreen } from './features/workspace/StartScreen';
import { WorkspaceScreen } from './features/workspace/WorkspaceScreen';
import { catalog } from './i18n/catalog';
import { I18nProvider } from './i18n/I18nProvider';

/** Puts a call's new answer in the cache, so every screen showing it has it at once. */
function remember<T>(channel: 'prefs.get' | 'workspace.current' | 'datacenter.current', value: T): T {
  queryClient.setQueryData([channel, {}], value);
  return value;
}

/**
 * The app shell: preferences (operator, language, recent files) and which screen shows — first
 * start, the start screen, create, or the open workspace. Data comes from the query cache, which
 * main's change events keep current (see api/queries.ts).
 */
export function App() {
  useEffect(() => followChanges(), []);
  const prefsQuery = useCall('prefs.get', {});
  const currentQuery = useCall('workspace.current', {});
  // A data center workspace open instead of a tambon's (one file at a time).
  const datacenterQuery = useCall('datacenter.current', {});
  const [creating, setCreating] = useState<false | 'tambon' | 'datacenter'>(false);
  const prefs = prefsQuery.data ?? null;
  const summary = currentQuery.data ?? null;
  const datacenter = datacenterQuery.data ?? null;
  const lang = prefs?.language ?? 'th';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${catalog[lang].app.name} — ${catalog[lang].app.tagline}`;
  }, [lang]);

  const toggleLanguage = async () => {
    if (!prefs) return;
    const next = lang === 'th' ? 'en' : 'th';
    remember('prefs.get', { ...prefs, language: next });
    const result = await change('prefs.set', { language: next });
    if (result.ok) remember('prefs.get', result.value);
  };

  const opened = (next: WorkspaceSummary) => {
    setCreating(false);
    remember('datacenter.current', null);
    remember('workspace.current', next);
  };
  const openedDatacenter = (next: DatacenterSummary) => {
    setCreating(false);
    remember('workspace.current', null);
    remember('datacenter.current', next);
  };

  const loadError = prefsQuery.error?.error ?? null;
  let content;
  if (!prefs) {
    content = loadError ? (
      <div className="page">
        <FormError message={lang === 'th' ? loadError.messageTh : loadError.messageEn} />
      </div>
    ) : (
      <p className="page muted">{catalog[lang].app.loading}</p>
    );
  } else if (!prefs.operatorName) {
    content = <FirstStart onSaved={(next: Preferences) => remember('prefs.get', next)} />;
  } else if (summary) {
    content = (
      <WorkspaceScreen
        summary={summary}
        onSummary={(next) => remember('workspace.current', next)}
        onClosed={(thenCreate) => {
          remember('workspace.current', null);
          setCreating(thenCreate === true ? 'tambon' : false);
        }}
      />
    );
  } else if (datacenter) {
    content = <DatacenterScreen summary={datacenter} onClosed={() => remember('datacenter.current', null)} />;
  } else if (creating === 'tambon') {
    content = <CreateWorkspace onCreated={opened} onBack={() => setCreating(false)} />;
  } else if (creating === 'datacenter') {
    content = <CreateDatacenter onCreated={openedDatacenter} onBack={() => setCreating(false)} />;
  } else {
    content = (
      <StartScreen
        prefs={prefs}
        onCreate={() => setCreating('tambon')}
        onCreateDatacenter={() => setCreating('datacenter')}
        onOpened={opened}
        onOpenedDatacenter={openedDatacenter}
      />
    );
  }

  return (
    <I18nProvider lang={lang}>
      <ToastProvider>
        <FilePickerProvider>
          <div className="app">
            <AppHeader prefs={prefs} onPrefs={(next) => remember('prefs.get', next)} onToggleLanguage={() => void toggleLanguage()} />
            <main className="app-main">{content}</main>
            <ToastArea />
          </div>
        </FilePickerProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
