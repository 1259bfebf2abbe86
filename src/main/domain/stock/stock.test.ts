import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  t.close();
});

function item(productId: number, locationId: number) {
  return t.ok('stock.listInventoryProducts', { productId, locationId }).rows[0];
}

describe('adding stock by hand', () => {
  it('adds units at the manual cost and shows them on hand and in value', () => {
    const doc = t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 20_000, reason: 'found in store room' });
    expect(doc.number).toMatch(/^ADJ-\d+$/);
    const ip = item(w.cable.id, w.main.id)!;
    expect(ip).toMatchObject({ onHand: 10, reserved: 0, picked: 0, available: 10, value: '200000' });
    expect(t.ok('stock.valueByLocation', {}).total).toBe('200000');
  });

  it('takes the cost from the chosen method: catalogue, last received, average', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 30_000, reason: null });
    expect(t.ok('stock.costOptions', { productId: w.cable.id })).toEqual({ catalogue: 15_000, last: 30_000, average: Math.round((15_000 + 90_000) / 4) });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 4, costMethod: 'average', reason: null });
    expect(item(w.cable.id, w.main.id)!.value).toBe(String(15_000 + 90_000 + 4 * 26_250));
  });

  it('refuses a manual cost without an amount and the average without stock', () => {
    expect(t.fail('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'manual', reason: null }).code).toBe('COST_REQUIRED');
    expect(t.fail('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'average', reason: null }).code).toBe('COST_REQUIRED');
  });

  it('requires a reason when the setting says so', () => {
    t.ok('settings.update', { requireAdjustmentReason: true });
    expect(t.fail('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: '' }).code).toBe('REASON_REQUIRED');
    expect(t.fail('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 1, destination: 'scrap' }).code).toBe('REASON_REQUIRED');
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: 'initial count' });
  });

  it('needs exactly one unique serial per unit of a serialized product', () => {
    expect(t.fail('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['A1'], reason: null }).code).toBe('SERIAL_COUNT_MISMATCH');
    const dup = t.fail('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['A1', 'A1'], reason: null });
    expect(dup).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { serials: ['A1'] } });
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['A1', 'A2'], reason: null });
    const again = t.fail('stock.add', { productId: w.laptop.id, locationId: w.shelf.id, qty: 2, costMethod: 'catalogue', serials: ['A2', 'A3'], reason: null });
    expect(again).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { serials: ['A2'] } });
    expect(item(w.laptop.id, w.main.id)!.onHand).toBe(2);
    expect(t.ok('stock.listInventoryProducts', { productId: w.laptop.id, locationId: w.shelf.id }).rows).toHaveLength(0);
  });

  it('allows the same serial on two different products (serials are unique per product)', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['SAME-1'], reason: null });
    const dock = t.ok('catalog.createProduct', { sku: 'DOCK', name: 'Dock', unitCost: 1, unitPrice: 2, msrp: 3, serialized: true });
    t.ok('stock.add', { productId: dock.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['SAME-1'], reason: null });
  });

  it('refuses serials for a non-serialized product and stock at virtual or inactive locations', () => {
    expect(t.fail('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['X'], reason: null }).code).toBe('SERIALS_NOT_ALLOWED');
    expect(t.fail('stock.add', { productId: w.cable.id, locationId: 3, qty: 1, costMethod: 'catalogue', reason: null }).code).toBe('LOCATION_VIRTUAL');
    t.ok('locations.setActive', { id: w.shelf.id, active: false });
    expect(t.fail('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 1, costMethod: 'catalogue', reason: null }).code).toBe('LOCATION_INACTIVE');
  });
});

describe('removing stock', () => {
  it('takes the oldest lot first and sends it to Scrap', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.clock.now += 1000;
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 20_000, reason: null });
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 6, destination: 'scrap', reason: 'water damage' });
    expect(item(w.cable.id, w.main.id)).toMatchObject({ onHand: 4, value: String(4 * 20_000) });
    const rows = t.ok('stock.history', { productId: w.cable.id }).rows;
    expect(rows[0]).toMatchObject({ type: 'adjustment', toLocationName: 'Scrap', reason: 'water damage' });
  });

  it('removes the chosen serials and refuses more than is available, changing nothing', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', serials: ['S1', 'S2', 'S3'], reason: null });
    t.ok('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['S2'], destination: 'adjustment', reason: null });
    const serials = t.ok('stock.listLots', { productId: w.laptop.id, sortBy: 'serialNumber' }).rows.map((r) => r.serialNumber);
    expect(serials).toEqual(['S1', 'S3']);
    expect(t.fail('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['S2'], destination: 'adjustment', reason: null })).toMatchObject({
      code: 'SERIAL_NOT_FOUND',
      details: { serials: ['S2'] },
    });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', reason: null });
    expect(t.fail('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 3, destination: 'scrap', reason: null })).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { requested: 3, available: 2 },
    });
    expect(item(w.cable.id, w.main.id)!.onHand).toBe(2);
  });
});

