// Module activations through the door: every channel of a module switched off answers MODULE_DISABLED
// (derived from the contract, not a hand-written list) and changes nothing; switching is refused while it
// would strand work, naming it; Procurement off takes its approvals, reservations and sales orders out of
// the other workflows; the data stays and comes back when the module is switched on again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '@shared/contract';
import { moduleOf, modules, type Activations } from '@shared/contract/modules';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let client: { id: number };
let vendor: { id: number };
let ticket: { id: number; number: string };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendor.id, vendorPartNumber: 'IM-T14', vendorCost: 8_500_000, isDefault: true });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New hires', companyId: client.id, ownerUserId: w.tech.id });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'catalogue', reason: null });
});
afterEach(() => {
  t.ok('activations.set', { inventory: true, procurement: true, rma: true });
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const hash = () => contentHash(t.app.ctx.sqlite);
const set = (a: Partial<Activations>) => t.ok('activations.set', { ...t.ok('activations.get', {}), ...a });
const channelsOf = (module: string) => channelNames.filter((c) => moduleOf(c) === module);

describe('activations', () => {
  it('start with every module on, and only an administrator switches them', () => {
    expect(t.ok('activations.get', {})).toEqual({ inventory: true, procurement: true, rma: true });
    expect(t.fail('activations.set', { inventory: true, procurement: false, rma: true }, t.tokenFor(w.tech.id)).code).toBe('FORBIDDEN');
    expect(t.ok('activations.get', {}, t.tokenFor(w.tech.id)).procurement).toBe(true);
  });

  it('classify the channels: procurement and inventory own theirs, the rest is always on', () => {
    expect(channelsOf('procurement')).toEqual(
      expect.arrayContaining(['purchasing.listApprovals', 'purchasing.approve', 'purchasing.listFulfillment', 'purchasing.orderForCharges', 'sales.approveCharge', 'stock.reserve', 'sales.listSalesOrders']),
    );
    expect(channelsOf('inventory')).toEqual(expect.arrayContaining(['stock.transfer', 'stock.pick', 'locations.list', 'purchasing.receive', 'delivery.deliver', 'devices.list']));
    for (const c of ['auth.login', 'users.update', 'settings.get', 'activations.set', 'catalog.createProduct', 'sales.createCharge', 'sales.winOpportunity', 'sales.quotePdf', 'backups.create', 'search.global'] as ChannelName[]) {
      expect(moduleOf(c), c).toBeNull();
    }
  });

  for (const module of modules) {
    it(`${module} off: every one of its channels answers MODULE_DISABLED and changes nothing`, async () => {
      const off = { inventory: true, procurement: true, rma: true, [module]: false };
      // Procurement and RMA need Inventory: they go off with it.
      if (module === 'inventory') Object.assign(off, { procurement: false, rma: false });
      t.ok('activations.set', off);
      const before = hash();
      for (const channel of channelsOf(module)) {
        // Whatever the input: the module answers before validation.
        const result = await t.app.callAsync(channel, {}, t.token);
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'MODULE_DISABLED', details: { module } } });
      }
      expect(hash()).toEqual(before);
      // Signed-out callers still learn nothing but that they must sign in.
      for (const channel of channelsOf(module).slice(0, 3)) expect(t.raw(channel, {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // Channels of no module keep working.
      expect(t.ok('catalog.listProducts', {}).total).toBeGreaterThan(0);
      expect(t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 1 }).number).toMatch(/^CHG-/);
    });
  }

  it('refuses Inventory off while Procurement or RMA is on; all off at once is fine', () => {
    const before = hash();
    expect(t.fail('activations.set', { inventory: false, procurement: true, rma: false })).toMatchObject({ code: 'CONFLICT', details: { reason: 'moduleNeeds', module: 'procurement', needs: 'inventory' } });
    expect(t.fail('activations.set', { inventory: false, procurement: false, rma: true })).toMatchObject({ code: 'CONFLICT', details: { reason: 'moduleNeeds', module: 'rma', needs: 'inventory' } });
    expect(hash()).toEqual(before);
    expect(t.ok('activations.set', { inventory: false, procurement: false, rma: false })).toEqual({ inventory: false, procurement: false, rma: false });
    // Serials and locations leave the global search with Inventory.
    expect(t.ok('search.global', { q: 'main' }).locations).toEqual([]);
    t.ok('activations.set', { inventory: true, procurement: false, rma: false });
    expect(t.ok('search.global', { q: 'main' }).locations.map((l) => l.name)).toEqual([w.main.name]);
  });

  it('refuses Procurement off while charges wait for approval or quotes hold reservations, naming them', () => {
    t.ok('settings.update', { approvalThreshold: 10_000_000 });
    const waiting = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Cabling' });
    const quote = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.cable.id, quantity: 4 });
    t.ok('stock.reserve', { quoteItemId: quote.items[0]!.id, locationId: w.main.id, qty: 4 });
    const before = hash();
    expect(t.fail('activations.set', { inventory: true, procurement: false, rma: true })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'procurementInUse', charges: [waiting.number], chargeCount: 1, orders: [], quotes: [opportunity.number], quoteCount: 1 },
    });
    expect(hash()).toEqual(before);
    t.ok('stock.release', { quoteItemId: quote.items[0]!.id });
    expect(t.fail('activations.set', { inventory: true, procurement: false, rma: true }).details).toMatchObject({ charges: [waiting.number], quotes: [] });
    const boss = t.tokenFor(t.addUser({ username: 'boss', permissions: [], isAdmin: true }).id);
    t.ok('sales.approveCharge', { id: waiting.id, note: null }, boss);
    // A purchase order waiting for approval holds it too.
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.laptop.id, qty: 2, locationId: w.main.id }] });
    t.ok('purchasing.requestApproval', { id: po.id });
    expect(t.fail('activations.set', { inventory: true, procurement: false, rma: true }).details).toMatchObject({ charges: [], orders: [po.number], orderCount: 1 });
    t.ok('purchasing.approve', { id: po.id, note: null }, boss);
    expect(t.ok('activations.set', { inventory: true, procurement: false, rma: true }).procurement).toBe(false);
  });

  it('Procurement off: no approval step for charges or orders, no sales order from a won quote, no queues; all back when on again', () => {
    t.ok('settings.update', { approvalThreshold: 10_000_000 });
    const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Laptops' });
    t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.laptop.id, quantity: 1 });
    const earlier = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Earlier laptops' });
    t.ok('sales.addQuoteItem', { opportunityId: earlier.id, productId: w.cable.id, quantity: 1 });
    const order = t.ok('sales.winOpportunity', { id: earlier.id, target: { containerId: ticket.id } });
    expect(order.documentType).toBe('salesOrder');
    set({ procurement: false });

    // Above the threshold, and yet straight to Need to Order: nobody could approve it.
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    expect(charge.status).toBe('needToOrder');
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.laptop.id, qty: 5, locationId: w.main.id }] });
    expect(po).toMatchObject({ needsApproval: false, approvalCleared: true });
    expect(t.ok('purchasing.submit', { id: po.id }).status).toBe('submitted');
    expect(t.ok('purchasing.queueCounts', {})).toMatchObject({ approvals: 0, fulfillment: 0 });

    // The won wizard makes the charges on the ticket, and no sales order.
    const won = t.ok('sales.winOpportunity', { id: opportunity.id, target: { containerId: ticket.id } });
    expect(won).toEqual({ documentType: 'container', id: ticket.id, number: ticket.number, containerId: ticket.id });
    expect(t.ok('sales.getOpportunity', { id: opportunity.id }).status).toBe('won');
    expect(t.ok('sales.listCharges', { containerId: ticket.id, productId: w.laptop.id }).rows).toHaveLength(2);

    // Switched on again: the earlier sales order is there, the charge that reached the threshold meanwhile
    // waits for approval (nothing is bought unapproved), and the threshold applies to new charges.
    set({ procurement: true });
    const reviewed = t.ok('sales.getCharge', { id: charge.id });
    expect(reviewed.status).toBe('waitingApproval');
    expect(reviewed.history[0]).toMatchObject({ type: 'procurementOn', fromState: 'needToOrder', toState: 'waitingApproval' });
    expect(t.ok('sales.listSalesOrders', {}).rows.map((r) => r.number)).toEqual([order.number]);
    expect(t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 }).status).toBe('waitingApproval');
    expect(t.ok('purchasing.queueCounts', {}).approvals).toBe(2);
  });
});
