// Containers, charges, picks and deliveries through the channels users call: every transition the
// quantities drive, every refusal (which must change nothing), and the ledger checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';
import { compareAsSqlite } from '@main/testing/sqliteOrder';
import { syncHeldCaches } from '@main/testing/ledgerDrift';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let client: { id: number };
let other: { id: number };
let licence: { id: number };
let ticket: { id: number; number: string };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, address1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28001', country: 'Spain' });
  other = t.ok('catalog.createCompany', { name: 'Beta Legal', isClient: true });
  licence = t.ok('catalog.createProduct', { sku: 'M365-BP', name: 'Microsoft 365 Business Premium', unitCost: 180_000, unitPrice: 220_000, msrp: 220_000, serialized: false, trackedInStock: false, doesNotRequireProcurement: true });
  t.ok('catalog.updateProduct', { id: w.laptop.id, sku: 'LT-T14', name: 'ThinkPad T14', categoryId: w.category.id, unitCost: 9_000_000, unitPrice: 12_000_000, msrp: 13_000_000, serialized: true, warrantyMonths: 36 });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 12_000, reason: null });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.van.id, qty: 5, costMethod: 'manual', unitCost: 11_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-A', 'LT-B', 'LT-C'], reason: null });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New starter kit', companyId: client.id, ownerUserId: w.tech.id });
});
afterEach(() => {
  const report = t.ok('stock.verifyLedger', {});
  expect(report.differences).toEqual([]);
  t.close();
});

const charge = (productId: number, quantity: number, extra: Partial<{ unitPrice: number; onHold: boolean; containerId: number }> = {}) =>
  t.ok('sales.createCharge', { containerId: ticket.id, productId, quantity, ...extra });
const item = (productId: number, locationId: number) => t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]!;