describe('transfers', () => {
  it('moves part of a lot to a technician van and keeps its cost', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 12_000, reason: null });
    const doc = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 4 }] });
    expect(doc.number).toMatch(/^TRF-/);
    expect(item(w.cable.id, w.main.id)!.onHand).toBe(6);
    expect(item(w.cable.id, w.van.id)).toMatchObject({ onHand: 4, value: '48000' });
    expect(t.ok('stock.valueByLocation', {}).total).toBe('120000');
  });

  it('ships through In-transit and receives at the destination', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['L1', 'L2'], reason: null });
    const doc = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, mode: 'ship', lines: [{ productId: w.laptop.id, serials: ['L2'] }] });
    expect(item(w.laptop.id, w.main.id)!.onHand).toBe(1);
    expect(t.ok('stock.listInventoryProducts', { productId: w.laptop.id, locationId: w.shelf.id }).rows).toHaveLength(0);
    const value = t.ok('stock.valueByLocation', {});
    // Named by its kind too, so the screen shows it in the user's language.
    expect(value.rows.find((r) => r.name === 'In-transit')).toMatchObject({ units: 1, value: '9000000', kind: 'transit' });
    expect(value.rows.find((r) => r.id === w.main.id)).toMatchObject({ kind: 'warehouse' });
    expect(t.ok('stock.listTransfers', { status: 'inTransit' }).rows[0]).toMatchObject({ number: doc.number, units: 1 });
    t.ok('stock.receiveTransfer', { id: doc.id });
    expect(item(w.laptop.id, w.shelf.id)!.onHand).toBe(1);
    expect(t.fail('stock.receiveTransfer', { id: doc.id }).code).toBe('INVALID_TRANSITION');
    const types = t.ok('stock.history', { serial: 'L2' }).rows.map((r) => r.type);
    expect(types).toEqual(['transfer.receive', 'transfer.ship', 'adjustment']);
  });

  it('refuses the same location, virtual destinations and units that are not there', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null });
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.main.id, lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('SAME_LOCATION');
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: 2, lines: [{ productId: w.cable.id, qty: 1 }] }).code).toBe('LOCATION_VIRTUAL');
    expect(t.fail('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 2 }] }).code).toBe('INSUFFICIENT_STOCK');
    expect(t.ok('stock.listTransfers', {}).total).toBe(0);
  });
});

