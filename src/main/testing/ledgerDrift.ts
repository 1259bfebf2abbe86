// Test helpers for the ledger check: a small ledger spread over several months (adds, removals, direct and
// shipped transfers, a purchase receipt, held units), and drifts — each one cache written wrong behind the
// services' back, as a bug or a hand edit of the file would — for verifyLedger to find.
import type { Sqlite } from '../db/open';
import type { TestApp } from './harness';
import type { seedWorld } from './harness';

type World = ReturnType<typeof seedWorld>;
const DAY = 86_400_000;

/** Builds the ledger through the real channels, moving the clock across three months. */
export function buildLedger(t: TestApp, w: World): void {
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorCost: 12_000, isDefault: true });
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 40, costMethod: 'manual', unitCost: 10_000, reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', serials: ['SN-1', 'SN-2', 'SN-3'], reason: null });
  t.clock.now += 35 * DAY;
  t.ok('stock.add', { productId: w.cable.id, locationId: w.shelf.id, qty: 7, costMethod: 'manual', unitCost: 11_000, reason: null });
  t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.cable.id, qty: 5 }] });
  t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, mode: 'ship', lines: [{ productId: w.laptop.id, serials: ['SN-2'] }] });
  t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 3, destination: 'scrap', reason: 'damaged' });
  t.clock.now += 35 * DAY;
  const order = t.ok('purchasing.submit', { id: t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: 10, locationId: w.main.id }] }).id });
  t.ok('purchasing.receive', { lines: [{ lineId: order.lines[0]!.id, qty: 4 }] });
  // On order with nothing received yet, and a draft: each counts in a figure of its own.
  t.ok('purchasing.submit', { id: t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: 3, locationId: w.shelf.id }] }).id });
  t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: 2, locationId: w.main.id }] });
  t.ok('stock.updateInventoryProduct', { id: t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]!.id, bin: 'A-1', referenceNumber: null, min: 5, max: 60 });
  // Held units: two cables reserved on a quote.
  const client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  const opportunity = t.ok('sales.createOpportunity', { companyId: client.id, title: 'Cabling' });
  const item = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.cable.id, quantity: 2 }).items[0]!;
  t.ok('stock.reserve', { quoteItemId: item.id, locationId: w.main.id, qty: 2 });
}

export interface Drift {
  name: string;
  /** Writes the drift; `pick` (0 ≤ pick < 1) chooses which row it lands on. */
  apply(sqlite: Sqlite, pick: number): void;
}

/** The row number `pick` selects among `n` rows. */
function nth(n: number, pick: number): number {
  return Math.min(n - 1, Math.floor(pick * n));
}

