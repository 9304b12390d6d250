import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../shared/domain/result';
import type { Preferences, WorkspaceSummary } from '../shared/domain/workspace';
import { invoke, onEvent } from './api/client';
import { AppHeader } from './components/AppHeader';
import { FormError } from './components/FieldError';
import { ToastProvider } from './components/ToastProvider';
import { FilePickerProvider } from './features/files/FilePickerProvider';
import { FirstStart } from './features/operator/FirstStart';
import { StartScreen } from './features/start/StartScreen';
import { CreateWorkspace } from './features/workspace/CreateWorkspace';
import { WorkspaceScreen } from './features/workspace/WorkspaceScreen';
import { catalog } from './i18n/catalog';
import { I18nProvider } from './i18n/I18nProvider';

/**
 * The app shell: preferences (operator, language, recent files) and which screen shows —
 * first start, the start screen, create, or the open workspace.
 */
export function App() {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [summary, setSummary] = useState<WorkspaceSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const lang = prefs?.language ?? 'th';

  const reloadPrefs = useCallback(async () => {
    try {
      const result = await invoke('prefs.get', {});
      if (result.ok) setPrefs(result.value);
      else setLoadError(result.error);
    } catch (error) {
      // No preload API and no harness token: the page was opened the wrong way.
      const detail = (error as Error).message;
      setLoadError({ code: 'INTERNAL', messageTh: `${catalog.th.app.backendError} (${detail})`, messageEn: `${catalog.en.app.backendError} (${detail})` });
    }
  }, []);

  useEffect(() => {
    void (async () => {
      await reloadPrefs();
      try {
        const current = await invoke('workspace.current', {});
        if (current.ok) setSummary(current.value);
      } catch {
        // Already reported by reloadPrefs.
      }
    })();
  }, [reloadPrefs]);

  // Something in main changed the open workspace: show its new state.
  useEffect(
    () =>
      onEvent('workspace.changed', () => {
        void invoke('workspace.current', {}).then((r) => r.ok && setSummary(r.value));
      }),
    [],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${catalog[lang].app.name} — ${catalog[lang].app.tagline}`;
  }, [lang]);

  const toggleLanguage = async () => {
    if (!prefs) return;
    const next = lang === 'th' ? 'en' : 'th';
    setPrefs({ ...prefs, language: next });
    const result = await invoke('prefs.set', { language: next });
    if (result.ok) setPrefs(result.value);
  };

  const opened = (next: WorkspaceSummary) => {
    setCreating(false);
    setSummary(next);
  };

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
    content = <FirstStart onSaved={setPrefs} />;
  } else if (summary) {
    content = (
      <WorkspaceScreen
        summary={summary}
        generation={generation}
        onSummary={(next, replaced) => {
          setSummary(next);
          if (replaced) setGeneration((g) => g + 1);
        }}
        onClosed={(thenCreate) => {
          setSummary(null);
          setCreating(thenCreate === true);
          void reloadPrefs();
        }}
      />
    );
  } else if (creating) {
    content = <CreateWorkspace onCreated={opened} onBack={() => setCreating(false)} />;
  } else {
    content = <StartScreen prefs={prefs} onCreate={() => setCreating(true)} onOpened={opened} />;
  }

  return (
    <I18nProvider lang={lang}>
      <ToastProvider>
        <FilePickerProvider>
          <div className="app">
            <AppHeader prefs={prefs} onPrefs={setPrefs} onToggleLanguage={() => void toggleLanguage()} />
            <main className="app-main">{content}</main>
          </div>
        </FilePickerProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
