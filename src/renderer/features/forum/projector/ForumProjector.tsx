import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatNumber } from '../../../../shared/domain/fields';
import { analysisBoards, type AnalysisBoard } from '../../../../shared/domain/forum';
import { countdownLeft, formatCountdown, paginate, type ProjectorState } from '../../../../shared/domain/projector';
import { rankProjects } from '../../../../shared/domain/ranking';
import type { WorkspaceSummary } from '../../../../shared/domain/workspace';
import { invoke, onEvent } from '../../../api/client';
import { useCall } from '../../../api/queries';
import { useI18n } from '../../../i18n/I18nProvider';
import { followSavedRows, useProjector } from '../useProjector';
import './projector.css';

/** How often a long table turns its page by itself when auto paging is on. */
const autoPageMs = 12_000;

/** One row of a paged table: its id (to follow edits and reveal) and its cells. */
interface PagedRow {
  id: string;
  cells: ReactNode[];
  className?: string;
}

/**
 * What the room sees during the forum, in very large text: a village's plan, the analysis boards,
 * the classification, an issue's problem–cause–solution table or its project ranking, as the
 * facilitator sets it (see ProjectorBar). It follows every edit through the change events
 * (the edited row's page comes into view), keeps still while locked, hides rows added in reveal mode
 * until they are revealed, turns pages of a long table (PageDown / PageUp, or by itself), and
 * shows the countdown. ←/→ here step through issues (villages in the village view).
 */
export function ForumProjector({ summary, overview }: { summary: WorkspaceSummary; overview: ReactNode }) {
  const state = useProjector();
  const issues = useCall('forum.issues.list', {}).data ?? [];
  const villages = useCall('villages.list', {}).data ?? [];
  const view = state?.view ?? 'overview';
  const pcs = useCall('forum.pcs.list', { issueId: state?.issueId ?? '' }, { enabled: view === 'pcs' && Boolean(state?.issueId) }).data;
  const projects = useCall('forum.projects.list', { issueId: state?.issueId ?? '' }, { enabled: view === 'ranking' && Boolean(state?.issueId) }).data;
  const decisions = useCall('forum.decisions.list', { issueId: state?.issueId ?? '' }, { enabled: view === 'ranking' && Boolean(state?.issueId) }).data;
  const plans = useCall('forum.villagePlans.list', {}, { enabled: view === 'village' || view === 'classification' }).data;
  const analysis = useCall('forum.analysis.list', {}, { enabled: view === 'analysis' }).data;
  const live = { state, pcs, projects, decisions, plans, analysis, issues, villages };
  // Facilitator lock: what was on screen stays, whatever changes, until unlocked.
  const [frozen, setFrozen] = useState<typeof live | null>(null);
  if (state?.locked && !frozen) setFrozen(live);
  if (state && !state.locked && frozen) setFrozen(null);
  const shown = frozen ?? live;
  // Kept while the villages are, so the projector's cached rows stay valid (see cachedRows).
  const villageById = useMemo(() => new Map(shown.villages.map((v) => [v.id, v])), [shown.villages]);

  useEffect(() => followSavedRows(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        void invoke('forum.projector.step', { delta: e.key === 'ArrowRight' ? 1 : -1 });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!state || !shown.state) return <div className="fp-screen">{overview}</div>;
  const s = shown.state;
  const hiddenByReveal = (id: string) => state.reveal.on && !state.reveal.shown.includes(id);
  const issue = shown.issues.find((i) => i.id === s.issueId);

  let content: ReactNode;
  switch (s.view) {
    case 'pcs':
      content = (
        <PcsView
          key={`pcs-${s.issueId}`}
          title={issue ? { no: issue.no, name: issue.nameTh } : null}
          rows={(shown.pcs ?? []).filter((r) => r.issueId === s.issueId && !hiddenByReveal(r.id))}
          villages={villageById}
          state={state}
        />
      );
      break;
    case 'ranking':
      content = <RankingView key={`ranking-${s.issueId}`} title={issue ? { no: issue.no, name: issue.nameTh } : null} projects={(shown.projects ?? []).filter((p) => !hiddenByReveal(p.id))} decisions={shown.decisions ?? []} state={state} />;
      break;
    case 'village': {
      const village = villageById.get(s.villageId ?? '');
      content = <VillageView village={village ?? null} items={(shown.plans?.items ?? []).filter((i) => i.villageId === s.villageId && !hiddenByReveal(i.id))} />;
      break;
    }
    case 'analysis':
      content = <AnalysisView items={(shown.analysis ?? []).filter((i) => !hiddenByReveal(i.id))} />;
      break;
    case 'classification':
      content = <ClassificationView issues={shown.issues} items={shown.plans?.items ?? []} />;
      break;
    default:
      content = overview;
  }
  return (
    <div className="fp-screen" data-view={s.view} data-testid="forum-projector">
      {content}
      <Countdown state={state} />
      {state.locked && (
        <span className="fp-lock" aria-label="locked" data-testid="projector-locked">
          ■
        </span>
      )}
      <span className="sr-only">{summary.tambon.nameTh}</span>
    </div>
  );
}

/** The countdown in the corner: minutes and seconds, red when the time is up. */
function Countdown({ state }: { state: ProjectorState }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!state.countdown.running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.countdown.running]);
  if (!state.countdown.visible) return null;
  const left = countdownLeft(state.countdown, state.countdown.running ? now : 0);
  return (
    <div className={left === 0 ? 'fp-countdown fp-countdown-up' : 'fp-countdown'} role="timer" data-testid="projector-countdown">
      {left === 0 ? t.forum.projector.timeUp : formatCountdown(left)}
    </div>
  );
}

