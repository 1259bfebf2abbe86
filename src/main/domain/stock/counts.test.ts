import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, seedWorld, type TestApp } from '@main/testing/harness';

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

  it('answers each scan and typed quantity with exactly the line the whole count shows, for every kind of line', () => {
    const toner = t.ok('catalog.createProduct', { sku: 'TN-2420', name: 'Brother toner', unitCost: 500_000, unitPrice: 800_000, msrp: 900_000, serialized: false, barcode: '4977766779' });
    const dock = t.ok('catalog.createProduct', { sku: 'DK-USB', name: 'USB-C dock', unitCost: 1_500_000, unitPrice: 2_000_000, msrp: 2_500_000, serialized: true });
    t.ok('stock.add', { productId: toner.id, locationId: w.main.id, qty: 4, costMethod: 'manual', unitCost: 500_000, reason: null });
    t.ok('stock.add', { productId: dock.id, locationId: w.shelf.id, qty: 2, costMethod: 'catalogue', serials: ['DK-1', 'DK-2'], reason: null });
    const count = t.ok('stock.startCount', { locationId: w.main.id });
    const lineOf = (productId: number) => t.ok('stock.getCount', { id: count.id }).lines.find((l) => l.productId === productId);
    const scans: [string, number][] = [
      ['CAB-6-2M', w.cable.id], // SKU, expected here
      ['cab-6-2m', w.cable.id], // SKU in another case
      ['8412345678905', w.cable.id], // barcode
      ['4977766779', toner.id],
      ['SN-2', w.laptop.id], // serial expected here
      ['SN-9', w.laptop.id], // serial the ledger places in the van
      ['DK-1', dock.id], // a product not expected at this location at all
      ['SN-1', w.laptop.id],
    ];
    for (const [code, productId] of scans) {
      const answer = t.ok('stock.scanCount', { id: count.id, code });
      expect(answer.productId).toBe(productId);
      expect(answer.line).toEqual(lineOf(productId));
      expect(answer.countedQty).toBe(answer.line.countedQty);
    }
    expect(lineOf(w.laptop.id)).toMatchObject({ expectedQty: 3, countedQty: 3, missingSerials: ['SN-3'], unexpectedSerials: ['SN-9'] });
    expect(lineOf(dock.id)).toMatchObject({ expectedQty: 0, countedQty: 1, difference: 1, unexpectedSerials: ['DK-1'] });
    const typed: [number, number][] = [
      [w.cable.id, 0],
      [w.cable.id, 25],
      [toner.id, 4],
      [w.laptop.id, 0], // serialized: "counted, none found" clears its scans
      [dock.id, 0],
    ];
    for (const [productId, countedQty] of typed) {
      const answer = t.ok('stock.setCountQty', { id: count.id, productId, countedQty });
      expect(answer).toEqual(lineOf(productId));
      expect(answer).toMatchObject({ counted: true, countedQty });
    }
    expect(lineOf(w.laptop.id)).toMatchObject({ expectedQty: 3, difference: -3, missingSerials: ['SN-1', 'SN-2', 'SN-3'], unexpectedSerials: [] });
    // A product neither stocked here nor counted yet gets its first line from a typed quantity.
    const fresh = t.ok('catalog.createProduct', { sku: 'AA-NEW', name: 'New product', unitCost: 10_000, unitPrice: 20_000, msrp: 20_000, serialized: false });
    const first = t.ok('stock.setCountQty', { id: count.id, productId: fresh.id, countedQty: 2 });
    expect(first).toEqual(lineOf(fresh.id));
    expect(first).toMatchObject({ expectedQty: 0, countedQty: 2, difference: 2 });
    // Refusals leave the line as it was.
    expect(t.ok('stock.scanCount', { id: count.id, code: 'SN-2' }).line).toMatchObject({ countedQty: 1, missingSerials: ['SN-1', 'SN-3'] });
    const before = t.ok('stock.getCount', { id: count.id }).lines;
    expect(t.fail('stock.setCountQty', { id: count.id, productId: dock.id, countedQty: 1 }).code).toBe('SERIAL_REQUIRED');
    expect(t.fail('stock.scanCount', { id: count.id, code: 'SN-2' }).code).toBe('DUPLICATE_SERIAL');
    expect(t.ok('stock.getCount', { id: count.id }).lines).toEqual(before);
  });
});
