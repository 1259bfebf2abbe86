// Opportunities, their quote items and reservations through the channels users call: reserving holds
// units exactly as picking does (no one else can take them), releasing and losing give them back, every
// refusal changes nothing, and the ledger (reservations included) is checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let client: { id: number };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, language: 'es' });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-A', 'LT-B', 'LT-C'], reason: null });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const opportunity = () => t.ok('sales.createOpportunity', { companyId: client.id, title: 'Reception refresh', ownerUserId: w.tech.id, expectedClose: '2027-01-15' });
const withItems = () => {
  const o = opportunity();
  t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: w.cable.id, quantity: 6 });
  return t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: w.laptop.id, quantity: 2, unitPrice: 11_000_000 });
};
const item = (productId: number, locationId: number) => t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]!;
const hash = () => contentHash(t.app.ctx.sqlite);

describe('opportunities and quotes', () => {
  it('numbers opportunities, prices items at the product price unless given, and totals the quote', () => {
    const o = withItems();
    expect(o).toMatchObject({ number: 'OPP-1001', status: 'open', companyName: 'Acme Dental', itemCount: 2, reserved: 0, expectedClose: '2027-01-15' });
    expect(o.items.map((i) => [i.lineNo, i.sku, i.quantity, i.unitPrice])).toEqual([
      [1, 'CAB-6-2M', 6, 40_000],
      [2, w.laptop.sku, 2, 11_000_000],
    ]);
    expect(o.quotePrice).toBe(String(6 * 40_000 + 2 * 11_000_000));
    expect(t.ok('sales.listOpportunities', { q: 'reception' }).rows.map((r) => r.number)).toEqual(['OPP-1001']);
    expect(t.ok('sales.listOpportunities', { statuses: ['lost'] }).rows).toEqual([]);
  });

  it('opens only for a client company and an active owner', () => {
    const vendor = t.ok('catalog.createCompany', { name: 'Ingram', isVendor: true, isClient: false });
    const before = hash();
    expect(t.fail('sales.createOpportunity', { companyId: vendor.id, title: 'x' })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'companyId', code: 'notAClient' }] } });
    expect(t.fail('sales.createOpportunity', { companyId: client.id, title: 'x', ownerUserId: 999 }).code).toBe('NOT_FOUND');
    expect(t.fail('sales.createOpportunity', { companyId: client.id, title: '' }).code).toBe('VALIDATION');
    expect(hash()).toEqual(before);
  });
});

