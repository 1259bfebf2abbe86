import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_SCHEME, contentTypeFor, isAllowedExternalUrl, isAppUrl, isDevServerUrl, mainWindowOptions, resolveAppFile, serveAppRequest, windowOpenAction } from './window';

describe('mainWindowOptions', () => {
  it('isolates the renderer from Node and from the preload', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('opens hidden at a usable size with the product title', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options).toMatchObject({ width: 1400, height: 900, show: false, title: 'MSP Inventory' });
    expect(options.minWidth).toBeLessThanOrEqual(options.width);
    expect(options.minHeight).toBeLessThanOrEqual(options.height);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/docs', 'http://intranet.local:8080/ticket?id=4'])('lets %s open in the browser', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://msp-inventory/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>1</script>',
    '//example.com',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('knows its own origin', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://msp-inventory');
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/index.html#/stock/items`)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://msp-inventory.evil.com/index.html',
    'app://user@msp-inventory/index.html',
    'app://msp-inventory:81/index.html',
    'https://msp-inventory/index.html',
    'file:///index.html',
    'about:blank',
    '',
  ])('does not trust %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('windowOpenAction (Ctrl/middle click, window.open)', () => {
  it.each([
    `${APP_ORIGIN}/index.html#/purchasing/orders/12`,
    `${APP_ORIGIN}/index.html#/stock/items?productId=3&locationId=1`,
    `${APP_ORIGIN}/index.html`,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}/#/catalog/products/7`,
    `${APP_ORIGIN}/index.html?x=1#/stock/history`,
  ])('opens the app page %s in another app window', (url) => {
    expect(windowOpenAction(url)).toEqual({ kind: 'appWindow' });
  });

  it.each(['https://vendor.example/order/1', 'http://intranet.local:8080/ticket?id=4', 'https://msp-inventory/index.html', 'http://127.0.0.1:5077/#/stock/items'])(
    'sends the web page %s to the system browser',
    (url) => {
      expect(windowOpenAction(url)).toEqual({ kind: 'external' });
    },
  );

  it.each([
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'JavaScript:window.open("app://msp-inventory/")',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'blob:app://msp-inventory/1234-5678',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://msp-inventory.evil.com/index.html',
    'app://evil.com/msp-inventory/index.html',
    'app://msp-inventory@evil.com/index.html',
    'app://user:pass@msp-inventory/index.html',
    'app://msp-inventory:81/index.html',
    'app://msp-inventory-x/index.html',
    'app://other/index.html',
    'app:msp-inventory/index.html#x',
    '//msp-inventory/index.html',
    '#/stock/items',
    '/index.html#/stock/items',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(windowOpenAction(url)).toEqual({ kind: 'deny' });
  });

  describe('while developing against the dev server', () => {
    const dev = 'http://localhost:5173';
    it.each(['http://localhost:5173/#/stock/items', 'http://localhost:5173/index.html#/purchasing/orders/4', 'http://LOCALHOST:5173/'])('opens its page %s in an app window', (url) => {
      expect(windowOpenAction(url, dev)).toEqual({ kind: 'appWindow' });
      expect(isDevServerUrl(url, dev)).toBe(true);
    });

    it.each(['http://localhost:5174/#/stock/items', 'https://localhost:5173/', 'http://localhost.evil.com:5173/', 'http://127.0.0.1:5173/'])(
      'treats another origin %s as a web page, not as the app',
      (url) => {
        expect(windowOpenAction(url, dev)).toEqual({ kind: 'external' });
      },
    );

    it.each(['http://user:pass@localhost:5173/#/stock/items', 'http://user@localhost:5173/'])('does not trust %s, which carries credentials', (url) => {
      expect(isDevServerUrl(url, dev)).toBe(false);
      expect(windowOpenAction(url, dev)).not.toEqual({ kind: 'appWindow' });
    });

    it('trusts no dev server in a packaged app', () => {
      expect(windowOpenAction('http://localhost:5173/#/stock/items', null)).toEqual({ kind: 'external' });
    });
  });
});

describe('serving the renderer', () => {
  const root = mkdtempSync(join(tmpdir(), 'msp-renderer-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>MSP</title>');
  writeFileSync(join(rendererDir, 'assets/app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('maps app:// paths to files in the renderer folder', async () => {
    expect(await resolveAppFile(rendererDir, `${APP_ORIGIN}/assets/app.js`)).toBe(join(rendererDir, 'assets/app.js'));
    expect(await resolveAppFile(rendererDir, `${APP_ORIGIN}/index.html?x=1`)).toBe(join(rendererDir, 'index.html'));
  });

  it('falls back to index.html for client-side routes and folders', async () => {
    expect(await resolveAppFile(rendererDir, `${APP_ORIGIN}/`)).toBe(join(rendererDir, 'index.html'));
    expect(await resolveAppFile(rendererDir, `${APP_ORIGIN}/stock/items`)).toBe(join(rendererDir, 'index.html'));
    expect(await resolveAppFile(rendererDir, `${APP_ORIGIN}/assets`)).toBe(join(rendererDir, 'index.html'));
  });

  it.each([
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/..%2Fsecret.txt`,
    `${APP_ORIGIN}/assets/..%2F..%2Fsecret.txt`,
    `${APP_ORIGIN}/..%5Csecret.txt`,
    `${APP_ORIGIN}/index.html%00.js`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const file = await resolveAppFile(rendererDir, url);
    expect(file === null || file.startsWith(rendererDir)).toBe(true);
    expect(file).not.toBe(join(root, 'secret.txt'));
  });

  it('refuses paths that climb out of the folder outright instead of serving index.html', async () => {
    expect(await resolveAppFile(rendererDir, `${APP_ORIGIN}/..%2Fsecret.txt`)).toBeNull();
    expect(await resolveAppFile(rendererDir, 'app://other/index.html')).toBeNull();
  });

  it('sends the page with the Content-Security-Policy and a matching content type', async () => {
    const response = await serveAppRequest(rendererDir, new Request(`${APP_ORIGIN}/index.html`), "default-src 'self'");
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await response.text()).toContain('<title>MSP</title>');

    const script = await serveAppRequest(rendererDir, new Request(`${APP_ORIGIN}/assets/app.js`), "default-src 'self'");
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for other hosts, 405 for writes, and a hint when the UI was never built', async () => {
    expect((await serveAppRequest(rendererDir, new Request('app://other/index.html'), '')).status).toBe(404);
    expect((await serveAppRequest(rendererDir, new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }), '')).status).toBe(405);
    const unbuilt = await serveAppRequest(join(root, 'missing'), new Request(`${APP_ORIGIN}/`), '');
    expect(unbuilt.status).toBe(404);
    expect(await unbuilt.text()).toContain('npm run build');
  });

  it('knows the content types the renderer build produces', () => {
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
  });
});
