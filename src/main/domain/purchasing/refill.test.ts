// Vans and shelves refilled from the warehouse: a location names the location that refills it; reorder
// suggestions propose a transfer from there first (up to what it holds above its own minimum, shared out
// across the locations it refills), a purchase only for the rest; creating them ships the transfers,
// whose units count as coming until received.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Location } from '@shared/contract/locations';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { shareSurplus } from './reorder';

let t: TestApp;
let w: ReturnType<typeof seedWorld> & { vendor: { id: number } };

beforeEach(() => {
  t = createTestApp();
  const world = seedWorld(t);
  const vendor = t.ok('catalog.createCompany', { name: 'Amazon Business', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: world.cable.id, vendorId: vendor.id, vendorCost: 12_000, isDefault: true });
  t.ok('catalog.saveProductVendor', { productId: world.laptop.id, vendorId: vendor.id, vendorCost: 8_500_000, isDefault: true });
  w = { ...world, vendor };
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  t.close();
});

function refill(location: Location | { id: number }, from: { id: number } | null) {
  const l = t.ok('locations.list', { includeInactive: true }).find((x) => x.id === location.id)!;
  return t.ok('locations.update', { id: l.id, name: l.name, kind: l.kind as 'van', ownerUserId: l.ownerUserId, refillFromId: from?.id ?? null });
}

function stocked(productId: number, locationId: number, min: number, max: number, onHand = 0) {
  const ip = t.ok('stock.createInventoryProduct', { productId, locationId, min, max });
  if (onHand > 0) t.ok('stock.add', { productId, locationId, qty: onHand, costMethod: 'catalogue', reason: null });
  return ip;
}

const suggestions = () => t.ok('purchasing.reorderSuggestions', {}).rows;
const row = (locationId: number, productId: number) => suggestions().find((s) => s.locationId === locationId && s.productId === productId);

describe('a location refilled from another', () => {
  it('names it, and the list of locations says so', () => {
    const van = refill(w.van, w.main);
    expect(van).toMatchObject({ refillFromId: w.main.id, refillFromName: 'Main warehouse' });
    expect(t.ok('locations.list', {}).find((l) => l.id === w.van.id)).toMatchObject({ refillFromName: 'Main warehouse' });
    // An edit that leaves it out keeps it; null takes it away.
    const l = t.ok('locations.list', {}).find((x) => x.id === w.van.id)!;
    expect(t.ok('locations.update', { id: l.id, name: 'Van Tech 2', kind: 'van', ownerUserId: l.ownerUserId }).refillFromId).toBe(w.main.id);
    expect(refill(w.van, null).refillFromId).toBeNull();
    // A new location may name it at once.
    expect(t.ok('locations.create', { name: 'Van Two', kind: 'van', ownerUserId: w.tech.id, refillFromId: w.shelf.id }).refillFromName).toBe('Office shelf');
  });

  it('refuses itself, a circle of any length, a location that does not offer its stock, an inactive or a virtual one', () => {
    expect(t.fail('locations.update', { id: w.main.id, name: 'Main warehouse', kind: 'warehouse', ownerUserId: null, refillFromId: w.main.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'refillSelf', name: 'Main warehouse' } });
    refill(w.van, w.shelf);
    refill(w.shelf, w.main);
    // main ← van ← shelf ← main: a circle of three.
    expect(t.fail('locations.update', { id: w.main.id, name: 'Main warehouse', kind: 'warehouse', ownerUserId: null, refillFromId: w.van.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'refillLoop', name: 'Van Tech' } });
    // main ← shelf ← main: a circle of two.
    expect(t.fail('locations.update', { id: w.main.id, name: 'Main warehouse', kind: 'warehouse', ownerUserId: null, refillFromId: w.shelf.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'refillLoop' } });
    const returns = t.ok('locations.create', { name: 'Returns shelf', kind: 'returns' });
    expect(t.fail('locations.update', { id: w.van.id, name: 'Van Tech', kind: 'van', ownerUserId: w.tech.id, refillFromId: returns.id }).code).toBe('LOCATION_NOT_OFFERED');
    const old = t.ok('locations.create', { name: 'Old store', kind: 'warehouse' });
    t.ok('locations.setActive', { id: old.id, active: false });
    expect(t.fail('locations.update', { id: w.van.id, name: 'Van Tech', kind: 'van', ownerUserId: w.tech.id, refillFromId: old.id }).code).toBe('LOCATION_INACTIVE');
    expect(t.fail('locations.update', { id: w.van.id, name: 'Van Tech', kind: 'van', ownerUserId: w.tech.id, refillFromId: 1 }).code).toBe('LOCATION_VIRTUAL');
    expect(t.fail('locations.update', { id: w.van.id, name: 'Van Tech', kind: 'van', ownerUserId: w.tech.id, refillFromId: 9999 }).code).toBe('NOT_FOUND');
    // Nothing changed by the refusals.
    expect(t.ok('locations.list', {}).find((l) => l.id === w.van.id)!.refillFromId).toBe(w.shelf.id);
    expect(t.ok('locations.list', {}).find((l) => l.id === w.main.id)!.refillFromId).toBeNull();
  });
});

