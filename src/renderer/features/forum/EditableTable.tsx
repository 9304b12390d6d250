import { Fragment, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import type { AppError, Envelope } from '../../../shared/domain/result';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { Cell, type CellKind } from './Cell';
import { drafts, followDrafts, saveStatus, type SaveOutcome } from './drafts';
import { followSavedRows } from './useProjector';
import { fieldStep, useUndo } from './undo';

/** A row the table edits. */
export interface TableRow {
  id: string;
  rev: number;
}

/** One column of an editable table. */
export interface Column<R extends TableRow> {
  key: string;
  label: string;
  kind: CellKind | 'custom';
  /** The stored value of the cell (for every kind but custom). */
  value?: (row: R) => unknown;
  render?: (row: R, index: number) => ReactNode;
  className?: string;
  max?: number;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
}

/** What the table calls; each answers the call's envelope. */
export interface TableActions<R extends TableRow> {
  /** Saves `patch` of `row`, made from `base` (see the contract's patchInput). */
  save: (row: R, patch: Record<string, unknown>, base: Record<string, unknown>) => Promise<Envelope<R>>;
  add?: (afterId: string | null) => Promise<Envelope<R>>;
  move?: (id: string, direction: 'up' | 'down') => Promise<Envelope<unknown>>;
  remove?: (id: string) => Promise<Envelope<R>>;
  restore?: (id: string) => Promise<Envelope<R>>;
}

const isTextField = (el: EventTarget | null) => el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'checkbox');

/** Whether the caret of a text field is on its first (`up`) or last (`down`) line. */
function caretAtEdge(el: HTMLInputElement | HTMLTextAreaElement, direction: 'up' | 'down'): boolean {
  if (el instanceof HTMLInputElement) return true;
  const { selectionStart, selectionEnd, value } = el;
  if (selectionStart !== selectionEnd) return false;
  return direction === 'up' ? !value.slice(0, selectionStart).includes('\n') : !value.slice(selectionEnd).includes('\n');
}

/**
 * A keyboard-first table of ordered rows, as a facilitator types what the room says: every cell is
 * a field that saves itself (a pause, leaving it, closing the window); Enter adds a row below and
 * goes to it; Shift+Enter starts a new line (the next cause or solution); Tab moves across;
 * ↑/↓ on a cell's first or last line move to the row above or below; Alt+↑/↓ reorders; Backspace in
 * an empty row deletes it; Esc leaves the cell, and then Ctrl+Z / Ctrl+Y undo and redo (also the
 * toolbar's buttons). Deleting a row can be undone; two windows editing one cell are told.
 */
