// Client returns through the channels users call: units back from the client at the cost each one left
// with (by device, by a charge's quantity or serials, a unit we never sold at a typed cost), devices and
// charges marked, credits, and every refusal changing nothing. The ledger is checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let client: { id: number };
let other: { id: number };
let ticket: { id: number; number: string };
let returnsShelf: { id: number };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  other = t.ok('catalog.createCompany', { name: 'Beta Legal', isClient: true });
  returnsShelf = t.ok('locations.create', { name: 'Returns shelf', kind: 'returns' });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.clock.now += 60_000;
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 12_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 4, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-A', 'LT-B', 'LT-C', 'LT-D'], reason: null });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New starter kit', companyId: client.id, ownerUserId: w.tech.id });
});
afterEach(() => {
  const report = t.ok('stock.verifyLedger', {});
  expect(report.differences).toEqual([]);
  t.close();
});

/** A charge on the ticket, picked and delivered: by serials, or a quantity oldest first. */
function delivered(productId: number, units: { serials?: string[]; qty?: number }, unitPrice?: number, containerId = ticket.id) {
  const quantity = units.serials?.length ?? units.qty!;
  const c = t.ok('sales.createCharge', { containerId, productId, quantity, ...(unitPrice === undefined ? {} : { unitPrice }) });
  t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, ...(units.serials ? { serials: units.serials } : { qty: quantity }) });
  t.clock.now += 60_000;
  const d = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
  return { charge: c, delivery: d };
}
const deviceOf = (serial: string) => t.ok('devices.list', { serial, includeVoided: true }).rows.find((d) => d.serialNumber === serial)!;
const onHand = (productId: number, locationId: number) => t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]?.onHand ?? 0;
const lotAt = (serial: string) => t.ok('stock.listLots', { serial }).rows.filter((r) => r.serialNumber === serial);

describe('a device back from the client', () => {
  it('comes back to the returns shelf at the cost it left with; the device is returned and the charge counts it', () => {
    const { charge, delivery } = delivered(w.laptop.id, { serials: ['LT-A', 'LT-B'] }, 11_000_000);
    t.clock.now += 60_000;
    const ret = t.ok('returns.create', { companyId: client.id, condition: 'faulty', reason: 'Screen flickers', lines: [{ deviceId: deviceOf('LT-A').id }] });
    expect(ret).toMatchObject({ documentType: 'return', number: expect.stringMatching(/^RET-\d+$/) });
    expect(onHand(w.laptop.id, returnsShelf.id)).toBe(1);
    const device = t.ok('devices.get', { id: deviceOf('LT-A').id });
    expect(device).toMatchObject({ status: 'returned', returnId: ret.id, returnNumber: ret.number });
    expect(device.moves.map((m) => [m.fromName, m.toName, m.documentNumber])).toEqual([
      ['Adjustment', 'Main warehouse', expect.stringMatching(/^ADJ/)],
      ['Main warehouse', 'Customer', delivery.number],
      ['Customer', 'Returns shelf', ret.number],
    ]);
    expect(lotAt('LT-A')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 8_000_000 }]);
    const after = t.ok('sales.getCharge', { id: charge.id });
    expect(after).toMatchObject({ status: 'delivered', delivered: 2, returned: 1, returnedCost: '8000000', deliveredCost: '16000000' });
    expect(after.returns).toMatchObject([{ returnNumber: ret.number, qty: 1, cost: '8000000', condition: 'faulty', serials: ['LT-A'] }]);
    expect(after.history.map((h) => h.type)).toContain('returned');
    const doc = t.ok('returns.get', { id: ret.id });
    expect(doc).toMatchObject({ companyName: 'Acme Dental', locationName: 'Returns shelf', condition: 'faulty', reason: 'Screen flickers', units: 1, creditChargeId: null, devices: [{ serialNumber: 'LT-A' }] });
    expect(doc.lines).toMatchObject([{ chargeNumber: charge.number, deliveryNumber: delivery.number, qty: 1, cost: '8000000', serials: ['LT-A'] }]);
    expect(t.ok('stock.history', { serial: 'LT-A' }).rows[0]).toMatchObject({ type: 'return', documentType: 'return', documentNumber: ret.number, fromLocationName: 'Customer', toLocationName: 'Returns shelf' });
    expect(t.ok('returns.list', { q: 'acme' }).rows.map((r) => r.number)).toEqual([ret.number]);
    // The other unit is still at the client; the returned one is not, and its delivery now stands.
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'again', lines: [{ deviceId: device.id }] })).toMatchObject({ code: 'NOT_RETURNABLE', details: { serial: 'LT-A', status: 'returned' } });
    expect(t.fail('delivery.reverse', { id: delivery.id, reason: 'mistake' })).toMatchObject({ code: 'REVERSAL_BLOCKED', details: { reason: 'devices', items: ['LT-A'] } });
  });

  it('goes to the location chosen; without a returns shelf, to the default location', () => {
    delivered(w.laptop.id, { serials: ['LT-A', 'LT-B'] });
    t.ok('returns.create', { companyId: client.id, locationId: w.shelf.id, condition: 'new', reason: 'Not needed', lines: [{ deviceId: deviceOf('LT-A').id }] });
    expect(onHand(w.laptop.id, w.shelf.id)).toBe(1);
    t.ok('locations.setActive', { id: returnsShelf.id, active: false });
    const defaultLocation = t.ok('locations.list', {}).find((l) => l.isDefault)!;
    t.ok('returns.create', { companyId: client.id, condition: 'new', reason: 'Not needed', lines: [{ deviceId: deviceOf('LT-B').id }] });
    expect(lotAt('LT-B')[0]!.locationName).toBe(defaultLocation.name);
  });

  it('of a unit sent outside any charge comes back with no charge to count it', () => {
    const sent = t.ok('delivery.sendToClient', { companyId: client.id, fromLocationId: w.main.id, reason: 'Loan', lines: [{ productId: w.laptop.id, serials: ['LT-C'] }] });
    const ret = t.ok('returns.create', { companyId: client.id, condition: 'used', reason: 'Loan over', lines: [{ deviceId: deviceOf('LT-C').id }] });
    expect(t.ok('returns.get', { id: ret.id }).lines).toMatchObject([{ chargeId: null, deliveryNumber: sent.number, qty: 1, cost: '8000000' }]);
  });
});

