// The Electron entry runs against fakes of the electron module (no Electron binary runs on CI):
// what matters here is which options and handlers it hands to Electron, not Electron itself.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../shared/contract';
import { APP_ORIGIN, mainWindowOptions } from './window';

const fake = vi.hoisted(() => {
  type Fn = (...args: any[]) => any;
  class Emitter {
    private listeners = new Map<string, Fn[]>();
    on(event: string, fn: Fn) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Fn) {
      const wrapped: Fn = (...args) => {
        this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== wrapped));
        return fn(...args);
      };
      return this.on(event, wrapped);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
    count(event: string) {
      return this.listeners.get(event)?.length ?? 0;
    }
    clear() {
      this.listeners.clear();
    }
  }

  class FakeWebContents extends Emitter {
    static nextId = 1;
    readonly id = FakeWebContents.nextId++;
    windowOpenHandler: Fn | null = null;
    setWindowOpenHandler(handler: Fn) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return false;
    }
    send() {}
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    lock: true,
    userData: '/tmp/msp-user-data',
    readyCallbacks: [] as Fn[],
    requestSingleInstanceLock: vi.fn(() => app.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: vi.fn((name: string) => (name === 'userData' ? app.userData : `/tmp/${name}`)),
    whenReady: vi.fn(() => new Promise<void>((resolveReady) => app.readyCallbacks.push(resolveReady))),
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return [...windows];
    }
  }

  const notices: FakeNotification[] = [];
  class FakeNotification extends Emitter {
    static supported = true;
    static isSupported() {
      return FakeNotification.supported;
    }
    readonly show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      super();
      notices.push(this);
    }
  }

  const ipcHandlers = new Map<string, Fn>();
  const electron = {
    Notification: FakeNotification,
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string, fn: Fn) => ipcHandlers.set(channel, fn)) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(async () => {}) },
    dialog: { showErrorBox: vi.fn() },
    safeStorage: { isEncryptionAvailable: vi.fn(() => true), encryptString: vi.fn((s: string) => Buffer.from(s)), decryptString: vi.fn((b: Buffer) => b.toString()) },
  };

  const core = {
    dispatch: vi.fn(() => ({ ok: true, data: 'dispatched' })),
    close: vi.fn(),
    sessions: { end: vi.fn(), peek: vi.fn((token: string | null) => (token === 'opener-token' ? 7 : null)), create: vi.fn((_userId: number) => 'opened-token') },
    // Change events (transport/ipc.events.test.ts shows what reaches which window).
    onChange: vi.fn(() => () => undefined),
    liveUser: vi.fn((): number | null => null),
    desktopNotices: vi.fn((_userId: number, afterId: number | null) => ({ lastId: afterId ?? 0, notices: [] as Array<{ id: number; title: string; body: string }> })),
    startNotifications: vi.fn(),
    backups: { startSchedule: vi.fn(), backUpOnClose: vi.fn(async (): Promise<unknown> => null) },
    log: { write: vi.fn(), error: vi.fn() },
  };
  const createApp = vi.fn((_options: Record<string, unknown>) => {
    if (fake.dbError) throw fake.dbError;
    return core;
  });

  const fake = {
    electron,
    windows,
    notices,
    FakeNotification,
    ipcHandlers,
    FakeWebContents,
    core,
    createApp,
    dbError: null as Error | null,
    async fireReady() {
      for (const callback of app.readyCallbacks) callback();
      await new Promise((r) => setTimeout(r, 0));
    },
    reset() {
      vi.clearAllMocks();
      app.clear();
      app.readyCallbacks = [];
      app.lock = true;
      windows.length = 0;
      notices.length = 0;
      FakeNotification.supported = true;
      ipcHandlers.clear();
      fake.dbError = null;
    },
  };
  return fake;
});

vi.mock('electron', () => fake.electron);
vi.mock('./app', () => ({ createApp: fake.createApp }));

// The read workers as index.ts wires them: long reads go to a worker (transport/longReads.test.ts shows
// they run there); here, what the entry hands them and that IPC goes through them.
const reads = vi.hoisted(() => ({ options: [] as unknown[], close: vi.fn(async () => {}), dispatch: vi.fn((..._args: unknown[]) => ({ ok: true, data: 'read on a worker' })) }));
vi.mock('./transport/readPool', () => ({
  withReadWorkers: (app: Record<string, unknown>, options: unknown) => {
    reads.options.push(options);
    return {
      app: { ...app, dispatch: (channel: string, ...rest: unknown[]) => (channel === 'stock.verifyLedger' ? reads.dispatch(channel, ...rest) : (app.dispatch as (...a: unknown[]) => unknown)(channel, ...rest)) },
      close: reads.close,
    };
  },
}));

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { app, protocol, session, shell, dialog, ipcMain } = fake.electron;

