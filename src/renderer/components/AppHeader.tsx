import { useState } from 'react';
import type { Preferences } from '../../shared/domain/workspace';
import { OperatorDialog } from '../features/preferences/OperatorDialog';
import { useI18n } from '../i18n/I18nProvider';

/** The top bar: the app's name, who is at the keyboard, and the language switch. */
export function AppHeader(props: { prefs: Preferences | null; onPrefs: (prefs: Preferences) => void; onToggleLanguage: () => void }) {
  const { t, lang } = useI18n();
  const [changing, setChanging] = useState(false);
  const operator = props.prefs?.operatorName;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t.app.name}</span>
        <span className="brand-tagline">{t.app.tagline}</span>
      </div>
      <div className="header-tools">
        {operator && (
          <div className="operator" data-testid="operator">
            <span className="operator-label">{t.header.operator}</span>
            <span className="operator-name" data-testid="operator-name">
              {operator}
            </span>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => setChanging(true)}
              aria-label={t.header.changeOperatorLabel(operator)}
            >
              {t.header.changeOperator}
            </button>
          </div>
        )}
        <button
          type="button"
          className="button button-quiet button-small lang-toggle"
          onClick={props.onToggleLanguage}
          aria-label={t.header.switchLanguageLabel}
          data-testid="language-toggle"
          lang={lang === 'th' ? 'en' : 'th'}
        >
          {t.header.switchLanguage}
        </button>
      </div>
      {changing && operator && (
        <OperatorDialog
          initial={operator}
          onClose={() => setChanging(false)}
          onSaved={(prefs) => {
            props.onPrefs(prefs);
            setChanging(false);
          }}
        />
      )}
    </header>
  );
}
