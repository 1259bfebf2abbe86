// Several lines of one action for the same product choose units cumulatively: a line takes what the lines
// before it left, never the same lot or serial twice (ARCHITECTURE.md, "Multi-line actions"). A receipt has
// one line per PO line and a stocktake one count per product and serial: repeats are refused by name.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act } from '@main/testing/act';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { ledgerSnapshot, lotsAt } from '@main/testing/ledger';
import { Claims, takeOldestFirst, takeSerials } from './units';

const DAY = 86_400_000;

describe('lines of one transfer choose from what the lines before them left (random lots and lines)', () => {
  let t: TestApp;
  let w: ReturnType<typeof seedWorld>;
  let productNo = 0;
  beforeAll(() => {
    t = createTestApp();
    w = seedWorld(t);
  });
  afterAll(() => {
    expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
    t.close();
  });

  /** FIFO over the lots (oldest first), skipping reserved units: what `qty` units leave, per lot. */
  function fifo(lots: { id: number; free: number }[], qty: number): Map<number, number> {
    const taken = new Map<number, number>();
    let left = qty;
    for (const lot of lots) {
      const n = Math.min(lot.free, left);
      if (n > 0) taken.set(lot.id, n);
      left -= n;
    }
    return taken;
  }

  it('takes every lot once, oldest first, across 2–5 lines, directly or shipped through In-transit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<'direct' | 'ship'>('direct', 'ship'),
        fc.boolean(),
        (lotSizes, lineQtys, reserved, mode, withOtherProduct) => {
          const sqlite = t.app.ctx.sqlite;
          const sku = `MULTI-${++productNo}`;
          const product = t.ok('catalog.createProduct', { sku, name: sku, unitCost: 10_000, unitPrice: 0, msrp: 0, serialized: false });
          const lots = lotSizes.map((qty, i) => {
            t.clock.now += DAY;
            t.ok('stock.add', { productId: product.id, locationId: w.main.id, qty, costMethod: 'manual', unitCost: 10_000 * (i + 1), reason: null });
            return (sqlite.prepare(`SELECT max(id) AS id FROM lots`).get() as { id: number }).id;
          });
          // Units held for a quote are not free to leave: FIFO skips them.
          const held = Math.min(reserved, lotSizes[0]!);
          if (held > 0) {
            // Reserved oldest first: the units held are the first lot's.
            const client = t.ok('catalog.createCompany', { name: `Quote client ${product.id}`, isClient: true });
            const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Held units' });
            const item = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: product.id, quantity: held }).items[0]!;
            t.ok('stock.reserve', { quoteItemId: item.id, locationId: w.main.id, qty: held });
          }
          // Another product's line between them must not disturb the count.
          t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'manual', unitCost: 15_000, reason: null });
          const lines = lineQtys.map((qty) => ({ productId: product.id, qty }));
          if (withOtherProduct) lines.splice(1, 0, { productId: w.cable.id, qty: 1 });
          const free = lotSizes.reduce((a, b) => a + b, 0) - held;
          const wanted = lineQtys.reduce((a, b) => a + b, 0);
          const destination = withOtherProduct ? w.van.id : w.shelf.id;
          const before = ledgerSnapshot(sqlite);
          const result = t.app.call('stock.transfer', { fromLocationId: w.main.id, toLocationId: destination, mode, lines, note: null }, t.token);
          if (wanted > free) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { productId: product.id, requested: expect.any(Number) } });
            expect(ledgerSnapshot(sqlite)).toEqual(before);
            return;
          }
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          if (mode === 'ship') t.ok('stock.receiveTransfer', { id: result.data.id });
          const expected = fifo(
            lots.map((id, i) => ({ id, free: lotSizes[i]! - (i === 0 ? held : 0) })),
            wanted,
          );
          const arrived = new Map([...lotsAt(sqlite, destination)].filter(([lot]) => lots.includes(lot)));
          expect(arrived).toEqual(expected);
          // Each line's moves carry its own line number and its units.
          const perLine = sqlite
            .prepare(`SELECT source_line AS line, sum(qty) AS qty FROM stock_moves WHERE source_type = 'transfer' AND source_id = ? AND from_location_id = ? AND product_id = ? GROUP BY source_line ORDER BY source_line`)
            .all(result.data.id, w.main.id, product.id) as { line: number; qty: number }[];
          expect(perLine.map((l) => l.qty)).toEqual(lineQtys);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('multi-line actions', () => {
  let t: TestApp;
  let w: ReturnType<typeof seedWorld>;
  beforeEach(() => {
    t = createTestApp();
    w = seedWorld(t);
  });
  afterEach(() => {
    expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
    t.close();
  });

  function twoLots(productId = w.cable.id, locationId = w.main.id) {
    t.ok('stock.add', { productId, locationId, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.clock.now += DAY;
    t.ok('stock.add', { productId, locationId, qty: 10, costMethod: 'manual', unitCost: 30_000, reason: null });
  }

  function laptops(serials: string[], locationId = w.main.id) {
    for (const serial of serials) {
      t.clock.now += 1000;
      t.ok('stock.add', { productId: w.laptop.id, locationId, qty: 1, costMethod: 'catalogue', serials: [serial], reason: null });
    }
  }

  it('transfers two lines of 10 from two lots of 10, taking both lots at their own cost', () => {
    twoLots();
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 10 }, { productId: w.cable.id, qty: 10 }] });
    const van = t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.van.id }).rows[0]!;
    expect(van).toMatchObject({ onHand: 20, value: String(10 * 10_000 + 10 * 30_000) });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]).toMatchObject({ onHand: 0, value: '0' });
  });

  it('ships two lines through In-transit, receives them and reverses the transfer', () => {
    twoLots();
    const doc = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 7 }, { productId: w.cable.id, qty: 8 }] });
    const transit = t.ok('stock.valueByLocation', {}).rows.find((r) => r.name === 'In-transit');
    expect(transit).toMatchObject({ units: 15, value: String(10 * 10_000 + 5 * 30_000) });
    t.ok('stock.receiveTransfer', { id: doc.id });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.shelf.id }).rows[0]).toMatchObject({ onHand: 15 });
    t.ok('stock.reverse', { documentType: 'transfer', id: doc.id, reason: null });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]).toMatchObject({ onHand: 20, value: String(10 * 10_000 + 10 * 30_000) });
  });

  it('refuses lines that together ask for more than is free, naming the line, and changes nothing', () => {
    twoLots();
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    const error = t.fail('stock.transfer', {
      fromLocationId: w.main.id,
      toLocationId: w.van.id,
      lines: [{ productId: w.cable.id, qty: 10 }, { productId: w.cable.id, qty: 6 }, { productId: w.cable.id, qty: 5 }],
    });
    expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { requested: 5, available: 4, line: 2 } });
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
  });

  it('moves different serials of one product on several lines, mixed with quantity lines of another', () => {
    laptops(['S1', 'S2', 'S3', 'S4', 'S5']);
    twoLots();
    t.ok('stock.transfer', {
      fromLocationId: w.main.id,
      toLocationId: w.van.id,
      lines: [
        { productId: w.laptop.id, serials: ['S1', 's2'] },
        { productId: w.cable.id, qty: 12 },
        { productId: w.laptop.id, serials: ['\u00A0S3'] },
        { productId: w.cable.id, qty: 8 },
        { productId: w.laptop.id, serials: ['s5\t'] },
      ],
    });
    expect(t.ok('stock.listLots', { productId: w.laptop.id, locationId: w.van.id }).rows.map((r) => r.serialNumber).sort()).toEqual(['S1', 'S2', 'S3', 'S5']);
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.van.id }).rows[0]).toMatchObject({ onHand: 20 });
  });

  it('moves one serial of two products on two lines: serials are unique per product', () => {
    laptops(['TWIN-1']);
    const phone = t.ok('catalog.createProduct', { sku: 'PH-1', name: 'Phone', unitCost: 1_000_000, unitPrice: 0, msrp: 0, serialized: true });
    t.ok('stock.add', { productId: phone.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['twin-1'], reason: null });
    t.ok('stock.transfer', {
      fromLocationId: w.main.id,
      toLocationId: w.van.id,
      lines: [
        { productId: w.laptop.id, serials: ['TWIN-1'] },
        { productId: phone.id, serials: ['TWIN-1'] },
      ],
    });
    expect(t.ok('stock.listLots', { locationId: w.van.id, sortBy: 'sku' }).rows.map((r) => [r.sku, r.serialNumber])).toEqual([
      ['LT-T14', 'TWIN-1'],
      ['PH-1', 'twin-1'],
    ]);
  });

  const repeats: [string, string[][], string[]][] = [
    ['the same serial on two lines', [['S1'], ['S1']], ['S1']],
    ['another case on a later line', [['S1', 'S2'], ['s2']], ['S2', 's2']],
    ['blanks around it on a later line', [['S3'], ['\u3000S3\u202F']], ['S3']],
    ['a zero-width space after it', [['S1'], ['S2'], ['s1\u200B']], ['S1', 's1\u200B']],
    ['two spellings within one line', [['S4', 's4']], ['S4', 's4']],
  ];
  it.each(repeats)('refuses a transfer naming one unit twice: %s', (_name, serialLines, named) => {
    laptops(['S1', 'S2', 'S3', 'S4']);
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    const error = t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: serialLines.map((serials) => ({ productId: w.laptop.id, serials })) });
    expect(error.code).toBe('DUPLICATE_SERIAL');
    expect(error.details).toMatchObject({ within: 'list' });
    expect([...(error.details!.serials as string[])].sort()).toEqual([...named].sort());
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
  });

  it('refuses a removal naming one unit twice in two spellings', () => {
    laptops(['S1', 'S2']);
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    expect(t.fail('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['S1', 'S2', ' s1'], destination: 'scrap', reason: null })).toMatchObject({
      code: 'DUPLICATE_SERIAL',
      details: { serials: ['S1', 's1'], within: 'list' },
    });
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
    t.ok('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['s1', 'S2'], destination: 'scrap', reason: null });
  });

  it('lets a quantity line take only what a named serial of the same product leaves, and a named serial only what an earlier line left', () => {
    laptops(['OLD', 'MID', 'NEW']);
    const ctx = t.app.ctx;
    act(ctx, () => {
      const claims = new Claims();
      expect(takeSerials(ctx, claims, w.laptop.id, w.main.id, ['old']).map((u) => u.serialNumber)).toEqual(['OLD']);
      expect(takeOldestFirst(ctx, claims, w.laptop.id, w.main.id, 1).map((u) => u.serialNumber)).toEqual(['MID']);
      expect(takeOldestFirst(ctx, claims, w.laptop.id, w.main.id, 1).map((u) => u.serialNumber)).toEqual(['NEW']);
      expect(() => takeOldestFirst(ctx, claims, w.laptop.id, w.main.id, 1)).toThrow('INSUFFICIENT_STOCK');
    });
    act(ctx, () => {
      const claims = new Claims();
      expect(takeOldestFirst(ctx, claims, w.laptop.id, w.main.id, 2).map((u) => u.serialNumber)).toEqual(['OLD', 'MID']);
      expect(() => takeSerials(ctx, claims, w.laptop.id, w.main.id, ['MID'])).toThrow('SERIAL_NOT_FOUND');
      expect(takeSerials(ctx, claims, w.laptop.id, w.main.id, ['New']).map((u) => u.serialNumber)).toEqual(['NEW']);
      expect(() => takeSerials(ctx, claims, w.laptop.id, w.main.id, ['new'])).toThrow('DUPLICATE_SERIAL');
    });
  });

  it('claims units per location: the same lot at two locations is two sets of units', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 4 }] });
    const ctx = t.app.ctx;
    act(ctx, () => {
      const claims = new Claims();
      const atMain = takeOldestFirst(ctx, claims, w.cable.id, w.main.id, 6);
      const atShelf = takeOldestFirst(ctx, claims, w.cable.id, w.shelf.id, 4);
      expect(atShelf[0]!.lotId).toBe(atMain[0]!.lotId);
      expect(() => takeOldestFirst(ctx, claims, w.cable.id, w.main.id, 1)).toThrow('INSUFFICIENT_STOCK');
      expect(() => takeOldestFirst(ctx, claims, w.cable.id, w.shelf.id, 1)).toThrow('INSUFFICIENT_STOCK');
    });
    // The same choices through the API, one transfer from each location in turn.
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 3 }, { productId: w.cable.id, qty: 3 }] });
    t.ok('stock.transfer', { fromLocationId: w.shelf.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 2 }, { productId: w.cable.id, qty: 2 }] });
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.van.id }).rows[0]).toMatchObject({ onHand: 10 });
  });
});