describe('units of a delivered charge', () => {
  it('come back newest delivery first at their exact cost, never more than delivered minus returned', () => {
    // 12 cables: 10 at 1.0000 and 2 at 1.2000 on the first delivery; 3 more at 1.2000 on the second.
    const c = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 15, unitPrice: 40_000 });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 12 });
    const first = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 3 });
    t.clock.now += 60_000;
    const second = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
    const r1 = t.ok('returns.create', { companyId: client.id, condition: 'new', reason: 'Too many', lines: [{ chargeId: c.id, qty: 4 }] });
    // The second delivery's 3 (1.2000 each), then one of the first's newest lot (1.2000).
    expect(t.ok('returns.get', { id: r1.id }).lines.map((l) => [l.deliveryNumber, l.qty, l.cost])).toEqual([
      [second.number, 3, '36000'],
      [first.number, 1, '12000'],
    ]);
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ returned: 4, returnedCost: '48000' });
    expect(onHand(w.cable.id, returnsShelf.id)).toBe(4);
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: c.id, qty: 12 }] })).toMatchObject({ code: 'OVER_RETURN', details: { number: c.number, returnable: 11, requested: 12 } });
    // Two lines of one charge share what is left.
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: c.id, qty: 6 }, { chargeId: c.id, qty: 6 }] })).toMatchObject({ code: 'OVER_RETURN', details: { returnable: 5, line: 1 } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    const r2 = t.ok('returns.create', { companyId: client.id, condition: 'used', reason: 'Rest', lines: [{ chargeId: c.id, qty: 11 }] });
    expect(t.ok('returns.get', { id: r2.id }).lines.map((l) => [l.qty, l.cost])).toEqual([[11, String(1 * 12_000 + 10 * 10_000)]]);
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ status: 'delivered', delivered: 15, returned: 15, returnedCost: String(5 * 12_000 + 10 * 10_000) });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: c.id, qty: 1 }] })).toMatchObject({ code: 'OVER_RETURN', details: { returnable: 0 } });
    // Deliveries whose units came back stand.
    expect(t.fail('delivery.reverse', { id: second.id, reason: 'x' })).toMatchObject({ code: 'REVERSAL_BLOCKED', details: { reason: 'returns', items: [r1.number] } });
  });

  it('leave a delivery with nothing returned reversible', () => {
    const c = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 4 });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 2 });
    const first = t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
    t.ok('stock.pick', { chargeId: c.id, locationId: w.main.id, qty: 2 });
    t.clock.now += 60_000;
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: c.id }] });
    t.ok('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: c.id, qty: 2 }] });
    t.ok('delivery.reverse', { id: first.id, reason: 'wrong ticket' });
    expect(t.ok('sales.getCharge', { id: c.id })).toMatchObject({ delivered: 2, returned: 2, picked: 2 });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: c.id, qty: 1 }] })).toMatchObject({ code: 'OVER_RETURN', details: { returnable: 0 } });
  });

  it('of a serialized product come back by serial, or the newest devices for a quantity', () => {
    const { charge } = delivered(w.laptop.id, { serials: ['LT-A', 'LT-B', 'LT-C'] });
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ chargeId: charge.id, serials: ['LT-A', 'LT-D'] }] })).toMatchObject({ code: 'NOT_RETURNABLE', details: { number: charge.number, serials: ['LT-D'] } });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ chargeId: charge.id, serials: ['LT-A', 'lt-a '] }] }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ chargeId: charge.id, qty: 4 }] })).toMatchObject({ code: 'OVER_RETURN', details: { returnable: 3, requested: 4 } });
    // The same unit as a device and by its serial, in one return.
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ deviceId: deviceOf('LT-B').id }, { chargeId: charge.id, serials: ['LT-B'] }] }).code).toBe('DUPLICATE_SERIAL');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    t.ok('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ chargeId: charge.id, serials: [' lt-b'] }] });
    expect(deviceOf('LT-B').status).toBe('returned');
    t.ok('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ chargeId: charge.id, qty: 1 }] });
    expect(['LT-A', 'LT-C'].map((s) => deviceOf(s).status)).toEqual(['installed', 'returned']);
    expect(t.ok('devices.list', { chargeId: charge.id, status: 'installed' }).rows.map((d) => d.serialNumber)).toEqual(['LT-A']);
  });
});

