// Serial numbers are unique per product ignoring case and the blanks around them, on every path that writes
// one, within a request and across requests, and in the database itself; every path that looks a unit up by
// serial finds it in any spelling. A unit held for a quote or a charge cannot leave: SERIAL_UNAVAILABLE.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { ledgerSnapshot } from '@main/testing/ledger';
import { syncHeldCaches } from '@main/testing/ledgerDrift';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;

function open() {
  t = createTestApp();
  w = seedWorld(t);
}
function close() {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
}

/** Tests that only need a serialized product of their own share one app (building one costs a second). */
function sharedAppWithFreshLaptop() {
  let n = 0;
  beforeAll(open);
  afterAll(close);
  beforeEach(() => {
    n += 1;
    w = { ...w, laptop: t.ok('catalog.createProduct', { sku: `LT-${n}`, name: `Laptop ${n}`, unitCost: 9_000_000, unitPrice: 0, msrp: 0, serialized: true }) };
  });
}

function ownApp() {
  beforeEach(open);
  afterEach(close);
}

/** Spellings of SECDUP1A that name the same unit, as a user, a scanner or a pasted list may send them. */
const spellings = ['secdup1a', 'SecDup1A', 'secdup1a ', '\tSECDUP1A', 'SECDUP1A\u00A0', '\u2007secDUP1a\u202F', '\u3000SECDUP1A', 'secdup1a\u200B', '\uFEFFSECdup1A'];

function addLaptops(serials: string[], locationId = w.main.id) {
  return t.app.call('stock.add', { productId: w.laptop.id, locationId, qty: serials.length, costMethod: 'catalogue', serials, reason: null }, t.token);
}

function vendorOrder(qty: number) {
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendor.id, vendorCost: 8_000_000 });
  const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.laptop.id, qty, locationId: w.main.id }] });
  t.ok('purchasing.submit', { id: po.id });
  return po.lines[0]!.id;
}

describe('one unit per serial whatever its spelling, in one request or two', () => {
  sharedAppWithFreshLaptop();

  it.each(spellings)('refuses adding %j after SECDUP1A, in a second request, naming both serials', (spelling) => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['SECDUP1A'], reason: null });
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    const r = addLaptops(['OTHER-1', spelling]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { within: 'stock', existing: ['SECDUP1A'] } });
    expect(r.error.details!.serials).toEqual([spelling.trim()]);
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
  });

  it.each(spellings)('refuses SECDUP1A and %j in one request', (spelling) => {
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    const r = addLaptops(['SECDUP1A', 'OTHER-1', spelling]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { within: 'list', serials: [...new Set(['SECDUP1A', spelling.trim()])] } });
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
  });
});

