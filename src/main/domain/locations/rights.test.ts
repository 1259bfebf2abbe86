// Location rights through the channels users call: a technician takes units out of, removes from, picks
// at, delivers from, reserves at and counts only their own van and the locations granted to them; sending
// units *to* another van is fine; a grant or stock.anyLocation opens the rest. Every refusal names the
// location and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@shared/contract/define';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let lucia: { id: number; displayName: string; permissions: Permission[] };
let luciaVan: { id: number; name: string };
let as: string;
let client: { id: number };

const technician: Permission[] = ['inventory.view', 'stock.transfer', 'stock.adjust', 'stock.count', 'stock.pick', 'stock.deliver', 'sales.manage'];

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  lucia = t.addUser({ username: 'lucia', displayName: 'Lucía', permissions: technician });
  luciaVan = t.ok('locations.create', { name: 'Van Lucía', kind: 'van', ownerUserId: lucia.id });
  as = t.tokenFor(lucia.id);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  // Stock in Tom's van (the seed's technician), in Lucía's and at the main warehouse.
  for (const locationId of [w.van.id, luciaVan.id, w.main.id]) {
    t.ok('stock.add', { productId: w.cable.id, locationId, qty: 5, costMethod: 'manual', unitCost: 10_000, reason: null });
  }
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.van.id, qty: 1, costMethod: 'manual', unitCost: 8_000_000, serials: ['TOM-1'], reason: null });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const hash = () => contentHash(t.app.ctx.sqlite);
const refused = (run: () => { code: string; details?: unknown }, name: string) => {
  const before = hash();
  expect(run()).toMatchObject({ code: 'LOCATION_FORBIDDEN', details: { name } });
  expect(hash()).toEqual(before);
};
const charge = (quantity = 1, productId = w.cable.id) => {
  const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Desk', companyId: client.id });
  return t.ok('sales.createCharge', { containerId: ticket.id, productId, quantity });
};

describe('a technician at another technician’s van', () => {
  it('cannot transfer, remove, pick, deliver, reserve or count there, each refusal naming the van', () => {
    const van = w.van.name;
    refused(() => t.fail('stock.transfer', { fromLocationId: w.van.id, toLocationId: luciaVan.id, lines: [{ productId: w.cable.id, qty: 1 }] }, as), van);
    refused(() => t.fail('stock.transfer', { fromLocationId: w.van.id, toLocationId: luciaVan.id, lines: [{ productId: w.laptop.id, serials: ['TOM-1'] }] }, as), van);
    refused(() => t.fail('stock.remove', { productId: w.cable.id, locationId: w.van.id, qty: 1, destination: 'scrap', reason: 'broken' }, as), van);
    const c = charge(2);
    refused(() => t.fail('stock.pick', { chargeId: c.id, locationId: w.van.id, qty: 1 }, as), van);
    // Picked there by someone who may, the units still leave Tom's van only through him (or a grant).
    t.ok('stock.pick', { chargeId: c.id, locationId: w.van.id, qty: 2 });
    refused(() => t.fail('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] }, as), van);
    refused(() => t.fail('stock.transferPicked', { chargeId: c.id, fromLocationId: w.van.id, toLocationId: luciaVan.id, qty: 1 }, as), van);
    refused(() => t.fail('stock.startCount', { locationId: w.van.id, note: null }, as), van);
    const o = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Quote' });
    const item = t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: w.cable.id, quantity: 1 }).items[0]!;
    refused(() => t.fail('stock.reserve', { quoteItemId: item.id, locationId: w.van.id, qty: 1 }, as), van);
    // A count someone else started there is not hers to post either.
    const count = t.ok('stock.startCount', { locationId: w.van.id, note: null });
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 9 });
    refused(() => t.fail('stock.postCount', { id: count.id, reason: 'found more' }, as), van);
  });

  it('works at her own van, and sends units to any location', () => {
    t.ok('stock.transfer', { fromLocationId: luciaVan.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 2 }] }, as);
    const c = charge(1);
    t.ok('stock.pick', { chargeId: c.id, locationId: luciaVan.id, qty: 1 }, as);
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] }, as);
    const count = t.ok('stock.startCount', { locationId: luciaVan.id, note: null }, as);
    t.ok('stock.postCount', { id: count.id, reason: 'monthly count' }, as);
    t.ok('stock.remove', { productId: w.cable.id, locationId: luciaVan.id, qty: 1, destination: 'scrap', reason: 'cut' }, as);
  });

  it('works where an administrator granted her, or everywhere with stock.anyLocation', () => {
    refused(() => t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: luciaVan.id, lines: [{ productId: w.cable.id, qty: 1 }] }, as), w.main.name);
    const granted = t.ok('users.update', { id: lucia.id, displayName: lucia.displayName, permissions: technician, isAdmin: false, active: true, locationIds: [w.main.id] });
    expect(granted.locationIds).toEqual([w.main.id]);
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: luciaVan.id, lines: [{ productId: w.cable.id, qty: 1 }] }, as);
    refused(() => t.fail('stock.transfer', { fromLocationId: w.van.id, toLocationId: luciaVan.id, lines: [{ productId: w.cable.id, qty: 1 }] }, as), w.van.name);
    t.ok('users.update', { id: lucia.id, displayName: lucia.displayName, permissions: [...technician, 'stock.anyLocation'], isAdmin: false, active: true, locationIds: [] });
    t.ok('stock.transfer', { fromLocationId: w.van.id, toLocationId: luciaVan.id, lines: [{ productId: w.cable.id, qty: 1 }] }, as);
  });

  it('grants only internal locations that exist', () => {
    const update = (locationIds: number[]) => t.fail('users.update', { id: lucia.id, displayName: lucia.displayName, permissions: technician, isAdmin: false, active: true, locationIds });
    const before = hash();
    expect(update([2]).code).toBe('LOCATION_VIRTUAL');
    expect(update([9999]).code).toBe('NOT_FOUND');
    expect(hash()).toEqual(before);
  });
});

