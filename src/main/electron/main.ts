/**
 * The Electron composition root, bundled to dist/electron/main.cjs: the only module that loads
 * 'electron' at run time. It wires the pieces beside it (each testable under plain Node) and the
 * same services the CLI and the harness use:
 *   app:// protocol over dist/renderer → the app's windows (the editor, the forum's projector; all
 *   sandboxed, isolated, no Node; tracked in windows.ts) → preload's window.api → one IPC handler
 *   (sender checked against those windows) → dispatch → services; events back to every window.
 * The menu, native dialogs and about box speak the `language` preference: read at start, and the
 * menu is rebuilt when a change of preferences (the renderer's prefs.set) switches it.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session } from 'electron';
import { createContext, defaultHomeDir } from '../services/context';
import { onPreferencesChanged, readPreferences } from '../services/preferences/preferences';
import { closeWhenIdle } from '../services/workspace/lifecycle';
import { appVersion } from '../version';
import { appScheme, appSchemePrivileges, createAppProtocolHandler } from './appProtocol';
import { electronDialogs } from './dialogs';
import { eventSender, registerIpc } from './ipc';
import { aboutText, applicationMenuTemplate } from './menu';
import { shellPaths } from './paths';
import { chosenPathPolicy } from './pathPolicy';
import { electronPrinter } from './print';
import { electronSecrets } from './secrets';
import { guardWebContents, isPermissionAllowed, isTrustedSender } from './security';
import type { ShellLanguage } from './strings';
import { electronWindows, focusWindow } from './windows';

// Important: privileged schemes must be registered before the app is ready.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  // Another TambonPlan is running; it gets focus through 'second-instance'. Two processes on one
  // workspace file would fight over its lock.
  app.quit();
} else {
  startShell();
}

function startShell(): void {
  const paths = shellPaths({ isPackaged: app.isPackaged, mainDir: __dirname, resourcesPath: process.resourcesPath });
  // The same app data folder as the CLI's, by one rule (TAMBON_PLAN_HOME, else the platform's usual one).
  const homeDir = defaultHomeDir();
  // Workspace paths from the renderer must be ones the person chose: in a native dialog of this
  // session, or on the recent list (read once here; every later open or save goes through a dialog).
  const chosenPaths = chosenPathPolicy();
  // Thai until the preferences say otherwise (read below, before the menu is built).
  let language: ShellLanguage = 'th';
  const windows = electronWindows(
    BrowserWindow,
    // Important: Electron's screen module must not be touched before the app is ready; this reads
    // it only when a display is asked for (a call or a menu click, both after ready).
    { getAllDisplays: () => screen.getAllDisplays(), getPrimaryDisplay: () => screen.getPrimaryDisplay() },
    { preload: paths.preload, language: () => language },
  );
  const ours = windows.registry;

  const ctx = createContext({
    resourcesDir: paths.resourcesDir,
    transport: 'electron',
    appVersion,
    developer: !app.isPackaged || process.env.TAMBON_PLAN_DEVELOPER === '1',
    workerScript: paths.worker,
    homeDir,
    paths: chosenPaths,
    dialogs: electronDialogs(dialog, {
      getWindow: () => ours.dialogParent(),
      defaultDir: () => app.getPath('documents'),
      language: () => language,
      onPicked: (file) => chosenPaths.allow(file),
    }),
    windows,
    secrets: electronSecrets(safeStorage),
    print: electronPrinter(BrowserWindow),
    emit: eventSender(() => ours.contents()),
  });
  const preferencesRead = readPreferences(ctx)
    .then((prefs) => {
      language = prefs.language;
      for (const recent of prefs.recent) chosenPaths.allow(recent.path);
    })
    // Never keep the window from opening: without the list, recent files need the open dialog (and the shell speaks Thai).
    .catch((error: unknown) => console.error('could not read the preferences (language, recent list):', error));

  app.on('second-instance', () => {
    const main = ours.main();
    if (main) focusWindow(main);
  });
  // Every web contents (each window of ours, devtools, anything created later) gets the same guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  // Closing the main window closes the projector too (windows.ts), so this is also "the main window closed".
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for a job to roll back and a backup to finish, then closes the workspace.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void closeWhenIdle(ctx)
      .catch((error: unknown) => console.error('could not close the workspace cleanly:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  void Promise.all([app.whenReady(), preferencesRead]).then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(isPermissionAllowed(permission, details.requestingUrl)),
    );
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      isPermissionAllowed(permission, requestingOrigin ? `${requestingOrigin}/` : undefined),
    );
    // No remote content: the page's CSP already forbids it; this cancels any http(s)/ws request of the session too.
    ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
      callback({ cancel: true }),
    );
    protocol.handle(appScheme, createAppProtocolHandler(paths.rendererDir));
    registerIpc(ipcMain, ctx, (event) => isTrustedSender(event, ours.contents()));

    const setMenu = () => {
      const menu = applicationMenuTemplate({
        isPackaged: app.isPackaged,
        language,
        actions: {
          command: (command) => ctx.emit('menu.command', { command }),
          openProjector: () => void windows.open('projector'),
          quit: () => app.quit(),
          about: () => {
            const text = aboutText(appVersion, process.versions, language);
            const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: [text.button] };
            const parent = ours.dialogParent();
            void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
          },
        },
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
    };
    setMenu();
    // Electron menus cannot be relabelled in place: a new language means a new menu. Other changes
    // (the recent list, the operator's name) leave it alone.
    onPreferencesChanged(ctx, (prefs) => {
      if (prefs.language === language) return;
      language = prefs.language;
      setMenu();
    });

    windows.showMain();
  });
}
