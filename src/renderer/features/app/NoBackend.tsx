import { catalog } from '../../i18n/catalog';

/**
 * The page was opened without a way to reach the app: the browser harness's address without
 * its `#token=…`. Says so in both languages, since the language preference cannot be read.
 */
export function NoBackend() {
  return (
    <main className="page page-narrow" data-testid="no-backend">
      <div className="panel">
        {(['th', 'en'] as const).map((lang) => (
          <section key={lang} lang={lang} className="no-backend">
            <h1 className="page-title">{catalog[lang].app.noBackendTitle}</h1>
            <p>{catalog[lang].app.noBackendText}</p>
          </section>
        ))}
      </div>
    </main>
  );
}