describe('documents with one line per PO line, product or serial', () => {
  let t: TestApp;
  let w: ReturnType<typeof seedWorld>;
  beforeEach(() => {
    t = createTestApp();
    w = seedWorld(t);
  });
  afterEach(() => t.close());

  function order() {
    const vendor = t.ok('catalog.createCompany', { name: 'Ingram', isVendor: true, isClient: false });
    const toner = t.ok('catalog.createProduct', { sku: 'TONER', name: 'Toner', unitCost: 5_000, unitPrice: 0, msrp: 0, serialized: false });
    for (const p of [w.cable, w.laptop, toner]) t.ok('catalog.saveProductVendor', { productId: p.id, vendorId: vendor.id, vendorCost: 10_000 });
    const po = t.ok('purchasing.createOrder', {
      vendorId: vendor.id,
      lines: [
        { productId: w.cable.id, qty: 10, locationId: w.main.id },
        { productId: w.laptop.id, qty: 4, locationId: w.main.id },
        { productId: toner.id, qty: 5, locationId: w.main.id },
        { productId: w.laptop.id, qty: 4, locationId: w.main.id },
      ],
    });
    t.ok('purchasing.submit', { id: po.id });
    return po.lines.map((l) => l.id);
  }

  const cases: [string, number[], number[]][] = [
    ['a line twice', [0, 0], [0, 1]],
    ['a line again after another', [0, 2, 0], [0, 2]],
    ['a line three times', [2, 2, 2], [0, 1, 2]],
    ['two lines twice each', [0, 2, 0, 2], [0, 1, 2, 3]],
    ['the last of four repeats the second', [2, 0, 1, 0], [1, 3]],
  ];
  it.each(cases)('refuses a receipt naming %s, naming the lines, and changes nothing', (_name, picks, named) => {
    const lineIds = order();
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    let serial = 0;
    const lines = picks.map((i) => ({ lineId: lineIds[i]!, qty: 1, serials: i === 1 ? [`R${++serial}`] : undefined }));
    const error = t.fail('purchasing.receive', { lines });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'repeatedLine', lines: named } });
    expect((error.details!.fields as { path: string }[]).map((f) => f.path)).toEqual(named.filter((i) => picks.indexOf(picks[i]!) !== i).map((i) => `lines.${i}.lineId`));
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
  });

  it('refuses one serial received on two lines of the same product in two spellings', () => {
    const lineIds = order();
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    expect(
      t.fail('purchasing.receive', {
        lines: [
          { lineId: lineIds[1]!, qty: 2, serials: ['RX1', 'RX2'] },
          { lineId: lineIds[3]!, qty: 1, serials: ['rx2\u00A0'] },
        ],
      }),
    ).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { serials: ['RX2', 'rx2'], within: 'list' } });
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
    t.ok('purchasing.receive', { lines: [{ lineId: lineIds[1]!, qty: 2, serials: ['RX1', 'RX2'] }, { lineId: lineIds[3]!, qty: 1, serials: ['RX3'] }] });
  });

  it('counts a unit once whatever spelling is scanned, and a product on one line', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['CNT-A', 'CNT-B'], reason: null });
    const count = t.ok('stock.startCount', { locationId: w.main.id, note: null });
    expect(t.ok('stock.scanCount', { id: count.id, code: 'cnt-a' })).toMatchObject({ serialNumber: 'CNT-A', countedQty: 1 });
    for (const code of ['CNT-A', ' Cnt-A\t', '\u00A0cnt-a\u3000']) {
      expect(t.fail('stock.scanCount', { id: count.id, code })).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { serials: ['CNT-A'], within: 'count' } });
    }
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 3 });
    t.ok('stock.setCountQty', { id: count.id, productId: w.cable.id, countedQty: 0 });
    const lines = t.ok('stock.getCount', { id: count.id }).lines;
    expect(lines.filter((l) => l.productId === w.cable.id)).toHaveLength(1);
    expect(lines.find((l) => l.productId === w.laptop.id)).toMatchObject({ countedQty: 1, missingSerials: ['CNT-B'] });
  });
});
