// The ledger check against a plain reference: the straightforward joins it used before it was made one
// streaming pass per check. Any mix of drifts, on any rows, must be reported exactly as the reference
// reports it (same differences, same expected and actual figures), and a clean ledger must pass.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '@main/db/open';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { buildLedger, drifts } from '@main/testing/ledgerDrift';
import { VIRTUAL } from '../locations/locations';
import { verifyLedger, type LedgerDifference } from './verify';

type Found = Omit<LedgerDifference, 'kind'>;

/** The reference: each recomputed figure joined to its cache (FULL OUTER JOIN), one query per check. */
function referenceDifferences(sqlite: Sqlite): LedgerDifference[] {
  const all = (kind: LedgerDifference['kind'], sql: string) => sqlite.prepare<[], Found>(sql).all().map((d) => ({ kind, ...d }));
  const balances = all(
    'balance',
    `WITH m AS (SELECT lot_id, loc, sum(q) AS qty FROM (SELECT lot_id, to_location_id AS loc, qty AS q FROM stock_moves UNION ALL SELECT lot_id, from_location_id, -qty FROM stock_moves)
                WHERE loc IN (SELECT id FROM locations WHERE usage = 'internal' OR id = 5) GROUP BY lot_id, loc)
     SELECT coalesce(m.lot_id, b.lot_id) AS lotId, NULL AS productId, coalesce(m.loc, b.location_id) AS locationId, CAST(coalesce(m.qty, 0) AS TEXT) AS expected, CAST(coalesce(b.qty, 0) AS TEXT) AS actual, NULL AS month
     FROM m FULL OUTER JOIN balances b ON b.lot_id = m.lot_id AND b.location_id = m.loc WHERE coalesce(m.qty, 0) <> coalesce(b.qty, 0)`,
  );
  const negatives = all(
    'negative',
    `SELECT b.lot_id AS lotId, NULL AS productId, b.location_id AS locationId, '0' AS expected, CAST(b.qty AS TEXT) AS actual, NULL AS month FROM balances b JOIN locations l ON l.id = b.location_id WHERE l.usage = 'internal' AND b.qty < 0`,
  );
  const levels = all(
    'level',
    `WITH agg AS (SELECT b.product_id AS p, b.location_id AS loc, sum(b.qty) AS qty, sum(b.qty * l.unit_cost) AS value FROM balances b JOIN lots l ON l.id = b.lot_id GROUP BY 1, 2)
     SELECT NULL AS lotId, coalesce(agg.p, s.product_id) AS productId, coalesce(agg.loc, s.location_id) AS locationId, CAST(coalesce(agg.qty, 0) AS TEXT) AS expected, CAST(coalesce(s.qty, 0) AS TEXT) AS actual, NULL AS month
     FROM agg FULL OUTER JOIN stock_levels s ON s.product_id = agg.p AND s.location_id = agg.loc WHERE coalesce(agg.qty, 0) <> coalesce(s.qty, 0) OR coalesce(agg.value, 0) <> coalesce(s.value, 0)`,
  );
  const months = all(
    'month',
    `WITH agg AS (SELECT month, loc, sum(q) AS qty, sum(v) AS value FROM (
        SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch') AS month, to_location_id AS loc, qty AS q, qty * unit_cost AS v FROM stock_moves
        UNION ALL SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch'), from_location_id, -qty, -qty * unit_cost FROM stock_moves) GROUP BY 1, 2)
     SELECT NULL AS lotId, NULL AS productId, coalesce(agg.loc, m.location_id) AS locationId, CAST(coalesce(agg.value, 0) AS TEXT) AS expected, CAST(coalesce(m.value, 0) AS TEXT) AS actual, coalesce(agg.month, m.month) AS month
     FROM agg FULL OUTER JOIN stock_value_months m ON m.month = agg.month AND m.location_id = agg.loc WHERE coalesce(agg.qty, 0) <> coalesce(m.qty, 0) OR coalesce(agg.value, 0) <> coalesce(m.value, 0)`,
  );
  const products = all(
    'listCache',
    `SELECT NULL AS lotId, id AS productId, NULL AS locationId, NULL AS month,
            CASE WHEN on_hand <> onHandX THEN CAST(onHandX AS TEXT) WHEN owned_qty <> ownedQtyX THEN CAST(ownedQtyX AS TEXT) ELSE CAST(ownedValueX AS TEXT) END AS expected,
            CASE WHEN on_hand <> onHandX THEN CAST(on_hand AS TEXT) WHEN owned_qty <> ownedQtyX THEN CAST(owned_qty AS TEXT) ELSE CAST(owned_value AS TEXT) END AS actual
     FROM (SELECT p.*, coalesce((SELECT sum(s.qty) FROM stock_levels s JOIN locations l ON l.id = s.location_id AND l.usage = 'internal' WHERE s.product_id = p.id), 0) AS onHandX,
                  coalesce((SELECT sum(s.qty) FROM stock_levels s JOIN locations l ON l.id = s.location_id AND (l.usage = 'internal' OR l.id = ${VIRTUAL.transit}) WHERE s.product_id = p.id), 0) AS ownedQtyX,
                  coalesce((SELECT sum(s.value) FROM stock_levels s JOIN locations l ON l.id = s.location_id AND (l.usage = 'internal' OR l.id = ${VIRTUAL.transit}) WHERE s.product_id = p.id), 0) AS ownedValueX
           FROM products p)
     WHERE on_hand <> onHandX OR owned_qty <> ownedQtyX OR owned_value <> ownedValueX`,
  );
  const outstanding = `pl.qty_ordered - pl.qty_canceled - pl.qty_received`;
  const figures = ['onHand', 'value', 'belowMin', 'reserved', 'picked', 'onOrder', 'backOrdered', 'onOrderDrafts'];
  const inventoryProducts = sqlite
    .prepare<[], Record<string, bigint>>(
      `SELECT * FROM (SELECT ip.product_id AS productId, ip.location_id AS locationId,
                ip.on_hand AS onHand, coalesce(s.qty, 0) AS onHandX, ip.value AS value, coalesce(s.value, 0) AS valueX, ip.below_min AS belowMin, coalesce(s.qty, 0) < ip.min AS belowMinX,
                ip.reserved AS reserved, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.product_id = ip.product_id AND a.location_id = ip.location_id AND a.kind = 'reserved'), 0) AS reservedX,
                ip.picked AS picked, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.product_id = ip.product_id AND a.location_id = ip.location_id AND a.kind = 'picked'), 0) AS pickedX,
                ip.on_order AS onOrder, coalesce((SELECT sum(${outstanding}) FROM purchase_order_lines pl WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND pl.receivable = 1), 0) AS onOrderX,
                ip.back_ordered AS backOrdered, coalesce((SELECT sum(${outstanding}) FROM purchase_order_lines pl WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND pl.receivable = 1 AND pl.qty_received > 0), 0) AS backOrderedX,
                ip.on_order_drafts AS onOrderDrafts, coalesce((SELECT sum(${outstanding}) FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.po_id WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND po.status = 'new'), 0) AS onOrderDraftsX
         FROM inventory_products ip LEFT JOIN stock_levels s ON s.product_id = ip.product_id AND s.location_id = ip.location_id)
       WHERE ${figures.map((f) => `${f} <> ${f}X`).join(' OR ')}`,
    )
    .safeIntegers(true)
    .all()
    .map((r): LedgerDifference => {
      const field = figures.find((f) => r[f] !== r[`${f}X`])!;
      return { kind: 'listCache', lotId: null, productId: Number(r.productId), locationId: Number(r.locationId), month: null, expected: String(r[`${field}X`]), actual: String(r[field]) };
    });
  const allocations = all(
    'allocation',
    `SELECT lot_id AS lotId, NULL AS productId, location_id AS locationId, NULL AS month, CAST(onHand AS TEXT) AS expected, CAST(held AS TEXT) AS actual
     FROM (SELECT a.lot_id, a.location_id, sum(a.qty) AS held, min(a.qty) AS smallest,
                  coalesce((SELECT b.qty FROM balances b WHERE b.lot_id = a.lot_id AND b.location_id = a.location_id), 0) AS onHand
           FROM allocations a GROUP BY a.lot_id, a.location_id)
     WHERE held > onHand OR smallest <= 0`,
  );
  return [...balances, ...negatives, ...levels, ...months, ...products, ...inventoryProducts, ...allocations];
}

