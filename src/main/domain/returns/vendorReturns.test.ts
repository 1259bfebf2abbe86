// Vendor returns through the channels users call: units leave a location for Vendor at their cost under the
// vendor's RMA number, then the vendor answers per unit — credited, replaced (new units at the returned
// one's cost plus the fee), sent back — partly or fully; every refusal changes nothing. The ledger (with its
// vendor-return check) is verified after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let vendor: { id: number };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-A', 'LT-B', 'LT-C'], reason: null });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.clock.now += 60_000;
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 20_000, reason: null });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const send = (extra: Record<string, unknown> = {}) =>
  t.ok('vendorReturns.create', {
    vendorId: vendor.id,
    locationId: w.main.id,
    reason: 'deadOnArrival',
    vendorRmaNumber: 'IM-RA-5521',
    lines: [{ productId: w.laptop.id, serials: ['LT-B'] }, { productId: w.cable.id, qty: 12 }],
    ...extra,
  });
const get = (id: number) => t.ok('vendorReturns.get', { id });
const onHand = (productId: number) => t.ok('stock.listLots', { productId, locationId: w.main.id }).rows.reduce((n, r) => n + r.qty, 0);
const valueAtMain = () => BigInt(t.ok('stock.valueByLocation', {}).total!);

describe('sending units back', () => {
  it('moves them to Vendor at their cost, one line per lot (each serial its own), oldest first', () => {
    const doc = send({ trackingNumber: 'SEUR-9', expectedBy: '2026-02-01', note: 'Boxes resealed' });
    expect(doc).toMatchObject({ documentType: 'vendorReturn', number: 'VRT-1001' });
    const r = get(doc.id);
    expect(r).toMatchObject({ status: 'sent', vendorName: 'Ingram Micro', vendorRmaNumber: 'IM-RA-5521', locationName: 'Main warehouse', reason: 'deadOnArrival', units: 13, open: 13, trackingNumber: 'SEUR-9', note: 'Boxes resealed' });
    // 1 laptop at 800, 10 cables at 1 and 2 at 2: value 800 + 10 + 4 (× 10,000).
    expect(r.value).toBe(String(8_000_000 + 10 * 10_000 + 2 * 20_000));
    expect(r.lines.map((l) => [l.sku, l.serialNumber, l.qty, l.unitCost])).toEqual([
      ['LT-T14', 'LT-B', 1, 8_000_000],
      ['CAB-6-2M', null, 10, 10_000],
      ['CAB-6-2M', null, 2, 20_000],
    ]);
    expect(onHand(w.laptop.id)).toBe(2);
    expect(onHand(w.cable.id)).toBe(8);
    const history = t.ok('stock.history', { serial: 'LT-B' }).rows[0]!;
    expect(history).toMatchObject({ type: 'vendorReturn.toVendor', toLocationName: 'Vendor', documentType: 'vendorReturn', documentId: doc.id, documentNumber: 'VRT-1001' });
    expect(r.history.map((e) => e.type)).toEqual(['sent']);
  });

  it('refuses, changing nothing: held units, units not there, a company that is no vendor, a serial twice, a blank RMA number', () => {
    const client = t.ok('catalog.createCompany', { name: 'Acme', isClient: true });
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Laptop', companyId: client.id });
    const charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1, unitPrice: 1 });
    t.ok('stock.pick', { chargeId: charge.id, locationId: w.main.id, serials: ['LT-A'] });
    const before = contentHash(t.app.ctx.sqlite);
    const base = { vendorId: vendor.id, locationId: w.main.id, reason: 'wrongItem' as const, vendorRmaNumber: 'RA-1' };
    expect(t.fail('vendorReturns.create', { ...base, lines: [{ productId: w.laptop.id, serials: ['LT-A'] }] })).toMatchObject({ code: 'SERIAL_UNAVAILABLE', details: { serial: 'LT-A', heldBy: 'picked' } });
    expect(t.fail('vendorReturns.create', { ...base, lines: [{ productId: w.laptop.id, serials: ['LT-Z'] }] }).code).toBe('SERIAL_NOT_FOUND');
    expect(t.fail('vendorReturns.create', { ...base, lines: [{ productId: w.cable.id, qty: 21 }] }).code).toBe('INSUFFICIENT_STOCK');
    expect(t.fail('vendorReturns.create', { ...base, locationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('INSUFFICIENT_STOCK');
    expect(t.fail('vendorReturns.create', { ...base, vendorId: client.id, lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('VALIDATION');
    expect(t.fail('vendorReturns.create', { ...base, lines: [{ productId: w.laptop.id, serials: ['LT-B'] }, { productId: w.laptop.id, serials: ['lt-b'] }] }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('vendorReturns.create', { ...base, lines: [{ productId: w.laptop.id, qty: 1 }] }).code).toBe('SERIAL_REQUIRED');
    expect(t.fail('vendorReturns.create', { ...base, vendorRmaNumber: '  ', lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('VALIDATION');
    expect(t.fail('vendorReturns.create', { ...base, lines: [] }).code).toBe('VALIDATION');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('needs purchasing.manage, and the location rights of whoever sends', () => {
    const clerk = t.addUser({ username: 'clerk', permissions: ['inventory.view'] });
    const buyer = t.addUser({ username: 'buyer', permissions: ['inventory.view', 'purchasing.manage'] });
    const before = contentHash(t.app.ctx.sqlite);
    const input = { vendorId: vendor.id, locationId: w.main.id, reason: 'other' as const, vendorRmaNumber: 'RA-2', lines: [{ productId: w.cable.id, qty: 1 }] };
    expect(t.fail('vendorReturns.create', input, t.tokenFor(clerk.id)).code).toBe('FORBIDDEN');
    expect(t.fail('vendorReturns.create', input, t.tokenFor(buyer.id)).code).toBe('LOCATION_FORBIDDEN');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});

describe("the vendor's answer", () => {
  it('credits, replaces and sends back, partly then fully, each at the returned units’ cost', () => {
    const { id } = send();
    const valueBefore = valueAtMain();
    // The vendor credits 6 cheap cables (default amount: their cost) and sends 2 back.
    t.ok('vendorReturns.resolve', { id, lines: [{ lineNo: 2, credited: 6, back: 2 }], creditNoteNumber: 'CN-77' });
    let r = get(id);
    expect(r).toMatchObject({ status: 'partlyResolved', open: 5, creditTotal: 6 * 10_000, creditNoteNumber: 'CN-77' });
    expect(r.lines[1]).toMatchObject({ qtyCredited: 6, qtyBack: 2, qtyReplaced: 0 });
    expect(onHand(w.cable.id)).toBe(10);
    expect(t.ok('stock.history', { productId: w.cable.id }).rows[0]).toMatchObject({ type: 'vendorReturn.fromVendor', fromLocationName: 'Vendor', qty: 2, documentNumber: 'VRT-1001' });

    // A new laptop replaces LT-B at its cost plus a fee; the rest of the cables come back as new units; the two dearer ones are credited at a typed amount.
    t.ok('vendorReturns.resolve', {
      id,
      lines: [
        { lineNo: 1, replaced: 1, serials: ['LT-B2'] },
        { lineNo: 2, replaced: 2 },
        { lineNo: 3, credited: 2 },
      ],
      unitFee: 100_000,
      creditAmount: 35_000,
      note: 'Closed with Ingram',
    });
    r = get(id);
    expect(r).toMatchObject({ status: 'resolved', open: 0, creditTotal: 6 * 10_000 + 35_000 });
    expect(r.resolvedAt).not.toBeNull();
    expect(r.lines[0]).toMatchObject({ qtyReplaced: 1, replacementSerials: ['LT-B2'] });
    const replacement = t.ok('stock.listLots', { serial: 'LT-B2' }).rows[0]!;
    expect(replacement).toMatchObject({ locationName: 'Main warehouse', unitCost: 8_100_000, vendorName: 'Ingram Micro' });
    expect(t.ok('stock.listLots', { productId: w.cable.id, locationId: w.main.id }).rows.find((l) => l.unitCost === 110_000)?.qty).toBe(2);
    expect(r.history.map((e) => [e.type, e.toState])).toEqual([
      ['resolve', 'resolved'],
      ['resolve', 'partlyResolved'],
      ['sent', 'sent'],
    ]);
    // In: 2 cables back at 1, 2 replacements at 1 + 10 and a laptop at 800 + 10 (× 10,000).
    expect(valueAtMain() - valueBefore).toBe(BigInt(2 * 10_000 + 2 * 110_000 + 8_100_000));
    // Resolved: nothing more to answer, nothing to edit.
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, credited: 1 }] }).code).toBe('INVALID_TRANSITION');
    expect(t.fail('vendorReturns.update', { id, vendorRmaNumber: 'X', trackingNumber: null, expectedBy: null, note: null }).code).toBe('INVALID_TRANSITION');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('refuses an answer beyond what is open, a serial count that differs, a serial we hold, an unknown line, an empty answer; nothing changes', () => {
    const { id } = send();
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, credited: 8, back: 3 }] })).toMatchObject({ code: 'OVER_RESOLVE', details: { number: 'VRT-1001', lineNo: 2, open: 10, requested: 11 } });
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 1, replaced: 1 }] }).code).toBe('SERIAL_COUNT_MISMATCH');
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 1, replaced: 1, serials: ['lt-a'] }] }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, replaced: 1, serials: ['X'] }] }).code).toBe('SERIALS_NOT_ALLOWED');
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 9, credited: 1 }] }).code).toBe('NOT_FOUND');
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2 }] }).code).toBe('VALIDATION');
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, back: 1 }, { lineNo: 2, back: 1 }] }).code).toBe('VALIDATION');
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, back: 1 }], creditAmount: 5 }).code).toBe('VALIDATION');
    // A later line failing undoes the earlier ones of the same answer.
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, back: 1 }, { lineNo: 3, back: 3 }] }).code).toBe('OVER_RESOLVE');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('edits the RMA number, tracking and expected day while open, and marks it overdue after that day', () => {
    const { id } = send({ expectedBy: '2026-01-20' });
    expect(t.ok('vendorReturns.list', { overdueOnly: true }).rows).toEqual([]);
    t.clock.now = Date.UTC(2026, 0, 25);
    expect(t.ok('vendorReturns.list', { overdueOnly: true }).rows.map((r) => r.id)).toEqual([id]);
    t.ok('vendorReturns.update', { id, vendorRmaNumber: 'IM-RA-5522', trackingNumber: 'SEUR-10', expectedBy: '2026-02-10', note: 'Reissued' });
    expect(get(id)).toMatchObject({ vendorRmaNumber: 'IM-RA-5522', trackingNumber: 'SEUR-10', expectedBy: '2026-02-10', overdue: false, note: 'Reissued' });
    expect(get(id).history[0]).toMatchObject({ type: 'updated' });
  });
});

