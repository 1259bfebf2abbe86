// Every sortable column of the large lists, both directions, with the filters the screens combine, must
// page exactly as a plain sort of every matching row would, whichever plan reads it: the filter's index
// and a sort (few matches) or a walk of the sort column's index (many). The data is big enough for both:
// more matches than the plan caps (30,000 inventory products, 10,000 products).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@main/testing/harness';
import { compareAsSqlite, type SortKey } from '@main/testing/sqliteOrder';

let t: TestApp;
const PRODUCTS = 31_000;
let locations: { big: number; mid: number; small: number };
const categoryNames = ['Monitors', 'Cables', 'Laptops'];

type Key = SortKey;
const compare = compareAsSqlite;
/**
 * Every row in SQLite's order of `key` (NULL first, numbers by value, text by code unit), ties by id:
 * a total order, so descending is its reverse, and the rows of any filter, in order, are this order
 * filtered (each sort is done once, not once per filter).
 */
function ascending<R extends { id: number }>(rows: R[], key: (r: R) => Key): R[] {
  return [...rows].sort((a, b) => compare(key(a), key(b)) || a.id - b.id);
}

beforeAll(() => {
  t = createTestApp();
  locations = {
    big: t.ok('locations.create', { name: 'B warehouse', kind: 'warehouse' }).id,
    mid: t.ok('locations.create', { name: 'A shelf', kind: 'shelf' }).id,
    small: t.ok('locations.create', { name: 'C van', kind: 'warehouse' }).id,
  };
  const categories = categoryNames.map((name) => t.ok('catalog.saveCategory', { name }).id);
  const vendor = t.ok('catalog.createCompany', { name: 'Vendor', isVendor: true, isClient: false }).id;
  const sqlite = t.app.ctx.sqlite;
  const insertProduct = sqlite.prepare(
    `INSERT INTO products (id, sku, name, category_id, manufacturer_part_number, barcode, unit_cost, unit_price, msrp, serialized, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, 0)`,
  );
  const insertIp = sqlite.prepare(`INSERT INTO inventory_products (product_id, location_id, bin, min, max, created_at) VALUES (?, ?, ?, ?, ?, 0)`);
  const insertLevel = sqlite.prepare(`INSERT INTO stock_levels (product_id, location_id, qty, value) VALUES (?, ?, ?, ?)`);
  const insertLine = sqlite.prepare(
    `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, qty_ordered, qty_received, unit_cost, location_id, receivable) VALUES (?, ?, ?, 'x', ?, ?, 100, ?, 1)`,
  );
  sqlite.transaction(() => {
    const po = Number(
      sqlite
        .prepare(`INSERT INTO purchase_orders (number, status, vendor_id, freight, created_by, created_at, updated_at) VALUES ('PO-1', 'submitted', ?, 0, 1, 0, 0)`)
        .run(vendor).lastInsertRowid,
    );
    let line = 0;
    for (let i = 1; i <= PRODUCTS; i++) {
      const n = (i * 7919) % PRODUCTS;
      // "Zeta" in most names (a dense search), "Omega" in a few (a sparse one); costs and prices repeat (ties).
      const name = `${n % 10 === 0 ? 'Omega' : 'Zeta'} item ${String(n).padStart(5, '0')}${n % 7 === 0 ? ' zeta' : ''}`;
      const category = n % 4 === 3 ? null : categories[n % 3]!;
      // A few barcodes: found only when the search text is the whole barcode, in its own case.
      const barcode = n % 500 === 0 ? 'Q1' : null;
      insertProduct.run(i, `SKU-${String(n).padStart(5, '0')}`, name, category, `MPN${n % 997}`, barcode, (n % 300) * 100, (n % 451) * 100, Number(n % 8 === 0), Number(n % 50 !== 0));
      const places = i <= 30_600 ? [locations.big] : [];
      if (i % 5 === 0) places.push(locations.mid);
      if (i % 23 === 0) places.push(locations.small);
      for (const loc of places) {
        const min = (i + loc) % 7;
        insertIp.run(i, loc, i % 6 === 0 ? null : `${'ABCD'[i % 4]}-${String(i % 40).padStart(2, '0')}`, min, min + (i % 11));
        const qty = (i * 31 + loc) % 13;
        if (qty > 0) insertLevel.run(i, loc, qty, qty * ((i % 90) * 1000));
        if (i % 9 === 0) insertLine.run(po, ++line, i, 5 + (i % 4), i % 2 === 0 ? 2 : 0, loc);
      }
    }
  })();
});
afterAll(() => t.close());

