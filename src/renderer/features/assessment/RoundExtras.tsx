import { useState } from 'react';
import type { RoundDetail } from '../../../shared/ipc/assessment';
import { change, useCall } from '../../api/queries';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** A round's participants (names stay local) and the evidence items it rests on. */
export function RoundExtras({ detail, readonly }: { detail: RoundDetail; readonly: boolean }) {
  const { t, errorText } = useI18n();
  const p = t.assessment.participants;
  const e = t.assessment.evidence;
  const toast = useToast();
  const items = useCall('evidence.items', {});
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [itemId, setItemId] = useState('');
  const [notes, setNotes] = useState<string | null>(null);
  const roundId = detail.round.id;
  const saveNotes = async () => {
    if (notes === null || notes === (detail.round.notes ?? '')) return setNotes(null);
    const { round } = detail;
    if (report(await change('assessment.updateRound', { id: roundId, label: round.label, roundDate: round.roundDate, notes }))) setNotes(null);
  };
  const report = (result: { ok: boolean; error?: Parameters<typeof errorText>[0] }) => {
    if (!result.ok && result.error) toast({ message: errorText(result.error), kind: 'error', testId: 'toast-assessment' });
    return result.ok;
  };
  const add = async () => {
    if (report(await change('assessment.addParticipant', { roundId, name, role: role.trim() === '' ? null : role, villageId: null }))) {
      setName('');
      setRole('');
    }
  };
  const linkable = (items.data ?? []).filter((i) => !detail.evidence.some((x) => x.evidenceItemId === i.id));
  return (
    <div className="round-extras">
      <section className="card round-notes" aria-labelledby="round-notes">
        <h3 id="round-notes" className="card-title">
          {t.assessment.rounds.notes}
        </h3>
        <textarea
          className="input"
          aria-labelledby="round-notes"
          rows={3}
          maxLength={4000}
          readOnly={readonly}
          value={notes ?? detail.round.notes ?? ''}
          onChange={(ev) => setNotes(ev.target.value)}
          onBlur={() => void saveNotes()}
          data-testid="round-notes"
        />
      </section>
      <section className="card" aria-labelledby="round-participants">
        <h3 id="round-participants" className="card-title">
          {p.title} ({detail.participants.length})
        </h3>
        <p className="muted">{p.note}</p>
        {detail.participants.length === 0 ? (
          <p className="empty">{p.none}</p>
        ) : (
          <ul className="plain-list" data-testid="round-participants-list">
            {detail.participants.map((x) => (
              <li key={x.id}>
                {x.name}
                {x.role ? ` (${x.role})` : ''}
                {!readonly && (
                  <button type="button" className="button button-small button-danger-quiet" aria-label={p.removeLabel(x.name)} onClick={() => void change('assessment.removeParticipant', { id: x.id }).then(report)}>
                    {p.remove}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readonly && (
          <form
            className="inline-form"
            onSubmit={(ev) => {
              ev.preventDefault();
              void add();
            }}
          >
            <input className="input" aria-label={p.name} placeholder={p.name} value={name} maxLength={200} onChange={(ev) => setName(ev.target.value)} data-testid="participant-name" />
            <input className="input" aria-label={p.role} placeholder={p.role} value={role} maxLength={100} onChange={(ev) => setRole(ev.target.value)} />
            <button type="submit" className="button button-small" disabled={name.trim() === ''} data-testid="participant-add">
              {p.add}
            </button>
          </form>
        )}
      </section>
      <section className="card" aria-labelledby="round-evidence">
        <h3 id="round-evidence" className="card-title">
          {e.title}
        </h3>
        {detail.evidence.length === 0 ? (
          <p className="empty">{e.none}</p>
        ) : (
          <ul className="plain-list" data-testid="round-evidence-list">
            {detail.evidence.map((x) => (
              <li key={x.id}>
                {x.title}
                {x.valueText ? ` — ${x.valueText}` : ''} {x.live ? '' : e.gone}
                {!readonly && (
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => void change('assessment.unlinkEvidence', { id: x.id }).then(report)}>
                    {e.unlink}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readonly &&
          (linkable.length === 0 ? (
            <p className="muted">{(items.data ?? []).length === 0 ? e.noItems : ''}</p>
          ) : (
            <form
              className="inline-form"
              onSubmit={(ev) => {
                ev.preventDefault();
                if (itemId) void change('assessment.linkEvidence', { roundId, evidenceItemId: itemId }).then(report);
                setItemId('');
              }}
            >
              <select className="input" aria-label={e.choose} value={itemId} onChange={(ev) => setItemId(ev.target.value)} data-testid="evidence-choose">
                <option value="">{e.choose}</option>
                {linkable.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title} — {i.valueText}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button-small" disabled={itemId === ''}>
                {e.link}
              </button>
            </form>
          ))}
      </section>
    </div>
  );
}
