import { useState } from 'react';
import { benefitTypes, dueDateBE, formatBaht, parseDueDateBE, type RegisterSettings } from '../../../shared/domain/registers';
import type { AppError } from '../../../shared/domain/result';
import type { RegistersView } from '../../../shared/ipc/registers';
import { change } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { RegisterTable, typedValues, type FieldSpec } from './RegisterTable';

type Fund = RegistersView['welfareFunds'][number];

/**
 * One welfare fund: its years with the members' contributions (typed, or estimated from members ×
 * monthly contribution × 12) and the shares due from the อบต. and the provincial social
 * development office under the office's matching rule; its activity plan under the six headings
 * with due dates in พ.ศ.; and the rule and headings themselves.
 */
export function FundDetail(props: { fund: Fund; settings: RegisterSettings; readonly: boolean }) {
  const { t, lang } = useI18n();
  const r = t.registers;
  const f = r.fields;
  const { fund } = props;
  const benefitLabel = (k: (typeof benefitTypes.keys)[number]) => (lang === 'th' ? benefitTypes.labels[k].th : benefitTypes.labels[k].en);

  const yearFields: FieldSpec[] = [
    { key: 'year', label: f.year, type: 'number', required: true },
    { key: 'members', label: f.members, type: 'number' },
    { key: 'contributions', label: f.contributions, type: 'number' },
    ...benefitTypes.keys.map((k): FieldSpec => ({ key: `benefit-${k}`, label: benefitLabel(k), type: 'number' })),
  ];
  const saveYear = async (_id: string | undefined, values: Record<string, unknown>): Promise<AppError | null> => {
    const benefits = Object.fromEntries(benefitTypes.keys.flatMap((k) => (values[`benefit-${k}`] === null ? [] : [[k, values[`benefit-${k}`]]])));
    const result = await change('registers.fundYears.save', { values: { fundId: fund.id, year: values.year, members: values.members, contributions: values.contributions, benefits } as never });
    return result.ok ? null : result.error;
  };

  const planFields: FieldSpec[] = [
    { key: 'heading', label: f.heading, type: 'select', required: true, options: props.settings.planHeadings.map((h, i) => ({ value: String(i + 1), label: `${i + 1}. ${h}` })) },
    { key: 'activity', label: f.activity, type: 'text', required: true, maxLength: 1000 },
    { key: 'dueDate', label: f.dueDate, type: 'text', maxLength: 12 },
  ];
  const savePlan = async (id: string | undefined, values: Record<string, unknown>): Promise<AppError | null> => {
    const due = parseDueDateBE(typeof values.dueDate === 'string' ? values.dueDate : '');
    if (due === undefined) return { code: 'VALIDATION', messageTh: t.registers.badDate, messageEn: t.registers.badDate, field: 'dueDate' };
    const existing = fund.plan.find((p) => p.id === id);
    const result = await change('registers.planItems.save', {
      ...(id ? { id } : {}),
      values: { fundId: fund.id, heading: Number(values.heading), activity: values.activity as string, dueDate: due, done: existing?.done ?? false },
    });
    return result.ok ? null : result.error;
  };

  return (
    <section className="card fund-detail" aria-labelledby="fund-detail-title" data-testid="fund-detail">
      <h3 id="fund-detail-title" className="card-title">
        {r.fundDetailTitle(fund.name)}
      </h3>
      <RegisterTable
        id="years"
        title={r.years}
        register="fund-years"
        fields={yearFields}
        columns={[f.year, f.members, f.contributions, r.lao, r.province, r.benefitsTotal]}
        rows={fund.years.map((y) => ({
          id: y.id,
          label: String(y.year),
          cells: [
            String(y.year),
            y.members === null ? '' : String(y.members),
            y.figures.contributions === null ? '' : (
              <span title={y.figures.estimated ? r.estimated : undefined}>
                {formatBaht(y.figures.contributions)}
                {y.figures.estimated ? ' *' : ''}
              </span>
            ),
            y.figures.shares ? `${formatBaht(y.figures.shares.lao)}${y.figures.shares.capped.lao ? ` (${r.capped})` : ''}` : '',
            y.figures.shares ? `${formatBaht(y.figures.shares.province)}${y.figures.shares.capped.province ? ` (${r.capped})` : ''}` : '',
            formatBaht(y.figures.benefitsTotal),
          ],
          values: {
            year: String(y.year),
            members: y.members === null ? '' : String(y.members),
            contributions: y.contributions === null ? '' : String(y.contributions),
            ...Object.fromEntries(benefitTypes.keys.map((k) => [`benefit-${k}`, y.benefits[k] === undefined ? '' : String(y.benefits[k])])),
          },
        }))}
        readonly={props.readonly}
        save={saveYear}
      />
      {fund.years.some((y) => y.figures.estimated) && <p className="hint">* {r.estimated}</p>}
      <RegisterTable
        id="plan"
        title={r.plan}
        register="plan-items"
        fields={planFields}
        columns={[f.heading, f.activity, f.dueDate, f.done]}
        rows={[...fund.plan]
          .sort((a, b) => a.heading - b.heading)
          .map((p) => ({
            id: p.id,
            label: p.activity,
            cells: [
              `${p.heading}. ${props.settings.planHeadings[p.heading - 1] ?? ''}`,
              p.activity,
              dueDateBE(p.dueDate),
              <input
                key="done"
                type="checkbox"
                checked={p.done}
                disabled={props.readonly}
                aria-label={`${f.done}: ${p.activity}`}
                onChange={(e) => void change('registers.planItems.save', { id: p.id, values: { fundId: fund.id, heading: p.heading, activity: p.activity, dueDate: p.dueDate, done: e.target.checked } })}
              />,
            ],
            values: { heading: String(p.heading), activity: p.activity, dueDate: dueDateBE(p.dueDate) },
          }))}
        readonly={props.readonly}
        save={savePlan}
      />
      {!props.readonly && <RuleEditor settings={props.settings} />}
    </section>
  );
}

