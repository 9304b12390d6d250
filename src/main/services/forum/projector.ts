/**
 * จอฉาย — the projector's shared state (what it shows, lock, reveal, countdown, page turns), held
 * in main for the session of the open workspace and announced to every window with
 * `forum.projector.changed`, so the editor and the projector window always agree. It is not a
 * table: nothing of it is worth keeping or sending (a new session starts on the overview).
 */
import { isNull } from 'drizzle-orm';
import { initialProjectorState, type ProjectorState } from '../../../shared/domain/projector';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { villages } from '../../db/schema';
import type { AppContext } from '../context';
import type { OpenWorkspace } from '../session';
import { listAnalysis } from './analysis';
import { listPcs } from './pcs';
import { listProjects } from './projects';
import { liveIssues } from './readiness';
import { assertLiveIssue, assertLiveVillage, listVillagePlans } from './villagePlans';

interface Held {
  /** The workspace the state is about (a state outlives no workspace). */
  key: string | null;
  state: ProjectorState;
}

const held = new WeakMap<AppContext, Held>();

function workspaceKey(ctx: AppContext): string | null {
  const ws = ctx.session.workspace;
  return ws ? `${ws.workspaceId}:${ws.file}` : null;
}

/** The projector's state for the open workspace (the initial state for a workspace just opened). */
export function projectorState(ctx: AppContext): ProjectorState {
  const key = workspaceKey(ctx);
  const current = held.get(ctx);
  if (current && current.key === key) return current.state;
  const fresh = { key, state: initialProjectorState() };
  held.set(ctx, fresh);
  return fresh.state;
}

/** Replaces the state, bumps its `seq` and tells every window. */
function publish(ctx: AppContext, next: Omit<ProjectorState, 'seq'>): ProjectorState {
  const state = { ...next, seq: projectorState(ctx).seq + 1 };
  held.set(ctx, { key: workspaceKey(ctx), state });
  ctx.emit('forum.projector.changed', state);
  return state;
}

/** The ids of the rows the projector's current view shows, in order (what reveal mode hides or shows). */
function rowsOnScreen(ws: OpenWorkspace | null, state: ProjectorState): string[] {
  if (!ws) return [];
  const db = ws.db;
  switch (state.view) {
    case 'pcs':
      return state.issueId ? listPcs(db, state.issueId).map((r) => r.id) : [];
    case 'ranking':
      return state.issueId ? listProjects(db, state.issueId).map((p) => p.id) : [];
    case 'village':
      return state.villageId ? listVillagePlans(db).items.filter((i) => i.villageId === state.villageId).map((i) => i.id) : [];
    case 'analysis':
      return listAnalysis(db).map((i) => i.id);
    default:
      return [];
  }
}

/** With reveal on, what the new view shows now may be seen; only rows added later wait. */
function withShown(ctx: AppContext, state: ProjectorState): ProjectorState {
  if (!state.reveal.on) return state;
  const shown = new Set([...state.reveal.shown, ...rowsOnScreen(ctx.session.workspace, state)]);
  return { ...state, reveal: { on: true, shown: [...shown] } };
}

/** The first issue, or the first village, when a view needs one and none is chosen. */
function withDefaults(ctx: AppContext, state: ProjectorState): ProjectorState {
  const ws = ctx.session.workspace;
  if (!ws) return state;
  if ((state.view === 'pcs' || state.view === 'ranking') && !state.issueId) return { ...state, issueId: liveIssues(ws.db)[0]?.id ?? null };
  if (state.view === 'village' && !state.villageId) {
    const first = ws.db.select({ id: villages.id }).from(villages).where(isNull(villages.deletedAt)).orderBy(villages.moo).get();
    return { ...state, villageId: first?.id ?? null };
  }
  return state;
}

/** Changes what the projector shows, the lock, auto paging or follow. */
export function setProjector(ctx: AppContext, input: ChannelParsed<'forum.projector.set'>): ProjectorState {
  const current = projectorState(ctx);
  const ws = ctx.session.workspace;
  if (ws && input.issueId) assertLiveIssue(ws.db, input.issueId);
  if (ws && input.villageId) assertLiveVillage(ws.db, input.villageId);
  const next: ProjectorState = { ...current };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  return publish(ctx, withShown(ctx, withDefaults(ctx, next)));
}

