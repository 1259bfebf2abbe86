// Transfers as documents: a shipment received in parts — a quantity of a line, the serials scanned — each
// checked against what is on its way; the transfer's page (lines, serials still on their way, value for who
// may see costs, history); a partly received shipment canceled back to its source. Refusals change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let shipment: { id: number; number: string };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-A', 'LT-B', 'LT-C'], reason: null });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  shipment = t.ok('stock.transfer', {
    fromLocationId: w.main.id,
    toLocationId: w.van.id,
    mode: 'ship',
    note: 'Weekly van refill',
    lines: [
      { productId: w.laptop.id, serials: ['LT-A', 'LT-B', 'LT-C'] },
      { productId: w.cable.id, qty: 6 },
    ],
  });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const onHand = (productId: number, locationId: number) => t.ok('stock.listLots', { productId, locationId }).rows.reduce((n, r) => n + r.qty, 0);

describe('a shipment received in parts', () => {
  it('takes what arrived — a quantity, the serials scanned in any spelling — and leaves the rest on its way', () => {
    expect(t.ok('stock.getTransfer', { id: shipment.id })).toMatchObject({ status: 'inTransit', mode: 'ship', fromLocationName: 'Main warehouse', toLocationName: 'Van Tech', note: 'Weekly van refill', units: 9 });
    t.ok('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 1, serials: ['lt-b'] }, { line: 2, qty: 4 }] });
    let doc = t.ok('stock.getTransfer', { id: shipment.id });
    expect(doc.status).toBe('partlyReceived');
    expect(doc.lines).toMatchObject([
      { line: 1, sku: 'LT-T14', qty: 3, inTransit: 2, value: String(3 * 8_000_000), serials: [{ serial: 'LT-A', inTransit: true }, { serial: 'LT-B', inTransit: false }, { serial: 'LT-C', inTransit: true }] },
      { line: 2, sku: 'CAB-6-2M', qty: 6, inTransit: 2, serials: [] },
    ]);
    expect(onHand(w.laptop.id, w.van.id)).toBe(1);
    expect(onHand(w.cable.id, w.van.id)).toBe(4);
    // The rest arrives: everything still on its way.
    t.clock.now += 3_600_000;
    t.ok('stock.receiveTransfer', { id: shipment.id });
    doc = t.ok('stock.getTransfer', { id: shipment.id });
    expect(doc).toMatchObject({ status: 'done', receivedAt: t.clock.now });
    expect(doc.lines.map((l) => l.inTransit)).toEqual([0, 0]);
    expect(onHand(w.laptop.id, w.van.id)).toBe(3);
    expect(onHand(w.cable.id, w.van.id)).toBe(6);
    expect(doc.history.map((e) => [e.type, e.toState, e.details.units])).toEqual([
      ['receive', 'done', 4],
      ['receive', 'partlyReceived', 5],
      ['ship', 'inTransit', undefined],
    ]);
  });

  it('refuses a serial not on its way on the line, more than is on its way, a serialized line by quantity, a line twice or not there; nothing changes', () => {
    t.ok('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 1, serials: ['LT-A'] }] });
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 1, serials: ['LT-A'] }] })).toMatchObject({ code: 'SERIAL_NOT_FOUND', details: { serials: ['LT-A'], transfer: shipment.number } });
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 1, serials: ['LT-Z', 'LT-B'] }] })).toMatchObject({ code: 'SERIAL_NOT_FOUND', details: { serials: ['LT-Z'] } });
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 1, serials: ['LT-B', 'lt-b'] }] }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 2, qty: 7 }] })).toMatchObject({ code: 'OVER_RECEIPT', details: { outstanding: 6, requested: 7 } });
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 1, qty: 1 }] }).code).toBe('SERIAL_REQUIRED');
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 2, qty: 1 }, { line: 2, qty: 1 }] }).code).toBe('VALIDATION');
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 3, qty: 1 }] }).code).toBe('NOT_FOUND');
    // A later line failing undoes the earlier ones.
    expect(t.fail('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 2, qty: 1 }, { line: 1, serials: ['NOPE'] }] }).code).toBe('SERIAL_NOT_FOUND');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  });

  it('cancels a partly received shipment: every unit, received or not, goes back to the source', () => {
    t.ok('stock.receiveTransfer', { id: shipment.id, lines: [{ line: 2, qty: 2 }] });
    t.ok('stock.reverse', { documentType: 'transfer', id: shipment.id, reason: 'Wrong van' });
    expect(t.ok('stock.getTransfer', { id: shipment.id }).status).toBe('canceled');
    expect(onHand(w.cable.id, w.main.id)).toBe(10);
    expect(onHand(w.laptop.id, w.main.id)).toBe(3);
    expect(onHand(w.cable.id, w.van.id)).toBe(0);
    expect(t.fail('stock.receiveTransfer', { id: shipment.id }).code).toBe('INVALID_TRANSITION');
  });

  it('shows a direct transfer with no units on their way, and its value only to who may see costs', () => {
    const direct = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 2 }], mode: 'direct', note: null });
    expect(t.ok('stock.getTransfer', { id: direct.id })).toMatchObject({ status: 'done', mode: 'direct', lines: [{ qty: 2, inTransit: 0, value: String(2 * 10_000) }] });
    const viewer = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view'] }).id);
    expect(t.ok('stock.getTransfer', { id: direct.id }, viewer).lines[0]!.value).toBeNull();
    expect(t.fail('stock.getTransfer', { id: 99_999 }).code).toBe('NOT_FOUND');
  });
});