interface IpRow {
  id: number;
  sku: string;
  productName: string;
  mpn: string;
  barcode: string | null;
  locationName: string;
  locationId: number;
  bin: string | null;
  min: number;
  max: number;
  onHand: number;
  available: number;
  onOrder: number;
  backOrdered: number;
  value: number;
  belowMin: number;
}

describe('every sort of the inventory products list', () => {
  const sorts: Record<string, (r: IpRow) => Key> = {
    sku: (r) => r.sku,
    productName: (r) => r.productName,
    locationName: (r) => r.locationName,
    bin: (r) => r.bin,
    onHand: (r) => r.onHand,
    available: (r) => r.available,
    onOrder: (r) => r.onOrder,
    backOrdered: (r) => r.backOrdered,
    min: (r) => r.min,
    max: (r) => r.max,
    value: (r) => r.value,
  };
  it('pages as a plain sort of every matching row, for each filter combination and both directions', () => {
    const all = t.app.ctx.sqlite
      .prepare(
        `SELECT ip.id, p.sku, p.name AS productName, p.manufacturer_part_number AS mpn, p.barcode, l.name AS locationName, ip.location_id AS locationId, ip.bin, ip.min, ip.max, ip.on_hand AS onHand,
                ip.on_hand - ip.reserved - ip.picked AS available, ip.on_order AS onOrder, ip.back_ordered AS backOrdered, ip.value, ip.below_min AS belowMin
         FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id`,
      )
      .all() as IpRow[];
    // As LIKE matches: ASCII letters in any case, every other character as itself.
    const text = (q: string) => (r: IpRow) =>
      [r.sku, r.productName, r.mpn].some((v) => v.toLowerCase().includes(q.toLowerCase())) || r.barcode === q || (r.bin ?? '').toLowerCase().startsWith(q.toLowerCase());
    const filters: [Record<string, unknown>, (r: IpRow) => boolean][] = [
      [{}, () => true],
      [{ locationId: locations.big }, (r) => r.locationId === locations.big],
      [{ locationId: locations.small }, (r) => r.locationId === locations.small],
      [{ belowMin: true }, (r) => r.belowMin === 1],
      [{ belowMin: true, locationId: locations.mid }, (r) => r.belowMin === 1 && r.locationId === locations.mid],
      [{ q: 'zeta' }, text('zeta')],
      [{ q: 'omega', locationId: locations.big }, (r) => text('omega')(r) && r.locationId === locations.big],
      [{ q: 'b-1' }, text('b-1')],
      // Shorter than a trigram: in most products (tested row by row), or in none (bins only).
      [{ q: 'ze' }, text('ze')],
      [{ q: 'b-', locationId: locations.mid }, (r) => text('b-')(r) && r.locationId === locations.mid],
      // Short texts in other letter cases, in part numbers only, as a barcode, as LIKE wildcards, and one
      // holding the separator of products.search_text (it must not match across two fields).
      [{ q: 'ZE' }, text('ZE')],
      [{ q: 'Pn', locationId: locations.big }, (r) => text('Pn')(r) && r.locationId === locations.big],
      [{ q: 'Q1' }, text('Q1')],
      [{ q: '_' }, text('_')],
      [{ q: '%' }, text('%')],
      [{ q: `2${String.fromCharCode(31)}` }, () => false],
    ];
    expect(all.filter((r) => r.locationId === locations.big).length).toBeGreaterThan(30_000);
    const orders = Object.entries(sorts).map(([sortBy, key]) => [sortBy, ascending(all, key)] as const);
    for (const [filter, matches] of filters) {
      const rows = all.filter(matches);
      for (const [sortBy, order] of orders) {
        const asc = order.filter(matches).map((r) => r.id);
        for (const dir of ['asc', 'desc'] as const) {
          const expected = dir === 'asc' ? asc : [...asc].reverse();
          for (const page of [1, 4]) {
            const got = t.ok('stock.listInventoryProducts', { ...filter, sortBy: sortBy as never, sortDirection: dir, page, pageSize: 50 });
            expect(got.rows.map((r) => r.id), `${JSON.stringify(filter)} ${sortBy} ${dir} page ${page}`).toEqual(expected.slice((page - 1) * 50, page * 50));
            expect(got.total).toBe(Math.min(rows.length, 10_000));
          }
        }
      }
    }
  });
});

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  mpn: string;
  barcode: string | null;
  category: string | null;
  unitCost: number;
  unitPrice: number;
  onHand: number;
  serialized: number;
  active: number;
}

