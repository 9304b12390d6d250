import { useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useFilePicker } from '../workspace/FilePickerProvider';

/**
 * A button that saves a report file: the one file dialog (`dialog.pickPath` with the purpose
 * `report`, the in-page prompt in the harness) names the file, `save` writes it, and a refusal (a
 * file open in Excel or a PDF reader, no Chromium to print with) is said where the name was typed.
 */
export function SaveButton(props: {
  label: string;
  format: 'xlsx' | 'pdf' | 'docx';
  fileName: string;
  save: (path: string) => Promise<{ ok: true; path: string } | { ok: false; error: AppError }>;
  testId: string;
  primary?: boolean;
  small?: boolean;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    let saved: string | null = null;
    await pickFile(
      'save',
      `${props.fileName}.${props.format}`,
      async (path) => {
        const result = await props.save(path);
        if (!result.ok) return result.error;
        saved = result.path;
        return null;
      },
      { extensions: [props.format], purpose: 'report' },
    );
    setBusy(false);
    if (saved) toast({ message: t.reports.exported(saved), testId: 'toast-report' });
  };
  const classes = ['button', props.primary ? 'button-primary' : '', props.small ? 'button-small' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} disabled={busy} onClick={() => void run()} data-testid={props.testId}>
      {busy ? t.common.working : props.label}
    </button>
  );
}
