/**
 * The app's windows: the main (editor) window and the forum's projector window, tracked in one
 * registry that the shell reads for everything that concerns "our windows" — where events go,
 * which IPC senders are trusted, what a second instance focuses, what a dialog is modal to — and
 * the WindowPort the services use (`app.displays`, `windows.open`) over Electron's windows and
 * screens. Takes the BrowserWindow class and the screen as parameters, so a plain-Node test can
 * pass fakes.
 *
 * There is one editor window: `open('editor')` brings the main window forward rather than opening
 * a second one, because the app is one session (one open workspace, one set of dialogs) and two
 * editors of it would only compete for the same state. The projector is at most one window too:
 * opening it again focuses it where it is (to move it, close it and open it on another display).
 */
import type { BrowserWindow, Rectangle, Screen, WebContents } from 'electron';
import type { Display, WindowView } from '../../shared/ipc/app';
import type { WindowPort } from '../services/ports';
import { appEntryUrl, appProjectorUrl } from './appProtocol';
import { shellStrings, type ShellLanguage } from './strings';
import { createAppWindow, mainWindowOptions, projectorWindowOptions, type BrowserWindowClass } from './window';

/** What the port reads of Electron's `screen` (a fake in tests). */
export type ScreenLike = Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;

/**
 * The displays a window can go to, in the system's order: the system's name for each (a numbered
 * name with its size in `language` when it gives none) and which one is primary.
 */
export function listDisplays(screen: ScreenLike, language: ShellLanguage): Display[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((display, index) => {
    const { x, y, width, height } = display.bounds;
    return {
      id: display.id,
      label: display.label?.trim() || shellStrings[language].windows.displayLabel(index + 1, width, height),
      primary: display.id === primaryId,
      bounds: { x, y, width, height },
    };
  });
}

/** The projector window's size when it shares the primary display with the editor (clamped to the display). */
const projectorWindowedSize = { width: 1280, height: 800 };

/**
 * Where the projector window goes: the display `displayId`, or when none is chosen (or it is not
 * connected any more) the first display that is not the primary, else the primary. On a display
 * of its own it fills it (full screen); on the primary it is a window centred over the editor, so
 * the operator can still reach the editor.
 */
export function projectorPlacement(displays: readonly Display[], displayId?: number): { bounds: Rectangle; fullscreen: boolean } {
  const target =
    displays.find((d) => displayId !== undefined && d.id === displayId) ?? displays.find((d) => !d.primary) ?? displays[0];
  // Electron always reports a display; this only keeps a broken screen module from stopping the window.
  if (!target) return { bounds: { x: 0, y: 0, ...projectorWindowedSize }, fullscreen: false };
  const { bounds } = target;
  if (!target.primary) return { bounds: { ...bounds }, fullscreen: true };
  const width = Math.min(projectorWindowedSize.width, bounds.width);
  const height = Math.min(projectorWindowedSize.height, bounds.height);
  return {
    bounds: {
      x: bounds.x + Math.round((bounds.width - width) / 2),
      y: bounds.y + Math.round((bounds.height - height) / 2),
      width,
      height,
    },
    fullscreen: false,
  };
}

/** The app's open windows, each with the view it shows. */
export interface WindowRegistry {
  /** Tracks `window`, showing `view`, until it is closed. */
  add(window: BrowserWindow, view: WindowView): void;
  /** The open window showing `view`, if any. */
  find(view: WindowView): BrowserWindow | null;
  /** The main (editor) window, while it is open. */
  main(): BrowserWindow | null;
  /** Every open window of the app. */
  all(): BrowserWindow[];
  /** Their web contents: where events go, and the only IPC senders trusted. */
  contents(): WebContents[];
  /**
   * What a dialog (file, about) is modal to: the focused editor window of ours, else the main one.
   * Important: never the projector, even when it has the focus (Ctrl+O pressed while it is in
   * front): a dialog there would open on the projector's screen, before the room and away from
   * the operator.
   */
  dialogParent(): BrowserWindow | null;
}

/** An empty registry. */
export function createWindowRegistry(): WindowRegistry {
  const entries: { window: BrowserWindow; view: WindowView }[] = [];
  // Important: Electron throws on any use of a destroyed window (its webContents included), and a
  // window is destroyed just before 'closed' is emitted: every read skips destroyed ones.
  const live = () => entries.filter((entry) => !entry.window.isDestroyed());
  const registry: WindowRegistry = {
    add(window, view) {
      const entry = { window, view };
      entries.push(entry);
      window.on('closed', () => {
        const at = entries.indexOf(entry);
        if (at >= 0) entries.splice(at, 1);
      });
    },
    find: (view) => live().find((entry) => entry.view === view)?.window ?? null,
    main: () => registry.find('editor'),
    all: () => live().map((entry) => entry.window),
    contents: () => registry.all().map((window) => window.webContents),
    dialogParent: () => live().find((entry) => entry.view === 'editor' && entry.window.isFocused())?.window ?? registry.main(),
  };
  return registry;
}

/** Brings `window` to the front, restoring it first when minimised. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** The WindowPort over Electron, with the registry of the windows it opened and the main window's opener. */
export interface ElectronWindows extends WindowPort {
  /** The app's windows. */
  registry: WindowRegistry;
  /** Opens the main (editor) window, or brings it forward when it is open. */
  showMain(): BrowserWindow;
}

/** What the windows need from the shell. */
export interface ElectronWindowsOptions {
  /** The sandboxed preload bundle every window loads. */
  preload: string;
  icon?: string;
  /** The current `language` preference (names of unnamed displays). */
  language: () => ShellLanguage;
  log?: Pick<Console, 'error'>;
}

/**
 * The app's windows over `BrowserWindowClass` and `screen`. Every window gets the same secure web
 * preferences and is shown on its first paint (or when its page fails to load); the navigation
 * guards come from main.ts's 'web-contents-created'. Closing the main window closes the others:
 * the projector shows the main window's session and is no use without it.
 * Important: Electron's screen module cannot be used before the app is ready: `screen` is called
 * only when a display is asked for (a call, a menu click), never while the port is built.
 */
export function electronWindows(
  BrowserWindowClass: BrowserWindowClass,
  screen: ScreenLike,
  options: ElectronWindowsOptions,
): ElectronWindows {
  const { preload, icon, language, log = console } = options;
  const registry = createWindowRegistry();
  const displays = () => listDisplays(screen, language());

  const showMain = () => {
    const open = registry.main();
    if (open) {
      focusWindow(open);
      return open;
    }
    const window = createAppWindow(BrowserWindowClass, mainWindowOptions(preload, icon), appEntryUrl, log);
    registry.add(window, 'editor');
    // Added after the registry's own 'closed' listener, so the main window is already gone from it.
    window.on('closed', () => {
      for (const other of registry.all()) other.close();
    });
    return window;
  };

  const showProjector = (displayId?: number) => {
    const open = registry.find('projector');
    if (open) {
      focusWindow(open);
      return;
    }
    const placement = projectorPlacement(displays(), displayId);
    registry.add(createAppWindow(BrowserWindowClass, projectorWindowOptions(preload, placement, icon), appProjectorUrl, log), 'projector');
  };

  return {
    registry,
    showMain,
    displays,
    open(view, displayId) {
      if (view === 'projector') showProjector(displayId);
      else showMain();
      return 'opened';
    },
  };
}
