// The security-relevant decisions of the desktop shell, kept free of electron so a plain unit test
// can pin them: how the window is configured, which URLs count as our own page, which may open in
// the user's browser, and which files the app:// protocol may serve.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'msp-inventory';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The subset of electron's BrowserWindowConstructorOptions we set; electron's own type accepts it as is. */
export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  title: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    spellcheck: false;
    navigateOnDragDrop: false;
  };
}

export function mainWindowOptions(preloadPath: string): SecureWindowOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees an empty white frame while the UI loads.
    show: false,
    backgroundColor: '#f8f9fa',
    title: 'MSP Inventory',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A file dropped on the window would otherwise replace our page with it.
      navigateOnDragDrop: false,
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Links the user may open in the system browser: web pages only, never file:, javascript: or custom schemes. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}

/** True for pages of the app's own origin: the only frames allowed to call IPC or be navigated to. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** What to do with a request for a new window (window.open, a link opened with Ctrl or the middle button). */
export type WindowOpenAction =
  /** Another window of the app on that page: same preload, same locked-down options. */
  | { kind: 'appWindow' }
  /** A web page, opened in the user's browser (never inside the app). */
  | { kind: 'external' }
  | { kind: 'deny' };

/**
 * Decides a new-window request: the app's own pages (app://msp-inventory/…, or the dev server's
 * origin while developing) open another app window; http(s) pages go to the system browser; anything
 * else (file:, javascript:, data:, other schemes, look-alike hosts) is refused.
 */
export function windowOpenAction(url: string, devServerOrigin: string | null = null): WindowOpenAction {
  if (isAppUrl(url) || isDevServerUrl(url, devServerOrigin)) return { kind: 'appWindow' };
  if (isAllowedExternalUrl(url)) return { kind: 'external' };
  return { kind: 'deny' };
}

/** True for a page of the dev server (`electron-vite dev`), matched by its whole origin and carrying no credentials. */
export function isDevServerUrl(url: string, devServerOrigin: string | null): boolean {
  if (!devServerOrigin) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.origin === devServerOrigin && parsed.username === '' && parsed.password === '';
}

/**
 * Maps an app:// request to a file inside rendererDir, or null when the request is for another host
 * or escapes the folder. Paths that name no file get index.html, so client-side routes survive a reload.
 */
export async function resolveAppFile(rendererDir: string, requestUrl: string): Promise<string | null> {
  if (!isAppUrl(requestUrl)) return null;
  const root = resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  // Decoding can reintroduce "..", "/" or "\" that URL parsing had not seen, so containment is checked after it.
  const file = resolve(root, `.${sep}${pathname.replace(/^[/\\]+/, '')}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (await isFile(file)) return file;
  return resolve(root, 'index.html');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Answers one app:// request from the built renderer. Uses only the web Request/Response types, so
 * electron's protocol.handle can call it and a Node test can too.
 */
export async function serveAppRequest(rendererDir: string, request: Request, contentSecurityPolicy: string): Promise<Response> {
  const base = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: base });
  const file = await resolveAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404, headers: base });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response('The user interface has not been built: run `npm run build`.', { status: 404, headers: base });
  }
  const type = contentTypeFor(file);
  const headers: Record<string, string> = { ...base, 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
