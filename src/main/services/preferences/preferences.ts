/**
 * Preferences (operator name, language, recent workspaces), kept as JSON in the app data
 * folder and written atomically. Updates are serialised per context and the last value read is
 * kept in memory, so concurrent calls never lose each other's changes and a village edit does
 * not read the file again to learn the operator's name.
 */
import path from 'node:path';
import { preferencesSchema, type Preferences } from '../../../shared/domain/workspace';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../files';

const maxRecent = 10;

interface State {
  cached: Preferences | null;
  /** The tail of the update queue. */
  queue: Promise<unknown>;
  /** Told of every successful change (see {@link onPreferencesChanged}). */
  listeners: Set<(prefs: Preferences) => void>;
}

const states = new WeakMap<AppContext, State>();

function stateOf(ctx: AppContext): State {
  let state = states.get(ctx);
  if (!state) {
    state = { cached: null, queue: Promise.resolve(), listeners: new Set() };
    states.set(ctx, state);
  }
  return state;
}

function preferencesFile(ctx: AppContext): string {
  return path.join(ctx.homeDir, 'preferences.json');
}

/**
 * Reads the stored preferences with any keys a newer version added (kept when writing back).
 * A missing file gives the defaults; a damaged one is set aside (renamed `.bad-…`) and gives the
 * defaults; any other read failure (locked, no permission) is thrown, so a change never writes
 * the defaults over preferences that could not be read.
 */
async function load(ctx: AppContext): Promise<{ prefs: Preferences; extra: Record<string, unknown> }> {
  const file = preferencesFile(ctx);
  let text: string;
  try {
    text = (await ctx.fs.readFile(file)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { prefs: preferencesSchema.parse({}), extra: {} };
    throw error;
  }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    return { prefs: preferencesSchema.parse(raw), extra: raw };
  } catch {
    await ctx.fs.rename(file, `${file}.bad-${Date.now()}`).catch(() => undefined);
    return { prefs: preferencesSchema.parse({}), extra: {} };
  }
}

/** Reads the preferences; when the file cannot be read now, the defaults (not remembered). */
export async function readPreferences(ctx: AppContext): Promise<Preferences> {
  const state = stateOf(ctx);
  if (state.cached) return state.cached;
  try {
    state.cached = (await load(ctx)).prefs;
    return state.cached;
  } catch {
    return preferencesSchema.parse({});
  }
}

/**
 * Applies `change` to the current preferences and writes them back, after any update already
 * under way. If the write fails the preferences stay as they were, in memory and on disk.
 */
export function changePreferences(ctx: AppContext, change: (current: Preferences) => Partial<Preferences>): Promise<Preferences> {
  const state = stateOf(ctx);
  const run = state.queue.then(async () => {
    const { prefs: current, extra } = await load(ctx);
    const next = preferencesSchema.parse({ ...current, ...change(current) });
    await writeFileAtomic(ctx.fs, preferencesFile(ctx), `${JSON.stringify({ ...extra, ...next }, null, 2)}\n`);
    state.cached = next;
    // Every window shows the language (and the operator) from here: tell them all.
    ctx.emit('data.changed', { capability: 'preferences', action: 'preferences.change', tables: {} });
    for (const listener of state.listeners) {
      try {
        listener(next);
      } catch (error) {
        // The change is written: a listener's failure must not report it as failed.
        console.error('a preferences listener failed:', error);
      }
    }
    return next;
  });
  state.queue = run.catch(() => undefined);
  return run;
}

/**
 * Calls `listener` with the new preferences after every successful change of `ctx`'s
 * preferences (prefs.set, the recent list…), in the order they were written; a failed write calls
 * nothing. The Electron shell uses it to rebuild its menu when the language changes. A listener
 * that throws is logged and does not fail the change. Returns the function that unsubscribes.
 */
export function onPreferencesChanged(ctx: AppContext, listener: (prefs: Preferences) => void): () => void {
  const { listeners } = stateOf(ctx);
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Sets some preferences. */
export function updatePreferences(ctx: AppContext, patch: Partial<Preferences>): Promise<Preferences> {
  return changePreferences(ctx, () => patch);
}

/** Puts a workspace at the top of the recent list. */
export async function rememberRecent(ctx: AppContext, file: string, label: string): Promise<void> {
  await changePreferences(ctx, (prefs) => ({
    recent: [{ path: file, label, openedAt: ctx.clock().toISOString() }, ...prefs.recent.filter((r) => r.path !== file)].slice(0, maxRecent),
  }));
}