describe('containers', () => {
  it('numbers contracts, projects and tickets in their own series and links a ticket to its contract', () => {
    expect(ticket.number).toMatch(/^TKT-\d+$/);
    const contract = t.ok('sales.createContainer', { kind: 'contract', title: 'Managed services 2027', companyId: client.id });
    const project = t.ok('sales.createContainer', { kind: 'project', title: 'Office move', companyId: client.id, contractId: contract.id });
    expect(contract.number).toMatch(/^CTR-/);
    expect(project).toMatchObject({ number: expect.stringMatching(/^PRJ-/), contractNumber: contract.number, companyName: 'Acme Dental' });
    expect(t.fail('sales.createContainer', { kind: 'ticket', title: 'x', companyId: other.id, contractId: contract.id })).toMatchObject({ code: 'VALIDATION' });
    expect(t.fail('sales.createContainer', { kind: 'contract', title: 'x', companyId: client.id, contractId: contract.id })).toMatchObject({ code: 'VALIDATION' });
    expect(t.ok('sales.listContainers', { companyId: client.id }).rows.map((c) => c.number).sort()).toEqual([contract.number, project.number, ticket.number].sort());
    expect(t.ok('sales.listContainers', { q: 'office' }).rows.map((c) => c.id)).toEqual([project.id]);
  });

  it('takes no new charges once closed, and again once reopened', () => {
    t.ok('sales.setContainerStatus', { id: ticket.id, action: 'close' });
    expect(t.fail('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 1 })).toMatchObject({ code: 'CONTAINER_CLOSED', details: { number: ticket.number } });
    expect(t.fail('sales.setContainerStatus', { id: ticket.id, action: 'close' }).code).toBe('INVALID_TRANSITION');
    t.ok('sales.setContainerStatus', { id: ticket.id, action: 'reopen' });
    charge(w.cable.id, 1);
  });
});

describe('charge status follows quantities', () => {
  it('starts at Need to Order, Ready once every unit is picked, back when unpicked', () => {
    const c = charge(w.cable.id, 4);
    expect(c).toMatchObject({ status: 'needToOrder', needed: 4, unitPrice: 40_000, extendedPrice: '160000', description: 'Cat6 cable 2 m', costIsEstimate: true });
    // The estimate: the catalogue cost until units are picked.
    expect(c.estimatedCost).toBe('60000');
    const partly = t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 3 });
    expect(partly).toMatchObject({ status: 'needToOrder', picked: 3, needed: 1, estimatedCost: String(3 * 10_000 + 15_000) });
    const full = t.ok('stock.pick', { chargeId: c.id, locationId: w.van.id, qty: 1 });
    expect(full).toMatchObject({ status: 'ready', picked: 4, needed: 0, estimatedCost: String(3 * 10_000 + 11_000), margin: String(160_000 - 41_000) });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 20, picked: 3, available: 17 });
    expect(item(w.cable.id, w.van.id)).toMatchObject({ onHand: 5, picked: 1, available: 4 });
    const back = t.ok('stock.unpick', { chargeId: c.id, locationId: w.van.id });
    expect(back).toMatchObject({ status: 'needToOrder', picked: 3 });
    expect(item(w.cable.id, w.van.id)).toMatchObject({ picked: 0, available: 5 });
    const history = t.ok('sales.getCharge', { id: c.id }).history;
    expect(history.map((e) => [e.type, e.fromState, e.toState])).toEqual([
      ['unpicked', 'ready', 'needToOrder'],
      ['picked', 'needToOrder', 'ready'],
      ['picked', 'needToOrder', 'needToOrder'],
      ['created', null, 'needToOrder'],
    ]);
  });

  it('starts Ready when the product needs no procurement, and Pending when created on hold', () => {
    expect(charge(licence.id, 5).status).toBe('ready');
    const held = charge(w.cable.id, 2, { onHold: true });
    expect(held.status).toBe('pending');
    // Picks made while on hold are refused; releasing re-evaluates from the quantities.
    expect(t.fail('stock.pick', { chargeId: held.id, locationId: w.main.id, qty: 1 }).code).toBe('INVALID_TRANSITION');
    expect(t.ok('sales.releaseCharge', { id: held.id }).status).toBe('needToOrder');
    const picked = charge(w.cable.id, 1);
    t.ok('stock.pick', { chargeId: picked.id, locationId: w.main.id, qty: 1 });
    t.ok('sales.holdCharge', { id: picked.id, note: 'client asked to wait' });
    expect(t.ok('sales.getCharge', { id: picked.id })).toMatchObject({ status: 'pending', holdNote: 'client asked to wait', picked: 1 });
    expect(t.ok('sales.releaseCharge', { id: picked.id })).toMatchObject({ status: 'ready', holdNote: null });
  });

  it('re-evaluates when the quantity is edited, never below what is picked and delivered', () => {
    const c = charge(w.cable.id, 2);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 2 });
    expect(t.ok('sales.updateCharge', { id: c.id, quantity: 3, billable: true }).status).toBe('needToOrder');
    expect(t.fail('sales.updateCharge', { id: c.id, quantity: 1, billable: true })).toMatchObject({ code: 'OVER_PICK', details: { picked: 2, delivered: 0 } });
    expect(t.ok('sales.updateCharge', { id: c.id, quantity: 2, unitPrice: 35_000, billable: false })).toMatchObject({ status: 'ready', unitPrice: 35_000, billable: false });
  });

  it('cancels with its picks released, and refuses once anything is delivered', () => {
    const c = charge(w.cable.id, 3);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 3 });
    expect(t.ok('sales.cancelCharge', { id: c.id, reason: 'client changed their mind' })).toMatchObject({ status: 'canceled', picked: 0, cancelReason: 'client changed their mind' });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ picked: 0, available: 20 });
    expect(t.fail('sales.cancelCharge', { id: c.id }).code).toBe('ALREADY_REVERSED');
    const d = charge(w.cable.id, 2);
    t.ok('stock.pick', { chargeId: d.id, locationId: w.main.id, qty: 2 });
    const dlv = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: d.id, qty: 1 }] });
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('sales.cancelCharge', { id: d.id })).toMatchObject({ code: 'CHARGE_DELIVERED', details: { deliveries: [dlv.number] } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});

