// Roles through the channels users call. The matrix is checked against the contract itself: for every
// built-in role and every guarded channel, a user holding only that role passes the door exactly when the
// role has the channel's permission (and costs.view for a channel that shows costs). Then: a user's
// permissions are their own plus their roles'; editing a role changes its users at once; office roles
// are added and deleted, built-in ones kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '@shared/contract';
import { permissions as order, type Permission } from '@shared/contract/define';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
beforeAll(() => {
  t = createTestApp();
  w = seedWorld(t);
});
afterAll(() => t.close());

const contractOrder = (p: Permission) => order.indexOf(p);
const guarded = channelNames.filter((c) => contract[c].permission !== 'public' && contract[c].permission !== 'signedIn');

describe('the role matrix', () => {
  it('has the six built-in security levels besides the administrator switch', () => {
    expect(t.ok('roles.list', {}).map((r) => r.key)).toEqual(['purchasing', 'approver', 'warehouse', 'technician', 'sales', 'readOnly']);
  });

  it('lets a user holding one role through exactly the channels its permissions open', async () => {
    for (const role of t.ok('roles.list', {})) {
      const user = await t.okAsync('users.create', { username: `only-${role.key}`, displayName: role.name, password: 'role-password-1', permissions: [], roleIds: [role.id] });
      expect(user.permissions).toEqual(role.permissions.slice().sort((a, b) => contractOrder(a) - contractOrder(b)));
      const token = t.tokenFor(user.id);
      for (const channel of guarded) {
        const def = contract[channel];
        const needs = def.permission as Permission;
        const answer = t.raw(channel, 42, token);
        const allowed = (role.permissions as Permission[]).includes(needs) && (!def.showsCosts || role.permissions.includes('costs.view'));
        // Past the door a malformed input is VALIDATION; at the door, FORBIDDEN naming what is missing.
        if (allowed) expect(answer, `${role.key} → ${channel}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        else expect(answer, `${role.key} → ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });
});


describe('roles and users', () => {
  it('gives a user their own permissions and their roles’; editing a role changes its users at once', async () => {
    const roles = t.ok('roles.list', {});
    const sales = roles.find((r) => r.key === 'sales')!;
    const tech = roles.find((r) => r.key === 'technician')!;
    const user = await t.okAsync('users.create', { username: 'mixed', displayName: 'Mixed', password: 'role-password-1', permissions: ['costs.view'], roleIds: [sales.id, tech.id], purchasingTeam: true });
    expect(user).toMatchObject({ ownPermissions: ['costs.view'], roleIds: [tech.id, sales.id].sort((a, b) => a - b), purchasingTeam: true });
    expect(user.permissions).toEqual(['inventory.view', 'stock.transfer', 'stock.count', 'stock.pick', 'stock.deliver', 'sales.manage', 'costs.view']);
    // Signing in answers the same permissions (the screens show what they open).
    expect((await t.okAsync('auth.login', { username: 'mixed', password: 'role-password-1' })).user!.permissions).toEqual(user.permissions);
    const token = t.tokenFor(user.id);
    expect(t.raw('catalog.createProduct', 42, token)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    t.ok('roles.save', { id: sales.id, name: sales.name, permissions: [...sales.permissions, 'catalog.manage'] });
    expect(t.raw('catalog.createProduct', 42, token)).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(t.ok('roles.list', {}).find((r) => r.id === sales.id)!.userCount).toBe(sales.userCount + 1);
    // An edit of the user that leaves roles out keeps them.
    const kept = t.ok('users.update', { id: user.id, displayName: 'Mixed up', permissions: [], isAdmin: false, active: true });
    expect(kept).toMatchObject({ roleIds: user.roleIds, purchasingTeam: true, ownPermissions: [] });
    // A role's stock.anyLocation opens every location (location rights).
    t.ok('stock.add', { productId: w.cable.id, locationId: w.van.id, qty: 2, costMethod: 'manual', unitCost: 10_000, reason: null });
    const move = () => t.raw('stock.transfer', { fromLocationId: w.van.id, toLocationId: w.main.id, lines: [{ productId: w.cable.id, qty: 1 }] }, token);
    expect(move()).toMatchObject({ ok: false, error: { code: 'LOCATION_FORBIDDEN' } });
    t.ok('roles.save', { id: tech.id, name: tech.name, permissions: [...tech.permissions, 'stock.anyLocation'] });
    expect(move()).toMatchObject({ ok: true });
  });

  it('adds office roles with unique names and deletes them once no one holds them; built-in ones stay', async () => {
    const night = t.ok('roles.save', { name: 'Night shift', permissions: ['inventory.view', 'stock.count'] });
    expect(night).toMatchObject({ key: null, name: 'Night shift', userCount: 0 });
    expect(t.fail('roles.save', { name: 'night SHIFT', permissions: [] })).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(t.fail('roles.save', { name: 'Boss', permissions: ['admin'] as never }).code).toBe('VALIDATION');
    const holder = await t.okAsync('users.create', { username: 'nights', displayName: 'Nights', password: 'role-password-1', permissions: [], roleIds: [night.id] });
    expect(t.fail('roles.delete', { id: night.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'roleInUse', count: 1 } });
    t.ok('users.update', { id: holder.id, displayName: holder.displayName, permissions: [], isAdmin: false, active: true, roleIds: [] });
    t.ok('roles.delete', { id: night.id });
    const builtIn = t.ok('roles.list', {})[0]!;
    expect(t.fail('roles.delete', { id: builtIn.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'builtinRole' } });
    expect(t.fail('users.update', { id: holder.id, displayName: 'x', permissions: [], isAdmin: false, active: true, roleIds: [9999] }).code).toBe('NOT_FOUND');
  });
});
