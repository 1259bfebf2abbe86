// Buying for charges through the channels users call: the Purchasing & Fulfillment page, a purchase order
// made from charges, On Order on submission, receive-for-charge picks (over-receipt stays stock), straight
// to the client as a delivery with devices, reductions and cancellations returning the charge to Need to
// Order/Fulfill, and receipts that cannot be cancelled once a delivery took their units. Every refusal
// changes nothing; the ledger is checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let acme: { id: number };
let globex: { id: number };
let vendor: { id: number };
let other: { id: number };
let ticket: { id: number };
let project: { id: number };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  globex = t.ok('catalog.createCompany', { name: 'Globex', isClient: true });
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  other = t.ok('catalog.createCompany', { name: 'TD Synnex', isVendor: true, isClient: false });
  for (const [product, cost] of [
    [w.cable, 12_000],
    [w.laptop, 8_500_000],
  ] as const) {
    t.ok('catalog.saveProductVendor', { productId: product.id, vendorId: vendor.id, vendorPartNumber: `IM-${product.sku}`, vendorCost: cost, isDefault: true });
  }
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 4, costMethod: 'manual', unitCost: 10_000, reason: null });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New hires', companyId: acme.id, ownerUserId: w.tech.id });
  project = t.ok('sales.createContainer', { kind: 'project', title: 'Branch office', companyId: globex.id });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const hash = () => contentHash(t.app.ctx.sqlite);
const charge = (id: number) => t.ok('sales.getCharge', { id });
const page = (input: Record<string, unknown> = {}) => t.ok('purchasing.listFulfillment', input);
const item = (productId: number, locationId: number) => t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]!;

describe('the Purchasing & Fulfillment page', () => {
  it('lists charges needing units with what is left to order, what is available where and the default vendor', () => {
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 10 });
    const laptops = t.ok('sales.createCharge', { containerId: project.id, productId: w.laptop.id, quantity: 2 });
    t.ok('stock.pick', { chargeId: cables.id, locationId: w.main.id, qty: 3 });
    const rows = page().rows;
    expect(rows.map((r) => r.chargeNumber)).toEqual([cables.number, laptops.number]);
    expect(rows[0]).toMatchObject({ quantity: 10, picked: 3, onPurchaseOrders: 0, toOrder: 7, available: 1, availableAt: [{ locationName: w.main.name, available: 1 }], vendorName: 'Ingram Micro', vendorCost: 12_000 });
    expect(rows[1]).toMatchObject({ companyName: 'Globex', toOrder: 2, available: 0, availableAt: [] });
    // Filters: a vendor's products, a client, a text.
    expect(page({ vendorId: other.id }).rows).toEqual([]);
    expect(page({ companyId: globex.id }).rows.map((r) => r.chargeId)).toEqual([laptops.id]);
    expect(page({ q: 'thinkpad' }).rows.map((r) => r.chargeId)).toEqual([laptops.id]);
    // Charges that need nothing bought are not there.
    t.ok('stock.pick', { chargeId: cables.id, locationId: w.main.id, qty: 1 });
    t.ok('sales.updateCharge', { id: cables.id, quantity: 4, billable: true });
    expect(page().rows.map((r) => r.chargeId)).toEqual([laptops.id]);
  });
});