describe('picking', () => {
  it('refuses beyond what is available there or still needed, and changes nothing', () => {
    const c = charge(w.cable.id, 4);
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 5 })).toMatchObject({ code: 'OVER_PICK', details: { needed: 4, requested: 5 } });
    expect(t.fail('stock.pick', { chargeId: c.id, locationId: w.shelf.id, qty: 1 })).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 0, requested: 1 } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('takes the oldest free lots first and never a unit held by another charge', () => {
    const a = charge(w.cable.id, 12);
    const b = charge(w.cable.id, 10);
    t.ok('stock.pick', { chargeId: a.id, locationId: w.main.id, qty: 12 });
    const detail = t.ok('sales.getCharge', { id: a.id });
    expect(detail.picks.map((p) => [p.qty, p.unitCost]).sort()).toEqual([
      [10, 10_000],
      [2, 12_000],
    ]);
    expect(t.fail('stock.pick', { chargeId: b.id, locationId: w.main.id, qty: 9 })).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 8 } });
    t.ok('stock.pick', { chargeId: b.id, locationId: w.main.id, qty: 8 });
  });

  it('picks serials by name, refuses a serial held by another charge naming what holds it', () => {
    const a = charge(w.laptop.id, 1);
    const b = charge(w.laptop.id, 2);
    t.ok('stock.pick', { chargeId: a.id, locationId: w.main.id, serials: ['lt-a'] });
    expect(t.fail('stock.pick', { chargeId: b.id, locationId: w.main.id, serials: ['LT-A'] })).toMatchObject({
      code: 'SERIAL_UNAVAILABLE',
      details: { serial: 'LT-A', heldBy: 'picked', document: { type: 'charge', id: a.id } },
    });
    expect(t.fail('stock.pick', { chargeId: b.id, locationId: w.main.id, qty: 1 }).code).toBe('SERIAL_REQUIRED');
    expect(t.fail('stock.unpick', { chargeId: b.id, serials: ['LT-A'] })).toMatchObject({ code: 'NOT_PICKED', details: { serials: ['LT-A'] } });
    expect(t.ok('stock.unpick', { chargeId: a.id, serials: ['LT-A'] }).picked).toBe(0);
  });

  it('refuses a removal, transfer or count that would take held units', () => {
    const c = charge(w.laptop.id, 1);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: ['LT-B'] });
    expect(t.fail('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['LT-B'], destination: 'scrap', reason: 'broken' })).toMatchObject({
      code: 'SERIAL_UNAVAILABLE',
      details: { document: { type: 'charge', id: c.id, number: c.number } },
    });
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.laptop.id, serials: ['LT-B'] }] }).code).toBe('SERIAL_UNAVAILABLE');
    const d = charge(w.cable.id, 20);
    t.ok('stock.pick', { chargeId: d.id, locationId: w.main.id, qty: 20 });
    expect(t.fail('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 1, destination: 'scrap', reason: 'cut' })).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { available: 0, requested: 1, heldBy: [d.number] },
    });
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 2 }] })).toMatchObject({ details: { heldBy: [d.number] } });
    const count = t.ok('stock.startCount', { locationId: w.main.id, note: null });
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 15 });
    expect(t.fail('stock.postCount', { id: count.id, reason: 'recount' }).code).toMatch(/INSUFFICIENT_STOCK|SERIAL_UNAVAILABLE/);
  });

  it("transfers picked units to the technician's van, where they stay picked for the charge", () => {
    const c = charge(w.laptop.id, 2);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: ['LT-A', 'LT-C'] });
    const trf = t.ok('stock.transferPicked', { chargeId: c.id, fromLocationId: w.main.id, toLocationId: w.van.id, serials: ['LT-C'] });
    expect(trf.number).toMatch(/^TRF-/);
    const detail = t.ok('sales.getCharge', { id: c.id });
    expect(detail.picks.map((p) => [p.serialNumber, p.locationName]).sort()).toEqual([
      ['LT-A', 'Main warehouse'],
      ['LT-C', 'Van Tech'],
    ]);
    expect(detail.status).toBe('ready');
    expect(item(w.laptop.id, w.van.id)).toMatchObject({ onHand: 1, picked: 1, available: 0 });
    expect(t.fail('stock.transferPicked', { chargeId: c.id, fromLocationId: w.main.id, toLocationId: w.van.id, serials: ['LT-B'] }).code).toBe('NOT_PICKED');
  });

  it('needs the pick permission', () => {
    const c = charge(w.cable.id, 1);
    const tech = t.tokenFor(w.tech.id);
    expect(t.fail('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 1 }, tech)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.pick' } });
    expect(t.fail('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] }, tech)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.deliver' } });
    expect(t.fail('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 1 }, tech)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'sales.manage' } });
  });
});

