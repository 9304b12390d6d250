import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { VillageItem } from '../../../shared/domain/forum';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { ProjectorBar } from './ProjectorBar';
import { undoStack, useUndo } from './undo';

/** The unclassified column's key. */
const none = 'none';

/**
 * การจัดกลุ่มประเด็น: every village item (problems and project ideas) placed under one strategic
 * issue, by mouse (drag a card onto a column) or keyboard (a card focused: 1–9 puts it under that
 * issue, 0 back to unclassified, ←/→ to the next column, ↑/↓ between cards). Unclassified items stay
 * in view in their own column; counts per issue head the columns and counts per village sit below.
 */
export function ClassificationPanel({ summary }: SectionProps) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const issues = useCall('forum.issues.list', {}).data ?? [];
  const villages = useCall('villages.list', {}).data ?? [];
  const items = useCall('forum.villagePlans.list', {}).data?.items ?? [];
  const [over, setOver] = useState<string | null>(null);
  const [villageFilter, setVillageFilter] = useState<string>('');
  const board = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const { state: undoState } = useUndo('classification');
  const readonly = summary.readonly;
  const columns = [{ id: none, no: 0, nameTh: t.forum.classification.unclassified }, ...issues];
  const issueIds = new Set(issues.map((i) => i.id));
  const columnOf = (item: VillageItem) => (item.issueId && issueIds.has(item.issueId) ? item.issueId : none);
  const shown = items.filter((i) => !villageFilter || i.villageId === villageFilter);
  const villageOf = (id: string) => villages.find((v) => v.id === id);

  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const card = board.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`);
    if (card) {
      card.focus();
      pendingFocus.current = null;
    }
  });

  const classify = async (item: VillageItem, to: string, focus = false) => {
    const from = item.issueId;
    const issueId = to === none ? null : to;
    if ((from ?? null) === issueId || readonly) return;
    if (focus) pendingFocus.current = item.id;
    const result = await invoke('forum.villageItems.classify', { id: item.id, issueId, from });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-forum' });
    const target = columns.find((c) => c.id === to);
    undoStack('classification').push({
      label: t.forum.classification.moved(item.text, target?.no ? t.forum.issueTab(target.no) : t.forum.classification.unclassified),
      undo: async () => {
        const r = await invoke('forum.villageItems.classify', { id: item.id, issueId: from, from: issueId });
        return r.ok ? null : r.error;
      },
      redo: async () => {
        const r = await invoke('forum.villageItems.classify', { id: item.id, issueId, from });
        return r.ok ? null : r.error;
      },
    });
  };

  const onCardKey = (event: KeyboardEvent<HTMLElement>, item: VillageItem, list: VillageItem[], index: number) => {
    const col = columns.findIndex((c) => c.id === columnOf(item));
    if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.altKey) {
      const n = Number(event.key);
      const target = n === 0 ? columns[0] : columns.find((c) => c.no === n);
      if (target) {
        event.preventDefault();
        void classify(item, target.id, true);
      }
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const target = columns[col + (event.key === 'ArrowLeft' ? -1 : 1)];
      if (target) {
        event.preventDefault();
        void classify(item, target.id, true);
      }
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const next = list[index + (event.key === 'ArrowUp' ? -1 : 1)];
      if (next) {
        event.preventDefault();
        board.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(next.id)}"]`)?.focus();
      }
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void undoStack('classification')
        .undo()
        .then((e) => e && toast({ message: errorText(e), kind: 'error', testId: 'toast-forum' }));
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>, to: string) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/x-tambon-item');
    const item = items.find((i) => i.id === id);
    if (item) void classify(item, to);
  };

  return (
    <section aria-labelledby="classification-title" data-testid="classification-panel">
      <div className="panel-heading">
        <h2 id="classification-title" className="panel-title">
          {t.forum.classification.title}
        </h2>
        <button
          type="button"
          className="button button-small"
          disabled={!undoState.undo || undoState.busy}
          title={undoState.undo ?? undefined}
          onClick={() => void undoStack('classification').undo().then((e) => e && toast({ message: errorText(e), kind: 'error', testId: 'toast-forum' }))}
          data-testid="classification-undo"
        >
          {t.forum.table.undo}
        </button>
      </div>
      <p className="lead">{t.forum.classification.intro}</p>
      <ProjectorBar view="classification" />
      <div className="field field-inline">
        <label htmlFor="classification-village">{t.forum.classification.filter}</label>
        <select id="classification-village" className="input" value={villageFilter} onChange={(e) => setVillageFilter(e.target.value)}>
          <option value="">{t.forum.classification.allVillages}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {t.forum.villages.village(v.moo, v.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="board" ref={board} data-testid="board">
        {columns.map((column) => {
          const list = shown.filter((i) => columnOf(i) === column.id);
          return (
            <section
              key={column.id}
              className={`board-column${column.id === none ? ' board-unclassified' : ''}${over === column.id ? ' board-over' : ''}`}
              aria-label={column.no ? t.forum.issueTitle(column.no, column.nameTh) : column.nameTh}
              data-testid={`board-column-${column.no}`}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(column.id);
              }}
              onDragLeave={() => setOver((o) => (o === column.id ? null : o))}
              onDrop={(e) => onDrop(e, column.id)}
            >
              <header className="board-head">
                <span className="board-key" aria-hidden="true">
                  {column.no}
                </span>
                <span className="board-name" title={column.no ? t.forum.issueTitle(column.no, column.nameTh) : column.nameTh}>
                  {column.nameTh}
                </span>
                <span className="board-count" data-testid="board-count">
                  {list.length}
                </span>
              </header>
              <ul className="board-cards">
                {list.map((item, index) => {
                  const v = villageOf(item.villageId);
                  return (
                    <li key={item.id}>
                      <div
                        className="board-card"
                        tabIndex={0}
                        role="button"
                        draggable={!readonly}
                        aria-roledescription={t.forum.classification.card}
                        aria-keyshortcuts="0 1 2 3 4 5 6 7 8 9 ArrowLeft ArrowRight"
                        data-item={item.id}
                        data-testid="board-card"
                        onDragStart={(e) => {
                          e.dataTransfer.setData('text/x-tambon-item', item.id);
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                        onKeyDown={(e) => onCardKey(e, item, list, index)}
                      >
                        <span className="board-card-meta">
                          {v ? t.forum.villages.short(v.moo) : ''} · {item.kind === 'problem' ? t.forum.classification.problem : t.forum.classification.project}
                        </span>
                        <span className="board-card-text">{item.text || t.forum.table.empty}</span>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      <p className="hint">{t.forum.classification.keys}</p>

      <h3 className="card-title">{t.forum.classification.byVillage}</h3>
      <div className="table-wrap">
        <table className="table table-compact" data-testid="counts-by-village">
          <thead>
            <tr>
              <th scope="col">{t.forum.classification.village}</th>
              {issues.map((i) => (
                <th key={i.id} scope="col" className="num" title={i.nameTh}>
                  {t.forum.issueTab(i.no)}
                </th>
              ))}
              <th scope="col" className="num">
                {t.forum.classification.unclassifiedShort}
              </th>
            </tr>
          </thead>
          <tbody>
            {villages.map((v) => {
              const mine = items.filter((i) => i.villageId === v.id);
              return (
                <tr key={v.id}>
                  <th scope="row">{t.forum.villages.village(v.moo, v.name)}</th>
                  {issues.map((i) => (
                    <td key={i.id} className="num">
                      {mine.filter((x) => columnOf(x) === i.id).length || ''}
                    </td>
                  ))}
                  <td className="num">{mine.filter((x) => columnOf(x) === none).length || ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
