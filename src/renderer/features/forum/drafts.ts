/**
 * What a person is typing into a cell of the forum's tables, before and while it is saved: the
 * draft text, whether it differs from what is stored, the save under way, an error, or a conflict
 * with another window. Autosave: a pause in typing (or leaving the cell, or the window closing)
 * saves the cell in one call; saves of one cell never overlap, so each is made from the value the
 * last one stored (`base`), which is how main tells another window's change from this one's.
 *
 * The drafts live outside React (one store per cell, kept in a registry for the open workspace),
 * so a table can be re-rendered, re-sorted or scrolled without losing a keystroke, and the window
 * can flush every pending save as it closes.
 */
import type { AppError } from '../../../shared/domain/result';
import { onEvent } from '../../api/client';

/** What a save answered: when stored, the value as stored and the row's new `rev`. */
export type SaveOutcome = { kind: 'saved'; value: unknown; rev: number } | { kind: 'conflict'; error: AppError } | { kind: 'error'; error: AppError };

/**
 * Saves `next` made from `base`, which the row held at `rev`. Important: `rev` is the revision of
 * `base`, not the newest one this window has seen: main accepts a change at the current rev without
 * comparing, so sending a newer rev would let this window overwrite another's change unseen.
 */
export type SaveField = (next: unknown, base: unknown, rev: number) => Promise<SaveOutcome>;

/** How a cell turns its stored value into text and back. */
export interface DraftCodec {
  format: (value: unknown) => string;
  parse: (text: string) => unknown;
}

/** What a cell shows. */
export interface DraftSnapshot {
  text: string;
  dirty: boolean;
  saving: boolean;
  error: AppError | null;
  /** Another window changed this field: its text, and the error main gave. */
  conflict: { theirs: string; error: AppError } | null;
}

/** One cell's draft. */
export interface FieldDraft {
  snapshot: () => DraftSnapshot;
  subscribe: (listener: () => void) => () => void;
  /** The stored value as the query now shows it, and the row's rev. */
  setStored(value: unknown, rev: number): void;
  /** What saves the cell. Replaced on every render (it sees the newest row). */
  setSave(save: SaveField): void;
  /** A keystroke. */
  input(text: string): void;
  /** Saves now if anything is unsaved; resolves when stored (or refused). */
  flush(): Promise<void>;
  /** Conflict: keep this window's text (saved over the other window's). */
  keepMine(): Promise<void>;
  /** Conflict: take the other window's text. */
  takeTheirs(): void;
}

/** The pause in typing after which a cell saves. */
export const saveDelayMs = 350;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A new draft over `stored`. */
export function createFieldDraft(stored: unknown, storedRev: number, codec: DraftCodec): FieldDraft {
  let base = stored;
  let baseRev = storedRev;
  let latest = stored;
  let latestRev = storedRev;
  let state: DraftSnapshot = { text: codec.format(stored), dirty: false, saving: false, error: null, conflict: null };
  let save: SaveField = () => Promise.resolve({ kind: 'saved', value: null, rev: 0 });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const set = (patch: Partial<DraftSnapshot>) => {
    const wasBusy = state.dirty || state.saving;
    state = { ...state, ...patch };
    const busy = state.dirty || state.saving;
    if (busy !== wasBusy) saveStatus.busy(busy ? 1 : -1);
    for (const l of listeners) l();
  };

  const run = async (force: boolean): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (inFlight) {
      await inFlight;
      if (!state.dirty) return;
    }
    if (!state.dirty || (state.conflict && !force)) return;
    const next = codec.parse(state.text);
    // Text that is not a number yet stays on screen, said beside the field, and is not sent.
    if (typeof next === 'number' && Number.isNaN(next)) return;
    // Keeping mine over a conflict: saved over what the other window stored.
    const [from, fromRev] = force ? [latest, latestRev] : [base, baseRev];
    const sentText = state.text;
    set({ saving: true });
    inFlight = save(next, from, fromRev).then((outcome) => {
      inFlight = null;
      saveStatus.ended(outcome.kind === 'saved');
      if (outcome.kind === 'saved') {
        base = outcome.value;
        baseRev = outcome.rev;
        latest = outcome.value;
        latestRev = outcome.rev;
        // Typing went on while it saved: the rest saves on the next pause.
        const stillDirty = state.text !== sentText && !same(codec.parse(state.text), outcome.value);
        set({ saving: false, dirty: stillDirty, error: null, conflict: null });
        if (stillDirty) schedule();
      } else if (outcome.kind === 'conflict') {
        set({ saving: false, conflict: { theirs: codec.format(latest), error: outcome.error } });
      } else {
        set({ saving: false, error: outcome.error });
      }
    });
    await inFlight;
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(false), saveDelayMs);
  };

  const draft: FieldDraft = {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStored(value, rev) {
      if (rev < latestRev) return;
      const sameValue = same(value, latest);
      latest = value;
      latestRev = rev;
      if (!state.dirty && !state.saving) {
        base = value;
        baseRev = rev;
        // Same words (a trailing space the store trimmed): leave the text under the cursor alone.
        if (!sameValue && !same(codec.parse(state.text), value)) set({ text: codec.format(value), error: null });
        return;
      }
      // Unchanged at a newer rev (another field of the row was saved): the base still holds, at that rev.
      if (sameValue) {
        if (same(value, base)) baseRev = rev;
        return;
      }
      if (same(codec.parse(state.text), value)) {
        base = value;
        baseRev = rev;
        if (!state.saving) set({ dirty: false, conflict: null });
        return;
      }
      if (state.conflict) set({ conflict: { ...state.conflict, theirs: codec.format(value) } });
    },
    setSave(next) {
      save = next;
    },
    input(text) {
      const dirty = !same(codec.parse(text), base) || state.dirty;
      set({ text, dirty, error: null });
      if (dirty) schedule();
      drafts.noteDirty(draft);
    },
    flush: () => run(false),
    keepMine: () => run(true),
    takeTheirs() {
      base = latest;
      baseRev = latestRev;
      set({ text: codec.format(latest), dirty: false, conflict: null, error: null });
    },
  };
  return draft;
}

