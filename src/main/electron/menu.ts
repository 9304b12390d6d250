/**
 * The application menu and the about box, in the language of the `language` preference (texts in
 * strings.ts). Items that act on the workspace send a `menu.command` event so the renderer runs
 * the same flow as its own buttons; the shell itself only opens the projector window, quits and
 * shows "about".
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { shellStrings, type ShellLanguage } from './strings';

/** What the menu's items do, supplied by the shell (fakes in tests). */
export interface MenuActions {
  /** Asks the renderer to run a command. */
  command(command: MenuCommand): void;
  /** Opens the projector window (or brings it forward when it is open). */
  openProjector(): void;
  /** Shows the about box. */
  about(): void;
  /** Quits the app. */
  quit(): void;
}

/**
 * The menu template in `language`. Reload and developer tools appear only when not packaged; the
 * projector window, zoom and full screen (for the forum) always.
 */
export function applicationMenuTemplate(options: {
  isPackaged: boolean;
  language: ShellLanguage;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { isPackaged, actions } = options;
  const t = shellStrings[options.language].menu;
  const send = (command: MenuCommand) => () => actions.command(command);
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
      ];
  return [
    {
      label: t.file,
      submenu: [
        { id: 'workspace.new', label: t.newWorkspace, accelerator: 'CmdOrCtrl+N', click: send('workspace.new') },
        { id: 'workspace.open', label: t.open, accelerator: 'CmdOrCtrl+O', click: send('workspace.open') },
        { id: 'workspace.saveAs', label: t.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: send('workspace.saveAs') },
        { type: 'separator' },
        { id: 'backups.restore', label: t.restoreBackup, click: send('backups.restore') },
        { type: 'separator' },
        { id: 'workspace.close', label: t.closeWorkspace, click: send('workspace.close') },
        { type: 'separator' },
        { id: 'quit', label: t.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { id: 'windows.projector', label: t.openProjector, click: () => actions.openProjector() },
        { type: 'separator' },
        ...developer,
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { role: 'resetZoom', label: t.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.help,
      submenu: [{ id: 'about', label: t.about, click: () => actions.about() }],
    },
  ];
}

/** The about box in `language`: its title, message, detail and button. */
export function aboutText(
  appVersion: string,
  versions: { electron?: string; chrome?: string; node?: string },
  language: ShellLanguage,
) {
  const t = shellStrings[language].about;
  return {
    title: t.title,
    message: `TambonPlan ${appVersion}`,
    detail: [
      t.description,
      '',
      `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
      t.licences,
      t.fontLicence('resources/licenses'),
      t.dataLicence('resources/data/README.md'),
    ].join('\n'),
    button: t.ok,
  };
}
