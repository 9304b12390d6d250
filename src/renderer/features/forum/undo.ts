/**
 * Undo and redo of the forum's tables: each table has a stack of what was done (a cell saved, a
 * row added, deleted or moved), kept outside React so it survives switching sections, and
 * forgotten when the workspace changes. A cell's successive saves while it is typed in count as
 * one step. Deletes are tombstones in main, so undoing one restores the row as it was.
 */
import { useSyncExternalStore } from 'react';
import type { AppError } from '../../../shared/domain/result';
import { onEvent } from '../../api/client';

/** One step that can be undone. */
export interface UndoStep {
  /** What it did, for the buttons' titles ("แก้ไขช่องสาเหตุ"). */
  label: string;
  undo: () => Promise<AppError | null>;
  redo: () => Promise<AppError | null>;
  /** Steps with the same key, one after the other, merge into one (a cell typed in). */
  mergeKey?: string;
  /** Merges a later step with the same key into this one. */
  merge?: (later: UndoStep) => UndoStep;
}

/** A table's undo stack. */
export interface UndoStack {
  push(step: UndoStep): void;
  undo(): Promise<AppError | null>;
  redo(): Promise<AppError | null>;
  state: () => { undo: string | null; redo: string | null; busy: boolean };
  subscribe: (listener: () => void) => () => void;
  clear(): void;
}

function createStack(): UndoStack {
  let done: UndoStep[] = [];
  let undone: UndoStep[] = [];
  let busy = false;
  let snapshot = { undo: null as string | null, redo: null as string | null, busy: false };
  const listeners = new Set<() => void>();
  const changed = () => {
    snapshot = { undo: done.at(-1)?.label ?? null, redo: undone.at(-1)?.label ?? null, busy };
    for (const l of listeners) l();
  };
  const step = async (from: UndoStep[], to: UndoStep[], run: (s: UndoStep) => Promise<AppError | null>) => {
    const s = from.pop();
    if (!s || busy) return null;
    busy = true;
    changed();
    const error = await run(s);
    busy = false;
    // A step that could not be undone (the row changed elsewhere) is dropped, and the error said.
    if (!error) to.push(s);
    changed();
    return error;
  };
  return {
    push(s) {
      const top = done.at(-1);
      if (top && s.mergeKey && top.mergeKey === s.mergeKey && top.merge && undone.length === 0) done[done.length - 1] = top.merge(s);
      else done.push(s);
      undone = [];
      if (done.length > 200) done = done.slice(-200);
      changed();
    },
    undo: () => step(done, undone, (s) => s.undo()),
    redo: () => step(undone, done, (s) => s.redo()),
    state: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      done = [];
      undone = [];
      changed();
    },
  };
}

const stacks = new Map<string, UndoStack>();
let following = false;

/** The undo stack of table `scope` (made the first time). */
export function undoStack(scope: string): UndoStack {
  if (!following) {
    following = true;
    onEvent('workspace.changed', () => {
      for (const s of stacks.values()) s.clear();
    });
  }
  let stack = stacks.get(scope);
  if (!stack) stacks.set(scope, (stack = createStack()));
  return stack;
}

/** The stack of `scope` and what its buttons say, re-rendering on change. */
export function useUndo(scope: string): { stack: UndoStack; state: ReturnType<UndoStack['state']> } {
  const stack = undoStack(scope);
  const state = useSyncExternalStore(stack.subscribe, stack.state);
  return { stack, state };
}

/** A field's step: what it was set to, so a later save of the same field can merge into it. */
interface FieldStep extends UndoStep {
  after: unknown;
}

/**
 * The step of a field saved from `before` to `after`; `apply(value, base)` saves `value` over
 * `base`. Successive saves of the same field merge (undo goes back to the first `before`).
 */
export function fieldStep(options: {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
  apply: (value: unknown, base: unknown) => Promise<AppError | null>;
}): UndoStep {
  const { key, label, before, after, apply } = options;
  const step: FieldStep = {
    label,
    after,
    mergeKey: key,
    undo: () => apply(before, after),
    redo: () => apply(after, before),
    merge: (later) => fieldStep({ key, label, before, after: (later as FieldStep).after, apply }),
  };
  return step;
}