describe('a unit we never sold', () => {
  it('comes in from Customer as a new stocked item at the typed cost, 0 unless given', () => {
    const ret = t.ok('returns.create', {
      companyId: client.id,
      condition: 'used',
      reason: 'Found at the client after the office move',
      lines: [{ productId: w.laptop.id, serial: 'FOREIGN-1' }, { productId: w.cable.id, qty: 3, unitCost: 5_000 }],
    });
    expect(lotAt('FOREIGN-1')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 0 }]);
    expect(onHand(w.cable.id, returnsShelf.id)).toBe(3);
    expect(t.ok('returns.get', { id: ret.id }).lines.map((l) => [l.sku, l.qty, l.cost, l.chargeId, l.serials])).toEqual([
      ['LT-T14', 1, '0', null, ['FOREIGN-1']],
      ['CAB-6-2M', 3, '15000', null, []],
    ]);
    const before = contentHash(t.app.ctx.sqlite);
    // A serial we hold (any spelling), a serialized unit without one, a serial on a plain product.
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ productId: w.laptop.id, serial: 'lt-c' }] })).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { existing: ['LT-C'] } });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ productId: w.laptop.id, serial: 'NEW-1' }, { productId: w.laptop.id, serial: 'new-1' }] }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ productId: w.laptop.id }] }).code).toBe('SERIAL_REQUIRED');
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ productId: w.cable.id, serial: 'X' }] }).code).toBe('SERIALS_NOT_ALLOWED');
    expect(t.fail('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ productId: w.laptop.id, serial: 'NEW-2', qty: 2 }] }).code).toBe('SERIAL_COUNT_MISMATCH');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});

describe('a credit', () => {
  it('is a charge of quantity 1, cost 0 and a negative price on the same container, defaulting to the price paid', () => {
    const { charge } = delivered(w.cable.id, { qty: 5 }, 40_000);
    const ret = t.ok('returns.create', { companyId: client.id, condition: 'new', reason: 'Unused', lines: [{ chargeId: charge.id, qty: 2 }], credit: {} });
    const doc = t.ok('returns.get', { id: ret.id });
    expect(doc).toMatchObject({ creditAmount: 80_000, creditContainerId: ticket.id });
    const credit = t.ok('sales.getCharge', { id: doc.creditChargeId! });
    expect(credit).toMatchObject({ kind: 'credit', quantity: 1, unitPrice: -80_000, extendedPrice: '-80000', status: 'delivered', deliveredCost: '0', margin: '-80000', containerId: ticket.id });
    expect(credit.description).toContain(ret.number);
    // Edited amount and a note.
    const r2 = t.ok('returns.create', { companyId: client.id, condition: 'used', reason: 'Damaged box', lines: [{ chargeId: charge.id, qty: 1 }], credit: { amount: 25_000, note: 'Goodwill' } });
    const c2 = t.ok('sales.getCharge', { id: t.ok('returns.get', { id: r2.id }).creditChargeId! });
    expect(c2).toMatchObject({ unitPrice: -25_000 });
    expect(c2.description).toContain('Goodwill');
    // A credit cannot be edited into something else, nor canceled after the fact.
    expect(t.fail('sales.cancelCharge', { id: c2.id }).code).toBe('INVALID_TRANSITION');
  });

  it('needs sales.manage on every path, and a container of the same client; refusals change nothing', () => {
    const { charge } = delivered(w.cable.id, { qty: 3 }, 40_000);
    const clerk = t.addUser({ username: 'clerk', permissions: ['inventory.view', 'stock.deliver'] });
    const as = t.tokenFor(clerk.id);
    const otherTicket = t.ok('sales.createContainer', { kind: 'ticket', title: 'x', companyId: other.id });
    const noDeliver = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view', 'sales.manage'] }).id);
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: charge.id, qty: 1 }], credit: { amount: 1 } }, as)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'sales.manage', field: 'credit' } });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: charge.id, qty: 1 }] }, noDeliver)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.deliver' } });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: charge.id, qty: 1 }], credit: { containerId: otherTicket.id } }).code).toBe('COMPANY_MISMATCH');
    // Nothing of ours came back with a price: the amount and the container must be named.
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ productId: w.cable.id, qty: 1 }], credit: {} })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'credit.containerId' }] } });
    expect(t.fail('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ productId: w.cable.id, qty: 1 }], credit: { containerId: ticket.id } })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'credit.amount' }] } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    // Without a credit the clerk may take the units back.
    t.ok('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: charge.id, qty: 1 }] }, as);
  });
});