/**
 * The tables' "saved" line: how many cells hold typing not yet stored (waiting for the pause, or
 * being saved), when the last save was stored, and whether the last one was refused.
 */
function createSaveStatus() {
  let snapshot = { pending: 0, savedAt: null as number | null, failed: false };
  const listeners = new Set<() => void>();
  const set = (next: typeof snapshot) => {
    snapshot = next;
    for (const l of listeners) l();
  };
  return {
    busy: (delta: 1 | -1) => set({ ...snapshot, pending: Math.max(0, snapshot.pending + delta) }),
    ended: (ok: boolean) => set({ ...snapshot, savedAt: ok ? Date.now() : snapshot.savedAt, failed: !ok }),
    snapshot: () => snapshot,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The save status of every cell of the window. */
export const saveStatus = createSaveStatus();

/** Every draft of the open workspace, by key, so the window can flush them all. */
function createRegistry() {
  const byKey = new Map<string, FieldDraft>();
  const dirty = new Set<FieldDraft>();
  return {
    /** The draft of `key`, made with `make` the first time. */
    get(key: string, make: () => FieldDraft): FieldDraft {
      let draft = byKey.get(key);
      if (!draft) byKey.set(key, (draft = make()));
      return draft;
    },
    /** The draft of `key`, if a cell has made it. */
    find(key: string): FieldDraft | undefined {
      return byKey.get(key);
    },
    /** Forgets a clean draft (its row left the screen). */
    release(key: string) {
      const draft = byKey.get(key);
      if (draft && !draft.snapshot().dirty && !draft.snapshot().saving) byKey.delete(key);
    },
    noteDirty(draft: FieldDraft) {
      dirty.add(draft);
    },
    /** Saves everything unsaved (before a move, an export, closing the window). */
    async flushAll(): Promise<void> {
      const pending = [...dirty];
      dirty.clear();
      await Promise.all(pending.map((d) => d.flush()));
    },
    /** Whether anything is unsaved or saving. */
    busy(): boolean {
      return [...dirty].some((d) => d.snapshot().dirty || d.snapshot().saving);
    },
    clear() {
      byKey.clear();
      dirty.clear();
    },
  };
}

/** The drafts of the open workspace. */
export const drafts = createRegistry();

let following = false;

/**
 * Flushes every draft when the window is closing (the last keystroke is sent before the page
 * goes: an IPC message in Electron, a keepalive request in the browser) and forgets them when the
 * workspace changes. Called once by the forum's sections.
 */
export function followDrafts(): void {
  if (following) return;
  following = true;
  window.addEventListener('pagehide', () => void drafts.flushAll());
  window.addEventListener('beforeunload', () => void drafts.flushAll());
  onEvent('workspace.changed', () => drafts.clear());
}
