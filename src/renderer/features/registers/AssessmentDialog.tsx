import { useState } from 'react';
import { assessmentScale, type AssessmentTopic, type SelfAssessment } from '../../../shared/domain/registers';
import type { RegistersView } from '../../../shared/ipc/registers';
import { change } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

const levels = Array.from({ length: assessmentScale.max - assessmentScale.min + 1 }, (_, i) => assessmentScale.min + i);

/** A leader's self-assessment (ตารางอิสรภาพ): per topic, where I am and where I aim, 1–5, chosen from the keyboard. */
export function AssessmentDialog(props: { leader: RegistersView['leaders'][number]; topics: readonly AssessmentTopic[]; onClose: () => void }) {
  const { t, lang, errorText } = useI18n();
  const r = t.registers;
  const toast = useToast();
  const [table, setTable] = useState<SelfAssessment>(props.leader.selfAssessment as SelfAssessment);
  const [error, setError] = useState<string | undefined>();
  const l = props.leader;

  const set = (key: string, part: 'now' | 'aim', text: string) => {
    const current = table[key] ?? { now: null, aim: null };
    setTable({ ...table, [key]: { ...current, [part]: text === '' ? null : Number(text) } });
  };

  const save = async () => {
    const result = await change('registers.leaders.save', {
      id: l.id,
      values: { villageId: l.villageId, name: l.name, role: l.role, phone: l.phone, training: l.training, successor: l.successor, selfAssessment: table },
    });
    if (!result.ok) return setError(errorText(result.error));
    toast({ message: r.saved, testId: 'toast-register' });
    props.onClose();
  };

  return (
    <Modal title={r.assessmentTitle(l.name)} onClose={props.onClose} testId="assessment-dialog">
      <p className="hint">{r.assessmentIntro(assessmentScale.min, assessmentScale.max)}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{r.topic}</th>
              <th scope="col">{r.now}</th>
              <th scope="col">{r.aim}</th>
            </tr>
          </thead>
          <tbody>
            {props.topics.map((topic, i) => (
              <tr key={topic.key}>
                <th scope="row">{lang === 'th' ? topic.th : topic.en}</th>
                {(['now', 'aim'] as const).map((part) => (
                  <td key={part}>
                    <select
                      className="input"
                      aria-label={`${lang === 'th' ? topic.th : topic.en}: ${part === 'now' ? r.now : r.aim}`}
                      value={table[topic.key]?.[part] ?? ''}
                      onChange={(e) => set(topic.key, part, e.target.value)}
                      data-autofocus={i === 0 && part === 'now' ? true : undefined}
                      data-testid={`assessment-${topic.key}-${part}`}
                    >
                      <option value="">{r.notSaid}</option>
                      {levels.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormError message={error} />
      <div className="button-row modal-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} data-testid="assessment-save">
          {r.save}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {r.cancel}
        </button>
      </div>
    </Modal>
  );
}
