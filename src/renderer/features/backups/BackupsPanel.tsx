import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import type { BackupInfo, WorkspaceSummary } from '../../../shared/domain/workspace';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { sizeParts } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

/** สำรองข้อมูล: the automatic backups, a backup now, and restore (which backs up the current state first). */
export function BackupsPanel(props: { readonly: boolean; onRestored: (summary: WorkspaceSummary) => void }) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const refresh = useCallback(async () => {
    const result = await invoke('backups.list', {});
    if (!result.ok) return setError(result.error);
    setBackups(result.value);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const backupNow = async () => {
    setBusy(true);
    setError(null);
    const result = await invoke('backups.create', {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    toast({ message: t.backups.created, testId: 'toast-backup' });
    await refresh();
  };

  const restore = async (backup: BackupInfo): Promise<AppError | void> => {
    const result = await invoke('backups.restore', { file: backup.file });
    if (!result.ok) return result.error;
    setRestoring(null);
    toast({ message: t.backups.restored(date(backup.createdAt, true)), testId: 'toast-backup' });
    props.onRestored(result.value);
  };

  const size = (bytes: number) => {
    const { unit, text } = sizeParts(bytes);
    return t.backups[unit](text);
  };

  return (
    <section aria-labelledby="backups-title" data-testid="backups-panel">
      <div className="panel-heading">
        <h2 id="backups-title" className="panel-title">
          {t.backups.title}
        </h2>
        <button type="button" className="button button-primary" onClick={() => void backupNow()} disabled={busy} data-testid="backup-now">
          {busy ? t.common.working : t.backups.createNow}
        </button>
      </div>
      <p className="lead">{t.backups.intro}</p>
      <FormError message={error ? errorText(error) : undefined} />
      {backups &&
        (backups.length === 0 ? (
          <p className="empty">{t.backups.empty}</p>
        ) : (
          <div className="table-wrap table-wrap-narrow">
            <table className="table" data-testid="backups-table">
              <thead>
                <tr>
                  <th scope="col">{t.backups.createdAt}</th>
                  <th scope="col">{t.backups.reason}</th>
                  <th scope="col" className="num">
                    {t.backups.size}
                  </th>
                  {!props.readonly && (
                    <th scope="col" className="actions">
                      {t.backups.actions}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.file} data-testid="backup-row">
                    <td className="date">{date(b.createdAt, true)}</td>
                    <td>{t.backups.reasons[b.reason] ?? b.reason}</td>
                    <td className="num">{size(b.bytes)}</td>
                    {!props.readonly && (
                      <td className="actions">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setRestoring(b)}
                          aria-label={t.backups.restoreLabel(date(b.createdAt, true))}
                          data-testid="backup-restore"
                        >
                          {t.backups.restore}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {restoring && (
        <ConfirmDialog
          title={t.backups.confirmRestoreTitle}
          message={t.backups.confirmRestore(date(restoring.createdAt, true))}
          confirmLabel={t.backups.confirmRestoreButton}
          onConfirm={() => restore(restoring)}
          onCancel={() => setRestoring(null)}
          testId="backup-restore-dialog"
        />
      )}
    </section>
  );
}
