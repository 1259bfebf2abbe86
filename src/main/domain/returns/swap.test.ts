// The device swap through its channel: the replacement delivered as a new device on the old one's contract
// with its own warranty, the old one back (to stock, the returns shelf, an RMA or Scrap), an optional charge,
// history on both; every refusal (a unit someone else holds, one not offered, a location the user may not
// work at, an RMA without its permission or module) changes nothing. The ledger is checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let client: { id: number };
let contract: { id: number; number: string };
let ticket: { id: number; number: string };
let shelf: { id: number };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  shelf = t.ok('locations.create', { name: 'Returns shelf', kind: 'returns' });
  t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1, warranty_months = 24 WHERE id = ?`).run(w.laptop.id);
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 8_000_000, serials: ['OLD-1', 'OLD-2'], reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.van.id, qty: 2, costMethod: 'manual', unitCost: 8_200_000, serials: ['VAN-1', 'VAN-2'], reason: null });
  contract = t.ok('sales.createContainer', { kind: 'contract', title: 'Managed workplace', companyId: client.id });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Laptops', companyId: client.id, contractId: contract.id, ownerUserId: w.tech.id });
  const c = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2, unitPrice: 11_000_000 });
  t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, serials: ['OLD-1', 'OLD-2'] });
  t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const deviceOf = (serial: string) => t.ok('devices.list', { serial, includeVoided: true }).rows.find((d) => d.serialNumber === serial)!;
const lots = (serial: string) => t.ok('stock.listLots', { serial }).rows.filter((r) => r.serialNumber === serial);

describe('a swap', () => {
  it('delivers the van unit as a new device on the contract and sends the old one to an RMA, in one action', () => {
    const old = deviceOf('OLD-1');
    const out = t.ok('devices.swap', { deviceId: old.id, replacementSerial: 'van-1', fate: 'rma', condition: 'faulty', reason: 'Dead on site', rma: { type: 'replace', fault: 'No power', vendorId: null } });
    expect(out).toMatchObject({ returnNumber: expect.stringMatching(/^RET-/), deliveryNumber: expect.stringMatching(/^DLV-/), rmaNumber: expect.stringMatching(/^RMA-/), chargeId: null });
    const fresh = t.ok('devices.get', { id: out.newDeviceId! });
    expect(fresh).toMatchObject({ serialNumber: 'VAN-1', status: 'installed', companyName: 'Acme Dental', contractId: contract.id, unitCost: 8_200_000 });
    expect(new Date(fresh.warrantyEnd!).getUTCFullYear()).toBe(new Date(fresh.installedAt).getUTCFullYear() + 2);
    expect(t.ok('devices.get', { id: old.id })).toMatchObject({ status: 'returned', contractId: null, containerId: ticket.id, rmaId: out.rmaId });
    expect(lots('OLD-1')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 8_000_000 }]);
    expect(lots('VAN-1')).toEqual([]);
    // Both histories name the other.
    const events = (id: number) => t.app.ctx.sqlite.prepare(`SELECT type, details FROM device_events WHERE device_id = ? ORDER BY id`).all(id) as { type: string; details: string }[];
    expect(events(old.id).map((e) => e.type)).toEqual(['installed', 'return', 'swappedOut']);
    expect(JSON.parse(events(old.id).at(-1)!.details)).toMatchObject({ newSerial: 'VAN-1', fate: 'rma' });
    expect(events(out.newDeviceId!).map((e) => e.type)).toEqual(['installed', 'swappedIn']);
    // The RMA has the unit already: receiving it moves nothing.
    t.ok('rma.authorize', { id: out.rmaId! });
    const movesBefore = t.ok('stock.history', { serial: 'OLD-1' }).rows.length;
    t.ok('rma.receive', { id: out.rmaId! });
    expect(t.ok('rma.get', { id: out.rmaId! })).toMatchObject({ status: 'received', returnNumber: out.returnNumber, locationName: 'Returns shelf', creditAmount: 11_000_000 });
    expect(t.ok('stock.history', { serial: 'OLD-1' }).rows).toHaveLength(movesBefore);
    // No vendor named yet: nothing to send it to.
    expect(t.fail('rma.sendToVendor', { id: out.rmaId! })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'vendorId' }] } });
  });

  it('closes its RMA once the vendor’s replacement is in stock: the client has the van unit already', () => {
    const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
    const out = t.ok('devices.swap', { deviceId: deviceOf('OLD-2').id, replacementSerial: 'VAN-2', fate: 'rma', condition: 'faulty', reason: 'Dead', rma: { type: 'replace', fault: 'No power', vendorId: vendor.id } });
    const id = out.rmaId!;
    t.ok('rma.authorize', { id });
    t.ok('rma.receive', { id });
    t.ok('rma.sendToVendor', { id, vendorRmaNumber: 'IM-1' });
    t.ok('rma.receiveReplacement', { id, serial: 'VENDOR-NEW-1' });
    expect(t.ok('rma.get', { id })).toMatchObject({ fromSwap: true, status: 'replacementReceived' });
    t.ok('rma.close', { id });
    expect(lots('VENDOR-NEW-1')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 8_000_000 }]);
    // Without a swap, a replacement goes to the client before the RMA closes.
    const plain = t.ok('rma.create', { deviceId: deviceOf('OLD-1').id, type: 'replace', fault: 'x', vendorId: vendor.id }).id;
    for (const step of ['rma.authorize', 'rma.receive', 'rma.sendToVendor'] as const) t.ok(step, { id: plain });
    t.ok('rma.receiveReplacement', { id: plain, serial: 'VENDOR-NEW-2' });
    expect(t.fail('rma.close', { id: plain }).code).toBe('INVALID_TRANSITION');
  });

  it('takes the old one back to stock with no replacement, or retires it to Scrap', () => {
    const one = t.ok('devices.swap', { deviceId: deviceOf('OLD-1').id, fate: 'stock', locationId: w.shelf.id, condition: 'used', reason: 'Client moved to a desktop' });
    expect(one).toMatchObject({ newDeviceId: null, deliveryId: null, rmaId: null });
    expect(lots('OLD-1')).toMatchObject([{ locationName: 'Office shelf' }]);
    t.ok('devices.swap', { deviceId: deviceOf('OLD-2').id, fate: 'scrap', condition: 'faulty', reason: 'Water damage' });
    expect(lots('OLD-2')).toEqual([]);
    expect(t.ok('stock.history', { serial: 'OLD-2' }).rows[0]).toMatchObject({ fromLocationName: 'Returns shelf', toLocationName: 'Scrap' });
  });

  it('bills the replacement on a charge of the old one’s ticket when asked, picked and delivered for it', () => {
    const out = t.ok('devices.swap', { deviceId: deviceOf('OLD-1').id, replacementSerial: 'VAN-2', fate: 'returns', condition: 'used', reason: 'Upgrade', charge: { unitPrice: 4_000_000 } });
    expect(t.ok('sales.getCharge', { id: out.chargeId! })).toMatchObject({ status: 'delivered', containerId: ticket.id, unitPrice: 4_000_000, deliveredCost: '8200000' });
    expect(t.ok('devices.get', { id: out.newDeviceId! })).toMatchObject({ chargeId: out.chargeId, contractId: contract.id });
    // The replacement's delivery stands: the old device gave it its contract.
    expect(t.fail('delivery.reverse', { id: out.deliveryId!, reason: 'x' })).toMatchObject({ code: 'REVERSAL_BLOCKED', details: { reason: 'rma', items: ['VAN-2'] } });
  });
});

describe('refusals', () => {
  it('name what is wrong and change nothing', () => {
    const old = deviceOf('OLD-1');
    const base = { deviceId: old.id, fate: 'returns' as const, condition: 'faulty' as const, reason: 'x' };
    // VAN-2 is picked for another charge, VAN-1 reserved for a quote; a unit on the returns shelf is not offered.
    const other = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    t.ok('stock.pick', { chargeId: other.id, locationId: w.van.id, serials: ['VAN-2'] });
    const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Spare' });
    const item = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.laptop.id, quantity: 1 }).items[0]!;
    t.ok('stock.reserve', { quoteItemId: item.id, locationId: w.van.id, serials: ['VAN-1'] });
    t.ok('stock.add', { productId: w.laptop.id, locationId: shelf.id, qty: 1, costMethod: 'manual', unitCost: 1, serials: ['SHELF-1'], reason: null });
    const clerk = t.tokenFor(t.addUser({ username: 'clerk', permissions: ['inventory.view', 'stock.deliver'] }).id);
    const held = t.ok('rma.create', { deviceId: deviceOf('OLD-2').id, type: 'repair', fault: 'x' });
    const before = contentHash(t.app.ctx.sqlite);
    // Retiring writes the unit off: adjusting stock. A device its open RMA holds is not swapped.
    expect(t.fail('devices.swap', { ...base, fate: 'scrap' }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.adjust' } });
    expect(t.fail('devices.swap', { ...base, deviceId: deviceOf('OLD-2').id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'rmaOpen', number: held.number } });
    expect(t.fail('devices.swap', { ...base, replacementSerial: 'VAN-2' })).toMatchObject({ code: 'SERIAL_UNAVAILABLE', details: { serial: 'VAN-2', heldBy: 'picked' } });
    expect(t.fail('devices.swap', { ...base, replacementSerial: 'VAN-1' })).toMatchObject({ code: 'SERIAL_UNAVAILABLE', details: { serial: 'VAN-1', heldBy: 'reserved' } });
    expect(t.fail('devices.swap', { ...base, replacementSerial: 'SHELF-1' })).toMatchObject({ code: 'LOCATION_NOT_OFFERED', details: { name: 'Returns shelf' } });
    expect(t.fail('devices.swap', { ...base, replacementSerial: 'NOPE' }).code).toBe('SERIAL_NOT_FOUND');
    expect(t.fail('devices.swap', { ...base, fate: 'rma', rma: { type: 'repair', fault: 'x' } }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'rma.manage', field: 'rma' } });
    expect(t.fail('devices.swap', { ...base, replacementSerial: 'OLD-2', charge: {} }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'sales.manage', field: 'charge' } });
    for (const bad of [{ ...base, fate: 'rma' }, { ...base, fate: 'stock' }, { ...base, rma: { type: 'repair', fault: 'x' } }, { ...base, charge: {} }])
      expect(t.raw('devices.swap', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('refuses an RMA the product or the module does not allow, and a device already back', () => {
    const old = deviceOf('OLD-1');
    const base = { deviceId: old.id, fate: 'rma' as const, condition: 'faulty' as const, reason: 'x', rma: { type: 'repair' as const, fault: 'x' } };
    t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 0 WHERE id = ?`).run(w.laptop.id);
    let before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('devices.swap', base).code).toBe('NOT_ELIGIBLE_FOR_RMA');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    t.ok('activations.set', { inventory: true, procurement: true, rma: false });
    before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('devices.swap', base)).toMatchObject({ code: 'MODULE_DISABLED', details: { module: 'rma' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    t.ok('devices.swap', { ...base, fate: 'returns', rma: undefined });
    expect(t.fail('devices.swap', { ...base, fate: 'returns', rma: undefined })).toMatchObject({ code: 'NOT_RETURNABLE', details: { serial: 'OLD-1' } });
  });

  it('takes the replacement only from where the user may work', () => {
    const tech = t.tokenFor(t.addUser({ username: 'tech2', permissions: ['inventory.view', 'stock.deliver'] }).id);
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('devices.swap', { deviceId: deviceOf('OLD-1').id, replacementSerial: 'VAN-1', fate: 'returns', condition: 'used', reason: 'x' }, tech)).toMatchObject({ code: 'LOCATION_FORBIDDEN', details: { name: 'Van Tech' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});
