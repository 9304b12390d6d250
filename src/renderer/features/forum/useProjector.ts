/**
 * The projector's shared state in a window (the editor's controls, the projector itself): loaded
 * once, then replaced by every `forum.projector.changed` event main sends, so both windows agree.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { ProjectorState, ProjectorView } from '../../../shared/domain/projector';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke, onEvent } from '../../api/client';
import { queryClient, useCall } from '../../api/queries';

const key = ['forum.projector.get', {}];

/** Keeps this window's copy of the projector state current; returns the function that stops. */
export function followProjector(): () => void {
  return onEvent('forum.projector.changed', (state) => {
    const held = queryClient.getQueryData<ProjectorState>(key);
    // Events of one window arrive in order, but an answer to a load may arrive after a newer event.
    if (!held || held.seq <= state.seq) queryClient.setQueryData(key, state);
  });
}

/**
 * Puts a saved problem row or project straight into every cached list that shows it (the event
 * carries the row as stored), so this window shows another window's edit without loading the list
 * again; the change event's refresh then brings the same data. Returns the function that stops.
 */
export function followSavedRows(): () => void {
  return onEvent('forum.row.saved', (event) => {
    const channel = event.table === 'pcs_rows' ? 'forum.pcs.list' : 'forum.projects.list';
    for (const query of queryClient.getQueryCache().findAll({ queryKey: [channel] })) {
      // Important: a list a change event has invalidated is left to load again. Setting its data
      // would mark it fresh, and a list cached before rows were added would then never show them.
      if (query.state.isInvalidated) continue;
      const list = query.state.data as { id: string; rev: number }[] | undefined;
      if (!list?.some((r) => r.id === event.row.id && r.rev < event.row.rev)) continue;
      queryClient.setQueryData(
        query.queryKey,
        list.map((r) => (r.id === event.row.id ? event.row : r)),
      );
    }
  });
}

/** The projector's state (null while loading, or with no workspace). */
export function useProjector(enabled = true): ProjectorState | null {
  useEffect(() => (enabled ? followProjector() : undefined), [enabled]);
  return useCall('forum.projector.get', {}, { enabled }).data ?? null;
}

/** Changes the projector (what it shows, lock, follow…); the answer is the new state, also announced. */
export async function setProjector(input: ChannelInput<'forum.projector.set'>): Promise<void> {
  const result = await invoke('forum.projector.set', input);
  if (result.ok) queryClient.setQueryData(key, (held: ProjectorState | undefined) => (!held || held.seq <= result.value.seq ? result.value : held));
}

/**
 * The issue and the village the forum's sections work on, shared by all of them in this window: the
 * problem table and the projects open on the issue last chosen in either.
 */
const chosen = (() => {
  let value: { issueId: string | null; villageId: string | null } = { issueId: null, villageId: null };
  const listeners = new Set<() => void>();
  let following = false;
  return {
    get: () => value,
    set: (field: 'issueId' | 'villageId', id: string) => {
      value = { ...value, [field]: id };
      for (const l of listeners) l();
    },
    subscribe: (listener: () => void) => {
      if (!following) {
        following = true;
        // Another workspace: its issues and villages are others.
        onEvent('workspace.changed', () => {
          value = { issueId: null, villageId: null };
          for (const l of listeners) l();
        });
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();

/**
 * The issue (or village) a section works on. While the projector follows the editor and shows this
 * section's view, the two are one choice: a tab chosen here moves the projector, and ←/→ pressed on
 * the projector moves this section's tab. Otherwise (another view, locked, follow off) the sections
 * share this window's own choice. Answers the choice and the function that changes it.
 */
export function useLinkedChoice(
  state: ProjectorState | null,
  view: ProjectorView,
  field: 'issueId' | 'villageId',
  fallback: string | null,
): [string | null, (id: string) => void] {
  const local = useSyncExternalStore(chosen.subscribe, () => chosen.get()[field]);
  const linked = Boolean(state && state.follow && !state.locked && state.view === view);
  const shown = linked && state ? state[field] : null;
  const choice = shown ?? local ?? fallback;
  const choose = (id: string) => {
    chosen.set(field, id);
    if (linked) void setProjector({ [field]: id });
  };
  return [choice, choose];
}