describe('delivering', () => {
  it('delivers one charge on two lines of one shipment, each taking part of the same picked lot', () => {
    const c = charge(w.cable.id, 5);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 5 });
    const dlv = t.ok('delivery.deliver', { method: 'ship', lines: [{ chargeId: c.id, qty: 3 }, { chargeId: c.id, qty: 2 }] });
    expect(t.ok('delivery.get', { id: dlv.id }).lines.map((l) => l.qty)).toEqual([3, 2]);
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ status: 'delivered', delivered: 5, picked: 0 });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ picked: 0 });
    // A third line asking for more than the charge holds is refused, naming what is left.
    const d = charge(w.cable.id, 2);
    t.ok('stock.pick', { chargeId: d.id, locationId: w.main.id, qty: 2 });
    expect(t.fail('delivery.deliver', { method: 'deliver', lines: [{ chargeId: d.id, qty: 1 }, { chargeId: d.id, qty: 2 }] })).toMatchObject({
      code: 'NOT_PICKED',
      details: { number: d.number, picked: 1, requested: 2, line: 1 },
    });
  });

  it('moves picked units to Customer at their cost, records the exact delivered cost and creates devices', () => {
    const c = charge(w.laptop.id, 2, { unitPrice: 11_000_000 });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: ['LT-A', 'LT-B'] });
    const dlv = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
    expect(dlv.number).toMatch(/^DLV-\d+$/);
    const after = t.ok('sales.getCharge', { id: c.id });
    expect(after).toMatchObject({ status: 'delivered', delivered: 2, picked: 0, deliveredCost: '16000000', estimatedCost: '16000000', costIsEstimate: false, margin: '6000000' });
    expect(after.deliveries).toMatchObject([{ deliveryNumber: dlv.number, qty: 2, cost: '16000000', serials: ['LT-A', 'LT-B'] }]);
    expect(item(w.laptop.id, w.main.id)).toMatchObject({ onHand: 1, picked: 0 });
    const devices = t.ok('devices.list', { serial: 'lt-a' }).rows;
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ serialNumber: 'LT-A', companyName: 'Acme Dental', containerNumber: ticket.number, chargeNumber: c.number, deliveryNumber: dlv.number, status: 'installed' });
    // A 36-month warranty from the day it was installed.
    const installed = new Date(devices[0]!.installedAt);
    expect(new Date(devices[0]!.warrantyEnd!).getUTCFullYear()).toBe(installed.getUTCFullYear() + 3);
    const device = t.ok('devices.get', { id: devices[0]!.id });
    expect(device.moves.map((m) => [m.fromName, m.toName, m.documentNumber?.slice(0, 3)])).toEqual([
      ['Adjustment', 'Main warehouse', 'ADJ'],
      ['Main warehouse', 'Customer', 'DLV'],
    ]);
    expect(device.unitCost).toBe(8_000_000);
    const history = t.ok('stock.history', { serial: 'LT-A' }).rows.map((r) => r.type);
    expect(history).toEqual(expect.arrayContaining(['delivery', 'stock.picked']));
  });

  it('delivers partially from two locations, then the rest, and ships with tracking and freight', () => {
    const project = t.ok('sales.createContainer', { kind: 'project', title: 'Office move', companyId: client.id });
    const c = charge(w.cable.id, 8, { containerId: project.id });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 5 });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.van.id, qty: 3 });
    const open = t.ok('delivery.listOpen', { companyId: client.id }).rows;
    expect(open.map((l) => [l.locationName, l.qty]).sort()).toEqual([
      ['Main warehouse', 5],
      ['Van Tech', 3],
    ]);
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id, locationId: w.van.id, qty: 2 }] });
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ status: 'ready', delivered: 2, picked: 6, deliveredCost: '22000' });
    const shipped = t.ok('delivery.deliver', {
      method: 'ship',
      lines: [{ chargeId: c.id }],
      carrier: 'SEUR',
      trackingNumber: 'SE123456789',
      shipDate: '2026-01-16',
      freightPrice: 95_000,
    });
    const doc = t.ok('delivery.get', { id: shipped.id });
    expect(doc).toMatchObject({ method: 'ship', carrier: 'SEUR', trackingNumber: 'SE123456789', shipToName: 'Acme Dental', units: 6, lineCount: 2 });
    expect(doc.shipToAddress).toContain('Madrid');
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ status: 'delivered', delivered: 8, picked: 0, deliveredCost: String(2 * 11_000 + 5 * 10_000 + 11_000) });
    const freight = t.ok('sales.getCharge', { id: doc.freightChargeId! });
    expect(freight).toMatchObject({ kind: 'freight', status: 'delivered', unitPrice: 95_000, containerId: project.id });
    expect(t.ok('delivery.listOpen', { companyId: client.id }).rows).toEqual([]);
  });

  it('delivers a product not tracked in stock with no move, at catalogue cost', () => {
    const c = charge(licence.id, 5);
    expect(t.ok('delivery.listOpen', {}).rows).toMatchObject([{ chargeId: c.id, locationId: null, qty: 5 }]);
    expect(t.fail('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 1 }).code).toBe('NOT_TRACKED');
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id, qty: 5 }] });
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ status: 'delivered', deliveredCost: String(5 * 180_000) });
    expect(t.ok('stock.history', { productId: licence.id }).rows).toEqual([]);
  });

  it('pages the Delivery & Shipping lines in charge order, picked and not-stocked lines merged, the same rows as one page', () => {
    const made: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = charge(w.cable.id, 2);
      t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 1 });
      t.ok('stock.pick', { chargeId: c.id, locationId: w.van.id, qty: 1 });
      made.push(c.id);
      made.push(charge(licence.id, 1).id);
    }
    const all = t.ok('delivery.listOpen', { pageSize: 50 }).rows.map((r) => `${r.chargeId}:${r.locationId ?? '-'}`);
    expect(all).toHaveLength(9);
    expect(all.map((k) => Number(k.split(':')[0]))).toEqual([...all.map((k) => Number(k.split(':')[0]))].sort((a, b) => a - b));
    const paged = [1, 2, 3, 4, 5].flatMap((page) => t.ok('delivery.listOpen', { page, pageSize: 2 }).rows.map((r) => `${r.chargeId}:${r.locationId ?? '-'}`));
    expect(paged).toEqual(all);
    const down = t.ok('delivery.listOpen', { pageSize: 50, sortDirection: 'desc' }).rows.map((r) => r.chargeId);
    expect(down[0]).toBe(Math.max(...made));
    expect(t.ok('delivery.listOpen', { pageSize: 2 }).total).toBe(9);
  });

  it('sorts the Delivery & Shipping lines by client, product and location as a plain sort of every line would, paged alike', () => {
    const project = t.ok('sales.createContainer', { kind: 'project', title: 'Office move', companyId: other.id });
    const router = t.ok('catalog.createProduct', { sku: 'RT-1', name: 'Cat6 cable 2 m', unitCost: 10_000, unitPrice: 20_000, msrp: 20_000, serialized: false });
    t.ok('stock.add', { productId: router.id, locationId: w.van.id, qty: 4, costMethod: 'manual', unitCost: 10_000, reason: null });
    for (const [index, containerId] of [ticket.id, project.id].entries()) {
      const cable = charge(w.cable.id, 3, { containerId });
      t.ok('stock.pick', { chargeId: cable.id, locationId: w.main.id, qty: 2 });
      t.ok('stock.pick', { chargeId: cable.id, locationId: w.van.id, qty: 1 });
      t.ok('stock.pick', { chargeId: charge(router.id, 2, { containerId }).id, locationId: w.van.id, qty: 2 });
      t.ok('stock.pick', { chargeId: charge(w.laptop.id, 1, { containerId }).id, locationId: w.main.id, serials: [['LT-A', 'LT-B'][index]!] });
      charge(licence.id, 2, { containerId });
    }
    const all = t.ok('delivery.listOpen', { pageSize: 100 }).rows;
    expect(all).toHaveLength(10);
    const keyOf = (r: (typeof all)[number]) => `${r.chargeId}:${r.locationId ?? '-'}`;
    const sortKeys = {
      companyName: (r: (typeof all)[number]) => [r.companyName, r.chargeId, r.locationId],
      productName: (r: (typeof all)[number]) => [r.productName, r.productId, r.chargeId, r.locationId],
      locationName: (r: (typeof all)[number]) => [r.locationName, r.chargeId, r.locationId],
    };
    for (const [sortBy, key] of Object.entries(sortKeys) as [keyof typeof sortKeys, (r: (typeof all)[number]) => (string | number | null)[]][]) {
      for (const sortDirection of ['asc', 'desc'] as const) {
        const expected = [...all]
          .sort((a, b) => {
            const [ka, kb] = [key(a), key(b)];
            for (let i = 0; i < ka.length; i++) {
              const c = compareAsSqlite(ka[i]!, kb[i]!);
              if (c !== 0) return sortDirection === 'asc' ? c : -c;
            }
            return 0;
          })
          .map(keyOf);
        expect(t.ok('delivery.listOpen', { pageSize: 100, sortBy, sortDirection }).rows.map(keyOf), `${sortBy} ${sortDirection}`).toEqual(expected);
        const paged = [1, 2, 3, 4, 5].flatMap((page) => t.ok('delivery.listOpen', { page, pageSize: 3, sortBy, sortDirection }).rows.map(keyOf));
        expect(paged, `${sortBy} ${sortDirection} paged`).toEqual(expected);
        const vanOnly = t.ok('delivery.listOpen', { pageSize: 100, sortBy, sortDirection, locationId: w.van.id }).rows.map(keyOf);
        expect(vanOnly).toEqual(expected.filter((k) => k.endsWith(`:${w.van.id}`)));
        const oneClient = t.ok('delivery.listOpen', { pageSize: 100, sortBy, sortDirection, companyId: other.id, q: 'cable' }).rows;
        expect(oneClient.map(keyOf)).toEqual(
          expected.filter((k) => all.some((r) => keyOf(r) === k && r.companyId === other.id && /cable/i.test(`${r.sku} ${r.productName}`))),
        );
      }
    }
  });

  it('refuses units not picked for the charge, more than picked, or two clients in one delivery, changing nothing', () => {
    const a = charge(w.cable.id, 3);
    const ticket2 = t.ok('sales.createContainer', { kind: 'ticket', title: 'Printer', companyId: other.id });
    const b = t.ok('sales.createCharge', { containerId: ticket2.id, productId: w.cable.id, quantity: 1 });
    t.ok('stock.pick', { chargeId: a.id, locationId: w.main.id, qty: 2 });
    t.ok('stock.pick', { chargeId: b.id, locationId: w.main.id, qty: 1 });
    const c = charge(w.laptop.id, 1);
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('delivery.deliver', { method: 'deliver', lines: [{ chargeId: a.id, qty: 3 }] })).toMatchObject({ code: 'NOT_PICKED', details: { picked: 2, requested: 3 } });
    expect(t.fail('delivery.deliver', { method: 'deliver', lines: [{ chargeId: a.id }, { chargeId: b.id }] })).toMatchObject({ code: 'COMPANY_MISMATCH', details: { line: 1 } });
    expect(t.fail('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] }).code).toBe('NOT_PICKED');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('reverses a delivery: units back where they left, picked again, devices voided, freight canceled', () => {
    const c = charge(w.laptop.id, 2);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: ['LT-A', 'LT-B'] });
    const dlv = t.ok('delivery.deliver', { method: 'ship', lines: [{ chargeId: c.id }], freightPrice: 50_000, carrier: 'MRW' });
    const freightId = t.ok('delivery.get', { id: dlv.id }).freightChargeId!;
    t.ok('delivery.reverse', { id: dlv.id, reason: 'wrong client' });
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ status: 'ready', delivered: 0, picked: 2, deliveredCost: '0' });
    expect(t.ok('sales.getCharge', { id: freightId }).status).toBe('canceled');
    expect(t.ok('devices.list', { serial: 'LT-A' }).rows).toEqual([]);
    expect(t.ok('devices.list', { serial: 'LT-A', includeVoided: true }).rows[0]!.status).toBe('voided');
    expect(t.ok('delivery.get', { id: dlv.id })).toMatchObject({ status: 'reversed', reverseReason: 'wrong client' });
    expect(item(w.laptop.id, w.main.id)).toMatchObject({ onHand: 3, picked: 2 });
    expect(t.fail('delivery.reverse', { id: dlv.id, reason: 'again' }).code).toBe('ALREADY_REVERSED');
    // Delivered again, a new device per unit.
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
    expect(t.ok('devices.list', { serial: 'LT-A' }).rows).toHaveLength(1);
  });
});

