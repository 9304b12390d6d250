/**
 * The app's windows as Electron sees them: the main (editor) window — Thai title, a size that fits
 * an office monitor and a projector — and the projector window, both with the secure web
 * preferences, and one way to create either that shows it even when its page fails to load.
 * Takes the BrowserWindow class as a parameter.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { webPreferencesFor } from './security';

/** The main window's title. */
export const windowTitle = 'TambonPlan — แผนชุมชนระดับตำบล';
/** The projector window's title (the operating system's task bar shows it to the operator). */
export const projectorWindowTitle = 'TambonPlan — จอฉาย (projector)';

/** The BrowserWindow class, or a fake of it in tests. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The main window's options, given the preload's path. */
export function mainWindowOptions(preloadPath: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    title: windowTitle,
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: webPreferencesFor(preloadPath),
  };
}

/**
 * The projector window's options: at `bounds` (inside the display it goes to), filling that
 * display when `fullscreen`, with the same secure web preferences as the main window. Its menu bar
 * hides until Alt is pressed, so the room sees the page and nothing else.
 */
export function projectorWindowOptions(
  preloadPath: string,
  placement: { bounds: Rectangle; fullscreen: boolean },
  icon?: string,
): BrowserWindowConstructorOptions {
  const { bounds, fullscreen } = placement;
  return {
    title: projectorWindowTitle,
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    fullscreen,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: webPreferencesFor(preloadPath),
  };
}

/**
 * Creates a window with `options` and loads `url` (a page of `app://tambon/`). It starts hidden
 * and is shown on its first paint (no white flash); if the page fails to load it is shown anyway
 * and the failure logged, so a broken install never leaves an invisible window running.
 * The navigation guards are not attached here: main.ts guards every web contents as it is created.
 */
export function createAppWindow(
  BrowserWindowClass: BrowserWindowClass,
  options: BrowserWindowConstructorOptions,
  url: string,
  log: Pick<Console, 'error'> = console,
): BrowserWindow {
  const window = new BrowserWindowClass(options);
  const show = () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  window.once('ready-to-show', show);
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame) return;
    log.error(`could not load the app page ${validatedURL}: ${errorDescription} (${errorCode})`);
    show();
  });
  void window.loadURL(url).catch((error: unknown) => {
    log.error('could not load the app page:', error);
    show();
  });
  return window;
}
