import { useState } from 'react';
import { formatDateInputBE, howModes, parseDateBE, type VillageItem } from '../../../shared/domain/forum';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { FieldError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { villageItemActions } from './api';
import { EditableTable, type Column } from './EditableTable';
import { ExportButton } from './ExportButton';
import { ProjectorBar } from './ProjectorBar';
import { useLinkedChoice, useProjector } from './useProjector';

/**
 * แผนชุมชนหมู่บ้าน: each village's plan before the forum — revised this cycle or not (and when),
 * its problems and needs in the village's order of priority, and its project ideas with how they
 * would be done and an estimated budget. The Excel template exported here lets village leaders
 * fill their plan offline.
 */
export function VillagePlansPanel({ summary, target }: SectionProps) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const villages = useCall('villages.list', {}).data ?? [];
  const data = useCall('forum.villagePlans.list', {}).data;
  const projector = useProjector();
  const [villageId, chooseVillage] = useLinkedChoice(projector, 'village', 'villageId', target?.villageId ?? villages[0]?.id ?? null);
  const [dateText, setDateText] = useState<{ villageId: string; text: string } | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  // The tick shows at once; the stored value catches up a moment later.
  const [ticked, setTicked] = useState<{ villageId: string; revised: boolean } | null>(null);
  const readonly = summary.readonly;
  const village = villages.find((v) => v.id === villageId) ?? villages[0];

  if (villages.length === 0) {
    return (
      <section aria-labelledby="village-plans-title" data-testid="village-plans-panel">
        <h2 id="village-plans-title" className="panel-title">
          {t.forum.villagePlans.title}
        </h2>
        <p className="empty">{t.forum.villagePlans.noVillages}</p>
      </section>
    );
  }
  const plan = data?.plans.find((p) => p.villageId === village!.id);
  const items = (data?.items ?? []).filter((i) => i.villageId === village!.id);
  const dateValue = dateText?.villageId === village!.id ? dateText.text : formatDateInputBE(plan?.revisedOn ?? null);

  const setPlan = async (revised: boolean, revisedOn: string | null) => {
    setTicked({ villageId: village!.id, revised });
    const result = await invoke('forum.villagePlans.set', { villageId: village!.id, revised, revisedOn });
    if (!result.ok) {
      setTicked(null);
      toast({ message: errorText(result.error), kind: 'error', testId: 'toast-forum' });
    }
  };
  const revisedShown = ticked?.villageId === village!.id && ticked.revised !== plan?.revised ? ticked.revised : (plan?.revised ?? false);
  const saveDate = () => {
    if (dateText === null) return;
    const iso = dateText.text.trim() === '' ? null : parseDateBE(dateText.text);
    if (dateText.text.trim() !== '' && !iso) return setDateError(t.forum.dateInvalid);
    setDateError(null);
    setDateText(null);
    // A date typed means the plan was revised then.
    void setPlan(iso !== null || (plan?.revised ?? false), iso);
  };

  const problemColumns: Column<VillageItem>[] = [
    { key: 'text', label: t.forum.villagePlans.problem, kind: 'text', value: (i) => i.text, className: 'col-problem', max: 1000 },
  ];
  const projectColumns: Column<VillageItem>[] = [
    { key: 'text', label: t.forum.villagePlans.idea, kind: 'text', value: (i) => i.text, className: 'col-problem', max: 1000 },
    {
      key: 'how',
      label: t.forum.villagePlans.how,
      kind: 'select',
      value: (i) => i.how,
      className: 'col-how',
      options: [{ value: '', label: '—' }, ...howModes.map((m) => ({ value: m, label: t.forum.villagePlans.hows[m] }))],
    },
    { key: 'estimatedBudget', label: t.forum.villagePlans.budget, kind: 'number', value: (i) => i.estimatedBudget, className: 'col-money' },
  ];

  return (
    <section aria-labelledby="village-plans-title" data-testid="village-plans-panel">
      <div className="panel-heading">
        <h2 id="village-plans-title" className="panel-title">
          {t.forum.villagePlans.title}
        </h2>
        <ExportButton form="village-plans" label={t.forum.villagePlans.exportTemplate} />
      </div>
      <p className="lead">{t.forum.villagePlans.intro}</p>
      <div className="village-chips" role="tablist" aria-label={t.forum.villagePlans.villages}>
        {villages.map((v) => {
          const revised = data?.plans.find((p) => p.villageId === v.id)?.revised;
          const count = (data?.items ?? []).filter((i) => i.villageId === v.id).length;
          return (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={v.id === village!.id}
              className="village-chip"
              onClick={() => chooseVillage(v.id)}
              data-testid={`village-chip-${v.moo}`}
            >
              <span className="village-chip-name">{t.forum.villages.village(v.moo, v.name)}</span>
              <span className={revised ? 'village-chip-note village-chip-ok' : 'village-chip-note'}>
                {revised ? t.forum.villagePlans.revisedShort : t.forum.villagePlans.notRevisedShort} · {t.forum.villagePlans.itemCount(count)}
              </span>
            </button>
          );
        })}
      </div>
      <ProjectorBar view="village" villageId={village!.id} />
      <div className="plan-status card">
        <label className="choice">
          <input
            type="checkbox"
            checked={revisedShown}
            disabled={readonly}
            onChange={(e) => void setPlan(e.target.checked, plan?.revisedOn ?? null)}
            data-testid="plan-revised"
          />
          <span>{t.forum.villagePlans.revised}</span>
        </label>
        <div className="field field-inline">
          <label htmlFor="plan-revised-on">{t.forum.villagePlans.revisedOn}</label>
          <input
            id="plan-revised-on"
            className="input input-date"
            value={dateValue}
            placeholder={t.forum.datePlaceholder}
            disabled={readonly}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'plan-revised-on-error' : undefined}
            onChange={(e) => setDateText({ villageId: village!.id, text: e.target.value })}
            onBlur={saveDate}
            onKeyDown={(e) => e.key === 'Enter' && saveDate()}
          />
          <FieldError id="plan-revised-on-error" message={dateError ?? undefined} />
        </div>
      </div>
      <h3 className="card-title">{t.forum.villagePlans.problems}</h3>
      <EditableTable
        scope={`village:${village!.id}:problem`}
        rows={items.filter((i) => i.kind === 'problem')}
        columns={problemColumns}
        actions={villageItemActions(village!.id, 'problem')}
        numbered
        numberLabel={t.forum.villagePlans.priority}
        readonly={readonly}
        emptyText={t.forum.villagePlans.noProblems}
        addLabel={t.forum.villagePlans.addProblem}
        testId="village-problems"
      />
      <h3 className="card-title">{t.forum.villagePlans.ideas}</h3>
      <EditableTable
        scope={`village:${village!.id}:project`}
        rows={items.filter((i) => i.kind === 'project')}
        columns={projectColumns}
        actions={villageItemActions(village!.id, 'project')}
        numbered
        numberLabel={t.forum.villagePlans.priority}
        readonly={readonly}
        emptyText={t.forum.villagePlans.noIdeas}
        addLabel={t.forum.villagePlans.addIdea}
        testId="village-ideas"
      />
    </section>
  );
}
