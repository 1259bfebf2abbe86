// Property: any sequence of adds, removes, transfers (direct and shipped, several lines of one product,
// serials in any spelling), receipts of shipments, stocktakes, reversals, purchase-order receipts (partial,
// with freight, repeated lines), receipt cancellations, serial edits and holds for quotes or charges keeps
// the ledger consistent: balances equal the moves, no internal location is negative, every lot sums to zero,
// the value from the balances equals the value from the moves and Σ qty × lot cost.
// Refusals are checked too: each refused action must answer a code that action can legitimately return
// (ALLOWED below) and change nothing; and the generated actions must be both accepted and refused often
// enough for the property to mean something.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { ledgerSnapshot } from '@main/testing/ledger';

/** Spellings of one serial: as stored, another case, blanks around it (tab, NBSP, ideographic space, zero-width). */
const SPELLINGS = [(s: string) => s, (s: string) => s.toLowerCase(), (s: string) => `\t${s}`, (s: string) => `${s.toLowerCase()}\u00A0`, (s: string) => `\u3000${s}`, (s: string) => `${s}\u200B`];

/** A line of units leaving: a quantity, or serials picked from those on hand (`offset` lets two lines pick the same one). */
interface Pick {
  product: number;
  qty: number;
  offset: number;
  spelling: number;
}

type Op =
  | { kind: 'add'; product: number; location: number; qty: number; cost: number; method: 'manual' | 'average' | 'last'; reuse: number | null; spelling: number }
  | { kind: 'remove'; location: number; pick: Pick; scrap: boolean }
  | { kind: 'transfer'; from: number; to: number; lines: Pick[]; ship: boolean }
  | { kind: 'receive'; pick: number }
  | { kind: 'count'; location: number; product: number; counted: number; spelling: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'purchase'; product: number; location: number; qty: number; received: number; freight: number; split: boolean; repeat: boolean; reuse: number | null }
  | { kind: 'receiveRest'; pick: number }
  | { kind: 'cancelReceipt'; pick: number }
  | { kind: 'editSerial'; pick: number; target: number; spelling: number }
  | { kind: 'hold'; pick: number; picked: boolean }
  | { kind: 'release'; pick: number };

type Action = 'add' | 'remove' | 'transfer' | 'receiveTransfer' | 'postCount' | 'reverse' | 'receive' | 'cancelReceipt' | 'editSerial';

/** What each action may legitimately answer when it refuses, given the inputs generated here (all valid for the contract but VALIDATION's repeated receipt line). */
const ALLOWED: Record<Action, ErrorCode[]> = {
  add: ['DUPLICATE_SERIAL', 'COST_REQUIRED'],
  remove: ['INSUFFICIENT_STOCK', 'SERIAL_NOT_FOUND', 'SERIAL_UNAVAILABLE', 'SERIAL_REQUIRED', 'DUPLICATE_SERIAL'],
  transfer: ['INSUFFICIENT_STOCK', 'SERIAL_NOT_FOUND', 'SERIAL_UNAVAILABLE', 'SERIAL_REQUIRED', 'DUPLICATE_SERIAL', 'SAME_LOCATION'],
  receiveTransfer: ['INVALID_TRANSITION'],
  postCount: ['INSUFFICIENT_STOCK', 'SERIAL_UNAVAILABLE'],
  reverse: ['ALREADY_REVERSED', 'INVALID_TRANSITION', 'REVERSAL_BLOCKED'],
  receive: ['OVER_RECEIPT', 'DUPLICATE_SERIAL', 'VALIDATION'],
  cancelReceipt: ['ALREADY_REVERSED', 'REVERSAL_BLOCKED'],
  editSerial: ['DUPLICATE_SERIAL'],
};