export function EditableTable<R extends TableRow>(props: {
  scope: string;
  rows: readonly R[];
  columns: readonly Column<R>[];
  actions: TableActions<R>;
  /** Shows ลำดับที่ as the first column. */
  numbered?: boolean;
  numberLabel?: string;
  readonly?: boolean;
  emptyText: string;
  addLabel: string;
  /** Something at the start of a row's actions (a marker, a button). */
  rowNote?: (row: R) => ReactNode;
  rowClassName?: (row: R) => string | undefined;
  /** What a row is called in messages ("แถวที่ 3", "ปัญหาลำดับที่ 3"). */
  rowName?: (index: number) => string;
  caption?: string;
  testId?: string;
}) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const { rows, columns, actions, scope } = props;
  const { stack, state: undoState } = useUndo(scope);
  const wrapper = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<{ id: string; col: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /**
   * The row being added, shown at once where it will be: what is typed into it before main has
   * answered (a fast typist goes on after Enter) moves into the new row's first cell, so no
   * keystroke is lost or typed into the row above.
   */
  const [ghost, setGhost] = useState<{ afterId: string | null; id: string | null; col: string; text: string } | null>(null);
  const adding = useRef(false);
  const status = useSyncExternalStore(saveStatus.subscribe, saveStatus.snapshot);
  const editable = columns.filter((c) => c.kind !== 'custom');
  const firstCol = editable[0]?.key ?? '';
  const rowName = props.rowName ?? ((i: number) => t.forum.table.rowN(i + 1));

  useEffect(() => followDrafts(), []);
  useEffect(() => followSavedRows(), []);

  const focusCell = (id: string, col: string) => {
    const el = wrapper.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(id)}"][data-col="${CSS.escape(col)}"]`);
    if (!el) return false;
    el.focus();
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
      const end = el.value.length;
      if (el.type !== 'checkbox') el.setSelectionRange(end, end);
    }
    return true;
  };

  // A row just added or moved takes the focus once it is on screen.
  useEffect(() => {
    const want = pendingFocus.current;
    if (want && focusCell(want.id, want.col)) pendingFocus.current = null;
  });

  // The row being added is on screen: what was typed meanwhile moves into it, and the stand-in is
  // forgotten (kept, it would come back if the new row were deleted).
  useEffect(() => {
    if (!ghost?.id || !rows.some((r) => r.id === ghost.id)) return;
    if (ghost.text) drafts.find(`${scope}:${ghost.id}:${ghost.col}`)?.input(ghost.text);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- dropped only after its text is in the new row's draft, which its cells make as they render
    setGhost(null);
  }, [ghost, rows, scope]);

  const report = (error: AppError | null) => {
    if (error) toast({ message: errorText(error), kind: 'error', testId: 'toast-forum' });
  };

  const outcomeOf = (result: Envelope<R>, value: unknown): SaveOutcome =>
    result.ok
      ? { kind: 'saved', value, rev: result.value.rev }
      : result.error.code === 'CONFLICT'
        ? { kind: 'conflict', error: result.error }
        : { kind: 'error', error: result.error };

  const rowById = (id: string) => rows.find((r) => r.id === id);

  /** Saves one field (from `base`, at `rev`), and notes the step for undo. */
  const saveField = (row: R, column: Column<R>, index: number) => async (next: unknown, base: unknown, rev: number) => {
    const current = { ...(rowById(row.id) ?? row), rev };
    const result = await actions.save(current, { [column.key]: next }, { [column.key]: base });
    const stored = result.ok ? column.value!(result.value) : null;
    if (result.ok) {
      const apply = async (value: unknown, from: unknown) => {
        const latest = rowById(row.id) ?? current;
        const r = await actions.save(latest, { [column.key]: value }, { [column.key]: from });
        return r.ok ? null : r.error;
      };
      stack.push(fieldStep({ key: `${row.id}:${column.key}`, label: t.forum.table.editedField(column.label, rowName(index)), before: base, after: stored, apply }));
    }
    return outcomeOf(result, stored);
  };

  const add = async (afterId: string | null, col = firstCol) => {
    // One row at a time: Enter in the row being added is held until it is there (see ghostRow).
    if (!actions.add || adding.current) return;
    adding.current = true;
    setGhost({ afterId, id: null, col, text: '' });
    setBusy(true);
    await drafts.flushAll();
    const result = await actions.add(afterId);
    adding.current = false;
    setBusy(false);
    if (!result.ok) {
      setGhost(null);
      return report(result.error);
    }
    const id = result.value.id;
    setGhost((g) => g && { ...g, id });
    pendingFocus.current = { id, col };
    stack.push({
      label: t.forum.table.addedRow,
      undo: async () => (actions.remove ? errorOf(await actions.remove(id)) : null),
      redo: async () => (actions.restore ? errorOf(await actions.restore(id)) : null),
    });
  };

  const remove = async (row: R, index: number, focusAfter?: { id: string; col: string }) => {
    if (!actions.remove) return;
    await drafts.flushAll();
    const result = await actions.remove(row.id);
    if (!result.ok) return report(result.error);
    const restore = async () => (actions.restore ? errorOf(await actions.restore(row.id)) : null);
    stack.push({ label: t.forum.table.deletedRow(rowName(index)), undo: restore, redo: async () => errorOf(await actions.remove!(row.id)) });
    toast({
      message: t.forum.table.deleted(rowName(index)),
      action: { label: t.forum.table.undo, run: () => void stack.undo().then(report) },
      testId: 'toast-forum',
    });
    if (focusAfter) pendingFocus.current = focusAfter;
    else wrapper.current?.focus();
  };

  const move = async (row: R, direction: 'up' | 'down', col: string) => {
    if (!actions.move) return;
    await drafts.flushAll();
    const result = await actions.move(row.id, direction);
    if (!result.ok) return report(result.error);
    pendingFocus.current = { id: row.id, col };
    const back = direction === 'up' ? 'down' : 'up';
    stack.push({
      label: t.forum.table.movedRow,
      undo: async () => errorOf(await actions.move!(row.id, back)),
      redo: async () => errorOf(await actions.move!(row.id, direction)),
    });
  };

  const onCellKey = (row: R, index: number, col: string) => (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !(target instanceof HTMLSelectElement) && !(target instanceof HTMLInputElement && target.type === 'checkbox')) {
      event.preventDefault();
      void add(row.id);
      return;
    }
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void move(row, event.key === 'ArrowUp' ? 'up' : 'down', col);
      return;
    }
    if (!event.altKey && !event.ctrlKey && !event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && isTextField(target)) {
      const direction = event.key === 'ArrowUp' ? 'up' : 'down';
      if (!caretAtEdge(target as HTMLTextAreaElement, direction)) return;
      const other = rows[index + (direction === 'up' ? -1 : 1)];
      if (other && focusCell(other.id, col)) event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      void drafts.flushAll();
      wrapper.current?.focus();
      return;
    }
    if (event.key === 'Backspace' && col === firstCol && isTextField(target) && (target as HTMLTextAreaElement).value === '') {
      const empty = editable.every((c) => {
        const v = c.value!(row);
        return v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
      });
      if (empty && actions.remove) {
        event.preventDefault();
        const previous = rows[index - 1];
        void remove(row, index, previous ? { id: previous.id, col } : undefined);
      }
    }
  };

  // Ctrl+Z / Ctrl+Y outside a text field (a field undoes its own typing).
  const onWrapperKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      void stack.undo().then(report);
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      void stack.redo().then(report);
    }
  };

  // The row being added stands in until the new row is on screen; Enter in it is held (one row at a time).
  const ghostShown = ghost !== null && !(ghost.id !== null && rows.some((r) => r.id === ghost.id));
  const ghostRow = ghostShown ? (
    <tr className="ghost-row" aria-busy="true" data-testid="ghost-row">
      {props.numbered && <td className="col-no num">…</td>}
      {columns.map((c) => (
        <td key={c.key} className={c.className}>
          {c.key === ghost.col && (
            <textarea
              className="cell-input cell-text"
              rows={1}
              autoFocus
              value={ghost.text}
              aria-label={t.forum.table.newRow}
              onChange={(e) => {
                const text = e.target.value;
                setGhost((g) => g && { ...g, text });
              }}
              onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            />
          )}
        </td>
      ))}
      {!props.readonly && <td className="col-row-actions" />}
    </tr>
  ) : null;

  const savedLine =
    status.failed ? t.forum.table.notSaved : status.pending > 0 ? t.forum.table.saving : status.savedAt ? t.forum.table.saved : t.forum.table.autosave;

  return (
    <div className="edit-table" ref={wrapper} tabIndex={-1} onKeyDown={onWrapperKey} data-testid={props.testId}>
      <div className="edit-toolbar">
        {!props.readonly && actions.add && (
          <button type="button" className="button button-primary button-small" onClick={() => void add(rows.at(-1)?.id ?? null)} disabled={busy || ghost !== null} data-testid="table-add">
            {props.addLabel}
          </button>
        )}
        {!props.readonly && (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => void stack.undo().then(report)}
              disabled={!undoState.undo || undoState.busy}
              title={undoState.undo ? t.forum.table.undoWhat(undoState.undo) : undefined}
              data-testid="table-undo"
            >
              {t.forum.table.undo}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void stack.redo().then(report)}
              disabled={!undoState.redo || undoState.busy}
              title={undoState.redo ? t.forum.table.redoWhat(undoState.redo) : undefined}
              data-testid="table-redo"
            >
              {t.forum.table.redo}
            </button>
          </>
        )}
        <span className={status.failed ? 'save-status save-status-failed' : 'save-status'} role="status" data-testid="save-status">
          {savedLine}
        </span>
      </div>
      {rows.length === 0 && !ghostShown ? (
        <p className="empty" data-testid="table-empty">
          {props.emptyText}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table edit-grid">
            {props.caption && <caption className="sr-only">{props.caption}</caption>}
            <thead>
              <tr>
                {props.numbered && (
                  <th scope="col" className="col-no">
                    {props.numberLabel ?? t.forum.table.no}
                  </th>
                )}
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={c.className}>
                    {c.label}
                  </th>
                ))}
                {!props.readonly && (
                  <th scope="col" className="col-row-actions">
                    <span className="sr-only">{t.forum.table.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {ghostShown && ghost.afterId === null && ghostRow}
              {rows.map((row, index) => (
                <Fragment key={row.id}>
                  <tr className={props.rowClassName?.(row)} data-testid="edit-row" data-row-id={row.id}>
                    {props.numbered && <td className="col-no num">{index + 1}</td>}
                    {columns.map((c) => (
                      <td key={c.key} className={c.className}>
                        {c.kind === 'custom' ? (
                          c.render!(row, index)
                        ) : (
                          <Cell
                            draftKey={`${scope}:${row.id}:${c.key}`}
                            kind={c.kind}
                            stored={c.value!(row)}
                            rev={row.rev}
                            save={saveField(row, c, index)}
                            label={`${c.label} ${rowName(index)}`}
                            fieldLabel={c.label}
                            rowId={row.id}
                            column={c.key}
                            max={c.max}
                            placeholder={c.placeholder}
                            options={c.options}
                            readonly={props.readonly}
                            onKeyDown={onCellKey(row, index, c.key)}
                          />
                        )}
                      </td>
                    ))}
                    {!props.readonly && (
                      <td className="col-row-actions">
                        <div className="row-actions">
                          {props.rowNote?.(row)}
                          {actions.move && (
                            <>
                              <button
                                type="button"
                                className="icon-button"
                                onClick={() => void move(row, 'up', firstCol)}
                                disabled={index === 0}
                                aria-label={t.forum.table.moveUp(rowName(index))}
                                title={t.forum.table.moveUpHint}
                              >
                                ↑
                              </button>
                              <button
                                type="button"
                                className="icon-button"
                                onClick={() => void move(row, 'down', firstCol)}
                                disabled={index === rows.length - 1}
                                aria-label={t.forum.table.moveDown(rowName(index))}
                                title={t.forum.table.moveDownHint}
                              >
                                ↓
                              </button>
                            </>
                          )}
                          {actions.remove && (
                            <button
                              type="button"
                              className="icon-button icon-button-danger"
                              onClick={() => void remove(row, index)}
                              aria-label={t.forum.table.deleteRow(rowName(index))}
                              title={t.forum.table.deleteRow(rowName(index))}
                              data-testid="row-delete"
                            >
                              ×
                            </button>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                  {ghostShown && ghost.afterId === row.id && ghostRow}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!props.readonly && rows.length > 0 && <p className="hint edit-hint">{t.forum.table.keys}</p>}
    </div>
  );
}

function errorOf(result: Envelope<unknown>): AppError | null {
  return result.ok ? null : result.error;
}
