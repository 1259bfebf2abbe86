import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe('locations', () => {
  it('has the five virtual locations from the first migration, not editable', () => {
    const all = t.ok('locations.list', { includeVirtual: true });
    expect(all.filter((l) => l.usage === 'virtual').map((l) => l.kind)).toEqual(['adjustment', 'customer', 'transit', 'scrap', 'vendor']);
    expect(t.fail('locations.update', { id: 1, name: 'Supplier', kind: 'warehouse' }).code).toBe('LOCATION_VIRTUAL');
    expect(t.fail('locations.setActive', { id: 4, active: false }).code).toBe('LOCATION_VIRTUAL');
    expect(() => t.app.ctx.sqlite.prepare(`UPDATE locations SET name = 'X' WHERE id = 1`).run()).toThrow(/virtual locations cannot be edited/);
  });

  it('makes the first location the default, keeps one default, and refuses to deactivate it', () => {
    const w = seedWorld(t);
    expect(w.main.isDefault).toBe(true);
    expect(w.shelf.isDefault).toBe(false);
    t.ok('locations.setDefault', { id: w.shelf.id });
    const defaults = t.ok('locations.list', {}).filter((l) => l.isDefault);
    expect(defaults.map((l) => l.name)).toEqual(['Office shelf']);
    expect(t.fail('locations.setActive', { id: w.shelf.id, active: false }).code).toBe('LOCATION_IS_DEFAULT');
  });

  it('never makes a location owned by a user the default', () => {
    const w = seedWorld(t);
    expect(t.fail('locations.setDefault', { id: w.van.id }).code).toBe('LOCATION_OWNED_CANNOT_BE_DEFAULT');
    expect(t.fail('locations.update', { id: w.main.id, name: 'Main warehouse', kind: 'warehouse', ownerUserId: w.tech.id }).code).toBe('LOCATION_OWNED_CANNOT_BE_DEFAULT');
    expect(t.fail('locations.create', { name: 'Van 2', kind: 'van', ownerUserId: w.tech.id, isDefault: true }).code).toBe('LOCATION_OWNED_CANNOT_BE_DEFAULT');
    expect(t.fail('locations.create', { name: 'Van 3', kind: 'van' }).code).toBe('VALIDATION');
  });

  it('keeps names unique', () => {
    seedWorld(t);
    expect(t.fail('locations.create', { name: 'main WAREHOUSE', kind: 'warehouse' }).code).toBe('CONFLICT');
  });

  it('refuses to deactivate a location while it holds stock, and allows it once empty', () => {
    const w = seedWorld(t);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.van.id, qty: 2, costMethod: 'catalogue', reason: null });
    expect(t.fail('locations.setActive', { id: w.van.id, active: false })).toMatchObject({ code: 'LOCATION_IN_USE', details: { units: 2 } });
    t.ok('stock.transfer', { fromLocationId: w.van.id, toLocationId: w.main.id, lines: [{ productId: w.cable.id, qty: 2 }] });
    expect(t.ok('locations.setActive', { id: w.van.id, active: false }).active).toBe(false);
    expect(t.ok('locations.list', {}).map((l) => l.name)).not.toContain('Van Tech');
    expect(t.ok('locations.setActive', { id: w.van.id, active: true }).active).toBe(true);
  });

  it('refuses to deactivate a location while allocations hold units there', () => {
    const w = seedWorld(t);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 1, costMethod: 'catalogue', reason: null });
    const lot = t.ok('stock.listLots', { locationId: w.shelf.id }).rows[0]!;
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.shelf.id, qty: 1, destination: 'scrap', reason: null });
    t.app.ctx.sqlite
      .prepare(`INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, 1, 'reserved', 'quoteItem', 1, 0)`)
      .run(lot.lotId, w.shelf.id, w.cable.id);
    expect(t.fail('locations.setActive', { id: w.shelf.id, active: false })).toMatchObject({ code: 'LOCATION_IN_USE', details: { allocated: 1 } });
  });

  it('shows each location the units it holds, whatever moved them and in whichever month', () => {
    const w = seedWorld(t);
    const onHand = () => Object.fromEntries(t.ok('locations.list', { includeVirtual: true }).map((l) => [l.name, l.unitsOnHand]));
    const balances = () => {
      const rows = t.app.ctx.sqlite.prepare(`SELECT l.name, l.usage, coalesce(sum(b.qty), 0) AS units FROM locations l LEFT JOIN balances b ON b.location_id = l.id GROUP BY l.id`).all() as { name: string; usage: string; units: number }[];
      return Object.fromEntries(rows.map((r) => [r.name, r.usage === 'internal' ? r.units : 0]));
    };
    const month = 31 * 86_400_000;
    const steps: [string, () => void][] = [
      ['added', () => t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 40, costMethod: 'catalogue', reason: null })],
      ['serials added', () => t.ok('stock.add', { productId: w.laptop.id, locationId: w.shelf.id, qty: 3, costMethod: 'catalogue', serials: ['L-1', 'L-2', 'L-3'], reason: null })],
      ['moved directly, a month later', () => t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 6 }] })],
      ['shipped, in transit', () => t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 5 }] })],
      ['received the next month', () => t.ok('stock.receiveTransfer', { id: t.ok('stock.listTransfers', { status: 'inTransit' }).rows[0]!.id })],
      ['scrapped', () => t.ok('stock.remove', { productId: w.cable.id, locationId: w.van.id, qty: 2, destination: 'scrap', reason: null })],
      ['a serial moved', () => t.ok('stock.transfer', { fromLocationId: w.shelf.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, qty: 1, serials: ['L-2'] }] })],
      [
        'reversed',
        () => {
          const back = t.ok('stock.transfer', { fromLocationId: w.van.id, toLocationId: w.main.id, lines: [{ productId: w.cable.id, qty: 1 }] });
          t.ok('stock.reverse', { documentType: 'transfer', id: back.id, reason: 'wrong van' });
        },
      ],
      [
        'counted short',
        () => {
          const count = t.ok('stock.startCount', { locationId: w.main.id, note: null });
          t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 20 });
          t.ok('stock.postCount', { id: count.id, reason: 'recount' });
        },
      ],
    ];
    for (const [what, step] of steps) {
      t.clock.now += month;
      step();
      expect(onHand(), what).toEqual(balances());
    }
    expect(onHand()).toMatchObject({ 'Main warehouse': 20, 'Office shelf': 7, 'Van Tech': 5, Scrap: 0 });
  });
});
