import { useState } from 'react';
import { formatFingerprint } from '../../../shared/domain/packages';
import type { AppError } from '../../../shared/domain/result';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useFilePicker } from '../workspace/FilePickerProvider';

/**
 * ทะเบียนกุญแจ: enroll a tambon's key with the fingerprint from its printed sheet; apply a
 * rotation statement once the new fingerprint is confirmed; revoke a key after a seq. Every change
 * is logged with the operator.
 */
export function RegistryPanel({ readonly }: { readonly: boolean }) {
  const { t, date, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const keys = useCall('datacenter.keys', {});
  const [code, setCode] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [pubPath, setPubPath] = useState<string | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [replace, setReplace] = useState(false);
  const [statement, setStatement] = useState<string | null>(null);
  const [newFingerprint, setNewFingerprint] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [rotateError, setRotateError] = useState<AppError | null>(null);
  const [revoking, setRevoking] = useState<{ tambonCode: string } | null>(null);
  const [afterSeq, setAfterSeq] = useState('');

  const enroll = async () => {
    setError(null);
    const result = await change('datacenter.enroll', {
      tambonCode: code.trim(),
      fingerprint,
      replace,
      ...(publicKey.trim() ? { publicKey } : pubPath ? { path: pubPath } : {}),
    });
    if (!result.ok) return setError(result.error);
    toast({ message: t.datacenter.enrolledToast(result.value.tambonCode), testId: 'toast-datacenter' });
    setCode('');
    setPublicKey('');
    setPubPath(null);
    setFingerprint('');
    setReplace(false);
  };

  const rotate = async () => {
    if (!statement) return;
    setRotateError(null);
    const result = await change('datacenter.rotate', { path: statement, fingerprint: newFingerprint });
    if (!result.ok) return setRotateError(result.error);
    toast({ message: t.datacenter.rotatedToast(result.value.tambonCode), testId: 'toast-datacenter' });
    setStatement(null);
    setNewFingerprint('');
  };

  const revoke = async () => {
    if (!revoking) return;
    const result = await change('datacenter.revoke', { tambonCode: revoking.tambonCode, afterSeq: Number(afterSeq) });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-datacenter' });
    toast({ message: t.datacenter.revokedToast(revoking.tambonCode), testId: 'toast-datacenter' });
    setRevoking(null);
  };

  return (
    <section aria-labelledby="dc-registry-title" data-testid="datacenter-registry">
      <h2 id="dc-registry-title" className="panel-title">
        {t.datacenter.tabs.registry}
      </h2>
      {!readonly && (
        <div className="dashboard-grid">
          <div className="card stack">
            <h3 className="card-title">{t.datacenter.enrollTitle}</h3>
            <p className="hint">{t.datacenter.enrollIntro}</p>
            <div className="field">
              <label htmlFor="enroll-code">{t.datacenter.tambonCode}</label>
              <input id="enroll-code" className="input input-code" inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="enroll-key">{t.datacenter.publicKey}</label>
              <textarea id="enroll-key" className="input" rows={2} maxLength={2000} value={publicKey} onChange={(e) => setPublicKey(e.target.value)} />
              <div className="file-row">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void pickFile('open', undefined, undefined, { extensions: ['pub'] }).then((p) => p && setPubPath(p))}
                >
                  {t.datacenter.pickPub}
                </button>
                {pubPath && <span className="file-path">{pubPath}</span>}
              </div>
            </div>
            <div className="field">
              <label htmlFor="enroll-fingerprint">{t.datacenter.fingerprint}</label>
              <input id="enroll-fingerprint" className="input" maxLength={200} value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} autoComplete="off" />
            </div>
            <label className="choice">
              <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
              {t.datacenter.replace}
            </label>
            <FormError message={error ? errorText(error) : undefined} testId="enroll-error" />
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={!code || !fingerprint} onClick={() => void enroll()} data-testid="enroll-submit">
                {t.datacenter.enroll}
              </button>
            </div>
          </div>
          <div className="card stack">
            <h3 className="card-title">{t.datacenter.rotateTitle}</h3>
            <p className="hint">{t.datacenter.rotateIntro}</p>
            <div className="file-row">
              <button type="button" className="button button-small" onClick={() => void pickFile('open', undefined, undefined, { extensions: ['json'] }).then((p) => p && setStatement(p))}>
                {t.datacenter.pickStatement}
              </button>
              {statement && <span className="file-path">{statement}</span>}
            </div>
            <div className="field">
              <label htmlFor="rotate-fingerprint">{t.datacenter.fingerprint}</label>
              <input id="rotate-fingerprint" className="input" maxLength={200} value={newFingerprint} onChange={(e) => setNewFingerprint(e.target.value)} autoComplete="off" />
            </div>
            <FormError message={rotateError ? errorText(rotateError) : undefined} />
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={!statement || !newFingerprint} onClick={() => void rotate()}>
                {t.datacenter.rotate}
              </button>
            </div>
          </div>
        </div>
      )}
      <h3 className="section-title">{t.datacenter.keysTitle}</h3>
      {!keys.data?.length ? (
        <p className="empty">{t.datacenter.keysEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="keys-table">
            <thead>
              <tr>
                <th scope="col">{t.datacenter.tambon}</th>
                <th scope="col">{t.packages.keyId}</th>
                <th scope="col">{t.packages.fingerprint}</th>
                <th scope="col">{t.datacenter.seqWindow}</th>
                <th scope="col">{t.datacenter.at}</th>
                <th scope="col" className="actions" />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td>
                    {k.tambonCode} {k.tambonNameTh}
                  </td>
                  <td className="code">{k.keyId}</td>
                  <td className="code fingerprint-cell">{formatFingerprint(k.fingerprint)}</td>
                  <td>{k.revokedAfterSeq === null ? t.datacenter.seqFrom(k.validFromSeq) : t.datacenter.seqRange(k.validFromSeq, k.revokedAfterSeq)}</td>
                  <td className="date">{date(k.enrolledAt)}</td>
                  <td className="actions">
                    {k.current && !readonly && (
                      <button type="button" className="button button-small button-danger-quiet" onClick={() => setRevoking({ tambonCode: k.tambonCode })}>
                        {t.datacenter.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking && (
        <Modal title={t.datacenter.revokeTitle} onClose={() => setRevoking(null)}>
          <p>{t.datacenter.revokeText(revoking.tambonCode)}</p>
          <div className="field">
            <label htmlFor="revoke-seq">{t.datacenter.afterSeq}</label>
            <input id="revoke-seq" className="input input-number" inputMode="numeric" value={afterSeq} onChange={(e) => setAfterSeq(e.target.value)} data-autofocus />
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setRevoking(null)}>
              {t.common.cancel}
            </button>
            <button type="button" className="button button-danger" disabled={!/^\d+$/.test(afterSeq)} onClick={() => void revoke()}>
              {t.datacenter.revoke}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