describe('reservations', () => {
  it('hold units at a location: no longer available to others, counted as Reserved, named when something else wants them', () => {
    const o = withItems();
    const [cables, laptops] = o.items;
    const reserved = t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 4 });
    expect(reserved.items[0]).toMatchObject({ reserved: 4, reservations: [{ locationName: w.main.name, qty: 4 }] });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    t.ok('stock.reserve', { quoteItemId: laptops!.id, locationId: w.main.id, serials: ['lt-b'] });
    // The opportunities reserving a product (at a location): what Inventory products' Reserved opens.
    const other = opportunity();
    t.ok('sales.addQuoteItem', { opportunityId: other.id, productId: w.cable.id, quantity: 1 });
    const reserving = (input: { reservingProductId: number; reservingLocationId?: number }) => t.ok('sales.listOpportunities', input).rows.map((r) => r.number);
    expect(reserving({ reservingProductId: w.cable.id })).toEqual(['OPP-1001']);
    expect(reserving({ reservingProductId: w.cable.id, reservingLocationId: w.main.id })).toEqual(['OPP-1001']);
    expect(reserving({ reservingProductId: w.cable.id, reservingLocationId: w.van.id })).toEqual([]);
    expect(reserving({ reservingProductId: w.laptop.id })).toEqual(['OPP-1001']);
    // The stocked item names the quote holding it.
    expect(t.ok('stock.listLots', { productId: w.laptop.id, serial: 'LT-B' }).rows[0]).toMatchObject({ allocated: 1, heldByOpportunityId: o.id, heldByOpportunityNumber: 'OPP-1001', heldByChargeId: null });

    // A charge cannot pick what the quote holds, and the refusal names the opportunity.
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Desk', companyId: client.id });
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 8 });
    expect(t.fail('stock.pick', { chargeId: charge.id, locationId: w.main.id, qty: 7 })).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 6, heldBy: ['OPP-1001'] } });
    const laptopCharge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    const beforeLaptop = hash();
    expect(t.fail('stock.pick', { chargeId: laptopCharge.id, locationId: w.main.id, serials: ['LT-B'] })).toMatchObject({
      code: 'SERIAL_UNAVAILABLE',
      details: { serial: 'LT-B', heldBy: 'reserved', document: { type: 'quoteItem', number: 'OPP-1001' } },
    });
    expect(hash()).toEqual(beforeLaptop);
    // Nor can a removal or a transfer take them.
    expect(t.fail('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 7, destination: 'scrap', reason: 'damaged' }).code).toBe('INSUFFICIENT_STOCK');
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials: ['LT-B'] }] }).code).toBe('SERIAL_UNAVAILABLE');
    expect(t.ok('stock.pick', { chargeId: charge.id, locationId: w.main.id, qty: 6 }).picked).toBe(6);
  });

  it('refuses beyond what the item still needs or what is available, changing nothing', () => {
    const [cables] = withItems().items;
    const before = hash();
    expect(t.fail('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 7 })).toMatchObject({ code: 'OVER_PICK', details: { number: 'OPP-1001', needed: 6, requested: 7 } });
    expect(t.fail('stock.reserve', { quoteItemId: cables!.id, locationId: w.van.id, qty: 1 }).code).toBe('INSUFFICIENT_STOCK');
    expect(t.fail('stock.reserve', { quoteItemId: cables!.id, locationId: 2, qty: 1 }).code).toBe('LOCATION_VIRTUAL');
    expect(hash()).toEqual(before);
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 6 });
    expect(t.fail('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 1 })).toMatchObject({ code: 'OVER_PICK', details: { needed: 0 } });
  });

  it('release a quantity (latest first), serials, or everything; never more than reserved', () => {
    const o = withItems();
    const [cables, laptops] = o.items;
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 5 });
    t.ok('stock.reserve', { quoteItemId: laptops!.id, locationId: w.main.id, serials: ['LT-A', 'LT-C'] });
    const before = hash();
    expect(t.fail('stock.release', { quoteItemId: cables!.id, qty: 6 })).toMatchObject({ code: 'NOT_RESERVED', details: { number: 'OPP-1001', picked: 5, requested: 6 } });
    expect(t.fail('stock.release', { quoteItemId: laptops!.id, serials: ['LT-B'] })).toMatchObject({ code: 'NOT_RESERVED', details: { serials: ['LT-B'] } });
    expect(hash()).toEqual(before);
    expect(t.ok('stock.release', { quoteItemId: cables!.id, qty: 2 }).items[0]!.reserved).toBe(3);
    expect(t.ok('stock.release', { quoteItemId: laptops!.id, serials: ['lt-c'] }).items[1]!.reservations.map((r) => r.serialNumber)).toEqual(['LT-A']);
    expect(t.ok('stock.release', { quoteItemId: cables!.id }).items[0]!.reserved).toBe(0);
    expect(item(w.cable.id, w.main.id)).toMatchObject({ reserved: 0, available: 10 });
    expect(t.fail('stock.release', { quoteItemId: cables!.id }).code).toBe('NOT_RESERVED');
  });

  it('keep an item’s quantity at or above what is reserved; removing the item releases its units', () => {
    const o = withItems();
    const [cables] = o.items;
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 4 });
    const before = hash();
    expect(t.fail('sales.updateQuoteItem', { id: cables!.id, quantity: 3, unitPrice: 40_000 }).code).toBe('OVER_PICK');
    expect(hash()).toEqual(before);
    expect(t.ok('sales.updateQuoteItem', { id: cables!.id, quantity: 4, unitPrice: 35_000 }).items[0]).toMatchObject({ quantity: 4, unitPrice: 35_000 });
    const after = t.ok('sales.removeQuoteItem', { id: cables!.id });
    expect(after.items.map((i) => i.lineNo)).toEqual([2]);
    expect(item(w.cable.id, w.main.id)).toMatchObject({ reserved: 0, available: 10 });
  });

  it('are in the inventory history with their opportunity, and need the sales permission', () => {
    const [cables] = withItems().items;
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 2 });
    t.ok('stock.release', { quoteItemId: cables!.id, qty: 1 });
    const rows = t.ok('stock.history', { productId: w.cable.id }).rows.filter((r) => r.type === 'stock.reserved' || r.type === 'stock.released');
    expect(rows.map((r) => [r.type, r.qty, r.documentType, r.documentNumber])).toEqual([
      ['stock.released', 1, 'opportunity', 'OPP-1001'],
      ['stock.reserved', 2, 'opportunity', 'OPP-1001'],
    ]);
    const tech = t.tokenFor(w.tech.id);
    expect(t.fail('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 1 }, tech)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'sales.manage' } });
    expect(t.fail('sales.createOpportunity', { companyId: client.id, title: 'x' }, tech).code).toBe('FORBIDDEN');
  });
});

