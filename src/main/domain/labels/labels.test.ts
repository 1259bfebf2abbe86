// Barcode labels through the channel users call (stock.labelsPdf): what each label encodes, decoded the way a
// scanner reads it, must find the labelled thing where the app looks codes up (global search, the stocked
// items and inventory products searches); the door refuses what is malformed, forbidden or unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelSymbologies } from '@shared/contract/labels';
import { renderBarcode } from '@main/documents/barcodes';
import { readBarcode } from '@main/testing/barcodeReader';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { pdfPages } from '@main/testing/pdfText';
import { labelsDocument } from './labels';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let accented: { id: number };
let lots: { lotId: number; serialNumber: string | null }[];
const SERIALS = ['PF-2026/001', 'pf 2026-002'];

beforeAll(() => {
  t = createTestApp();
  w = seedWorld(t);
  accented = t.ok('catalog.createProduct', { sku: 'ÑU-Portátil 15', name: 'Portátil Ñandú 15"', unitCost: 1, unitPrice: 2, msrp: 2, serialized: false });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 10_000, serials: SERIALS, reason: null });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 10_000, reason: null });
  const rows = t.ok('stock.listInventoryProducts', { locationId: w.main.id }).rows;
  const at = (productId: number) => rows.find((r) => r.productId === productId)!;
  const edit = (productId: number, bin: string) => t.ok('stock.updateInventoryProduct', { id: at(productId).id, bin, referenceNumber: null, min: 0, max: 0 });
  edit(w.cable.id, 'B-02');
  edit(w.laptop.id, 'A-01/03');
  t.ok('stock.createInventoryProduct', { productId: accented.id, locationId: w.main.id, bin: ' B-02 ', min: 0, max: 0 });
  lots = t.ok('stock.listLots', { productId: w.laptop.id }).rows;
});
afterAll(() => t.close());

const input = (over: Record<string, unknown> = {}) => ({ symbology: 'code128' as const, format: 'a4' as const, locale: 'en' as const, ...over });

describe('what the labels say', () => {
  it('products, a location and its bins, and units, in that order, each copy after its label', async () => {
    const pdf = await t.okAsync(
      'stock.labelsPdf',
      input({ productIds: [w.cable.id, accented.id], locationIds: [w.main.id], binsOfLocationIds: [w.main.id], lotIds: lots.map((l) => l.lotId), copies: 2 }),
    );
    expect(pdf).toMatchObject({ labels: 14, pages: 1, filename: expect.stringMatching(/^labels-\d{4}-\d{2}-\d{2}\.pdf$/) });
    const text = (await pdfPages(Buffer.from(pdf.base64, 'base64')))[0]!;
    const order = ['CAB-6-2M', 'ÑU-Portátil 15', 'Main warehouse', 'A-01/03', 'B-02', ...SERIALS];
    const at = order.map((code) => text.indexOf(code));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Bin · Main warehouse');
    expect(text).toContain('LT-T14 · ThinkPad T14');
  });

  it.each(labelSymbologies)('every %s label, as scanned, finds what it labels', async (symbology) => {
    const doc = labelsDocument(t.app.ctx, {
      productIds: [w.cable.id, accented.id],
      locationIds: [w.main.id],
      binsOfLocationIds: [w.main.id],
      lotIds: lots.map((l) => l.lotId),
      symbology,
      format: 'roll',
      copies: 1,
      startAt: 1,
      locale: 'es',
    });
    const scanned = await Promise.all(doc.items.map(async (item) => readBarcode((await renderBarcode(symbology, item.code)).png, symbology)));
    const [cable, product, location, binA, binB, unit1, unit2] = scanned;
    const best = (q: string) => t.ok('search.global', { q }).best;
    expect(best(cable!)).toMatchObject({ kind: 'product', id: w.cable.id });
    expect(best(product!)).toMatchObject({ kind: 'product', id: accented.id });
    expect(best(location!)).toMatchObject({ kind: 'location', id: w.main.id });
    for (const [i, unit] of [unit1!, unit2!].entries()) {
      expect(best(unit)).toMatchObject({ kind: 'serial', id: lots.find((l) => l.serialNumber === SERIALS[i])!.lotId });
      expect(t.ok('stock.listLots', { serial: unit }).rows.map((r) => r.serialNumber)).toEqual([SERIALS[i]]);
    }
    // A bin scanned into the search at the top finds it at its location; into the Inventory products search,
    // it lists what is kept there.
    expect(t.ok('search.global', { q: binA! }).bins).toEqual([{ locationId: w.main.id, locationName: 'Main warehouse', bin: 'A-01/03', rank: 2 }]);
    expect(best(binB!)).toMatchObject({ kind: 'bin', id: w.main.id });
    const keptIn = (bin: string) => t.ok('stock.listInventoryProducts', { q: bin, locationId: w.main.id }).rows.map((r) => r.sku).sort();
    expect(binA).toBe('A-01/03');
    expect(keptIn(binA!)).toEqual(['LT-T14']);
    expect(binB).toBe('B-02');
    expect(keptIn(binB!)).toEqual(['CAB-6-2M', 'ÑU-Portátil 15']);
    expect(doc.items[3]!.caption).toBe('Casillero · Main warehouse');
  });

  it('labels a lot without a serial with its product’s SKU', async () => {
    const cableLot = t.ok('stock.listLots', { productId: w.cable.id }).rows[0]!;
    const doc = labelsDocument(t.app.ctx, { productIds: [], locationIds: [], binsOfLocationIds: [], lotIds: [cableLot.lotId], symbology: 'qr', format: 'a4', copies: 1, startAt: 1, locale: 'en' });
    expect(doc.items).toEqual([{ code: 'CAB-6-2M', caption: 'Cat6 cable 2 m' }]);
  });
});