describe('reorder suggestions with a refill source', () => {
  it('transfers the whole need when the warehouse holds enough above its minimum (12 cables for the van while the warehouse holds 49)', () => {
    refill(w.van, w.main);
    stocked(w.cable.id, w.main.id, 10, 60, 49);
    const vanCables = stocked(w.cable.id, w.van.id, 5, 12);
    expect(row(w.van.id, w.cable.id)).toMatchObject({ inventoryProductId: vanCables.id, suggestedQty: 12, transferQty: 12, buyQty: 0, refillFromName: 'Main warehouse', incoming: 0 });
  });

  it('transfers what the warehouse holds above its minimum and buys the rest', () => {
    refill(w.van, w.main);
    stocked(w.cable.id, w.main.id, 10, 60, 15);
    stocked(w.cable.id, w.van.id, 5, 12, 2);
    expect(row(w.van.id, w.cable.id)).toMatchObject({ suggestedQty: 10, transferQty: 5, buyQty: 5 });
  });

  it('buys everything when the warehouse is at or below its own minimum, or does not stock the product', () => {
    refill(w.van, w.main);
    stocked(w.cable.id, w.main.id, 10, 60, 10);
    stocked(w.cable.id, w.van.id, 5, 12);
    expect(row(w.van.id, w.cable.id)).toMatchObject({ transferQty: 0, buyQty: 12 });
    stocked(w.laptop.id, w.van.id, 1, 2);
    expect(row(w.van.id, w.laptop.id)).toMatchObject({ transferQty: 0, buyQty: 2 });
  });

  it('keeps a source offering its stock and active while others are refilled from it; the van itself stays editable', () => {
    const store = t.ok('locations.create', { name: 'Back store', kind: 'warehouse' });
    refill(w.van, store);
    refill(w.shelf, store);
    stocked(w.cable.id, store.id, 0, 60, 30);
    stocked(w.cable.id, w.van.id, 5, 12);
    expect(row(w.van.id, w.cable.id)!.transferQty).toBe(12);
    expect(t.fail('locations.update', { id: store.id, name: 'Back store', kind: 'warehouse', ownerUserId: null, offersStock: false })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'refillsOthers', name: 'Back store', locations: ['Office shelf', 'Van Tech'], count: 2 },
    });
    expect(t.fail('locations.setActive', { id: store.id, active: false })).toMatchObject({ code: 'CONFLICT', details: { reason: 'refillsOthers' } });
    // Renaming the van (the form sends its source again, unchanged) needs no new check of it.
    expect(t.ok('locations.update', { id: w.van.id, name: 'Van Tech North', kind: 'van', ownerUserId: w.tech.id, refillFromId: store.id }).name).toBe('Van Tech North');
    // Once nobody names it, the store may stop offering: its surplus is then nothing.
    refill(w.van, null);
    refill(w.shelf, null);
    t.ok('locations.update', { id: store.id, name: 'Back store', kind: 'warehouse', ownerUserId: null, offersStock: false });
    expect(row(w.van.id, w.cable.id)).toMatchObject({ transferQty: 0, buyQty: 12, refillFromId: null });
    expect(t.fail('locations.update', { id: w.van.id, name: 'Van Tech North', kind: 'van', ownerUserId: w.tech.id, refillFromId: store.id }).code).toBe('LOCATION_NOT_OFFERED');
  });

  it.each([
    // surplus, [need of van A, need of van B] → shares
    [10, [12, 8], [6, 4]],
    [20, [12, 8], [12, 8]],
    [30, [12, 8], [12, 8]],
    [5, [3, 3], [3, 2]],
    [1, [3, 3], [1, 0]],
    [7, [10, 1], [7, 0]],
  ])('shares a surplus of %i across two vans needing %j as %j', (surplus, [needA, needB], [shareA, shareB]) => {
    const vanA = t.ok('locations.create', { name: 'Van A', kind: 'van', ownerUserId: w.tech.id, refillFromId: w.main.id });
    const vanB = t.ok('locations.create', { name: 'Van B', kind: 'van', ownerUserId: w.tech.id, refillFromId: w.main.id });
    stocked(w.cable.id, w.main.id, 5, 100, 5 + surplus);
    stocked(w.cable.id, vanA.id, needA!, needA!);
    stocked(w.cable.id, vanB.id, needB!, needB!);
    expect([row(vanA.id, w.cable.id), row(vanB.id, w.cable.id)].map((r) => [r!.transferQty, r!.buyQty])).toEqual([
      [shareA, needA! - shareA!],
      [shareB, needB! - shareB!],
    ]);
    // The same shares whichever page or filter shows a van alone.
    expect(t.ok('purchasing.reorderSuggestions', { locationId: vanB.id }).rows[0]).toMatchObject({ transferQty: shareB });
  });

  it('creates the transfers in one step with the orders; shipped units count as coming until received, and come back to the suggestions when the shipment is canceled', () => {
    refill(w.van, w.main);
    refill(w.shelf, w.main);
    stocked(w.cable.id, w.main.id, 10, 60, 18);
    const vanCables = stocked(w.cable.id, w.van.id, 5, 12);
    const shelfCables = stocked(w.cable.id, w.shelf.id, 2, 4);
    const rows = suggestions();
    const van = rows.find((r) => r.inventoryProductId === vanCables.id)!;
    const shelf = rows.find((r) => r.inventoryProductId === shelfCables.id)!;
    // 8 above the minimum for 12 + 4 needed: 6 and 2.
    expect([van.transferQty, van.buyQty, shelf.transferQty, shelf.buyQty]).toEqual([6, 6, 2, 2]);
    const created = t.ok('purchasing.createFromSuggestions', {
      lines: rows.map((r) => ({ inventoryProductId: r.inventoryProductId, qty: r.buyQty })),
      transfers: rows.map((r) => ({ inventoryProductId: r.inventoryProductId, qty: r.transferQty })),
      transferNote: 'Refill from the reorder suggestions',
    });
    expect(created.orders.map((o) => [o.vendorName, o.lineCount])).toEqual([['Amazon Business', 2]]);
    expect(created.transfers).toHaveLength(2);
    const shipments = created.transfers.map((r) => t.ok('stock.getTransfer', { id: r.id })).sort((a, b) => a.toLocationName.localeCompare(b.toLocationName)).reverse();
    expect(shipments.map((s) => [s.fromLocationName, s.toLocationName, s.status, s.lines.map((l) => [l.sku, l.qty, l.inTransit])])).toEqual([
      ['Main warehouse', 'Van Tech', 'inTransit', [['CAB-6-2M', 6, 6]]],
      ['Main warehouse', 'Office shelf', 'inTransit', [['CAB-6-2M', 2, 2]]],
    ]);
    expect(shipments.map((s) => s.note)).toEqual(['Refill from the reorder suggestions', 'Refill from the reorder suggestions']);
    // Nothing suggested twice: the drafts are on order, the shipments in transit; the warehouse is at its minimum.
    expect(suggestions()).toEqual([]);
    const vanLine = () => t.ok('stock.listInventoryProducts', { locationId: w.van.id }).rows[0]!;
    expect(vanLine()).toMatchObject({ onHand: 0 });
    t.ok('stock.receiveTransfer', { id: shipments[0]!.id, lines: [{ line: 1, qty: 4 }] });
    expect(vanLine()).toMatchObject({ onHand: 4 });
    expect(suggestions()).toEqual([]);
    // The shelf's shipment canceled: its 2 units are back at the warehouse and the shelf needs them again.
    t.ok('stock.reverse', { documentType: 'transfer', id: shipments[1]!.id, reason: 'van broke down' });
    expect(row(w.shelf.id, w.cable.id)).toMatchObject({ suggestedQty: 2, transferQty: 2, buyQty: 0, incoming: 0 });
  });

  it('ships serialized units to two vans from one warehouse in one step: the oldest free ones, never the same unit twice', () => {
    const vanB = t.ok('locations.create', { name: 'Van B', kind: 'van', ownerUserId: w.tech.id, refillFromId: w.main.id });
    refill(w.van, w.main);
    t.ok('stock.createInventoryProduct', { productId: w.laptop.id, locationId: w.main.id, min: 0, max: 9 });
    for (const serial of ['SN-1', 'SN-2', 'SN-3', 'SN-4', 'SN-5']) {
      t.clock.now += 60_000;
      t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, serials: [serial], costMethod: 'catalogue', reason: null });
    }
    // The oldest unit is picked for a charge: not free.
    const client = t.ok('catalog.createCompany', { name: 'Client', isClient: true, isVendor: false });
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Laptop', companyId: client.id });
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    t.ok('stock.pick', { chargeId: charge.id, locationId: w.main.id, serials: ['SN-1'] });
    const a = stocked(w.laptop.id, w.van.id, 1, 2);
    const b = stocked(w.laptop.id, vanB.id, 1, 2);
    expect([row(w.van.id, w.laptop.id)!.transferQty, row(vanB.id, w.laptop.id)!.transferQty]).toEqual([2, 2]);
    const created = t.ok('purchasing.createFromSuggestions', { transfers: [{ inventoryProductId: b.id, qty: 2 }, { inventoryProductId: a.id, qty: 2 }] });
    const serials = created.transfers.map((r) => t.ok('stock.getTransfer', { id: r.id })).map((d) => [d.toLocationName, d.lines.flatMap((l) => l.serials.map((x) => x.serial))]);
    expect(serials).toEqual([
      ['Van B', ['SN-2', 'SN-3']],
      ['Van Tech', ['SN-4', 'SN-5']],
    ]);
  });

  it('ships serialized units, each its own', () => {
    refill(w.van, w.main);
    t.ok('stock.createInventoryProduct', { productId: w.laptop.id, locationId: w.main.id, min: 0, max: 5 });
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, serials: ['SN-1', 'SN-2', 'SN-3'], costMethod: 'catalogue', reason: null });
    const vanLaptops = stocked(w.laptop.id, w.van.id, 1, 2);
    const created = t.ok('purchasing.createFromSuggestions', { transfers: [{ inventoryProductId: vanLaptops.id, qty: 2 }] });
    expect(created.orders).toEqual([]);
    const shipment = t.ok('stock.getTransfer', { id: created.transfers[0]!.id });
    expect(shipment.lines[0]!.serials.map((s) => s.serial)).toHaveLength(2);
    expect(row(w.van.id, w.laptop.id)).toBeUndefined();
  });

  it('refuses, changing nothing: a transfer for a location with no refill source, more than the source has, no permission to transfer, no right at the source, nothing at all', () => {
    stocked(w.cable.id, w.main.id, 0, 60, 5);
    const vanCables = stocked(w.cable.id, w.van.id, 5, 12);
    const shelfCables = stocked(w.cable.id, w.shelf.id, 5, 12);
    const buy = { inventoryProductId: shelfCables.id, qty: 3 };
    expect(t.fail('purchasing.createFromSuggestions', { lines: [buy], transfers: [{ inventoryProductId: vanCables.id, qty: 2 }] })).toMatchObject({ code: 'CONFLICT', details: { reason: 'noRefillSource', name: 'Van Tech' } });
    refill(w.van, w.main);
    // No more than the warehouse holds above its minimum (0 here), in one line or several.
    expect(t.fail('purchasing.createFromSuggestions', { lines: [buy], transfers: [{ inventoryProductId: vanCables.id, qty: 6 }] })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'refillOverSurplus', name: 'Main warehouse', sku: 'CAB-6-2M', surplus: 5, requested: 6 },
    });
    expect(t.fail('purchasing.createFromSuggestions', { transfers: [{ inventoryProductId: vanCables.id, qty: 3 }, { inventoryProductId: vanCables.id, qty: 3 }] })).toMatchObject({ code: 'CONFLICT', details: { reason: 'refillOverSurplus', requested: 6 } });
    const buyer = t.tokenFor(t.addUser({ username: 'buyer', permissions: ['inventory.view', 'purchasing.manage'] }).id);
    expect(t.fail('purchasing.createFromSuggestions', { lines: [buy], transfers: [{ inventoryProductId: vanCables.id, qty: 2 }] }, buyer).code).toBe('FORBIDDEN');
    // Buying alone needs no transfer permission.
    const boughtAlone = t.ok('purchasing.createFromSuggestions', { lines: [buy] }, buyer);
    t.ok('purchasing.cancelOrder', { id: boughtAlone.orders[0]!.id, reason: 'test' });
    // Location rights hold on this path too: the van's owner may transfer, but not from the shelf.
    refill(w.van, w.shelf);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 20, costMethod: 'catalogue', reason: null });
    const stranger = t.tokenFor(t.addUser({ username: 'stranger', permissions: ['inventory.view', 'purchasing.manage', 'stock.transfer'] }).id);
    expect(t.fail('purchasing.createFromSuggestions', { transfers: [{ inventoryProductId: vanCables.id, qty: 2 }] }, stranger).code).toBe('LOCATION_FORBIDDEN');
    expect(t.fail('purchasing.createFromSuggestions', {}).code).toBe('VALIDATION');
    expect(t.fail('purchasing.createFromSuggestions', { lines: [], transfers: [] }).code).toBe('VALIDATION');
    expect(t.ok('stock.listTransfers', {}).total).toBe(0);
    expect(t.ok('purchasing.listOrders', {}).rows.map((o) => o.status)).toEqual(['canceled']);
  });
});

