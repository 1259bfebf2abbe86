// Stocked items filtered by a serial prefix page exactly as a plain filter and sort of every unit on hand
// would: every sort, both directions, with the location and product filters, across pages, whatever the
// spelling typed, including units that have left (their lots keep balance rows at zero) and units whose
// serial clashes with another in a different spelling (kept out of the key index).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lot } from '@shared/contract/stock';
import { serialKey } from '@shared/serials';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let dock: number;

beforeAll(() => {
  t = createTestApp();
  w = seedWorld(t);
  dock = t.ok('catalog.createProduct', { sku: 'A-DOCK', name: 'Dock', unitCost: 1_000_000, unitPrice: 0, msrp: 0, serialized: true }).id;
  const add = (productId: number, locationId: number, serials: string[]) => {
    t.clock.now += 60_000;
    t.ok('stock.add', { productId, locationId, qty: serials.length, costMethod: 'catalogue', serials, reason: null });
  };
  const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  add(w.laptop.id, w.main.id, range('PF0', 40));
  add(w.laptop.id, w.shelf.id, range('pf1', 15));
  add(dock, w.main.id, range('PF0', 12));
  add(dock, w.van.id, [...range('Pq', 9), ' PF-77 ', 'PF\u00A0WIDE']);
  add(w.laptop.id, w.van.id, range('ZZ', 10));
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 30, costMethod: 'catalogue', reason: null });
  // Units that moved on or left: their lots keep balance rows at zero where they were.
  t.clock.now += 60_000;
  t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials: range('PF0', 40).slice(0, 9) }] });
  t.ok('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: range('PF0', 40).slice(30), destination: 'scrap', reason: 'broken' });
  t.ok('stock.remove', { productId: dock, locationId: w.van.id, serials: ['Pq000', 'Pq001'], destination: 'scrap', reason: 'broken' });
  // A clash written before serial keys existed (a database from an older version): the lot keeps its serial
  // but no key, and serial_clashes names it.
  const lot = t.app.ctx.sqlite.prepare(`SELECT id FROM lots WHERE serial_number = 'PF0005' AND product_id = ?`).get(dock) as { id: number };
  const kept = t.app.ctx.sqlite.prepare(`SELECT id FROM lots WHERE serial_number = 'PF0006' AND product_id = ?`).get(dock) as { id: number };
  t.app.ctx.sqlite.prepare(`UPDATE lots SET serial_number = 'pf0006', serial_key = NULL WHERE id = ?`).run(lot.id);
  t.app.ctx.sqlite
    .prepare(`INSERT INTO serial_clashes (lot_id, product_id, serial_key, kept_lot_id, detected_at) VALUES (?, ?, 'pf0006', ?, 0)`)
    .run(lot.id, dock, kept.id);
});
afterAll(() => t.close());

/** Every unit on hand, read without a serial filter, page by page. */
function everyUnit(filter: { locationId?: number; productId?: number }): Lot[] {
  const rows: Lot[] = [];
  for (let page = 1; ; page++) {
    const r = t.ok('stock.listLots', { ...filter, page, pageSize: 200, sortBy: 'receivedAt' });
    rows.push(...r.rows);
    if (r.rows.length < 200) return rows;
  }
}

type LotSort = 'receivedAt' | 'serialNumber' | 'sku' | 'locationName' | 'qty';
const keys: Record<LotSort, (r: Lot) => string | number | null> = {
  receivedAt: (r) => r.receivedAt,
  serialNumber: (r) => r.serialNumber,
  sku: (r) => r.sku,
  locationName: (r) => r.locationName,
  qty: (r) => r.qty,
};

function plainSort(rows: Lot[], sortBy: LotSort, dir: 'asc' | 'desc'): Lot[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return [...rows].sort((a, b) => sign * (cmp(keys[sortBy]!(a), keys[sortBy]!(b)) || cmp(a.lotId, b.lotId) || cmp(a.locationId, b.locationId)));
}

describe('stocked items by serial prefix', () => {
  const prefixes = ['pf', 'PF0', ' Pf00', 'pF1', 'pq', 'PF-', 'PF\u00A0', 'PF0006', 'zz0', 'nothing', 'p'];
  it.each(prefixes)('pages %j as a plain filter and sort would, for every sort, direction and filter', (typed) => {
    const filters = [{}, { locationId: w.main.id }, { locationId: w.van.id }, { productId: dock }, { productId: dock, locationId: w.main.id }];
    let compared = 0;
    for (const filter of filters) {
      const key = serialKey(typed);
      const matching = everyUnit(filter).filter((r) => r.serialNumber !== null && serialKey(r.serialNumber).startsWith(key));
      for (const sortBy of Object.keys(keys) as LotSort[]) {
        for (const dir of ['asc', 'desc'] as const) {
          const expected = plainSort(matching, sortBy, dir);
          for (const page of [1, 2, 3]) {
            const r = t.ok('stock.listLots', { ...filter, serial: typed, sortBy, sortDirection: dir, page, pageSize: 7 });
            expect(r.total).toBe(matching.length);
            expect(r.rows).toEqual(expected.slice((page - 1) * 7, page * 7));
            compared += r.rows.length;
          }
        }
      }
    }
    if (typed !== 'nothing') expect(compared).toBeGreaterThan(0);
  });

  it('finds the unit whose serial clashes in another spelling, and not the units that left', () => {
    const found = t.ok('stock.listLots', { serial: 'PF0006', productId: dock }).rows.map((r) => r.serialNumber);
    expect(found.sort()).toEqual(['PF0006', 'pf0006']);
    expect(t.ok('stock.listLots', { serial: 'Pq00' }).rows.map((r) => r.serialNumber)).toEqual(['Pq002', 'Pq003', 'Pq004', 'Pq005', 'Pq006', 'Pq007', 'Pq008']);
    expect(t.ok('stock.listLots', { serial: 'PF0035' }).rows).toEqual([]);
  });
});