describe('the history of units from several lots', () => {
  it('shows one row per line, not per lot: a count’s −2 from two receipts, a transfer of 12 from two lots, and its reversal', () => {
    // Two lots of cables at the office shelf: 1 and 1.
    t.ok('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 1, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.clock.now += 1000;
    t.ok('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 1, costMethod: 'manual', unitCost: 12_000, reason: null });
    t.clock.now += 1000;
    const count = t.ok('stock.startCount', { locationId: w.shelf.id });
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 0 });
    t.ok('stock.postCount', { id: count.id, reason: 'lost' });
    const rows = t.ok('stock.history', { locationId: w.shelf.id, productId: w.cable.id }).rows;
    expect(rows.filter((r) => r.type === 'stocktake').map((r) => r.qty)).toEqual([2]);
    // 10 − 6 shipped = 4 cables at Main in one lot, plus 10 more in another: 12 move on one line, from two lots.
    t.clock.now += 1000;
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 20_000, reason: null });
    t.clock.now += 1000;
    const direct = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 12 }], mode: 'direct', note: null });
    const moved = t.ok('stock.history', { productId: w.cable.id }).rows.filter((r) => r.documentNumber === direct.number);
    expect(moved.map((r) => r.qty)).toEqual([12]);
    t.clock.now += 1000;
    t.ok('stock.reverse', { documentType: 'transfer', id: direct.id, reason: 'wrong shelf' });
    const undone = t.ok('stock.history', { productId: w.cable.id }).rows.filter((r) => r.documentNumber === direct.number);
    expect(undone.map((r) => [r.type, r.qty])).toEqual([
      ['reversal', 12],
      ['transfer', 12],
    ]);
    // Serialized units stay one row each.
    const laptops = t.ok('stock.history', { productId: w.laptop.id }).rows.filter((r) => r.documentNumber === shipment.number);
    expect(laptops).toHaveLength(3);
  });
});

describe('what a shipment on its way holds back', () => {
  it('a count does not find a unit that is on its way: it is received through its transfer', () => {
    const count = t.ok('stock.startCount', { locationId: w.van.id });
    t.ok('stock.scanCount', { id: count.id, code: 'LT-A' });
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('stock.postCount', { id: count.id, reason: 'found' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'serialAway', serial: 'LT-A', place: 'transit' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    t.ok('stock.cancelCount', { id: count.id });
    t.ok('stock.receiveTransfer', { id: shipment.id });
  });

  it('a unit found by a count after it was scrapped comes back from Scrap, and the scrapping can no longer be undone', () => {
    t.ok('stock.receiveTransfer', { id: shipment.id });
    const scrap = t.ok('stock.remove', { productId: w.laptop.id, locationId: w.van.id, qty: 1, serials: ['LT-A'], destination: 'scrap', reason: 'broken' });
    const count = t.ok('stock.startCount', { locationId: w.van.id });
    for (const serial of ['LT-A', 'LT-B', 'LT-C']) t.ok('stock.scanCount', { id: count.id, code: serial });
    t.ok('stock.postCount', { id: count.id, reason: 'it works after all' });
    expect(t.ok('stock.history', { serial: 'LT-A' }).rows[0]).toMatchObject({ fromLocationName: 'Scrap', toLocationName: 'Van Tech' });
    expect(t.fail('stock.reverse', { documentType: 'adjustment', id: scrap.id, reason: 'undo' }).code).toBe('REVERSAL_BLOCKED');
  });

  it('a canceled shipment has nothing on its way; its product keeps its shape and its locations stay active while it travels', () => {
    const cable = t.ok('catalog.getProduct', { id: w.cable.id });
    // Every cable at Main was shipped: only the 6 on their way remain, and they count.
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 4, destination: 'adjustment', reason: 'used' });
    expect(t.fail('catalog.updateProduct', { ...productFields(cable), id: cable.id, serialized: true })).toMatchObject({ code: 'SERIALIZED_HAS_STOCK', details: { units: 6 } });
    expect(t.fail('locations.setActive', { id: w.van.id, active: false })).toMatchObject({ code: 'LOCATION_IN_USE', details: { shipments: 1 } });
    t.ok('stock.reverse', { documentType: 'transfer', id: shipment.id, reason: 'not needed' });
    const doc = t.ok('stock.getTransfer', { id: shipment.id });
    expect(doc.lines.map((l) => l.inTransit)).toEqual([0, 0]);
    expect(doc.lines[0]!.serials.every((s) => !s.inTransit)).toBe(true);
  });

  it('refuses a day that does not exist as bad input, not as a fault', () => {
    expect(t.fail('vendorReturns.create', { vendorId: 1, locationId: w.main.id, reason: 'other', vendorRmaNumber: 'X', expectedBy: '2026-13-01', lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('VALIDATION');
    expect(t.fail('vendorReturns.create', { vendorId: 1, locationId: w.main.id, reason: 'other', vendorRmaNumber: 'X', expectedBy: '2026-02-30', lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('VALIDATION');
  });
});