describe('reversal', () => {
  it('reverses an adjustment with moves that name the moves they undo', () => {
    const doc = t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', reason: null });
    t.ok('stock.reverse', { documentType: 'adjustment', id: doc.id, reason: 'typed twice' });
    expect(item(w.cable.id, w.main.id)!.onHand).toBe(0);
    expect(t.fail('stock.reverse', { documentType: 'adjustment', id: doc.id }).code).toBe('ALREADY_REVERSED');
    const reversal = t.app.ctx.sqlite.prepare('SELECT count(*) AS n FROM stock_moves WHERE reverses_move_id IS NOT NULL').get() as { n: number };
    expect(reversal.n).toBe(1);
    expect(t.ok('stock.history', { productId: w.cable.id }).rows[0]!.type).toBe('reversal');
  });

  it('is refused when the units have moved on', () => {
    const doc = t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', reason: null });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 2 }] });
    expect(t.fail('stock.reverse', { documentType: 'adjustment', id: doc.id }).code).toBe('REVERSAL_BLOCKED');
    expect(item(w.cable.id, w.main.id)!.onHand).toBe(1);
  });

  it('cancels a shipment still in transit back to its source', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', reason: null });
    const doc = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 3 }] });
    t.ok('stock.reverse', { documentType: 'transfer', id: doc.id });
    expect(item(w.cable.id, w.main.id)!.onHand).toBe(3);
    expect(t.ok('stock.listTransfers', {}).rows[0]!.status).toBe('canceled');
  });
});

describe('inventory products', () => {
  it('keeps 0 ≤ min ≤ max and records edits with before and after', () => {
    expect(t.fail('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, min: 5, max: 2 }).code).toBe('MIN_GREATER_THAN_MAX');
    expect(t.fail('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, min: -1, max: 2 }).code).toBe('VALIDATION');
    const ip = t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, bin: 'A-01', min: 2, max: 10 });
    expect(t.fail('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, min: 0, max: 0 }).code).toBe('CONFLICT');
    expect(t.fail('stock.updateInventoryProduct', { id: ip.id, bin: 'A-01', min: 11, max: 10 }).code).toBe('MIN_GREATER_THAN_MAX');
    t.clock.now += 1000;
    t.ok('stock.updateInventoryProduct', { id: ip.id, bin: 'B-07', min: 3, max: 10 });
    const rows = t.ok('stock.history', { productId: w.cable.id }).rows;
    expect(rows[0]).toMatchObject({ type: 'inventoryProduct.updated', locationName: 'Main warehouse' });
    expect(rows[0]!.changes).toEqual([
      { field: 'bin', before: 'A-01', after: 'B-07' },
      { field: 'min', before: '2', after: '3' },
    ]);
    expect(rows[1]!.type).toBe('inventoryProduct.created');
  });

  it('lists items below their minimum', () => {
    t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, min: 5, max: 10 });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 4, costMethod: 'catalogue', reason: null });
    expect(t.ok('stock.listInventoryProducts', { belowMin: true }).rows.map((r) => r.sku)).toEqual(['CAB-6-2M']);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null });
    expect(t.ok('stock.listInventoryProducts', { belowMin: true }).rows).toHaveLength(0);
    // Raising the minimum, and units leaving, put it back on the list; each change is seen at once.
    const line = item(w.cable.id, w.main.id)!;
    t.ok('stock.updateInventoryProduct', { id: line.id, bin: null, referenceNumber: null, min: 6, max: 10 });
    expect(t.ok('stock.listInventoryProducts', { belowMin: true }).rows.map((r) => [r.sku, r.onHand, r.min])).toEqual([['CAB-6-2M', 5, 6]]);
    t.ok('stock.updateInventoryProduct', { id: line.id, bin: null, referenceNumber: null, min: 3, max: 10 });
    expect(t.ok('stock.listInventoryProducts', { belowMin: true }).total).toBe(0);
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 3 }] });
    expect(t.ok('stock.listInventoryProducts', { belowMin: true, locationId: w.main.id }).rows.map((r) => r.onHand)).toEqual([2]);
  });

  it('pages large lists the same way whichever plan reads them', () => {
    // Past COUNT_CAP matching rows a page sorted by SKU or name is read products-first; the rows and the
    // order must not change with the plan.
    const sqlite = t.app.ctx.sqlite;
    const insertProduct = sqlite.prepare(`INSERT INTO products (sku, name, unit_cost, unit_price, msrp, serialized, created_at, updated_at) VALUES (?, ?, 100, 200, 300, 0, 0, 0)`);
    const insertIp = sqlite.prepare(`INSERT INTO inventory_products (product_id, location_id, min, max, created_at) VALUES (?, ?, ?, 10, 0)`);
    sqlite.transaction(() => {
      for (let i = 0; i < 2_400; i++) {
        const id = Number(insertProduct.run(`BULK-${String((i * 7919) % 2_400).padStart(5, '0')}`, `Bulk item ${i}`).lastInsertRowid);
        insertIp.run(id, w.main.id, i % 3 === 0 ? 1 : 0);
        if (i % 2 === 0) insertIp.run(id, w.shelf.id, 0);
      }
    })();
    const expected: [string, string][] = [];
    for (let i = 0; i < 2_400; i++) {
      const sku = `BULK-${String((i * 7919) % 2_400).padStart(5, '0')}`;
      expected.push([sku, 'Main warehouse']);
      if (i % 2 === 0) expected.push([sku, 'Office shelf']);
    }
    expected.sort((a, b) => a[0].localeCompare(b[0]));
    const all = t.ok('stock.listInventoryProducts', { q: 'BULK-', sortBy: 'sku', pageSize: 100, page: 3 });
    expect(all.total).toBe(3_600);
    expect(all.rows.map((r) => [r.sku, r.locationName])).toEqual(expected.slice(200, 300));
    const below = t.ok('stock.listInventoryProducts', { belowMin: true, sortBy: 'sku', sortDirection: 'desc', pageSize: 5 });
    expect(below.total).toBe(800);
    expect(below.rows.map((r) => [r.sku, r.locationName, r.onHand, r.min])).toEqual([
      // min 1 went to every third product, whose SKU numbers are the multiples of 3.
      ['BULK-02397', 'Main warehouse', 0, 1],
      ['BULK-02394', 'Main warehouse', 0, 1],
      ['BULK-02391', 'Main warehouse', 0, 1],
      ['BULK-02388', 'Main warehouse', 0, 1],
      ['BULK-02385', 'Main warehouse', 0, 1],
    ]);
  });

  it('edits a serial number, keeping it unique, and shows the edit in the history', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['OLD-1', 'OLD-2'], reason: null });
    const lot = t.ok('stock.listLots', { serial: 'OLD-1' }).rows[0]!;
    expect(t.fail('stock.editSerial', { lotId: lot.lotId, serialNumber: 'OLD-2' }).code).toBe('DUPLICATE_SERIAL');
    t.clock.now += 1000;
    t.ok('stock.editSerial', { lotId: lot.lotId, serialNumber: 'NEW-1' });
    const rows = t.ok('stock.history', { serial: 'NEW-1' }).rows;
    expect(rows.map((r) => r.type)).toEqual(['serial.edited', 'adjustment']);
    expect(rows[0]!.changes).toEqual([{ field: 'serialNumber', before: 'OLD-1', after: 'NEW-1' }]);
  });
});

