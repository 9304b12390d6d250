import { useState } from 'react';
import {
  budgetActLabel,
  fundingColumns,
  planYears,
  projectStatuses,
  ratingLevels,
  type FundingColumn,
  type Project,
  type ProjectValues,
} from '../../../shared/domain/forum';
import { fundingColumnTh } from '../../../shared/domain/forumForms';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { TextInput } from '../../components/TextInput';
import { formatCount } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

type Editable = Omit<ProjectValues, 'yearBudgets' | 'funding' | 'votes'> & {
  yearBudgets: Record<string, string>;
  funding: { funderId: string | null; column: FundingColumn; amount: string }[];
  votes: string;
};

const money = (n: number | undefined | null) => (n === undefined || n === null ? '' : String(n));

function toEditable(p: Project): Editable {
  return {
    ...p,
    yearBudgets: Object.fromEntries(Object.entries(p.yearBudgets).map(([y, n]) => [y, money(n)])),
    funding: p.funding.map((l) => ({ ...l, amount: money(l.amount) })),
    votes: money(p.votes),
  };
}

/** A typed amount: whole baht, Thai digits and commas allowed; '' is none; NaN is not a number. */
function amount(text: string): number | null {
  const t = normalizeThaiDigits(text).replace(/[,\s]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

const fieldKeys = [
  'name',
  'workPlan',
  'objective',
  'target',
  'yearBudgets',
  'duration',
  'villageIds',
  'funding',
  'kpi',
  'expectedResult',
  'agency',
  'officeId',
  'pcsRowIds',
  'feasibility',
  'fit',
  'status',
  'forBudgetAct',
  'provincialFlag',
  'votes',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Every field of a project (form ผ.02 and the Chainat table): objective, target, the budget per
 * plan year, duration, villages, sources with amounts per funder, KPI, expected result, the
 * responsible agency, the office whose plan takes it, the problems it answers, feasibility and fit
 * with the tambon's identity and vision, status, the budget act and the provincial flag. Saved
 * with the values it was opened with, so a change another window made meanwhile is not overwritten
 * unless the person chooses to.
 */
export function ProjectDialog(props: { projectId: string; summary: WorkspaceSummary; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const projects = useCall('forum.projects.list', {}).data ?? [];
  const settings = useCall('forum.settings.get', {}).data;
  const villages = useCall('villages.list', {}).data ?? [];
  const project = projects.find((p) => p.id === props.projectId);
  const pcs = useCall('forum.pcs.list', { issueId: project?.issueId ?? '' }, { enabled: Boolean(project) }).data ?? [];
  const [opened, setOpened] = useState<Project | null>(project ?? null);
  const [form, setForm] = useState<Editable | null>(project ? toEditable(project) : null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  // The project loads after the dialog opened (a link from the readiness check).
  if (!opened && project) {
    setOpened(project);
    setForm(toEditable(project));
  }
  if (!project || !opened || !form) {
    return (
      <Modal title={t.forum.projects.editTitle} onClose={props.onClose}>
        <p className="modal-text">{t.app.loading}</p>
      </Modal>
    );
  }
  const years = settings ? planYears(settings.plan) : [];
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setForm({ ...form, [key]: value });
  const act = budgetActLabel(props.summary.office.type);

  /** The typed values, or the first field that is not a number. */
  const values = (): ProjectValues | string => {
    const yearBudgets: Record<string, number> = {};
    for (const [y, text] of Object.entries(form.yearBudgets)) {
      const n = amount(text);
      if (Number.isNaN(n)) return t.forum.projects.notMoney(t.forum.projects.yearLabel(Number(y)));
      if (n !== null) yearBudgets[y] = n;
    }
    const funding = [];
    for (const line of form.funding) {
      const n = amount(line.amount);
      if (Number.isNaN(n)) return t.forum.projects.notMoney(t.forum.projects.amount);
      if (n !== null) funding.push({ funderId: line.funderId, column: line.column, amount: n });
    }
    const votes = amount(form.votes);
    if (Number.isNaN(votes)) return t.forum.projects.notMoney(t.forum.projects.votes);
    return { ...form, yearBudgets, funding, votes };
  };

  const save = async (over: boolean) => {
    const next = values();
    if (typeof next === 'string') return setError(next);
    const from = over ? project : opened;
    const patch: Record<string, unknown> = {};
    const base: Record<string, unknown> = {};
    for (const key of fieldKeys) {
      if (same(next[key], opened[key])) continue;
      patch[key] = next[key];
      base[key] = from[key];
    }
    if (Object.keys(patch).length === 0) return props.onClose();
    setBusy(true);
    const result = await invoke('forum.projects.update', { id: project.id, rev: from.rev, patch, base });
    setBusy(false);
    if (result.ok) return props.onClose();
    setError(errorText(result.error));
    setConflict(result.error.code === 'CONFLICT');
  };

  const reload = () => {
    setOpened(project);
    setForm(toEditable(project));
    setError(null);
    setConflict(false);
  };

  const id = (name: string) => `project-${name}`;
  const text = (key: 'name' | 'workPlan' | 'duration' | 'agency', label: string, max: number) => (
    <div className="field">
      <label htmlFor={id(key)}>{label}</label>
      <TextInput id={id(key)} value={form[key] ?? ''} onChange={(v) => set(key, v)} maxLength={max} autoFocus={key === 'name'} />
    </div>
  );
  const area = (key: 'objective' | 'target' | 'kpi' | 'expectedResult', label: string) => (
    <div className="field">
      <label htmlFor={id(key)}>{label}</label>
      <TextInput id={id(key)} value={form[key] ?? ''} onChange={(v) => set(key, v)} maxLength={4000} rows={2} />
    </div>
  );
  const funders = settings?.funders ?? [];
  const offices = settings?.offices ?? [];
  const total = Object.values(form.yearBudgets).reduce((a, s) => a + (amount(s) || 0), 0);

  return (
    <Modal title={t.forum.projects.editTitle} onClose={() => !busy && props.onClose()} testId="project-dialog" wide>
      <form
        className="form project-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <div className="project-grid">
          {text('name', t.forum.projects.name, 600)}
          {text('workPlan', t.forum.projects.workPlan, 300)}
          {area('objective', t.forum.projects.objective)}
          {area('target', t.forum.projects.target)}
        </div>
        <fieldset className="fieldset">
          <legend>{t.forum.projects.yearBudgets(formatCount(total))}</legend>
          <div className="year-grid">
            {years.map((y) => (
              <div className="field" key={y}>
                <label htmlFor={id(`year-${y}`)}>{t.forum.projects.yearLabel(y)}</label>
                <input
                  id={id(`year-${y}`)}
                  className="input input-number"
                  inputMode="numeric"
                  value={form.yearBudgets[String(y)] ?? ''}
                  onChange={(e) => set('yearBudgets', { ...form.yearBudgets, [String(y)]: e.target.value })}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t.forum.projects.sources}</legend>
          {form.funding.length === 0 && <p className="muted">{t.forum.projects.noSources}</p>}
          {form.funding.map((line, i) => (
            <div className="funding-line" key={i}>
              <select
                className="input"
                aria-label={t.forum.projects.funder}
                value={line.funderId ?? `column:${line.column}`}
                onChange={(e) => {
                  const v = e.target.value;
                  const funder = funders.find((f) => f.id === v);
                  const next = [...form.funding];
                  next[i] = funder ? { ...line, funderId: funder.id, column: funder.column } : { ...line, funderId: null, column: v.slice('column:'.length) as FundingColumn };
                  set('funding', next);
                }}
              >
                {fundingColumns.map((c) => (
                  <option key={c} value={`column:${c}`}>
                    {t.forum.projects.columnOnly(fundingColumnTh[c])}
                  </option>
                ))}
                {funders.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} — {fundingColumnTh[f.column]}
                  </option>
                ))}
              </select>
              <input
                className="input input-number"
                inputMode="numeric"
                aria-label={t.forum.projects.amount}
                value={line.amount}
                onChange={(e) => {
                  const next = [...form.funding];
                  next[i] = { ...line, amount: e.target.value };
                  set('funding', next);
                }}
              />
              <button type="button" className="icon-button icon-button-danger" aria-label={t.forum.projects.removeSource} onClick={() => set('funding', form.funding.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          <div>
            <button type="button" className="button button-small" onClick={() => set('funding', [...form.funding, { funderId: null, column: 'local', amount: '' }])} data-testid="add-source">
              {t.forum.projects.addSource}
            </button>
          </div>
        </fieldset>
        <div className="project-grid">
          {text('duration', t.forum.projects.duration, 300)}
          {text('agency', t.forum.projects.agency, 300)}
          {area('kpi', t.forum.projects.kpi)}
          {area('expectedResult', t.forum.projects.expectedResult)}
        </div>
        <fieldset className="fieldset">
          <legend>{t.forum.projects.villages}</legend>
          <div className="check-grid">
            {villages.map((v) => (
              <label key={v.id} className="choice">
                <input
                  type="checkbox"
                  checked={form.villageIds.includes(v.id)}
                  onChange={(e) => set('villageIds', e.target.checked ? [...form.villageIds, v.id] : form.villageIds.filter((x) => x !== v.id))}
                />
                <span>{t.forum.villages.village(v.moo, v.name)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {pcs.length > 0 && (
          <fieldset className="fieldset">
            <legend>{t.forum.projects.answers}</legend>
            <div className="check-list">
              {pcs.map((row, i) => (
                <label key={row.id} className="choice">
                  <input
                    type="checkbox"
                    checked={form.pcsRowIds.includes(row.id)}
                    onChange={(e) => set('pcsRowIds', e.target.checked ? [...form.pcsRowIds, row.id] : form.pcsRowIds.filter((x) => x !== row.id))}
                  />
                  <span>
                    {i + 1}. {row.problem || t.forum.table.empty}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="project-grid project-grid-4">
          <div className="field">
            <label htmlFor={id('feasibility')}>{t.forum.projects.feasibility}</label>
            <select id={id('feasibility')} className="input" value={form.feasibility ?? ''} onChange={(e) => set('feasibility', (e.target.value || null) as Editable['feasibility'])}>
              <option value="">{t.forum.projects.notJudged}</option>
              {ratingLevels.map((r) => (
                <option key={r} value={r}>
                  {t.forum.projects.ratings[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('fit')}>{t.forum.projects.fit}</label>
            <select id={id('fit')} className="input" value={form.fit ?? ''} onChange={(e) => set('fit', (e.target.value || null) as Editable['fit'])}>
              <option value="">{t.forum.projects.notJudged}</option>
              {ratingLevels.map((r) => (
                <option key={r} value={r}>
                  {t.forum.projects.ratings[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('status')}>{t.forum.projects.status}</label>
            <select id={id('status')} className="input" value={form.status} onChange={(e) => set('status', e.target.value as Editable['status'])}>
              {projectStatuses.map((s) => (
                <option key={s} value={s}>
                  {t.forum.projects.statuses[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('votes')}>{t.forum.projects.votes}</label>
            <input id={id('votes')} className="input input-number" inputMode="numeric" value={form.votes} onChange={(e) => set('votes', e.target.value)} />
          </div>
        </div>
        {offices.length > 1 && (
          <div className="field">
            <label htmlFor={id('office')}>{t.forum.projects.office}</label>
            <select id={id('office')} className="input" value={form.officeId ?? ''} onChange={(e) => set('officeId', e.target.value || null)}>
              <option value="">{t.forum.projects.hostOffice(offices.find((o) => o.isHost)?.name ?? '')}</option>
              {offices
                .filter((o) => !o.isHost)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          </div>
        )}
        <div className="choice-row">
          <label className="choice">
            <input type="checkbox" checked={form.forBudgetAct} onChange={(e) => set('forBudgetAct', e.target.checked)} />
            <span>{t.forum.projects.forBudgetAct(act.th)}</span>
          </label>
          <label className="choice">
            <input type="checkbox" checked={form.provincialFlag} onChange={(e) => set('provincialFlag', e.target.checked)} />
            <span>{t.forum.projects.flagLong}</span>
          </label>
        </div>
        <FormError message={error ?? undefined} testId="project-error" />
        <div className="modal-actions">
          {conflict && (
            <>
              <button type="button" className="button" onClick={reload} data-testid="project-reload">
                {t.forum.projects.reload}
              </button>
              <button type="button" className="button button-danger" onClick={() => void save(true)} data-testid="project-overwrite">
                {t.forum.projects.overwrite}
              </button>
            </>
          )}
          <button type="button" className="button" onClick={props.onClose} disabled={busy}>
            {t.common.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="project-save">
            {t.common.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
