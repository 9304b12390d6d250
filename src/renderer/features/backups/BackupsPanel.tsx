import { useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import { formatNumber } from '../../../shared/domain/fields';
import type { BackupInfo } from '../../../shared/domain/workspace';
import { change, useCall } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { sizeParts } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';

/**
 * สำรองข้อมูล: the automatic backups, a backup now, and restore (which backs up the current state
 * first). Each row says when to the second, why, how many villages it holds and how many changes
 * were made since, so backups taken close together can be told apart.
 */
export function BackupsPanel({ summary }: SectionProps) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const list = useCall('backups.list', {});
  const backups = list.data ?? null;
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backupNow = async () => {
    setBusy(true);
    setError(null);
    const result = await change('backups.create', {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    toast({ message: t.backups.created, testId: 'toast-backup' });
  };

  const restore = async (backup: BackupInfo): Promise<AppError | void> => {
    const result = await change('backups.restore', { file: backup.file });
    if (!result.ok) return result.error;
    setRestoring(null);
    toast({ message: t.backups.restored(date(backup.createdAt, true)), testId: 'toast-backup' });
  };

  const size = (bytes: number) => {
    const { unit, text } = sizeParts(bytes);
    return t.backups[unit](text);
  };
  const changes = (n: number | null) => (n === null ? t.backups.unknown : n === 0 ? t.backups.noChanges : t.backups.changes(formatNumber(n)));
  const shown = list.error?.error ?? error;

  return (
    <section aria-labelledby="backups-title" data-testid="backups-panel">
      <div className="panel-heading">
        <h2 id="backups-title" className="panel-title">
          {t.backups.title}
        </h2>
        {!summary.readonly && (
          <button type="button" className="button button-primary" onClick={() => void backupNow()} disabled={busy} data-testid="backup-now">
            {busy ? t.common.working : t.backups.createNow}
          </button>
        )}
      </div>
      <p className="lead">{t.backups.intro}</p>
      <FormError message={shown ? errorText(shown) : undefined} />
      {backups &&
        (backups.length === 0 ? (
          <p className="empty">{t.backups.empty}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="backups-table">
              <thead>
                <tr>
                  <th scope="col">{t.backups.createdAt}</th>
                  <th scope="col">{t.backups.reason}</th>
                  <th scope="col" className="num">
                    {t.backups.villages}
                  </th>
                  <th scope="col" className="num">
                    {t.backups.changesSince}
                  </th>
                  <th scope="col" className="num">
                    {t.backups.size}
                  </th>
                  {!summary.readonly && (
                    <th scope="col" className="actions">
                      {t.backups.actions}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.file} data-testid="backup-row">
                    <td className="date">{date(b.createdAt, true, true)}</td>
                    <td>{t.backups.reasons[b.reason]}</td>
                    <td className="num">{b.villages === null ? t.backups.unknown : formatNumber(b.villages)}</td>
                    <td className="num" data-testid="backup-changes">
                      {changes(b.changesSince)}
                    </td>
                    <td className="num">{size(b.bytes)}</td>
                    {!summary.readonly && (
                      <td className="actions">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setRestoring(b)}
                          aria-label={t.backups.restoreLabel(date(b.createdAt, true, true))}
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
          message={t.backups.confirmRestore(
            date(restoring.createdAt, true, true),
            restoring.changesSince ? t.backups.confirmRestoreChanges(formatNumber(restoring.changesSince)) : '',
          )}
          confirmLabel={t.backups.confirmRestoreButton}
          onConfirm={() => restore(restoring)}
          onCancel={() => setRestoring(null)}
          testId="backup-restore-dialog"
        />
      )}
    </section>
  );
}