describe('finding stock', () => {
  it('finds serials by prefix as typed or in lower case, and products by SKU or name', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.van.id, qty: 2, costMethod: 'catalogue', serials: ['PF3K9X2A', 'PF3K9X2B'], reason: null });
    expect(t.ok('stock.listLots', { serial: 'pf3k9' }).rows.map((r) => [r.serialNumber, r.locationName])).toEqual([
      ['PF3K9X2A', 'Van Tech'],
      ['PF3K9X2B', 'Van Tech'],
    ]);
    const found = t.ok('search.global', { q: 'PF3K9X2B' });
    expect(found.serials).toEqual([{ lotId: expect.any(Number), productId: w.laptop.id, serialNumber: 'PF3K9X2B', sku: 'LT-T14', locationName: 'Van Tech', locationKind: 'van', rank: 1 }]);
    expect(t.ok('search.global', { q: 'thinkpad' }).products.map((p) => p.sku)).toEqual(['LT-T14']);
    expect(t.ok('search.global', { q: 'T1' }).products.map((p) => p.sku)).toEqual(['LT-T14']);
    expect(t.ok('search.global', { q: 'pad "T14' }).products).toEqual([]);
    expect(t.ok('search.global', { q: 'van' }).locations.map((l) => l.name)).toEqual(['Van Tech']);
  });
});

