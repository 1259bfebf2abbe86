// Amounts stay exact. Inputs are bounded in src/shared (quantity ≤ 10^6 a line, unit cost ≤ 10^10, document
// amounts ≤ 10^12); one line at the bounds is 10^16, past 2^53, so the inventory value is summed in bigint
// and reported as exact decimal strings. Property: at the bounds, whatever is accepted leaves verifyLedger
// clean and every reported value equal to a bigint sum recomputed independently from the raw moves.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_AMOUNT, MAX_ORDER_TOTAL, MAX_QTY, MAX_UNIT_AMOUNT } from '@shared/money';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { exactValues, ledgerSnapshot } from '@main/testing/ledger';

const DAY = 86_400_000;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

describe('bounds on amounts', () => {
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

  const stockAdd = (qty: number, unitCost: number) => ({ productId: w.cable.id, locationId: w.main.id, qty, costMethod: 'manual' as const, unitCost, reason: null });

  it.each([
    ['the issue’s 10^6 × 10^15', MAX_QTY, 1e15],
    ['a cost one over the bound', 1, MAX_UNIT_AMOUNT + 1],
    ['a quantity one over the bound', MAX_QTY + 1, 1],
    ['a fractional cost', 1, 1.5],
  ])('refuses %s as VALIDATION, changing nothing', (_name, qty, unitCost) => {
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    expect(t.fail('stock.add', stockAdd(qty, unitCost)).code).toBe('VALIDATION');
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
  });

  it('accepts a line at both bounds and reports its value exactly', () => {
    t.ok('stock.add', stockAdd(MAX_QTY, MAX_UNIT_AMOUNT - 1));
    t.ok('stock.add', stockAdd(MAX_QTY - 1, MAX_UNIT_AMOUNT - 3));
    const exact = BigInt(MAX_QTY) * BigInt(MAX_UNIT_AMOUNT - 1) + BigInt(MAX_QTY - 1) * BigInt(MAX_UNIT_AMOUNT - 3);
    expect(exact > SAFE).toBe(true);
    expect(t.ok('stock.valueByLocation', {}).total).toBe(exact.toString());
    expect(t.ok('stock.valueByLocation', { at: t.clock.now }).total).toBe(exact.toString());
    expect(t.ok('stock.valueSeries', { months: 1 })[0]!.value).toBe(exact.toString());
    expect(t.ok('stock.valueByProduct', {}).rows[0]!.value).toBe(exact.toString());
    expect(t.ok('stock.listInventoryProducts', { productId: w.cable.id }).rows[0]!.value).toBe(exact.toString());
    const units = BigInt(2 * MAX_QTY - 1);
    expect(t.ok('stock.costOptions', { productId: w.cable.id }).average).toBe(Number((2n * exact + units) / (2n * units)));
  });

  it('refuses unit amounts, freight and thresholds over their bounds on every channel that takes them', () => {
    const vendor = t.ok('catalog.createCompany', { name: 'Vendor', isVendor: true, isClient: false });
    const refused: [string, () => string][] = [
      ['product cost', () => t.fail('catalog.createProduct', { sku: 'X', name: 'X', unitCost: MAX_UNIT_AMOUNT + 1, unitPrice: 0, msrp: 0, serialized: false }).code],
      ['product price', () => t.fail('catalog.createProduct', { sku: 'X', name: 'X', unitCost: 0, unitPrice: MAX_UNIT_AMOUNT + 1, msrp: 0, serialized: false }).code],
      ['vendor cost', () => t.fail('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorCost: MAX_UNIT_AMOUNT + 1 }).code],
      ['order freight', () => t.fail('purchasing.createOrder', { vendorId: vendor.id, freight: MAX_DOCUMENT_AMOUNT + 1 }).code],
      ['receipt freight', () => t.fail('purchasing.receive', { lines: [{ lineId: 1, qty: 1 }], freight: MAX_DOCUMENT_AMOUNT + 1 }).code],
      ['approval threshold', () => t.fail('settings.update', { approvalThreshold: MAX_DOCUMENT_AMOUNT + 1 }).code],
    ];
    for (const [name, attempt] of refused) expect([name, attempt()]).toEqual([name, 'VALIDATION']);
  });

  it('keeps a purchase order’s total an exact number: a change that would pass it is refused', () => {
    const vendor = t.ok('catalog.createCompany', { name: 'Vendor', isVendor: true, isClient: false });
    t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorCost: MAX_UNIT_AMOUNT });
    const tooBig = { code: 'VALIDATION', details: { reason: 'orderTotalTooLarge' } };
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    expect(t.fail('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: MAX_QTY, locationId: w.main.id }] })).toMatchObject(tooBig);
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
    // 900,719 units at the cost bound stay under the limit; the freight bound or one more unit would not.
    const qty = Math.floor(MAX_ORDER_TOTAL / MAX_UNIT_AMOUNT);
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty, locationId: w.main.id }] });
    expect(po.total).toBe(qty * MAX_UNIT_AMOUNT);
    expect(t.fail('purchasing.updateOrder', { id: po.id, vendorId: vendor.id, freight: MAX_DOCUMENT_AMOUNT })).toMatchObject(tooBig);
    expect(t.fail('purchasing.updateLine', { id: po.lines[0]!.id, qty: qty + 1, locationId: w.main.id })).toMatchObject(tooBig);
    expect(t.fail('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 1, locationId: w.main.id })).toMatchObject(tooBig);
    const after = t.ok('purchasing.getOrder', { id: po.id });
    expect(after).toMatchObject({ total: qty * MAX_UNIT_AMOUNT, freight: 0, lines: [{ qtyOrdered: qty }] });
    t.ok('purchasing.updateOrder', { id: po.id, vendorId: vendor.id, freight: MAX_ORDER_TOTAL - qty * MAX_UNIT_AMOUNT });
    expect(t.ok('purchasing.getOrder', { id: po.id }).total).toBe(MAX_ORDER_TOTAL);
  });

  it('refuses an action that would take a stored total past 64 bits, changing nothing', () => {
    t.ok('stock.add', stockAdd(MAX_QTY, MAX_UNIT_AMOUNT));
    // Nine hundred such lines would be needed to reach 2^63; a total already close to it stands in for them.
    t.app.ctx.sqlite.prepare(`UPDATE stock_levels SET value = value + ? WHERE product_id = ? AND location_id = ?`).run(9_210_000_000_000_000_000n, w.cable.id, w.main.id);
    const before = ledgerSnapshot(t.app.ctx.sqlite);
    expect(t.fail('stock.add', stockAdd(MAX_QTY, MAX_UNIT_AMOUNT))).toMatchObject({ code: 'VALIDATION', details: { reason: 'amountOutOfRange' } });
    expect(ledgerSnapshot(t.app.ctx.sqlite)).toEqual(before);
    t.app.ctx.sqlite.prepare(`UPDATE stock_levels SET value = value - ? WHERE product_id = ? AND location_id = ?`).run(9_210_000_000_000_000_000n, w.cable.id, w.main.id);
  });
});

