import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, seedWorld, type TestApp } from '../../testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  t.ok('catalog.updateProduct', { ...productFields(w.cable), barcode: '8412345678905' });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', serials: ['SN-1', 'SN-2', 'SN-3'], reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.van.id, qty: 1, costMethod: 'catalogue', serials: ['SN-9'], reason: null });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  t.close();
});

function onHand(productId: number, locationId: number) {
  return t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0]?.onHand ?? 0;
}

describe('stocktake', () => {
  it('counts by scanning SKU, barcode and serials, reviews differences and posts them in one step', () => {
    const count = t.ok('stock.startCount', { locationId: w.main.id, note: 'Q1 count' });
    expect(count.number).toMatch(/^CNT-/);
    expect(t.fail('stock.startCount', { locationId: w.main.id }).code).toBe('COUNT_OPEN');
    for (let i = 0; i < 6; i++) t.ok('stock.scanCount', { id: count.id, code: i % 2 ? 'cab-6-2m' : '8412345678905' });
    t.ok('stock.scanCount', { id: count.id, code: 'SN-1' });
    t.ok('stock.scanCount', { id: count.id, code: 'SN-3' });
    const scanned = t.ok('stock.scanCount', { id: count.id, code: 'SN-9' });
    expect(scanned).toMatchObject({ sku: 'LT-T14', serialNumber: 'SN-9', countedQty: 3 });
    expect(t.fail('stock.scanCount', { id: count.id, code: 'SN-9' }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('stock.scanCount', { id: count.id, code: 'LT-T14' }).code).toBe('SERIAL_REQUIRED');
    expect(t.fail('stock.scanCount', { id: count.id, code: 'NOPE' }).code).toBe('NOT_FOUND');

    const review = t.ok('stock.getCount', { id: count.id });
    expect(review.lines.find((l) => l.sku === 'CAB-6-2M')).toMatchObject({ expectedQty: 10, countedQty: 6, difference: -4, counted: true });
    expect(review.lines.find((l) => l.sku === 'LT-T14')).toMatchObject({ expectedQty: 3, countedQty: 3, missingSerials: ['SN-2'], unexpectedSerials: ['SN-9'] });

    t.ok('stock.postCount', { id: count.id });
    expect(onHand(w.cable.id, w.main.id)).toBe(6);
    const serialsHere = t.ok('stock.listLots', { productId: w.laptop.id, locationId: w.main.id, sortBy: 'serialNumber' }).rows.map((r) => r.serialNumber);
    expect(serialsHere).toEqual(['SN-1', 'SN-3', 'SN-9']);
    // The unit the ledger had in the van was found here: it is moved, not invented.
    expect(onHand(w.laptop.id, w.van.id)).toBe(0);
    const posted = t.ok('stock.getCount', { id: count.id });
    expect(posted.status).toBe('posted');
    // The posted count still shows what it found, not a comparison with today's stock.
    expect(posted.lines.find((l) => l.sku === 'CAB-6-2M')).toMatchObject({ expectedQty: 10, countedQty: 6, difference: -4 });
    expect(posted.lines.find((l) => l.sku === 'LT-T14')).toMatchObject({ expectedQty: 3, countedQty: 3, missingSerials: ['SN-2'], unexpectedSerials: ['SN-9'] });
    expect(t.fail('stock.scanCount', { id: count.id, code: 'SN-1' }).code).toBe('INVALID_TRANSITION');
    expect(t.ok('stock.history', { productId: w.cable.id }).rows[0]).toMatchObject({ type: 'stocktake', documentNumber: count.number, qty: 4 });
  });

  it('adds a surplus at the average cost and leaves uncounted products unchanged', () => {
    const count = t.ok('stock.startCount', { locationId: w.main.id });
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 12 });
    t.ok('stock.postCount', { id: count.id, reason: 'annual count' });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]).toMatchObject({ onHand: 12, value: '120000' });
    expect(onHand(w.laptop.id, w.main.id)).toBe(3);
  });

  it('can be cancelled without touching stock, and a posted count can be reversed', () => {
    const first = t.ok('stock.startCount', { locationId: w.main.id });
    t.ok('stock.setCountQty', { id: first.id, productId: w.cable.id, countedQty: 0 });
    t.ok('stock.cancelCount', { id: first.id });
    expect(onHand(w.cable.id, w.main.id)).toBe(10);
    const second = t.ok('stock.startCount', { locationId: w.main.id });
    t.ok('stock.setCountQty', { id: second.id, productId: w.laptop.id, countedQty: 0 });
    expect(t.fail('stock.setCountQty', { id: second.id, productId: w.laptop.id, countedQty: 2 }).code).toBe('SERIAL_REQUIRED');
    t.ok('stock.postCount', { id: second.id });
    expect(onHand(w.laptop.id, w.main.id)).toBe(0);
    t.ok('stock.reverse', { documentType: 'stocktake', id: second.id });
    expect(onHand(w.laptop.id, w.main.id)).toBe(3);
    expect(t.ok('stock.listCounts', {}).rows.map((c) => c.status)).toEqual(['reversed', 'canceled']);
  });
});
