/**
 * The main window: Thai title, a size that fits an office monitor and a projector, the secure web
 * preferences, shown even when its page fails to load. Takes the BrowserWindow class as a parameter.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from './appProtocol';
import { webPreferencesFor } from './security';

/** The window title. */
export const windowTitle = 'TambonPlan — แผนชุมชนระดับตำบล';

/** The window's options, given the preload's path. */
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
 * Creates the main window and loads the app's page from `app://tambon/`. It starts hidden and is
 * shown on its first paint (no white flash); if the page fails to load it is shown anyway and the
 * failure logged, so a broken install never leaves an invisible window running.
 * The navigation guards are not attached here: main.ts guards every web contents as it is created.
 */
export function createMainWindow(
  BrowserWindowClass: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  paths: { preload: string; icon?: string },
  log: Pick<Console, 'error'> = console,
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(paths.preload, paths.icon));
  const show = () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  window.once('ready-to-show', show);
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame) return;
    log.error(`could not load the app page ${validatedURL}: ${errorDescription} (${errorCode})`);
    show();
  });
  void window.loadURL(appEntryUrl).catch((error: unknown) => {
    log.error('could not load the app page:', error);
    show();
  });
  return window;
}