describe('ordering for charges', () => {
  it('makes one New order with a line per charge (several clients on one order), linked, for what is left to order', () => {
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 10 });
    const laptops = t.ok('sales.createCharge', { containerId: project.id, productId: w.laptop.id, quantity: 2 });
    t.ok('stock.pick', { chargeId: cables.id, locationId: w.main.id, qty: 4 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, estimatedArrival: '2027-01-20', charges: [{ chargeId: cables.id }, { chargeId: laptops.id }] });
    expect(po).toMatchObject({ status: 'new', purchaseForCompanyId: null, lineCount: 2 });
    expect(po.lines.map((l) => [l.sku, l.qtyOrdered, l.unitCost, l.chargeNumber, l.chargeCompanyName, l.vendorPartNumber])).toEqual([
      [w.cable.sku, 6, 12_000, cables.number, 'Acme Dental', `IM-${w.cable.sku}`],
      [w.laptop.sku, 2, 8_500_000, laptops.number, 'Globex', `IM-${w.laptop.sku}`],
    ]);
    // A draft does not put the charges On Order, but nothing is left to order.
    expect(charge(cables.id)).toMatchObject({ status: 'needToOrder', onOrder: 0 });
    expect(page().rows.map((r) => [r.toOrder, r.onPurchaseOrders, r.orders.map((o) => o.number)])).toEqual([
      [0, 6, [po.number]],
      [0, 2, [po.number]],
    ]);
    expect(t.fail('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: laptops.id }] })).toMatchObject({ code: 'NOTHING_TO_ORDER', details: { number: laptops.number } });
    // Stock lines join the same order.
    t.ok('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 20, locationId: w.main.id });

    // Submitting puts them On Order, with the expected arrival; the history names the order.
    t.ok('purchasing.submit', { id: po.id });
    const detail = charge(laptops.id);
    expect(detail).toMatchObject({ status: 'onOrder', onOrder: 2, backOrdered: 0, estimatedArrival: '2027-01-20' });
    expect(detail.purchaseLines).toEqual([expect.objectContaining({ orderNumber: po.number, orderStatus: 'submitted', qtyOrdered: 2, qtyReceived: 0, vendorName: 'Ingram Micro' })]);
    expect(detail.history.map((e) => [e.type, e.toState])).toEqual([
      ['purchaseOrder', 'onOrder'],
      ['ordered', 'needToOrder'],
      ['created', 'needToOrder'],
    ]);
    expect(page({ status: 'onOrder' }).rows.map((r) => r.chargeId)).toEqual([cables.id, laptops.id]);
    // The queues' badges: nothing left to order; the order's two lines and the stock line to receive; the picked cables to deliver.
    expect(t.ok('purchasing.queueCounts', {})).toEqual({ approvals: 0, fulfillment: 0, receiving: 3, delivery: 1 });
  });

  it('counts each queue for its navigation badge', () => {
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 10 });
    t.ok('sales.createCharge', { containerId: project.id, productId: w.laptop.id, quantity: 2 });
    expect(t.ok('purchasing.queueCounts', {})).toEqual({ approvals: 0, fulfillment: 2, receiving: 0, delivery: 0 });
    t.ok('stock.pick', { chargeId: cables.id, locationId: w.main.id, qty: 4 });
    expect(t.ok('purchasing.queueCounts', {})).toMatchObject({ fulfillment: 2, delivery: 1 });
    const big = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.laptop.id, qty: 50, locationId: w.main.id }] });
    t.ok('settings.update', { approvalThreshold: 1 });
    t.ok('purchasing.requestApproval', { id: big.id });
    expect(t.ok('purchasing.queueCounts', {})).toMatchObject({ approvals: 1 });
  });

  it('adds charges to a New order of the same vendor, or refuses and changes nothing', () => {
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 10 });
    const laptops = t.ok('sales.createCharge', { containerId: project.id, productId: w.laptop.id, quantity: 2 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: cables.id, qty: 3 }] });
    expect(po.purchaseForCompanyId).toBe(acme.id);
    const licence = t.ok('catalog.createProduct', { sku: 'LIC-M365', name: 'M365 licence', unitCost: 100_000, unitPrice: 120_000, msrp: 130_000, serialized: false, trackedInStock: false });
    const licences = t.ok('sales.createCharge', { containerId: ticket.id, productId: licence.id, quantity: 5 });
    const onHold = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 1, onHold: true, holdNote: 'wait' });
    const before = hash();
    const refuse = (input: Record<string, unknown>) => t.fail('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, ...input } as never);
    expect(refuse({ vendorId: other.id, charges: [{ chargeId: laptops.id }] })).toMatchObject({ code: 'VENDOR_NOT_LINKED', details: { sku: w.laptop.sku } });
    expect(refuse({ charges: [{ chargeId: laptops.id }, { chargeId: laptops.id }] })).toMatchObject({ code: 'VALIDATION', details: { line: 1 } });
    expect(refuse({ charges: [{ chargeId: laptops.id }, { chargeId: licences.id }] })).toMatchObject({ code: 'NOT_TRACKED', details: { line: 1, number: licences.number } });
    expect(refuse({ charges: [{ chargeId: onHold.id }] })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(refuse({ charges: [{ chargeId: 9999 }] }).code).toBe('NOT_FOUND');
    expect(refuse({ locationId: 2, charges: [{ chargeId: laptops.id }] }).code).toBe('LOCATION_VIRTUAL');
    expect(refuse({ vendorId: acme.id, charges: [{ chargeId: laptops.id }] }).code).toBe('VALIDATION');
    expect(refuse({ charges: [] }).code).toBe('VALIDATION');
    const tdOrder = t.ok('purchasing.createOrder', { vendorId: other.id, lines: [] });
    const after = hash();
    expect(refuse({ orderId: tdOrder.id, charges: [{ chargeId: laptops.id }] })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'orderId', code: 'otherVendor' }] } });
    expect(hash()).toEqual(after);
    expect(after).not.toEqual(before);

    const added = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, orderId: po.id, locationId: w.shelf.id, charges: [{ chargeId: laptops.id }, { chargeId: cables.id }] });
    expect(added.lines.map((l) => [l.lineNo, l.chargeNumber, l.qtyOrdered, l.locationName])).toEqual([
      [1, cables.number, 3, w.main.name],
      [2, laptops.number, 2, w.shelf.name],
      [3, cables.number, 7, w.shelf.name],
    ]);
    expect(t.ok('purchasing.history', { id: po.id })[0]).toMatchObject({ type: 'chargesAdded', details: { lines: 2, charges: [laptops.number, cables.number] } });
    t.ok('purchasing.submit', { id: po.id });
    expect(refuse({ orderId: po.id, charges: [{ chargeId: onHold.id }] }).code).toBe('INVALID_TRANSITION');
  });
});

