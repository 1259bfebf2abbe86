// Test helpers for the stock ledger: a snapshot of everything a stock action can write, to show that a
// refused action changed nothing, and exact values recomputed in bigint independently of the app's code.
import type { Sqlite } from '../db/open';

/** Every row a stock or receiving action writes, as one comparable value. */
export function ledgerSnapshot(sqlite: Sqlite): unknown {
  const all = (sql: string) => sqlite.prepare(sql).safeIntegers(true).all();
  return {
    moves: all(`SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM stock_moves`),
    balances: all(`SELECT lot_id, location_id, qty FROM balances ORDER BY lot_id, location_id`),
    levels: all(`SELECT product_id, location_id, qty, value FROM stock_levels ORDER BY product_id, location_id`),
    months: all(`SELECT month, location_id, qty, value FROM stock_value_months ORDER BY month, location_id`),
    lots: all(`SELECT * FROM lots ORDER BY id`),
    documents: all(
      `SELECT (SELECT count(*) FROM adjustments) AS adjustments, (SELECT count(*) FROM transfers) AS transfers, (SELECT count(*) FROM receipts) AS receipts,
              (SELECT group_concat(status) FROM (SELECT status FROM transfers ORDER BY id)) AS transferStatuses,
              (SELECT group_concat(status) FROM (SELECT status FROM stocktakes ORDER BY id)) AS countStatuses,
              (SELECT group_concat(status || ':' || approval_status) FROM (SELECT status, approval_status FROM purchase_orders ORDER BY id)) AS orders,
              (SELECT group_concat(qty_received) FROM (SELECT qty_received FROM purchase_order_lines ORDER BY id)) AS received`,
    ),
  };
}

/** Units on hand per lot at a location (lot id → qty). */
export function lotsAt(sqlite: Sqlite, locationId: number): Map<number, number> {
  const rows = sqlite.prepare<[number], { lotId: number; qty: number }>(`SELECT lot_id AS lotId, qty FROM balances WHERE location_id = ? AND qty <> 0 ORDER BY lot_id`).all(locationId);
  return new Map(rows.map((r) => [r.lotId, r.qty]));
}

interface MoveRow {
  lot: bigint;
  product: bigint;
  qty: bigint;
  from: bigint;
  to: bigint;
  cost: bigint;
  at: bigint;
}

/**
 * Inventory value recomputed from the raw moves in JavaScript bigint: per location and per product, up to a
 * moment (every move when `at` is omitted), over the locations given (internal ones and In-transit).
 */
export function exactValues(sqlite: Sqlite, ours: number[], at?: number) {
  const moves = sqlite
    .prepare<[], MoveRow>(`SELECT lot_id AS lot, product_id AS product, qty, from_location_id AS "from", to_location_id AS "to", unit_cost AS cost, occurred_at AS at FROM stock_moves`)
    .safeIntegers(true)
    .all();
  const mine = new Set(ours.map(BigInt));
  const byLocation = new Map<number, { units: bigint; value: bigint }>();
  const byProduct = new Map<number, { units: bigint; value: bigint }>();
  const add = (map: Map<number, { units: bigint; value: bigint }>, key: bigint, units: bigint, value: bigint) => {
    const e = map.get(Number(key)) ?? { units: 0n, value: 0n };
    e.units += units;
    e.value += value;
    map.set(Number(key), e);
  };
  for (const m of moves) {
    if (at !== undefined && m.at > BigInt(at)) continue;
    const value = m.qty * m.cost;
    if (mine.has(m.to)) {
      add(byLocation, m.to, m.qty, value);
      add(byProduct, m.product, m.qty, value);
    }
    if (mine.has(m.from)) {
      add(byLocation, m.from, -m.qty, -value);
      add(byProduct, m.product, -m.qty, -value);
    }
  }
  let total = 0n;
  for (const e of byLocation.values()) total += e.value;
  return { total, byLocation, byProduct };
}
