/**
 * The Electron shell's wiring, under plain Node: 'electron' is replaced by a fake at that single
 * boundary, and everything behind it is real (dispatch, services, SQLite in a temp folder). The
 * preload is checked as it ships: the bundled dist/electron/preload.cjs run with a fake
 * contextBridge and ipcRenderer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, eventNames } from '../../src/shared/ipc/contract';
import { createAppProtocolHandler } from '../../src/main/electron/appProtocol';
import { applicationMenuTemplate } from '../../src/main/electron/menu';
import { shellPaths } from '../../src/main/electron/paths';
import { isTrustedSender, webPreferencesFor } from '../../src/main/electron/security';
import { createMainWindow } from '../../src/main/electron/window';
import { contentSecurityPolicy } from '../../src/main/contentSecurityPolicy';
import { dispatch } from '../../src/main/rpc/dispatch';
import { createNaSai, ok, tempDir, testContext } from '../support/context';

// ---------------------------------------------------------------------------------------------
// The fake 'electron' module: records what the shell registers, and lets the test play Electron.
// ---------------------------------------------------------------------------------------------
const fake = vi.hoisted(() => {
  type Listener = (...args: any[]) => unknown;
  const calls: { what: string; ready: boolean; args: unknown[] }[] = [];
  const state = { ready: false, paths: {} as Record<string, string> };
  const record = (what: string, ...args: unknown[]) => calls.push({ what, ready: state.ready, args });

  const makeContents = (url: string, processId: number, frameToken: string) => {
    const listeners = new Map<string, Listener[]>();
    const contents = {
      listeners,
      sent: [] as unknown[][],
      windowOpenHandler: null as Listener | null,
      mainFrame: { url, parent: null as unknown, processId, frameToken },
      on(event: string, listener: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return contents;
      },
      setWindowOpenHandler(handler: Listener) {
        contents.windowOpenHandler = handler;
      },
      send(...args: unknown[]) {
        contents.sent.push(args);
      },
      isDestroyed: () => false,
      /** Fires `event` as Electron would; returns whether some listener called preventDefault. */
      emit(event: string, details: Record<string, unknown> = {}) {
        let prevented = false;
        const e = { ...details, preventDefault: () => void (prevented = true) };
        for (const l of listeners.get(event) ?? []) l(e, details.url);
        return prevented;
      },
    };
    return contents;
  };
  type FakeContents = ReturnType<typeof makeContents>;

  const windows: any[] = [];
  class BrowserWindow {
    options: any;
    webContents: FakeContents;
    loaded: string[] = [];
    handlers = new Map<string, Listener[]>();
    shown = 0;
    constructor(options: any) {
      this.options = options;
      this.webContents = makeContents('app://tambon/index.html', 7, 'main-frame');
      windows.push(this);
      record('BrowserWindow', options);
      // As Electron does: every new web contents is announced to the app.
      for (const l of appListeners.get('web-contents-created') ?? []) l({}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    on(event: string, l: Listener) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), l]);
      return this;
    }
    once(event: string, l: Listener) {
      return this.on(event, l);
    }
    show() {
      this.shown += 1;
    }
    isVisible() {
      return this.shown > 0;
    }
    isDestroyed() {
      return false;
    }
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }

  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const session = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as { filter: { urls: string[] }; listener: Listener } | null,
  };
  const dialogs = {
    open: { canceled: true, filePaths: [] as string[] },
    save: { canceled: false, filePath: '' as string | undefined },
    openOptions: [] as any[],
    saveOptions: [] as any[],
    messages: [] as any[],
  };
  const menus: unknown[] = [];

  const module = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => {
        record('requestSingleInstanceLock');
        return true;
      },
      quit: () => record('quit'),
      on(event: string, l: Listener) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), l]);
        return module.app;
      },
      whenReady: () =>
        Promise.resolve().then(() => {
          state.ready = true;
        }),
      getPath: (name: string) => state.paths[name] ?? `/fake/${name}`,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        record('protocol.handle', scheme);
        protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => {
        record('ipcMain.handle', channel);
        ipcHandlers.set(channel, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (l: Listener) => void (session.permissionRequest = l),
        setPermissionCheckHandler: (l: Listener) => void (session.permissionCheck = l),
        webRequest: { onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => void (session.beforeRequest = { filter, listener }) },
      },
    },
    dialog: {
      showOpenDialog: async (...args: any[]) => {
        dialogs.openOptions.push(args.at(-1));
        return dialogs.open;
      },
      showSaveDialog: async (...args: any[]) => {
        dialogs.saveOptions.push(args.at(-1));
        return dialogs.save;
      },
      showMessageBox: async (...args: any[]) => {
        dialogs.messages.push(args.at(-1));
        return { response: 0 };
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    BrowserWindow,
  };
  return { module, calls, state, windows, appListeners, ipcHandlers, protocolHandlers, session, dialogs, menus, makeContents };
});

