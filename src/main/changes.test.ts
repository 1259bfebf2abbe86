// The change feed: app.onChange tells a committed mutation's areas, caller and time, and nothing else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../shared/contract';
import type { ChangeEvent } from './app';
import { createTestApp, seedWorld, type TestApp } from './testing/harness';

let t: TestApp;
let world: ReturnType<typeof seedWorld>;
let events: ChangeEvent[];
let stop: () => void;

beforeEach(() => {
  t = createTestApp();
  world = seedWorld(t);
  events = [];
  stop = t.app.onChange((change) => events.push(change));
});

afterEach(() => {
  stop();
  t.close();
});

const adminId = () => t.app.sessions.peek(t.token);

describe('change feed', () => {
  it('tells each committed mutation once, with its declared areas, the caller and the clock', () => {
    const calls: [ChannelName, () => unknown][] = [
      ['locations.create', () => t.ok('locations.create', { name: 'Back room', kind: 'shelf' })],
      ['catalog.saveCategory', () => t.ok('catalog.saveCategory', { name: 'Cables' })],
      ['stock.add', () => t.ok('stock.add', { productId: world.cable.id, locationId: world.main.id, qty: 2, costMethod: 'catalogue', reason: null })],
      ['settings.update', () => t.ok('settings.update', t.ok('settings.get', {}))],
      ['purchasing.createOrder', () => t.ok('purchasing.createOrder', { vendorId: t.ok('catalog.createCompany', { name: 'Vendor', isVendor: true }).id })],
    ];
    for (const [channel, run] of calls) {
      t.clock.now += 1_000;
      events.length = 0;
      run();
      const mine = events.filter((e) => e.channel === channel);
      expect(mine, channel).toEqual([{ channel, areas: contract[channel].kind === 'mutation' ? contract[channel].changes : [], userId: adminId(), at: t.clock.now }]);
      expect(mine[0]!.areas.length).toBeGreaterThan(0);
    }
  });

  it('names the user who made the change, not the first admin', () => {
    const tech = t.addUser({ username: 'mover', permissions: ['inventory.view', 'stock.transfer', 'stock.anyLocation'] });
    t.ok('stock.add', { productId: world.cable.id, locationId: world.main.id, qty: 5, costMethod: 'catalogue', reason: null });
    events.length = 0;
    t.ok('stock.transfer', { fromLocationId: world.main.id, toLocationId: world.shelf.id, lines: [{ productId: world.cable.id, qty: 1 }] }, t.tokenFor(tech.id));
    expect(events.map((e) => [e.channel, e.userId])).toEqual([['stock.transfer', tech.id]]);
  });

  it('tells nothing for queries, for mutations that change no shared area, or for any failed call', () => {
    t.ok('stock.listInventoryProducts', {});
    t.ok('settings.get', {});
    t.ok('auth.status', {});
    t.ok('locations.list', {});
    t.ok('auth.logout', {}, t.tokenFor(adminId()!));
    // Refused at the door: no session, no permission, bad input; and refused by the domain (a rollback).
    const nobody = t.tokenFor(t.addUser({ username: 'nobody', permissions: [] }).id);
    expect(t.fail('locations.create', { name: 'X', kind: 'shelf' }, 'no-such-token').code).toBe('UNAUTHENTICATED');
    expect(t.fail('locations.create', { name: 'X', kind: 'shelf' }, nobody).code).toBe('FORBIDDEN');
    expect(t.fail('stock.add', { productId: world.cable.id, locationId: world.main.id, qty: -1, costMethod: 'catalogue' }).code).toBe('VALIDATION');
    expect(t.fail('stock.remove', { productId: world.cable.id, locationId: world.main.id, qty: 1_000, destination: 'scrap', reason: null }).code).toBe('INSUFFICIENT_STOCK');
    expect(t.fail('locations.create', { name: 'Main warehouse', kind: 'warehouse' }).code).toBe('CONFLICT');
    expect(events).toEqual([]);
  });

  it('tells nothing for any mutation channel whose input is refused', () => {
    const mutations = (Object.keys(contract) as ChannelName[]).filter((c) => contract[c].kind === 'mutation');
    expect(mutations.length).toBeGreaterThan(40);
    for (const channel of mutations) {
      const answer = t.app.dispatch(channel, { notAField: ['x'] }, t.token);
      if (answer instanceof Promise) continue;
      expect(answer.ok, channel).toBe(false);
    }
    expect(events).toEqual([]);
  });

  it('tells an asynchronous mutation when its promise answers ok, and not when it fails', async () => {
    const pending = t.app.callAsync('users.create', { username: 'later', displayName: 'Later', password: 'a long password', permissions: [] }, t.token);
    expect(events).toEqual([]);
    expect((await pending).ok).toBe(true);
    expect(events.map((e) => [e.channel, e.areas, e.userId])).toEqual([['users.create', ['auth'], adminId()]]);
    events.length = 0;
    const again = await t.app.callAsync('users.create', { username: 'later', displayName: 'Later', password: 'a long password', permissions: [] }, t.token);
    expect(again.ok).toBe(false);
    expect(await t.failAsync('auth.changePassword', { currentPassword: 'wrong password', newPassword: 'another long one' })).toMatchObject({ code: expect.any(String) });
    expect(events).toEqual([]);
  });

  it('keeps answering when a listener throws, and still tells the other listeners', () => {
    const seen: string[] = [];
    const stopThrowing = t.app.onChange(() => {
      throw new Error('listener bug');
    });
    const stopOther = t.app.onChange((e) => seen.push(e.channel ?? 'none'));
    const created = t.app.call('locations.create', { name: 'Annex', kind: 'shelf' }, t.token);
    expect(created.ok).toBe(true);
    expect(seen).toEqual(['locations.create']);
    expect(events).toHaveLength(1);
    stopThrowing();
    stopOther();
    t.ok('catalog.saveCategory', { name: 'Docks' });
    expect(seen).toEqual(['locations.create']);
    expect(events).toHaveLength(2);
  });
});