describe('units to a client outside a charge', () => {
  it('leave on a delivery document with a reason, never as a bare transfer', () => {
    const dlv = t.ok('delivery.sendToClient', { companyId: client.id, fromLocationId: w.main.id, reason: 'Loan while theirs is repaired', lines: [{ productId: w.laptop.id, serials: ['LT-C'] }] });
    expect(t.ok('delivery.get', { id: dlv.id })).toMatchObject({ reason: 'Loan while theirs is repaired', lines: [{ chargeId: null, serials: ['LT-C'] }] });
    expect(t.ok('devices.list', { companyId: client.id }).rows.map((d) => d.serialNumber)).toEqual(['LT-C']);
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: 2, lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('LOCATION_VIRTUAL');
    expect(t.fail('delivery.sendToClient', { companyId: client.id, fromLocationId: w.main.id, reason: '', lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('VALIDATION');
  });

  it('ship with carrier, tracking and another address; devices list by client name as a plain sort would, paged alike', () => {
    const shipped = t.ok('delivery.sendToClient', {
      companyId: other.id,
      fromLocationId: w.main.id,
      reason: 'Replacement under warranty',
      method: 'ship',
      carrier: 'SEUR',
      trackingNumber: 'SE123',
      shipToName: 'Beta Legal – Valencia office',
      shipToAddress: 'Calle Colón 5\n46004 Valencia',
      lines: [{ productId: w.laptop.id, serials: ['LT-B', 'LT-A'] }],
    });
    expect(t.ok('delivery.get', { id: shipped.id })).toMatchObject({ method: 'ship', carrier: 'SEUR', trackingNumber: 'SE123', shipToName: 'Beta Legal – Valencia office', reason: 'Replacement under warranty' });
    t.ok('delivery.sendToClient', { companyId: client.id, fromLocationId: w.main.id, reason: 'Loan', lines: [{ productId: w.laptop.id, serials: ['LT-C'] }] });
    const all = t.ok('devices.list', { pageSize: 50 }).rows;
    expect(all).toHaveLength(3);
    for (const sortDirection of ['asc', 'desc'] as const) {
      const sign = sortDirection === 'asc' ? 1 : -1;
      const expected = [...all].sort((a, b) => sign * (compareAsSqlite(a.companyName, b.companyName) || a.id - b.id)).map((d) => d.serialNumber);
      expect(t.ok('devices.list', { pageSize: 50, sortBy: 'companyName', sortDirection }).rows.map((d) => d.serialNumber)).toEqual(expected);
      const paged = [1, 2, 3].flatMap((page) => t.ok('devices.list', { page, pageSize: 1, sortBy: 'companyName', sortDirection }).rows.map((d) => d.serialNumber));
      expect(paged).toEqual(expected);
      expect(t.ok('devices.list', { sortBy: 'companyName', sortDirection, companyId: other.id }).rows.map((d) => d.serialNumber)).toEqual(expected.filter((s) => s !== 'LT-C'));
    }
  });
});

describe('products not tracked in stock', () => {
  it('cannot stop being tracked while units are on hand', () => {
    expect(
      t.fail('catalog.updateProduct', { id: w.cable.id, sku: 'CAB-6-2M', name: 'Cat6 cable 2 m', unitPrice: 40_000, msrp: 50_000, serialized: false, trackedInStock: false }),
    ).toMatchObject({ code: 'TRACKED_HAS_STOCK', details: { units: 25 } });
  });

  it('never gain units: adding, stocking at a location and receiving are refused naming the SKU, changing nothing', () => {
    const refused = { code: 'NOT_TRACKED', details: { productId: licence.id, sku: 'M365-BP' } };
    const vendor = t.ok('catalog.createCompany', { name: 'Licence Distributor', isVendor: true, isClient: false });
    t.ok('catalog.saveProductVendor', { productId: licence.id, vendorId: vendor.id, vendorPartNumber: 'LD-M365', vendorCost: 180_000, isDefault: true });
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: licence.id, qty: 5, locationId: w.main.id }] });
    const submitted = t.ok('purchasing.submit', { id: po.id });
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('stock.add', { productId: licence.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 180_000, reason: null })).toMatchObject(refused);
    expect(t.fail('stock.createInventoryProduct', { productId: licence.id, locationId: w.main.id, bin: null, min: 0, max: 0 })).toMatchObject(refused);
    expect(t.fail('purchasing.receive', { lines: [{ lineId: submitted.lines[0]!.id, qty: 5 }] })).toMatchObject(refused);
    expect(contentHash(t.app.ctx.sqlite)).toBe(before);
    expect(t.ok('stock.listLots', { productId: licence.id }).rows).toEqual([]);
  });
});