vi.mock('electron', () => fake.module);
// The real dispatch, watched, so a refused sender can be shown never to reach it.
vi.mock(import('../../src/main/rpc/dispatch'), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, dispatch: vi.fn(original.dispatch) };
});

const repoRoot = path.resolve(__dirname, '../..');
let home: string;
const savedHome = process.env.TAMBON_PLAN_HOME;

/** A workspace on the recent list before the shell starts (opened in an earlier session). */
let recentFile: string;

beforeAll(async () => {
  home = tempDir('tambon-electron-');
  process.env.TAMBON_PLAN_HOME = path.join(home, 'app-data');
  fake.state.paths.documents = home;
  const earlier = testContext({ transport: 'electron' });
  recentFile = (await createNaSai(earlier, 'earlier.tambon')).path;
  await ok(earlier, 'workspace.close');
  fs.mkdirSync(path.join(home, 'app-data'));
  fs.writeFileSync(
    path.join(home, 'app-data', 'preferences.json'),
    JSON.stringify({ operatorName: 'นางสาวสมใจ ใจดี', language: 'th', recent: [{ path: recentFile, label: 'ต.นาทราย', openedAt: '2026-01-05T09:00:00.000Z' }] }),
  );
  await import('../../src/main/electron/main');
  // Let app.whenReady() resolve (and the recent list be read) and the shell finish its ready work.
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(() => {
  for (const l of fake.appListeners.get('will-quit') ?? []) l({ preventDefault: () => undefined });
  if (savedHome === undefined) delete process.env.TAMBON_PLAN_HOME;
  else process.env.TAMBON_PLAN_HOME = savedHome;
  fs.rmSync(home, { recursive: true, force: true });
  if (recentFile) fs.rmSync(path.dirname(recentFile), { recursive: true, force: true });
});

function mainWindow() {
  expect(fake.windows).toHaveLength(1);
  return fake.windows[0] as InstanceType<typeof fake.module.BrowserWindow>;
}

function invokeHandler() {
  const handler = fake.ipcHandlers.get('tambon:invoke');
  if (!handler) throw new Error('no handler for tambon:invoke');
  return handler as (event: unknown, channel: unknown, input: unknown) => Promise<any>;
}

describe('composition root (src/main/electron/main.ts)', () => {
  it('takes the single-instance lock and registers app:// as a privileged scheme before ready', () => {
    expect(fake.calls.find((c) => c.what === 'requestSingleInstanceLock')).toBeDefined();
    const registered = fake.calls.find((c) => c.what === 'registerSchemesAsPrivileged');
    expect(registered?.ready).toBe(false);
    expect(registered?.args[0]).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const privileges = (registered?.args[0] as { privileges: Record<string, unknown> }[])[0]!.privileges;
    expect(privileges.corsEnabled ?? false).toBe(false);
    expect(privileges.bypassCSP ?? false).toBe(false);
    const handled = fake.calls.find((c) => c.what === 'protocol.handle');
    expect(handled).toMatchObject({ ready: true, args: ['app'] });
  });

  it('opens one window with secure web preferences, a Thai title and the app:// page', () => {
    const window = mainWindow();
    const { options } = window;
    expect(options.title).toBe('TambonPlan — แผนชุมชนระดับตำบล');
    expect(options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700 });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(options.webPreferences.preload).toMatch(/[/\\]preload\.cjs$/);
    expect(window.loaded).toEqual(['app://tambon/index.html']);
  });

  it('shows the window on its first paint', () => {
    const window = mainWindow();
    expect(window.options.show).toBe(false);
    for (const l of window.handlers.get('ready-to-show') ?? []) l();
    expect(window.shown).toBe(1);
  });

  it("guards the window's web contents once, through web-contents-created", () => {
    const contents = mainWindow().webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listeners.get(event), event).toHaveLength(1);
    }
  });

  it('prevents navigation away from the app and denies new windows and webviews', () => {
    const contents = mainWindow().webContents;
    expect(contents.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'app://tambonx/index.html' })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'app://tambon/index.html' })).toBe(false);
    expect(contents.emit('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://tambon/index.html' })).toEqual({ action: 'deny' });
  });

  it('guards every other web contents created later the same way', () => {
    const other = fake.makeContents('about:blank', 9, 'other');
    for (const l of fake.appListeners.get('web-contents-created') ?? []) l({}, other);
    expect(other.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies permission requests (but a clipboard write from the app page) and blocks remote requests', () => {
    const answers: boolean[] = [];
    const ask = (permission: string, requestingUrl: string) =>
      fake.session.permissionRequest?.({}, permission, (granted: boolean) => answers.push(granted), { requestingUrl });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      ask(permission, 'app://tambon/index.html');
    }
    ask('clipboard-sanitized-write', 'https://evil.example/');
    expect(answers).toEqual([false, false, false, false, false, false, false]);
    answers.length = 0;
    ask('clipboard-sanitized-write', 'app://tambon/index.html');
    expect(answers).toEqual([true]);
    expect(fake.session.permissionCheck?.({}, 'media', 'app://tambon')).toBe(false);
    expect(fake.session.permissionCheck?.({}, 'clipboard-read', 'app://tambon')).toBe(false);
    expect(fake.session.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://tambon')).toBe(true);
    expect(fake.session.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    let cancelled: unknown;
    fake.session.beforeRequest?.listener({ url: 'https://cdn.example/x.js' }, (r: unknown) => (cancelled = r));
    expect(cancelled).toEqual({ cancel: true });
  });

  it('refuses IPC from a foreign sender without dispatching', async () => {
    const contents = mainWindow().webContents;
    const spy = vi.mocked(dispatch);
    spy.mockClear();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const foreignPage = { ...contents.mainFrame, url: 'https://evil.example/' };
    const subframe = { url: 'app://tambon/index.html', parent: contents.mainFrame, processId: 7, frameToken: 'child' };
    const otherWindow = fake.makeContents('app://tambon/index.html', 8, 'other-main');
    const senders = [
      { sender: contents, senderFrame: foreignPage },
      { sender: contents, senderFrame: subframe },
      { sender: contents, senderFrame: null },
      { sender: otherWindow, senderFrame: otherWindow.mainFrame },
    ];
    for (const event of senders) {
      const answer = await invokeHandler()(event, 'app.info', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    }
    expect(spy).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(senders.length);
    expect(warn.mock.calls[0]?.[0]).toContain('https://evil.example/');
    warn.mockRestore();
  });

  it("dispatches calls from the app's own page to the real services", async () => {
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    const spy = vi.mocked(dispatch);
    spy.mockClear();
    const info = await invokeHandler()(event, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
    expect(spy).toHaveBeenCalledTimes(1);

    // Validation still happens in main, whatever the preload let through.
    expect(await invokeHandler()(event, 'no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invokeHandler()(event, 'gazetteer.tambon', { code: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // A workspace on a temp folder, created over the same handler where the save dialog said.
    fake.dialogs.save = { canceled: false, filePath: path.join(home, 'nasai.tambon') };
    expect(await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'save' })).toMatchObject({ ok: true, value: { kind: 'picked' } });
    const created = await invokeHandler()(event, 'workspace.create', {
      path: path.join(home, 'nasai.tambon'),
      tambonCode: '800108',
      officeType: 'sao',
      officeName: 'องค์การบริหารส่วนตำบลนาทราย',
      framework: { presetId: 'nst-coop-phase2' },
    });
    expect(created).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(home, 'nasai.tambon'))).toBe(true);
    // Preferences live in TAMBON_PLAN_HOME, not the platform's app data folder.
    expect(fs.existsSync(path.join(home, 'app-data'))).toBe(true);
  });

  it('refuses workspace paths that no dialog returned and that are not recent (a compromised page)', async () => {
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    const create = (file: string) =>
      invokeHandler()(event, 'workspace.create', {
        path: file,
        tambonCode: '800108',
        officeType: 'sao',
        officeName: 'องค์การบริหารส่วนตำบลนาทราย',
        framework: { presetId: 'nst-coop-phase2' },
      });
    const targets = [path.join(home, 'unpicked.tambon'), '\\\\evil-server\\share\\x.tambon', '//evil-server/share/x.tambon', 'relative.tambon'];
    for (const file of targets) {
      const answer = await create(file);
      expect(answer, file).toMatchObject({ ok: false, error: { code: 'REFUSED', field: 'path' } });
      expect(answer.error.messageTh).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(fs.existsSync(path.join(home, 'unpicked.tambon'))).toBe(false);
    expect(await invokeHandler()(event, 'workspace.open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(await invokeHandler()(event, 'workspace.saveAs', { path: path.join(home, 'copy.tambon') })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', field: 'path' },
    });
    expect(fs.existsSync(path.join(home, 'copy.tambon'))).toBe(false);

    // A cancelled dialog allows nothing.
    fake.dialogs.save = { canceled: true, filePath: path.join(home, 'cancelled.tambon') };
    expect(await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'save' })).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(await create(path.join(home, 'cancelled.tambon'))).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('opens a workspace from the recent list (read at start) without a dialog', async () => {
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    const opened = await invokeHandler()(event, 'workspace.open', { path: recentFile });
    expect(opened).toMatchObject({ ok: true, value: { path: recentFile, tambon: { code: '800108' } } });
    // Opened through the open dialog: accepted, too.
    const picked = path.join(home, 'nasai.tambon');
    fake.dialogs.open = { canceled: false, filePaths: [picked] };
    await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' });
    expect(await invokeHandler()(event, 'workspace.open', { path: picked })).toMatchObject({ ok: true, value: { path: picked } });
  });

  it("sends events to the window's page on tambon:event", async () => {
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    contents.sent.length = 0;
    const started = await invokeHandler()(event, 'jobs.start', { kind: 'selfTest', input: { rows: 20, steps: 2 } });
    expect(started.ok).toBe(true);
    await vi.waitFor(() => expect(contents.sent.some((s) => s[1] === 'job.finished')).toBe(true));
    const finished = contents.sent.find((s) => s[1] === 'job.finished');
    expect(finished?.[0]).toBe('tambon:event');
    expect(finished?.[2]).toMatchObject({ jobId: started.value.jobId, status: 'done' });
  });

  it('answers file dialogs natively with the .tambon filter', async () => {
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    fake.dialogs.save = { canceled: false, filePath: path.join(home, 'นาทราย') };
    const saved = await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'save', suggestedName: 'นาทราย' });
    expect(saved).toEqual({ ok: true, value: { kind: 'picked', path: path.join(home, 'นาทราย.tambon') } });
    const saveOptions = fake.dialogs.saveOptions.at(-1);
    expect(saveOptions.title).toBe('บันทึกพื้นที่ทำงาน');
    expect(saveOptions.filters[0]).toEqual({ name: 'พื้นที่ทำงาน TambonPlan', extensions: ['tambon'] });
    expect(saveOptions.defaultPath).toBe(path.join(home, 'นาทราย.tambon'));

    fake.dialogs.open = { canceled: true, filePaths: [] };
    expect(await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' })).toEqual({ ok: true, value: { kind: 'cancelled' } });
    fake.dialogs.open = { canceled: false, filePaths: [path.join(home, 'nasai.tambon')] };
    expect(await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' })).toEqual({
      ok: true,
      value: { kind: 'picked', path: path.join(home, 'nasai.tambon') },
    });
    expect(fake.dialogs.openOptions.at(-1).filters[0].extensions).toEqual(['tambon']);
    expect(fake.dialogs.openOptions.at(-1).title).toBe('เปิดพื้นที่ทำงาน');
  });

  it('sets a Thai menu whose workspace items ask the renderer, and quits from ออก', () => {
    // Built once at start, in the language of the preferences (Thai).
    expect(fake.menus).toHaveLength(1);
    const menu = fake.menus.at(-1) as { label: string; submenu: { id?: string; label?: string; role?: string; click?: () => void }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['ไฟล์', 'แก้ไข', 'มุมมอง', 'ช่วยเหลือ']);
    const file = menu[0]!.submenu;
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual(['สร้างใหม่', 'เปิด…', 'บันทึกเป็น…', 'กู้คืนจากสำรอง…', 'ปิดพื้นที่ทำงาน', 'ออก']);
    const contents = mainWindow().webContents;
    contents.sent.length = 0;
    file.find((i) => i.label === 'เปิด…')!.click!();
    expect(contents.sent).toEqual([['tambon:event', 'menu.command', { command: 'workspace.open' }]]);
    file.find((i) => i.label === 'ออก')!.click!();
    expect(fake.calls.at(-1)?.what).toBe('quit');
    // Not packaged here: reload and devtools are offered.
    expect(menu[2]!.submenu.map((i) => i.role)).toContain('toggleDevTools');
    menu[3]!.submenu[0]!.click!();
    const about = fake.dialogs.messages.at(-1);
    expect(about).toMatchObject({ title: 'เกี่ยวกับ TambonPlan', buttons: ['ตกลง'] });
    expect(about.message).toMatch(/^TambonPlan /);
    expect(about.detail).toContain('แผนชุมชนระดับตำบล');
    // Where the licences are: the font's in resources/licenses, the gazetteer's MIT notices in its README.
    expect(about.detail).toContain('resources/licenses');
    expect(about.detail).toContain('resources/data/README.md');
  });

  it('switches the menu, the file dialogs and the about box to English with prefs.set, and back', async () => {
    type MenuTemplate = { label: string; submenu: { id?: string; label?: string; click?: () => void }[] }[];
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    const menusBefore = fake.menus.length;

    // A change that leaves the language alone does not rebuild the menu.
    expect(await invokeHandler()(event, 'prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' })).toMatchObject({ ok: true });
    expect(fake.menus).toHaveLength(menusBefore);

    expect(await invokeHandler()(event, 'prefs.set', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(fake.menus).toHaveLength(menusBefore + 1);
    const menu = fake.menus.at(-1) as MenuTemplate;
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menu[0]!.submenu.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New',
      'Open…',
      'Save As…',
      'Restore from Backup…',
      'Close Workspace',
      'Quit',
    ]);
    // The English items still ask the renderer for the same commands.
    contents.sent.length = 0;
    menu[0]!.submenu.find((i) => i.label === 'Open…')!.click!();
    expect(contents.sent).toEqual([['tambon:event', 'menu.command', { command: 'workspace.open' }]]);

    fake.dialogs.open = { canceled: true, filePaths: [] };
    await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' });
    expect(fake.dialogs.openOptions.at(-1)).toMatchObject({
      title: 'Open Workspace',
      filters: [
        { name: 'TambonPlan workspace', extensions: ['tambon'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    fake.dialogs.save = { canceled: true, filePath: undefined };
    await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'save' });
    expect(fake.dialogs.saveOptions.at(-1)).toMatchObject({ title: 'Save Workspace', defaultPath: path.join(home, 'Workspace.tambon') });
    expect(fake.dialogs.saveOptions.at(-1).filters[0].name).toBe('TambonPlan workspace');

    menu[3]!.submenu[0]!.click!();
    const about = fake.dialogs.messages.at(-1);
    expect(about).toMatchObject({ title: 'About TambonPlan', buttons: ['OK'] });
    expect(about.message).toMatch(/^TambonPlan /);
    expect(about.detail).toContain('Licences:');
    expect(about.detail).toContain('resources/data/README.md');
    expect(about.detail).not.toMatch(/[\u0E00-\u0E7F]/);

    // And back to Thai: the menu is rebuilt once more.
    expect(await invokeHandler()(event, 'prefs.set', { language: 'th' })).toMatchObject({ ok: true });
    expect(fake.menus).toHaveLength(menusBefore + 2);
    expect((fake.menus.at(-1) as MenuTemplate).map((m) => m.label)).toEqual(['ไฟล์', 'แก้ไข', 'มุมมอง', 'ช่วยเหลือ']);
    await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' });
    expect(fake.dialogs.openOptions.at(-1).title).toBe('เปิดพื้นที่ทำงาน');
  });
});