describe('history and value over time', () => {
  it('filters by location, user and date range', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 10_000, reason: null });
    const day1 = t.clock.now;
    t.clock.now += 86_400_000;
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 2 }] }, t.tokenFor(w.tech.id));
    expect(t.ok('stock.history', { locationId: w.van.id }).rows.map((r) => r.type)).toEqual(['transfer', 'inventoryProduct.created']);
    expect(t.ok('stock.history', { userId: w.tech.id }).rows.map((r) => r.userName)).toEqual(['Tech One', 'Tech One']);
    expect(t.ok('stock.history', { to: day1 }).rows.map((r) => r.type)).toEqual(['adjustment', 'inventoryProduct.created']);
    expect(t.ok('stock.history', { pageSize: 1, page: 2 }).rows).toHaveLength(1);
  });

  it('values stock at a past date from the moves', () => {
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 10_000, reason: null });
    const before = t.clock.now;
    t.clock.now += 40 * 86_400_000;
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 2, destination: 'scrap', reason: null });
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.van.id, qty: 1, costMethod: 'catalogue', serials: ['V1'], reason: null });
    expect(t.ok('stock.valueByLocation', { at: before }).rows).toEqual([{ id: w.main.id, name: 'Main warehouse', kind: 'warehouse', units: 5, value: '50000' }]);
    const now = t.ok('stock.valueByLocation', {});
    expect(now.total).toBe(String(30_000 + 9_000_000));
    expect(t.ok('stock.valueByProduct', { at: before }).rows).toEqual([{ id: w.cable.id, name: 'Cat6 cable 2 m', sku: 'CAB-6-2M', units: 5, value: '50000' }]);
    expect(t.ok('stock.valueByProduct', {}).rows.map((r) => r.sku)).toEqual(['LT-T14', 'CAB-6-2M']);
    const series = t.ok('stock.valueSeries', { months: 3 });
    expect(series).toHaveLength(3);
    expect(series.at(-1)!.value).toBe(now.total);
    expect(series[0]!.value).toBe('0');
  });

  it('values a past date from the months before it and the moves of its own month', () => {
    t.clock.now = Date.UTC(2026, 0, 10, 12);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'manual', unitCost: 10_000, reason: null });
    t.clock.now = Date.UTC(2026, 1, 20, 12);
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 4 }] });
    t.clock.now = Date.UTC(2026, 2, 5, 12);
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 1, destination: 'scrap', reason: null });
    t.clock.now = Date.UTC(2026, 2, 25, 12);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.van.id, qty: 2, costMethod: 'manual', unitCost: 30_000, reason: null });
    const at = (ms: number) => Object.fromEntries(t.ok('stock.valueByLocation', { at: ms }).rows.map((r) => [r.name, [r.units, Number(r.value)]]));
    expect(at(Date.UTC(2026, 0, 10, 11))).toEqual({});
    expect(at(Date.UTC(2026, 1, 1))).toEqual({ 'Main warehouse': [10, 100_000] });
    expect(at(Date.UTC(2026, 1, 20, 12))).toEqual({ 'Main warehouse': [6, 60_000], 'Van Tech': [4, 40_000] });
    expect(at(Date.UTC(2026, 2, 10))).toEqual({ 'Main warehouse': [5, 50_000], 'Van Tech': [4, 40_000] });
    expect(at(Date.UTC(2026, 2, 31, 23))).toEqual({ 'Main warehouse': [5, 50_000], 'Van Tech': [6, 100_000] });
    t.clock.now = Date.UTC(2026, 3, 3, 12);
    const series = t.ok('stock.valueSeries', { months: 4 });
    expect(series.map((p) => [new Date(p.at).toISOString().slice(0, 10), Number(p.value)])).toEqual([
      ['2026-01-31', 100_000],
      ['2026-02-28', 100_000],
      ['2026-03-31', 150_000],
      ['2026-04-03', 150_000],
    ]);
  });
});