/** ←/→: the next or previous issue; in the village view, the next or previous village. */
export function stepProjector(ctx: AppContext, delta: -1 | 1): ProjectorState {
  const ws = ctx.session.workspace;
  const current = projectorState(ctx);
  if (!ws || current.locked) return current;
  if (current.view === 'village') {
    const list = ws.db.select({ id: villages.id }).from(villages).where(isNull(villages.deletedAt)).orderBy(villages.moo).all();
    const at = list.findIndex((v) => v.id === current.villageId);
    const next = list[Math.min(list.length - 1, Math.max(0, at + delta))];
    return next && next.id !== current.villageId ? publish(ctx, withShown(ctx, { ...current, villageId: next.id })) : current;
  }
  if (current.view !== 'pcs' && current.view !== 'ranking') return current;
  const issues = liveIssues(ws.db);
  const at = issues.findIndex((i) => i.id === current.issueId);
  const next = issues[Math.min(issues.length - 1, Math.max(0, at + delta))];
  return next && next.id !== current.issueId ? publish(ctx, withShown(ctx, { ...current, issueId: next.id })) : current;
}

/** Asks the projector to turn a page of a long table. */
export function pageProjector(ctx: AppContext, delta: -1 | 1): ProjectorState {
  const current = projectorState(ctx);
  return publish(ctx, { ...current, pageRequest: { seq: current.pageRequest.seq + 1, delta } });
}

/** Reveal mode: on (what shows now stays), off, reveal the next hidden row, all, or one row. */
export function revealOnProjector(ctx: AppContext, input: ChannelParsed<'forum.projector.reveal'>): ProjectorState {
  const current = projectorState(ctx);
  const rows = rowsOnScreen(ctx.session.workspace, current);
  const shown = new Set(current.reveal.shown);
  switch (input.mode) {
    case 'on':
      return publish(ctx, { ...current, reveal: { on: true, shown: [...new Set([...shown, ...rows])] } });
    case 'off':
      return publish(ctx, { ...current, reveal: { on: false, shown: [] } });
    case 'next': {
      const hidden = rows.find((id) => !shown.has(id));
      if (!hidden) return current;
      return publish(ctx, { ...current, reveal: { on: current.reveal.on, shown: [...shown, hidden] } });
    }
    case 'all':
      return publish(ctx, { ...current, reveal: { on: current.reveal.on, shown: [...new Set([...shown, ...rows])] } });
    case 'row':
      return publish(ctx, { ...current, reveal: { on: current.reveal.on, shown: [...new Set([...shown, input.rowId])] } });
  }
}

/** The countdown: start (for `minutes`, or resume), pause, reset, hide. */
export function countdownOnProjector(ctx: AppContext, input: ChannelParsed<'forum.projector.countdown'>): ProjectorState {
  const current = projectorState(ctx);
  const now = ctx.clock().getTime();
  const c = current.countdown;
  switch (input.action) {
    case 'start': {
      const durationMs = input.minutes !== undefined ? Math.round(input.minutes * 60_000) : c.durationMs;
      const remaining = input.minutes !== undefined || c.remainingMs <= 0 ? durationMs : c.remainingMs;
      return publish(ctx, {
        ...current,
        countdown: { running: true, endsAt: new Date(now + remaining).toISOString(), remainingMs: remaining, durationMs, visible: true },
      });
    }
    case 'pause': {
      if (!c.running || !c.endsAt) return current;
      const remainingMs = Math.max(0, Date.parse(c.endsAt) - now);
      return publish(ctx, { ...current, countdown: { ...c, running: false, endsAt: null, remainingMs } });
    }
    case 'reset':
      return publish(ctx, { ...current, countdown: { ...c, running: false, endsAt: null, remainingMs: c.durationMs } });
    case 'hide':
      return publish(ctx, { ...current, countdown: { running: false, endsAt: null, remainingMs: 0, durationMs: c.durationMs, visible: false } });
  }
}
