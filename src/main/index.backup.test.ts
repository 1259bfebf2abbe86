// The desktop app's backup on close, end to end without an Electron binary: the real entry (index.ts)
// and the real app and database behind fakes of the electron module. Work done over IPC is in the
// backup made when the app quits; the app quits only after that backup is written, and the database
// lock is gone afterwards.
import { mkdtempSync, mkdirSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from './backups/store';
import { APP_ORIGIN } from './window';

const fake = vi.hoisted(() => {
  type Fn = (...args: any[]) => any;
  class Emitter {
    listeners = new Map<string, Fn[]>();
    on(event: string, fn: Fn) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Fn) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  let nextId = 1;
  class FakeWebContents extends Emitter {
    readonly id = nextId++;
    setWindowOpenHandler() {}
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    userData: '',
    ready: [] as Fn[],
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: (name: string) => (name === 'userData' ? app.userData : `/tmp/${name}`),
    whenReady: () => new Promise<void>((resolveReady) => app.ready.push(resolveReady)),
  });
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadURL = async () => {};
    show() {}
    constructor() {
      super();
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return [];
    }
  }
  const handlers = new Map<string, Fn>();
  return {
    app,
    handlers,
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      protocol: { registerSchemesAsPrivileged() {}, handle() {} },
      ipcMain: { handle: (channel: string, fn: Fn) => handlers.set(channel, fn) },
      session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
      shell: { openExternal: async () => {} },
      dialog: { showErrorBox: vi.fn() },
      safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
    },
  };
});
vi.mock('electron', () => fake.electron);

const repoRoot = resolve(import.meta.dirname, '../..');
let dir: string;
const savedResourcesPath = (process as { resourcesPath?: string }).resourcesPath;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-desktop-'));
  // Packaged layout: migrations under resources/, no Electron build of better-sqlite3 there (Node's is used).
  const resources = join(dir, 'resources');
  mkdirSync(resources);
  symlinkSync(join(repoRoot, 'drizzle'), join(resources, 'drizzle'), 'dir');
  (process as { resourcesPath?: string }).resourcesPath = resources;
  fake.app.userData = join(dir, 'user-data');
  mkdirSync(fake.app.userData);
});
afterEach(() => {
  (process as { resourcesPath?: string }).resourcesPath = savedResourcesPath;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the entry as Electron would (fresh modules, fresh listeners) and fires ready. */
async function startDesktop(): Promise<void> {
  fake.app.listeners.clear();
  fake.app.ready = [];
  fake.app.quit.mockClear();
  fake.handlers.clear();
  vi.resetModules();
  await import('./index');
  for (const ready of fake.app.ready) ready();
  await new Promise((r) => setTimeout(r, 0));
  expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
}

/** A call from the app's page over IPC, as the preload makes it. */
async function ipc(channel: string, input: unknown): Promise<{ ok: boolean; data?: any; error?: { code: string } }> {
  const sender = { id: 1, once: () => {}, send: () => {}, isDestroyed: () => false };
  return fake.handlers.get(channel)!({ sender, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, input);
}

/** Quits as the user would: before-quit, then (once the entry lets it) quit. */
async function quit(): Promise<void> {
  const event = { preventDefault: vi.fn() };
  fake.app.emit('before-quit', event);
  const deadline = Date.now() + 30_000;
  while (fake.app.quit.mock.calls.length === 0) {
    if (Date.now() > deadline) throw new Error('the app never quit');
    await new Promise((r) => setTimeout(r, 10));
  }
  fake.app.emit('before-quit', { preventDefault: vi.fn() });
  fake.app.emit('quit');
}

describe('the desktop app on close', () => {
  it('backs up the work done in the session before it quits, and not again when nothing changed', async () => {
    const dbPath = join(fake.app.userData, 'msp-inventory.db');
    await startDesktop();
    expect(existsSync(`${dbPath}.lock`)).toBe(true);
    expect((await ipc('auth.setup', { username: 'admin', displayName: 'Admin', password: 'correct horse battery' })).ok).toBe(true);
    expect((await ipc('settings.update', { companyName: 'Desk Office' })).ok).toBe(true);
    await quit();

    const backupsFolder = join(fake.app.userData, 'backups');
    const closing = listBackups(backupsFolder).filter((b) => b.reason === 'close');
    expect(closing).toHaveLength(1);
    const copy = new Database(closing[0]!.path, { readonly: true });
    expect(copy.prepare(`SELECT value FROM settings WHERE key = 'companyName'`).get()).toEqual({ value: '"Desk Office"' });
    expect(copy.prepare(`SELECT username FROM users`).all()).toEqual([{ username: 'admin' }]);
    copy.close();
    // The SMTP password is in the OS keychain here: there is no key file to carry.
    expect(closing[0]!.keyFile).toBe(false);
    expect(existsSync(`${dbPath}.lock`)).toBe(false);

    // The next session only reads: quitting makes no new backup.
    await startDesktop();
    expect((await ipc('auth.status', {})).ok).toBe(true);
    await quit();
    expect(listBackups(backupsFolder).filter((b) => b.reason === 'close')).toHaveLength(1);
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
  });
});
