/**
 * The renderer's one way to main: `window.api` from the preload in Electron, or the same API
 * over the loopback harness in a plain browser (token from the URL fragment, sent as a header).
 */
import type { Envelope } from '../../shared/domain/result';
import type { Api } from '../../shared/ipc/api';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/ipc/contract';

declare global {
  interface Window {
    api?: Api;
  }
}

const tokenKey = 'tambon-plan-harness-token';

function harnessToken(): string | null {
  const match = /token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    // Keep the token out of the address bar (and out of screenshots).
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(tokenKey);
}

/**
 * Whether this page can reach main: the preload's API in Electron, or a harness token (from the
 * URL fragment, or kept from it in this tab). Without either the page was opened the wrong way:
 * the harness's address without its `#token=…`.
 */
export function hasBackend(): boolean {
  return Boolean(window.api) || harnessToken() !== null;
}

/**
 * The address of a second window of the app in the browser harness (the projector view): the
 * same page with `?view=…`, and the token in the fragment, as the harness printed it.
 */
export function harnessWindowUrl(view: string): string {
  const url = new URL(window.location.href);
  url.search = `?view=${encodeURIComponent(view)}`;
  url.hash = `token=${harnessToken() ?? ''}`;
  return url.toString();
}

/** Told when the event stream to the harness is back after a break (events may have been missed). */
const reconnectListeners = new Set<() => void>();

/** Calls `listener` whenever the connection to the back end comes back after a break; returns the function that stops. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => void reconnectListeners.delete(listener);
}

/** The API over HTTP to the harness. */
function harnessApi(token: string): Api {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let connectedBefore = false;
  const connect = async () => {
    for (;;) {
      try {
        const res = await fetch('/events', { headers: { 'x-tambon-token': token } });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        if (connectedBefore) for (const listener of reconnectListeners) listener();
        connectedBefore = true;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (event && data) for (const l of listeners.get(event) ?? []) l(JSON.parse(data));
          }
        }
      } catch {
        // The harness went away or restarted: try again shortly.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void connect();
  return {
    async invoke(channel, input) {
      try {
        const body = JSON.stringify({ channel, input });
        const res = await fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tambon-token': token },
          body,
          // A save sent as the page closes (the last keystroke of a cell) still reaches main; the
          // browser allows this for bodies under 64 KiB.
          keepalive: body.length < 60_000,
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return (await res.json()) as Envelope<never>;
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            messageTh: 'ติดต่อโปรแกรมส่วนหลังไม่ได้ กรุณาเปิดโปรแกรมใหม่',
            messageEn: `Cannot reach the app's back end (${(error as Error).message}); restart the app`,
          },
        };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

let cached: Api | null = null;

/** The API of this window. */
export function api(): Api {
  if (cached) return cached;
  if (window.api) return (cached = window.api);
  const token = harnessToken();
  if (!token) throw new Error('No preload API and no harness token: open the URL the harness printed');
  return (cached = harnessApi(token));
}

/** Calls a channel. */
export function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  return api().invoke(channel, input);
}

/** Subscribes to an event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, listener);
}
