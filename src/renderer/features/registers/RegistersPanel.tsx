import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import {
  facilitatorSectors,
  formatBaht,
  leaderRoles,
  maxLeadersPerVillage,
  organisationKinds,
  welfareTiers,
  workingGroupPositions,
} from '../../../shared/domain/registers';
import type { RegistersView } from '../../../shared/ipc/registers';
import { invoke } from '../../api/client';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { dataFiles, useFilePicker } from '../workspace/FilePickerProvider';
import { AssessmentDialog } from './AssessmentDialog';
import { FundDetail } from './FundDetail';
import { RegisterTable, useUndoDelete, type DeletedRow, type FieldSpec } from './RegisterTable';

/** Whether a key press belongs to a text field (whose own Ctrl+Z undoes typing). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const tabs = ['people', 'leaders', 'centres', 'funds', 'organisations'] as const;
type Tab = (typeof tabs)[number];

const str = (v: number | null) => (v === null ? '' : String(v));
const num = (v: number | null) => (v === null ? '' : formatNumber(v));

/**
 * ทะเบียนบุคคลและองค์กร: one tab per register (the working group and facilitators, the village
 * leaders with their self-assessment, learning centres, welfare funds with the shares due and the
 * activity plan, organisations and savings groups), each with its add form and table; ←/→ move
 * between the tabs. The registers' workbook is exported from here.
 */