const idx = fc.integer({ min: 0, max: 2 });
const spelling = fc.integer({ min: 0, max: SPELLINGS.length - 1 });
const pick = fc.record({ product: idx, qty: fc.integer({ min: 1, max: 4 }), offset: fc.integer({ min: 0, max: 3 }), spelling });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      product: idx,
      location: idx,
      qty: fc.integer({ min: 1, max: 5 }),
      cost: fc.integer({ min: 0, max: 5_000_000 }),
      method: fc.constantFrom<'manual' | 'average' | 'last'>('manual', 'manual', 'manual', 'average', 'last'),
      // Now and then one of the new serials is an existing one in another spelling.
      reuse: fc.option(fc.nat(), { freq: 5 }),
      spelling,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), location: idx, pick, scrap: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('transfer' as const), from: idx, to: idx, lines: fc.array(pick, { minLength: 1, maxLength: 3 }), ship: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receive' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('count' as const), location: idx, product: idx, counted: fc.integer({ min: 0, max: 8 }), spelling }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      product: idx,
      location: idx,
      qty: fc.integer({ min: 1, max: 5 }),
      received: fc.integer({ min: 1, max: 5 }),
      freight: fc.integer({ min: 0, max: 100_000 }),
      split: fc.boolean(),
      repeat: fc.boolean(),
      reuse: fc.option(fc.nat(), { freq: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receiveRest' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelReceipt' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editSerial' as const), pick: fc.nat(), target: fc.nat(), spelling }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), pick: fc.nat(), picked: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
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

const tally = { accepted: 0, refused: 0, byCode: new Map<string, number>() };

/** Calls one action; a refusal must be allowed for it and leave every ledger row as it was. */
function act<T>(w: World, action: Action, call: () => { ok: true; data: T } | { ok: false; error: { code: ErrorCode; details?: unknown } }): T | undefined {
  const before = ledgerSnapshot(w.t.app.ctx.sqlite);
  const r = call();
  if (r.ok) {
    tally.accepted += 1;
    return r.data;
  }
  tally.refused += 1;
  tally.byCode.set(`${action}:${r.error.code}`, (tally.byCode.get(`${action}:${r.error.code}`) ?? 0) + 1);
  expect({ action, code: r.error.code, allowed: ALLOWED[action].includes(r.error.code) }).toEqual({ action, code: r.error.code, allowed: true });
  expect(ledgerSnapshot(w.t.app.ctx.sqlite)).toEqual(before);
  return undefined;
}

function allSerials(w: World, productId: number): string[] {
  return (w.t.app.ctx.sqlite.prepare(`SELECT serial_number AS s FROM lots WHERE product_id = ? AND serial_number IS NOT NULL ORDER BY id`).all(productId) as { s: string }[]).map((r) => r.s);
}

function onHandSerials(w: World, productId: number, locationId: number): string[] {
  return w.t.ok('stock.listLots', { productId, locationId, pageSize: 200, sortBy: 'serialNumber' }).rows.map((r) => r.serialNumber!);
}

/** A line as the user would send it: serials picked from those on hand (in some spelling), or a quantity. */
function line(w: World, p: Pick, from: number) {
  const product = w.products[p.product]!;
  if (!product.serialized) return { productId: product.id, qty: p.qty };
  const serials = onHandSerials(w, product.id, from).slice(p.offset, p.offset + p.qty);
  return { productId: product.id, serials: serials.map((s, i) => SPELLINGS[(p.spelling + i) % SPELLINGS.length]!(s)) };
}

function newSerials(w: World, productId: number, qty: number, reuse: number | null, spell: number, prefix: string): string[] {
  const serials = Array.from({ length: qty }, () => `${prefix}${++w.serial}`);
  const existing = allSerials(w, productId);
  if (reuse !== null && existing.length > 0) serials[serials.length - 1] = SPELLINGS[spell]!(existing[reuse % existing.length]!);
  return serials;
}

function receiveLine(w: World, lineId: number, productIndex: number, qty: number, options: { freight?: number; split?: boolean; repeat?: boolean; reuse?: number | null } = {}): void {
  const p = w.products[productIndex]!;
  const serials = p.serialized ? newSerials(w, p.id, qty, options.reuse ?? null, 1, 'P') : undefined;
  const lines = [{ lineId, qty, serials }];
  // The same PO line twice in one receipt is refused (VALIDATION naming the lines).
  if (options.repeat) lines.push({ lineId, qty: 1, serials: p.serialized ? [`P${++w.serial}`] : undefined });
  const receipt = act(w, 'receive', () => w.t.app.call('purchasing.receive', { lines, freight: options.freight ?? 0, splitFreight: options.split ?? false }, w.t.token));
  if (receipt) w.receipts.push(receipt.id);
}

function apply(w: World, o: Op): void {
  const { t } = w;
  const sqlite = t.app.ctx.sqlite;
  switch (o.kind) {
    case 'add': {
      const p = w.products[o.product]!;
      const serials = p.serialized ? newSerials(w, p.id, o.qty, o.reuse, o.spelling, 'S') : undefined;
      const input = { productId: p.id, locationId: w.locations[o.location]!, qty: o.qty, costMethod: o.method, unitCost: o.method === 'manual' ? o.cost : undefined, serials, reason: null };
      const doc = act(w, 'add', () => t.app.call('stock.add', input, t.token));
      if (doc) w.docs.push(doc);
      return;
    }
    case 'remove': {
      const loc = w.locations[o.location]!;
      const { productId, ...units } = line(w, o.pick, loc);
      const doc = act(w, 'remove', () => t.app.call('stock.remove', { productId, locationId: loc, destination: o.scrap ? 'scrap' : 'adjustment', reason: null, ...units }, t.token));
      if (doc) w.docs.push(doc);
      return;
    }
    case 'transfer': {
      const from = w.locations[o.from]!;
      const lines = o.lines.map((p) => line(w, p, from));
      const doc = act(w, 'transfer', () => t.app.call('stock.transfer', { fromLocationId: from, toLocationId: w.locations[o.to]!, mode: o.ship ? 'ship' : 'direct', lines }, t.token));
      if (doc) {
        w.docs.push(doc);
        if (o.ship) w.shipments.push(doc.id);
      }
      return;
    }
    case 'receive': {
      if (w.shipments.length === 0) return;
      act(w, 'receiveTransfer', () => t.app.call('stock.receiveTransfer', { id: w.shipments[o.pick % w.shipments.length]! }, t.token));
      return;
    }
    case 'count': {
      const p = w.products[o.product]!;
      const location = w.locations[o.location]!;
      const count = t.ok('stock.startCount', { locationId: location, note: null });
      if (p.serialized) {
        const serials = onHandSerials(w, p.id, location).slice(0, o.counted);
        // Scanned in some spelling; the same unit scanned again in another spelling is refused.
        serials.forEach((code, i) => t.ok('stock.scanCount', { id: count.id, code: SPELLINGS[(o.spelling + i) % SPELLINGS.length]!(code) }));
        if (serials.length > 0) expect(t.fail('stock.scanCount', { id: count.id, code: SPELLINGS[(o.spelling + 1) % SPELLINGS.length]!(serials[0]!) }).code).toBe('DUPLICATE_SERIAL');
        if (serials.length === 0) t.ok('stock.setCountQty', { id: count.id, productId: p.id, countedQty: 0 });
      } else {
        t.ok('stock.setCountQty', { id: count.id, productId: p.id, countedQty: o.counted });
      }
      const posted = act(w, 'postCount', () => t.app.call('stock.postCount', { id: count.id, reason: null }, t.token));
      if (posted) w.docs.push(posted);
      else t.ok('stock.cancelCount', { id: count.id });
      return;
    }
    case 'purchase': {
      const p = w.products[o.product]!;
      const po = t.ok('purchasing.createOrder', { vendorId: w.vendorId, lines: [{ productId: p.id, qty: o.qty, unitCost: 10_000 * (o.product + 1), locationId: w.locations[o.location]! }] });
      t.ok('purchasing.submit', { id: po.id });
      w.poLines.push({ lineId: po.lines[0]!.id, productIndex: o.product });
      // More than ordered is refused (and must change nothing).
      receiveLine(w, po.lines[0]!.id, o.product, o.received, { freight: o.freight, split: o.split, repeat: o.repeat, reuse: o.reuse });
      return;
    }
    case 'receiveRest': {
      if (w.poLines.length === 0) return;
      const l = w.poLines[o.pick % w.poLines.length]!;
      const open = t.ok('purchasing.listOpenLines', {}).rows.find((r) => r.lineId === l.lineId);
      if (open) receiveLine(w, l.lineId, l.productIndex, open.outstanding);
      return;
    }
    case 'cancelReceipt': {
      if (w.receipts.length === 0) return;
      act(w, 'cancelReceipt', () => t.app.call('purchasing.cancelReceipt', { id: w.receipts[o.pick % w.receipts.length]!, reason: null }, t.token));
      return;
    }
    case 'reverse': {
      if (w.docs.length === 0) return;
      const doc = w.docs[o.pick % w.docs.length]!;
      act(w, 'reverse', () => t.app.call('stock.reverse', { documentType: doc.documentType, id: doc.id, reason: null }, t.token));
      return;
    }
    case 'editSerial': {
      const units = sqlite.prepare(`SELECT id, serial_number AS s FROM lots WHERE product_id = ? AND serial_number IS NOT NULL ORDER BY id`).all(w.products[1]!.id) as { id: number; s: string }[];
      if (units.length === 0) return;
      const unit = units[o.pick % units.length]!;
      // Renamed to another spelling of itself, of another unit (refused) or to a new serial.
      const other = units[o.target % units.length]!;
      const serialNumber = o.target % 3 === 0 ? `E${++w.serial}` : SPELLINGS[o.spelling]!(other.s).trim() || other.s;
      act(w, 'editSerial', () => t.app.call('stock.editSerial', { lotId: unit.id, serialNumber }, t.token));
      return;
    }
    case 'hold': {
      const free = sqlite
        .prepare(
          `SELECT b.lot_id AS lotId, b.location_id AS locationId, b.product_id AS productId FROM balances b JOIN locations l ON l.id = b.location_id AND l.usage = 'internal'
           WHERE b.qty > coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) ORDER BY b.lot_id, b.location_id`,
        )
        .all() as { lotId: number; locationId: number; productId: number }[];
      if (free.length === 0) return;
      const unit = free[o.pick % free.length]!;
      sqlite
        .prepare(`INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)`)
        .run(unit.lotId, unit.locationId, unit.productId, o.picked ? 'picked' : 'reserved', o.picked ? 'charge' : 'quoteItem', o.pick + 1, t.clock.now);
      return;
    }
    case 'release': {
      const held = sqlite.prepare(`SELECT id FROM allocations ORDER BY id`).all() as { id: number }[];
      if (held.length > 0) sqlite.prepare(`DELETE FROM allocations WHERE id = ?`).run(held[o.pick % held.length]!.id);
      return;
    }
  }
}

function checkInvariants(w: World): void {
  const { t } = w;
  const verify = t.ok('stock.verifyLedger', {});
  expect(verify.differences).toEqual([]);
  expect(verify.serialClashes).toEqual([]);
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
  // Held units are still on hand where they are held.
  const overHeld = t.app.ctx.sqlite
    .prepare(`SELECT count(*) AS n FROM (SELECT lot_id, location_id, sum(qty) AS q FROM allocations GROUP BY lot_id, location_id) a WHERE a.q > coalesce((SELECT qty FROM balances b WHERE b.lot_id = a.lot_id AND b.location_id = a.location_id), 0)`)
    .get() as { n: number };
  expect(overHeld.n).toBe(0);
  // Every live serial carries its key, and no two units of a product share one.
  const live = t.app.ctx.sqlite.prepare(`SELECT product_id AS p, serial_number AS s, serial_key AS k FROM lots WHERE serial_number IS NOT NULL`).all() as { p: number; s: string; k: string | null }[];
  expect(live.filter((l) => l.k !== serialKey(l.s))).toEqual([]);
  expect(new Set(live.map((l) => `${l.p}:${l.k}`)).size).toBe(live.length);
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
  it('keeps the ledger consistent under any sequence of stock actions, and every refusal is allowed and changes nothing', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 330, maxLength: 350 }), (ops) => {
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
          ops.forEach((o, i) => {
            t.clock.now += 60_000;
            apply(w, o);
            if (i % 40 === 39) checkInvariants(w);
          });
          checkInvariants(w);
        } finally {
          t.close();
        }
      }),
      // Long sequences in few worlds: a world costs more to build than a hundred actions. A failure is
      // shrunk for at most two minutes, then reported as it stands.
      { numRuns: 8, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
    // A generator whose actions were almost all refused (or all accepted) would prove little.
    const total = tally.accepted + tally.refused;
    const seen = JSON.stringify({ accepted: tally.accepted, refused: tally.refused, byCode: Object.fromEntries(tally.byCode) });
    expect(total, seen).toBeGreaterThanOrEqual(2_000);
    expect(tally.accepted / total, seen).toBeGreaterThanOrEqual(0.3);
    expect(tally.refused / total, seen).toBeGreaterThanOrEqual(0.05);
  }, 180_000);

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
