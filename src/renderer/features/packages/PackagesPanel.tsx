import { useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import type { AppError } from '../../../shared/domain/result';
import type { ExportOutcome } from '../../../shared/ipc/packages';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/ToastProvider';
import { sizeParts } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { useFilePicker } from '../workspace/FilePickerProvider';

/** A password field with its label. */
function Secret(props: { id: string; label: string; value: string; onChange: (v: string) => void; hint?: string; autoFocus?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="input"
        type="password"
        autoComplete="off"
        value={props.value}
        maxLength={1024}
        onChange={(e) => props.onChange(e.target.value)}
        data-autofocus={props.autoFocus ? true : undefined}
      />
      {props.hint && <p className="hint">{props.hint}</p>}
    </div>
  );
}

/**
 * ส่งข้อมูล: the tambon's signing key (made, shown with its fingerprint and QR code, the enrollment
 * sheet, backup, rotation), exporting a signed package or a preview, and the export history.
 */
export function PackagesPanel({ summary }: SectionProps) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const enrollment = useCall('packages.enrollment', {});
  const history = useCall('packages.history', {});
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [households, setHouseholds] = useState(false);
  const [remember, setRemember] = useState(false);
  // Only the Electron app can remember the key (the system's secret store); main still refuses where it is not real.
  const inApp = useCall('app.info', {}).data?.transport === 'electron';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | string | null>(null);
  const [last, setLast] = useState<ExportOutcome | null>(null);
  const [rotating, setRotating] = useState(false);
  const key = enrollment.data?.key ?? null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const createKey = () =>
    run(async () => {
      if (pass !== again) return setError(t.packages.passphraseMismatch);
      const result = await change('packages.createKey', { passphrase: pass });
      if (!result.ok) return setError(result.error);
      setPass('');
      setAgain('');
      toast({ message: t.packages.keyCreated, testId: 'toast-packages' });
    });

  const saveTo = (channel: 'packages.saveSheet' | 'packages.exportPublicKey' | 'packages.backupKey', name: string, extension: string) =>
    run(async () => {
      await pickFile(
        'save',
        name,
        async (path) => {
          const result = await change(channel, { path });
          if (!result.ok) return result.error;
          toast({ message: t.packages.saved(result.value.file), testId: 'toast-packages' });
          return null;
        },
        { extensions: [extension] },
      );
    });

  const exportPackage = (preview: boolean) =>
    run(async () => {
      if (!key && !preview && pass !== again) return setError(t.packages.passphraseMismatch);
      const folder = await pickFile('open', undefined, undefined, { extensions: [], folder: true });
      if (!folder) return;
      const result = await change('packages.export', { folder, preview, households, remember: inApp && remember, ...(preview || key?.remembered ? {} : { passphrase: pass }) });
      if (!result.ok) return setError(result.error);
      setLast(result.value);
      if (!preview) {
        setPass('');
        setAgain('');
      }
      toast({ message: preview ? t.packages.previewed(result.value.file) : t.packages.exported(result.value.seq, result.value.file), testId: 'toast-packages' });
    });

  const size = (bytes: number) => {
    const { unit, text } = sizeParts(bytes);
    return t.backups[unit](text);
  };
  const shownError = typeof error === 'string' ? error : error ? errorText(error) : undefined;
  const readonly = summary.readonly;

  return (
    <section aria-labelledby="packages-title" data-testid="packages-panel">
      <h2 id="packages-title" className="panel-title">
        {t.packages.title}
      </h2>
      <p className="lead">{t.packages.intro}</p>

      <div className="card stack">
        <h3 className="card-title">{t.packages.keyTitle}</h3>
        {!key ? (
          <>
            <p>{t.packages.noKey}</p>
            <div className="field-grid">
              <Secret id="key-pass" label={t.packages.passphrase} value={pass} onChange={setPass} hint={t.packages.passphraseHint} />
              <Secret id="key-pass-again" label={t.packages.passphraseAgain} value={again} onChange={setAgain} />
            </div>
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={busy || readonly || !pass} onClick={() => void createKey()} data-testid="key-create">
                {t.packages.createKey}
              </button>
            </div>
          </>
        ) : (
          <div className="key-layout" data-testid="key-card">
            <div className="key-facts">
              <dl className="facts">
                <dt>{t.packages.keyId}</dt>
                <dd className="code" data-testid="key-id">
                  {key.keyId}
                </dd>
                <dt>{t.packages.createdAt}</dt>
                <dd>{date(key.createdAt, true)}</dd>
              </dl>
              <p className="label">{t.packages.fingerprint}</p>
              <p className="fingerprint" data-testid="key-fingerprint">
                {enrollment.data!.fingerprintGroups.map((g, i) => (
                  <span key={i}>{g}</span>
                ))}
              </p>
              {key.remembered && (
                <p className="hint">
                  {t.packages.remembered}{' '}
                  <button type="button" className="button button-small button-quiet" onClick={() => void change('packages.forgetKey', {})}>
                    {t.packages.forget}
                  </button>
                </p>
              )}
              <div className="button-row">
                <button type="button" className="button" disabled={busy} onClick={() => void saveTo('packages.saveSheet', `ใบลงทะเบียนกุญแจ-${summary.tambon.code}.pdf`, 'pdf')} data-testid="key-sheet">
                  {t.packages.saveSheet}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void saveTo('packages.exportPublicKey', `${summary.tambon.code}.pub`, 'pub')}>
                  {t.packages.savePublicKey}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void saveTo('packages.backupKey', `กุญแจ-${summary.tambon.code}.tpkey`, 'tpkey')}>
                  {t.packages.backupKey}
                </button>
                <button type="button" className="button" disabled={busy || readonly} onClick={() => setRotating(true)}>
                  {t.packages.rotateKey}
                </button>
              </div>
            </div>
            {/* The QR code is SVG that main draws from the public key (no script, no external reference). */}
            <div className="key-qr" role="img" aria-label={t.packages.qrLabel} dangerouslySetInnerHTML={{ __html: enrollment.data!.qrSvg }} />
          </div>
        )}
      </div>

      <div className="card stack">
        <h3 className="card-title">{t.packages.exportTitle}</h3>
        <label className="choice">
          <input type="checkbox" checked={households} onChange={(e) => setHouseholds(e.target.checked)} data-testid="export-households" />
          {t.packages.households}
        </label>
        {key && !key.remembered && <Secret id="export-pass" label={t.packages.passphrase} value={pass} onChange={setPass} />}
        {inApp && !key?.remembered && (
          <label className="choice">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t.packages.remember}
          </label>
        )}
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={busy || readonly || (!key?.remembered && !pass)} onClick={() => void exportPackage(false)} data-testid="export-package">
            {busy ? t.common.working : t.packages.export}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void exportPackage(true)} data-testid="export-preview">
            {t.packages.preview}
          </button>
        </div>
        <FormError message={shownError} testId="packages-error" />
        {last && (
          <div className="export-result" data-testid="export-result">
            <p>{last.preview ? t.packages.previewed(last.file) : t.packages.exported(last.seq, last.file)}</p>
            <p className="hint">
              {t.packages.travelled}: {Object.entries(last.tables).map(([name, v]) => `${name} (${formatNumber(v.rows)})`).join(', ')}
            </p>
            <p className="hint">
              {t.packages.keptLocal}: {last.local.join(', ')}
            </p>
          </div>
        )}
      </div>

      <h3 className="section-title">{t.packages.historyTitle}</h3>
      {!history.data?.length ? (
        <p className="empty">{t.packages.historyEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="export-history">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.packages.seq}
                </th>
                <th scope="col">{t.packages.when}</th>
                <th scope="col">{t.packages.hash}</th>
                <th scope="col" className="num">
                  {t.packages.size}
                </th>
                <th scope="col" className="num">
                  {t.packages.rows}
                </th>
                <th scope="col">{t.packages.savedTo}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((h) => (
                <tr key={h.id}>
                  <td className="num">{h.seq}</td>
                  <td className="date">{date(h.createdAt, true)}</td>
                  <td className="code" title={h.sha256}>
                    {h.sha256.slice(0, 12)}…
                  </td>
                  <td className="num">{size(h.bytes)}</td>
                  <td className="num">{formatNumber(Object.values(h.rows).reduce((a, b) => a + b, 0))}</td>
                  <td className="path-cell" title={h.file}>
                    {h.file}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rotating && <RotateDialog tambonCode={summary.tambon.code} onClose={() => setRotating(false)} />}
    </section>
  );
}

/** Rotating the key: the old and the new passphrase, then where the statement goes. */
function RotateDialog(props: { tambonCode: string; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const [oldPass, setOldPass] = useState('');
  const [newPass, setNewPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (newPass !== again) return setError(t.packages.passphraseMismatch);
    setError(null);
    await pickFile(
      'save',
      `เปลี่ยนกุญแจ-${props.tambonCode}.json`,
      async (path) => {
        const result = await change('packages.rotateKey', { oldPassphrase: oldPass, newPassphrase: newPass, path });
        if (!result.ok) {
          setError(errorText(result.error));
          return null;
        }
        toast({ message: t.packages.rotated(result.value.fromSeq), testId: 'toast-packages' });
        props.onClose();
        return null;
      },
      { extensions: ['json'] },
    );
  };
  return (
    <Modal title={t.packages.rotateTitle} onClose={props.onClose} testId="rotate-dialog">
      <p>{t.packages.rotateText}</p>
      <Secret id="rotate-old" label={t.packages.oldPassphrase} value={oldPass} onChange={setOldPass} autoFocus />
      <Secret id="rotate-new" label={t.packages.newPassphrase} value={newPass} onChange={setNewPass} hint={t.packages.passphraseHint} />
      <Secret id="rotate-again" label={t.packages.passphraseAgain} value={again} onChange={setAgain} />
      <FormError message={error ?? undefined} />
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t.common.cancel}
        </button>
        <button type="button" className="button button-primary" disabled={!oldPass || !newPass} onClick={() => void submit()}>
          {t.packages.rotate}
        </button>
      </div>
    </Modal>
  );
}