describe('one unit per serial on every path that writes one', () => {
  ownApp();

  it('refuses a receipt of a serial already in stock in another spelling, and two spellings in one receipt', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['SECDUP1A'], reason: null });
    const lineId = vendorOrder(3);
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    expect(t.fail('purchasing.receive', { lines: [{ lineId, qty: 2, serials: ['NEW-1', 'secdup1a\t'] }] })).toMatchObject({
      code: 'DUPLICATE_SERIAL',
      details: { serials: ['secdup1a'], existing: ['SECDUP1A'], within: 'stock' },
    });
    expect(t.fail('purchasing.receive', { lines: [{ lineId, qty: 2, serials: ['NEW-1', 'new-1'] }] })).toMatchObject({
      code: 'DUPLICATE_SERIAL',
      details: { serials: ['NEW-1', 'new-1'], within: 'list' },
    });
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
    t.ok('purchasing.receive', { lines: [{ lineId, qty: 2, serials: ['NEW-1', 'NEW-2'] }] });
  });

  it('frees a serial when its receipt is cancelled, for the corrected receipt in another spelling', () => {
    const lineId = vendorOrder(2);
    const receipt = t.ok('purchasing.receive', { lines: [{ lineId, qty: 1, serials: ['RCV-ONE'] }] });
    t.ok('purchasing.cancelReceipt', { id: receipt.id, reason: 'wrong unit' });
    t.ok('purchasing.receive', { lines: [{ lineId, qty: 1, serials: ['rcv-one'] }] });
    // The history finds both units, the cancelled and the live one, in any spelling.
    const lots = new Set(
      t
        .ok('stock.history', { serial: ' RCV-one ' })
        .rows.filter((r) => r.type === 'receipt')
        .map((r) => r.serialNumber),
    );
    expect(lots).toEqual(new Set(['RCV-ONE', 'rcv-one']));
  });

  it('lets two products share a serial in any spelling', () => {
    const phone = t.ok('catalog.createProduct', { sku: 'PH-1', name: 'Phone', unitCost: 1_000_000, unitPrice: 0, msrp: 0, serialized: true });
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['SHARED-1'], reason: null });
    t.ok('stock.add', { productId: phone.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['shared-1'], reason: null });
  });

  it('edits a serial to another case of itself, never to another unit’s serial in any spelling', () => {
    addLaptops(['SECDUP1A', 'SECDUP2B']);
    const [a, b] = t.ok('stock.listLots', { productId: w.laptop.id, sortBy: 'serialNumber' }).rows;
    for (const spelling of ['secdup1a', ' SecDup1A', 'SECDUP1A\u00A0']) {
      expect(t.fail('stock.editSerial', { lotId: b!.lotId, serialNumber: spelling })).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { existing: ['SECDUP1A'] } });
    }
    expect(t.ok('stock.editSerial', { lotId: a!.lotId, serialNumber: 'SecDup1a' })).toEqual({ lotId: a!.lotId, serialNumber: 'SecDup1a' });
    expect(t.fail('stock.editSerial', { lotId: b!.lotId, serialNumber: 'SECDUP1A' }).code).toBe('DUPLICATE_SERIAL');
    t.ok('stock.editSerial', { lotId: b!.lotId, serialNumber: 'secdup3c' });
    expect(addLaptops(['SECDUP3C']).ok).toBe(false);
    expect(addLaptops(['SECDUP2B']).ok).toBe(true);
  });

  it('holds the rule in the database even for a write that skips the checks', () => {
    addLaptops(['DBKEY-1']);
    const lot = t.app.ctx.sqlite.prepare(`SELECT product_id, unit_cost, received_at FROM lots WHERE serial_number = 'DBKEY-1'`).get() as Record<string, number>;
    const insert = t.app.ctx.sqlite.prepare(
      `INSERT INTO lots (product_id, serial_number, serial_key, unit_cost, received_at, source_type, source_id) VALUES (?, ?, ?, ?, ?, 'adjustment', 1)`,
    );
    expect(() => insert.run(lot.product_id, 'dbkey-1 ', 'dbkey-1', lot.unit_cost, lot.received_at)).toThrow(/UNIQUE/);
  });
});

describe('finding a unit by serial in any spelling', () => {
  ownApp();
  beforeEach(() => {
    addLaptops(['SECDUP1A', 'SECDUP2B', 'OTHER-9']);
  });

  it.each(spellings)('transfers, removes, counts, searches and filters by %j', (spelling) => {
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials: [spelling] }] });
    expect(t.ok('stock.listLots', { productId: w.laptop.id, locationId: w.van.id }).rows.map((r) => r.serialNumber)).toEqual(['SECDUP1A']);
    expect(t.ok('stock.listLots', { serial: spelling }).rows.map((r) => r.serialNumber)).toEqual(['SECDUP1A']);
    expect(t.ok('stock.listLots', { serial: spelling.trim().slice(0, 6), sortBy: 'serialNumber' }).rows.map((r) => r.serialNumber)).toEqual(['SECDUP1A', 'SECDUP2B']);
    expect(t.ok('search.global', { q: spelling }).serials.map((s) => s.serialNumber)).toEqual(['SECDUP1A']);
    expect(t.ok('search.global', { q: spelling.trim().slice(0, 5) }).serials.map((s) => s.serialNumber)).toEqual(['SECDUP1A', 'SECDUP2B']);
    expect(t.ok('stock.history', { serial: spelling }).rows.map((r) => r.serialNumber)).toEqual(['SECDUP1A', 'SECDUP1A']);
    const count = t.ok('stock.startCount', { locationId: w.van.id, note: null });
    expect(t.ok('stock.scanCount', { id: count.id, code: spelling })).toMatchObject({ productId: w.laptop.id, serialNumber: 'SECDUP1A' });
    t.ok('stock.cancelCount', { id: count.id });
    t.ok('stock.remove', { productId: w.laptop.id, locationId: w.van.id, serials: [spelling], destination: 'scrap', reason: null });
    expect(t.ok('stock.listLots', { productId: w.laptop.id, locationId: w.van.id }).rows).toEqual([]);
  });
});

