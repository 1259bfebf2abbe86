// The cost of new password hashes is the app's choice: real apps (no option) hash at scrypt N=32768;
// test apps pass a cheap cost explicitly. Either way a stored hash names its own cost, so a database
// moved between them still signs its users in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '@main/app';
import { testPasswordCost } from '@main/testing/harness';
import { silentLog } from '@main/log/appLog';

const dirs: string[] = [];
const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(dbPath: string, passwordCost?: typeof testPasswordCost): App {
  const app = createApp({ dbPath, log: silentLog, ...(passwordCost ? { passwordCost } : {}) });
  apps.push(app);
  return app;
}

function storedHashes(app: App): string[] {
  return (app.ctx.sqlite.prepare('SELECT password_hash AS h FROM users ORDER BY id').all() as { h: string }[]).map((r) => r.h);
}

function tempDb(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'msp-cost-'));
  dirs.push(dir);
  return join(dir, name);
}

describe('password cost', () => {
  it('is scrypt N=32768 in a real app (no option), for the first administrator and signing in', async () => {
    const app = open(tempDb('real.db'));
    expect(await app.callAsync('auth.setup', { username: 'admin', displayName: 'Admin', password: 'first admin password' }, null)).toMatchObject({ ok: true });
    expect(storedHashes(app)).toEqual([expect.stringMatching(/^scrypt\$32768\$8\$1\$/)]);
    expect(await app.callAsync('auth.login', { username: 'admin', password: 'first admin password' }, null)).toMatchObject({ ok: true });
  });

  it('is the one given to a test app, for setup, new users, resets and changes alike', async () => {
    const app = open(tempDb('cheap.db'), testPasswordCost);
    const setup = await app.callAsync('auth.setup', { username: 'admin', displayName: 'Admin', password: 'first admin password' }, null);
    if (!setup.ok) throw new Error(setup.error.code);
    const admin = setup.data.token!;
    expect(storedHashes(app)).toEqual([expect.stringMatching(/^scrypt\$1024\$8\$1\$/)]);
    const tech = await app.callAsync('users.create', { username: 'tech', displayName: 'Tech', password: 'tech password', permissions: [] }, admin);
    if (!tech.ok) throw new Error(tech.error.code);
    expect(await app.callAsync('users.resetPassword', { id: tech.data.id, newPassword: 'reset password' }, admin)).toMatchObject({ ok: true });
    expect(await app.callAsync('auth.changePassword', { currentPassword: 'first admin password', newPassword: 'second admin password' }, admin)).toMatchObject({
      ok: true,
    });
    const hashes = storedHashes(app);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await app.callAsync('auth.login', { username: 'tech', password: 'reset password' }, null)).toMatchObject({ ok: true });
    expect(await app.callAsync('auth.login', { username: 'admin', password: 'second admin password' }, null)).toMatchObject({ ok: true });
    expect(await app.callAsync('auth.login', { username: 'nobody', password: 'reset password' }, null)).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('signs in users whose hashes were made at another cost', async () => {
    const dbPath = tempDb('moved.db');
    const cheap = open(dbPath, testPasswordCost);
    expect(await cheap.callAsync('auth.setup', { username: 'admin', displayName: 'Admin', password: 'made cheaply' }, null)).toMatchObject({ ok: true });
    cheap.close();
    apps.pop();
    const real = open(dbPath);
    expect(await real.callAsync('auth.login', { username: 'admin', password: 'made cheaply' }, null)).toMatchObject({ ok: true });
    expect(await real.callAsync('auth.login', { username: 'admin', password: 'made cheaply!' }, null)).toMatchObject({ ok: false });
  });
});
