// Property: any sequence of adds, removes, transfers (direct and shipped), receipts of shipments,
// stocktakes, reversals, purchase-order receipts (partial, with freight) and receipt cancellations —
// including the ones the domain refuses — keeps the ledger consistent:
// balances equal the moves, no internal location is negative, every lot sums to zero, the value from the
// balances equals the value from the moves and Σ qty × lot cost, and a refused action changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '../../testing/harness';

type Op =
  | { kind: 'add'; product: number; location: number; qty: number; cost: number }
  | { kind: 'remove'; product: number; location: number; qty: number; scrap: boolean }
  | { kind: 'transfer'; product: number; from: number; to: number; qty: number; ship: boolean }
  | { kind: 'receive'; pick: number }
  | { kind: 'count'; location: number; product: number; counted: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'purchase'; product: number; location: number; qty: number; received: number; freight: number; split: boolean }
  | { kind: 'receiveRest'; pick: number }
  | { kind: 'cancelReceipt'; pick: number };

const idx = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), product: idx, location: idx, qty: fc.integer({ min: 1, max: 5 }), cost: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ kind: fc.constant('remove' as const), product: idx, location: idx, qty: fc.integer({ min: 1, max: 6 }), scrap: fc.boolean() }),
  fc.record({ kind: fc.constant('transfer' as const), product: idx, from: idx, to: idx, qty: fc.integer({ min: 1, max: 4 }), ship: fc.boolean() }),
  fc.record({ kind: fc.constant('receive' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('count' as const), location: idx, product: idx, counted: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('purchase' as const),
    product: idx,
    location: idx,
    qty: fc.integer({ min: 1, max: 5 }),
    received: fc.integer({ min: 1, max: 5 }),
    freight: fc.integer({ min: 0, max: 100_000 }),
    split: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('receiveRest' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancelReceipt' as const), pick: fc.nat() }),
);

interface World {
  t: TestApp;
  products: { id: number; serialized: boolean }[];
  locations: number[];
  docs: { documentType: 'adjustment' | 'transfer' | 'stocktake'; id: number }[];
  shipments: number[];
  serial: number;
  vendorId: number;
  /** Purchase-order lines that may still have units to receive. */
  poLines: { lineId: number; productIndex: number }[];
  receipts: number[];
}

function receiveLine(w: World, lineId: number, productIndex: number, qty: number, freight = 0, split = false): void {
  const p = w.products[productIndex]!;
  const serials = p.serialized ? Array.from({ length: qty }, () => `P${++w.serial}`) : undefined;
  const r = w.t.app.call('purchasing.receive', { lines: [{ lineId, qty, serials }], freight, splitFreight: split }, w.t.token);
  if (r.ok) w.receipts.push(r.data.id);
}

function onHandSerials(w: World, productId: number, locationId: number, n: number): string[] {
  return w.t
    .ok('stock.listLots', { productId, locationId, pageSize: 200 })
    .rows.map((r) => r.serialNumber!)
    .slice(0, n);
}

function apply(w: World, o: Op): void {
  const { t } = w;
  switch (o.kind) {
    case 'add': {
      const p = w.products[o.product]!;
      const serials = p.serialized ? Array.from({ length: o.qty }, () => `S${++w.serial}`) : undefined;
      const r = t.app.call('stock.add', { productId: p.id, locationId: w.locations[o.location]!, qty: o.qty, costMethod: 'manual', unitCost: o.cost, serials, reason: null }, t.token);
      if (r.ok) w.docs.push(r.data);
      return;
    }
    case 'remove': {
      const p = w.products[o.product]!;
      const loc = w.locations[o.location]!;
      const input = p.serialized ? { serials: onHandSerials(w, p.id, loc, o.qty) } : { qty: o.qty };
      const r = t.app.call('stock.remove', { productId: p.id, locationId: loc, destination: o.scrap ? 'scrap' : 'adjustment', reason: null, ...input }, t.token);
      if (r.ok) w.docs.push(r.data);
      return;
    }
    case 'transfer': {
      const p = w.products[o.product]!;
      const from = w.locations[o.from]!;
      const line = p.serialized ? { productId: p.id, serials: onHandSerials(w, p.id, from, o.qty) } : { productId: p.id, qty: o.qty };
      const r = t.app.call('stock.transfer', { fromLocationId: from, toLocationId: w.locations[o.to]!, mode: o.ship ? 'ship' : 'direct', lines: [line] }, t.token);
      if (r.ok) {
        w.docs.push(r.data);
        if (o.ship) w.shipments.push(r.data.id);
      }
      return;
    }
    case 'receive': {
      if (w.shipments.length === 0) return;
      t.app.call('stock.receiveTransfer', { id: w.shipments[o.pick % w.shipments.length]! }, t.token);
      return;
    }
    case 'count': {
      const p = w.products[o.product]!;
      const r = t.app.call('stock.startCount', { locationId: w.locations[o.location]!, note: null }, t.token);
      if (!r.ok) return;
      if (p.serialized) {
        const serials = onHandSerials(w, p.id, w.locations[o.location]!, o.counted);
        for (const code of serials) t.ok('stock.scanCount', { id: r.data.id, code });
        if (serials.length === 0) t.ok('stock.setCountQty', { id: r.data.id, productId: p.id, countedQty: 0 });
      } else {
        t.ok('stock.setCountQty', { id: r.data.id, productId: p.id, countedQty: o.counted });
      }
      const posted = t.app.call('stock.postCount', { id: r.data.id, reason: null }, t.token);
      if (posted.ok) w.docs.push(posted.data);
      return;
    }
    case 'purchase': {
      const p = w.products[o.product]!;
      const po = t.ok('purchasing.createOrder', { vendorId: w.vendorId, lines: [{ productId: p.id, qty: o.qty, unitCost: 10_000 * (o.product + 1), locationId: w.locations[o.location]! }] });
      t.ok('purchasing.submit', { id: po.id });
      w.poLines.push({ lineId: po.lines[0]!.id, productIndex: o.product });
      // More than ordered is refused (and must change nothing).
      receiveLine(w, po.lines[0]!.id, o.product, o.received, o.freight, o.split);
      return;
    }
    case 'receiveRest': {
      if (w.poLines.length === 0) return;
      const line = w.poLines[o.pick % w.poLines.length]!;
      const open = t.ok('purchasing.listOpenLines', {}).rows.find((r) => r.lineId === line.lineId);
      if (open) receiveLine(w, line.lineId, line.productIndex, open.outstanding);
      return;
    }
    case 'cancelReceipt': {
      if (w.receipts.length === 0) return;
      t.app.call('purchasing.cancelReceipt', { id: w.receipts[o.pick % w.receipts.length]!, reason: null }, t.token);
      return;
    }
    case 'reverse': {
      if (w.docs.length === 0) return;
      const doc = w.docs[o.pick % w.docs.length]!;
      t.app.call('stock.reverse', { documentType: doc.documentType, id: doc.id, reason: null }, t.token);
      return;
    }
  }
}

function checkInvariants(w: World): void {
  const { t } = w;
  const verify = t.ok('stock.verifyLedger', {});
  expect(verify.differences).toEqual([]);
  const fromBalances = t.ok('stock.valueByLocation', {});
  const fromMoves = t.ok('stock.valueByLocation', { at: t.clock.now });
  expect(fromMoves.total).toBe(fromBalances.total);
  const direct = t.app.ctx.sqlite
    .prepare(
      `SELECT coalesce(sum(b.qty * l.unit_cost), 0) AS v FROM balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id
       WHERE loc.usage = 'internal' OR loc.kind = 'transit'`,
    )
    .safeIntegers(true)
    .get() as { v: bigint };
  expect(fromBalances.total).toBe(direct.v.toString());
  const negative = t.app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM balances b JOIN locations l ON l.id = b.location_id WHERE l.usage = 'internal' AND b.qty < 0`).get() as { n: number };
  expect(negative.n).toBe(0);
  // Each PO line's received quantity is what its posted receipts brought in, within what was ordered.
  const drift = t.app.ctx.sqlite
    .prepare(
      `SELECT count(*) AS n FROM purchase_order_lines l
       WHERE l.qty_received <> coalesce((SELECT sum(rl.qty) FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id WHERE rl.po_line_id = l.id AND r.status = 'posted'), 0)
          OR l.qty_received + l.qty_canceled > l.qty_ordered`,
    )
    .get() as { n: number };
  expect(drift.n).toBe(0);
}

describe('stock ledger properties', () => {
  it('keeps the ledger consistent under any sequence of stock actions', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const t = createTestApp();
        try {
          const s = seedWorld(t);
          const vendorId = t.ok('catalog.createCompany', { name: 'Vendor', isVendor: true, isClient: false }).id;
          const w: World = {
            t,
            products: [
              { id: s.cable.id, serialized: false },
              { id: s.laptop.id, serialized: true },
              { id: t.ok('catalog.createProduct', { sku: 'TONER', name: 'Toner', unitCost: 500_000, unitPrice: 0, msrp: 0, serialized: false }).id, serialized: false },
            ],
            locations: [s.main.id, s.shelf.id, s.van.id],
            docs: [],
            shipments: [],
            serial: 0,
            vendorId,
            poLines: [],
            receipts: [],
          };
          for (const p of w.products) t.ok('catalog.saveProductVendor', { productId: p.id, vendorId, vendorCost: 10_000 });
          for (const o of ops) {
            t.clock.now += 60_000;
            apply(w, o);
          }
          checkInvariants(w);
        } finally {
          t.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refused actions change nothing', () => {
    const t = createTestApp();
    try {
      const s = seedWorld(t);
      t.ok('stock.add', { productId: s.laptop.id, locationId: s.main.id, qty: 2, costMethod: 'catalogue', serials: ['A', 'B'], reason: null });
      const before = t.app.ctx.sqlite.prepare('SELECT (SELECT count(*) FROM stock_moves) AS m, (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM adjustments) AS a').get();
      // The second serial is missing: the first must not have moved either.
      t.fail('stock.transfer', { fromLocationId: s.main.id, toLocationId: s.van.id, lines: [{ productId: s.laptop.id, serials: ['A', 'Z'] }] });
      t.fail('stock.add', { productId: s.laptop.id, locationId: s.main.id, qty: 2, costMethod: 'catalogue', serials: ['C', 'A'], reason: null });
      expect(t.app.ctx.sqlite.prepare('SELECT (SELECT count(*) FROM stock_moves) AS m, (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM adjustments) AS a').get()).toEqual(before);
      // verifyLedger notices a cache that drifted from the moves.
      t.app.ctx.sqlite.prepare('UPDATE stock_levels SET qty = qty + 1 WHERE product_id = ? AND location_id = ?').run(s.laptop.id, s.main.id);
      t.app.ctx.sqlite.prepare('UPDATE balances SET qty = qty + 1 WHERE product_id = ? AND location_id = ?').run(s.laptop.id, s.main.id);
      const report = t.ok('stock.verifyLedger', {});
      expect(report.ok).toBe(false);
      expect(report.differences.map((d) => d.kind).sort()).toEqual(['balance', 'balance', 'level', 'lotSum', 'lotSum']);
      expect(() => t.app.ctx.sqlite.prepare('UPDATE stock_moves SET qty = 99').run()).toThrow(/append-only/);
      expect(() => t.app.ctx.sqlite.prepare('DELETE FROM stock_moves').run()).toThrow(/append-only/);
    } finally {
      t.close();
    }
  });
});
