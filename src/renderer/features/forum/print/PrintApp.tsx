import { useEffect } from 'react';
import { followChanges } from '../../../api/queries';
import { I18nProvider } from '../../../i18n/I18nProvider';
import { PrintDocument, printForms, type PrintForm } from './PrintDocument';

/**
 * A page that is only a print document (`?view=print&form=pcs`): what Electron's printToPDF and
 * the command line's Chromium render to PDF once the print port is merged, and what the browser
 * suite prints with page.pdf today. `data-ready` is set once the data and the fonts are in.
 */
export function PrintApp() {
  useEffect(() => followChanges(), []);
  const asked = new URLSearchParams(window.location.search).get('form');
  const form: PrintForm = printForms.includes(asked as PrintForm) ? (asked as PrintForm) : 'pcs';
  useEffect(() => {
    document.documentElement.lang = 'th';
    document.documentElement.classList.add('print-only');
  }, []);
  return (
    <I18nProvider lang="th">
      <main className="print-app">
        <PrintDocument form={form} />
      </main>
    </I18nProvider>
  );
}
