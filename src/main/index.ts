// Electron entry: a locked-down window showing the renderer from app://, IPC to the composition
// root, and nothing else. The security decisions themselves live in window.ts, where tests see them.
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../shared/errors';
import { createApp, type App } from './app';
import { contentSecurityPolicy } from './transport/http';
import { DEFAULT_LOG_FILE, fileLog } from './log/appLog';
import { safeStorageSecretBox } from './secrets/secrets';
import { registerIpc, type IpcTransport } from './transport/ipc';
import { withReadWorkers, type ReadWorkers } from './transport/readPool';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, isDevServerUrl, mainWindowOptions, serveAppRequest, windowOpenAction } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

// `electron-vite dev` serves the renderer with hot reload; a packaged app never trusts another origin.
const devServerOrigin = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;

function isTrustedPage(url: string): boolean {
  return isAppUrl(url) || isDevServerUrl(url, devServerOrigin);
}

// Must run before `ready`: a standard, secure scheme gets a real origin, so the CSP's 'self',
// fetch and storage behave as on https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function nativeBindingPath(): string | undefined {
  // node_modules holds better-sqlite3 built for Node (tests, serve mode); Electron needs its own ABI build.
  const path = app.isPackaged ? join(process.resourcesPath, 'native/better_sqlite3.node') : join(repoRoot, '.electron-native/better_sqlite3.node');
  return existsSync(path) ? path : undefined;
}

function databasePath(): string {
  return join(app.getPath('userData'), 'msp-inventory.db');
}

/** Slow calls and unexpected errors, with their stacks: `logs/app.log` in the user-data folder, rotated. */
function logFile(): string {
  return join(app.getPath('userData'), 'logs', DEFAULT_LOG_FILE);
}

function openCore(): App | null {
  const dbPath = databasePath();
  const log = fileLog({ path: logFile() });
  try {
    return createApp({
      log,
      dbPath,
      migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'drizzle') : join(repoRoot, 'drizzle'),
      nativeBinding: nativeBindingPath(),
      // The SMTP password is encrypted with the operating system's keychain (DPAPI, Keychain, libsecret).
      secrets: safeStorageSecretBox(safeStorage),
    });
  } catch (error) {
    console.error('Could not open the database', error);
    log.error('Could not open the database', error);
    if (error instanceof DomainError && error.code === 'DATABASE_IN_USE') {
      // `npm run serve` (or another copy started some other way) owns the file: say who, then quit.
      dialog.showErrorBox('MSP Inventory is already using this database', `${error.message}\n\nThe app will close now.`);
      return null;
    }
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      'MSP Inventory cannot open its database',
      `The database at\n${dbPath}\ncould not be opened, so the app will close.\n\n${reason}\n\n` +
        'If another copy of MSP Inventory is using this file, close it and try again. Otherwise restore the file from a backup.',
    );
    return null;
  }
}

/** Signs a window opened from a signed-in one in as the same user (transport/ipc.ts); set once the IPC is up. */
let shareSession: IpcTransport['shareSession'] | null = null;

function hardenWebContents(contents: WebContents): void {
  // A link to one of the app's own pages opened apart (Ctrl or middle click, window.open) becomes
  // another app window with the main window's preload and locked-down options; a web page goes to the
  // system browser; anything else is refused. The new window's own web contents get this same handler.
  contents.setWindowOpenHandler(({ url }) => {
    const action = windowOpenAction(url, devServerOrigin);
    if (action.kind === 'appWindow') return { action: 'allow', overrideBrowserWindowOptions: mainWindowOptions(preloadPath) };
    if (action.kind === 'external') void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Windows open hidden (mainWindowOptions) and show once painted, like the first one.
  contents.on('did-create-window', (window) => {
    // The user opened it from this window: it is the same person at the same keyboard.
    shareSession?.(contents.id, window.webContents);
    window.once('ready-to-show', () => window.show());
  });
  const keepOnOurPages = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedPage(url)) event.preventDefault();
  };
  contents.on('will-navigate', keepOnOurPages);
  contents.on('will-redirect', keepOnOurPages);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** A new notification, by the operating system; clicking it brings the user's window forward (its bell lists it). */
function showDesktopNotice(contents: { id: number }, notice: { title: string; body: string }): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification({ title: notice.title, body: notice.body });
  shown.on('click', () => {
    const window = BrowserWindow.getAllWindows().find((w) => w.webContents.id === contents.id);
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  shown.show();
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerOrigin ? process.env.ELECTRON_RENDERER_URL! : `${APP_ORIGIN}/index.html`);
  return window;
}

function start(): void {
  // Everything the app creates (database, -wal/-shm, backups, exports, logs) is the user's only.
  process.umask(0o077);
  let core: App | null = null;
  let reads: ReadWorkers | null = null;
  let stopChangeEvents: (() => void) | null = null;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The backup on close is asynchronous (the SQLite backup API): the first quit waits for it, then quits again.
  let closingBackup: 'none' | 'running' | 'done' = 'none';
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (!core || closingBackup === 'done') return;
    event.preventDefault();
    if (closingBackup === 'running') return;
    closingBackup = 'running';
    void core.backups
      .backUpOnClose()
      .catch((error: unknown) => core?.log.error('The backup on close failed', error))
      .finally(() => {
        closingBackup = 'done';
        app.quit();
      });
  });
  app.on('quit', () => {
    stopChangeEvents?.();
    stopChangeEvents = null;
    void reads?.close();
    reads = null;
    core?.close();
    core = null;
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, contentSecurityPolicy));

    core = openCore();
    if (!core) {
      app.exit(1);
      return;
    }
    // Long reads (the ledger check) run on a worker thread, so the window never waits on them.
    reads = withReadWorkers(core, { dbPath: databasePath(), nativeBinding: nativeBindingPath() });
    // Also sends each committed change to every signed-in window (the renderer's lib/changes.ts).
    const ipc = registerIpc(ipcMain, reads.app, isTrustedPage, { showDesktopNotice });
    stopChangeEvents = ipc.stop;
    shareSession = ipc.shareSession;
    core.backups.startSchedule();
    // E-mails of notifications go out after commit and on retry; overdue documents are looked for hourly.
    core.startNotifications();
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });
}

// A second copy would open the same SQLite file and split the user's work across two windows.
if (app.requestSingleInstanceLock()) start();
else app.quit();
