import { useState } from 'react';
import type { ExportForm } from '../../../shared/ipc/forum';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { dataFiles, useFilePicker, type OtherPath } from '../workspace/FilePickerProvider';
import { drafts } from './drafts';

/** The save dialog's filter for each format (both titled as a form). */
const pickerOf = {
  xlsx: dataFiles.form,
  pdf: { extensions: ['pdf'], purpose: 'form' },
} as const satisfies Record<'xlsx' | 'pdf', OtherPath>;

/**
 * Exports one of the forum's forms as an Excel workbook or (`format="pdf"`) a PDF printed from
 * the same workbook: every cell still being typed is saved first; for the plan tables the
 * readiness check runs first and, when something is missing, the person chooses to go on or to
 * look; then a save dialog (the in-page prompt in the harness) names the file, and a refusal (a
 * file open in Excel or a PDF reader, no Chromium to print with) is said where the name was typed.
 */
export function ExportButton(props: {
  form: ExportForm;
  label: string;
  format?: 'xlsx' | 'pdf';
  checkReadiness?: boolean;
  onReview?: () => void;
  primary?: boolean;
}) {
  const format = props.format ?? 'xlsx';
  const { t, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const [missing, setMissing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setMissing(null);
    setBusy(true);
    await drafts.flushAll();
    const outcome: { path?: string } = {};
    await pickFile(
      'save',
      `${t.forum.exports.fileNames[props.form]}.${format}`,
      async (path) => {
        const result = await invoke(format === 'pdf' ? 'forum.export.pdf' : 'forum.export.xlsx', { form: props.form, path });
        if (!result.ok) return result.error;
        outcome.path = result.value.path;
        return null;
      },
      pickerOf[format],
    );
    setBusy(false);
    if (outcome.path) toast({ message: t.forum.exports.done(outcome.path), testId: 'toast-export' });
  };

  const start = async () => {
    if (!props.checkReadiness) return run();
    const result = await invoke('forum.readiness', {});
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-export' });
    if (result.value.missing > 0) setMissing(result.value.missing);
    else await run();
  };

  return (
    <>
      <button
        type="button"
        className={props.primary ? 'button button-primary' : 'button'}
        onClick={() => void start()}
        disabled={busy}
        data-testid={format === 'pdf' ? `export-${props.form}-pdf` : `export-${props.form}`}
      >
        {busy ? t.common.working : props.label}
      </button>
      {missing !== null && (
        <ConfirmDialog
          title={t.forum.exports.notReadyTitle}
          message={t.forum.exports.notReady(missing)}
          confirmLabel={t.forum.exports.exportAnyway}
          onConfirm={async () => {
            await run();
          }}
          onCancel={() => {
            setMissing(null);
            props.onReview?.();
          }}
          testId="export-not-ready"
        />
      )}
    </>
  );
}
