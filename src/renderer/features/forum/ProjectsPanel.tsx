import { useState } from 'react';
import { budgetActLabel, planYears, projectStatuses, projectTotal, type Project } from '../../../shared/domain/forum';
import type { AppError } from '../../../shared/domain/result';
import type { RankingView } from '../../../shared/ipc/forum';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { formatCount } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { projectActions } from './api';
import { EditableTable, type Column } from './EditableTable';
import { IssueTabs } from './IssueTabs';
import { ProjectDialog } from './ProjectDialog';
import { ProjectorBar } from './ProjectorBar';
import { useLinkedChoice, useProjector } from './useProjector';

/** A project's place in its issue's ranking, as a short text: "1", "2=" (tied, undecided), or "–". */
export function rankText(ranking: RankingView | undefined, id: string): string {
  const entry = ranking?.ranked.find((r) => r.id === id);
  if (!entry) return '–';
  return entry.undecided ? `${entry.rank}=` : String(entry.rank);
}

/**
 * โครงการและการจัดลำดับ: the projects of each issue (typed fast in a table: name, votes, status,
 * the provincial flag; every other field of ผ.02 and the Chainat table in a dialog), the ranking
 * the votes make, ties broken by a recorded decision, and the fewer-than-10 marker.
 */
export function ProjectsPanel({ summary, target }: SectionProps) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const issues = useCall('forum.issues.list', {}).data ?? [];
  const counts = useCall('forum.overview', {}).data ?? [];
  const settings = useCall('forum.settings.get', {}).data;
  const plans = useCall('forum.villagePlans.list', {}).data;
  const villages = useCall('villages.list', {}).data ?? [];
  const projector = useProjector();
  const [issueId, chooseIssue] = useLinkedChoice(projector, 'ranking', 'issueId', target?.issueId ?? issues[0]?.id ?? null);
  const ranking = useCall('forum.ranking.get', { issueId: issueId ?? '' }, { enabled: Boolean(issueId) }).data;
  // One issue's projects: a vote typed refreshes this issue's list, not the whole plan.
  const rows = useCall('forum.projects.list', { issueId: issueId ?? '' }, { enabled: Boolean(issueId) }).data ?? [];
  const [editing, setEditing] = useState<string | null>(target?.rowId ?? null);
  const [tie, setTie] = useState<string[] | null>(null);
  const [note, setNote] = useState(false);
  const readonly = summary.readonly;
  if (!issueId) return <p className="empty">{t.forum.noIssues}</p>;
  const years = settings ? planYears(settings.plan) : [];
  const actions = projectActions(issueId);
  const act = budgetActLabel(summary.office.type);
  const report = (error: AppError | null) => error && toast({ message: errorText(error), kind: 'error', testId: 'toast-forum' });
  const ideas = (plans?.items ?? []).filter((i) => i.issueId === issueId && i.kind === 'project');
  const nameOf = (id: string) => rows.find((p) => p.id === id)?.name || t.forum.projects.unnamed;

  const addIdea = async (idea: (typeof ideas)[number]) => {
    const result = await invoke('forum.projects.add', { issueId, after: rows.at(-1)?.id ?? null, values: { name: idea.text, villageIds: [idea.villageId] } });
    if (!result.ok) report(result.error);
  };

  const columns: Column<Project>[] = [
    { key: 'name', label: t.forum.projects.name, kind: 'text', value: (p) => p.name, className: 'col-project', max: 600, placeholder: t.forum.projects.nameHint },
    { key: 'votes', label: t.forum.projects.votes, kind: 'number', value: (p) => p.votes, className: 'col-votes', placeholder: '–' },
    {
      key: 'rank',
      label: t.forum.projects.rank,
      kind: 'custom',
      className: 'col-rank num',
      render: (p) => (
        <span className="rank" data-testid="project-rank">
          {rankText(ranking, p.id)}
        </span>
      ),
    },
    {
      key: 'budget',
      label: t.forum.projects.budget,
      kind: 'custom',
      className: 'col-budget num',
      render: (p) => {
        const total = projectTotal(p, years);
        return total ? formatCount(total) : '–';
      },
    },
    {
      key: 'status',
      label: t.forum.projects.status,
      kind: 'select',
      value: (p) => p.status,
      className: 'col-status',
      options: projectStatuses.map((s) => ({ value: s, label: t.forum.projects.statuses[s] })),
    },
    {
      key: 'provincialFlag',
      label: t.forum.projects.flag,
      kind: 'custom',
      className: 'col-flag',
      render: (p) => (
        <input
          type="checkbox"
          className="cell-check"
          checked={p.provincialFlag}
          disabled={readonly}
          aria-label={t.forum.projects.flagLabel(p.name || t.forum.projects.unnamed)}
          onChange={(e) =>
            void actions.save(p, { provincialFlag: e.target.checked }, { provincialFlag: p.provincialFlag }).then((r) => report(r.ok ? null : r.error))
          }
          data-testid="project-flag"
        />
      ),
    },
  ];

  const ranked = ranking?.ranked ?? [];
  return (
    <section aria-labelledby="projects-title" data-testid="projects-panel">
      <div className="panel-heading">
        <h2 id="projects-title" className="panel-title">
          {t.forum.projects.title}
        </h2>
      </div>
      <p className="lead">{t.forum.projects.intro(act.th)}</p>
      <IssueTabs
        issues={issues}
        value={issueId}
        onChange={chooseIssue}
        label={t.forum.issuesLabel}
        idPrefix="projects"
        count={(issue) => counts.find((c) => c.issueId === issue.id)?.projects ?? 0}
      />
      <ProjectorBar view="ranking" issueId={issueId} reveal />
      {ideas.length > 0 && (
        <details className="from-villages">
          <summary>{t.forum.projects.fromVillages(ideas.length)}</summary>
          <ul>
            {ideas.map((idea) => {
              const v = villages.find((x) => x.id === idea.villageId);
              return (
                <li key={idea.id}>
                  <span className="muted">{v ? t.forum.villages.short(v.moo) : ''}</span> {idea.text}
                  {!readonly && (
                    <button type="button" className="button button-small button-quiet" onClick={() => void addIdea(idea)}>
                      {t.forum.projects.addIdea}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <EditableTable
        scope={`projects:${issueId}`}
        rows={rows}
        columns={columns}
        actions={actions}
        numbered
        readonly={readonly}
        emptyText={t.forum.projects.empty}
        addLabel={t.forum.projects.add}
        rowName={(i) => t.forum.projects.rowName(i + 1)}
        rowNote={(p) => (
          <button type="button" className="button button-small col-details-button" onClick={() => setEditing(p.id)} aria-label={t.forum.projects.editLabel(p.name || t.forum.projects.unnamed)} data-testid="project-details">
            {t.forum.projects.edit}
          </button>
        )}
        caption={t.forum.projects.title}
        testId="projects-table"
      />

      <section className="ranking" aria-labelledby="ranking-title" data-testid="ranking">
        <h3 id="ranking-title" className="card-title">
          {t.forum.ranking.title}
          <span className="muted"> {t.forum.ranking.count(ranked.length)}</span>
        </h3>
        {ranking?.fewerThanMinimum && (
          <p className="banner banner-warning" role="note" data-testid="few-ranked">
            {t.forum.ranking.fewer(ranked.length)}
          </p>
        )}
        {(ranking?.undecidedTies ?? []).map((group) => (
          <div key={group.join()} className="banner banner-tie" role="note" data-testid="undecided-tie">
            <span>{t.forum.ranking.tie(group.map(nameOf).join(' / '))}</span>
            {!readonly && (
              <button type="button" className="button button-small button-primary" onClick={() => setTie(group)} data-testid="tie-decide">
                {t.forum.ranking.decide}
              </button>
            )}
          </div>
        ))}
        {ranked.length > 0 && (
          <ol className="ranking-list">
            {ranked.map((r) => (
              <li key={r.id} className={r.undecided ? 'ranking-tied' : undefined}>
                <span className="ranking-rank">{r.undecided ? `${r.rank}=` : r.rank}</span>
                <span className="ranking-name">{nameOf(r.id)}</span>
                <span className="ranking-votes">{t.forum.ranking.votes(r.votes)}</span>
                {r.decisionId && <span className="chip">{t.forum.ranking.decided}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="decisions" aria-labelledby="decisions-title">
        <div className="panel-heading">
          <h3 id="decisions-title" className="card-title">
            {t.forum.decisions.title}
          </h3>
          {!readonly && (
            <button type="button" className="button button-small" onClick={() => setNote(true)} data-testid="decision-note">
              {t.forum.decisions.add}
            </button>
          )}
        </div>
        {(ranking?.decisions ?? []).length === 0 ? (
          <p className="muted">{t.forum.decisions.none}</p>
        ) : (
          <ul className="decision-list" data-testid="decisions">
            {ranking!.decisions.map((d) => (
              <li key={d.id}>
                <span className="chip">{d.kind === 'tie-break' ? t.forum.decisions.tieBreak : t.forum.decisions.note}</span>
                <span>
                  {d.rowIds.length > 0 && <strong>{d.rowIds.map(nameOf).join(d.kind === 'tie-break' ? ' → ' : ', ')}: </strong>}
                  {d.note}
                </span>
                {!readonly && (
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() =>
                      void invoke('forum.decisions.delete', { id: d.id }).then((r) => {
                        if (!r.ok) return report(r.error);
                        toast({
                          message: t.forum.decisions.withdrawn,
                          action: { label: t.forum.table.undo, run: () => void invoke('forum.decisions.restore', { id: d.id }) },
                          testId: 'toast-forum',
                        });
                      })
                    }
                  >
                    {t.forum.decisions.withdraw}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {editing && (
        <ProjectDialog
          projectId={editing}
          summary={summary}
          onClose={() => setEditing(null)}
        />
      )}
      {tie && <TieBreakDialog issueId={issueId} ids={tie} nameOf={nameOf} onClose={() => setTie(null)} />}
      {note && <NoteDialog issueId={issueId} projects={rows} onClose={() => setNote(false)} />}
    </section>
  );
}

/** Breaking a tie: the facilitator puts the tied projects in the order the room decided, and says why. */
function TieBreakDialog(props: { issueId: string; ids: string[]; nameOf: (id: string) => string; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const [order, setOrder] = useState(props.ids);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const swap = (i: number, j: number) =>
    setOrder((list) => {
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const save = async () => {
    if (!note.trim()) return setError(t.forum.ranking.reasonRequired);
    setBusy(true);
    const result = await invoke('forum.decisions.tieBreak', { issueId: props.issueId, order, note });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    props.onClose();
  };
  return (
    <Modal title={t.forum.ranking.decideTitle} onClose={props.onClose} testId="tie-dialog" wide>
      <p className="modal-text">{t.forum.ranking.decideIntro}</p>
      <ol className="tie-order">
        {order.map((id, i) => (
          <li key={id}>
            <span className="tie-name">{props.nameOf(id)}</span>
            <button type="button" className="icon-button" onClick={() => swap(i, i - 1)} disabled={i === 0} aria-label={t.forum.ranking.up(props.nameOf(id))}>
              ↑
            </button>
            <button type="button" className="icon-button" onClick={() => swap(i, i + 1)} disabled={i === order.length - 1} aria-label={t.forum.ranking.down(props.nameOf(id))}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      <div className="field">
        <label htmlFor="tie-note">{t.forum.ranking.reason}</label>
        <TextInput id="tie-note" value={note} onChange={setNote} maxLength={4000} rows={3} autoFocus />
      </div>
      <FormError message={error ?? undefined} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose} disabled={busy}>
          {t.common.cancel}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} data-testid="tie-save">
          {t.forum.ranking.record}
        </button>
      </div>
    </Modal>
  );
}

/** A minute of the forum tied to projects of the issue. */
function NoteDialog(props: { issueId: string; projects: readonly Project[]; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const result = await invoke('forum.decisions.note', { issueId: props.issueId, rowIds: rows, note: text });
    if (!result.ok) return setError(errorText(result.error));
    props.onClose();
  };
  return (
    <Modal title={t.forum.decisions.addTitle} onClose={props.onClose} testId="note-dialog" wide>
      <div className="field">
        <label htmlFor="note-text">{t.forum.decisions.text}</label>
        <TextInput id="note-text" value={text} onChange={setText} maxLength={4000} rows={4} autoFocus />
      </div>
      {props.projects.length > 0 && (
        <fieldset className="check-list">
          <legend>{t.forum.decisions.about}</legend>
          {props.projects.map((p) => (
            <label key={p.id} className="choice">
              <input type="checkbox" checked={rows.includes(p.id)} onChange={(e) => setRows((l) => (e.target.checked ? [...l, p.id] : l.filter((x) => x !== p.id)))} />
              <span>{p.name || t.forum.projects.unnamed}</span>
            </label>
          ))}
        </fieldset>
      )}
      <FormError message={error ?? undefined} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t.common.cancel}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()}>
          {t.common.save}
        </button>
      </div>
    </Modal>
  );
}