export function RegistersPanel({ summary }: SectionProps) {
  const { t, lang, errorText } = useI18n();
  const r = t.registers;
  const f = r.fields;
  const toast = useToast();
  const pickFile = useFilePicker();
  const data = useCall('registers.get', {});
  const villagesCall = useCall('villages.list', {});
  const [tab, setTab] = useState<Tab>('people');
  const [assessing, setAssessing] = useState<RegistersView['leaders'][number] | null>(null);
  const [fundId, setFundId] = useState<string | null>(null);
  const view = data.data;
  /** Rows deleted this session, newest last: Ctrl+Z brings back the last one. */
  const deletedRows = useRef<DeletedRow[]>([]);
  const undoDelete = useUndoDelete();
  const onDeleted = (deleted: DeletedRow) => void deletedRows.current.push(deleted);
  const undo = (deleted: DeletedRow) => {
    deletedRows.current = deletedRows.current.filter((d) => d.id !== deleted.id);
    return undoDelete(deleted);
  };
  useEffect(() => {
    if (summary.readonly) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const last = deletedRows.current.pop();
      if (!last) return;
      event.preventDefault();
      void undoDelete(last);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [summary.readonly, undoDelete]);
  const villages = villagesCall.data ?? [];
  const readonly = summary.readonly;
  const label = (l: { th: string; en: string }) => (lang === 'th' ? l.th : l.en);
  /** A village in a table cell: its หมู่ and its name each kept whole (Thai names are not broken mid-word). */
  const villageName = (id: string | null) => {
    if (id === null) return r.wholeTambon;
    const v = villages.find((x) => x.id === id);
    return v ? (
      <>
        <span className="register-nowrap">{r.moo(v.moo)}</span> <span className="register-nowrap">{v.name}</span>
      </>
    ) : (
      ''
    );
  };
  const villageOptions = (optional: boolean) => [...(optional ? [{ value: '', label: r.wholeTambon }] : []), ...villages.map((v) => ({ value: v.id, label: `${r.moo(v.moo)} ${v.name}` }))];
  const optionsOf = <K extends string>(list: { keys: readonly K[]; labels: Record<K, { th: string; en: string }> }) => list.keys.map((k) => ({ value: k, label: label(list.labels[k]) }));

  const saver =
    <C extends 'registers.workingGroup.save' | 'registers.leaders.save' | 'registers.learningCentres.save' | 'registers.welfareFunds.save' | 'registers.organisations.save'>(channel: C, extra: Record<string, unknown> = {}) =>
    async (id: string | undefined, values: Record<string, unknown>) => {
      const result = await change(channel, { ...(id ? { id } : {}), values: { ...values, ...extra } } as never);
      return result.ok ? null : result.error;
    };

  const exportXlsx = async () => {
    const outcome: { path?: string } = {};
    await pickFile(
      'save',
      `${r.fileName}.xlsx`,
      async (path) => {
        const result = await invoke('registers.export.xlsx', { path });
        if (!result.ok) return result.error;
        outcome.path = result.value.path;
        return null;
      },
      dataFiles.form,
    );
    if (outcome.path) toast({ message: r.exported(outcome.path), testId: 'toast-register' });
  };

  const personFields = (kind: 'member' | 'facilitator'): FieldSpec[] => [
    { key: 'name', label: f.name, type: 'text', required: true },
    kind === 'member'
      ? { key: 'position', label: f.position, type: 'select', required: true, options: optionsOf(workingGroupPositions) }
      : { key: 'sector', label: f.sector, type: 'select', required: true, options: optionsOf(facilitatorSectors) },
    { key: 'organisation', label: f.organisation, type: 'text' },
    { key: 'phone', label: f.phone, type: 'text', maxLength: 40 },
  ];
  const people = (kind: 'member' | 'facilitator') =>
    (view?.workingGroup ?? [])
      .filter((p) => p.kind === kind)
      .map((p) => ({
        id: p.id,
        label: p.name,
        cells: [p.name, kind === 'member' ? (p.position ? label(workingGroupPositions.labels[p.position]) : '') : p.sector ? label(facilitatorSectors.labels[p.sector]) : '', p.organisation ?? '', p.phone ?? ''],
        values: { name: p.name, position: p.position ?? '', sector: p.sector ?? '', organisation: p.organisation ?? '', phone: p.phone ?? '' },
      }));

  const onKeyTabs = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    setTab(next);
    document.getElementById(`registers-tab-${next}`)?.focus();
  };

  const fund = view?.welfareFunds.find((x) => x.id === fundId) ?? null;

  return (
    <section aria-labelledby="registers-heading" data-testid="registers-panel" className="registers">
      <div className="panel-heading">
        <h2 id="registers-heading" className="panel-title" tabIndex={-1}>
          {r.title}
        </h2>
        <button type="button" className="button" onClick={() => void exportXlsx()} data-testid="registers-export">
          {r.export}
        </button>
      </div>
      <p className="lead">{r.intro}</p>
      <FormError message={data.error ? errorText(data.error.error) : undefined} />
      <div className="tabs" role="tablist" aria-label={r.tabsLabel} onKeyDown={onKeyTabs}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`registers-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="registers-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            className="tab"
            onClick={() => setTab(id)}
            data-testid={`registers-tab-${id}`}
          >
            {r.tabs[id]}
          </button>
        ))}
      </div>
      {view && (
        <div id="registers-tabpanel" role="tabpanel" aria-labelledby={`registers-tab-${tab}`}>
          {tab === 'people' && (
            <>
              <RegisterTable
                id="wg"
                title={r.workingGroup}
                hint={r.workingGroupHint}
                register="working-group"
                fields={personFields('member')}
                columns={[f.name, f.position, f.organisation, f.phone]}
                rows={people('member')}
                readonly={readonly}
                onDeleted={onDeleted}
                undo={undo}
                save={saver('registers.workingGroup.save', { kind: 'member' })}
              />
              <RegisterTable
                id="fac"
                title={r.facilitators}
                register="working-group"
                fields={personFields('facilitator')}
                columns={[f.name, f.sector, f.organisation, f.phone]}
                rows={people('facilitator')}
                readonly={readonly}
                onDeleted={onDeleted}
                undo={undo}
                save={saver('registers.workingGroup.save', { kind: 'facilitator' })}
              />
            </>
          )}
          {tab === 'leaders' && (
            <RegisterTable
              id="leaders"
              title={r.tabs.leaders}
              register="leaders"
              aside={
                <p className="register-counts" data-testid="leaders-counts">
                  {villages.map((v) => r.leadersCount(v.moo, view.leaders.filter((l) => l.villageId === v.id).length, maxLeadersPerVillage)).join(' · ')}
                </p>
              }
              fields={[
                { key: 'villageId', label: f.village, type: 'select', required: true, options: villageOptions(false) },
                { key: 'name', label: f.name, type: 'text', required: true },
                { key: 'role', label: f.role, type: 'select', required: true, options: optionsOf(leaderRoles) },
                { key: 'training', label: f.training, type: 'text', maxLength: 1000 },
                { key: 'successor', label: f.successor, type: 'text' },
                { key: 'phone', label: f.phone, type: 'text', maxLength: 40 },
              ]}
              columns={[f.village, f.name, f.role, f.training, f.successor]}
              rows={[...view.leaders]
                .sort((a, b) => (villages.find((v) => v.id === a.villageId)?.moo ?? 0) - (villages.find((v) => v.id === b.villageId)?.moo ?? 0))
                .map((l) => ({
                  id: l.id,
                  label: l.name,
                  cells: [villageName(l.villageId), l.name, label(leaderRoles.labels[l.role]), l.training ?? '', l.successor ?? ''],
                  values: { villageId: l.villageId, name: l.name, role: l.role, training: l.training ?? '', successor: l.successor ?? '', phone: l.phone ?? '' },
                }))}
              readonly={readonly}
                onDeleted={onDeleted}
                undo={undo}
              save={async (id, values) => {
                const existing = view.leaders.find((l) => l.id === id);
                return saver('registers.leaders.save', { selfAssessment: existing?.selfAssessment ?? {} })(id, values);
              }}
              extra={(row) => (
                <button type="button" className="button button-small" aria-label={r.assessmentLabel(row.label)} onClick={() => setAssessing(view.leaders.find((l) => l.id === row.id) ?? null)} data-testid="leader-assessment">
                  {r.assessment}
                </button>
              )}
            />
          )}
          {tab === 'centres' && (
            <RegisterTable
              id="centres"
              title={r.tabs.centres}
              register="learning-centres"
              fields={[
                { key: 'name', label: f.centreName, type: 'text', required: true },
                { key: 'villageId', label: f.village, type: 'select', options: villageOptions(true) },
                { key: 'activities', label: f.activities, type: 'text', maxLength: 1000 },
                { key: 'peopleServed', label: f.peopleServed, type: 'number' },
              ]}
              columns={[f.centreName, f.village, f.activities, f.peopleServed]}
              rows={view.learningCentres.map((c) => ({
                id: c.id,
                label: c.name,
                cells: [c.name, villageName(c.villageId), c.activities ?? '', num(c.peopleServed)],
                values: { name: c.name, villageId: c.villageId ?? '', activities: c.activities ?? '', peopleServed: str(c.peopleServed) },
              }))}
              readonly={readonly}
                onDeleted={onDeleted}
                undo={undo}
              save={saver('registers.learningCentres.save')}
            />
          )}
          {tab === 'funds' && (
            <>
              <RegisterTable
                id="funds"
                title={r.tabs.funds}
                register="welfare-funds"
                fields={[
                  { key: 'name', label: f.fundName, type: 'text', required: true },
                  { key: 'villageId', label: f.village, type: 'select', options: villageOptions(true) },
                  { key: 'tier', label: f.tier, type: 'select', required: true, options: optionsOf(welfareTiers) },
                  { key: 'startYear', label: f.startYear, type: 'number' },
                  { key: 'members', label: f.members, type: 'number' },
                  { key: 'monthlyContribution', label: f.monthlyContribution, type: 'number' },
                ]}
                columns={[f.fundName, f.village, f.tier, f.members, r.lao, r.province]}
                rows={view.welfareFunds.map((x) => {
                  const last = x.years.at(-1)?.figures;
                  return {
                    id: x.id,
                    label: x.name,
                    cells: [
                      x.name,
                      villageName(x.villageId),
                      x.startYear === null ? label(welfareTiers.labels[x.tier]) : `${label(welfareTiers.labels[x.tier])} (${x.startYear})`,
                      num(x.members),
                      last?.shares ? `${formatBaht(last.shares.lao)} (${last.year})` : '',
                      last?.shares ? `${formatBaht(last.shares.province)} (${last.year})` : '',
                    ],
                    values: { name: x.name, villageId: x.villageId ?? '', tier: x.tier, startYear: str(x.startYear), members: str(x.members), monthlyContribution: str(x.monthlyContribution) },
                  };
                })}
                readonly={readonly}
                onDeleted={onDeleted}
                undo={undo}
                save={saver('registers.welfareFunds.save')}
                extra={(row) => (
                  <button type="button" className="button button-small" aria-label={r.detailsLabel(row.label)} aria-pressed={fundId === row.id} onClick={() => setFundId(fundId === row.id ? null : row.id)} data-testid="fund-details">
                    {r.details}
                  </button>
                )}
              />
              {fund && <FundDetail fund={fund} settings={view.settings} readonly={readonly} />}
            </>
          )}
          {tab === 'organisations' && (
            <RegisterTable
              id="orgs"
              title={r.tabs.organisations}
              register="organisations"
              fields={[
                { key: 'name', label: f.organisationName, type: 'text', required: true },
                { key: 'villageId', label: f.village, type: 'select', options: villageOptions(true) },
                { key: 'kind', label: f.kind, type: 'select', required: true, options: optionsOf(organisationKinds) },
                { key: 'members', label: f.members, type: 'number' },
                { key: 'capital', label: f.capital, type: 'number' },
              ]}
              columns={[f.organisationName, f.village, f.kind, f.members, f.capital]}
              rows={view.organisations.map((o) => ({
                id: o.id,
                label: o.name,
                cells: [o.name, villageName(o.villageId), label(organisationKinds.labels[o.kind]), num(o.members), o.capital === null ? '' : formatBaht(o.capital)],
                values: { name: o.name, villageId: o.villageId ?? '', kind: o.kind, members: str(o.members), capital: str(o.capital) },
              }))}
              readonly={readonly}
                onDeleted={onDeleted}
                undo={undo}
              save={saver('registers.organisations.save')}
            />
          )}
        </div>
      )}
      {assessing && view && <AssessmentDialog leader={assessing} topics={view.settings.assessmentTopics} onClose={() => setAssessing(null)} />}
    </section>
  );
}
