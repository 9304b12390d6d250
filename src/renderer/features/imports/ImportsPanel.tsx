import { useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import type { ImportRecordView } from '../../../shared/ipc/imports';
import { change, useCall } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { dataFiles, useFilePicker } from '../workspace/FilePickerProvider';
import { ImportWizard } from './ImportWizard';

/**
 * นำเข้าข้อมูล: the import wizard, and the history of imports — each with its counts, who and
 * when, its report of rejected rows, and undo as a whole.
 */
export function ImportsPanel({ summary, navigate }: SectionProps) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const list = useCall('imports.list', {});
  const [wizard, setWizard] = useState(false);
  const [undoing, setUndoing] = useState<ImportRecordView | null>(null);

  if (wizard) return <ImportWizard onClose={() => setWizard(false)} onShowEvidence={() => navigate('evidence')} />;

  const undo = async (record: ImportRecordView) => {
    const result = await change('imports.undo', { id: record.id });
    if (!result.ok) return result.error;
    setUndoing(null);
    toast({ message: t.imports.undone(record.fileName), testId: 'toast-import' });
  };

  const report = async (record: ImportRecordView) => {
    await pickFile('save', t.imports.wizard.reportName(record.fileName), async (path) => {
      const result = await change('imports.saveReport', { source: { importId: record.id }, path });
      if (!result.ok) return result.error;
      toast({ message: t.imports.reportSaved(result.value.path, formatNumber(result.value.problems)), testId: 'toast-import' });
      return null;
    }, dataFiles.report);
  };

  const imports = list.data ?? null;
  return (
    <section aria-labelledby="imports-title" data-testid="imports-panel">
      <div className="panel-heading">
        <h2 id="imports-title" className="panel-title" tabIndex={-1}>
          {t.imports.title}
        </h2>
        {!summary.readonly && (
          <button type="button" className="button button-primary" onClick={() => setWizard(true)} data-testid="import-start">
            {t.imports.start}
          </button>
        )}
      </div>
      <p className="lead">{t.imports.intro}</p>
      <h3 className="section-title section-title-tight">{t.imports.history}</h3>
      <FormError message={list.error ? errorText(list.error.error) : undefined} />
      {imports &&
        (imports.length === 0 ? (
          <p className="empty" data-testid="imports-empty">
            {t.imports.empty}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table imports-table" data-testid="imports-table">
              <thead>
                <tr>
                  <th scope="col" className="col-when">
                    {t.imports.columns.when}
                  </th>
                  <th scope="col">{t.imports.columns.file}</th>
                  <th scope="col" className="num">
                    {t.imports.columns.year}
                  </th>
                  <th scope="col" className="num">
                    {t.imports.columns.imported}
                  </th>
                  <th scope="col" className="num">
                    {t.imports.columns.rejected}
                  </th>
                  <th scope="col">{t.imports.columns.status}</th>
                  <th scope="col" className="actions">
                    {t.imports.columns.actions}
                  </th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} data-testid="import-row" data-status={i.status}>
                    <td className="date col-when">
                      {date(i.importedAt, true)}
                      {i.operator && <span className="cell-sub">{i.operator}</span>}
                    </td>
                    <td className="col-file">
                      <span className="cell-main">{i.fileName}</span>
                      <span className="cell-sub">{i.tableName ?? t.imports.kinds[i.kind]}</span>
                    </td>
                    <td className="num">{i.surveyYear ?? ''}</td>
                    <td className="num">{formatNumber(i.rows.imported)}</td>
                    <td className="num">{formatNumber(i.rows.rejected)}</td>
                    <td>{t.imports.status[i.status]}</td>
                    <td className="actions">
                      {i.rows.rejected > 0 && (
                        <button type="button" className="button button-small" onClick={() => void report(i)} aria-label={t.imports.reportLabel(i.fileName)}>
                          {t.imports.report}
                        </button>
                      )}
                      {i.status === 'active' && !summary.readonly && (
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          onClick={() => setUndoing(i)}
                          aria-label={t.imports.undoLabel(i.fileName)}
                          data-testid="import-undo"
                        >
                          {t.imports.undo}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {undoing && (
        <ConfirmDialog
          title={t.imports.undoTitle}
          message={t.imports.undoConfirm(undoing.fileName, formatNumber(undoing.rows.imported))}
          confirmLabel={t.imports.undo}
          danger
          onConfirm={() => undo(undoing)}
          onCancel={() => setUndoing(null)}
          testId="import-undo-dialog"
        />
      )}
    </section>
  );
}