describe('losing an opportunity', () => {
  it('releases every reservation, records the reason, and closes the quote to changes', () => {
    const o = withItems();
    const [cables, laptops] = o.items;
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 3 });
    t.ok('stock.reserve', { quoteItemId: laptops!.id, locationId: w.main.id, serials: ['LT-A'] });
    const lost = t.ok('sales.loseOpportunity', { id: o.id, reason: 'Went with another provider' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Went with another provider', reserved: 0 });
    expect(lost.history[0]).toMatchObject({ type: 'lose', fromState: 'open', toState: 'lost', details: { released: 4 } });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ reserved: 0, available: 10 });
    const before = hash();
    for (const [channel, input] of [
      ['stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 1 }],
      ['sales.addQuoteItem', { opportunityId: o.id, productId: w.cable.id, quantity: 1 }],
      ['sales.updateQuoteItem', { id: cables!.id, quantity: 2, unitPrice: 1 }],
      ['sales.removeQuoteItem', { id: cables!.id }],
      ['sales.updateOpportunity', { id: o.id, title: 'again' }],
      ['sales.loseOpportunity', { id: o.id }],
    ] as const) {
      expect(t.fail(channel, input as never).code, channel).toBe('INVALID_TRANSITION');
    }
    expect(hash()).toEqual(before);
  });
});

describe('the ledger check', () => {
  it('reports an item whose reserved figure drifts from its reservations', () => {
    const [cables] = withItems().items;
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 2 });
    t.app.ctx.sqlite.prepare(`UPDATE quote_items SET reserved = 5 WHERE id = ?`).run(cables!.id);
    expect(t.ok('stock.verifyLedger', {}).differences).toEqual([expect.objectContaining({ kind: 'quote', documentId: cables!.id, figure: 'reserved', expected: '2', actual: '5' })]);
    t.app.ctx.sqlite.prepare(`UPDATE quote_items SET reserved = 2 WHERE id = ?`).run(cables!.id);
  });
});