describe('what the vendor sends back stays one unit, one shape, one amount', () => {
  it('tells a replacement sent back again from a replacement, on a later return of it', () => {
    const first = t.ok('vendorReturns.create', { vendorId: vendor.id, locationId: w.main.id, reason: 'deadOnArrival', vendorRmaNumber: 'RA-1', lines: [{ productId: w.laptop.id, serials: ['LT-A'] }] });
    t.ok('vendorReturns.resolve', { id: first.id, lines: [{ lineNo: 1, replaced: 1, serials: ['LT-A2'] }] });
    const second = t.ok('vendorReturns.create', { vendorId: vendor.id, locationId: w.main.id, reason: 'deadOnArrival', vendorRmaNumber: 'RA-2', lines: [{ productId: w.laptop.id, serials: ['LT-A2'] }] });
    t.ok('vendorReturns.resolve', { id: second.id, lines: [{ lineNo: 1, back: 1 }] });
    expect(get(second.id).lines[0]).toMatchObject({ serialNumber: 'LT-A2', qtyBack: 1, qtyReplaced: 0, replacementSerials: [] });
    expect(get(first.id).lines[0]).toMatchObject({ replacementSerials: ['LT-A2'] });
  });

  it('does not let a count find a unit that is with the vendor: it comes back through the vendor’s answer', () => {
    const { id } = t.ok('vendorReturns.create', { vendorId: vendor.id, locationId: w.main.id, reason: 'deadOnArrival', vendorRmaNumber: 'RA-1', lines: [{ productId: w.laptop.id, serials: ['LT-A'] }] });
    const count = t.ok('stock.startCount', { locationId: w.main.id });
    for (const serial of ['LT-A', 'LT-B', 'LT-C']) t.ok('stock.scanCount', { id: count.id, code: serial });
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('stock.postCount', { id: count.id, reason: 'found on the shelf' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'serialAway', serial: 'LT-A', place: 'vendor' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    t.ok('stock.cancelCount', { id: count.id });
    t.ok('vendorReturns.resolve', { id, lines: [{ lineNo: 1, back: 1 }] });
    expect(onHand(w.laptop.id)).toBe(3);
  });

  it('keeps the product’s shape while its units are with the vendor', () => {
    t.ok('vendorReturns.create', { vendorId: vendor.id, locationId: w.main.id, reason: 'notNeeded', vendorRmaNumber: 'RA-1', lines: [{ productId: w.cable.id, qty: 20 }] });
    const cable = t.ok('catalog.getProduct', { id: w.cable.id });
    expect(t.fail('catalog.updateProduct', { ...productFields(cable), id: cable.id, serialized: true })).toMatchObject({ code: 'SERIALIZED_HAS_STOCK', details: { units: 20 } });
    expect(t.fail('catalog.updateProduct', { ...productFields(cable), id: cable.id, trackedInStock: false })).toMatchObject({ code: 'TRACKED_HAS_STOCK', details: { units: 20 } });
  });

  it('refuses a credit or a replacement cost too large to be kept exactly', () => {
    const { id } = send();
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 1, replaced: 1, serials: ['LT-X'] }], unitFee: 9_999_999_999 })).toMatchObject({ code: 'VALIDATION', details: { reason: 'amountOutOfRange' } });
    t.app.ctx.sqlite.prepare(`UPDATE vendor_returns SET credit_total = ? WHERE id = ?`).run(999_999_999_999, id);
    expect(t.fail('vendorReturns.resolve', { id, lines: [{ lineNo: 2, credited: 1 }] })).toMatchObject({ code: 'VALIDATION', details: { reason: 'amountOutOfRange' } });
    t.app.ctx.sqlite.prepare(`UPDATE vendor_returns SET credit_total = 0 WHERE id = ?`).run(id);
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });
});