describe('the door', () => {
  it('lets anyone who views inventory print labels', async () => {
    const token = t.tokenFor(w.tech.id);
    expect((await t.okAsync('stock.labelsPdf', input({ productIds: [w.cable.id], format: 'roll' }), token)).pages).toBe(1);
  });

  it('refuses a user who may not view inventory', async () => {
    const nobody = t.addUser({ username: 'labels-nobody', permissions: [] });
    expect(await t.failAsync('stock.labelsPdf', input({ productIds: [w.cable.id] }), t.tokenFor(nobody.id))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['nothing to label', input()],
    ['no symbology', { productIds: [1], format: 'a4', locale: 'en' }],
    ['an unknown format', input({ productIds: [1], format: 'letter' })],
    ['no copies', input({ productIds: [1], copies: 0 })],
    ['too many copies', input({ productIds: [1], copies: 101 })],
    ['too many products', input({ productIds: Array(501).fill(1) })],
    ['more than 2,000 labels', input({ productIds: Array(500).fill(1), copies: 5 })],
    ['an id that is not one', input({ lotIds: [0] })],
    ['an unknown field', input({ productIds: [1], serials: ['X'] })],
    ['a start on a roll', input({ productIds: [1], format: 'roll', startAt: 5 })],
    ['a start past the sheet', input({ productIds: [1], startAt: 25 })],
  ])('answers VALIDATION to %s', async (_, bad) => {
    expect((await t.failAsync('stock.labelsPdf', bad as never)).code).toBe('VALIDATION');
  });

  it('counts the bins in the 2,000 labels a PDF may hold', async () => {
    // 19 products × 100 copies fit the contract's bound; the location's two bins take it past 2,000.
    expect(await t.failAsync('stock.labelsPdf', input({ productIds: Array(19).fill(w.cable.id), binsOfLocationIds: [w.main.id], copies: 100 }))).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'tooManyLabels', labels: 2_100, max: 2_000 },
    });
  });

  it('names what it cannot find or label', async () => {
    expect(await t.failAsync('stock.labelsPdf', input({ productIds: [9_999] }))).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'product', id: 9_999 } });
    expect(await t.failAsync('stock.labelsPdf', input({ lotIds: [9_999] }))).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'lot' } });
    expect(await t.failAsync('stock.labelsPdf', input({ locationIds: [9_999] }))).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'location' } });
    const vendor = t.ok('locations.list', { includeVirtual: true }).find((l) => l.usage === 'virtual')!;
    expect(await t.failAsync('stock.labelsPdf', input({ locationIds: [vendor.id] }))).toMatchObject({ code: 'LOCATION_VIRTUAL', details: { name: vendor.name } });
    expect(await t.failAsync('stock.labelsPdf', input({ binsOfLocationIds: [w.shelf.id] }))).toMatchObject({ code: 'NO_BINS', details: { name: 'Office shelf' } });
  });

  it('refuses a Code 128 label that would not scan, and QR prints it', async () => {
    const long = t.ok('catalog.createProduct', { sku: 'HPE-ARUBA-INSTANT-ON-1930-48G-4SFP-PLUS-370W', name: 'Switch', unitCost: 1, unitPrice: 2, msrp: 2, serialized: false });
    expect(await t.failAsync('stock.labelsPdf', input({ productIds: [long.id], format: 'roll' }))).toMatchObject({ code: 'BARCODE_TOO_LONG', details: { text: 'HPE-ARUBA-INSTANT-ON-1930-48G-4SFP-PLUS-370W' } });
    const euro = t.ok('catalog.createProduct', { sku: 'GIFT-€50', name: 'Gift card', unitCost: 1, unitPrice: 2, msrp: 2, serialized: false });
    expect(await t.failAsync('stock.labelsPdf', input({ productIds: [euro.id] }))).toMatchObject({ code: 'BARCODE_CHARACTERS', details: { text: 'GIFT-€50' } });
    expect((await t.okAsync('stock.labelsPdf', input({ productIds: [long.id, euro.id], symbology: 'qr', format: 'roll' }))).labels).toBe(2);
  });

  it('belongs to Inventory: switched off, MODULE_DISABLED', async () => {
    t.ok('activations.set', { inventory: false, procurement: false, rma: false });
    expect((await t.failAsync('stock.labelsPdf', input({ productIds: [w.cable.id] }))).code).toBe('MODULE_DISABLED');
    t.ok('activations.set', { inventory: true, procurement: true, rma: true });
  });
});
