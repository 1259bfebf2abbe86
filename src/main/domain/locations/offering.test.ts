// Locations that hold units without offering them (a returns shelf, quarantine): their units count in stock
// and value and can be moved, counted and sent back, but nothing is reserved or picked there, by any path
// (a pick, a reservation, picked units transferred in, a receipt for a charge). The ledger is checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let returnsShelf: { id: number; name: string };
let ticket: { id: number };
let client: { id: number };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  returnsShelf = t.ok('locations.create', { name: 'Returns shelf', kind: 'returns' });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Desk move', companyId: client.id });
  t.ok('stock.add', { productId: w.cable.id, locationId: returnsShelf.id, qty: 6, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: returnsShelf.id, qty: 1, costMethod: 'manual', unitCost: 8_000_000, serials: ['RS-1'], reason: null });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const item = (productId: number, locationId: number) => t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]!;

describe('a location that does not offer its units', () => {
  it('is what a new returns shelf is, unless told; other kinds offer theirs', () => {
    expect(returnsShelf).toMatchObject({ kind: 'returns', offersStock: false });
    expect(t.ok('locations.create', { name: 'Quarantine', kind: 'warehouse', offersStock: false })).toMatchObject({ offersStock: false });
    expect(t.ok('locations.create', { name: 'Second returns shelf', kind: 'returns', offersStock: true })).toMatchObject({ offersStock: true });
    expect(t.ok('locations.list', {}).find((l) => l.id === w.main.id)).toMatchObject({ offersStock: true });
  });

  it('counts its units on hand and in value, with none available', () => {
    expect(item(w.cable.id, returnsShelf.id)).toMatchObject({ onHand: 6, available: 0, offered: false, value: '60000' });
    expect(t.ok('catalog.getProduct', { id: w.cable.id }).onHand).toBe(6);
  });

  it('refuses picks, reservations and picked units moved in, naming the location, and changes nothing', () => {
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 });
    const laptop = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    // Nowhere to pick from: the pick dialog and Purchasing & Fulfillment offer no location.
    expect(t.ok('sales.getCharge', { id: cables.id }).availability).toEqual([]);
    expect(t.ok('purchasing.listFulfillment', {}).rows.find((r) => r.chargeId === cables.id)).toMatchObject({ available: 0, availableAt: [] });
    const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Quote' });
    const quoteItem = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.cable.id, quantity: 2 }).items[0]!;
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.ok('stock.pick', { chargeId: cables.id, locationId: w.main.id, qty: 2 });
    const before = contentHash(t.app.ctx.sqlite);
    const named = { code: 'LOCATION_NOT_OFFERED', details: { locationId: returnsShelf.id, name: 'Returns shelf' } };
    expect(t.fail('stock.pick', { chargeId: laptop.id, locationId: returnsShelf.id, serials: ['RS-1'] })).toMatchObject(named);
    expect(t.fail('stock.pick', { chargeId: laptop.id, locationId: returnsShelf.id, qty: 1 })).toMatchObject(named);
    expect(t.fail('stock.reserve', { quoteItemId: quoteItem.id, locationId: returnsShelf.id, qty: 1 })).toMatchObject(named);
    expect(t.fail('stock.transferPicked', { chargeId: cables.id, fromLocationId: w.main.id, toLocationId: returnsShelf.id })).toMatchObject(named);
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('lets its units be moved to a location that offers them, and picked there', () => {
    const laptop = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    t.ok('stock.transfer', { fromLocationId: returnsShelf.id, toLocationId: w.main.id, lines: [{ productId: w.laptop.id, serials: ['RS-1'] }] });
    t.ok('stock.pick', { chargeId: laptop.id, locationId: w.main.id, serials: ['RS-1'] });
    expect(t.ok('sales.getCharge', { id: laptop.id }).status).toBe('ready');
  });

  it('follows its location when changed: offering again makes the units available; picks already held stay', () => {
    t.ok('locations.update', { id: returnsShelf.id, name: 'Returns shelf', kind: 'returns', offersStock: true });
    expect(item(w.cable.id, returnsShelf.id)).toMatchObject({ available: 6, offered: true });
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 });
    t.ok('stock.pick', { chargeId: cables.id, locationId: returnsShelf.id, qty: 2 });
    // An edit that leaves the flag out keeps it.
    t.ok('locations.update', { id: returnsShelf.id, name: 'Returns & repairs', kind: 'returns' });
    expect(item(w.cable.id, returnsShelf.id)).toMatchObject({ available: 4, offered: true });
    t.ok('locations.update', { id: returnsShelf.id, name: 'Returns & repairs', kind: 'returns', offersStock: false });
    expect(item(w.cable.id, returnsShelf.id)).toMatchObject({ onHand: 6, picked: 2, available: 0, offered: false });
    // Units stocked there later follow the location too.
    const toner = t.ok('catalog.createProduct', { sku: 'TONER', name: 'Toner', unitCost: 1_000, unitPrice: 2_000, msrp: 2_000, serialized: false });
    t.ok('stock.createInventoryProduct', { productId: toner.id, locationId: returnsShelf.id, bin: 'R-1', min: 0, max: 0 });
    expect(item(toner.id, returnsShelf.id)).toMatchObject({ offered: false, available: 0 });
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: cables.id }] });
    expect(t.ok('sales.getCharge', { id: cables.id }).status).toBe('delivered');
  });

  it('is never the default location', () => {
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('locations.setDefault', { id: returnsShelf.id })).toMatchObject({ code: 'LOCATION_NOT_OFFERED', details: { name: 'Returns shelf', reason: 'default' } });
    const main = t.ok('locations.list', {}).find((l) => l.isDefault)!;
    expect(t.fail('locations.update', { id: main.id, name: main.name, kind: 'warehouse', offersStock: false })).toMatchObject({ code: 'LOCATION_NOT_OFFERED', details: { reason: 'default' } });
    expect(t.fail('locations.create', { name: 'Quarantine', kind: 'warehouse', offersStock: false, isDefault: true })).toMatchObject({ code: 'LOCATION_NOT_OFFERED', details: { reason: 'default' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('keeps units received there for a charge as stock, unpicked', () => {
    const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
    t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorCost: 9_000, isDefault: true });
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 3 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: returnsShelf.id, charges: [{ chargeId: cables.id }] });
    t.ok('purchasing.submit', { id: po.id });
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 3 }] });
    expect(t.ok('sales.getCharge', { id: cables.id })).toMatchObject({ picked: 0 });
    expect(item(w.cable.id, returnsShelf.id)).toMatchObject({ onHand: 9, picked: 0, available: 0 });
  });

  it('is checked by the ledger check: a flag that drifted from its location is reported', () => {
    t.app.ctx.sqlite.prepare(`UPDATE inventory_products SET offers = 1 WHERE location_id = ?`).run(returnsShelf.id);
    expect(t.ok('stock.verifyLedger', {}).differences).toMatchObject([{ kind: 'listCache', locationId: returnsShelf.id, expected: '0', actual: '1' }, { kind: 'listCache' }]);
    t.app.ctx.sqlite.prepare(`UPDATE inventory_products SET offers = 0 WHERE location_id = ?`).run(returnsShelf.id);
  });
});
