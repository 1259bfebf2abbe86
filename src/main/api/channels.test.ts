// Every channel: malformed input answers VALIDATION and changes nothing; without the permission,
// FORBIDDEN; without a session, UNAUTHENTICATED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '@shared/contract';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';

let t: TestApp;
let nobodyToken: string;

beforeAll(async () => {
  t = createTestApp();
  const w = seedWorld(t);
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', reason: null });
  await t.okAsync('users.create', { username: 'nobody', displayName: 'No Permissions', password: 'nobody-password', permissions: [] });
  nobodyToken = (await t.okAsync('auth.login', { username: 'nobody', password: 'nobody-password' })).token!;
});
afterAll(() => t.close());

function changes(): number {
  return (t.app.ctx.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

const malformedInputs: unknown[] = [42, 'text', [], { unexpectedField: true }, { id: -1, page: 'one', productId: 'x', q: 7, locationId: {} }];

describe('every channel', () => {
  it.each(channelNames)('%s answers VALIDATION to malformed input and changes nothing', (channel) => {
    for (const input of malformedInputs) {
      const before = changes();
      const result = t.raw(channel, input);
      expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
      expect(changes()).toBe(before);
    }
  });

  const guarded = channelNames.filter((c) => contract[c].permission !== 'public' && contract[c].permission !== 'signedIn');
  it.each(guarded)('%s answers FORBIDDEN to a user without its permission', (channel) => {
    const before = changes();
    const result = t.raw(channel, {}, nobodyToken);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(changes()).toBe(before);
  });

  const signedIn = channelNames.filter((c) => contract[c].permission !== 'public');
  it.each(signedIn)('%s answers UNAUTHENTICATED without a session', (channel) => {
    expect(t.raw(channel, {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.raw(channel, {}, 'forged-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers NOT_FOUND for an unknown channel', () => {
    expect(t.raw('stock.dropTable', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets a user with the permission through: a technician may transfer but not adjust', async () => {
    await t.okAsync('users.create', { username: 'tech2', displayName: 'Tech Two', password: 'tech2-password', permissions: ['inventory.view', 'stock.transfer'] });
    const token = (await t.okAsync('auth.login', { username: 'tech2', password: 'tech2-password' })).token!;
    expect(t.raw('stock.listInventoryProducts', {}, token).ok).toBe(true);
    expect(t.raw('stock.add', { productId: 1, locationId: 6, qty: 1, costMethod: 'catalogue' }, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const inventory = t.ok('stock.listInventoryProducts', {}, token).rows[0]!;
    expect(inventory.value).toBeNull();
  });
});

describe('sign-in', () => {
  it('refuses a wrong password and a second setup', async () => {
    expect((await t.failAsync('auth.login', { username: 'admin', password: 'wrong password' })).code).toBe('INVALID_CREDENTIALS');
    expect((await t.failAsync('auth.login', { username: 'ghost', password: 'whatever' })).code).toBe('INVALID_CREDENTIALS');
    expect((await t.failAsync('auth.setup', { username: 'second', displayName: 'Second', password: 'long enough' })).code).toBe('SETUP_DONE');
  });

  it('stores passwords only as scrypt hashes and ends sessions on logout', async () => {
    await t.okAsync('users.create', { username: 'hashed', displayName: 'Hashed', password: 'a secret phrase', permissions: [] });
    const row = t.app.ctx.sqlite.prepare(`SELECT password_hash AS h FROM users WHERE username = 'hashed'`).get() as { h: string };
    // The harness's apps hash at testPasswordCost (N=1024); real apps at N=32768 (password.test.ts).
    expect(row.h).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(row.h).not.toContain('secret');
    const token = (await t.okAsync('auth.login', { username: 'admin', password: 'correct horse battery' })).token!;
    t.ok('auth.logout', {}, token);
    expect(t.raw('settings.get', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps at least one active admin', () => {
    const me = t.ok('auth.status', {}).user!;
    expect(t.fail('users.update', { id: me.id, displayName: me.displayName, permissions: [], isAdmin: false, active: true }).code).toBe('CONFLICT');
  });
});