describe('receiving for charges', () => {
  const ordered = (quantity: number, qty?: number) => {
    const c = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: c.id, ...(qty ? { qty } : {}) }] });
    t.ok('purchasing.submit', { id: po.id });
    return { c, po, line: po.lines[0]! };
  };

  it('picks the received units for the charge; more than it needs stays as stock; part received leaves the rest back-ordered', () => {
    const { c, line } = ordered(5, 8);
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 4, available: 4 });
    const first = t.ok('purchasing.receive', { lines: [{ lineId: line.id, qty: 2 }] });
    expect(charge(c.id)).toMatchObject({ status: 'onOrder', picked: 2, onOrder: 6, backOrdered: 6 });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 6, picked: 2, available: 4 });
    t.ok('purchasing.receive', { lines: [{ lineId: line.id, qty: 6 }] });
    const detail = charge(c.id);
    expect(detail).toMatchObject({ status: 'ready', picked: 5, onOrder: 0 });
    // 8 received for a charge of 5: the other 3 are stock anyone may take.
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 12, picked: 5, available: 7 });
    expect(detail.history.filter((e) => e.type === 'receivedPicked').map((e) => [e.details.receiptNumber, e.details.qty, e.toState])).toEqual([
      ['RCV-1002', 3, 'ready'],
      [first.number, 2, 'onOrder'],
    ]);
    // The inventory history shows the picks, linked to the charge.
    const picks = t.ok('stock.history', { productId: w.cable.id }).rows.filter((r) => r.type === 'stock.picked');
    expect(picks.map((r) => [r.qty, r.documentType, r.documentId])).toEqual([
      [3, 'charge', c.id],
      [2, 'charge', c.id],
    ]);
  });

  it('cancelling the receipt releases its picks and puts the charge back On Order; after a delivery it is refused, naming the delivery', () => {
    const laptops = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: laptops.id }] });
    t.ok('purchasing.submit', { id: po.id });
    const receipt = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['SN-1', 'SN-2'] }] });
    expect(charge(laptops.id)).toMatchObject({ status: 'ready', picked: 2 });
    t.ok('purchasing.cancelReceipt', { id: receipt.id, reason: 'wrong serials' });
    expect(charge(laptops.id)).toMatchObject({ status: 'onOrder', picked: 0, onOrder: 2 });
    const again = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['SN-1', 'SN-3'] }] });
    const delivery = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: laptops.id, serials: ['SN-3'] }] });
    const before = hash();
    expect(t.fail('purchasing.cancelReceipt', { id: again.id, reason: 'x' })).toMatchObject({ code: 'RECEIPT_DELIVERED', details: { number: again.number, deliveries: [delivery.number] } });
    expect(hash()).toEqual(before);
  });

  it('received straight to the client, delivers the charge with its devices; the receipt is cancelled, not the delivery', () => {
    const laptops = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: laptops.id }] });
    t.ok('purchasing.submit', { id: po.id });
    const receipt = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['SN-7', 'SN-8'], destination: 'customer' }] });
    const detail = charge(laptops.id);
    expect(detail).toMatchObject({ status: 'delivered', delivered: 2, picked: 0, deliveredCost: String(2 * 8_500_000) });
    expect(detail.deliveries).toEqual([expect.objectContaining({ qty: 2, serials: ['SN-7', 'SN-8'], locationName: 'Vendor' })]);
    const devices = t.ok('devices.list', { companyId: acme.id }).rows;
    expect(devices.map((d) => [d.serialNumber, d.chargeNumber, d.status])).toEqual(expect.arrayContaining([['SN-7', laptops.number, 'installed'], ['SN-8', laptops.number, 'installed']]));
    const deliveryId = detail.deliveries[0]!.deliveryId;
    const before = hash();
    expect(t.fail('delivery.reverse', { id: deliveryId, reason: 'x' })).toMatchObject({ code: 'DELIVERED_BY_RECEIPT', details: { receiptNumber: receipt.number } });
    expect(hash()).toEqual(before);
    t.ok('purchasing.cancelReceipt', { id: receipt.id, reason: 'not ours' });
    expect(charge(laptops.id)).toMatchObject({ status: 'onOrder', delivered: 0, deliveredCost: '0', onOrder: 2 });
    expect(t.ok('devices.list', { companyId: acme.id }).rows.every((d) => d.status === 'voided')).toBe(true);
    expect(t.ok('delivery.get', { id: deliveryId }).status).toBe('reversed');
  });

  it('received straight to another client, the units are that client\'s: the charge needs them ordered again', () => {
    const { c, line } = ordered(3);
    t.ok('purchasing.receive', { lines: [{ lineId: line.id, qty: 3, destination: 'customer', companyId: globex.id }] });
    expect(charge(c.id)).toMatchObject({ status: 'needToOrder', onOrder: 0, picked: 0, delivered: 0 });
    expect(charge(c.id).history[0]).toMatchObject({ type: 'purchaseOrder', fromState: 'onOrder', toState: 'needToOrder', details: { action: 'receive' } });
    expect(page().rows.map((r) => [r.chargeId, r.toOrder])).toEqual([[c.id, 3]]);
  });

  it('a charge on hold or canceled takes nothing: the units are stock', () => {
    const { c, line } = ordered(3);
    t.ok('sales.holdCharge', { id: c.id, note: 'client paused' });
    t.ok('purchasing.receive', { lines: [{ lineId: line.id, qty: 3 }] });
    expect(charge(c.id)).toMatchObject({ status: 'pending', picked: 0 });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 7, available: 7 });
  });
});

