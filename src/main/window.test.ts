import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_SCHEME, contentTypeFor, isAllowedExternalUrl, isAppUrl, mainWindowOptions, resolveAppFile, serveAppRequest } from './window';

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
