import { useMemo, useState } from 'react';
import { gradeCounts, type Framework } from '../../../shared/domain/assessment';
import { formatDateInputBE, parseDateBE } from '../../../shared/domain/forum';
import type { ComparisonView, GradesView, RoundView } from '../../../shared/ipc/assessment';
import { change, useCall } from '../../api/queries';
import { barChart } from '../../components/charts/barChart';
import { ChartCard } from '../../components/charts/ChartCard';
import { chartColors } from '../../components/charts/chartSetup';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { dataFiles, useFilePicker } from '../workspace/FilePickerProvider';
import { RoundExtras } from './RoundExtras';
import { ScoreGrid } from './ScoreGrid';

const tabs = ['rounds', 'compare', 'summary', 'framework'] as const;
type Tab = (typeof tabs)[number];

/**
 * ประเมินศักยภาพชุมชน — self-assessment of community potential (ชุมชนอินทรีย์อยู่ดีมีสุข): rounds
 * and their score grid, the comparison of rounds per village, the grades of every unit per
 * round, and the framework (the shipped one marked as a starting point the province adjusts).
 */
export function AssessmentPanel({ summary, navigate }: SectionProps) {
  const { t } = useI18n();
  const a = t.assessment;
  const [tab, setTab] = useState<Tab>('rounds');
  const framework = useCall('assessment.framework', {});
  return (
    <section aria-labelledby="assessment-title" data-testid="assessment-panel">
      <div className="panel-heading">
        <h2 id="assessment-title" className="panel-title" tabIndex={-1}>
          {a.title}
        </h2>
      </div>
      <p className="lead">{a.intro}</p>
      {framework.data && (
        <p className={`banner ${framework.data.shipped ? 'banner-warning' : ''}`} data-testid="assessment-starting-point">
          {framework.data.shipped ? a.startingPoint : a.ownFramework(framework.data.framework.id)}
          {framework.data.orphaned.length > 0 && <> · {a.orphaned(framework.data.orphaned.join(', '))}</>}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label={a.tabsLabel}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`assessment-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="assessment-tabpanel"
            className="tab"
            onClick={() => setTab(id)}
            data-testid={`assessment-tab-${id}`}
          >
            {a.tabs[id]}
          </button>
        ))}
      </div>
      <div id="assessment-tabpanel" role="tabpanel" aria-labelledby={`assessment-tab-${tab}`} className="tabpanel">
        {framework.data && tab === 'rounds' && <RoundsView framework={framework.data.framework} readonly={summary.readonly} onImport={() => navigate('imports')} />}
        {framework.data && tab === 'compare' && <CompareView framework={framework.data.framework} />}
        {framework.data && tab === 'summary' && <SummaryView framework={framework.data.framework} />}
        {framework.data && tab === 'framework' && <FrameworkView framework={framework.data.framework} shipped={framework.data.shipped} readonly={summary.readonly} />}
      </div>
    </section>
  );
}

/** The rounds: choose one (or add one), its score grid, who took part and its evidence. */
function RoundsView({ framework, readonly, onImport }: { framework: Framework; readonly: boolean; onImport: () => void }) {
  const { t, errorText, date } = useI18n();
  const r = t.assessment.rounds;
  const toast = useToast();
  const pickFile = useFilePicker();
  const rounds = useCall('assessment.rounds', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const list = rounds.data ?? [];
  const current = list.find((x) => x.id === chosen) ?? list.at(-1) ?? null;
  const detail = useCall('assessment.round', { id: current?.id ?? '' }, { enabled: current !== null });

  const remove = async (round: RoundView) => {
    const result = await change('assessment.removeRound', { id: round.id });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-assessment' });
    toast({ message: r.removed(round.label), action: { label: r.undo, run: () => void change('assessment.restoreRound', { id: round.id }) }, testId: 'toast-assessment' });
  };
  const exportWorkbook = () =>
    pickFile(
      'save',
      'คะแนนประเมินศักยภาพชุมชน.xlsx',
      async (path) => {
        const result = await change('assessment.exportWorkbook', { path });
        if (!result.ok) return result.error;
        toast({ message: r.exported(result.value.path), testId: 'toast-assessment' });
        return null;
      },
      dataFiles.export,
    );

  if (rounds.error) return <FormError message={errorText(rounds.error.error)} />;
  return (
    <div className="assessment-rounds">
      <div className="button-row">
        <button type="button" className="button" onClick={() => void exportWorkbook()} data-testid="assessment-export">
          {r.exportWorkbook}
        </button>
        {!readonly && (
          <button type="button" className="button" onClick={onImport} data-testid="assessment-import">
            {r.importWorkbook}
          </button>
        )}
      </div>
      {!readonly && <RoundForm onDone={(id) => setChosen(id)} />}
      {list.length === 0 ? (
        <p className="empty" data-testid="assessment-no-rounds">
          {r.none}
        </p>
      ) : (
        <>
          <div className="round-tabs" role="group" aria-label={r.choose}>
            {list.map((x) => (
              <button key={x.id} type="button" className="button button-small" aria-pressed={x.id === current?.id} onClick={() => setChosen(x.id)} data-testid={`round-${x.label}`}>
                {x.label}
                {x.roundDate ? ` · ${date(x.roundDate)}` : ''}
              </button>
            ))}
          </div>
          {current && (
            <div className="round-head">
              <span className="muted" data-testid="round-summary">
                {r.units(current.completeUnits, current.scoredUnits)} · {r.participants(current.participantCount)}
                {current.fromImport ? ` · ${r.fromImport}` : ''}
              </span>
              {!readonly && editing !== current.id && (
                <span className="button-row">
                  <button type="button" className="button button-small" onClick={() => setEditing(current.id)} data-testid="round-edit">
                    {r.edit}
                  </button>
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => void remove(current)} data-testid="round-remove">
                    {r.remove}
                  </button>
                </span>
              )}
            </div>
          )}
          {current && !readonly && editing === current.id && <RoundForm round={current} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />}
          {detail.data && detail.data.round.id === current?.id && (
            <>
              <ScoreGrid framework={framework} detail={detail.data} readonly={readonly} />
              <RoundExtras detail={detail.data} readonly={readonly} />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** Adding a round, or changing one's label and date (พ.ศ.); its notes are kept. Escape cancels an edit. */
function RoundForm({ round, onDone, onCancel }: { round?: RoundView; onDone: (id: string) => void; onCancel?: () => void }) {
  const { t, errorText } = useI18n();
  const r = t.assessment.rounds;
  const [label, setLabel] = useState(round?.label ?? '');
  const [dateText, setDateText] = useState(round?.roundDate ? formatDateInputBE(round.roundDate) : '');
  const [error, setError] = useState<string | null>(null);
  const id = round ? `round-${round.id}` : 'round';
  const submit = async () => {
    const iso = dateText.trim() === '' ? null : parseDateBE(dateText);
    if (dateText.trim() !== '' && !iso) return setError(r.dateInvalid);
    const result = round
      ? await change('assessment.updateRound', { id: round.id, label, roundDate: iso, notes: round.notes })
      : await change('assessment.addRound', { label, roundDate: iso, notes: null });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    if (!round) {
      setLabel('');
      setDateText('');
    }
    onDone(result.value.id);
  };
  return (
    <form
      className="round-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
      data-testid={round ? 'round-edit-form' : 'round-form'}
    >
      <div className="field">
        <label htmlFor={`${id}-label`}>{r.label}</label>
        <input
          id={`${id}-label`}
          className="input"
          value={label}
          placeholder={r.labelHint}
          maxLength={31}
          onChange={(e) => setLabel(e.target.value)}
          autoFocus={Boolean(round)}
          data-testid={round ? 'round-edit-label' : 'round-label'}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{r.date}</label>
        <input
          id={`${id}-date`}
          className="input"
          value={dateText}
          placeholder={formatDateInputBE(new Date().toISOString().slice(0, 10))}
          onChange={(e) => setDateText(e.target.value)}
          data-testid={round ? 'round-edit-date' : 'round-date'}
        />
      </div>
      <button type="submit" className="button button-primary" data-testid={round ? 'round-save' : 'round-add'}>
        {round ? r.save : r.add}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel} data-testid="round-cancel">
          {r.cancel}
        </button>
      )}
      {error && (
        <p className="field-error round-form-error" role="alert" data-testid={round ? 'round-edit-error' : 'round-error'}>
          {error}
        </p>
      )}
    </form>
  );
}

/** One unit across rounds: a bar chart of its component percents per round, the grade per round and what moved. */
function CompareView({ framework }: { framework: Framework }) {
  const { t, errorText } = useI18n();
  const c = t.assessment.compare;
  const query = useCall('assessment.comparison', {});
  const [unitKey, setUnitKey] = useState<string | null>(null);
  const data: ComparisonView | undefined = query.data;
  const unit = data?.units.find((u) => u.key === unitKey) ?? data?.units[0];
  const unitName = (u: { moo: number | null; name: string }) => (u.moo === null ? t.assessment.grid.tambon : `${t.assessment.grid.moo(u.moo)} ${u.name}`);
  const chart = useMemo(() => {
    if (!unit) return null;
    return barChart({
      labels: framework.components.map((k) => c.componentShort(k.no)),
      series: unit.rounds.map((r, i) => ({ label: r.label, data: r.result.components.map((k) => k.percent), color: chartColors.series[i % chartColors.series.length]! })),
      percent: true,
      legend: true,
    });
  }, [unit, framework, c]);
  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!data) return <p className="muted">{t.app.loading}</p>;
  if (data.rounds.length === 0) return <p className="empty">{c.none}</p>;
  const table = {
    columns: [{ label: c.round, type: 'text' as const }, ...framework.components.map((k) => ({ label: `${t.assessment.grid.component(k.no)}`, type: 'percent' as const })), { label: c.percent, type: 'percent' as const }, { label: c.grade, type: 'text' as const }],
    rows: (unit?.rounds ?? []).map((r) => [r.label, ...r.result.components.map((k) => k.percent), r.result.percent, r.result.grade ?? (r.result.complete ? '—' : t.assessment.grid.incomplete)]),
  };
  return (
    <div className="assessment-compare">
      <div className="field compare-unit">
        <label htmlFor="compare-unit">{c.unit}</label>
        <select id="compare-unit" className="input" value={unit?.key ?? ''} onChange={(e) => setUnitKey(e.target.value)} data-testid="compare-unit">
          {data.units.map((u) => (
            <option key={u.key} value={u.key}>
              {unitName(u)}
            </option>
          ))}
        </select>
      </div>
      {unit && (
        <>
          <ChartCard id="assessment-compare" title={c.chartTitle(unitName(unit))} subtitle={c.chartSubtitle} chart={chart} table={table} height={260} />
          <div className="table-wrap">
            <table className="table" data-testid="compare-moves">
              <thead>
                <tr>
                  <th scope="col">{c.round}</th>
                  <th scope="col">{c.grade}</th>
                  <th scope="col" className="num">
                    {c.percent}
                  </th>
                  <th scope="col">{c.moved}</th>
                </tr>
              </thead>
              <tbody>
                {unit.moves.map((m) => (
                  <tr key={`${m.from}-${m.to}`} data-testid="compare-move">
                    <td>{c.change(m.from, m.to)}</td>
                    <td>{c.change(m.gradeFrom ?? '—', m.gradeTo ?? '—')}</td>
                    <td className="num">{m.percentChange === null ? '—' : c.points(`${m.percentChange > 0 ? '+' : ''}${m.percentChange.toFixed(1)}`)}</td>
                    <td>
                      <span className={`move move-${m.move}`}>{c.moves[m.move]}</span>
                      {m.components.some((k) => k.change !== null && k.change !== 0) && (
                        <span className="cell-sub">
                          {m.components
                            .filter((k) => k.change !== null && k.change !== 0)
                            .map((k) => `${c.componentShort(k.no)} ${k.change! > 0 ? '+' : ''}${k.change!.toFixed(1)}`)
                            .join(' · ')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** The grades of every village and the tambon, per round, with the count of units per grade. */
function SummaryView({ framework }: { framework: Framework }) {
  const { t, errorText } = useI18n();
  const s = t.assessment.summary;
  const query = useCall('assessment.grades', {});
  const data: GradesView | undefined = query.data;
  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!data) return <p className="muted">{t.app.loading}</p>;
  if (data.rounds.length === 0) return <p className="empty">{s.none}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="grade-summary">
        <thead>
          <tr>
            <th scope="col">{s.round}</th>
            {framework.grades.map((g) => (
              <th key={g.grade} scope="col" className="num">
                {s.gradeCount(g.grade)}
              </th>
            ))}
            <th scope="col" className="num">
              {s.incomplete}
            </th>
            <th scope="col">{s.tambonGrade}</th>
          </tr>
        </thead>
        <tbody>
          {data.rounds.map((r) => {
            const counts = gradeCounts(
              framework,
              r.units.map((u) => ({ complete: u.percent !== null, grade: u.grade })),
            );
            const tambon = r.units.find((u) => u.moo === null);
            return (
              <tr key={r.label} data-testid={`summary-${r.label}`}>
                <th scope="row">{r.label}</th>
                {counts.map((c) => (
                  <td key={c.grade ?? 'none'} className="num">
                    {c.units}
                  </td>
                ))}
                <td>{tambon?.grade ?? (tambon?.percent === null ? t.assessment.grid.incomplete : '—')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The framework: components, criteria and weights, the scale and the grades; load the province's own, or go back. */
function FrameworkView({ framework, shipped, readonly }: { framework: Framework; shipped: boolean; readonly: boolean }) {
  const { t, errorText } = useI18n();
  const f = t.assessment.framework;
  const toast = useToast();
  const pickFile = useFilePicker();
  const load = () =>
    pickFile(
      'open',
      undefined,
      async (path) => {
        const result = await change('assessment.setFramework', { path });
        if (!result.ok) return result.error;
        toast({ message: f.loaded(result.value.framework.id), testId: 'toast-assessment' });
        return null;
      },
      dataFiles.indicatorSet,
    );
  const reset = async () => {
    const result = await change('assessment.resetFramework', {});
    if (!result.ok) toast({ message: errorText(result.error), kind: 'error', testId: 'toast-assessment' });
  };
  return (
    <div className="assessment-framework" data-testid="assessment-framework">
      <dl className="framework-facts">
        <dt>{f.name}</dt>
        <dd>
          {framework.name} ({framework.id})
        </dd>
        <dt>{f.scale}</dt>
        <dd>
          {framework.scale.min}–{framework.scale.max}
        </dd>
        <dt>{f.grades}</dt>
        <dd>{framework.grades.map((g) => f.gradeRule(g.grade, g.minPercent)).join(' · ')}</dd>
      </dl>
      {framework.note && <p className="muted framework-note">{framework.note}</p>}
      {!readonly && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void load()} data-testid="framework-load">
            {f.load}
          </button>
          {!shipped && (
            <button type="button" className="button" onClick={() => void reset()} data-testid="framework-reset">
              {f.reset}
            </button>
          )}
        </div>
      )}
      <div className="table-wrap">
        <table className="table framework-table">
          <thead>
            <tr>
              <th scope="col">{f.criterion}</th>
              <th scope="col" className="num">
                {f.weight}
              </th>
            </tr>
          </thead>
          <tbody>
            {framework.components.flatMap((c) => [
              <tr key={`c${c.no}`} className="framework-component">
                <th scope="rowgroup" colSpan={2}>
                  {c.no}. {c.name}
                </th>
              </tr>,
              ...c.criteria.map((k) => (
                <tr key={k.no}>
                  <td>
                    {k.no} {k.name}
                  </td>
                  <td className="num">{k.weight}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </div>
  );
}
