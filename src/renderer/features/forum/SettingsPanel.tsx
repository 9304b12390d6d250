import { useState } from 'react';
import { fundingColumns, voteMethods, type Funder, type PlanSettings } from '../../../shared/domain/forum';
import { fundingColumnTh } from '../../../shared/domain/forumForms';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { funderActions } from './api';
import { EditableTable, type Column } from './EditableTable';

/**
 * ตั้งค่าแผน: the plan the projects go into (its name, revision and year span: 3 years for a
 * community plan, 5 for a local development plan), how votes are counted, the funders and the
 * source column each maps to, and the tambon's second office when it has an อบต. and a เทศบาล.
 */
export function SettingsPanel({ summary }: SectionProps) {
  const { t } = useI18n();
  const settings = useCall('forum.settings.get', {}).data;
  if (!settings) return <p className="muted">{t.app.loading}</p>;
  return (
    <section aria-labelledby="settings-title" data-testid="settings-panel">
      <h2 id="settings-title" className="panel-title">
        {t.forum.settings.title}
      </h2>
      <p className="lead">{t.forum.settings.intro}</p>
      <PlanForm key={JSON.stringify(settings.plan)} plan={settings.plan} readonly={summary.readonly} />
      <Funders funders={settings.funders} readonly={summary.readonly} />
      <Offices offices={settings.offices} readonly={summary.readonly} />
    </section>
  );
}

function PlanForm({ plan, readonly }: { plan: PlanSettings; readonly: boolean }) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const [form, setForm] = useState({ ...plan, firstYear: String(plan.firstYear), yearCount: String(plan.yearCount), planRevision: plan.planRevision ?? '' });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const firstYear = Number(normalizeThaiDigits(form.firstYear.trim()));
    const yearCount = Number(normalizeThaiDigits(form.yearCount.trim()));
    const result = await invoke('forum.settings.save', { ...form, planRevision: form.planRevision || null, firstYear, yearCount });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    toast({ message: t.forum.settings.saved, testId: 'toast-forum' });
  };
  const last = Number(normalizeThaiDigits(form.firstYear)) + Number(normalizeThaiDigits(form.yearCount)) - 1;
  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="card-title">{t.forum.settings.plan}</h3>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor="plan-name">{t.forum.settings.planName}</label>
          <TextInput id="plan-name" value={form.planName} onChange={(v) => setForm({ ...form, planName: v })} maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor="plan-revision">{t.forum.settings.planRevision}</label>
          <TextInput id="plan-revision" value={form.planRevision} onChange={(v) => setForm({ ...form, planRevision: v })} maxLength={300} placeholder={t.forum.settings.revisionHint} />
        </div>
        <div className="field">
          <label htmlFor="plan-first">{t.forum.settings.firstYear}</label>
          <input id="plan-first" className="input input-number" inputMode="numeric" value={form.firstYear} onChange={(e) => setForm({ ...form, firstYear: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="plan-span">{t.forum.settings.yearCount}</label>
          <select id="plan-span" className="input" value={form.yearCount} onChange={(e) => setForm({ ...form, yearCount: e.target.value })}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
              <option key={n} value={String(n)}>
                {t.forum.settings.years(n)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plan-votes">{t.forum.settings.voteMethod}</label>
          <select id="plan-votes" className="input" value={form.voteMethod} onChange={(e) => setForm({ ...form, voteMethod: e.target.value as PlanSettings['voteMethod'] })}>
            {voteMethods.map((m) => (
              <option key={m} value={m}>
                {t.forum.settings.voteMethods[m]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {Number.isFinite(last) && <p className="hint">{t.forum.settings.span(Number(normalizeThaiDigits(form.firstYear)), last)}</p>}
      <FormError message={error ?? undefined} />
      {!readonly && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="plan-save">
            {t.common.save}
          </button>
        </div>
      )}
    </form>
  );
}

function Funders({ funders, readonly }: { funders: readonly Funder[]; readonly: boolean }) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const [name, setName] = useState('');
  const [column, setColumn] = useState<Funder['column']>('agency');
  const columns: Column<Funder>[] = [
    { key: 'name', label: t.forum.settings.funderName, kind: 'text', value: (f) => f.name, max: 200 },
    {
      key: 'column',
      label: t.forum.settings.funderColumn,
      kind: 'select',
      value: (f) => f.column,
      className: 'col-column',
      options: fundingColumns.map((c) => ({ value: c, label: fundingColumnTh[c] })),
    },
  ];
  const add = async () => {
    const result = await invoke('forum.funders.add', { name, column });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-forum' });
    setName('');
  };
  return (
    <div className="card">
      <div className="panel-heading">
        <h3 className="card-title">{t.forum.settings.funders}</h3>
        {!readonly && (
          <button type="button" className="button button-small" onClick={() => void invoke('forum.funders.addCommon', {})} data-testid="funders-common">
            {t.forum.settings.addCommon}
          </button>
        )}
      </div>
      <p className="hint">{t.forum.settings.fundersIntro}</p>
      {!readonly && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <TextInput id="funder-name" value={name} onChange={setName} maxLength={200} placeholder={t.forum.settings.funderName} />
          <select className="input" aria-label={t.forum.settings.funderColumn} value={column} onChange={(e) => setColumn(e.target.value as Funder['column'])}>
            {fundingColumns.map((c) => (
              <option key={c} value={c}>
                {fundingColumnTh[c]}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={!name.trim()}>
            {t.forum.settings.addFunder}
          </button>
        </form>
      )}
      <EditableTable scope="funders" rows={funders} columns={columns} actions={funderActions()} readonly={readonly} emptyText={t.forum.settings.noFunders} addLabel="" />
    </div>
  );
}

function Offices({ offices, readonly }: { offices: readonly { id: string; rev: number; type: 'sao' | 'tambon-municipality'; name: string; isHost: boolean }[]; readonly: boolean }) {
  const { t, errorText } = useI18n();
  const [name, setName] = useState('');
  const [type, setType] = useState<'sao' | 'tambon-municipality'>('tambon-municipality');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const result = await invoke('forum.offices.add', { name, type });
    if (!result.ok) return setError(errorText(result.error));
    setName('');
    setError(null);
  };
  return (
    <div className="card">
      <h3 className="card-title">{t.forum.settings.offices}</h3>
      <p className="hint">{t.forum.settings.officesIntro}</p>
      <ul className="office-list">
        {offices.map((o) => (
          <li key={o.id}>
            <span>{o.name}</span>
            <span className="muted">{o.isHost ? t.forum.settings.host : t.forum.settings.officeTypes[o.type]}</span>
            {!o.isHost && !readonly && (
              <button type="button" className="button button-small button-danger-quiet" onClick={() => void invoke('forum.offices.delete', { id: o.id }).then((r) => setError(r.ok ? null : errorText(r.error)))}>
                {t.forum.settings.removeOffice}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readonly && offices.length < 3 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <select className="input" aria-label={t.forum.settings.officeType} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="sao">{t.forum.settings.officeTypes.sao}</option>
            <option value="tambon-municipality">{t.forum.settings.officeTypes['tambon-municipality']}</option>
          </select>
          <TextInput id="office-name" value={name} onChange={setName} maxLength={300} placeholder={t.forum.settings.officeName} />
          <button type="submit" className="button" disabled={!name.trim()}>
            {t.forum.settings.addOffice}
          </button>
        </form>
      )}
      <FormError message={error ?? undefined} />
    </div>
  );
}