describe('units held for a quote or a charge', () => {
  function hold(serial: string, kind: 'reserved' | 'picked', sourceType: 'quoteItem' | 'charge', sourceId: number, locationId = w.main.id) {
    const lot = t.app.ctx.sqlite.prepare(`SELECT id FROM lots WHERE serial_number = ?`).get(serial) as { id: number };
    t.app.ctx.sqlite
      .prepare(`INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, 1, ?, ?, ?, 0)`)
      .run(lot.id, locationId, w.laptop.id, kind, sourceType, sourceId);
    syncHeldCaches(t.app.ctx.sqlite);
  }

  /** A quote item of one laptop with `serial` reserved for it, through the channels (OPP-1001 in a fresh app). */
  function reserveForQuote(serial: string): void {
    const client = t.ok('catalog.createCompany', { name: 'Quote client', isClient: true });
    const o = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Held laptop' });
    const itemId = t.ok('sales.addQuoteItem', { opportunityId: o.id, productId: w.laptop.id, quantity: 1 }).items[0]!.id;
    t.ok('stock.reserve', { quoteItemId: itemId, locationId: w.main.id, serials: [serial] });
  }

  function stockAndHold() {
    addLaptops(['HELD-R', 'HELD-P', 'FREE-1', 'FREE-2']);
    reserveForQuote('HELD-R');
    hold('HELD-P', 'picked', 'charge', 905);
  }

  const attempts: [string, (serials: string[]) => ReturnType<TestApp['raw']>][] = [
    ['a direct transfer', (serials) => t.raw('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials }] })],
    ['a shipped transfer', (serials) => t.raw('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'ship', lines: [{ productId: w.laptop.id, serials }] })],
    [
      'a transfer of several lines',
      (serials) => t.raw('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: serials.map((s) => ({ productId: w.laptop.id, serials: [s] })) }),
    ],
    ['a removal to Scrap', (serials) => t.raw('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials, destination: 'scrap', reason: null })],
    ['a removal to Adjustment', (serials) => t.raw('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials, destination: 'adjustment', reason: null })],
  ];

  const held: [string, string, 'reserved' | 'picked', { type: string; id?: number; number?: string }][] = [
    ['HELD-R', 'held-r', 'reserved', { type: 'quoteItem', number: 'OPP-1001' }],
    ['HELD-P', ' Held-P\u00A0', 'picked', { type: 'charge', id: 905 }],
  ];

  // Refusals change nothing, so these share one app.
  describe('refused on every path that takes a serial out', () => {
    beforeAll(() => {
      open();
      stockAndHold();
    });
    afterAll(close);

    for (const [path, attempt] of attempts) {
      it.each(held)(`refuses %s on ${path} as SERIAL_UNAVAILABLE naming what holds it, changing nothing`, (serial, typed, heldBy, document) => {
        const before = ledgerSnapshot(t.app.ctx.sqlite);
        const r = attempt(['FREE-1', typed]);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'SERIAL_UNAVAILABLE', details: { serial, heldBy, document } });
        expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
      });
    }
  });

  describe('around a hold', () => {
    ownApp();
    beforeEach(stockAndHold);

    it('keeps a held unit from leaving by a reversal or a stocktake, even as the last unit of its lot', () => {
      const added = t.ok('stock.listLots', { productId: w.laptop.id }).rows;
      const adjustment = t.app.ctx.sqlite.prepare(`SELECT source_id AS id FROM lots WHERE id = ?`).get(added[0]!.lotId) as { id: number };
      let before = ledgerSnapshot(t.app.ctx.sqlite);
      expect(t.fail('stock.reverse', { documentType: 'adjustment', id: adjustment.id, reason: null }).code).toBe('REVERSAL_BLOCKED');
      expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
      // HELD-R is not scanned: posting would send it to Adjustment, emptying its balance.
      const count = t.ok('stock.startCount', { locationId: w.main.id, note: null });
      for (const code of ['FREE-1', 'FREE-2', 'HELD-P']) t.ok('stock.scanCount', { id: count.id, code });
      before = ledgerSnapshot(t.app.ctx.sqlite);
      expect(t.fail('stock.postCount', { id: count.id, reason: null })).toMatchObject({
        code: 'SERIAL_UNAVAILABLE',
        details: { serial: 'HELD-R', heldBy: 'reserved', document: { type: 'quoteItem', number: 'OPP-1001' } },
      });
      expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
      t.ok('stock.cancelCount', { id: count.id });
    });

    it('still answers SERIAL_NOT_FOUND for a serial that is not here, and moves the free units', () => {
      expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials: ['NOPE-1'] }] })).toMatchObject({
        code: 'SERIAL_NOT_FOUND',
        details: { serials: ['NOPE-1'] },
      });
      t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials: ['free-1', 'FREE-2'] }] });
      // Once the holds are gone, the units can leave.
      const quote = t.ok('sales.getOpportunity', { id: t.ok('sales.listOpportunities', {}).rows[0]!.id });
      t.ok('stock.release', { quoteItemId: quote.items[0]!.id });
      t.app.ctx.sqlite.prepare(`DELETE FROM allocations WHERE source_type = 'charge'`).run();
      syncHeldCaches(t.app.ctx.sqlite);
      t.ok('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['HELD-R', 'HELD-P'], destination: 'scrap', reason: null });
    });
  });
});
