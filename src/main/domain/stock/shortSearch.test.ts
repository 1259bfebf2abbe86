// A search of one or two letters that most products contain, over every location: the inventory products
// list counts its matches from the products (their search index, then each one's rows) and then the rows
// whose bin alone matches. The count must be the rows the list shows: active locations only, a product
// matched by any of its fields (blank part numbers and barcodes included), a bin in any letter case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@main/testing/harness';

let t: TestApp;
let open: { a: number; b: number };
let closed: number;
const KAPPA = 2_300;

beforeAll(() => {
  t = createTestApp();
  open = { a: t.ok('locations.create', { name: 'Main', kind: 'warehouse' }).id, b: t.ok('locations.create', { name: 'Shelf', kind: 'shelf' }).id };
  closed = t.ok('locations.create', { name: 'Old store', kind: 'warehouse' }).id;
  const { sqlite } = t.app.ctx;
  const product = sqlite.prepare(`INSERT INTO products (id, sku, name, manufacturer_part_number, barcode, unit_cost, unit_price, msrp, serialized, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 1, 0, 0)`);
  const row = sqlite.prepare(`INSERT INTO inventory_products (product_id, location_id, bin, min, max, created_at) VALUES (?, ?, ?, 0, 0, 0)`);
  sqlite.transaction(() => {
    for (let i = 1; i <= KAPPA + 700; i++) {
      const kappa = i <= KAPPA;
      // "ka" in most products' names, in some only in the part number; the others have none, some with no part number or barcode.
      const name = kappa && i % 5 !== 0 ? `Kappa switch ${i}` : `Switch ${i}`;
      const mpn = kappa && i % 5 === 0 ? `MKA-${i}` : i % 3 === 0 ? null : `M-${i}`;
      product.run(i, `SKU-${i}`, name, mpn, i % 7 === 0 ? `BC${i}` : null);
      row.run(i, open.a, kappa ? `A-${i % 9}` : i % 4 === 0 ? `ka-${i % 3}` : i % 4 === 1 ? `KA${i}` : `B-${i}`);
      if (i % 2 === 0) row.run(i, open.b, i % 6 === 0 ? `Ka-top` : null);
      if (i % 3 === 0) row.run(i, closed, `ka-old`);
    }
  })();
  t.ok('locations.setActive', { id: closed, active: false });
});
afterAll(() => t.close());

describe('a short search over every location', () => {
  it('counts exactly the rows it lists, below the cap: product matches and bin-only matches, no inactive location', () => {
    const { sqlite } = t.app.ctx;
    const expected = (q: string) => {
      const like = `%${q}%`;
      return sqlite
        .prepare<[string, string, string, string, string], { id: number }>(
          `SELECT ip.id FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id
           WHERE l.active = 1 AND (p.sku LIKE ? OR p.name LIKE ? OR coalesce(p.manufacturer_part_number, '') LIKE ? OR p.barcode = ? OR coalesce(ip.bin, '') LIKE ?) ORDER BY ip.id`,
        )
        .all(like, like, like, q, `${q}%`)
        .map((r) => r.id);
    };
    for (const q of ['ka', 'KA', 'k', 'Ka']) {
      const want = expected(q);
      // Most products match (the short-text way), fewer rows than the cap: the count is exact.
      expect(want.length, q).toBeGreaterThan(2_000);
      expect(want.length, q).toBeLessThan(10_000);
      const first = t.ok('stock.listInventoryProducts', { q, pageSize: 200, sortBy: 'sku', sortDirection: 'asc' });
      expect(first.total, q).toBe(want.length);
      expect(first.totalCapped, q).toBe(false);
      // Every row it pages through is one of them, and all of them are there.
      const seen = new Set<number>();
      for (let page = 1; (page - 1) * 200 < first.total; page++) {
        for (const r of t.ok('stock.listInventoryProducts', { q, page, pageSize: 200, sortBy: 'sku', sortDirection: 'asc' }).rows) seen.add(r.id);
      }
      expect([...seen].sort((a, b) => a - b), q).toEqual(want);
    }
  });
});
