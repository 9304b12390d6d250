import { datacenterForms, type DatacenterForm, type DatacenterSummary, type View } from '../../../shared/domain/datacenter';
import { change } from '../../api/queries';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useFilePicker } from '../workspace/FilePickerProvider';

/** ส่งออกตารางรวม: the consolidated workbooks, in the view chosen (latest or accepted only). */
export function ExportsPanel({ view, summary }: { view: View; summary: DatacenterSummary }) {
  const { t } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const save = async (form: DatacenterForm) => {
    await pickFile(
      'save',
      `${form}-${summary.area.code}.xlsx`,
      async (path) => {
        const result = await change('datacenter.exportXlsx', { form, path, view });
        if (!result.ok) return result.error;
        toast({ message: t.datacenter.exportedToast(result.value.file, result.value.rows), testId: 'toast-datacenter' });
        return null;
      },
      { extensions: ['xlsx'] },
    );
  };
  return (
    <section aria-labelledby="dc-exports-title" data-testid="datacenter-exports">
      <h2 id="dc-exports-title" className="panel-title">
        {t.datacenter.tabs.exports}
      </h2>
      <p className="lead">{t.datacenter.exportsIntro}</p>
      <ul className="form-list">
        {datacenterForms.map((form) => (
          <li key={form} className="card form-card">
            <span>{t.datacenter.forms[form]}</span>
            <button type="button" className="button" onClick={() => void save(form)} data-testid={`export-${form}`}>
              {t.datacenter.save}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