/**
 * A table split into pages that fit the screen: the rows are measured in an invisible copy of the
 * table as wide as the real one, and the pages recomputed whenever its size changes. The page
 * follows the last edited row (a change event naming it), a page request from the editor,
 * PageDown/PageUp/Space here, and auto paging.
 */
function PagedTable(props: { head: ReactNode[]; rows: PagedRow[]; table: string; state: ProjectorState; className: string; testId: string }) {
  const { t } = useI18n();
  const { rows, state } = props;
  const measure = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [starts, setStarts] = useState<number[]>([0]);
  const [page, setPage] = useState(0);
  const [request, setRequest] = useState(state.pageRequest.seq);
  const [jump, setJump] = useState<string | null>(null);

  useEffect(() => {
    const box = measure.current;
    const outer = frame.current;
    if (!box || !outer) return;
    const compute = () => {
      const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const heights = [...box.querySelectorAll('tbody tr')].map((tr) => tr.getBoundingClientRect().height);
      const next = paginate(heights, Math.max(100, outer.clientHeight - head - 4));
      // The same pages: no new render.
      setStarts((current) => (current.length === next.length && current.every((n, i) => n === next[i]) ? current : next));
    };
    const observer = new ResizeObserver(compute);
    observer.observe(box);
    observer.observe(outer);
    return () => observer.disconnect();
  }, []);

  // An edit in the editor: bring its row's page into view.
  useEffect(
    () =>
      onEvent('data.changed', (event) => {
        const ids = event.tables[props.table];
        if (ids && ids.length > 0) setJump(ids[0]!);
      }),
    [props.table],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'PageDown' || e.key === ' ') setPage((p) => p + 1);
      else if (e.key === 'PageUp') setPage((p) => Math.max(0, p - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!state.autoPage || starts.length < 2) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % starts.length), autoPageMs);
    return () => clearInterval(timer);
  }, [state.autoPage, starts.length]);

  if (state.pageRequest.seq !== request) {
    setRequest(state.pageRequest.seq);
    setPage((p) => p + state.pageRequest.delta);
  }
  if (jump) {
    const at = rows.findIndex((r) => r.id === jump);
    if (at >= 0) {
      let target = 0;
      starts.forEach((start, i) => {
        if (start <= at) target = i;
      });
      setPage(target);
      setJump(null);
    }
  }
  const pages = starts.length;
  const current = Math.min(Math.max(0, page), pages - 1);
  const from = starts[current] ?? 0;
  const to = starts[current + 1] ?? rows.length;

  const table = (visible: PagedRow[], measuring: boolean) => (
    <table className={`fp-table ${props.className}`} data-testid={measuring ? undefined : props.testId}>
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {visible.map((row) => (
          <Row key={row.id} row={row} measuring={measuring} />
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="fp-frame" ref={frame}>
      {table(rows.slice(from, to), false)}
      <div className="fp-measure" ref={measure} aria-hidden="true">
        {table(rows, true)}
      </div>
      {pages > 1 && (
        <p className="fp-page" data-testid="projector-page">
          {t.forum.projector.pageOf(current + 1, pages)}
        </p>
      )}
    </div>
  );
}

/**
 * One row of a paged table. Memoised: an edit re-renders only the row it changed (the rows keep
 * their identity across refreshes, see {@link cachedRows}), in the table and in its measuring copy.
 */
const Row = memo(function Row({ row, measuring }: { row: PagedRow; measuring: boolean }) {
  return (
    <tr className={row.className} data-row-id={measuring ? undefined : row.id}>
      {row.cells.map((c, i) => (
        <td key={i}>{c}</td>
      ))}
    </tr>
  );
});

/** Rows built for the projector, by the query's row object they were built from (see {@link cachedRows}). */
const rowCache = new WeakMap<object, { index: number; deps: readonly unknown[]; row: PagedRow }>();

/**
 * The paged rows of `source` built by `build`, reusing the row built before for a source row that
 * is the same object at the same place with the same `deps` (the language, the villages): the
 * query cache keeps unchanged rows' objects across refreshes, so an edit rebuilds one row and,
 * rows being memoised, re-renders one.
 */
function cachedRows<T extends object>(source: readonly T[], deps: readonly unknown[], build: (item: T, index: number) => PagedRow): PagedRow[] {
  return source.map((item, index) => {
    const hit = rowCache.get(item);
    if (hit && hit.index === index && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.row;
    const row = build(item, index);
    rowCache.set(item, { index, deps, row });
    return row;
  });
}

function Title({ title, kind }: { title: { no: number; name: string } | null; kind: string }) {
  const { t } = useI18n();
  return (
    <header className="fp-head">
      <p className="fp-kind">{kind}</p>
      <h1 className="fp-title" data-testid="projector-title">
        {title ? t.forum.issueTitle(title.no, title.name) : t.forum.noIssues}
      </h1>
    </header>
  );
}

function Lines({ items }: { items: readonly string[] }) {
  if (items.length <= 1) return <>{items[0] ?? ''}</>;
  return (
    <ol className="fp-lines">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ol>
  );
}

function PcsView(props: {
  title: { no: number; name: string } | null;
  rows: readonly { id: string; problem: string; causes: string[]; solutions: string[]; sourceVillageIds: string[]; evidence: { label: string }[] }[];
  villages: ReadonlyMap<string, { moo: number }>;
  state: ProjectorState;
}) {
  const { t } = useI18n();
  const rows = cachedRows(props.rows, [t, props.villages], (r, i) => {
    const villages = r.sourceVillageIds.map((id) => props.villages.get(id)).filter((v) => v !== undefined);
    return {
      id: r.id,
      cells: [
        <span className="fp-no">{i + 1}</span>,
        <>
          <span className="fp-problem">{r.problem}</span>
          {villages.length > 0 && <span className="fp-meta">{villages.map((v) => t.forum.villages.short(v.moo)).join(' ')}</span>}
          {r.evidence.length > 0 && <span className="fp-meta">{r.evidence.map((e) => e.label).join(' · ')}</span>}
        </>,
        <Lines items={r.causes} />,
        <Lines items={r.solutions} />,
      ],
    };
  });
  return (
    <>
      <Title title={props.title} kind={t.forum.projector.pcsKind} />
      {rows.length === 0 ? (
        <p className="fp-empty">{t.forum.projector.noRows}</p>
      ) : (
        <PagedTable head={[t.forum.table.no, t.forum.pcs.problem, t.forum.pcs.causes, t.forum.pcs.solutions]} rows={rows} table="pcs_rows" state={props.state} className="fp-pcs" testId="projector-pcs" />
      )}
    </>
  );
}

function RankingView(props: {
  title: { no: number; name: string } | null;
  projects: { id: string; name: string; votes: number | null; sortKey: number }[];
  decisions: { id: string; kind: 'tie-break' | 'note'; rowIds: string[]; updatedAt: string }[];
  state: ProjectorState;
}) {
  const { t } = useI18n();
  const ranking = rankProjects(
    props.projects,
    props.decisions.filter((d) => d.kind === 'tie-break'),
  );
  const byId = new Map(props.projects.map((p) => [p.id, p]));
  const rows: PagedRow[] = [
    ...ranking.ranked.map((r) => ({
      id: r.id,
      className: r.undecided ? 'fp-tied' : undefined,
      cells: [<span className="fp-no">{r.undecided ? `${r.rank}=` : r.rank}</span>, byId.get(r.id)?.name ?? '', <span className="fp-votes">{formatNumber(r.votes)}</span>],
    })),
    ...ranking.unranked.map((id) => ({ id, className: 'fp-unranked', cells: [<span className="fp-no">–</span>, byId.get(id)?.name ?? '', ''] })),
  ];
  return (
    <>
      <Title title={props.title} kind={t.forum.projector.rankingKind} />
      {ranking.fewerThanMinimum && (
        <p className="fp-warning" data-testid="projector-few">
          {t.forum.ranking.fewer(ranking.ranked.length)}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="fp-empty">{t.forum.projector.noProjects}</p>
      ) : (
        <PagedTable head={[t.forum.projects.rank, t.forum.projects.name, t.forum.projects.votes]} rows={rows} table="projects" state={props.state} className="fp-ranking" testId="projector-ranking" />
      )}
    </>
  );
}

function VillageView({ village, items }: { village: { moo: number; name: string } | null; items: { id: string; kind: 'problem' | 'project'; text: string; how: 'self' | 'joint' | 'support' | null; estimatedBudget: number | null }[] }) {
  const { t } = useI18n();
  return (
    <>
      <header className="fp-head">
        <p className="fp-kind">{t.forum.projector.villageKind}</p>
        <h1 className="fp-title" data-testid="projector-title">
          {village ? t.forum.villages.village(village.moo, village.name) : t.forum.villagePlans.noVillages}
        </h1>
      </header>
      <div className="fp-columns">
        <section>
          <h2>{t.forum.villagePlans.problems}</h2>
          <ol className="fp-list">
            {items
              .filter((i) => i.kind === 'problem')
              .map((i) => (
                <li key={i.id}>{i.text}</li>
              ))}
          </ol>
        </section>
        <section>
          <h2>{t.forum.villagePlans.ideas}</h2>
          <ol className="fp-list">
            {items
              .filter((i) => i.kind === 'project')
              .map((i) => (
                <li key={i.id}>
                  {i.text}
                  {(i.how || i.estimatedBudget !== null) && (
                    <span className="fp-meta">
                      {[i.how ? t.forum.villagePlans.hows[i.how] : '', i.estimatedBudget !== null ? t.forum.projector.baht(formatNumber(i.estimatedBudget)) : ''].filter(Boolean).join(' · ')}
                    </span>
                  )}
                </li>
              ))}
          </ol>
        </section>
      </div>
    </>
  );
}

function AnalysisView({ items }: { items: { id: string; board: AnalysisBoard; text: string }[] }) {
  const { t } = useI18n();
  const board = (b: AnalysisBoard) => (
    <section key={b} className={`fp-board fp-board-${b}`}>
      <h2>{t.forum.analysis.boards[b]}</h2>
      <ul className="fp-list">
        {items
          .filter((i) => i.board === b)
          .map((i) => (
            <li key={i.id}>{i.text}</li>
          ))}
      </ul>
    </section>
  );
  return (
    <>
      <header className="fp-head">
        <h1 className="fp-title" data-testid="projector-title">
          {t.forum.analysis.title}
        </h1>
      </header>
      <div className="fp-swot">{(['strength', 'weakness', 'opportunity', 'limit'] as const).map(board)}</div>
      <div className="fp-identity">{analysisBoards.filter((b) => !['strength', 'weakness', 'opportunity', 'limit'].includes(b)).map(board)}</div>
    </>
  );
}

function ClassificationView({ issues, items }: { issues: readonly { id: string; no: number; nameTh: string }[]; items: readonly { id: string; issueId: string | null; text: string }[] }) {
  const { t } = useI18n();
  const ids = new Set(issues.map((i) => i.id));
  const unclassified = items.filter((i) => !i.issueId || !ids.has(i.issueId));
  return (
    <>
      <header className="fp-head">
        <h1 className="fp-title" data-testid="projector-title">
          {t.forum.classification.title}
        </h1>
      </header>
      <div className="fp-classes">
        {issues.map((issue) => {
          const mine = items.filter((i) => i.issueId === issue.id);
          return (
            <section key={issue.id} className="fp-class">
              <h2>
                <span className="fp-class-no">{issue.no}</span> {issue.nameTh} <span className="fp-count">{mine.length}</span>
              </h2>
              <ul>
                {mine.map((i) => (
                  <li key={i.id}>{i.text}</li>
                ))}
              </ul>
            </section>
          );
        })}
        {unclassified.length > 0 && (
          <section className="fp-class fp-class-none">
            <h2>
              {t.forum.classification.unclassified} <span className="fp-count">{unclassified.length}</span>
            </h2>
          </section>
        )}
      </div>
    </>
  );
}