function oneRow<R>(sqlite: Sqlite, from: string, columns: string, pick: number): R {
  const n = sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${from}`).get()!.n;
  return sqlite.prepare<[number], R>(`SELECT ${columns} FROM ${from} LIMIT 1 OFFSET ?`).get(nth(n, pick))!;
}

/** Every kind of drift verifyLedger must report. Writes to stock_levels fire its cache triggers, as in the app. */
export const drifts: Drift[] = [
  {
    name: 'a balance off by some units',
    apply(sqlite, pick) {
      const b = oneRow<{ id: number }>(sqlite, 'balances', 'rowid AS id', pick);
      sqlite.prepare(`UPDATE balances SET qty = qty + ? WHERE rowid = ?`).run(1 + Math.floor(pick * 5), b.id);
    },
  },
  {
    name: 'a balance made negative at its location',
    apply(sqlite, pick) {
      const b = oneRow<{ id: number }>(sqlite, `balances WHERE location_id > 5`, 'rowid AS id', pick);
      sqlite.prepare(`UPDATE balances SET qty = -qty - 1 WHERE rowid = ?`).run(b.id);
    },
  },
  {
    name: 'a balance row lost',
    apply(sqlite, pick) {
      const b = oneRow<{ id: number }>(sqlite, 'balances', 'rowid AS id', pick);
      sqlite.prepare(`DELETE FROM balances WHERE rowid = ?`).run(b.id);
    },
  },
  {
    name: 'a balance where no move went',
    apply(sqlite, pick) {
      const lot = oneRow<{ id: number; productId: number }>(sqlite, 'lots', 'id, product_id AS productId', pick);
      sqlite
        .prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, 2, ?, 3, 0) ON CONFLICT (lot_id, location_id) DO UPDATE SET qty = qty + 3`)
        .run(lot.id, lot.productId);
    },
  },
  {
    name: 'a stock level with wrong units',
    apply(sqlite, pick) {
      const s = oneRow<{ p: number; l: number }>(sqlite, 'stock_levels', 'product_id AS p, location_id AS l', pick);
      sqlite.prepare(`UPDATE stock_levels SET qty = qty + 2 WHERE product_id = ? AND location_id = ?`).run(s.p, s.l);
    },
  },
  {
    name: 'a stock level with a wrong value',
    apply(sqlite, pick) {
      const s = oneRow<{ p: number; l: number }>(sqlite, 'stock_levels', 'product_id AS p, location_id AS l', pick);
      sqlite.prepare(`UPDATE stock_levels SET value = value - 7 WHERE product_id = ? AND location_id = ?`).run(s.p, s.l);
    },
  },
  {
    name: 'a month total with a wrong value',
    apply(sqlite, pick) {
      const m = oneRow<{ m: string; l: number }>(sqlite, 'stock_value_months', 'month AS m, location_id AS l', pick);
      sqlite.prepare(`UPDATE stock_value_months SET value = value + 13 WHERE month = ? AND location_id = ?`).run(m.m, m.l);
    },
  },
  {
    name: 'a month total with wrong units',
    apply(sqlite, pick) {
      const m = oneRow<{ m: string; l: number }>(sqlite, 'stock_value_months', 'month AS m, location_id AS l', pick);
      sqlite.prepare(`UPDATE stock_value_months SET qty = qty - 1 WHERE month = ? AND location_id = ?`).run(m.m, m.l);
    },
  },
  {
    name: 'a month total for a month without moves',
    apply(sqlite, pick) {
      sqlite
        .prepare(`INSERT INTO stock_value_months (month, location_id, qty, value) VALUES ('1999-0' || ?, 6, 1, 10) ON CONFLICT (month, location_id) DO UPDATE SET qty = qty + 1`)
        .run(1 + nth(9, pick));
    },
  },
  {
    name: 'an inventory product figure',
    apply(sqlite, pick) {
      const ip = oneRow<{ id: number }>(sqlite, 'inventory_products', 'id', pick);
      const figure = ['reserved = reserved + 1', 'picked = 3', 'on_order = on_order + 2', 'back_ordered = 9', 'on_order_drafts = 4', 'below_min = 1 - below_min'][nth(6, pick)];
      sqlite.prepare(`UPDATE inventory_products SET ${figure} WHERE id = ?`).run(ip.id);
    },
  },
  {
    name: 'a product figure',
    apply(sqlite, pick) {
      const p = oneRow<{ id: number }>(sqlite, 'products', 'id', pick);
      const figure = ['on_hand = on_hand + 1', 'owned_qty = owned_qty - 2', 'owned_value = owned_value + 5'][nth(3, pick)];
      sqlite.prepare(`UPDATE products SET ${figure} WHERE id = ?`).run(p.id);
    },
  },
];

/**
 * After a test writes allocations behind the services' back (to stand for an older database or a second
 * holder), sets the inventory products' reserved and picked to what the allocations now hold, as the writers
 * of allocations would have (addHeld): the test then sees only the drift it means.
 */
export function syncHeldCaches(sqlite: Sqlite): void {
  const held = (kind: string) =>
    `coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.product_id = inventory_products.product_id AND a.location_id = inventory_products.location_id AND a.kind = '${kind}'), 0)`;
  sqlite.prepare(`UPDATE inventory_products SET reserved = ${held('reserved')}, picked = ${held('picked')}`).run();
}
