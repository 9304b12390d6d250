/**
 * The Electron shell's wiring, under plain Node: 'electron' is replaced by a fake at that single
 * boundary, and everything behind it is real (dispatch, services, SQLite in a temp folder). The
 * preload is checked as it ships: the bundled dist/electron/preload.cjs run with a fake
 * contextBridge and ipcRenderer.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { BrowserWindowConstructorOptions, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, eventNames } from '../../src/shared/ipc/contract';
import { createAppProtocolHandler } from '../../src/main/electron/appProtocol';
import { applicationMenuTemplate } from '../../src/main/electron/menu';
import { shellPaths } from '../../src/main/electron/paths';
import { isTrustedSender, webPreferencesFor } from '../../src/main/electron/security';
import { createAppWindow, mainWindowOptions } from '../../src/main/electron/window';
import { listDisplays, projectorPlacement } from '../../src/main/electron/windows';
import { contentSecurityPolicy } from '../../src/main/contentSecurityPolicy';
import { dispatch } from '../../src/main/rpc/dispatch';
import { createNaSai, ok, tempDir, testContext } from '../support/context';

// ---------------------------------------------------------------------------------------------
// The fake 'electron' module: records what the shell registers, and lets the test play Electron.
// ---------------------------------------------------------------------------------------------
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const calls: { what: string; ready: boolean; args: unknown[] }[] = [];
  const state = {
    ready: false,
    paths: {} as Record<string, string>,
    focused: null as unknown,
    /** 'window-all-closed' was announced since the last window opened. */
    allClosed: false,
    /** What Electron's screen reports: a laptop panel (primary), an unnamed monitor, a projector. */
    displays: [
      { id: 1, label: 'Built-in Display', bounds: { x: 0, y: 0, width: 1366, height: 768 } },
      { id: 2, label: '', bounds: { x: 1366, y: 0, width: 1920, height: 1080 } },
      { id: 3, label: 'EPSON PJ', bounds: { x: 3286, y: -100, width: 1024, height: 768 } },
    ],
    primaryId: 1,
  };
  const record = (what: string, ...args: unknown[]) => calls.push({ what, ready: state.ready, args });

  const makeContents = (url: string, processId: number, frameToken: string) => {
    const listeners = new Map<string, Listener[]>();
    const contents = {
      listeners,
      destroyed: false,
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
        // As Electron does: a destroyed web contents throws on any use (recorded first, so a test sees the attempt).
        if (contents.destroyed) throw new Error('Object has been destroyed');
      },
      isDestroyed: () => contents.destroyed,
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

  const windows: BrowserWindow[] = [];
  class BrowserWindow {
    options: BrowserWindowConstructorOptions;
    webContents: FakeContents;
    loaded: string[] = [];
    handlers = new Map<string, Listener[]>();
    shown = 0;
    focused = 0;
    restored = 0;
    minimized = false;
    destroyed = false;
    constructor(options: BrowserWindowConstructorOptions) {
      this.options = options;
      // Each window its own renderer process and main frame (the first: process 7).
      this.webContents = makeContents('about:blank', 7 + windows.length, `main-frame-${windows.length}`);
      windows.push(this);
      state.allClosed = false;
      record('BrowserWindow', options);
      // As Electron does: every new web contents is announced to the app.
      for (const l of appListeners.get('web-contents-created') ?? []) l({}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    on(event: string, l: Listener) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), l]);
      return this;
    }
    once(event: string, l: Listener) {
      return this.on(event, l);
    }
    fire(event: string, ...args: unknown[]) {
      for (const l of this.handlers.get(event) ?? []) l(...args);
    }
    show() {
      this.shown += 1;
      state.focused = this;
    }
    isVisible() {
      return this.shown > 0;
    }
    isDestroyed() {
      return this.destroyed;
    }
    focus() {
      this.focused += 1;
      state.focused = this;
    }
    isFocused() {
      return state.focused === this;
    }
    restore() {
      this.restored += 1;
      this.minimized = false;
    }
    isMinimized() {
      return this.minimized;
    }
    /** As Electron does: destroyed, then 'closed'; the app hears 'window-all-closed' after the last one. */
    close() {
      if (this.destroyed) return;
      this.fire('close', { preventDefault: () => undefined });
      this.destroyed = true;
      this.webContents.destroyed = true;
      if (state.focused === this) state.focused = null;
      this.fire('closed');
      // Once, however the closes nest (the main window's 'closed' closing the projector).
      if (!state.allClosed && windows.every((w) => w.destroyed)) {
        state.allClosed = true;
        for (const l of appListeners.get('window-all-closed') ?? []) l();
      }
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
    openOptions: [] as OpenDialogOptions[],
    saveOptions: [] as SaveDialogOptions[],
    messages: [] as MessageBoxOptions[],
    /** The window each dialog was modal to (null: none). */
    parents: [] as unknown[],
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
      // Each takes (options) or (window, options), as Electron's do.
      showOpenDialog: (...args: unknown[]) => {
        dialogs.openOptions.push(args.at(-1) as OpenDialogOptions);
        dialogs.parents.push(args.length > 1 ? args[0] : null);
        return Promise.resolve(dialogs.open);
      },
      showSaveDialog: (...args: unknown[]) => {
        dialogs.saveOptions.push(args.at(-1) as SaveDialogOptions);
        dialogs.parents.push(args.length > 1 ? args[0] : null);
        return Promise.resolve(dialogs.save);
      },
      showMessageBox: (...args: unknown[]) => {
        dialogs.messages.push(args.at(-1) as MessageBoxOptions);
        dialogs.parents.push(args.length > 1 ? args[0] : null);
        return Promise.resolve({ response: 0 });
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    BrowserWindow,
    screen: {
      getAllDisplays: () => state.displays,
      getPrimaryDisplay: () => state.displays.find((d) => d.id === state.primaryId)!,
    },
    // Linux without a keyring: the signing key is never remembered (see electron/secrets.ts).
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (data: Buffer) => data.toString(),
    },
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

type FakeWindow = InstanceType<typeof fake.module.BrowserWindow>;

/** The fake windows not closed yet. */
function openWindows(): FakeWindow[] {
  return fake.windows.filter((w) => !w.destroyed);
}

/** The one main (editor) window. */
function mainWindow(): FakeWindow {
  const mains = openWindows().filter((w) => w.loaded[0] === 'app://tambon/index.html');
  expect(mains).toHaveLength(1);
  return mains[0]!;
}

/** The open projector windows (at most one, if the shell is right). */
function projectorWindows(): FakeWindow[] {
  return openWindows().filter((w) => w.loaded[0] === 'app://tambon/index.html?view=projector');
}

/** A call from `window`'s page (its main frame, as Electron reports it). */
function fromPage(window: FakeWindow) {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

/** What the invoke handler answers, loosely typed for assertions (its `value` depends on the channel). */
interface Answer {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { code: string; messageTh: string; messageEn: string; field?: string };
}

function invokeHandler() {
  const handler = fake.ipcHandlers.get('tambon:invoke');
  if (!handler) throw new Error('no handler for tambon:invoke');
  return handler as (event: unknown, channel: unknown, input: unknown) => Promise<Answer>;
}

describe('composition root (src/main/electron/main.ts)', () => {
  it('takes the single-instance lock and registers app:// as a privileged scheme before ready', () => {
    expect(fake.calls.find((c) => c.what === 'requestSingleInstanceLock')).toBeDefined();
    const registered = fake.calls.find((c) => c.what === 'registerSchemesAsPrivileged');
    expect(registered?.ready).toBe(false);
    expect(registered?.args[0]).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const privileges = (registered?.args[0] as { privileges: Record<string, unknown> }[])[0]!.privileges;
    expect(privileges.corsEnabled ?? false).toBe(false);
    expect(privileges.bypassCSP ?? false).toBe(false);
    const handled = fake.calls.find((c) => c.what === 'protocol.handle');
    expect(handled).toMatchObject({ ready: true, args: ['app'] });
  });

  it('opens one window with secure web preferences, a Thai title and the app:// page', () => {
    expect(fake.windows).toHaveLength(1);
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
    expect(options.webPreferences?.preload).toMatch(/[/\\]preload\.cjs$/);
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
      expect(answer.error?.messageTh).toMatch(/[\u0E00-\u0E7F]/);
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
    await vi.waitFor(() => expect(contents.sent.some((s) => s[1] === 'job.finished')).toBe(true), { timeout: 10_000 });
    const finished = contents.sent.find((s) => s[1] === 'job.finished');
    expect(finished?.[0]).toBe('tambon:event');
    expect(finished?.[2]).toMatchObject({ jobId: started.value?.jobId, status: 'done' });
  });

  it('answers file dialogs natively with the .tambon filter', async () => {
    const contents = mainWindow().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    fake.dialogs.save = { canceled: false, filePath: path.join(home, 'นาทราย') };
    const saved = await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'save', suggestedName: 'นาทราย' });
    expect(saved).toEqual({ ok: true, value: { kind: 'picked', path: path.join(home, 'นาทราย.tambon') } });
    const saveOptions = fake.dialogs.saveOptions.at(-1);
    expect(saveOptions?.title).toBe('บันทึกพื้นที่ทำงาน');
    expect(saveOptions?.filters?.[0]).toEqual({ name: 'พื้นที่ทำงาน TambonPlan', extensions: ['tambon'] });
    expect(saveOptions?.defaultPath).toBe(path.join(home, 'นาทราย.tambon'));

    fake.dialogs.open = { canceled: true, filePaths: [] };
    expect(await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' })).toEqual({ ok: true, value: { kind: 'cancelled' } });
    fake.dialogs.open = { canceled: false, filePaths: [path.join(home, 'nasai.tambon')] };
    expect(await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' })).toEqual({
      ok: true,
      value: { kind: 'picked', path: path.join(home, 'nasai.tambon') },
    });
    expect(fake.dialogs.openOptions.at(-1)?.filters?.[0]?.extensions).toEqual(['tambon', 'tpdc']);
    expect(fake.dialogs.openOptions.at(-1)?.title).toBe('เปิดพื้นที่ทำงาน');
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
    expect(about?.message).toMatch(/^TambonPlan /);
    expect(about?.detail).toContain('แผนชุมชนระดับตำบล');
    // Where the licences are: the font's in resources/licenses, the gazetteer's MIT notices in its README.
    expect(about?.detail).toContain('resources/licenses');
    expect(about?.detail).toContain('resources/data/README.md');
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
    expect(menu[2]!.submenu.find((i) => i.id === 'windows.projector')?.label).toBe('Open Projector Window');
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
        // Opening offers the data center's .tpdc too (the start screen opens either kind).
        { name: 'TambonPlan workspace', extensions: ['tambon', 'tpdc'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    fake.dialogs.save = { canceled: true, filePath: undefined };
    await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'save' });
    expect(fake.dialogs.saveOptions.at(-1)).toMatchObject({ title: 'Save Workspace', defaultPath: path.join(home, 'Workspace.tambon') });
    expect(fake.dialogs.saveOptions.at(-1)?.filters?.[0]?.name).toBe('TambonPlan workspace');

    menu[3]!.submenu[0]!.click!();
    const about = fake.dialogs.messages.at(-1);
    expect(about).toMatchObject({ title: 'About TambonPlan', buttons: ['OK'] });
    expect(about?.message).toMatch(/^TambonPlan /);
    expect(about?.detail).toContain('Licences:');
    expect(about?.detail).toContain('resources/data/README.md');
    expect(about?.detail).not.toMatch(/[\u0E00-\u0E7F]/);

    // And back to Thai: the menu is rebuilt once more.
    expect(await invokeHandler()(event, 'prefs.set', { language: 'th' })).toMatchObject({ ok: true });
    expect(fake.menus).toHaveLength(menusBefore + 2);
    expect((fake.menus.at(-1) as MenuTemplate).map((m) => m.label)).toEqual(['ไฟล์', 'แก้ไข', 'มุมมอง', 'ช่วยเหลือ']);
    expect((fake.menus.at(-1) as MenuTemplate)[2]!.submenu.find((i) => i.id === 'windows.projector')?.label).toBe('เปิดจอฉาย');
    await invokeHandler()(event, 'dialog.pickWorkspace', { mode: 'open' });
    expect(fake.dialogs.openOptions.at(-1)?.title).toBe('เปิดพื้นที่ทำงาน');
  });

  it('lists the displays over app.displays, the primary marked', async () => {
    const answer = await invokeHandler()(fromPage(mainWindow()), 'app.displays', {});
    expect(answer).toEqual({
      ok: true,
      value: [
        { id: 1, label: 'Built-in Display', primary: true, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
        // The system gives this one no name: numbered, with its size, in the language of the preferences.
        { id: 2, label: 'จอที่ 2 (1920×1080)', primary: false, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } },
        { id: 3, label: 'EPSON PJ', primary: false, bounds: { x: 3286, y: -100, width: 1024, height: 768 } },
      ],
    });
  });

  it('opens the projector window on the chosen display over windows.open, full screen and as locked down as the main window', async () => {
    const main = mainWindow();
    expect(projectorWindows()).toHaveLength(0);
    const answer = await invokeHandler()(fromPage(main), 'windows.open', { view: 'projector', displayId: 3 });
    expect(answer).toEqual({ ok: true, value: { kind: 'opened' } });
    expect(projectorWindows()).toHaveLength(1);
    const projector = projectorWindows()[0]!;
    expect(projector.loaded).toEqual(['app://tambon/index.html?view=projector']);
    expect(projector.options).toMatchObject({
      title: 'TambonPlan — จอฉาย (projector)',
      x: 3286,
      y: -100,
      width: 1024,
      height: 768,
      fullscreen: true,
      show: false,
    });
    expect(projector.options.webPreferences).toEqual(webPreferencesFor(main.options.webPreferences!.preload!));
    expect(projector.options.webPreferences).toEqual(main.options.webPreferences);
    // Guarded through web-contents-created like the main window, and shown on its first paint.
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(projector.webContents.listeners.get(event), event).toHaveLength(1);
    }
    expect(projector.webContents.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(projector.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(projector.shown).toBe(0);
    projector.fire('ready-to-show');
    expect(projector.shown).toBe(1);

    // Asked again (another display, or the editor's view): the open windows come forward, no new one.
    projector.minimized = true;
    const focusedBefore = projector.focused;
    expect(await invokeHandler()(fromPage(main), 'windows.open', { view: 'projector', displayId: 2 })).toEqual({ ok: true, value: { kind: 'opened' } });
    expect(projector.focused).toBe(focusedBefore + 1);
    expect(projector.restored).toBe(1);
    const mainFocused = main.focused;
    expect(await invokeHandler()(fromPage(projector), 'windows.open', { view: 'editor' })).toEqual({ ok: true, value: { kind: 'opened' } });
    expect(main.focused).toBe(mainFocused + 1);
    expect(openWindows()).toEqual([main, projector]);
    expect(await invokeHandler()(fromPage(main), 'windows.open', { view: 'projector', displayId: 1.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('places the projector on the first secondary display when none (or an unknown one) is chosen', async () => {
    const main = mainWindow();
    for (const input of [{ view: 'projector' }, { view: 'projector', displayId: 99 }]) {
      projectorWindows()[0]?.close();
      expect(await invokeHandler()(fromPage(main), 'windows.open', input)).toEqual({ ok: true, value: { kind: 'opened' } });
      expect(projectorWindows()).toHaveLength(1);
      expect(projectorWindows()[0]!.options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080, fullscreen: true });
    }
    // Only the laptop's own screen: a window over the editor, not full screen.
    const displays = fake.state.displays;
    fake.state.displays = [displays[0]!];
    try {
      projectorWindows()[0]!.close();
      await invokeHandler()(fromPage(main), 'windows.open', { view: 'projector', displayId: 3 });
      expect(projectorWindows()[0]!.options).toMatchObject({ x: 43, y: 0, width: 1280, height: 768, fullscreen: false });
    } finally {
      fake.state.displays = displays;
    }
  });

  it('sends every event to every open window of ours, and none to a closed or destroyed one', async () => {
    const main = mainWindow();
    const closed = projectorWindows()[0]!;
    closed.close();
    await invokeHandler()(fromPage(main), 'windows.open', { view: 'projector', displayId: 3 });
    const projector = projectorWindows()[0]!;
    expect(projector).not.toBe(closed);
    for (const w of [main, projector, closed]) w.webContents.sent.length = 0;

    // A committed write, made from the main window: both pages hear the same data.changed.
    const added = await invokeHandler()(fromPage(main), 'villages.add', { moo: 7, name: 'บ้านทดสอบจอฉาย' });
    expect(added).toMatchObject({ ok: true });
    const changed = (w: FakeWindow) => w.webContents.sent.filter((s) => s[0] === 'tambon:event' && s[1] === 'data.changed');
    expect(changed(main)).toHaveLength(1);
    expect(changed(projector)).toEqual(changed(main));
    expect(changed(main)[0]![2]).toMatchObject({ capability: 'villages', tables: { villages: [added.value?.id] } });
    expect(closed.webContents.sent).toEqual([]);

    // A window whose page is already destroyed (its window not yet closed) is skipped.
    projector.webContents.destroyed = true;
    try {
      main.webContents.sent.length = 0;
      projector.webContents.sent.length = 0;
      const menu = fake.menus.at(-1) as { submenu: { id?: string; click?: () => void }[] }[];
      menu[0]!.submenu.find((i) => i.id === 'workspace.open')!.click!();
      expect(main.webContents.sent).toEqual([['tambon:event', 'menu.command', { command: 'workspace.open' }]]);
      expect(projector.webContents.sent).toEqual([]);
    } finally {
      projector.webContents.destroyed = false;
    }
  });

  it("dispatches calls from the projector window's page, and refuses iframes, other pages and windows not ours", async () => {
    const projector = projectorWindows()[0]!;
    const main = mainWindow();
    const spy = vi.mocked(dispatch);
    spy.mockClear();
    expect(await invokeHandler()(fromPage(projector), 'app.info', {})).toMatchObject({ ok: true, value: { transport: 'electron' } });
    expect(spy).toHaveBeenCalledTimes(1);

    spy.mockClear();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // A BrowserWindow the shell did not open as one of its windows (as devtools or a stray window would be).
    const stranger = new fake.module.BrowserWindow({});
    void stranger.loadURL('app://tambon/index.html');
    const contents = projector.webContents;
    const iframe = { url: 'app://tambon/index.html?view=projector', parent: contents.mainFrame, processId: contents.mainFrame.processId, frameToken: 'child' };
    const senders = [
      { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame },
      { sender: contents, senderFrame: iframe },
      { sender: contents, senderFrame: null },
      // The main window's frame does not pass as the projector's.
      { sender: contents, senderFrame: main.webContents.mainFrame },
    ];
    try {
      for (const event of senders) {
        expect(await invokeHandler()(event, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
      }
      // Our window, navigated (somehow) away from the app: refused while it shows that page.
      contents.mainFrame.url = 'https://evil.example/';
      expect(await invokeHandler()(fromPage(projector), 'app.info', {})).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
      expect(spy).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(senders.length + 1);
    } finally {
      contents.mainFrame.url = 'app://tambon/index.html?view=projector';
      stranger.close();
      warn.mockRestore();
    }
    expect(await invokeHandler()(fromPage(projector), 'app.info', {})).toMatchObject({ ok: true });
  });

  it('opens the projector window from มุมมอง → เปิดจอฉาย, on the first secondary display', () => {
    projectorWindows()[0]!.close();
    expect(projectorWindows()).toHaveLength(0);
    const menu = fake.menus.at(-1) as { label: string; submenu: { id?: string; label?: string; click?: () => void }[] }[];
    const item = menu.find((m) => m.label === 'มุมมอง')!.submenu.find((i) => i.label === 'เปิดจอฉาย')!;
    item.click!();
    expect(projectorWindows()).toHaveLength(1);
    expect(projectorWindows()[0]!.options).toMatchObject({ title: 'TambonPlan — จอฉาย (projector)', x: 1366, fullscreen: true });
    item.click!();
    expect(projectorWindows()).toHaveLength(1);
  });

  it('keeps file dialogs and the about box on the main window while the projector has the focus', async () => {
    const main = mainWindow();
    const projector = projectorWindows()[0]!;
    projector.focus();
    expect(projector.isFocused()).toBe(true);
    fake.dialogs.open = { canceled: true, filePaths: [] };
    await invokeHandler()(fromPage(main), 'dialog.pickWorkspace', { mode: 'open' });
    expect(fake.dialogs.parents.at(-1)).toBe(main);
    const menu = fake.menus.at(-1) as { submenu: { id?: string; click?: () => void }[] }[];
    menu[3]!.submenu.find((i) => i.id === 'about')!.click!();
    expect(fake.dialogs.parents.at(-1)).toBe(main);
  });

  it('focuses the main window when a second instance starts', () => {
    const main = mainWindow();
    projectorWindows()[0]!.focus();
    main.minimized = true;
    const before = { focused: main.focused, restored: main.restored };
    for (const l of fake.appListeners.get('second-instance') ?? []) l({}, [], '/');
    expect(main).toMatchObject({ focused: before.focused + 1, restored: before.restored + 1, minimized: false });
    expect(main.isFocused()).toBe(true);
  });

  // Last of this block: it closes the app's windows.
  it('closes the projector with the main window, and then quits', () => {
    const main = mainWindow();
    const projector = projectorWindows()[0]!;
    const quitsBefore = fake.calls.filter((c) => c.what === 'quit').length;
    main.close();
    expect(projector.destroyed).toBe(true);
    expect(openWindows()).toEqual([]);
    expect(fake.calls.filter((c) => c.what === 'quit')).toHaveLength(quitsBefore + 1);
    // With no window left, an event goes nowhere (and throws nowhere).
    const menu = fake.menus.at(-1) as { submenu: { id?: string; click?: () => void }[] }[];
    expect(() => menu[0]!.submenu.find((i) => i.id === 'workspace.new')!.click!()).not.toThrow();
  });
});

describe('shell pieces', () => {
  it('offers no reload or devtools in the packaged menu, and only contract commands', () => {
    const commands: string[] = [];
    let projectors = 0;
    const actions = { command: (c: string) => void commands.push(c), openProjector: () => void (projectors += 1), about() {}, quit() {} };
    const template = applicationMenuTemplate({ isPackaged: true, language: 'th', actions });
    const roles = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    for (const item of template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))) {
      if (item.id && item.id !== 'quit' && item.id !== 'about') (item.click as () => void)();
    }
    expect(commands).toEqual(['workspace.new', 'workspace.open', 'workspace.saveAs', 'backups.restore', 'workspace.close']);
    // The one item the shell carries out itself (besides quit and about): the projector window.
    expect(projectors).toBe(1);
  });

  it('offers the projector window under มุมมอง / View in both languages', () => {
    for (const [language, view, label] of [
      ['th', 'มุมมอง', 'เปิดจอฉาย'],
      ['en', 'View', 'Open Projector Window'],
    ] as const) {
      let opened = 0;
      const template = applicationMenuTemplate({
        isPackaged: true,
        language,
        actions: { command() {}, openProjector: () => void (opened += 1), about() {}, quit() {} },
      });
      const viewMenu = template.find((m) => m.label === view);
      const item = (Array.isArray(viewMenu?.submenu) ? viewMenu.submenu : []).find((i) => i.id === 'windows.projector');
      expect(item?.label, language).toBe(label);
      (item?.click as () => void)();
      expect(opened, language).toBe(1);
    }
  });

  it('names the displays (the system name, else a numbered name with the size) and marks the primary', () => {
    const screen = {
      getAllDisplays: () => fake.state.displays,
      getPrimaryDisplay: () => fake.state.displays[1]!,
    } as never;
    expect(listDisplays(screen, 'th')).toEqual([
      { id: 1, label: 'Built-in Display', primary: false, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
      { id: 2, label: 'จอที่ 2 (1920×1080)', primary: true, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } },
      { id: 3, label: 'EPSON PJ', primary: false, bounds: { x: 3286, y: -100, width: 1024, height: 768 } },
    ]);
    expect(listDisplays(screen, 'en')[1]!.label).toBe('Display 2 (1920×1080)');
  });

  it('places the projector on the chosen display, else the first secondary one, else centred on the primary', () => {
    const primary = { id: 1, label: 'a', primary: true, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
    const monitor = { id: 2, label: 'b', primary: false, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };
    const projector = { id: 3, label: 'c', primary: false, bounds: { x: 1366, y: 0, width: 1024, height: 768 } };
    const three = [primary, monitor, projector];
    expect(projectorPlacement(three, 3)).toEqual({ bounds: projector.bounds, fullscreen: true });
    expect(projectorPlacement(three)).toEqual({ bounds: monitor.bounds, fullscreen: true });
    // A display no longer connected: as if none was chosen.
    expect(projectorPlacement(three, 99)).toEqual({ bounds: monitor.bounds, fullscreen: true });
    // Chosen the primary, or only the primary there: a window over the editor, inside the display.
    const onPrimary = { bounds: { x: 43, y: 0, width: 1280, height: 768 }, fullscreen: false };
    expect(projectorPlacement(three, 1)).toEqual(onPrimary);
    expect(projectorPlacement([primary])).toEqual(onPrimary);
    const large = { ...primary, bounds: { x: 100, y: 50, width: 2560, height: 1440 } };
    expect(projectorPlacement([large])).toEqual({ bounds: { x: 740, y: 370, width: 1280, height: 800 }, fullscreen: false });
    expect(projectorPlacement([]).fullscreen).toBe(false);
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
    createAppWindow(FailingWindow as never, mainWindowOptions('/x/preload.cjs'), 'app://tambon/index.html', {
      error: (...args: unknown[]) => void errors.push(args),
    });
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
    const slow = createAppWindow(SlowWindow as never, mainWindowOptions('/x/preload.cjs'), 'app://tambon/index.html', {
      error: () => undefined,
    }) as unknown as SlowWindow;
    for (const l of quiet.listeners.get('did-fail-load') ?? []) l({}, -3, 'ERR_ABORTED', 'app://tambon/frame.html', false);
    expect(slow.shown).toBe(0);
  });

  it("trusts only the main frame of one of our windows showing an app:// page", () => {
    const contents = fake.makeContents('app://tambon/index.html', 3, 'm');
    const projector = fake.makeContents('app://tambon/index.html?view=projector', 4, 'p');
    const asContents = contents as unknown as Electron.WebContents;
    const ours = [asContents, projector as unknown as Electron.WebContents];
    const ok = { sender: asContents, senderFrame: contents.mainFrame } as unknown as Electron.IpcMainInvokeEvent;
    expect(isTrustedSender(ok, ours)).toBe(true);
    expect(isTrustedSender(ok, new Set(ours))).toBe(true);
    expect(isTrustedSender({ sender: projector, senderFrame: projector.mainFrame } as never, ours)).toBe(true);
    expect(isTrustedSender(ok, [])).toBe(false);
    expect(isTrustedSender(ok, [projector as never])).toBe(false);
    const lookalike = { ...contents.mainFrame, url: 'app://tambon.evil.example/index.html' };
    expect(isTrustedSender({ sender: asContents, senderFrame: lookalike } as never, ours)).toBe(false);
    const otherFrameSameUrl = { ...contents.mainFrame, frameToken: 'another' };
    expect(isTrustedSender({ sender: asContents, senderFrame: otherFrameSameUrl } as never, ours)).toBe(false);
    // One of our windows' frames reported as sent by another of our windows: not its main frame.
    expect(isTrustedSender({ sender: asContents, senderFrame: projector.mainFrame } as never, ours)).toBe(false);
    const iframe = { url: 'app://tambon/index.html', parent: contents.mainFrame, processId: 3, frameToken: 'child' };
    expect(isTrustedSender({ sender: asContents, senderFrame: iframe } as never, ours)).toBe(false);
    expect(isTrustedSender({ sender: asContents, senderFrame: null }, ours)).toBe(false);
    contents.destroyed = true;
    expect(isTrustedSender(ok, ours)).toBe(false);
  });
});

describe('preload (dist/electron/preload.cjs, as bundled)', () => {
  const preloadFile = path.join(repoRoot, 'dist', 'electron', 'preload.cjs');

  /** `window.api` as the preload exposes it, loosely typed: the tests also call it with names outside the contract. */
  interface LooseApi {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(event: string, listener: (payload: unknown) => void): () => void;
  }

  /** Runs the bundle as a sandboxed preload would, with fake electron modules; returns what it exposed. */
  function loadPreload(argv: string[]) {
    if (!fs.existsSync(preloadFile)) throw new Error(`${preloadFile} is missing: run npm run build:node`);
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: 'from main' });
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
    // The bundle's CommonJS wrapper, with the sandbox's require and a process that has only argv.
    const run = vm.compileFunction(fs.readFileSync(preloadFile, 'utf8'), ['require', 'module', 'exports', 'process']) as (...args: unknown[]) => void;
    run(sandboxRequire, module, module.exports, { argv });
    const emit = (name: string, payload: unknown) => {
      for (const l of listeners.get('tambon:event') ?? []) l({}, name, payload);
    };
    return { exposed, api: exposed.api as LooseApi, invoked, listeners, required, emit };
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
    const { exposed, api } = loadPreload(mainArgv);
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('passes contract channels to main and rejects any other', async () => {
    const { api, invoked } = loadPreload(mainArgv);
    for (const channel of channels) {
      await expect(api.invoke(channel, {})).resolves.toEqual({ ok: true, value: 'from main' });
    }
    expect(invoked).toHaveLength(channels.length);
    expect(invoked[0]).toEqual(['tambon:invoke', channels[0], {}]);
    for (const bad of ['fs.readFile', 'constructor', '__proto__', 'toString', '', 'app.info,prefs.get']) {
      await expect(api.invoke(bad, {})).rejects.toThrow(/Unknown channel/);
    }
    expect(invoked).toHaveLength(channels.length);
  });

  it('delivers only contract events, filtered by name, until unsubscribed', () => {
    const { api, emit, listeners } = loadPreload(mainArgv);
    const got: unknown[] = [];
    const off = api.on('job.progress', (p: unknown) => got.push(p));
    emit('job.finished', { jobId: 'a' });
    emit('job.progress', { jobId: 'a', done: 1, total: 2 });
    off();
    emit('job.progress', { jobId: 'a', done: 2, total: 2 });
    expect(got).toEqual([{ jobId: 'a', done: 1, total: 2 }]);
    expect(listeners.get('tambon:event')?.size).toBe(0);
    for (const name of eventNames) expect(typeof api.on(name, () => undefined)).toBe('function');
    expect(() => api.on('secret.event', () => undefined)).toThrow(/Unknown event/);
  });

  it('allows nothing when main passed no allow-lists', async () => {
    const { api, invoked } = loadPreload(['/opt/TambonPlan/tambonplan']);
    await expect(api.invoke('app.info', {})).rejects.toThrow(/Unknown channel/);
    expect(() => api.on('job.progress', () => undefined)).toThrow(/Unknown event/);
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