describe('the won-opportunity wizard and its sales order', () => {
  const win = (id: number, target: ChannelInput<'sales.winOpportunity'>['target'] = { kind: 'project', title: 'Reception refresh', ownerUserId: w.tech.id }) =>
    t.ok('sales.winOpportunity', { id, target });

  it('makes a charge per item at the quoted price, picks the reserved units for them, and a sales order that follows its charges', () => {
    const o = withItems();
    const [cables, laptops] = o.items;
    t.ok('stock.reserve', { quoteItemId: cables!.id, locationId: w.main.id, qty: 6 });
    t.ok('stock.reserve', { quoteItemId: laptops!.id, locationId: w.main.id, serials: ['LT-B'] });
    const order = win(o.id);
    expect(order.number).toBe('SO-1001');
    expect(t.ok('sales.getOpportunity', { id: o.id })).toMatchObject({ status: 'won', reserved: 0 });
    const so = t.ok('sales.getSalesOrder', { id: order.id });
    expect(so).toMatchObject({ status: 'inProgress', opportunityNumber: 'OPP-1001', companyName: 'Acme Dental', itemCount: 2, containerId: order.containerId });
    expect(so.items.map((i) => [i.sku, i.quantity, i.unitPrice, i.picked, i.status])).toEqual([
      ['CAB-6-2M', 6, 40_000, 6, 'ready'],
      [w.laptop.sku, 2, 11_000_000, 1, 'needToOrder'],
    ]);
    // The same units, now picked for the charge: nothing moved, nothing else can take them.
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 10, reserved: 0, picked: 6, available: 4 });
    expect(t.ok('sales.getCharge', { id: so.items[1]!.chargeId }).picks.map((p) => p.serialNumber)).toEqual(['LT-B']);
    expect(t.ok('sales.getContainer', { id: order.containerId })).toMatchObject({ kind: 'project', title: 'Reception refresh', companyId: client.id });

    // Delivering part of it, then the rest: Partially Fulfilled, then Fulfilled.
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: so.items[0]!.chargeId }] });
    expect(t.ok('sales.getSalesOrder', { id: order.id }).status).toBe('partiallyFulfilled');
    t.ok('stock.pick', { chargeId: so.items[1]!.chargeId, locationId: w.main.id, serials: ['LT-A'] });
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: so.items[1]!.chargeId }] });
    const done = t.ok('sales.getSalesOrder', { id: order.id });
    expect(done.status).toBe('fulfilled');
    expect(done.history.map((e) => e.toState)).toEqual(['fulfilled', 'partiallyFulfilled', 'inProgress', 'open']);
    expect(t.ok('sales.listSalesOrders', { statuses: ['fulfilled'] }).rows.map((r) => r.number)).toEqual(['SO-1001']);
    expect(t.fail('sales.cancelSalesOrder', { id: order.id }).code).toBe('INVALID_TRANSITION');
  });

  it('onto an existing container of the client; refuses another client’s, a won or lost opportunity, an empty quote, changing nothing', () => {
    const o = withItems();
    const other = t.ok('catalog.createCompany', { name: 'Beta Legal', isClient: true });
    const theirs = t.ok('sales.createContainer', { kind: 'ticket', title: 'Not ours', companyId: other.id });
    const empty = opportunity();
    let before = hash();
    expect(t.fail('sales.winOpportunity', { id: o.id, target: { containerId: theirs.id } }).code).toBe('COMPANY_MISMATCH');
    expect(t.fail('sales.winOpportunity', { id: empty.id, target: { kind: 'ticket', title: 'x' } })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'items', code: 'empty' }] } });
    expect(hash()).toEqual(before);
    const ours = t.ok('sales.createContainer', { kind: 'contract', title: 'Managed services', companyId: client.id });
    const order = win(o.id, { containerId: ours.id });
    expect(order.containerId).toBe(ours.id);
    before = hash();
    expect(t.fail('sales.winOpportunity', { id: o.id, target: { containerId: ours.id } }).code).toBe('INVALID_TRANSITION');
    t.ok('sales.loseOpportunity', { id: empty.id });
    const lostBefore = hash();
    expect(t.fail('sales.winOpportunity', { id: empty.id, target: { containerId: ours.id } }).code).toBe('INVALID_TRANSITION');
    expect(hash()).toEqual(lostBefore);
    void before;
  });

  it('cancels with its undelivered charges (picks released), refused once anything is delivered', () => {
    const first = withItems();
    t.ok('stock.reserve', { quoteItemId: first.items[0]!.id, locationId: w.main.id, qty: 3 });
    const order = win(first.id);
    const canceled = t.ok('sales.cancelSalesOrder', { id: order.id, reason: 'Client changed their mind' });
    expect(canceled).toMatchObject({ status: 'canceled', cancelReason: 'Client changed their mind' });
    expect(canceled.items.every((i) => i.status === 'canceled')).toBe(true);
    expect(item(w.cable.id, w.main.id)).toMatchObject({ picked: 0, available: 10 });

    const second = withItems();
    t.ok('stock.reserve', { quoteItemId: second.items[0]!.id, locationId: w.main.id, qty: 6 });
    const delivered = win(second.id);
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: t.ok('sales.getSalesOrder', { id: delivered.id }).items[0]!.chargeId }] });
    const before = hash();
    expect(t.fail('sales.cancelSalesOrder', { id: delivered.id }).code).toBe('INVALID_TRANSITION');
    expect(hash()).toEqual(before);
  });
});
