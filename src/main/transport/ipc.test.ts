import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { channelNames } from '@shared/contract';
import type { Result } from '@shared/errors';
import { createApp, type App } from '../app';
import { APP_ORIGIN, isAppUrl } from '../window';
import { registerIpc, type IpcMainLike, type SenderLike } from './ipc';
import { memoryLog, silentLog } from '../log/appLog';

type Listener = (event: unknown, input: unknown) => unknown;

class FakeSender extends EventEmitter {
  readonly sent: unknown[][] = [];
  constructor(readonly id: number) {
    super();
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return false;
  }
}

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  } as unknown as IpcMainLike;
  return { ipcMain, handlers };
}

function dataOf(result: Result<any>): any {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}`);
  return result.data;
}

const admin = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };

describe('IPC transport', () => {
  let dir: string;
  let app: App;
  let handlers: Map<string, Listener>;
  let issuedTokens: MockInstance<(userId: number) => string>;
  let transport: ReturnType<typeof registerIpc>;
  const senders = new Map<number, FakeSender>();

  /** A fake window as the transport takes one (it uses only id, once, send and isDestroyed). */
  const windowOf = (id: number) => sender(id) as unknown as SenderLike;

  function sender(id: number): FakeSender {
    if (!senders.has(id)) senders.set(id, new FakeSender(id));
    return senders.get(id)!;
  }

  async function invoke(channel: string, input: unknown, { senderId = 1, url = `${APP_ORIGIN}/index.html` }: { senderId?: number; url?: string | null } = {}) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const event = { sender: sender(senderId), senderFrame: url === null ? null : { url } };
    return (await handler(event, input)) as Result<any>;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'msp-ipc-'));
    app = createApp({ dbPath: join(dir, 'test.db'), log: silentLog });
    issuedTokens = vi.spyOn(app.sessions, 'create');
    const fake = fakeIpcMain();
    handlers = fake.handlers;
    senders.clear();
    transport = registerIpc(fake.ipcMain, app, isAppUrl);
  });

  afterEach(() => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers INTERNAL when the call itself throws, and writes the stack to the app log only', async () => {
    const log = memoryLog();
    const failing = { ...app, log, dispatch: () => Promise.reject(new Error('transport exploded')) } as App;
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, failing, isAppUrl);
    const event = { sender: sender(1), senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    expect(await fake.handlers.get('auth.status')!(event, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'INTERNAL', details: {} } });
    expect(log.entries).toEqual([expect.objectContaining({ level: 'error', details: expect.objectContaining({ channel: 'auth.status', message: 'transport exploded', stack: expect.stringContaining('transport exploded') }) })]);
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('refuses callers that are not the app page, without running the channel', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', null]) {
      const result = await invoke('auth.setup', admin, { url });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await invoke('auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true, user: null } });
  });

  it('answers malformed input with VALIDATION and creates nothing', async () => {
    expect(await invoke('auth.setup', { username: 'x', password: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke('auth.setup', 'not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke('auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true } });
  });

  /** The session tokens the main process issued, in order (the renderer never sees them). */
  function issued(): string[] {
    return issuedTokens.mock.results.map((r) => r.value as string);
  }

  it('never gives the renderer the session token: sign-in answers carry the user only', async () => {
    const setup = await invoke('auth.setup', admin);
    expect(setup).toEqual({ ok: true, data: { user: expect.objectContaining({ username: 'admin', isAdmin: true }) } });
    expect(JSON.stringify(setup)).not.toMatch(/token/i);
    const login = await invoke('auth.login', { username: 'admin', password: admin.password }, { senderId: 4 });
    expect(login).toEqual({ ok: true, data: { user: expect.objectContaining({ username: 'admin' }) } });
    expect(issued()).toHaveLength(2);
    for (const token of issued()) expect(JSON.stringify([setup, login])).not.toContain(token);
    // Yet the window is signed in: its next calls are authenticated by the token kept here.
    expect(await invoke('users.list', {}, { senderId: 4 })).toMatchObject({ ok: true });
    expect(await invoke('auth.status', {}, { senderId: 4 })).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
  });

  it('remembers the session per window after setup, and only for that window', async () => {
    const setup = await invoke('auth.setup', admin);
    expect(setup).toMatchObject({ ok: true, data: { user: { username: 'admin', isAdmin: true } } });

    const users = await invoke('users.list', {});
    expect(users).toMatchObject({ ok: true });
    expect(dataOf(users).map((u: { username: string }) => u.username)).toEqual(['admin']);
    expect(await invoke('auth.status', {})).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });

    expect(await invoke('users.list', {}, { senderId: 2 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await invoke('auth.status', {}, { senderId: 2 })).toMatchObject({ ok: true, data: { user: null } });
  });

  it('signs a window in with auth.login and out with auth.logout', async () => {
    await invoke('auth.setup', admin, { senderId: 9 });
    expect(await invoke('auth.login', { username: 'admin', password: 'wrong password' }, { senderId: 2 })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await invoke('users.list', {}, { senderId: 2 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const login = await invoke('auth.login', { username: 'admin', password: admin.password }, { senderId: 2 });
    expect(login).toMatchObject({ ok: true });
    expect(await invoke('users.list', {}, { senderId: 2 })).toMatchObject({ ok: true });

    const [setupToken, loginToken] = issued();
    expect(await invoke('auth.logout', {}, { senderId: 2 })).toMatchObject({ ok: true });
    expect(await invoke('users.list', {}, { senderId: 2 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(app.sessions.resolve(loginToken)).toBeNull();
    // The other window stays signed in.
    expect(app.sessions.resolve(setupToken)).not.toBeNull();
    expect(await invoke('users.list', {}, { senderId: 9 })).toMatchObject({ ok: true });
  });

  it('ends the session when the window goes away', async () => {
    await invoke('auth.setup', admin, { senderId: 3 });
    const [token] = issued();
    expect(app.sessions.resolve(token)).not.toBeNull();
    sender(3).emit('destroyed');
    expect(app.sessions.resolve(token)).toBeNull();
    expect(await invoke('users.list', {}, { senderId: 3 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('signs a window opened from a signed-in one in as the same user, with a session of its own', async () => {
    await invoke('auth.setup', admin, { senderId: 1 });
    transport.shareSession(1, windowOf(5));
    expect(await invoke('auth.status', {}, { senderId: 5 })).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
    expect(await invoke('users.list', {}, { senderId: 5 })).toMatchObject({ ok: true });
    const [opener, opened] = issued();
    expect(opened).toBeDefined();
    expect(opened).not.toBe(opener);
    // Each window signs out on its own, and closing one ends only its session.
    expect(await invoke('auth.logout', {}, { senderId: 5 })).toMatchObject({ ok: true });
    expect(await invoke('users.list', {}, { senderId: 1 })).toMatchObject({ ok: true });
    transport.shareSession(1, windowOf(6));
    sender(6).emit('destroyed');
    expect(app.sessions.resolve(issued()[2])).toBeNull();
    expect(app.sessions.resolve(opener)).not.toBeNull();
  });

  it('leaves a window opened from a signed-out one signed out', async () => {
    await invoke('auth.setup', admin, { senderId: 1 });
    await invoke('auth.logout', {}, { senderId: 1 });
    transport.shareSession(1, windowOf(7));
    transport.shareSession(99, windowOf(8));
    expect(await invoke('users.list', {}, { senderId: 7 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await invoke('auth.status', {}, { senderId: 8 })).toMatchObject({ ok: true, data: { user: null } });
    expect(issued()).toHaveLength(1);
  });

  it('ends the previous session when a window signs in again', async () => {
    await invoke('auth.setup', admin);
    await invoke('auth.login', { username: 'admin', password: admin.password });
    const [first, second] = issued();
    expect(app.sessions.resolve(first)).toBeNull();
    expect(app.sessions.resolve(second)).not.toBeNull();
    expect(await invoke('users.list', {})).toMatchObject({ ok: true });
  });

  it('throttles failed sign-ins from the desktop as one local address', async () => {
    await invoke('auth.setup', admin, { senderId: 9 });
    for (let i = 0; i < 5; i++) {
      expect(await invoke('auth.login', { username: 'admin', password: `wrong ${i}` }, { senderId: 10 + i })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    }
    expect(await invoke('auth.login', { username: 'admin', password: admin.password }, { senderId: 20 })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
