import { useDeferredValue, useState } from 'react';
import type { Lesson, LessonTarget } from '../../../shared/domain/lessons';
import { invoke } from '../../api/client';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { SaveButton } from '../reports/SaveButton';
import type { SectionProps } from '../sections';
import { LessonEditor } from './LessonEditor';
import './lessons.css';

const targetKey = (t: LessonTarget) => `${t.kind}:${t.id}`;

/**
 * ถอดบทเรียน — the lessons learned: a search over every field (any part of Thai text, and the
 * keywords exactly), the keywords as chips that filter, a filter by what a lesson is attached to,
 * the list, the editor, delete with undo, and the PDF of one lesson or of the lessons shown.
 */
export function LessonsPanel({ summary }: SectionProps) {
  const { t, date, errorText } = useI18n();
  const l = t.lessons;
  const toast = useToast();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [keyword, setKeyword] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const [editing, setEditing] = useState<Lesson | 'new' | null>(null);
  const targets = useCall('lessons.targets', {}).data ?? [];
  const chosenTarget = targets.find((o) => targetKey(o) === target);
  const targetInput = chosenTarget ? { kind: chosenTarget.kind, id: chosenTarget.id } : undefined;
  const list = useCall('lessons.list', { ...(deferred.trim() ? { query: deferred.trim() } : {}), ...(keyword ? { keyword } : {}), ...(targetInput ? { target: targetInput } : {}) });
  const readonly = summary.readonly;

  const remove = async (lesson: Lesson) => {
    const result = await change('lessons.remove', { id: lesson.id });
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-lesson' });
    toast({ message: l.removed(lesson.title), action: { label: l.undo, run: () => void change('lessons.restore', { id: lesson.id }) }, testId: 'toast-lesson' });
  };

  const pdf = async (path: string, selection: { id?: string; ids?: string[] }) => {
    const result = await invoke('lessons.exportPdf', { path, ...selection });
    return result.ok ? { ok: true as const, path: result.value.path } : result;
  };
  const docx = async (path: string, selection: { id?: string; ids?: string[] }) => {
    const result = await invoke('lessons.exportDocx', { path, ...selection });
    return result.ok ? { ok: true as const, path: result.value.path } : result;
  };

  const data = list.data;
  return (
    <section aria-labelledby="lessons-title" data-testid="lessons-panel">
      <div className="panel-heading">
        <h2 id="lessons-title" className="panel-title" tabIndex={-1}>
          {l.title}
        </h2>
        {!readonly && (
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="lesson-add">
            {l.add}
          </button>
        )}
      </div>
      <p className="lead">{l.intro}</p>
      <div className="lessons-toolbar">
        <div className="field lessons-search">
          <label htmlFor="lessons-search">{l.search}</label>
          <input id="lessons-search" type="search" className="input" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="lessons-search-hint" data-testid="lessons-search" />
          <p id="lessons-search-hint" className="hint">
            {l.searchHint}
          </p>
        </div>
        <div className="field lessons-target">
          <label htmlFor="lessons-target">{l.filterTarget}</label>
          <select id="lessons-target" className="input" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="lessons-target">
            <option value="">{l.allTargets}</option>
            {targets.map((o) => (
              <option key={targetKey(o)} value={targetKey(o)}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data && data.keywords.length > 0 && (
        <div className="lessons-keywords" role="group" aria-label={l.keywords}>
          <span className="label">{l.keywords}</span>
          {data.keywords.map((k) => (
            <button
              key={k.keyword}
              type="button"
              className={keyword === k.keyword ? 'chip chip-on' : 'chip'}
              aria-pressed={keyword === k.keyword}
              onClick={() => setKeyword(keyword === k.keyword ? null : k.keyword)}
              data-testid="lessons-keyword"
            >
              {l.keywordFilter(k.keyword, k.count)}
            </button>
          ))}
        </div>
      )}
      {list.error && <FormError message={errorText(list.error.error)} />}
      {data && (
        <div className="lessons-count">
          <p className="muted" data-testid="lessons-count" aria-live="polite">
            {l.count(data.lessons.length, data.total)}
          </p>
          {data.lessons.length > 0 && (
            <div className="button-row">
              <SaveButton label={l.pdfAll} format="pdf" fileName={l.fileName} save={(path) => pdf(path, { ids: data.lessons.map((lesson) => lesson.id) })} testId="lessons-pdf-all" />
              <SaveButton label={l.docxAll} format="docx" fileName={l.fileName} save={(path) => docx(path, { ids: data.lessons.map((lesson) => lesson.id) })} testId="lessons-docx-all" />
            </div>
          )}
        </div>
      )}
      {data && data.total === 0 && <p className="empty">{l.none}</p>}
      {data && data.total > 0 && data.lessons.length === 0 && <p className="empty">{l.noMatch}</p>}
      <ul className="lesson-list" data-testid="lessons-list">
        {data?.lessons.map((lesson) => (
          <li key={lesson.id} className="lesson-card card" data-testid="lesson-card">
            <div className="lesson-card-head">
              <h3 className="lesson-card-title">{lesson.title}</h3>
              <div className="button-row">
                {!readonly && (
                  <button type="button" className="button button-small" onClick={() => setEditing(lesson)} aria-label={`${l.edit} ${lesson.title}`} data-testid="lesson-edit">
                    {l.edit}
                  </button>
                )}
                <SaveButton label={l.pdf} format="pdf" fileName={lesson.title.slice(0, 60)} save={(path) => pdf(path, { id: lesson.id })} testId="lesson-pdf" small />
                <SaveButton label={l.docx} format="docx" fileName={lesson.title.slice(0, 60)} save={(path) => docx(path, { id: lesson.id })} testId="lesson-docx" small />
                {!readonly && (
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => void remove(lesson)} aria-label={`${l.remove} ${lesson.title}`} data-testid="lesson-remove">
                    {l.remove}
                  </button>
                )}
              </div>
            </div>
            <p className="lesson-meta">
              {[lesson.heldOn ? date(`${lesson.heldOn}T12:00:00`) : null, lesson.place, lesson.target ? (lesson.targetLabel ?? l.targetGone) : null].filter(Boolean).join(' · ')}
            </p>
            {lesson.story && <p className="lesson-story">{lesson.story}</p>}
            {lesson.keywords.length > 0 && (
              <p className="lesson-tags">
                {lesson.keywords.map((k) => (
                  <span key={k} className="chip">
                    {k}
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      {editing && <LessonEditor lesson={editing === 'new' ? null : editing} defaultTarget={targetInput ?? null} targets={targets} onClose={() => setEditing(null)} />}
    </section>
  );
}
