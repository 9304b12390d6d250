import { useState } from 'react';
import type { ProjectorView } from '../../../shared/domain/projector';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import { invoke } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { setProjector, useProjector } from './useProjector';

/**
 * The facilitator's control of the projector from a forum section: show this section's view there,
 * and, while it does, lock it, reveal rows one by one, turn pages, follow the editor, and run a
 * countdown. Compact, so it fits above the table at 1024 px.
 */
export function ProjectorBar(props: { view: ProjectorView; issueId?: string | null; villageId?: string | null; reveal?: boolean }) {
  const { t } = useI18n();
  const state = useProjector();
  const [minutes, setMinutes] = useState('5');
  // A toggle shows its new state at once; the shared state catches up a moment later.
  const [pending, setPending] = useState<{ key: 'locked' | 'follow' | 'reveal'; value: boolean; seq: number } | null>(null);
  if (!state) return null;
  const toggled = (key: 'locked' | 'follow') => (pending?.key === key && pending.seq === state.seq ? pending.value : state[key]);
  const toggle = (key: 'locked' | 'follow', value: boolean) => {
    setPending({ key, value, seq: state.seq });
    void setProjector({ [key]: value });
  };
  const showing = state.view === props.view && (props.issueId === undefined || state.issueId === props.issueId) && (props.villageId === undefined || state.villageId === props.villageId);
  const show = () => {
    const input: Parameters<typeof setProjector>[0] = { view: props.view };
    if (props.issueId !== undefined) input.issueId = props.issueId;
    if (props.villageId !== undefined) input.villageId = props.villageId;
    void setProjector(input);
  };
  const start = () => {
    const n = Number(normalizeThaiDigits(minutes.trim()));
    if (Number.isFinite(n) && n > 0) void invoke('forum.projector.countdown', { action: 'start', minutes: Math.min(180, n) });
  };
  const c = state.countdown;
  const paused = !c.running && c.remainingMs > 0 && c.remainingMs < c.durationMs;
  return (
    <div className={showing ? 'projector-bar projector-bar-on' : 'projector-bar'} role="group" aria-label={t.forum.projector.barLabel} data-testid="projector-bar">
      <span className="projector-bar-title">{t.forum.projector.title}</span>
      {showing ? (
        <span className="projector-bar-state" data-testid="projector-showing">
          {t.forum.projector.showingThis}
        </span>
      ) : (
        <button type="button" className="button button-small button-primary" onClick={show} data-testid="projector-show">
          {t.forum.projector.showHere}
        </button>
      )}
      <label className="toggle">
        <input type="checkbox" checked={toggled('locked')} onChange={(e) => toggle('locked', e.target.checked)} data-testid="projector-lock" />
        {t.forum.projector.lock}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={toggled('follow')} onChange={(e) => toggle('follow', e.target.checked)} />
        {t.forum.projector.follow}
      </label>
      {props.reveal && (
        <>
          <label className="toggle">
            <input
              type="checkbox"
              checked={pending?.key === 'reveal' && pending.seq === state.seq ? pending.value : state.reveal.on}
              onChange={(e) => {
                setPending({ key: 'reveal', value: e.target.checked, seq: state.seq });
                void invoke('forum.projector.reveal', { mode: e.target.checked ? 'on' : 'off' });
              }}
              data-testid="projector-reveal"
            />
            {t.forum.projector.reveal}
          </label>
          {state.reveal.on && (
            <button type="button" className="button button-small" onClick={() => void invoke('forum.projector.reveal', { mode: 'next' })} data-testid="projector-reveal-next">
              {t.forum.projector.revealNext}
            </button>
          )}
        </>
      )}
      <span className="projector-bar-group">
        <button type="button" className="icon-button" onClick={() => void invoke('forum.projector.page', { delta: -1 })} aria-label={t.forum.projector.pagePrev}>
          ‹
        </button>
        <span className="muted">{t.forum.projector.page}</span>
        <button type="button" className="icon-button" onClick={() => void invoke('forum.projector.page', { delta: 1 })} aria-label={t.forum.projector.pageNext}>
          ›
        </button>
      </span>
      <span className="projector-bar-group">
        <input
          className="input input-minutes"
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-label={t.forum.projector.minutes}
          onKeyDown={(e) => e.key === 'Enter' && start()}
        />
        <span className="muted">{t.forum.projector.minutesUnit}</span>
        {c.running ? (
          <button type="button" className="button button-small" onClick={() => void invoke('forum.projector.countdown', { action: 'pause' })}>
            {t.forum.projector.pause}
          </button>
        ) : (
          <button
            type="button"
            className="button button-small"
            onClick={paused ? () => void invoke('forum.projector.countdown', { action: 'start' }) : start}
            data-testid="countdown-start"
          >
            {paused ? t.forum.projector.resume : t.forum.projector.start}
          </button>
        )}
        {c.visible && (
          <button type="button" className="button button-small button-quiet" onClick={() => void invoke('forum.projector.countdown', { action: 'hide' })}>
            {t.forum.projector.hideTimer}
          </button>
        )}
      </span>
    </div>
  );
}
