// verifyLedger recomputes every balance from the append-only moves and compares it with the cache.
// It also checks the per-product stock levels, the per-month value totals and the figures lists sort by
// (kept on inventory products and products), that internal locations are never negative and that each
// lot sums to zero. Sums stay exact 64-bit integers in SQL and leave as text (a value can pass 2^53).
// Beside the ledger it lists the serials still clashing since migration 0004.
import type { Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { listSerialClashes, type SerialClash } from './serials';

export interface LedgerDifference {
  kind: 'balance' | 'negative' | 'lotSum' | 'level' | 'month' | 'listCache';
  /** Null for a stock-level or list-figure difference, which is per product, and for a month's totals. */
  lotId: number | null;
  productId: number | null;
  locationId: number | null;
  /** 'YYYY-MM' for a difference in the month totals. */
  month: string | null;
  /** Decimal integer strings: quantities, or values in ten-thousandths for the month totals. */
  expected: string;
  actual: string;
}

const LIMIT = 1000;

export function verifyLedger(ctx: Ctx): { ok: boolean; checkedBalances: number; differences: LedgerDifference[]; serialClashes: SerialClash[] } {
  const differences: LedgerDifference[] = [];
  const fromMoves = `SELECT lot_id, loc, sum(q) AS qty FROM (
      SELECT lot_id, to_location_id AS loc, qty AS q FROM stock_moves
      UNION ALL SELECT lot_id, from_location_id, -qty FROM stock_moves) GROUP BY lot_id, loc HAVING sum(q) <> 0`;
  const balanceDiffs = ctx.sqlite
    .prepare(
      `WITH m AS (${fromMoves})
       SELECT coalesce(m.lot_id, b.lot_id) AS lotId, NULL AS productId, coalesce(m.loc, b.location_id) AS locationId, CAST(coalesce(m.qty, 0) AS TEXT) AS expected, CAST(coalesce(b.qty, 0) AS TEXT) AS actual, NULL AS month
       FROM m FULL OUTER JOIN balances b ON b.lot_id = m.lot_id AND b.location_id = m.loc
       WHERE coalesce(m.qty, 0) <> coalesce(b.qty, 0) LIMIT ${LIMIT}`,
    )
    .all() as Omit<LedgerDifference, 'kind'>[];
  for (const d of balanceDiffs) differences.push({ kind: 'balance', ...d });
  const negatives = ctx.sqlite
    .prepare(
      `SELECT b.lot_id AS lotId, NULL AS productId, b.location_id AS locationId, '0' AS expected, CAST(b.qty AS TEXT) AS actual, NULL AS month FROM balances b JOIN locations l ON l.id = b.location_id
       WHERE l.usage = 'internal' AND b.qty < 0 LIMIT ${LIMIT}`,
    )
    .all() as Omit<LedgerDifference, 'kind'>[];
  for (const d of negatives) differences.push({ kind: 'negative', ...d });
  const lotSums = ctx.sqlite
    .prepare(`SELECT lot_id AS lotId, NULL AS productId, NULL AS locationId, '0' AS expected, CAST(sum(qty) AS TEXT) AS actual, NULL AS month FROM balances GROUP BY lot_id HAVING sum(qty) <> 0 LIMIT ${LIMIT}`)
    .all() as Omit<LedgerDifference, 'kind'>[];
  for (const d of lotSums) differences.push({ kind: 'lotSum', ...d });
  const levels = ctx.sqlite
    .prepare(
      `WITH agg AS (SELECT b.product_id AS p, b.location_id AS loc, sum(b.qty) AS qty, sum(b.qty * l.unit_cost) AS value FROM balances b JOIN lots l ON l.id = b.lot_id GROUP BY b.product_id, b.location_id)
       SELECT NULL AS lotId, coalesce(agg.p, s.product_id) AS productId, coalesce(agg.loc, s.location_id) AS locationId, CAST(coalesce(agg.qty, 0) AS TEXT) AS expected, CAST(coalesce(s.qty, 0) AS TEXT) AS actual, NULL AS month
       FROM agg FULL OUTER JOIN stock_levels s ON s.product_id = agg.p AND s.location_id = agg.loc
       WHERE coalesce(agg.qty, 0) <> coalesce(s.qty, 0) OR coalesce(agg.value, 0) <> coalesce(s.value, 0) LIMIT ${LIMIT}`,
    )
    .all() as Omit<LedgerDifference, 'kind'>[];
  for (const d of levels) differences.push({ kind: 'level', ...d });
  const months = ctx.sqlite
    .prepare(
      `WITH agg AS (SELECT month, loc, sum(q) AS qty, sum(v) AS value FROM (
          SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch') AS month, to_location_id AS loc, qty AS q, qty * unit_cost AS v FROM stock_moves
          UNION ALL SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch'), from_location_id, -qty, -qty * unit_cost FROM stock_moves) GROUP BY month, loc)
       SELECT NULL AS lotId, NULL AS productId, coalesce(agg.loc, m.location_id) AS locationId, CAST(coalesce(agg.value, 0) AS TEXT) AS expected, CAST(coalesce(m.value, 0) AS TEXT) AS actual,
              coalesce(agg.month, m.month) AS month
       FROM agg FULL OUTER JOIN stock_value_months m ON m.month = agg.month AND m.location_id = agg.loc
       WHERE coalesce(agg.qty, 0) <> coalesce(m.qty, 0) OR coalesce(agg.value, 0) <> coalesce(m.value, 0) LIMIT ${LIMIT}`,
    )
    .all() as Omit<LedgerDifference, 'kind'>[];
  for (const d of months) differences.push({ kind: 'month', ...d });
  for (const d of listCacheDifferences(ctx)) differences.push({ kind: 'listCache', ...d });
  const checked = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM balances`).get() as { n: number }).n;
  // Clashing serials are not a ledger difference (every unit is still accounted for): listed to be corrected.
  return { ok: differences.length === 0, checkedBalances: checked, differences, serialClashes: listSerialClashes(ctx) };
}

/**
 * The figures stored for lists against what they summarise: per inventory product on hand, value and the
 * below-minimum flag (stock_levels), reserved and picked (allocations), on order and back ordered
 * (receivable purchase order lines) and on order in drafts (lines of New orders); per product the units at internal locations (locationId null).
 * Each difference names the first figure that differs.
 */
function listCacheDifferences(ctx: Ctx): Omit<LedgerDifference, 'kind'>[] {
  const outstanding = `pl.qty_ordered - pl.qty_canceled - pl.qty_received`;
  const inventoryProducts = ctx.sqlite
    .prepare(
      `WITH x AS (
         SELECT ip.product_id AS productId, ip.location_id AS locationId,
                ip.on_hand AS onHand, coalesce(s.qty, 0) AS onHandX, ip.value AS value, coalesce(s.value, 0) AS valueX,
                ip.below_min AS belowMin, coalesce(s.qty, 0) < ip.min AS belowMinX,
                ip.reserved AS reserved, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.product_id = ip.product_id AND a.location_id = ip.location_id AND a.kind = 'reserved'), 0) AS reservedX,
                ip.picked AS picked, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.product_id = ip.product_id AND a.location_id = ip.location_id AND a.kind = 'picked'), 0) AS pickedX,
                ip.on_order AS onOrder, coalesce((SELECT sum(${outstanding}) FROM purchase_order_lines pl WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND pl.receivable = 1), 0) AS onOrderX,
                ip.back_ordered AS backOrdered,
                coalesce((SELECT sum(${outstanding}) FROM purchase_order_lines pl WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND pl.receivable = 1 AND pl.qty_received > 0), 0) AS backOrderedX,
                ip.on_order_drafts AS onOrderDrafts,
                coalesce((SELECT sum(${outstanding}) FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.po_id
                          WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND po.status = 'new'), 0) AS onOrderDraftsX
         FROM inventory_products ip LEFT JOIN stock_levels s ON s.product_id = ip.product_id AND s.location_id = ip.location_id)
       SELECT * FROM x WHERE onHand <> onHandX OR value <> valueX OR belowMin <> belowMinX OR reserved <> reservedX OR picked <> pickedX OR onOrder <> onOrderX OR backOrdered <> backOrderedX OR onOrderDrafts <> onOrderDraftsX
       LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all() as Record<string, bigint>[];
  const figures = ['onHand', 'value', 'belowMin', 'reserved', 'picked', 'onOrder', 'backOrdered', 'onOrderDrafts'];
  const result: Omit<LedgerDifference, 'kind'>[] = inventoryProducts.map((r) => {
    const field = figures.find((f) => r[f] !== r[`${f}X`])!;
    return { lotId: null, productId: Number(r.productId), locationId: Number(r.locationId), month: null, expected: String(r[`${field}X`]), actual: String(r[field]) };
  });
  const products = ctx.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT p.id AS productId, p.on_hand AS onHand, p.owned_qty AS ownedQty, p.owned_value AS ownedValue,
                coalesce((SELECT sum(s.qty) FROM stock_levels s JOIN locations l ON l.id = s.location_id AND l.usage = 'internal' WHERE s.product_id = p.id), 0) AS onHandX,
                coalesce((SELECT sum(s.qty) FROM stock_levels s JOIN locations l ON l.id = s.location_id AND (l.usage = 'internal' OR l.id = ${VIRTUAL.transit}) WHERE s.product_id = p.id), 0) AS ownedQtyX,
                coalesce((SELECT sum(s.value) FROM stock_levels s JOIN locations l ON l.id = s.location_id AND (l.usage = 'internal' OR l.id = ${VIRTUAL.transit}) WHERE s.product_id = p.id), 0) AS ownedValueX
         FROM products p)
       WHERE onHand <> onHandX OR ownedQty <> ownedQtyX OR ownedValue <> ownedValueX LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all() as Record<string, bigint>[];
  for (const r of products) {
    const field = ['onHand', 'ownedQty', 'ownedValue'].find((f) => r[f] !== r[`${f}X`])!;
    result.push({ lotId: null, productId: Number(r.productId), locationId: null, month: null, expected: String(r[`${field}X`]), actual: String(r[field]) });
  }
  return result;
}
