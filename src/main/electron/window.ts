/**
 * The main window: Thai title, a size that fits an office monitor and a projector, the secure web
 * preferences and the navigation guards. Takes the BrowserWindow class as a parameter.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from './appProtocol';
import { guardWebContents, webPreferencesFor } from './security';

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
 * Creates the main window, guards its web contents, shows it when its first paint is ready and
 * loads the app's page from `app://tambon/`.
 */
export function createMainWindow(
  BrowserWindowClass: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  paths: { preload: string; icon?: string },
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(paths.preload, paths.icon));
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl).catch((error: unknown) => console.error('could not load the app page:', error));
  return window;
}
