import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { createApp, type App } from '../app';
import { MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES } from '../domain/auth/password';
import { createUser } from '../domain/auth/users';
import { createHttpServer } from './http';
import { silentLog } from '../log/appLog';

let dir: string;
let app: App;
let port: number;
let host: string;
let close: () => Promise<void>;
let adminToken: string;
const ADMIN = { username: 'boss', displayName: 'Boss', password: 'long password' };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: { ok: boolean; data?: any; error?: { code: string; details?: Record<string, unknown> } };
}

/** One request with exactly the headers given (node:http lets a test set Host, Origin and the rest). */
function send(method: string, path: string, headers: OutgoingHttpHeaders = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const all = Object.fromEntries(Object.entries({ host, ...headers }).filter(([, v]) => v !== undefined));
    const req = request({ host: '127.0.0.1', port, method, path, headers: all, agent: false, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Answer['json'] = { ok: false };
        try {
          json = JSON.parse(text);
        } catch {
          // Static files and empty answers are not JSON.
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The status of a request written byte for byte (what node:http will not send: two Host headers, HTTP/1.0). */
function rawStatus(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

const jsonHeaders = { 'content-type': 'application/json' };

function post(channel: string, body: unknown, headers: OutgoingHttpHeaders = {}): Promise<Answer> {
  return send('POST', `/api/${channel}`, { ...jsonHeaders, ...headers }, typeof body === 'string' ? body : JSON.stringify(body));
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'http-test-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>MSP Inventory</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  app = createApp({ dbPath: join(dir, 'http.db'), log: silentLog });
  const server = createHttpServer({ app, rendererDir: renderer, allowedHosts: ['inventory.office.lan', 'proxy.office.lan:8443'], log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const setup = await post('auth.setup', ADMIN);
  expect(setup.json.ok).toBe(true);
  adminToken = setup.json.data.token;
});

afterAll(async () => {
  await close();
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP transport', () => {
  it('serves the same channels: setup answered, then a permissioned call with the bearer token', async () => {
    expect((await post('auth.setup', ADMIN)).json.error?.code).toBe('SETUP_DONE');
    expect((await post('locations.list', {})).json.error?.code).toBe('UNAUTHENTICATED');
    const created = await post('locations.create', { name: 'Main', kind: 'warehouse' }, bearer(adminToken));
    expect(created.json.data).toMatchObject({ name: 'Main', isDefault: true });
  });

  it('answers VALIDATION to a body that is not JSON, NOT_FOUND to an unknown channel and 405 to other methods', async () => {
    const bad = await post('auth.login', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('VALIDATION');
    expect((await post('nope.nothing', {})).json.error?.code).toBe('NOT_FOUND');
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      expect((await send(method, '/api/auth.status', jsonHeaders)).status, method).toBe(405);
    }
    expect((await send('DELETE', '/', {})).status).toBe(405);
  });

  it('serves the renderer with a strict CSP at / and never leaves its folder', async () => {
    const index = await send('GET', '/');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.text).toContain('MSP Inventory');
    const js = await send('GET', '/assets/app.js');
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.text).toBe('console.log(1)');
    expect((await send('HEAD', '/assets/app.js')).text).toBe('');
    for (const path of ['/', '/index.html']) expect((await send('GET', path)).text, path).toContain('MSP Inventory');
  });

  it('lets the browser keep the built chunks (named after their content) and revalidate the page', async () => {
    expect((await send('GET', '/assets/app.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html']) expect((await send('GET', path)).headers['cache-control'], path).toBe('no-cache');
  });

  it('redirects a route typed without the # to the same route after it, and answers 404 for a missing file', async () => {
    const redirects: [string, string][] = [
      ['/stock/items', '/#/stock/items'],
      ['/stock/items/', '/#/stock/items'],
      ['/purchasing/orders/12?tab=lines&x=1', '/#/purchasing/orders/12?tab=lines&x=1'],
      ['/stock/%C3%ADtems', '/#/stock/%C3%ADtems'],
      ['/a%20b', '/#/a%20b'],
      ['/assets', '/#/assets'],
      ['/x?q=%0d%0aSet-Cookie:%20a=1', '/#/x?q=%0d%0aSet-Cookie:%20a=1'],
    ];
    for (const [path, location] of redirects) {
      for (const method of ['GET', 'HEAD']) {
        const answer = await send(method, path);
        expect(answer.status, `${method} ${path}`).toBe(302);
        expect(answer.headers.location, path).toBe(location);
        expect(answer.headers['set-cookie'], path).toBeUndefined();
      }
    }
    for (const path of ['/assets/missing.js', '/stock/assets/app.js', '/favicon.ico', '/x.html', '/assets/app.js.map']) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).not.toContain('MSP Inventory');
    }
    expect((await send('GET', '/assets/app.js')).status).toBe(200);
    for (const path of ['/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/.%2e/secret.txt']) {
      const escape = await send('GET', path);
      expect(escape.status, path).toBe(400);
      expect(escape.text).not.toContain('do not serve');
    }
    // Encoded twice it is a file name with "%" in it, not a way up.
    expect((await send('GET', '/%252e%252e/secret.txt')).text).not.toContain('do not serve');
  });
});

describe('malformed requests', () => {
  it('answers 400 to malformed percent-encodings, NUL bytes and non-origin-form targets, and keeps serving', async () => {
    const targets = ['/%E0%A4%A', '/assets/%ff.js', '/%', '/%zz', '/a%0', '/%00', '/x%00.js', '/%C0%AE%C0%AE/', '/api/%E0%A4%A', '/api/auth.status%', '/api/%00', '/%0d%0aSet-Cookie:x=1'];
    for (const target of targets) {
      for (const method of ['GET', 'POST', 'HEAD']) {
        const answer = await send(method, target, jsonHeaders, method === 'POST' ? '{}' : undefined);
        expect(answer.status, `${method} ${target}`).toBe(400);
      }
    }
    for (const target of ['http://[::1', 'http://evil.example/', `http://127.0.0.1:${port}/`, '*', '//evil.example/x']) {
      expect((await send('GET', target)).status, target).toBe(400);
    }
    expect((await post('auth.status', {})).json).toMatchObject({ ok: true });
  });
});

describe('cross-site requests', () => {
  it('requires Content-Type application/json on every API POST (415, nothing runs)', async () => {
    const refused = [undefined, 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/json-patch+json', 'json', 'application/javascript'];
    for (const type of refused) {
      const headers: OutgoingHttpHeaders = type === undefined ? {} : { 'content-type': type };
      const answer = await send('POST', '/api/users.create', { ...headers, ...bearer(adminToken) }, JSON.stringify({ username: `ct${refused.indexOf(type)}`, displayName: 'X', password: 'long enough', permissions: [] }));
      expect(answer.status, String(type)).toBe(415);
      expect(answer.json.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'contentType' } });
    }
    const users = await post('users.list', {}, bearer(adminToken));
    expect(users.json.data.map((u: { username: string }) => u.username)).toEqual(['boss']);
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset=UTF-8']) {
      expect((await send('POST', '/api/auth.status', { 'content-type': type }, '{}')).json.ok, type).toBe(true);
    }
  });

  it('refuses a text/plain sign-in or first-admin setup from another site', async () => {
    const body = JSON.stringify({ username: ADMIN.username, password: ADMIN.password });
    const answer = await send('POST', '/api/auth.login', { 'content-type': 'text/plain' }, body);
    expect(answer.status).toBe(415);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an Origin that is not this host’s own, null included, and accepts its own', async () => {
    const foreign = ['null', 'http://evil.example', `http://evil.example:${port}`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, `http://127.0.0.1`, `http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}.evil.example`, `http://localhost.:${port}`, 'file://', `http://user@127.0.0.1:${port}`, ''];
    for (const origin of foreign) {
      const answer = await post('auth.login', { username: ADMIN.username, password: ADMIN.password }, { origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.json.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'origin' } });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://LOCALHOST:${port}`, `http://[::1]:${port}`, `http://inventory.office.lan:${port}`]) {
      expect((await post('auth.status', {}, { origin })).json.ok, origin).toBe(true);
    }
  });

  it('refuses Sec-Fetch-Site other than same-origin or none, for the API and for embedded files', async () => {
    for (const site of ['cross-site', 'same-site', 'CROSS-SITE', 'whatever', '']) {
      const answer = await post('auth.status', {}, { 'sec-fetch-site': site });
      expect(answer.status, site).toBe(403);
      expect(answer.json.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'fetchSite' } });
      expect((await send('GET', '/assets/app.js', { 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors' })).status).toBe(403);
      expect((await send('GET', '/api/events', { 'sec-fetch-site': site, ...bearer(adminToken) })).status).toBe(403);
    }
    for (const site of ['same-origin', 'none']) expect((await post('auth.status', {}, { 'sec-fetch-site': site })).json.ok).toBe(true);
    // Following a link from another site opens the app; the app's own calls are then same-origin.
    expect((await send('GET', '/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).status).toBe(200);
  });
});

describe('Host header (DNS rebinding)', () => {
  it('serves only the loopback names, the bound address and the allowed hosts, on the served port', async () => {
    const accepted = [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LocalHost:${port}`,
      `[::1]:${port}`,
      `inventory.office.lan:${port}`,
      `INVENTORY.office.LAN:${port}`,
      'proxy.office.lan:8443',
    ];
    for (const value of accepted) {
      expect((await send('GET', '/', { host: value })).status, value).toBe(200);
      expect((await post('auth.status', {}, { host: value })).json.ok, value).toBe(true);
    }
  });

  it('answers 403 to any other Host, for the page, the API and the events', async () => {
    const refused = [
      'evil.example',
      `evil.example:${port}`,
      `localhost.:${port}`,
      `127.0.0.1.:${port}`,
      `localhost:${port + 1}`,
      'localhost',
      '127.0.0.1',
      `127.0.0.1:${port}.evil.example`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `evil.example@127.0.0.1:${port}`,
      `127.0.0.1:${port}@evil.example`,
      `user:pass@localhost:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `0x7f.0.0.1:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `[0:0:0:0:0:0:0:1]:${port}`,
      `::1:${port}`,
      `[::1]`,
      `inventory.office.lan:${port + 1}`,
      'proxy.office.lan',
      `proxy.office.lan:${port}`,
      `localhost:${port}/`,
      `localhost:${port} evil`,
      `localhost :${port}`,
      `%6cocalhost:${port}`,
      `localhost:0${port}x`,
      '',
    ];
    for (const value of refused) {
      const page = await send('GET', '/', { host: value });
      expect(page.status, `GET / with Host ${JSON.stringify(value)}`).toBe(403);
      expect(page.text).not.toContain('MSP Inventory');
      const api = await post('auth.login', { username: ADMIN.username, password: ADMIN.password }, { host: value });
      expect(api.status, `auth.login with Host ${JSON.stringify(value)}`).toBe(403);
      expect(api.json.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'host' } });
      expect(api.headers['set-cookie']).toBeUndefined();
      expect((await send('GET', '/api/events', { host: value, ...bearer(adminToken) })).status).toBe(403);
    }
  });

  it('answers 403 to a request without Host and 400 to one with two', async () => {
    expect((await send('GET', '/', { host: undefined })).status).toBe(403);
    expect(await rawStatus(`GET / HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await rawStatus(`GET / HTTP/1.1\r\nHost: evil.example\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await rawStatus('GET / HTTP/1.0\r\n\r\n')).toBe(403);
    expect(await rawStatus(`GET / HTTP/1.0\r\nHost: ${host}\r\n\r\n`)).toBe(200);
  });
});

describe('browser session cookie', () => {
  function cookieOf(answer: Answer): string {
    const setCookie = answer.headers['set-cookie'];
    expect(setCookie, 'a Set-Cookie header').toBeDefined();
    return (setCookie as string[])[0]!;
  }

  it('signs a browser in with an HttpOnly, SameSite=Strict cookie that EventSource and calls send by themselves', async () => {
    const login = await post('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const cookie = cookieOf(login);
    expect(cookie).toMatch(new RegExp(`^msp-inventory-session-${port}=[A-Za-z0-9_-]{20,};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    // Served over plain http: Secure would make the browser drop the cookie.
    expect(cookie).not.toContain('Secure');
    const pair = cookie.split(';')[0]!;
    expect((await post('auth.status', {}, { cookie: `other=1; ${pair}` })).json.data.user).toMatchObject({ username: 'boss' });
    expect((await post('users.list', {}, { cookie: pair })).json.ok).toBe(true);

    const logout = await post('auth.logout', {}, { cookie: pair });
    expect(cookieOf(logout)).toMatch(/Max-Age=0/);
    expect((await post('users.list', {}, { cookie: pair })).json.error?.code).toBe('UNAUTHENTICATED');
  });

  it('still checks Content-Type, Origin and Sec-Fetch-Site on cookie-authenticated calls', async () => {
    const pair = cookieOf(await post('auth.login', { username: ADMIN.username, password: ADMIN.password })).split(';')[0]!;
    const body = JSON.stringify({ username: 'csrf', displayName: 'CSRF', password: 'long enough', permissions: [] });
    expect((await send('POST', '/api/users.create', { cookie: pair, 'content-type': 'text/plain' }, body)).status).toBe(415);
    expect((await send('POST', '/api/users.create', { cookie: pair, ...jsonHeaders, origin: 'http://evil.example' }, body)).status).toBe(403);
    expect((await send('POST', '/api/users.create', { cookie: pair, ...jsonHeaders, 'sec-fetch-site': 'cross-site' }, body)).status).toBe(403);
    const users = await post('users.list', {}, { cookie: pair });
    expect(users.json.data.map((u: { username: string }) => u.username)).not.toContain('csrf');
  });

  it('prefers an explicit Bearer token to the cookie, and ignores forged tokens', async () => {
    const pair = cookieOf(await post('auth.login', { username: ADMIN.username, password: ADMIN.password })).split(';')[0]!;
    expect((await post('users.list', {}, { cookie: pair, authorization: 'Bearer forged' })).json.error?.code).toBe('UNAUTHENTICATED');
    expect((await post('users.list', {}, { cookie: `msp-inventory-session-${port}=forged` })).json.error?.code).toBe('UNAUTHENTICATED');
    expect((await post('users.list', {}, { cookie: `msp-inventory-session-${port + 1}=${pair.split('=')[1]}` })).json.error?.code).toBe('UNAUTHENTICATED');
    expect((await post('users.list', {}, bearer(adminToken))).json.ok).toBe(true);
  });
});

describe('server-sent events', () => {
  async function open(headers: OutgoingHttpHeaders): Promise<{ status: number; first: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { host, ...headers }, agent: false }, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ status: res.statusCode!, first: chunk.toString('utf8') });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('requires a session: 401 without one, the stream with a cookie or a bearer token', async () => {
    expect(await open({})).toMatchObject({ status: 401 });
    expect(await open(bearer('forged'))).toMatchObject({ status: 401 });
    expect(await open({ cookie: `msp-inventory-session-${port}=forged` })).toMatchObject({ status: 401 });
    const withBearer = await open(bearer(adminToken));
    expect(withBearer.status).toBe(200);
    expect(withBearer.first).toContain('event: ready');
    const login = await post('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const pair = (login.headers['set-cookie'] as string[])[0]!.split(';')[0]!;
    expect(await open({ cookie: pair })).toMatchObject({ status: 200 });
  });
});

describe('throttled sign-in over HTTP', () => {
  it('answers 429 with Retry-After and RATE_LIMITED, by socket address whatever X-Forwarded-For says', async () => {
    await post('users.create', { username: 'target', displayName: 'Target', password: 'target password', permissions: [] }, bearer(adminToken));
    for (let i = 0; i < 5; i++) {
      const wrong = await post('auth.login', { username: 'target', password: `wrong ${i}` }, { 'x-forwarded-for': `203.0.113.${i}` });
      expect(wrong.json.error?.code).toBe('INVALID_CREDENTIALS');
    }
    const refused = await post('auth.login', { username: 'target', password: 'target password' }, { 'x-forwarded-for': '198.51.100.99' });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json.error!.details!.retryAfterMs).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('answers 503 with Retry-After, not a reset, when more sign-ins wait than the host will queue', async () => {
    // Cheaper stored hashes (as an old install might hold) keep this short; the waiting line is what matters.
    const salt = randomBytes(16);
    const cheap = ['scrypt', 8192, 8, 1, salt.toString('base64'), scryptSync('pw', salt, 32, { N: 8192, r: 8, p: 1 }).toString('base64')].join('$');
    const total = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 4;
    for (let i = 0; i < total; i++) createUser(app.ctx, { username: `crowd${i}`, displayName: `Crowd ${i}`, passwordHash: cheap, permissions: [], isAdmin: false });
    const answers = await Promise.all(Array.from({ length: total }, (_, i) => post('auth.login', { username: `crowd${i}`, password: 'pw' })));
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const answer of busy) {
      expect(answer.json.error).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'busy' } });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(answers.filter((a) => a.status === 200 && a.json.ok).length + busy.length).toBe(total);
  });
});