describe('reductions and cancellations', () => {
  it('reducing a linked line or cancelling the order returns the unfilled quantity to Need to Order/Fulfill', () => {
    const c = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 5 });
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: c.id }] });
    t.ok('purchasing.submit', { id: po.id });
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2 }] });
    t.ok('purchasing.reduceLine', { id: po.lines[0]!.id, qty: 3, reason: 'discontinued' });
    expect(charge(c.id)).toMatchObject({ status: 'needToOrder', picked: 2, onOrder: 0 });
    expect(page().rows[0]).toMatchObject({ chargeId: c.id, toOrder: 3 });

    const again = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: c.id }] });
    t.ok('purchasing.submit', { id: again.id });
    expect(charge(c.id).status).toBe('onOrder');
    t.ok('purchasing.cancelOrder', { id: again.id, reason: 'vendor out' });
    const detail = charge(c.id);
    expect(detail.status).toBe('needToOrder');
    expect(detail.history[0]).toMatchObject({ type: 'purchaseOrder', fromState: 'onOrder', toState: 'needToOrder', details: { orderNumber: again.number, action: 'cancel' } });
    expect(page().rows[0]).toMatchObject({ toOrder: 3, orders: [{ number: po.number }] });
  });

  it("a sales order shows each item's ordered and received units", () => {
    const o = t.ok('sales.createOpportunity', { companyId: acme.id, title: 'Refresh' });
    t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: w.laptop.id, quantity: 3 });
    const won = t.ok('sales.winOpportunity', { id: o.id, target: { containerId: ticket.id } });
    const so = t.ok('sales.getSalesOrder', { id: won.id });
    const chargeId = so.items[0]!.chargeId;
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId }] });
    t.ok('purchasing.submit', { id: po.id });
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 1, serials: ['SO-1'] }] });
    const after = t.ok('sales.getSalesOrder', { id: won.id });
    expect(after.status).toBe('inProgress');
    expect(after.items[0]).toMatchObject({ ordered: 3, received: 1, picked: 1, delivered: 0, status: 'onOrder' });

    // Cancelling the order cancels the charge and releases its pick; the line stays an order for stock.
    t.ok('sales.cancelSalesOrder', { id: won.id, reason: 'client changed their mind' });
    expect(charge(chargeId)).toMatchObject({ status: 'canceled', picked: 0 });
    expect(t.ok('purchasing.getOrder', { id: po.id }).status).toBe('receivedPartial');
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['SO-2', 'SO-3'] }] });
    expect(item(w.laptop.id, w.main.id)).toMatchObject({ onHand: 3, picked: 0, available: 3 });
    expect(page({ status: 'onOrder' }).rows).toEqual([]);
  });
});

