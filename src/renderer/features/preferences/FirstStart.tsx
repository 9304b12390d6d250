import type { Preferences } from '../../../shared/domain/workspace';
import { useI18n } from '../../i18n/I18nProvider';
import { OperatorForm } from './OperatorForm';

/** First start: who is at the keyboard. */
export function FirstStart({ onSaved }: { onSaved: (prefs: Preferences) => void }) {
  const { t } = useI18n();
  return (
    <section className="page page-narrow" aria-labelledby="first-start-title" data-testid="first-start">
      <div className="panel">
        <h1 id="first-start-title" className="page-title">
          {t.operator.welcomeTitle}
        </h1>
        <p className="lead">{t.operator.welcomeText}</p>
        <OperatorForm initial="" submitLabel={t.operator.save} onSaved={onSaved} />
      </div>
    </section>
  );
}