describe('shell pieces', () => {
  it('offers no reload or devtools in the packaged menu, and only contract commands', () => {
    const commands: string[] = [];
    const template = applicationMenuTemplate({ isPackaged: true, language: 'th', actions: { command: (c) => commands.push(c), about() {}, quit() {} } });
    const roles = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    for (const item of template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))) {
      if (item.id && item.id !== 'quit' && item.id !== 'about') (item.click as () => void)();
    }
    expect(commands).toEqual(['workspace.new', 'workspace.open', 'workspace.saveAs', 'backups.restore', 'workspace.close']);
  });

  it('finds the preload, renderer and resources from the bundle, packaged or not', () => {
    const dev = shellPaths({ isPackaged: false, mainDir: path.join(repoRoot, 'dist', 'electron'), resourcesPath: '/unused' });
    expect(dev).toEqual({
      preload: path.join(repoRoot, 'dist', 'electron', 'preload.cjs'),
      rendererDir: path.join(repoRoot, 'dist', 'renderer'),
      resourcesDir: path.join(repoRoot, 'resources'),
      worker: path.join(repoRoot, 'dist', 'worker.cjs'),
    });
    const installed = path.join(path.sep, 'opt', 'TambonPlan', 'resources');
    const packaged = shellPaths({ isPackaged: true, mainDir: path.join(installed, 'app.asar', 'dist', 'electron'), resourcesPath: installed });
    expect(packaged).toEqual({
      preload: path.join(installed, 'app.asar', 'dist', 'electron', 'preload.cjs'),
      rendererDir: path.join(installed, 'app.asar', 'dist', 'renderer'),
      resourcesDir: path.join(installed, 'resources'),
      worker: path.join(installed, 'app.asar', 'dist', 'worker.cjs'),
    });
  });

  it('serves only files under the renderer folder on app://tambon/, with the CSP', async () => {
    const root = tempDir('tambon-renderer-');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
    const handle = createAppProtocolHandler(root);
    try {
      const index = await handle(new Request('app://tambon/index.html'));
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toMatch(/^text\/html/);
      expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(await index.text()).toContain('<title>ok</title>');
      expect((await handle(new Request('app://tambon/'))).status).toBe(200);
      const script = await handle(new Request('app://tambon/assets/app.js'));
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);

      const escapes = [
        `app://tambon/..%2f${path.basename(root)}-secret.txt`,
        `app://tambon/%2e%2e/${path.basename(root)}-secret.txt`,
        'app://tambon/..%2f..%2f..%2fetc%2fpasswd',
        'app://tambon/%00index.html',
        'app://tambon/missing.js',
        'app://other/index.html',
      ];
      for (const url of escapes) {
        const res = await handle(new Request(url));
        expect([400, 404], url).toContain(res.status);
        expect(await res.text()).not.toContain('secret');
      }
      expect((await handle(new Request('app://tambon/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
    }
  });

  it('shows the window and logs when its page fails to load, instead of leaving it hidden', async () => {
    const made: FailingWindow[] = [];
    class FailingWindow {
      shown = 0;
      webContents = fake.makeContents('app://tambon/index.html', 5, 'm');
      constructor(readonly options: unknown) {
        made.push(this);
      }
      once() {
        return this; // ready-to-show never comes
      }
      show() {
        this.shown += 1;
      }
      isVisible() {
        return this.shown > 0;
      }
      isDestroyed() {
        return false;
      }
      loadURL(url: string) {
        // As Electron does: did-fail-load fires, then the promise rejects.
        for (const l of this.webContents.listeners.get('did-fail-load') ?? []) l({}, -6, 'ERR_FILE_NOT_FOUND', url, true);
        return Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading app://tambon/index.html'));
      }
    }
    const errors: unknown[][] = [];
    createMainWindow(FailingWindow as never, { preload: '/x/preload.cjs' }, { error: (...args: unknown[]) => void errors.push(args) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toHaveLength(1);
    expect(made[0]!.shown).toBe(1);
    expect(String(errors[0]?.[0])).toContain('ERR_FILE_NOT_FOUND');
    expect(String(errors[0]?.[0])).toContain('app://tambon/index.html');

    // A failing subframe does not show a window whose page is still coming.
    const quiet = fake.makeContents('app://tambon/index.html', 6, 'q');
    class SlowWindow {
      shown = 0;
      webContents = quiet;
      once() {
        return this;
      }
      show() {
        this.shown += 1;
      }
      isVisible() {
        return this.shown > 0;
      }
      isDestroyed() {
        return false;
      }
      loadURL() {
        return new Promise(() => undefined);
      }
    }
    const slow = createMainWindow(SlowWindow as never, { preload: '/x/preload.cjs' }, { error: () => undefined }) as unknown as SlowWindow;
    for (const l of quiet.listeners.get('did-fail-load') ?? []) l({}, -3, 'ERR_ABORTED', 'app://tambon/frame.html', false);
    expect(slow.shown).toBe(0);
  });

  it('trusts only the main frame of our window showing an app:// page', () => {
    const contents = fake.makeContents('app://tambon/index.html', 3, 'm');
    const asContents = contents as unknown as Electron.WebContents;
    const ok = { sender: asContents, senderFrame: contents.mainFrame } as unknown as Electron.IpcMainInvokeEvent;
    expect(isTrustedSender(ok, asContents)).toBe(true);
    expect(isTrustedSender(ok, null)).toBe(false);
    const lookalike = { ...contents.mainFrame, url: 'app://tambon.evil.example/index.html' };
    expect(isTrustedSender({ sender: asContents, senderFrame: lookalike } as never, asContents)).toBe(false);
    const otherFrameSameUrl = { ...contents.mainFrame, frameToken: 'another' };
    expect(isTrustedSender({ sender: asContents, senderFrame: otherFrameSameUrl } as never, asContents)).toBe(false);
  });
});

describe('preload (dist/electron/preload.cjs, as bundled)', () => {
  const preloadFile = path.join(repoRoot, 'dist', 'electron', 'preload.cjs');

  /** Runs the bundle as a sandboxed preload would, with fake electron modules; returns what it exposed. */
  function loadPreload(argv: string[]) {
    if (!fs.existsSync(preloadFile)) throw new Error(`${preloadFile} is missing: run npm run build:node`);
    const exposed: Record<string, any> = {};
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: 'from main' };
        },
        on: (channel: string, l: (...args: unknown[]) => void) => void listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
        removeListener: (channel: string, l: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(l),
      },
    };
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    const run = new Function('require', 'module', 'exports', 'process', fs.readFileSync(preloadFile, 'utf8'));
    run(sandboxRequire, module, module.exports, { argv });
    const emit = (name: string, payload: unknown) => {
      for (const l of listeners.get('tambon:event') ?? []) l({}, name, payload);
    };
    return { exposed, invoked, listeners, required, emit };
  }

  const mainArgv = ['/opt/TambonPlan/tambonplan', '--type=renderer', ...(webPreferencesFor('/x/preload.cjs').additionalArguments ?? [])];

  it('is one CommonJS file that requires nothing but electron', () => {
    const source = fs.readFileSync(preloadFile, 'utf8');
    const requires = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(source).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
    expect(loadPreload(mainArgv).required).toEqual(['electron']);
  });

  it('exposes exactly window.api = { invoke, on }', () => {
    const { exposed } = loadPreload(mainArgv);
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api).sort()).toEqual(['invoke', 'on']);
  });

  it('passes contract channels to main and rejects any other', async () => {
    const { exposed, invoked } = loadPreload(mainArgv);
    for (const channel of channels) {
      await expect(exposed.api.invoke(channel, {})).resolves.toEqual({ ok: true, value: 'from main' });
    }
    expect(invoked).toHaveLength(channels.length);
    expect(invoked[0]).toEqual(['tambon:invoke', channels[0], {}]);
    for (const bad of ['fs.readFile', 'constructor', '__proto__', 'toString', '', 'app.info,prefs.get']) {
      await expect(exposed.api.invoke(bad, {})).rejects.toThrow(/Unknown channel/);
    }
    expect(invoked).toHaveLength(channels.length);
  });

  it('delivers only contract events, filtered by name, until unsubscribed', () => {
    const { exposed, emit, listeners } = loadPreload(mainArgv);
    const got: unknown[] = [];
    const off = exposed.api.on('job.progress', (p: unknown) => got.push(p));
    emit('job.finished', { jobId: 'a' });
    emit('job.progress', { jobId: 'a', done: 1, total: 2 });
    off();
    emit('job.progress', { jobId: 'a', done: 2, total: 2 });
    expect(got).toEqual([{ jobId: 'a', done: 1, total: 2 }]);
    expect(listeners.get('tambon:event')?.size).toBe(0);
    for (const name of eventNames) expect(typeof exposed.api.on(name, () => undefined)).toBe('function');
    expect(() => exposed.api.on('secret.event', () => undefined)).toThrow(/Unknown event/);
  });

  it('allows nothing when main passed no allow-lists', async () => {
    const { exposed, invoked } = loadPreload(['/opt/TambonPlan/tambonplan']);
    await expect(exposed.api.invoke('app.info', {})).rejects.toThrow(/Unknown channel/);
    expect(() => exposed.api.on('job.progress', () => undefined)).toThrow(/Unknown event/);
    expect(invoked).toEqual([]);
  });
});

describe('layer rule', () => {
  // test/unit/layers.test.ts checks who may import 'electron' at all; this checks who loads it.
  it("only main.ts and the preload load 'electron' at run time; the other shell modules import its types", () => {
    const dir = path.join(repoRoot, 'src', 'main', 'electron');
    const files = [...fs.readdirSync(dir).map((f) => path.join(dir, f)), path.join(repoRoot, 'src', 'main', 'preload', 'index.ts')];
    const loaders = files
      .filter((file) => /^import\s+(?!type\b)[^;]*?from\s+['"]electron['"]|require\(\s*['"]electron['"]/m.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file).split(path.sep).join('/'));
    expect(loaders.sort()).toEqual(['src/main/electron/main.ts', 'src/main/preload/index.ts']);
  });
});