async function startEntry(): Promise<void> {
  vi.resetModules();
  await import('./index');
}

function mainWindow() {
  expect(fake.windows).toHaveLength(1);
  return fake.windows[0]!;
}

function navigation(contents: { emit(event: string, ...args: unknown[]): void }, event: string, url: string): boolean {
  const nav = { preventDefault: vi.fn() };
  contents.emit(event, nav, url);
  return nav.preventDefault.mock.calls.length > 0;
}

describe('Electron entry', () => {
  const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
  beforeEach(() => {
    fake.reset();
    delete process.env.ELECTRON_RENDERER_URL;
  });
  afterEach(() => {
    // The entry's log file (a real one, in the fake user data folder) goes with each test.
    rmSync(join(app.userData, 'logs'), { recursive: true, force: true });
    if (savedRendererUrl !== undefined) process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
  });

  it('registers app:// as a privileged scheme before ready, and serves it only after', async () => {
    await startEntry();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);

    await fake.fireReady();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const serve = protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('creates one window with the secure options and loads the app page', async () => {
    await startEntry();
    await fake.fireReady();
    const window = mainWindow();
    const preload = window.options.webPreferences.preload as string;
    expect(preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(window.options).toEqual(mainWindowOptions(preload));
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`);

    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('sets an owner-only umask before it opens the database, so every file it creates is 0600', async () => {
    const umask = vi.spyOn(process, 'umask');
    const order: string[] = [];
    umask.mockImplementation(((mask?: number) => {
      order.push(`umask ${mask?.toString(8)}`);
      return 0o022;
    }) as typeof process.umask);
    fake.createApp.mockImplementationOnce(() => {
      order.push('open database');
      return fake.core;
    });
    try {
      await startEntry();
      await fake.fireReady();
    } finally {
      umask.mockRestore();
    }
    expect(order).toEqual(['umask 77', 'open database']);
  });

  it('opens the database in the user data folder with the repository migrations', async () => {
    await startEntry();
    await fake.fireReady();
    const nativeBinding = join(repoRoot, '.electron-native/better_sqlite3.node');
    expect(fake.createApp).toHaveBeenCalledWith({
      dbPath: join(app.userData, 'msp-inventory.db'),
      migrationsFolder: join(repoRoot, 'drizzle'),
      nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined,
      secrets: expect.objectContaining({ kind: 'safeStorage' }),
      log: expect.objectContaining({ write: expect.any(Function), error: expect.any(Function) }),
    });
  });

  it('logs to logs/app.log in the user data folder', async () => {
    await startEntry();
    await fake.fireReady();
    const { log } = fake.createApp.mock.calls[0]![0] as { log: { write(level: string, message: string): void } };
    const logs = join(app.userData, 'logs');
    try {
      log.write('info', 'desktop log test');
      expect(readFileSync(join(logs, 'app.log'), 'utf8')).toMatch(/INFO desktop log test/);
    } finally {
      rmSync(logs, { recursive: true, force: true });
    }
  });

  it('opens the app’s own pages in another locked-down app window, web pages in the system browser, and nothing else', async () => {
    await startEntry();
    await fake.fireReady();
    const open = mainWindow().webContents.windowOpenHandler!;
    expect(open({ url: 'https://vendor.example/order/1' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://vendor.example/order/1');

    shell.openExternal.mockClear();
    for (const url of [`${APP_ORIGIN}/index.html#/purchasing/orders/12`, `${APP_ORIGIN}/index.html`]) {
      // The same preload and security settings as the first window.
      expect(open({ url })).toEqual({ action: 'allow', overrideBrowserWindowOptions: mainWindowOptions(mainWindow().options.webPreferences.preload) });
    }
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://msp-inventory.evil.com/index.html']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('shows a window opened from the app once it is painted, signed in as the user of the window it came from', async () => {
    await startEntry();
    await fake.fireReady();
    const page = { url: `${APP_ORIGIN}/index.html` };
    fake.core.dispatch.mockReturnValueOnce({ ok: true, data: { token: 'opener-token', user: 'ada' } } as never);
    expect(await fake.ipcHandlers.get('auth.login')!({ sender: mainWindow().webContents, senderFrame: page }, {})).toEqual({ ok: true, data: { user: 'ada' } });
    const opened = { webContents: new fake.FakeWebContents(), once: vi.fn((event: string, fn: () => void) => event === 'ready-to-show' && fn()), show: vi.fn() };
    mainWindow().webContents.emit('did-create-window', opened);
    expect(opened.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    expect(opened.show).toHaveBeenCalled();
    expect(fake.core.sessions.create).toHaveBeenCalledWith(7);
    await fake.ipcHandlers.get('auth.status')!({ sender: opened.webContents, senderFrame: page }, {});
    expect(fake.core.dispatch).toHaveBeenLastCalledWith('auth.status', {}, 'opened-token', 'local');
  });

  it('pops new notifications up through Electron’s Notification for the signed-in user, and brings the window forward on a click', async () => {
    await startEntry();
    await fake.fireReady();
    expect(fake.core.startNotifications).toHaveBeenCalledTimes(1);
    const page = { url: `${APP_ORIGIN}/index.html` };
    fake.core.desktopNotices.mockReturnValueOnce({ lastId: 40, notices: [] });
    fake.core.dispatch.mockReturnValueOnce({ ok: true, data: { token: 'opener-token', user: 'ada' } } as never);
    await fake.ipcHandlers.get('auth.login')!({ sender: mainWindow().webContents, senderFrame: page }, {});
    // Where the user's notifications stood at sign-in: those are not new.
    expect(fake.core.desktopNotices).toHaveBeenLastCalledWith(7, null);
    const onChange = (fake.core.onChange.mock.calls[0] as unknown as [(change: unknown) => void])[0];
    fake.core.liveUser.mockImplementation(() => 7);
    // A change that notified someone else pops nothing up here.
    onChange({ areas: ['sales', 'notifications'], userId: 3, at: 1, channel: 'sales.createCharge', notified: [9] });
    expect(fake.notices).toHaveLength(0);
    fake.core.desktopNotices.mockReturnValueOnce({ lastId: 41, notices: [{ id: 41, title: 'MSP Inventory', body: 'CHG-1001 espera su aprobación' }] });
    onChange({ areas: ['sales', 'notifications'], userId: 3, at: 2, channel: 'sales.createCharge', notified: [7] });
    expect(fake.core.desktopNotices).toHaveBeenLastCalledWith(7, 40);
    expect(fake.notices.map((n) => n.options)).toEqual([{ title: 'MSP Inventory', body: 'CHG-1001 espera su aprobación' }]);
    expect(fake.notices[0]!.show).toHaveBeenCalledTimes(1);
    mainWindow().isMinimized.mockReturnValueOnce(true);
    fake.notices[0]!.emit('click');
    expect(mainWindow().restore).toHaveBeenCalled();
    expect(mainWindow().focus).toHaveBeenCalled();
    // The next change asks only after the last one shown; where the system has no notifications, nothing is shown.
    fake.FakeNotification.supported = false;
    fake.core.desktopNotices.mockReturnValueOnce({ lastId: 42, notices: [{ id: 42, title: 'MSP Inventory', body: 'Ana aprobó CHG-1001' }] });
    onChange({ areas: ['sales', 'notifications'], userId: 3, at: 3, channel: 'sales.approveCharge', notified: [7] });
    expect(fake.core.desktopNotices).toHaveBeenLastCalledWith(7, 41);
    expect(fake.notices).toHaveLength(1);
    fake.core.liveUser.mockImplementation(() => null);
  });

  it('keeps navigation on the app page and refuses webviews', async () => {
    await startEntry();
    await fake.fireReady();
    const contents = mainWindow().webContents;
    expect(navigation(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigation(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigation(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigation(contents, 'will-navigate', `${APP_ORIGIN}/index.html#/stock`)).toBe(false);
    expect(navigation(contents, 'will-attach-webview', `${APP_ORIGIN}/index.html`)).toBe(true);
  });

  it('denies every permission request and check', async () => {
    await startEntry();
    await fake.fireReady();
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (...args: unknown[]) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check(null, 'media', APP_ORIGIN, {})).toBe(false);
  });

  it('serves every channel over IPC to the app page only', async () => {
    await startEntry();
    await fake.fireReady();
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
    const status = fake.ipcHandlers.get('auth.status')!;
    const sender = { id: 1, once: vi.fn() };
    expect(await status({ sender, senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake.core.dispatch).not.toHaveBeenCalled();
    expect(await status({ sender, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, {})).toEqual({ ok: true, data: 'dispatched' });
  });

  it('serves IPC through the read workers of the user-data database, and stops them on quit', async () => {
    reads.options.length = 0;
    await startEntry();
    await fake.fireReady();
    const nativeBinding = join(repoRoot, '.electron-native/better_sqlite3.node');
    expect(reads.options).toEqual([{ dbPath: join(app.userData, 'msp-inventory.db'), nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined }]);
    const event = { sender: { id: 1, once: vi.fn() }, senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    expect(await fake.ipcHandlers.get('stock.verifyLedger')!(event, {})).toEqual({ ok: true, data: 'read on a worker' });
    expect(fake.core.dispatch).not.toHaveBeenCalled();
    app.emit('quit');
    expect(reads.close).toHaveBeenCalledTimes(1);
  });

  it('quits when the last window closes (except on macOS) and closes the database on quit', async () => {
    await startEntry();
    await fake.fireReady();
    app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled();
    else expect(app.quit).toHaveBeenCalled();
    expect(fake.core.close).not.toHaveBeenCalled();
    app.emit('quit');
    expect(fake.core.close).toHaveBeenCalledTimes(1);
  });

  it('explains a database that cannot be opened and exits without a window', async () => {
    fake.dbError = new Error('SQLITE_CANTOPEN: unable to open database file');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startEntry();
    await fake.fireReady();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, body] = dialog.showErrorBox.mock.calls[0]! as unknown as [string, string];
    expect(title).toMatch(/database/i);
    expect(body).toContain(join(app.userData, 'msp-inventory.db'));
    expect(body).toContain('SQLITE_CANTOPEN');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.any(String), fake.dbError);
    logged.mockRestore();
  });

  it('starts the backup schedule once the database is open', async () => {
    await startEntry();
    expect(fake.core.backups.startSchedule).not.toHaveBeenCalled();
    await fake.fireReady();
    expect(fake.core.backups.startSchedule).toHaveBeenCalledTimes(1);
  });

  it('backs up before quitting: the first quit waits for the backup, then quits for good', async () => {
    let finish!: () => void;
    fake.core.backups.backUpOnClose.mockImplementationOnce(() => new Promise((resolveBackup) => (finish = () => resolveBackup(null))));
    await startEntry();
    await fake.fireReady();
    const quitting = { preventDefault: vi.fn() };
    app.emit('before-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(fake.core.backups.backUpOnClose).toHaveBeenCalledTimes(1);
    // Asked again while the backup runs (a second Ctrl+Q): still waiting, no second backup.
    const again = { preventDefault: vi.fn() };
    app.emit('before-quit', again);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(fake.core.backups.backUpOnClose).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.quit).toHaveBeenCalledTimes(1);
    const final = { preventDefault: vi.fn() };
    app.emit('before-quit', final);
    expect(final.preventDefault).not.toHaveBeenCalled();
    app.emit('quit');
    expect(fake.core.close).toHaveBeenCalledTimes(1);
  });

  it('quits even when the backup on close fails, saying why in the log', async () => {
    const failure = new Error('disk full');
    fake.core.backups.backUpOnClose.mockImplementationOnce(async () => {
      throw failure;
    });
    await startEntry();
    await fake.fireReady();
    app.emit('before-quit', { preventDefault: vi.fn() });
    await new Promise((r) => setTimeout(r, 0));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(fake.core.log.error).toHaveBeenCalledWith(expect.stringMatching(/backup on close/), failure);
  });

  it('says who holds the database when another process owns it, and quits without a window', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startEntry();
    // The entry's own copy of the module (startEntry reloads them).
    const { DomainError } = await import('../shared/errors');
    fake.dbError = new DomainError('DATABASE_IN_USE', { pid: 4242, host: 'office-pc' }, 'The database /x/msp-inventory.db is in use by another copy of MSP Inventory (process 4242 on office-pc, since 2026-01-15T09:00:00.000Z).');
    await fake.fireReady();
    const [title, body] = dialog.showErrorBox.mock.calls[0]! as unknown as [string, string];
    expect(title).toMatch(/already using this database/);
    expect(body).toContain('process 4242 on office-pc');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    // Nothing to back up on the way out: the database was never opened here.
    app.emit('before-quit', { preventDefault: vi.fn() });
    expect(fake.core.backups.backUpOnClose).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('leaves a second copy to the first one', async () => {
    app.lock = false;
    await startEntry();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(fake.createApp).not.toHaveBeenCalled();
  });
});