describe('the ledger check', () => {
  it('reports picks, delivered figures and delivery lines that drift from what holds and moved the units', () => {
    const c = charge(w.laptop.id, 2);
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: ['LT-A', 'LT-B'] });
    const dlv = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id, serials: ['LT-A'] }] });
    const sqlite = t.app.ctx.sqlite;
    const drift = (sql: string, undo: string, expected: object) => {
      sqlite.prepare(sql).run();
      syncHeldCaches(sqlite);
      expect(t.ok('stock.verifyLedger', {}).differences).toEqual([expect.objectContaining(expected)]);
      sqlite.prepare(undo).run();
      syncHeldCaches(sqlite);
    };
    drift(`UPDATE charges SET picked = picked + 1 WHERE id = ${c.id}`, `UPDATE charges SET picked = picked - 1 WHERE id = ${c.id}`, { kind: 'charge', documentId: c.id, figure: 'picked', expected: '1', actual: '2' });
    drift(`UPDATE charges SET delivered_cost = 7 WHERE id = ${c.id}`, `UPDATE charges SET delivered_cost = 8000000 WHERE id = ${c.id}`, { kind: 'charge', figure: 'deliveredCost', expected: '8000000', actual: '7' });
    drift(`UPDATE delivery_lines SET cost = 1 WHERE delivery_id = ${dlv.id}`, `UPDATE delivery_lines SET cost = 8000000 WHERE delivery_id = ${dlv.id}`, { kind: 'delivery', documentId: dlv.id, figure: 'line 1 cost' });
    // Two charges holding the same unit: more held than is there (the inventory products' caches follow, as a writer of allocations would keep them).
    drift(
      `INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) SELECT lot_id, location_id, product_id, 1, 'reserved', 'charge', 999999, 0 FROM allocations WHERE source_id = ${c.id}`,
      `DELETE FROM allocations WHERE source_id = 999999`,
      { kind: 'allocation', expected: '1', actual: '2' },
    );
  });
});