type Op =
  | { kind: 'add'; product: number; location: number; qty: number; cost: number }
  | { kind: 'remove'; product: number; location: number; qty: number }
  | { kind: 'transfer'; product: number; from: number; to: number; qty: number; ship: boolean }
  | { kind: 'receive'; pick: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'later'; days: number };

const bigQty = fc.oneof(fc.constant(MAX_QTY), fc.integer({ min: MAX_QTY - 1000, max: MAX_QTY }), fc.integer({ min: 1, max: MAX_QTY }));
const bigCost = fc.oneof(fc.constant(MAX_UNIT_AMOUNT), fc.integer({ min: MAX_UNIT_AMOUNT - 1000, max: MAX_UNIT_AMOUNT }), fc.integer({ min: 0, max: MAX_UNIT_AMOUNT }));
const idx = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), product: fc.integer({ min: 0, max: 1 }), location: idx, qty: bigQty, cost: bigCost }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), product: fc.integer({ min: 0, max: 1 }), location: idx, qty: bigQty }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('transfer' as const), product: fc.integer({ min: 0, max: 1 }), from: idx, to: idx, qty: bigQty, ship: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receive' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('later' as const), days: fc.integer({ min: 1, max: 45 }) }) },
);

describe('exact values at the bounds (property)', () => {
  it('leaves verifyLedger clean and every reported value equal to an independent bigint sum', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 3, maxLength: 14 }), (ops) => {
        const t = createTestApp({ start: Date.UTC(2026, 0, 20) });
        try {
          const s = seedWorld(t);
          const sqlite = t.app.ctx.sqlite;
          const toner = t.ok('catalog.createProduct', { sku: 'TONER', name: 'Toner', unitCost: MAX_UNIT_AMOUNT, unitPrice: 0, msrp: 0, serialized: false });
          const products = [s.cable.id, toner.id];
          const locations = [s.main.id, s.shelf.id, s.van.id];
          const ours = [...locations, 5];
          const docs: { documentType: 'adjustment' | 'transfer'; id: number }[] = [];
          const shipments: number[] = [];
          const moments: number[] = [];
          // Past 2^53 from the start: one line at both bounds.
          t.ok('stock.add', { productId: toner.id, locationId: s.main.id, qty: MAX_QTY, costMethod: 'manual', unitCost: MAX_UNIT_AMOUNT - 7, reason: null });
          expect(exactValues(sqlite, ours).total > SAFE).toBe(true);
          for (const o of ops) {
            t.clock.now += 60_000;
            moments.push(t.clock.now);
            if (o.kind === 'later') t.clock.now += o.days * DAY;
            else if (o.kind === 'add') {
              const r = t.app.call('stock.add', { productId: products[o.product]!, locationId: locations[o.location]!, qty: o.qty, costMethod: 'manual', unitCost: o.cost, reason: null }, t.token);
              if (r.ok) docs.push({ documentType: 'adjustment', id: r.data.id });
            } else if (o.kind === 'remove') {
              const r = t.app.call('stock.remove', { productId: products[o.product]!, locationId: locations[o.location]!, qty: o.qty, destination: 'scrap', reason: null }, t.token);
              if (r.ok) docs.push({ documentType: 'adjustment', id: r.data.id });
            } else if (o.kind === 'transfer') {
              const line = { productId: products[o.product]!, qty: Math.ceil(o.qty / 2) };
              const r = t.app.call('stock.transfer', { fromLocationId: locations[o.from]!, toLocationId: locations[o.to]!, mode: o.ship ? 'ship' : 'direct', lines: [line, line] }, t.token);
              if (r.ok) {
                docs.push({ documentType: 'transfer', id: r.data.id });
                if (o.ship) shipments.push(r.data.id);
              }
            } else if (o.kind === 'receive' && shipments.length > 0) t.app.call('stock.receiveTransfer', { id: shipments[o.pick % shipments.length]! }, t.token);
            else if (o.kind === 'reverse' && docs.length > 0) {
              const doc = docs[o.pick % docs.length]!;
              t.app.call('stock.reverse', { documentType: doc.documentType, id: doc.id, reason: null }, t.token);
            }
          }
          const report = t.ok('stock.verifyLedger', {});
          expect(report.differences).toEqual([]);
          const exactNow = exactValues(sqlite, ours);
          const now = t.ok('stock.valueByLocation', {});
          expect(now.total).toBe(exactNow.total.toString());
          for (const row of now.rows) expect([row.id, row.units, row.value]).toEqual([row.id, Number(exactNow.byLocation.get(row.id)!.units), exactNow.byLocation.get(row.id)!.value.toString()]);
          const byProduct = t.ok('stock.valueByProduct', {}).rows;
          for (const row of byProduct) expect([row.id, row.value]).toEqual([row.id, exactNow.byProduct.get(row.id)!.value.toString()]);
          for (const at of moments.filter((_, i) => i % 3 === 0)) {
            const exact = exactValues(sqlite, ours, at);
            const past = t.ok('stock.valueByLocation', { at });
            expect([at, past.total]).toEqual([at, exact.total.toString()]);
            for (const row of past.rows) expect([at, row.id, row.value]).toEqual([at, row.id, exact.byLocation.get(row.id)!.value.toString()]);
            for (const row of t.ok('stock.valueByProduct', { at }).rows) expect([at, row.id, row.value]).toEqual([at, row.id, exact.byProduct.get(row.id)!.value.toString()]);
          }
          for (const point of t.ok('stock.valueSeries', { months: 12 })) expect([point.at, point.value]).toEqual([point.at, exactValues(sqlite, ours, point.at).total.toString()]);
          // Each inventory product's value: Σ its lots' units × cost at that location, in bigint.
          const levels = sqlite
            .prepare(`SELECT b.product_id AS p, b.location_id AS l, b.qty AS q, lt.unit_cost AS c FROM balances b JOIN lots lt ON lt.id = b.lot_id`)
            .safeIntegers(true)
            .all() as { p: bigint; l: bigint; q: bigint; c: bigint }[];
          for (const ip of t.ok('stock.listInventoryProducts', { pageSize: 200 }).rows) {
            const exact = levels.filter((r) => Number(r.p) === ip.productId && Number(r.l) === ip.locationId).reduce((sum, r) => sum + r.q * r.c, 0n);
            expect([ip.id, ip.value]).toEqual([ip.id, exact.toString()]);
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 16 },
    );
  });
});