describe('the list', () => {
  it('pages newest first, searches number, vendor and RMA number, filters by status and vendor, and hides costs from who may not see them', () => {
    const first = send();
    t.clock.now += 1000;
    const other = t.ok('catalog.createCompany', { name: 'TD Synnex', isVendor: true, isClient: false });
    const second = send({ vendorId: other.id, vendorRmaNumber: 'TD-900', lines: [{ productId: w.cable.id, qty: 1 }] });
    t.ok('vendorReturns.resolve', { id: second.id, lines: [{ lineNo: 1, credited: 1 }] });
    expect(t.ok('vendorReturns.list', {}).rows.map((r) => r.number)).toEqual([second.number, first.number]);
    expect(t.ok('vendorReturns.list', { q: 'synnex' }).rows.map((r) => r.id)).toEqual([second.id]);
    expect(t.ok('vendorReturns.list', { q: 'IM-RA' }).rows.map((r) => r.id)).toEqual([first.id]);
    expect(t.ok('vendorReturns.list', { q: 'VRT-1001' }).rows.map((r) => r.id)).toEqual([first.id]);
    expect(t.ok('vendorReturns.list', { statuses: ['resolved'] }).rows.map((r) => r.id)).toEqual([second.id]);
    expect(t.ok('vendorReturns.list', { vendorId: vendor.id }).rows.map((r) => r.id)).toEqual([first.id]);
    expect(t.ok('vendorReturns.list', { pageSize: 1, page: 2 })).toMatchObject({ total: 2, rows: [{ id: first.id, units: 13, open: 13 }] });
    const viewer = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view'] }).id);
    expect(t.ok('vendorReturns.list', {}, viewer).rows[0]).toMatchObject({ value: null, creditTotal: null });
    const seen = t.ok('vendorReturns.get', { id: first.id }, viewer);
    expect(seen.lines[0]!.unitCost).toBeNull();
  });
});
