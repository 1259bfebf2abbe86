// Sessions and passwords through the channels: throttled sign-ins, sessions that end when a password
// changes or a user is deactivated, and hashing that never holds up other calls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorData } from '@shared/errors';
import { createTestApp, type TestApp } from '@main/testing/harness';
import { unmatchableHash } from './password';
import { storePassword, updateUser } from './users';

let t: TestApp;
const ADMIN_PASSWORD = 'correct horse battery';

beforeEach(() => {
  t = createTestApp();
});
afterEach(() => {
  vi.useRealTimers();
  t.close();
});

async function login(username: string, password: string, address = 'local') {
  return t.app.callAsync('auth.login', { username, password }, null, address);
}

function errorOf(result: { ok: boolean; error?: ErrorData }): ErrorData {
  if (result.ok) throw new Error('expected a refusal');
  return result.error!;
}

/** Resolves with 'first' when `promise` settles before the event loop gets to a setImmediate callback. */
function settlesAtOnce(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);
}

async function tokenOf(username: string, password: string): Promise<string> {
  const result = await login(username, password);
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
  return result.data.token!;
}

async function newUser(username: string, password: string) {
  return t.okAsync('users.create', { username, displayName: username, password, permissions: ['inventory.view'] });
}

describe('throttled sign-in', () => {
  it('refuses at once with RATE_LIMITED after 5 failures from one address, even the right password', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 5; i++) expect(errorOf(await login('admin', `wrong ${i}`, '203.0.113.5')).code).toBe('INVALID_CREDENTIALS');
    const refused = t.app.callAsync('auth.login', { username: 'admin', password: ADMIN_PASSWORD }, null, '203.0.113.5');
    expect(await settlesAtOnce(refused), 'a refusal must not wait for a password check').toBe(true);
    const error = errorOf(await refused);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details!.retryAfterMs).toBeGreaterThan(0);
    expect(error.details!.retryAfterMs).toBeLessThanOrEqual(2000);
    // Another address is not locked out by this one.
    expect(await login('admin', ADMIN_PASSWORD, '203.0.113.6')).toMatchObject({ ok: true });
    // The lock passes by itself.
    vi.setSystemTime(Date.now() + 2000);
    expect(await login('admin', ADMIN_PASSWORD, '203.0.113.5')).toMatchObject({ ok: true });
  });

  it('throttles unknown usernames the same way, so the answer does not tell which exist', async () => {
    for (let i = 0; i < 5; i++) expect(errorOf(await login('ghost', `guess ${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect(errorOf(await login('ghost', 'guess 6')).code).toBe('RATE_LIMITED');
    expect(errorOf(await login('GHOST ', 'guess 7')).code).toBe('RATE_LIMITED');
  });

  it('starts counting again after a successful sign-in', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect(errorOf(await login('admin', `wrong ${i}`)).code).toBe('INVALID_CREDENTIALS');
      expect(await login('admin', ADMIN_PASSWORD)).toMatchObject({ ok: true });
    }
  });

  it('counts a wrong current password in a password change as a failed sign-in', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.failAsync('auth.changePassword', { currentPassword: `wrong ${i}`, newPassword: 'a new password' })).code).toBe('INVALID_CREDENTIALS');
    }
    expect((await t.failAsync('auth.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: 'a new password' })).code).toBe('RATE_LIMITED');
    expect(errorOf(await login('admin', ADMIN_PASSWORD)).code).toBe('RATE_LIMITED');
  });

  it('answers a status call while 24 wrong sign-ins are still being checked', async () => {
    const settled: boolean[] = [];
    const wrong = Array.from({ length: 24 }, (_, i) =>
      login(`user${i}`, 'not the password', `198.51.100.${i}`).then((r) => {
        settled[i] = true;
        return r;
      }),
    );
    const status = await t.app.callAsync('auth.status', {}, t.token);
    expect(status).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
    expect(settled.filter(Boolean), 'no password check may finish before the status answer').toHaveLength(0);
    for (const r of await Promise.all(wrong)) expect(errorOf(r).code).toBe('INVALID_CREDENTIALS');
  });

  it('does not let an old password in when it changes, or the user is deactivated, while being checked', async () => {
    const tech = await newUser('tech', 'first password');
    const pending = login('tech', 'first password');
    storePassword(t.app.ctx, tech.id, unmatchableHash);
    expect(errorOf(await pending).code).toBe('INVALID_CREDENTIALS');

    const other = await newUser('other', 'other password');
    const racing = login('other', 'other password');
    updateUser(t.app.ctx, { id: other.id, displayName: 'other', permissions: [], isAdmin: false, active: false });
    expect(errorOf(await racing).code).toBe('INVALID_CREDENTIALS');
  });
});

describe('sessions end with the password', () => {
  it('ends the other sessions of a user who changes their password, and keeps the caller signed in', async () => {
    const tech = await newUser('tech', 'first password');
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push(await tokenOf('tech', 'first password'));
    const adminSession = t.token;
    await t.okAsync('auth.changePassword', { currentPassword: 'first password', newPassword: 'second password' }, tokens[0]);
    expect(t.ok('auth.status', {}, tokens[0]).user?.id).toBe(tech.id);
    for (const other of tokens.slice(1)) expect(t.raw('users.list', {}, other)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.ok('auth.status', {}, adminSession).user?.username).toBe('admin');
    expect(errorOf(await login('tech', 'first password')).code).toBe('INVALID_CREDENTIALS');
    expect(await login('tech', 'second password')).toMatchObject({ ok: true });
  });

  it('lets an admin reset another user’s password, which ends every session of that user', async () => {
    const tech = await newUser('tech', 'forgotten password');
    const techTokens = [];
    for (let i = 0; i < 2; i++) techTokens.push(await tokenOf('tech', 'forgotten password'));
    expect(await t.okAsync('users.resetPassword', { id: tech.id, newPassword: 'brand new password' })).toEqual({ ok: true });
    for (const token of techTokens) expect(t.ok('auth.status', {}, token).user).toBeNull();
    expect(errorOf(await login('tech', 'forgotten password')).code).toBe('INVALID_CREDENTIALS');
    const signedIn = await login('tech', 'brand new password');
    expect(signedIn).toMatchObject({ ok: true, data: { user: { id: tech.id } } });
    // The admin's own session is untouched.
    expect(t.ok('auth.status', {}).user?.username).toBe('admin');
  });

  it('refuses a reset to non-admins, for unknown users and for short passwords, changing nothing', async () => {
    const tech = await newUser('tech', 'tech password 1');
    const techToken = await tokenOf('tech', 'tech password 1');
    const me = t.ok('auth.status', {}).user!;
    expect((await t.failAsync('users.resetPassword', { id: me.id, newPassword: 'taken over!' }, techToken)).code).toBe('FORBIDDEN');
    expect((await t.failAsync('users.resetPassword', { id: 9999, newPassword: 'long enough' })).code).toBe('NOT_FOUND');
    expect((await t.failAsync('users.resetPassword', { id: tech.id, newPassword: 'short' })).code).toBe('VALIDATION');
    expect(await login('admin', ADMIN_PASSWORD)).toMatchObject({ ok: true });
    expect(await login('tech', 'tech password 1')).toMatchObject({ ok: true });
    expect(t.ok('auth.status', {}, techToken).user?.id).toBe(tech.id);
  });

  it('keeps the admin signed in when they reset their own password, and ends their other sessions', async () => {
    const me = t.ok('auth.status', {}).user!;
    const elsewhere = await tokenOf('admin', ADMIN_PASSWORD);
    await t.okAsync('users.resetPassword', { id: me.id, newPassword: 'my new admin password' });
    expect(t.ok('auth.status', {}).user?.id).toBe(me.id);
    expect(t.ok('auth.status', {}, elsewhere).user).toBeNull();
  });

  it('ends every session of a user who is deactivated; reactivating does not bring them back', async () => {
    const tech = await newUser('tech', 'tech password 1');
    const token = await tokenOf('tech', 'tech password 1');
    const update = { id: tech.id, displayName: tech.displayName, permissions: tech.permissions, isAdmin: false };
    t.ok('users.update', { ...update, active: false });
    t.ok('users.update', { ...update, active: true });
    expect(t.ok('auth.status', {}, token).user).toBeNull();
    expect(await login('tech', 'tech password 1')).toMatchObject({ ok: true });
  });

  it('clears the demo mark when a published password is reset', async () => {
    const tech = await newUser('tech', 'published password');
    t.app.ctx.sqlite.prepare('UPDATE users SET is_demo = 1 WHERE id = ?').run(tech.id);
    expect(t.ok('auth.status', {}).demo).toBe(true);
    await t.okAsync('users.resetPassword', { id: tech.id, newPassword: 'a private password' });
    expect(t.ok('auth.status', {}).demo).toBe(false);
  });
});
