// GET /api/events over real HTTP: who may listen, what arrives, when a stream stops, and that open
// streams neither pile up past the cap nor hold up the host's shutdown.
import { request, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { createHttpServer } from './http';

const PING_MS = 150;
const CAP = 4;

let t: TestApp;
let world: ReturnType<typeof seedWorld>;
let server: Server;
let port: number;
let streams: Stream[];

interface Stream {
  status: number;
  /** Everything received so far. */
  text(): string;
  /** The `change` events received so far, parsed. */
  changes(): { areas: string[]; userId: number | null; at: number; channel: string }[];
  /** Resolves once the text matches, rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  /** Resolves when the host ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function open(headers: OutgoingHttpHeaders): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/api/events', headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res: IncomingMessage) => {
      let text = '';
      const waiters = new Set<() => void>();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        waiters.forEach((w) => w());
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      const stream: Stream = {
        status: res.statusCode!,
        text: () => text,
        changes: () => [...text.matchAll(/event: change\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!)),
        waitFor: (pattern, ms = 1_000) =>
          new Promise((ok, fail) => {
            const check = () => {
              if (!pattern.test(text)) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok();
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no ${pattern} within ${ms} ms; got ${JSON.stringify(text)}`));
            }, ms);
            waiters.add(check);
            check();
          }),
        ended,
        close: () => req.destroy(),
      };
      streams.push(stream);
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function post(channel: string, body: unknown, token: string): Promise<{ ok: boolean; error?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${channel}`, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...bearer(token) }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function closeServer(): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => server.close(() => resolve(Date.now() - started)));
}

beforeEach(async () => {
  t = createTestApp({ start: Date.now() });
  world = seedWorld(t);
  streams = [];
  const renderer = join(t.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  server = createHttpServer({ app: t.app, rendererDir: renderer, eventsPingMs: PING_MS, maxEventStreams: CAP, log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  streams.forEach((s) => s.close());
  if (server.listening) await closeServer();
  t.close();
});

describe('GET /api/events', () => {
  it('refuses callers without a live session of an active user', async () => {
    const inactive = t.addUser({ username: 'gone', permissions: ['inventory.view'] });
    const inactiveToken = t.tokenFor(inactive.id);
    t.ok('users.update', { id: inactive.id, displayName: 'Gone', permissions: ['inventory.view'], isAdmin: false, active: false });
    const ended = t.tokenFor(world.tech.id);
    t.ok('auth.logout', {}, ended);
    for (const headers of [{}, bearer('not-a-session'), bearer(ended), bearer(inactiveToken), { cookie: `msp-inventory-session-${port}=forged` }, { authorization: 'Basic eDp5' }]) {
      const stream = await open(headers);
      expect(stream.status, JSON.stringify(headers)).toBe(401);
    }
  });

  it('refuses a page of another site, as every API call', async () => {
    const token = t.tokenFor(world.tech.id);
    for (const headers of [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }]) {
      const stream = await open({ ...bearer(token), ...headers });
      expect(stream.status, JSON.stringify(headers)).toBe(403);
    }
    const sameOrigin = await open({ ...bearer(token), origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers only GET', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/events', headers: { host: `127.0.0.1:${port}`, ...bearer(t.token) }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });

  it('delivers a committed change to every connected client within a second, by cookie or bearer', async () => {
    const techToken = t.tokenFor(world.tech.id);
    const a = await open(bearer(techToken));
    const b = await open({ cookie: `other=1; msp-inventory-session-${port}=${t.token}` });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.text()).toContain('event: ready');
    expect(a.text()).toMatch(/^retry: \d+\n/);
    const started = Date.now();
    expect((await post('stock.add', { productId: world.cable.id, locationId: world.main.id, qty: 4, costMethod: 'catalogue', reason: null }, t.token)).ok).toBe(true);
    await Promise.all([a.waitFor(/event: change/), b.waitFor(/event: change/)]);
    expect(Date.now() - started).toBeLessThan(1_000);
    const adminId = t.app.sessions.peek(t.token);
    for (const stream of [a, b]) {
      expect(stream.changes()).toEqual([{ areas: ['stock'], userId: adminId, at: expect.any(Number), channel: 'stock.add' }]);
    }
    // Queries and failed mutations tell nobody.
    await post('stock.listInventoryProducts', {}, t.token);
    expect((await post('stock.add', { productId: world.cable.id, locationId: world.main.id, qty: -1, costMethod: 'catalogue' }, t.token)).ok).toBe(false);
    await post('catalog.saveCategory', { name: 'Docks' }, t.token);
    await Promise.all([a.waitFor(/catalog\.saveCategory/), b.waitFor(/catalog\.saveCategory/)]);
    expect(a.changes().map((c) => c.channel)).toEqual(['stock.add', 'catalog.saveCategory']);
  });

  it('sends a heartbeat comment on a quiet stream', async () => {
    const stream = await open(bearer(t.token));
    await stream.waitFor(/\n: ping\n\n(.|\n)*: ping\n\n/, PING_MS * 6);
  });

  it('stops a stream once its session ends or its user is deactivated; the others keep receiving', async () => {
    const loggingOut = t.tokenFor(world.tech.id);
    const leaver = await open(bearer(loggingOut));
    const other = t.addUser({ username: 'other', permissions: ['inventory.view'] });
    const deactivated = await open(bearer(t.tokenFor(other.id)));
    const staying = await open(bearer(t.token));
    expect((await post('auth.logout', {}, loggingOut)).ok).toBe(true);
    expect((await post('users.update', { id: other.id, displayName: 'Other', permissions: ['inventory.view'], isAdmin: false, active: false }, t.token)).ok).toBe(true);
    await staying.waitFor(/users\.update/);
    await Promise.all([leaver.ended, deactivated.ended]);
    expect(leaver.changes()).toEqual([]);
    expect(deactivated.changes()).toEqual([]);
    // The heartbeat finds an ended session too, with no change to carry.
    const quiet = t.tokenFor(world.tech.id);
    const idle = await open(bearer(quiet));
    t.app.sessions.end(quiet);
    await idle.ended;
    expect(idle.text()).not.toContain('ping');
  });

  it(`holds at most ${CAP} streams, answering 503 beyond, and frees a place when one closes`, async () => {
    const open4 = await Promise.all(Array.from({ length: CAP }, () => open(bearer(t.token))));
    expect(open4.map((s) => s.status)).toEqual(Array(CAP).fill(200));
    const refused = await open(bearer(t.token));
    expect(refused.status).toBe(503);
    expect(refused.text()).toContain('RATE_LIMITED');
    open4[0]!.close();
    await open4[0]!.ended;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await open(bearer(t.token))).status).toBe(200);
  });

  it('closes promptly with streams open, ending them', async () => {
    const open3 = await Promise.all([open(bearer(t.token)), open(bearer(t.token)), open(bearer(t.tokenFor(world.tech.id)))]);
    const tookMs = await closeServer();
    expect(tookMs).toBeLessThan(1_000);
    await Promise.all(open3.map((s) => s.ended));
  });

  it('closes streams during a restore', async () => {
    const stream = await open(bearer(t.token));
    const backup = await t.okAsync('backups.create', {});
    const restored = await t.app.callAsync('backups.restore', { name: backup.name }, t.token);
    expect(restored.ok).toBe(true);
    await stream.ended;
    expect((await open(bearer(t.token))).status).not.toBe(200);
  });
});
