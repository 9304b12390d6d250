/**
 * จอฉาย — what the projector window shows the room, set by the facilitator from the editor (or
 * with ←/→ on the projector itself). It is shared state of the open workspace's session, kept in
 * main and announced to every window, so the editor and the projector always agree. It does not
 * travel and is not saved: a new session starts on the overview.
 */
import { z } from 'zod';

/** What the projector can show. */
export const projectorViews = ['overview', 'village', 'analysis', 'classification', 'pcs', 'ranking'] as const;
/** One of {@link projectorViews}. */
export type ProjectorView = (typeof projectorViews)[number];

/** The projector's state. */
export const projectorStateSchema = z.object({
  view: z.enum(projectorViews),
  /** The strategic issue shown by the problem–cause–solution and ranking views. */
  issueId: z.string().nullable(),
  /** The village whose plan the village view shows. */
  villageId: z.string().nullable(),
  /** Facilitator lock: the projector keeps what it shows and ignores changes until unlocked. */
  locked: z.boolean(),
  /**
   * Reveal mode: rows added while it is on stay hidden on the projector until revealed. `shown`
   * holds the rows the room may see (every row present when reveal was turned on or the view moved).
   */
  reveal: z.object({ on: z.boolean(), shown: z.array(z.string()) }),
  /** An optional countdown: running until `endsAt`, or paused with `remainingMs` left. */
  countdown: z.object({
    running: z.boolean(),
    endsAt: z.string().nullable(),
    remainingMs: z.number(),
    durationMs: z.number(),
    visible: z.boolean(),
  }),
  /** A long table turns its pages by itself every few seconds when on. */
  autoPage: z.boolean(),
  /** A page turn asked for from the editor: the projector applies each `seq` once. */
  pageRequest: z.object({ seq: z.number(), delta: z.number() }),
  /** The editor's issue and village choices move the projector too. */
  follow: z.boolean(),
  /** Bumped on every change, so a window can tell a newer state from an older one. */
  seq: z.number(),
});
/** The projector's state. */
export type ProjectorState = z.infer<typeof projectorStateSchema>;

/** The state a session starts with. */
export function initialProjectorState(): ProjectorState {
  return {
    view: 'overview',
    issueId: null,
    villageId: null,
    locked: false,
    reveal: { on: false, shown: [] },
    countdown: { running: false, endsAt: null, remainingMs: 0, durationMs: 0, visible: false },
    autoPage: false,
    pageRequest: { seq: 0, delta: 0 },
    follow: true,
    seq: 0,
  };
}

/** Milliseconds left on the countdown at `now`. */
export function countdownLeft(state: ProjectorState['countdown'], now: number): number {
  if (!state.running || !state.endsAt) return state.remainingMs;
  return Math.max(0, Date.parse(state.endsAt) - now);
}

/** `mm:ss` of a number of milliseconds (rounded up, so 0:01 shows until the last second is gone). */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Splits rows of measured heights into pages that fit `available` pixels: a row taller than a
 * page gets a page of its own (it wraps, and the room reads it on one screen as far as it goes).
 * Answers the index of the first row of each page.
 */
export function paginate(heights: readonly number[], available: number): number[] {
  const starts: number[] = [];
  let used = Infinity;
  heights.forEach((h, i) => {
    if (used + h > available) {
      starts.push(i);
      used = 0;
    }
    used += h;
  });
  return starts.length > 0 ? starts : [0];
}
