import { useState, type KeyboardEvent } from 'react';
import { formatDateInputBE, parseDateBE } from '../../../shared/domain/forum';
import { lessonLimits, splitKeywords, type Lesson, type LessonTarget } from '../../../shared/domain/lessons';
import type { AppError } from '../../../shared/domain/result';
import { change } from '../../api/queries';
import { FieldError, FormError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { TextInput } from '../../components/TextInput';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';

type TextKey = 'title' | 'place' | 'recorder' | 'story' | 'knowledgeAssets' | 'coreCompetency' | 'strategy' | 'relatedRules';
const longFields = ['story', 'knowledgeAssets', 'coreCompetency', 'strategy', 'relatedRules'] as const;

interface Draft extends Record<TextKey, string> {
  heldOn: string;
  keywords: string;
  target: string;
}

const targetKey = (t: LessonTarget | null) => (t ? `${t.kind}:${t.id}` : '');
const targetOf = (key: string): LessonTarget | null => {
  const at = key.indexOf(':');
  return at < 0 ? null : { kind: key.slice(0, at) as LessonTarget['kind'], id: key.slice(at + 1) };
};

function draftOf(lesson: Lesson | null, target: LessonTarget | null): Draft {
  return {
    title: lesson?.title ?? '',
    heldOn: formatDateInputBE(lesson?.heldOn ?? null),
    place: lesson?.place ?? '',
    recorder: lesson?.recorder ?? '',
    story: lesson?.story ?? '',
    knowledgeAssets: lesson?.knowledgeAssets ?? '',
    coreCompetency: lesson?.coreCompetency ?? '',
    strategy: lesson?.strategy ?? '',
    relatedRules: lesson?.relatedRules ?? '',
    keywords: (lesson?.keywords ?? []).join(', '),
    target: targetKey(lesson ? lesson.target : target),
  };
}

/**
 * The lesson form (a dialog): every field of the record, typed from the keyboard — Tab moves on,
 * Ctrl+Enter saves from anywhere, Esc closes —, the date in พ.ศ., the keywords in one box. Main
 * checks every field; a refusal is shown under the field it names, and the first such field gets
 * the focus. A save from an old copy (another window saved meanwhile) is refused, the text kept.
 */
export function LessonEditor(props: { lesson: Lesson | null; defaultTarget: LessonTarget | null; targets: { kind: LessonTarget['kind']; id: string; label: string }[]; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const l = t.lessons;
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.lesson, props.defaultTarget));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const showError = (field: keyof Draft | 'form', message: string) => {
    setErrors({ [field]: message });
    requestAnimationFrame(() => document.getElementById(field === 'form' ? 'lesson-title' : `lesson-${field}`)?.focus());
  };

  const save = async () => {
    if (busy) return;
    const heldOn = draft.heldOn.trim() === '' ? null : parseDateBE(draft.heldOn);
    if (draft.heldOn.trim() !== '' && !heldOn) return showError('heldOn', l.dateInvalid);
    setBusy(true);
    const values = {
      title: draft.title,
      heldOn,
      place: draft.place,
      recorder: draft.recorder,
      story: draft.story,
      knowledgeAssets: draft.knowledgeAssets,
      coreCompetency: draft.coreCompetency,
      strategy: draft.strategy,
      relatedRules: draft.relatedRules,
      keywords: splitKeywords(draft.keywords),
      target: targetOf(draft.target),
    };
    const result = props.lesson ? await change('lessons.update', { id: props.lesson.id, rev: props.lesson.rev, values }) : await change('lessons.create', { values });
    setBusy(false);
    if (!result.ok) return showError(fieldOf(result.error), errorText(result.error));
    toast({ message: l.saved, testId: 'toast-lesson' });
    props.onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'Enter' || event.key === 's')) {
      event.preventDefault();
      void save();
    }
  };

  const text = (key: TextKey, max: number, options: { rows?: number; hint?: string; autoFocus?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`lesson-${key}`}>{l.fields[key]}</label>
      <TextInput
        id={`lesson-${key}`}
        value={draft[key]}
        onChange={set(key)}
        maxLength={max}
        rows={options.rows}
        invalid={Boolean(errors[key])}
        describedBy={`lesson-${key}-hint lesson-${key}-error`}
        autoFocus={options.autoFocus}
      />
      {options.hint && (
        <p id={`lesson-${key}-hint`} className="hint">
          {options.hint}
        </p>
      )}
      <FieldError id={`lesson-${key}-error`} message={errors[key]} />
    </div>
  );

  return (
    <Modal title={props.lesson ? l.editTitle : l.newTitle} onClose={props.onClose} testId="lesson-editor" wide>
      <form
        className="form lesson-form"
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {text('title', lessonLimits.title, { autoFocus: true })}
        <div className="field-grid lesson-facts">
          <div className="field">
            <label htmlFor="lesson-heldOn">{l.fields.heldOn}</label>
            <input
              id="lesson-heldOn"
              className="input input-date"
              value={draft.heldOn}
              placeholder={l.datePlaceholder}
              onChange={(e) => set('heldOn')(e.target.value)}
              aria-invalid={errors.heldOn ? true : undefined}
              aria-describedby="lesson-heldOn-error"
              data-testid="lesson-date"
            />
            <FieldError id="lesson-heldOn-error" message={errors.heldOn} />
          </div>
          {text('place', lessonLimits.place)}
          {text('recorder', lessonLimits.recorder, { hint: l.recorderHint })}
          <div className="field">
            <label htmlFor="lesson-target">{l.fields.target}</label>
            <select id="lesson-target" className="input" value={draft.target} onChange={(e) => set('target')(e.target.value)} aria-describedby="lesson-target-error">
              <option value="">{l.noTarget}</option>
              {props.targets.map((o) => (
                <option key={targetKey(o)} value={targetKey(o)}>
                  {o.label}
                </option>
              ))}
              {draft.target && !props.targets.some((o) => targetKey(o) === draft.target) && <option value={draft.target}>{l.targetGone}</option>}
            </select>
            <FieldError id="lesson-target-error" message={errors.target} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="lesson-keywords">{l.fields.keywords}</label>
          <input
            id="lesson-keywords"
            className="input"
            value={draft.keywords}
            onChange={(e) => set('keywords')(e.target.value)}
            aria-describedby="lesson-keywords-hint lesson-keywords-error"
            aria-invalid={errors.keywords ? true : undefined}
            data-testid="lesson-keywords"
          />
          <p id="lesson-keywords-hint" className="hint">
            {l.keywordsHint}
          </p>
          <FieldError id="lesson-keywords-error" message={errors.keywords} />
        </div>
        {longFields.map((key) => (
          <div key={key}>{text(key, lessonLimits.longText, { rows: key === 'story' ? 6 : 3, hint: key === 'story' ? l.storyHint : l.lines })}</div>
        ))}
        <FormError message={errors.form} />
        <div className="modal-actions">
          <span className="hint">{l.saveHint}</span>
          <button type="button" className="button" onClick={props.onClose}>
            {l.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="lesson-save">
            {busy ? t.common.working : l.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The form field a refusal names (`values.title` → `title`). */
function fieldOf(error: AppError): keyof Draft | 'form' {
  const name = (error.field ?? '').replace(/^values\./, '').split('.')[0] ?? '';
  const known: readonly string[] = ['title', 'heldOn', 'place', 'recorder', 'story', 'knowledgeAssets', 'coreCompetency', 'strategy', 'relatedRules', 'keywords', 'target'];
  return known.includes(name) ? (name as keyof Draft) : 'form';
}
