// verifyLedger recomputes every balance from the append-only moves and compares it with the cache.
// It also checks the per-product stock levels and the per-month value totals, that internal locations are
// never negative and that each lot sums to zero. Sums stay exact 64-bit integers in SQL and leave as text
// (a value can pass 2^53). Beside the ledger it lists the serials still clashing since migration 0004.
import type { Ctx } from '../context';
import { listSerialClashes, type SerialClash } from './serials';

export interface LedgerDifference {
  kind: 'balance' | 'negative' | 'lotSum' | 'level' | 'month';
  /** Null for a stock-level difference, which is per product, and for a month's totals. */
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
  const checked = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM balances`).get() as { n: number }).n;
  // Clashing serials are not a ledger difference (every unit is still accounted for): listed to be corrected.
  return { ok: differences.length === 0, checkedBalances: checked, differences, serialClashes: listSerialClashes(ctx) };
}