describe('approval of charges', () => {
  const threshold = 10_000_000; // 1,000.00: two laptops at 900.00 reach it, cables do not.
  const approverUser = () => t.addUser({ username: 'approver', displayName: 'Approver', permissions: ['inventory.view', 'purchasing.approve', 'costs.view'] });

  it('sends a charge whose extended cost reaches the threshold to Waiting Approval; an approver lets it on, once', () => {
    t.ok('settings.update', { approvalThreshold: threshold });
    const laptops = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 10 });
    expect([laptops.status, cables.status]).toEqual(['waitingApproval', 'needToOrder']);
    const clerk = t.addUser({ username: 'clerk', permissions: ['inventory.view', 'sales.manage'] });
    // Not bought before it is approved, and not on the Purchasing & Fulfillment page.
    const before = hash();
    expect(t.fail('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: laptops.id }] }).code).toBe('INVALID_TRANSITION');
    expect(hash()).toEqual(before);
    expect(page().rows.map((r) => r.chargeId)).toEqual([cables.id]);
    // Its creator may not approve it (the setting is off); a user without the permission may not either.
    expect(t.fail('sales.approveCharge', { id: laptops.id })).toMatchObject({ code: 'SELF_APPROVAL', details: { number: laptops.number } });
    expect(t.fail('sales.approveCharge', { id: laptops.id }, t.tokenFor(clerk.id)).code).toBe('FORBIDDEN');
    expect(hash()).toEqual(before);

    const approver = t.tokenFor(approverUser().id);
    const approved = t.ok('sales.approveCharge', { id: laptops.id, note: 'Budgeted' }, approver);
    expect(approved.status).toBe('needToOrder');
    expect(t.ok('sales.getCharge', { id: laptops.id }).history[0]).toMatchObject({ type: 'approve', fromState: 'waitingApproval', toState: 'needToOrder', details: { cost: 18_000_000, note: 'Budgeted' } });
    expect(t.fail('sales.approveCharge', { id: laptops.id }, approver).code).toBe('INVALID_TRANSITION');
    // More than was approved asks again; less or the same does not.
    expect(t.ok('sales.updateCharge', { id: laptops.id, quantity: 3, billable: true }).status).toBe('waitingApproval');
    t.ok('sales.approveCharge', { id: laptops.id }, approver);
    expect(t.ok('sales.updateCharge', { id: laptops.id, quantity: 2, billable: true }).status).toBe('needToOrder');
  });

  it('a rejection puts the charge on hold with the note; releasing it asks again; picking from stock needs no approval', () => {
    t.ok('settings.update', { approvalThreshold: threshold });
    const approver = t.tokenFor(approverUser().id);
    const laptops = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    expect(t.fail('sales.rejectCharge', { id: laptops.id, note: '' }, approver).code).toBe('VALIDATION');
    const rejected = t.ok('sales.rejectCharge', { id: laptops.id, note: 'Use the spare ones from the returns shelf' }, approver);
    expect(rejected).toMatchObject({ status: 'pending', holdNote: 'Use the spare ones from the returns shelf' });
    expect(t.ok('sales.releaseCharge', { id: laptops.id }).status).toBe('waitingApproval');
    // Filled from stock instead: nothing is bought, so nothing waits.
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 9_000_000, serials: ['AP-1', 'AP-2'], reason: null });
    t.ok('stock.pick', { chargeId: laptops.id, locationId: w.main.id, serials: ['AP-1', 'AP-2'] });
    expect(t.ok('sales.getCharge', { id: laptops.id }).status).toBe('ready');
  });

  it('no purchase is approved twice: lines bought for approved charges need no approval of their own; stock lines do', () => {
    t.ok('settings.update', { approvalThreshold: threshold });
    const approver = t.tokenFor(approverUser().id);
    const laptops = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2 });
    t.ok('sales.approveCharge', { id: laptops.id }, approver);
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: laptops.id }] });
    expect(po).toMatchObject({ needsApproval: false, approvalCleared: true });
    // Two laptops for stock on the same order: 1,700.00 nobody approved.
    const withStock = t.ok('purchasing.addLine', { orderId: po.id, productId: w.laptop.id, qty: 2, locationId: w.main.id });
    expect(withStock).toMatchObject({ needsApproval: true, approvalCleared: false });
    expect(t.fail('purchasing.submit', { id: po.id })).toMatchObject({ code: 'APPROVAL_REQUIRED', details: { total: 17_000_000 } });
  });
});
