import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Framework } from '../../../shared/domain/assessment';
import type { RoundDetail } from '../../../shared/ipc/assessment';
import { change } from '../../api/queries';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** `record` without `key`. */
function without(record: Record<string, string>, key: string): Record<string, string> {
  const next = { ...record };
  delete next[key];
  return next;
}

/** One cell's key: unit and criterion. */
const cellKey = (unit: string, no: string) => `${unit}|${no}`;

/** A score typed as a person writes it (Thai digits too), or null for an empty cell; NaN when it is not a number. */
function readScore(text: string): number | null {
  const s = text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - '๐'.charCodeAt(0))).trim();
  if (s === '') return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/**
 * The score entry grid of one round: a row per village and one for the tambon, a column per
 * criterion grouped under its component, then the unit's percent and grade. A cell saves itself
 * a moment after typing stops and on leaving it; arrows and Enter move between cells; Ctrl+Z (or
 * the button) sets the last saved cell back.
 */
export function ScoreGrid({ framework, detail, readonly }: { framework: Framework; detail: RoundDetail; readonly: boolean }) {
  const { t, errorText } = useI18n();
  const g = t.assessment.grid;
  const toast = useToast();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(0);
  const undoStack = useRef<{ villageId: string | null; unit: string; no: string; previous: number | null }[]>([]);
  const [undoCount, setUndoCount] = useState(0);
  const timers = useRef(new Map<string, number>());
  const criteria = framework.components.flatMap((c) => c.criteria);
  const roundId = detail.round.id;

  const save = useCallback(
    async (unit: string, villageId: string | null, no: string, text: string, record = true) => {
      const key = cellKey(unit, no);
      const score = readScore(text);
      if (Number.isNaN(score)) {
        setErrors((e) => ({ ...e, [key]: g.notANumber }));
        return;
      }
      const current = detail.units.find((u) => u.key === unit)?.scores[no] ?? null;
      if (score === current) {
        setDrafts((d) => without(d, key));
        setErrors((e) => without(e, key));
        return;
      }
      setSaving((n) => n + 1);
      const result = await change('assessment.setScore', { roundId, villageId, criterionNo: no, score });
      setSaving((n) => n - 1);
      if (!result.ok) {
        setErrors((e) => ({ ...e, [key]: errorText(result.error) }));
        return;
      }
      if (record) {
        undoStack.current.push({ villageId, unit, no, previous: result.value.previous });
        setUndoCount(undoStack.current.length);
      }
      setErrors((e) => without(e, key));
      setDrafts((d) => (d[key] === text ? without(d, key) : d));
    },
    [detail.units, errorText, g.notANumber, roundId],
  );

  const undo = useCallback(async () => {
    const last = undoStack.current.pop();
    setUndoCount(undoStack.current.length);
    if (!last) return;
    const result = await change('assessment.setScore', { roundId, villageId: last.villageId, criterionNo: last.no, score: last.previous });
    if (!result.ok) toast({ message: errorText(result.error), kind: 'error', testId: 'toast-assessment' });
  }, [errorText, roundId, toast]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const id of pending.values()) window.clearTimeout(id);
    };
  }, []);

  const type = (unit: string, villageId: string | null, no: string, text: string) => {
    const key = cellKey(unit, no);
    setDrafts((d) => ({ ...d, [key]: text }));
    const old = timers.current.get(key);
    if (old !== undefined) window.clearTimeout(old);
    timers.current.set(
      key,
      window.setTimeout(() => {
        timers.current.delete(key);
        void save(unit, villageId, no, text);
      }, 700),
    );
  };

  const flush = (unit: string, villageId: string | null, no: string) => {
    const key = cellKey(unit, no);
    const timer = timers.current.get(key);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(key);
    if (drafts[key] !== undefined) void save(unit, villageId, no, drafts[key]);
  };

  const move = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const go = (r: number, c: number) => {
      const next = document.querySelector<HTMLInputElement>(`[data-score-cell="${r}:${c}"]`);
      if (next) {
        event.preventDefault();
        next.focus();
        next.select();
      }
    };
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void undo();
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') go(row + 1, col);
    else if (event.key === 'ArrowUp') go(row - 1, col);
    else if (event.key === 'ArrowLeft' && event.currentTarget.selectionStart === 0) go(row, col - 1);
    else if (event.key === 'ArrowRight' && event.currentTarget.selectionEnd === event.currentTarget.value.length) go(row, col + 1);
  };

  const unitName = (u: RoundDetail['units'][number]) => (u.moo === null ? g.tambon : g.moo(u.moo));
  const firstError = Object.values(errors)[0];
  return (
    <div className="score-grid-block">
      <div className="score-grid-bar">
        <span className="muted">
          {g.scale(framework.scale.min, framework.scale.max)} · {g.keys}
        </span>
        <span className="score-grid-status" aria-live="polite" data-testid="score-status">
          {saving > 0 ? g.saving : ''}
        </span>
        {!readonly && (
          <button type="button" className="button button-small" onClick={() => void undo()} disabled={undoCount === 0} data-testid="score-undo">
            {g.undo}
          </button>
        )}
      </div>
      {firstError && (
        <p className="field-error" role="alert" data-testid="score-error">
          {firstError}
        </p>
      )}
      <div className="table-wrap">
        <table className="table score-grid" data-testid="score-grid">
          <caption className="visually-hidden">{g.caption(detail.round.label)}</caption>
          <colgroup>
            <col className="score-col-unit" />
            {criteria.map((k) => (
              <col key={k.no} />
            ))}
            <col className="score-col-percent" />
            <col className="score-col-grade" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {g.unit}
              </th>
              {framework.components.map((c) => (
                <th key={c.no} scope="colgroup" colSpan={c.criteria.length} className="score-component" title={c.name}>
                  {g.component(c.no)}
                </th>
              ))}
              <th scope="col" rowSpan={2} className="num">
                {g.percent}
              </th>
              <th scope="col" rowSpan={2}>
                {g.grade}
              </th>
            </tr>
            <tr>
              {criteria.map((k) => (
                <th key={k.no} scope="col" className="score-criterion" title={k.name}>
                  {k.no}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.units.map((u, row) => (
              <tr key={u.key} data-testid={`score-row-${u.moo ?? 'tambon'}`} className={u.moo === null ? 'score-tambon-row' : undefined}>
                <th scope="row" title={u.name}>
                  {unitName(u)}
                </th>
                {criteria.map((k, col) => {
                  const key = cellKey(u.key, k.no);
                  const value = drafts[key] ?? (u.scores[k.no] === undefined ? '' : String(u.scores[k.no]));
                  return (
                    <td key={k.no} className="score-cell">
                      <input
                        className={`score-input${errors[key] ? ' score-input-error' : ''}`}
                        inputMode="decimal"
                        value={value}
                        readOnly={readonly}
                        maxLength={5}
                        aria-label={g.cellLabel(unitName(u), k.no, k.name)}
                        aria-invalid={errors[key] ? true : undefined}
                        data-score-cell={`${row}:${col}`}
                        data-testid={`score-${u.moo ?? 'tambon'}-${k.no}`}
                        onChange={(e) => type(u.key, u.villageId, k.no, e.target.value)}
                        onBlur={() => flush(u.key, u.villageId, k.no)}
                        onKeyDown={(e) => move(e, row, col)}
                      />
                    </td>
                  );
                })}
                <td className="num" data-testid={`score-percent-${u.moo ?? 'tambon'}`}>
                  {u.result.percent === null ? '—' : u.result.percent.toFixed(1)}
                </td>
                <td data-testid={`score-grade-${u.moo ?? 'tambon'}`}>
                  {u.result.complete ? (
                    <span className={`grade-badge grade-${u.result.grade ?? 'none'}`}>{u.result.grade ?? g.noGrade}</span>
                  ) : (
                    <span className="muted grade-incomplete">{g.incomplete}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="component-legend">
        {framework.components.map((c) => (
          <li key={c.no} value={c.no}>
            {c.name}
          </li>
        ))}
      </ol>
    </div>
  );
}