function sorted(differences: LedgerDifference[]): LedgerDifference[] {
  const key = (d: LedgerDifference) => JSON.stringify([d.kind, d.lotId, d.productId, d.locationId, d.month]);
  return [...differences].sort((a, b) => key(a).localeCompare(key(b)));
}

function comparable(differences: LedgerDifference[]): LedgerDifference[] {
  return sorted(differences);
}

let t: TestApp;

beforeAll(() => {
  t = createTestApp();
  buildLedger(t, seedWorld(t));
});
afterAll(() => t.close());

/** Runs `fn` on the drifted ledger, then puts the ledger back as it was. */
function drifted<T>(apply: (sqlite: Sqlite) => void, fn: () => T): T {
  const sqlite = t.app.ctx.sqlite;
  sqlite.exec('SAVEPOINT drift');
  try {
    apply(sqlite);
    return fn();
  } finally {
    sqlite.exec('ROLLBACK TO drift');
    sqlite.exec('RELEASE drift');
  }
}

describe('verifyLedger', () => {
  it('passes a ledger the services wrote, as the reference does', () => {
    const report = verifyLedger(t.app.ctx);
    expect(report).toMatchObject({ ok: true, differences: [] });
    expect(referenceDifferences(t.app.ctx.sqlite)).toEqual([]);
    expect(report.checkedBalances).toBe(t.app.ctx.sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM balances`).get()!.n);
  });

  it.each(drifts.map((d) => [d.name, d] as const))('reports %s', (_name, drift) => {
    for (const pick of [0, 0.37, 0.99]) {
      const [report, reference] = drifted(
        (sqlite) => drift.apply(sqlite, pick),
        () => [verifyLedger(t.app.ctx), referenceDifferences(t.app.ctx.sqlite)] as const,
      );
      expect(report.ok, `${drift.name} at ${pick}`).toBe(false);
      expect(report.differences.length).toBeGreaterThan(0);
      expect(comparable(report.differences), `${drift.name} at ${pick}`).toEqual(comparable(reference));
    }
  });

  it('reports any mix of drifts exactly as the reference', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ drift: fc.integer({ min: 0, max: drifts.length - 1 }), pick: fc.double({ min: 0, max: 0.999, noNaN: true }) }), { minLength: 1, maxLength: 6 }), (mix) => {
        const [report, reference] = drifted(
          (sqlite) => {
            for (const m of mix) drifts[m.drift]!.apply(sqlite, m.pick);
          },
          () => [verifyLedger(t.app.ctx), referenceDifferences(t.app.ctx.sqlite)] as const,
        );
        expect(comparable(report.differences)).toEqual(comparable(reference));
        expect(report.ok).toBe(report.differences.length === 0);
      }),
      { numRuns: 60 },
    );
  });
});
