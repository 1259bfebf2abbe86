import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import { createHttpServer } from './http';

let dir: string;
let app: App;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'http-test-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>MSP Inventory</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  app = createApp({ dbPath: join(dir, 'http.db') });
  const server = createHttpServer({ app, rendererDir: renderer });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(channel: string, body: unknown, token?: string) {
  const response = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { ok: boolean; data?: any; error?: { code: string } } };
}

describe('HTTP transport', () => {
  it('serves the same channels: setup, then a permissioned call with the bearer token', async () => {
    expect((await post('auth.status', {})).json).toEqual({ ok: true, data: { needsSetup: true, user: null, demo: false } });
    const setup = await post('auth.setup', { username: 'boss', displayName: 'Boss', password: 'long password' });
    expect(setup.json.ok).toBe(true);
    const token = setup.json.data.token as string;
    expect((await post('locations.list', {})).json.error?.code).toBe('UNAUTHENTICATED');
    const created = await post('locations.create', { name: 'Main', kind: 'warehouse' }, token);
    expect(created.json.data).toMatchObject({ name: 'Main', isDefault: true });
  });

  it('answers VALIDATION to a body that is not JSON and NOT_FOUND to an unknown channel', async () => {
    const bad = await post('auth.login', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('VALIDATION');
    expect((await post('nope.nothing', {})).json.error?.code).toBe('NOT_FOUND');
    const get = await fetch(`${base}/api/auth.status`);
    expect(get.status).toBe(405);
  });

  it('serves the renderer with a strict CSP, falls back to index.html and never leaves its folder', async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('MSP Inventory');
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const deep = await fetch(`${base}/stock/items`);
    expect(await deep.text()).toContain('MSP Inventory');
    const escape = await fetch(`${base}/..%2Fsecret.txt`);
    expect(await escape.text()).not.toContain('do not serve');
  });

  it('opens a server-sent events stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: ready');
    controller.abort();
  });
});