describe('every sort of the product catalogue', () => {
  const sorts: Record<string, (r: ProductRow) => Key> = {
    sku: (r) => r.sku,
    name: (r) => r.name,
    category: (r) => r.category,
    unitCost: (r) => r.unitCost,
    unitPrice: (r) => r.unitPrice,
    onHand: (r) => r.onHand,
  };
  it('pages as a plain sort of every matching row, for each filter combination and both directions', () => {
    const all = t.app.ctx.sqlite
      .prepare(
        `SELECT p.id, p.sku, p.name, p.manufacturer_part_number AS mpn, p.barcode, c.name AS category, p.unit_cost AS unitCost, p.unit_price AS unitPrice, p.on_hand AS onHand, p.serialized, p.active
         FROM products p LEFT JOIN categories c ON c.id = p.category_id`,
      )
      .all() as ProductRow[];
    const text = (q: string) => (r: ProductRow) => [r.sku, r.name, r.mpn].some((v) => v.toLowerCase().includes(q.toLowerCase())) || r.barcode === q;
    const filters: [Record<string, unknown>, (r: ProductRow) => boolean][] = [
      [{}, () => true],
      [{ active: true }, (r) => r.active === 1],
      [{ serialized: true }, (r) => r.serialized === 1],
      [{ q: 'zeta' }, text('zeta')],
      [{ q: 'omega', serialized: false }, (r) => text('omega')(r) && r.serialized === 0],
      [{ q: '9' }, text('9')],
      [{ q: 'zE' }, text('zE')],
      [{ q: 'Ze', active: true }, (r) => text('Ze')(r) && r.active === 1],
      [{ q: 'PN' }, text('PN')],
      [{ q: 'Q1' }, text('Q1')],
      [{ q: 'q1' }, text('q1')],
      [{ q: '_' }, text('_')],
      [{ q: `2${String.fromCharCode(31)}` }, () => false],
    ];
    const orders = Object.entries(sorts).map(([sortBy, key]) => [sortBy, ascending(all, key)] as const);
    for (const [filter, matches] of filters) {
      const rows = all.filter(matches);
      for (const [sortBy, order] of orders) {
        const asc = order.filter(matches).map((r) => r.id);
        for (const dir of ['asc', 'desc'] as const) {
          const expected = dir === 'asc' ? asc : [...asc].reverse();
          for (const page of [1, 4]) {
            const got = t.ok('catalog.listProducts', { ...filter, sortBy: sortBy as never, sortDirection: dir, page, pageSize: 50 });
            expect(got.rows.map((r) => r.id), `${JSON.stringify(filter)} ${sortBy} ${dir} page ${page}`).toEqual(expected.slice((page - 1) * 50, page * 50));
            expect(got.total).toBe(Math.min(rows.length, 10_000));
          }
        }
      }
    }
  });
});
