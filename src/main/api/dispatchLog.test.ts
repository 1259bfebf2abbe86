// What dispatch writes to the log: slow calls (channel, time, user — never the input) and every
// unexpected error with its stack, which the caller never sees (it gets INTERNAL only).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '@shared/contract';
import { SignInThrottle } from '../domain/auth/throttle';
import { fileLog, memoryLog } from '../log/appLog';
import { createTestApp, type TestApp } from '../testing/harness';
import { sampleChannelInput } from '../testing/sampleInput';
import { backupHandlers } from './backups';
import { dispatch, SLOW_CALL_MS, type DispatchDeps } from './dispatch';
import { handlers } from './index';
import type { HandlerTable } from './types';

let t: TestApp | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function depsOf(app: TestApp, table: Partial<HandlerTable>, log = memoryLog()): DispatchDeps & { log: ReturnType<typeof memoryLog> } {
  return {
    ctx: app.app.ctx,
    sessions: app.app.sessions,
    throttle: new SignInThrottle(),
    handlers: { ...handlers, ...backupHandlers(app.app.backups), ...table } as HandlerTable,
    loadDemoData: () => undefined,
    log,
  };
}

describe('slow calls', () => {
  it(`logs a call over ${SLOW_CALL_MS} ms with its channel, time and user, and not a fast one`, () => {
    t = createTestApp();
    const me = t.ok('auth.status', {}).user!;
    const deps = depsOf(t, {
      'catalog.listCategories': () => (busy(SLOW_CALL_MS + 20), []),
      'catalog.saveCategory': (input) => (busy(SLOW_CALL_MS + 20), { id: 99, name: input.name, productCount: 0, inactiveProductCount: 0 }),
    });
    expect(dispatch(deps, 'catalog.listCategories', {}, t.token)).toMatchObject({ ok: true });
    expect(dispatch(deps, 'locations.list', {}, t.token)).toMatchObject({ ok: true });
    expect(dispatch(deps, 'catalog.saveCategory', { name: 'Secret name' }, t.token)).toMatchObject({ ok: true });
    expect(deps.log.entries).toEqual([
      { level: 'warn', message: 'Slow call', details: { channel: 'catalog.listCategories', ms: expect.any(Number), userId: me.id } },
      { level: 'warn', message: 'Slow call', details: { channel: 'catalog.saveCategory', ms: expect.any(Number), userId: me.id } },
    ]);
    for (const e of deps.log.entries) expect(e.details.ms).toBeGreaterThanOrEqual(SLOW_CALL_MS);
    expect(JSON.stringify(deps.log.entries)).not.toContain('Secret name');
  });

  it('times an I/O call until its answer, and logs a caller without a session as no user', async () => {
    t = createTestApp();
    const deps = depsOf(t, {
      'auth.login': { io: true, before: () => new Promise((resolve) => setTimeout(resolve, SLOW_CALL_MS + 30)), write: () => ({ user: null, token: null }) } as never,
    });
    await dispatch(deps, 'auth.login', { username: 'admin', password: 'pw-in-input' }, null);
    expect(deps.log.entries).toEqual([{ level: 'warn', message: 'Slow call', details: { channel: 'auth.login', ms: expect.any(Number), userId: null } }]);
  });
});

describe('unexpected errors', () => {
  describe('for every synchronous channel', () => {
    let shared: TestApp;
    beforeAll(() => {
      shared = createTestApp();
    });
    afterAll(() => shared.close());
    it.each(channelNames.filter((c) => contract[c].io !== true))('%s: logged with the stack; the caller gets INTERNAL only', (channel) => {
      // Only errors here: on a busy machine any call may also be slow.
      const failing = () => {
        throw new TypeError(`internal detail of ${channel}`);
      };
      const deps = { ...depsOf(shared, { [channel]: failing }), slowCallMs: Infinity };
      const input = sampleChannelInput(channel);
      const result = dispatch(deps, channel, input, shared.tokenFor(shared.ok('auth.status', {}).user!.id));
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'INTERNAL', details: {} } });
      expect(deps.log.entries).toHaveLength(1);
      expect(deps.log.entries[0]).toMatchObject({ level: 'error', details: { channel, error: 'TypeError', message: `internal detail of ${channel}` } });
      expect(String(deps.log.entries[0]!.details.stack)).toMatch(new RegExp(`TypeError: internal detail of ${channel.replace('.', '\\.')}\\n\\s+at `));
    });
  });

  it('logs an I/O phase failing after an await the same way', async () => {
    t = createTestApp();
    const deps = depsOf(t, {
      'purchasing.renderPdf': { io: true, write: () => ({}), after: () => Promise.reject(new RangeError('pdf engine broke')) } as never,
    });
    expect(await dispatch(deps, 'purchasing.renderPdf', { id: 1, locale: 'en' }, t.token)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'INTERNAL', details: {} } });
    expect(deps.log.entries[0]).toMatchObject({ level: 'error', details: { channel: 'purchasing.renderPdf', error: 'RangeError', message: 'pdf engine broke' } });
  });

  it('does not log what the caller is told: domain errors and conflicts', () => {
    const log = memoryLog();
    t = createTestApp({ log });
    t.ok('catalog.saveCategory', { name: 'Laptops' });
    expect(t.fail('catalog.saveCategory', { name: 'Laptops' }).code).toBe('CONFLICT');
    expect(t.fail('catalog.getProduct', { id: 999 }).code).toBe('NOT_FOUND');
    expect(log.entries).toEqual([]);
  });
});

describe('passwords', () => {
  it('never reach the log file, whatever is logged (every call logged, errors included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msp-log-pw-'));
    const path = join(dir, 'app.log');
    try {
      t = createTestApp({ log: fileLog({ path }), slowCallMs: -1 });
      const secrets = ['first-user-secret-1', 'second-secret-22', 'wrong-guess-333', 'reset-secret-4444', 'correct horse battery'];
      const user = await t.okAsync('users.create', { username: 'alice', displayName: 'Alice', password: secrets[0]!, permissions: [] });
      const alice = (await t.okAsync('auth.login', { username: 'alice', password: secrets[0]! })).token!;
      await t.okAsync('auth.changePassword', { currentPassword: secrets[0]!, newPassword: secrets[1]! }, alice);
      expect((await t.failAsync('auth.login', { username: 'alice', password: secrets[2]! })).code).toBe('INVALID_CREDENTIALS');
      await t.okAsync('users.resetPassword', { id: user.id, newPassword: secrets[3]! });
      expect((await t.failAsync('auth.setup', { username: 'again', displayName: 'Again', password: secrets[4]! })).code).toBe('SETUP_DONE');
      // An unexpected error in a call whose input holds a password: the stack is logged, the input is not.
      const deps = depsOf(t, { 'users.create': { io: true, before: async () => 'hash', write: () => { throw new Error('disk on fire'); } } as never });
      const broken = await dispatch({ ...deps, log: fileLog({ path }), slowCallMs: -1 }, 'users.create', { username: 'bob', displayName: 'Bob', password: secrets[1]!, permissions: [] }, t.token);
      expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const text = readFileSync(path, 'utf8');
      expect(text).toMatch(/"channel":"auth.login"/);
      expect(text).toMatch(/disk on fire/);
      for (const secret of secrets) expect(text).not.toContain(secret);
    } finally {
      t?.close();
      t = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
