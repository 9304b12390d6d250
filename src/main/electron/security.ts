/**
 * The Electron shell's security rules, as small functions the shell wires up and a plain-Node
 * test can call with fakes: the windows' web preferences, what a page may navigate to or open,
 * and which IPC senders are ours. Type-only imports of 'electron': nothing here loads it.
 */
import type { IpcMainInvokeEvent, WebContents, WebPreferences } from 'electron';
import { channels, eventNames } from '../../shared/ipc/contract';
import { allowListSwitch, channelsSwitch, eventsSwitch } from '../../shared/ipc/electronTransport';
import { appOrigin } from './appProtocol';

/**
 * Every window's web preferences (the main window's, the projector's): an isolated, sandboxed
 * renderer without Node, whose only door to main is the preload's `window.api`, allowed exactly
 * the contract's channels and events.
 */
export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    additionalArguments: [allowListSwitch(channelsSwitch, channels), allowListSwitch(eventsSwitch, eventNames)],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** Whether `url` is a page of the app itself (`app://tambon/…`). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${appOrigin}/`);
}

/** The parts of a WebContents the guards use (a fake in tests). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Denies everything a page could use to leave the app: navigation to any URL that is not the
 * app's own, redirects elsewhere, new windows (window.open, target=_blank) and <webview>.
 */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Whether a page may have a web permission. Everything is denied (camera, microphone, location,
 * notifications, clipboard reads…) except writing to the clipboard from the app's own page, so a
 * "copy" button (a key fingerprint, a table) works.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** The parts of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The parts of one of our windows' WebContents the sender check reads (a fake in tests). */
export type OwnContents = Pick<WebContents, 'mainFrame' | 'isDestroyed'>;

/**
 * Whether an IPC call comes from one of our windows' own page: the sender is the WebContents of
 * one of the app's windows (`ours`: the main window, the projector…), still alive; the frame still
 * exists, it is that WebContents' main frame (not an iframe) and it shows an `app://tambon/` page.
 * Important: this is checked on every call, because a frame's URL changes with navigation, and
 * `ours` is read afresh each time, because windows open and close.
 */
export function isTrustedSender(event: SenderEvent, ours: Iterable<OwnContents>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  let contents: OwnContents | undefined;
  for (const candidate of ours) {
    if (candidate === event.sender) contents = candidate;
  }
  if (!contents || contents.isDestroyed()) return false;
  const main = contents.mainFrame;
  const sameFrame = frame === main || (frame.processId === main.processId && frame.frameToken === main.frameToken);
  return sameFrame && isAppUrl(frame.url);
}
