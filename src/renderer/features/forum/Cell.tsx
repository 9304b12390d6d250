import { useEffect, useSyncExternalStore, type KeyboardEvent } from 'react';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import { useI18n } from '../../i18n/I18nProvider';
import { createFieldDraft, drafts, type DraftCodec, type SaveField } from './drafts';

/** How a cell edits its value. */
export type CellKind = 'text' | 'lines' | 'number' | 'select' | 'check';

/** The codecs of the kinds that are typed. */
export const codecs: Record<'text' | 'lines' | 'number' | 'select' | 'check', DraftCodec> = {
  text: { format: (v) => (typeof v === 'string' ? v : ''), parse: (s) => s.trim() },
  /** One item per line; blank lines dropped when stored (a trailing newline stays while typing). */
  lines: {
    format: (v) => (Array.isArray(v) ? (v as string[]).join('\n') : ''),
    parse: (s) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
  },
  /** Whole numbers, Thai digits and thousands separators allowed; empty is none. NaN when not a number. */
  number: {
    format: (v) => (typeof v === 'number' ? String(v) : ''),
    parse: (s) => {
      const t = normalizeThaiDigits(s).replace(/[,\s]/g, '');
      if (t === '') return null;
      return /^\d+$/.test(t) ? Number(t) : Number.NaN;
    },
  },
  select: { format: (v) => (typeof v === 'string' ? v : ''), parse: (s) => (s === '' ? null : s) },
  check: { format: (v) => (v === true ? '1' : ''), parse: (s) => s === '1' },
};

/** What a cell needs to know and do. */
export interface CellProps {
  draftKey: string;
  kind: CellKind;
  stored: unknown;
  /** The row's rev the stored value is of. */
  rev: number;
  save: SaveField;
  /** Label for assistive technology ("ปัญหา แถวที่ 3"). */
  label: string;
  rowId: string;
  column: string;
  max?: number;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
  readonly?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  /** A number cell's field name for its error ("คะแนนเสียง"). */
  fieldLabel?: string;
  /** The field's id, where a visible label names it. */
  id?: string;
}

/**
 * One editable cell of a forum table: text (multi-line where the field is a list), a number, a
 * choice or a tick box. It autosaves through its draft (see drafts.ts) and shows, under the field,
 * a refusal from main or a conflict with another window with the choice of which text to keep.
 */
export function Cell(props: CellProps) {
  const { t, errorText } = useI18n();
  const { draftKey, kind, stored, save, rev } = props;
  const draft = drafts.get(draftKey, () => createFieldDraft(stored, rev, codecs[kind]));
  useEffect(() => {
    draft.setSave(save);
  });
  const storedKey = JSON.stringify(stored ?? null);
  useEffect(() => {
    draft.setStored(JSON.parse(storedKey) as unknown, rev);
  }, [draft, storedKey, rev]);
  useEffect(() => () => drafts.release(draftKey), [draftKey]);
  const snap = useSyncExternalStore(draft.subscribe, draft.snapshot);
  const errorId = `${draftKey}-error`;
  const badNumber = kind === 'number' && Number.isNaN(codecs.number.parse(snap.text));
  const message = badNumber ? t.forum.table.notNumber(props.fieldLabel ?? props.label) : snap.error ? errorText(snap.error) : null;
  const common = {
    id: props.id,
    'data-row': props.rowId,
    'data-col': props.column,
    'aria-label': props.label,
    'aria-invalid': message || snap.conflict ? true : undefined,
    'aria-describedby': message || snap.conflict ? errorId : undefined,
    disabled: props.readonly,
    onKeyDown: props.onKeyDown,
  };

  let field;
  if (kind === 'select') {
    field = (
      <select
        {...common}
        className="cell-input cell-select"
        value={snap.text}
        onChange={(e) => {
          draft.input(e.target.value);
          void draft.flush();
        }}
      >
        {(props.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'check') {
    field = (
      <input
        {...common}
        type="checkbox"
        className="cell-check"
        checked={snap.text === '1'}
        onChange={(e) => {
          draft.input(e.target.checked ? '1' : '');
          void draft.flush();
        }}
      />
    );
  } else if (kind === 'number') {
    field = (
      <input
        {...common}
        className="cell-input cell-number"
        inputMode="numeric"
        autoComplete="off"
        value={snap.text}
        placeholder={props.placeholder}
        onChange={(e) => draft.input(e.target.value)}
        onBlur={() => void draft.flush()}
      />
    );
  } else {
    const lines = snap.text.split('\n').length;
    field = (
      <textarea
        {...common}
        className={kind === 'lines' ? 'cell-input cell-text cell-lines' : 'cell-input cell-text'}
        rows={Math.max(1, Math.min(lines, 12))}
        value={snap.text}
        maxLength={props.max}
        placeholder={props.placeholder}
        spellCheck={false}
        onChange={(e) => draft.input(e.target.value)}
        onBlur={() => void draft.flush()}
      />
    );
  }

  return (
    <div className={snap.dirty || snap.saving ? 'cell cell-dirty' : 'cell'}>
      {field}
      {message && (
        <p id={errorId} className="cell-error" role="alert">
          {message}
        </p>
      )}
      {snap.conflict && (
        <div id={errorId} className="cell-conflict" role="alert" data-testid="cell-conflict">
          <p className="cell-conflict-text">{errorText(snap.conflict.error)}</p>
          <p className="cell-conflict-theirs">
            <span className="muted">{t.forum.table.theirs}</span> {snap.conflict.theirs || t.forum.table.empty}
          </p>
          <div className="cell-conflict-actions">
            <button type="button" className="button button-small" onClick={() => void draft.keepMine()} data-testid="conflict-keep-mine">
              {t.forum.table.keepMine}
            </button>
            <button type="button" className="button button-small" onClick={() => draft.takeTheirs()} data-testid="conflict-take-theirs">
              {t.forum.table.takeTheirs}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