describe('refusals', () => {
  it('name what is wrong and change nothing', () => {
    const { charge } = delivered(w.laptop.id, { serials: ['LT-A'] });
    const licence = t.ok('catalog.createProduct', { sku: 'M365', name: 'Microsoft 365', unitCost: 100, unitPrice: 200, msrp: 200, serialized: false, trackedInStock: false, doesNotRequireProcurement: true });
    const lic = t.ok('sales.createCharge', { containerId: ticket.id, productId: licence.id, quantity: 1 });
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: lic.id }] });
    const shipped = delivered(w.cable.id, { qty: 1 });
    const freight = t.ok('delivery.deliver', { method: 'ship', lines: [{ chargeId: t.ok('stock.pick', { chargeId: t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 1 }).id, locationId: w.main.id, qty: 1 }).id }], freightPrice: 10_000 });
    const freightChargeId = t.ok('delivery.get', { id: freight.id }).freightChargeId!;
    const device = deviceOf('LT-A');
    const before = contentHash(t.app.ctx.sqlite);
    const base = { companyId: client.id, condition: 'used' as const, reason: 'x' };
    expect(t.fail('returns.create', { ...base, companyId: other.id, lines: [{ deviceId: device.id }] })).toMatchObject({ code: 'COMPANY_MISMATCH', details: { serial: 'LT-A' } });
    expect(t.fail('returns.create', { ...base, companyId: other.id, lines: [{ chargeId: charge.id, qty: 1 }] })).toMatchObject({ code: 'COMPANY_MISMATCH', details: { number: charge.number } });
    expect(t.fail('returns.create', { ...base, lines: [{ deviceId: device.id }, { deviceId: device.id }] }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('returns.create', { ...base, lines: [{ chargeId: lic.id, qty: 1 }] }).code).toBe('NOT_TRACKED');
    expect(t.fail('returns.create', { ...base, lines: [{ chargeId: freightChargeId, qty: 1 }] }).code).toBe('NOT_RETURNABLE');
    expect(t.fail('returns.create', { ...base, lines: [{ chargeId: shipped.charge.id, qty: 1, serials: ['A'] }] }).code).toBe('SERIALS_NOT_ALLOWED');
    expect(t.fail('returns.create', { ...base, locationId: 2, lines: [{ deviceId: device.id }] }).code).toBe('LOCATION_VIRTUAL');
    expect(t.fail('returns.create', { ...base, lines: [{ deviceId: 999_999 }] })).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'device' } });
    // Exactly one kind of line, and nothing a line of its kind does not take.
    for (const line of [{}, { deviceId: device.id, chargeId: charge.id }, { deviceId: device.id, qty: 1 }, { chargeId: charge.id }, { productId: w.cable.id, serials: ['A'] }, { chargeId: charge.id, qty: 1, unitCost: 5 }])
      expect(t.raw('returns.create', { ...base, lines: [line] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.raw('returns.create', { ...base, reason: '', lines: [{ deviceId: device.id }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.raw('returns.create', { ...base, condition: 'broken', lines: [{ deviceId: device.id }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});

describe('the ledger check', () => {
  it('reports returned figures and return lines that drift from the moves that brought the units back', () => {
    const { charge } = delivered(w.cable.id, { qty: 3 });
    const ret = t.ok('returns.create', { companyId: client.id, condition: 'new', reason: 'x', lines: [{ chargeId: charge.id, qty: 2 }] });
    const db = t.app.ctx.sqlite;
    db.prepare(`UPDATE charges SET returned = returned + 1 WHERE id = ?`).run(charge.id);
    expect(t.ok('stock.verifyLedger', {}).differences).toMatchObject([{ kind: 'charge', documentId: charge.id, figure: 'returned', expected: '2', actual: '3' }]);
    db.prepare(`UPDATE charges SET returned = returned - 1, returned_cost = returned_cost + 7 WHERE id = ?`).run(charge.id);
    expect(t.ok('stock.verifyLedger', {}).differences).toMatchObject([{ kind: 'charge', figure: 'returnedCost' }]);
    db.prepare(`UPDATE charges SET returned_cost = returned_cost - 7 WHERE id = ?`).run(charge.id);
    db.prepare(`UPDATE client_return_lines SET qty = qty + 1 WHERE return_id = ?`).run(ret.id);
    expect(t.ok('stock.verifyLedger', {}).differences).toMatchObject([{ kind: 'return', documentId: ret.id, figure: 'line 1 qty', expected: '2', actual: '3' }]);
    db.prepare(`UPDATE client_return_lines SET qty = qty - 1 WHERE return_id = ?`).run(ret.id);
  });
});

describe('what other documents hold', () => {
  it('refuses a device its open RMA holds, units never sold without stock.adjust, and a credit on a closed container', () => {
    t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1 WHERE id = ?`).run(w.laptop.id);
    const { charge, delivery } = delivered(w.laptop.id, { serials: ['LT-A', 'LT-B'] });
    const rma = t.ok('rma.create', { deviceId: deviceOf('LT-A').id, type: 'repair', fault: 'x' });
    const clerk = t.tokenFor(t.addUser({ username: 'clerk', permissions: ['inventory.view', 'stock.deliver'] }).id);
    t.ok('sales.setContainerStatus', { id: ticket.id, action: 'close' });
    const before = contentHash(t.app.ctx.sqlite);
    const base = { companyId: client.id, condition: 'faulty' as const, reason: 'x' };
    expect(t.fail('returns.create', { ...base, lines: [{ deviceId: deviceOf('LT-A').id }] })).toMatchObject({ code: 'CONFLICT', details: { reason: 'rmaOpen', number: rma.number } });
    expect(t.fail('returns.create', { ...base, lines: [{ chargeId: charge.id, serials: ['LT-A'] }] })).toMatchObject({ code: 'CONFLICT', details: { reason: 'rmaOpen' } });
    expect(t.fail('returns.create', { ...base, lines: [{ productId: w.cable.id, qty: 5, unitCost: 99_000 }] }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'stock.adjust' } });
    expect(t.fail('returns.create', { ...base, lines: [{ deviceId: deviceOf('LT-B').id }], credit: {} })).toMatchObject({ code: 'CONTAINER_CLOSED', details: { number: ticket.number } });
    // The delivery stands while the RMA does.
    expect(t.fail('delivery.reverse', { id: delivery.id, reason: 'x' })).toMatchObject({ code: 'REVERSAL_BLOCKED', details: { reason: 'rma', items: [rma.number] } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    // The RMA's own step takes it back.
    t.ok('rma.authorize', { id: rma.id, creditAmount: 0 });
    t.ok('rma.receive', { id: rma.id });
    expect(deviceOf('LT-A').status).toBe('returned');
  });

  it('goes by default to a returns shelf that holds without offering, and nothing leaves such a shelf for a client but an RMA', () => {
    t.ok('locations.create', { name: 'Open returns shelf', kind: 'returns', offersStock: true });
    delivered(w.laptop.id, { serials: ['LT-A'] });
    const ret = t.ok('returns.create', { companyId: client.id, condition: 'used', reason: 'x', lines: [{ deviceId: deviceOf('LT-A').id }] });
    expect(t.ok('returns.get', { id: ret.id }).locationName).toBe('Returns shelf');
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('delivery.sendToClient', { companyId: client.id, fromLocationId: returnsShelf.id, reason: 'Loan', lines: [{ productId: w.laptop.id, serials: ['LT-A'] }] })).toMatchObject({ code: 'LOCATION_NOT_OFFERED' });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});
