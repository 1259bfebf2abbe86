// The caches' triggers run inside the statements that write the ledger, once per row: a trigger whose query
// SQLite plans as a walk over the ledger costs every such row that walk. Their queries are planned here the
// way SQLite plans them inside the trigger (no statistics are kept, so an empty database plans like a full
// one), and the incoming figure of a new inventory product is checked against what is really on its way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  t.close();
});

/** The `(SELECT …)` subqueries of a trigger's body, outermost first (nested ones are planned with them). */
function subqueries(body: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '(' || !/^\(\s*SELECT\b/i.test(body.slice(i))) continue;
    let depth = 0;
    let j = i;
    for (; j < body.length; j++) {
      if (body[j] === '(') depth++;
      else if (body[j] === ')' && --depth === 0) break;
    }
    found.push(body.slice(i + 1, j));
    i = j;
  }
  return found;
}

interface Planned {
  trigger: string;
  sql: string;
  plan: string[];
}

/** Every trigger subquery that stands on its own (NEW and OLD columns become parameters), with its plan. */
function triggerPlans(): Planned[] {
  const { sqlite } = t.app.ctx;
  const triggers = sqlite.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
  return triggers.flatMap(({ name, sql }) =>
    subqueries(sql.slice(sql.search(/\bBEGIN\b/))).flatMap((query) => {
      const text = query.replace(/\b(?:NEW|OLD)\.`?\w+`?/g, '?');
      const params = Array<number>((text.match(/\?/g) ?? []).length).fill(1);
      try {
        const plan = sqlite.prepare<number[], { detail: string }>(`EXPLAIN QUERY PLAN ${text}`).all(...params).map((r) => r.detail);
        return [{ trigger: name, sql: text, plan }];
      } catch {
        // Correlated with the row the trigger's own UPDATE is on: planned with that statement only.
        return [];
      }
    }),
  );
}

describe("the caches' triggers", () => {
  it('read through indexes: no query of a trigger scans a table, none walks the ledger by a constant alone', () => {
    const planned = triggerPlans();
    expect(planned.length).toBeGreaterThan(20);
    const scans = planned.filter((p) => p.plan.some((step) => /^SCAN (?!CONSTANT ROW)/.test(step)));
    expect(scans.map((p) => [p.trigger, p.plan])).toEqual([]);
    // A step on the moves must be led by the row's own values (a lot, a product, a document), not only by a
    // source type every transfer move shares.
    const walks = planned.filter((p) => p.plan.some((step) => /^SEARCH \w+ USING (?:COVERING )?INDEX moves_\w+ \(source_type=\?\)$/.test(step)));
    expect(walks.map((p) => [p.trigger, p.plan])).toEqual([]);
  });

  it("start a new inventory product's incoming from its units in transit, not from the location's history", () => {
    const incoming = triggerPlans().find((p) => p.trigger === 'inventory_products_incoming_insert');
    expect(incoming?.plan).toEqual([
      'SEARCH b USING INDEX balances_product_location_idx (product_id=? AND location_id=?)',
      'SEARCH m USING INDEX moves_lot_idx (lot_id=?)',
      'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });
});

describe('incoming of a new inventory product', () => {
  it('counts what is still on its way to the location: open and partly received shipments, not received or canceled ones, nor other places\' shipments of the same lots', () => {
    const w = seedWorld(t);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 50, costMethod: 'catalogue', reason: null });
    const ship = (qty: number) => t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, mode: 'ship', lines: [{ productId: w.cable.id, qty }] }).id;
    ship(3);
    const partly = ship(5);
    t.ok('stock.receiveTransfer', { id: partly, lines: [{ line: 1, qty: 2 }] });
    const done = ship(4);
    t.ok('stock.receiveTransfer', { id: done });
    const canceled = ship(2);
    t.ok('stock.reverse', { documentType: 'transfer', id: canceled, reason: 'van broke down' });
    // Another product and another location's shipments do not count.
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, serials: ['SN-IN-1'], costMethod: 'catalogue', reason: null });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, mode: 'ship', lines: [{ productId: w.laptop.id, qty: 1, serials: ['SN-IN-1'] }] });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 7 }] });
    const shelfCable = () => t.app.ctx.sqlite.prepare<[number, number], { id: number; incoming: number }>(`SELECT id, incoming FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(w.cable.id, w.shelf.id);
    expect(shelfCable()?.incoming).toBe(3 + 3);
    // Stocked anew (as an import or a first receipt would): the trigger alone works it out.
    t.app.ctx.sqlite.prepare(`DELETE FROM inventory_products WHERE id = ?`).run(shelfCable()!.id);
    t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.shelf.id, min: 0, max: 20 });
    expect(shelfCable()?.incoming).toBe(3 + 3);
  });
});

describe('a stock level written', () => {
  it("moves its inventory product and its product by the difference, and a level moved to another place moves its totals with it", () => {
    const w = seedWorld(t);
    const { sqlite } = t.app.ctx;
    t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.shelf.id, min: 2, max: 10 });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 1_000, reason: null });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 2_000, reason: null });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 6 }] });
    const at = (locationId: number) =>
      sqlite.prepare<[number, number], { onHand: number; value: number; belowMin: number }>(`SELECT on_hand AS onHand, value, below_min AS belowMin FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(w.cable.id, locationId);
    const product = () => sqlite.prepare<[number], { onHand: number; ownedQty: number; ownedValue: number }>(`SELECT on_hand AS onHand, owned_qty AS ownedQty, owned_value AS ownedValue FROM products WHERE id = ?`).get(w.cable.id);
    // FIFO: the five at 1,000 and one at 2,000 went to the shelf.
    expect([at(w.main.id), at(w.shelf.id), product()]).toEqual([
      { onHand: 2, value: 4_000, belowMin: 0 },
      { onHand: 6, value: 7_000, belowMin: 0 },
      { onHand: 8, ownedQty: 8, ownedValue: 11_000 },
    ]);
    // Behind the ledger's back, a level moved to the shelf, then to In-transit (owned, not on hand), then back.
    const move = (from: number, to: number) => sqlite.prepare(`UPDATE stock_levels SET location_id = ? WHERE product_id = ? AND location_id = ?`).run(to, w.cable.id, from);
    sqlite.prepare(`DELETE FROM stock_levels WHERE product_id = ? AND location_id = ?`).run(w.cable.id, w.shelf.id);
    expect([at(w.shelf.id), product()]).toEqual([{ onHand: 0, value: 0, belowMin: 1 }, { onHand: 2, ownedQty: 2, ownedValue: 4_000 }]);
    move(w.main.id, w.shelf.id);
    expect([at(w.main.id), at(w.shelf.id), product()]).toEqual([{ onHand: 0, value: 0, belowMin: 0 }, { onHand: 2, value: 4_000, belowMin: 0 }, { onHand: 2, ownedQty: 2, ownedValue: 4_000 }]);
    move(w.shelf.id, 5);
    expect([at(w.shelf.id), product()]).toEqual([{ onHand: 0, value: 0, belowMin: 1 }, { onHand: 0, ownedQty: 2, ownedValue: 4_000 }]);
    move(5, w.main.id);
    sqlite.prepare(`INSERT INTO stock_levels (product_id, location_id, qty, value) VALUES (?, ?, 6, 7000)`).run(w.cable.id, w.shelf.id);
    expect([at(w.main.id), at(w.shelf.id), product()]).toEqual([{ onHand: 2, value: 4_000, belowMin: 0 }, { onHand: 6, value: 7_000, belowMin: 0 }, { onHand: 8, ownedQty: 8, ownedValue: 11_000 }]);
  });
});