describe('counting is not adjusting', () => {
  const counter: Permission[] = ['inventory.view', 'stock.count'];
  it('a counter submits for review; who may adjust stock sends it back with a note or posts it', () => {
    const tom = t.addUser({ username: 'counter', displayName: 'Counter', permissions: counter });
    const van = t.ok('locations.create', { name: 'Van Counter', kind: 'van', ownerUserId: tom.id });
    t.ok('stock.add', { productId: w.cable.id, locationId: van.id, qty: 17, costMethod: 'manual', unitCost: 10_000, reason: null });
    const token = t.tokenFor(tom.id);
    const count = t.ok('stock.startCount', { locationId: van.id, note: null }, token);
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 2 }, token);
    const before = hash();
    expect(t.fail('stock.postCount', { id: count.id, reason: 'lost' }, token)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.adjust' } });
    expect(t.fail('stock.sendBackCount', { id: count.id, note: 'again' }, token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(hash()).toEqual(before);

    t.ok('stock.submitCount', { id: count.id }, token);
    expect(t.ok('stock.getCount', { id: count.id })).toMatchObject({ status: 'submitted', reviewNote: null });
    expect(t.fail('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 3 }, token).code).toBe('INVALID_TRANSITION');
    expect(t.fail('stock.sendBackCount', { id: count.id, note: '' }).code).toBe('VALIDATION');
    t.ok('stock.sendBackCount', { id: count.id, note: 'Fifteen cables missing? Check the roof box.' });
    expect(t.ok('stock.getCount', { id: count.id })).toMatchObject({ status: 'open', reviewNote: 'Fifteen cables missing? Check the roof box.' });
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 16 }, token);
    t.ok('stock.submitCount', { id: count.id }, token);
    expect(t.ok('stock.getCount', { id: count.id }).reviewNote).toBeNull();
    t.ok('stock.postCount', { id: count.id, reason: 'one cable used on a job' });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: van.id }).rows[0]).toMatchObject({ onHand: 16 });
  });
});