/** The matching rule (rate and cap for each party) and the plan's six headings. */
function RuleEditor(props: { settings: RegisterSettings }) {
  const { t, errorText } = useI18n();
  const r = t.registers;
  const toast = useToast();
  const rule = props.settings.matchingRule;
  const [values, setValues] = useState<Record<string, string>>({
    laoRate: String(rule.lao.perBaht),
    laoCap: rule.lao.capBaht === null ? '' : String(rule.lao.capBaht),
    provinceRate: String(rule.province.perBaht),
    provinceCap: rule.province.capBaht === null ? '' : String(rule.province.capBaht),
    ...Object.fromEntries(props.settings.planHeadings.map((h, i) => [`heading${i + 1}`, h])),
  });
  const [error, setError] = useState<string | undefined>();
  const numbers: FieldSpec[] = (['laoRate', 'laoCap', 'provinceRate', 'provinceCap'] as const).map((key) => ({ key, label: r[key], type: 'number' }));

  const save = async () => {
    const n = typedValues(numbers, values);
    const result = await change('registers.settings.save', {
      settings: {
        ...props.settings,
        matchingRule: { lao: { perBaht: n.laoRate, capBaht: n.laoCap }, province: { perBaht: n.provinceRate, capBaht: n.provinceCap } } as never,
        planHeadings: props.settings.planHeadings.map((_, i) => values[`heading${i + 1}`] ?? ''),
      },
    });
    if (!result.ok) return setError(errorText(result.error));
    setError(undefined);
    toast({ message: r.saved, testId: 'toast-register' });
  };

  return (
    <form
      className="register rule-editor"
      aria-labelledby="rule-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="rule-title" className="register-title">
        {r.rule}
      </h3>
      <p className="hint">{r.ruleHint}</p>
      <div className="register-fields">
        {numbers.map((field) => (
          <div className="field" key={field.key}>
            <label htmlFor={`rule-${field.key}`}>{field.label}</label>
            <TextInput id={`rule-${field.key}`} value={values[field.key] ?? ''} onChange={(v) => setValues({ ...values, [field.key]: v })} maxLength={14} inputMode="decimal" />
          </div>
        ))}
      </div>
      <div className="register-fields register-headings">
        {props.settings.planHeadings.map((_, i) => (
          <div className="field" key={i}>
            <label htmlFor={`rule-heading${i + 1}`}>{r.headingN(i + 1)}</label>
            <TextInput id={`rule-heading${i + 1}`} value={values[`heading${i + 1}`] ?? ''} onChange={(v) => setValues({ ...values, [`heading${i + 1}`]: v })} maxLength={120} />
          </div>
        ))}
      </div>
      <FormError message={error} testId="rule-error" />
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="rule-save">
          {r.saveRule}
        </button>
      </div>
    </form>
  );
}