describe('shareSurplus', () => {
  it('never gives more than the surplus nor more than a location needs, and gives all it can', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const surplus = random(60);
      const needs = Array.from({ length: 1 + random(6) }, (_, i) => ({ id: i + 1, need: 1 + random(25) }));
      const shares = shareSurplus(surplus, needs);
      const total = needs.reduce((s, n) => s + n.need, 0);
      const given = [...shares.values()].reduce((a, b) => a + b, 0);
      expect(given).toBe(Math.min(surplus, total));
      for (const n of needs) {
        expect(shares.get(n.id)).toBeGreaterThanOrEqual(0);
        expect(shares.get(n.id)).toBeLessThanOrEqual(n.need);
      }
    }
  });
});

describe('my van', () => {
  it("shows the technician's van: what it holds against its minimum, what is picked for their tickets, and the shipments refilling it", () => {
    const tech = t.tokenFor(w.tech.id);
    refill(w.van, w.main);
    stocked(w.cable.id, w.main.id, 0, 100, 40);
    const vanCables = stocked(w.cable.id, w.van.id, 5, 12, 3);
    // A product the van keeps a minimum of but has none: listed (it is missing).
    stocked(w.laptop.id, w.van.id, 1, 1);
    const client = t.ok('catalog.createCompany', { name: 'Clínica Sonrisas', isClient: true, isVendor: false });
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New desk', companyId: client.id, ownerUserId: w.tech.id });
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 });
    t.ok('stock.pick', { chargeId: charge.id, locationId: w.van.id, qty: 2 });
    // Another technician's ticket picked at the main warehouse: not theirs.
    const other = t.ok('sales.createContainer', { kind: 'ticket', title: 'Other', companyId: client.id });
    const otherCharge = t.ok('sales.createCharge', { containerId: other.id, productId: w.cable.id, quantity: 1 });
    t.ok('stock.pick', { chargeId: otherCharge.id, locationId: w.main.id, qty: 1 });
    t.ok('purchasing.createFromSuggestions', { transfers: [{ inventoryProductId: vanCables.id, qty: 9 }] });

    const mine = t.ok('stock.myVan', {}, tech);
    expect(mine.vans).toEqual([{ id: w.van.id, name: 'Van Tech' }]);
    expect(mine.items.map((i) => [i.sku, i.onHand, i.picked, i.available, i.min, i.max, i.incoming])).toEqual([
      ['CAB-6-2M', 3, 2, 1, 5, 12, 9],
      ['LT-T14', 0, 0, 0, 1, 1, 0],
    ]);
    expect(mine.picks.map((p) => [p.chargeNumber, p.containerNumber, p.companyName, p.sku, p.locationName, p.qty])).toEqual([[charge.number, ticket.number, 'Clínica Sonrisas', 'CAB-6-2M', 'Van Tech', 2]]);
    expect(mine.incoming.map((s) => [s.fromLocationName, s.toLocationName, s.status, s.units])).toEqual([['Main warehouse', 'Van Tech', 'inTransit', 9]]);
    expect(mine.truncated).toBe(false);
    // Someone with no van sees none, and nothing of another's van.
    expect(t.ok('stock.myVan', {})).toEqual({ vans: [], items: [], picks: [], incoming: [], truncated: false });
    // Without inventory.view, refused.
    const outsider = t.tokenFor(t.addUser({ username: 'outsider', permissions: [] }).id);
    expect(t.fail('stock.myVan', {}, outsider).code).toBe('FORBIDDEN');
  });
});
