// verifyLedger recomputes every balance from the append-only moves and compares it with the cache.
// It also checks the per-product stock levels, the per-month value totals and the figures lists sort by
// (kept on inventory products and products, with whether their location offers its units) and that internal
// locations are never negative. Sums stay exact 64-bit integers in SQL and leave as text (a value can pass 2^53).
// Beside the ledger it lists the serials still clashing since migration 0004.
// It is a long read (the contract marks it): transports run it on a worker thread with its own read-only
// connection. Each check is one grouped pass that compares the recomputed figure with the cached one in the
// same GROUP BY (the two sides as columns of one UNION ALL), never a join of two large results; the balance
// check reads the moves in (lot, location) order from a covering index, so it sorts nothing and its memory
// stays at the page cache whatever the ledger's size.
import type { Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { listSerialClashes, type SerialClash } from './serials';

export interface LedgerDifference {
  kind: 'balance' | 'negative' | 'serial' | 'level' | 'month' | 'listCache' | 'allocation' | 'charge' | 'delivery' | 'quote' | 'return' | 'rma' | 'vendorReturn';
  /** Null for a stock-level or list-figure difference, which is per product, and for a month's totals. */
  lotId: number | null;
  productId: number | null;
  locationId: number | null;
  /** 'YYYY-MM' for a difference in the month totals. */
  month: string | null;
  /** The charge, delivery, client return, RMA or vendor return (by kind) whose figures differ. */
  documentId?: number | null;
  /** Which of its figures: picked, delivered, deliveredCost; a delivery line's qty or cost. */
  figure?: string | null;
  /** Decimal integer strings: quantities, or values in ten-thousandths for the month totals. */
  expected: string;
  actual: string;
}

export interface LedgerReport {
  ok: boolean;
  checkedBalances: number;
  differences: LedgerDifference[];
  serialClashes: SerialClash[];
}

/** At most this many differences of each kind are reported: enough to see what drifted. */
const LIMIT = 1000;

type Found = Omit<LedgerDifference, 'kind'>;

export function verifyLedger(ctx: Ctx): LedgerReport {
  const differences: LedgerDifference[] = [];
  const add = (kind: LedgerDifference['kind'], found: Found[]) => {
    for (const d of found) differences.push({ kind, ...d });
  };
  add('balance', balanceDifferences(ctx));
  add('negative', negativeBalances(ctx));
  add('serial', serialUnits(ctx));
  add('level', levelDifferences(ctx));
  add('month', monthDifferences(ctx));
  add('listCache', listCacheDifferences(ctx));
  add('allocation', overAllocated(ctx));
  add('charge', chargeDifferences(ctx));
  add('delivery', deliveryLineDifferences(ctx));
  add('quote', quoteDifferences(ctx));
  add('return', returnLineDifferences(ctx));
  add('rma', rmaHoldDifferences(ctx));
  add('vendorReturn', vendorReturnDifferences(ctx));
  const checked = ctx.sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM balances`).get()!.n;
  // Clashing serials are not a ledger difference (every unit is still accounted for): listed to be corrected.
  return { ok: differences.length === 0, checkedBalances: checked, differences, serialClashes: listSerialClashes(ctx) };
}

/** The locations that keep no balances (keepsBalances in ledger.ts): every virtual one but In-transit. */
function outsideLocations(ctx: Ctx): string {
  return ctx.sqlite
    .prepare<[number], { id: number }>(`SELECT id FROM locations WHERE usage <> 'internal' AND id <> ?`)
    .all(VIRTUAL.transit)
    .map((r) => r.id)
    .join(', ');
}

/**
 * Each balance against the Σ of the moves into and out of its (lot, location), at the locations that keep
 * balances (a move's end outside them counts nowhere, and a balance there is a difference). The three sources are merged
 * in (lot, location) order — the moves from the covering index moves_lot_idx (lot, to, from, qty), the
 * balances from their primary key — so the grouping is a single streaming pass with no sort.
 */
function balanceDifferences(ctx: Ctx): Found[] {
  const outside = outsideLocations(ctx);
  return ctx.sqlite
    .prepare<[], Found>(
      `SELECT lot_id AS lotId, NULL AS productId, loc AS locationId, CAST(sum(m) AS TEXT) AS expected, CAST(sum(b) AS TEXT) AS actual, NULL AS month
       FROM (SELECT lot_id, to_location_id AS loc, qty AS m, 0 AS b FROM stock_moves WHERE to_location_id NOT IN (${outside})
             UNION ALL SELECT lot_id, from_location_id, -qty, 0 FROM stock_moves WHERE from_location_id NOT IN (${outside})
             UNION ALL SELECT lot_id, location_id, 0, qty FROM balances
             ORDER BY 1, 2)
       GROUP BY lot_id, loc HAVING sum(m) <> sum(b) LIMIT ${LIMIT}`,
    )
    .all();
}

function negativeBalances(ctx: Ctx): Found[] {
  return ctx.sqlite
    .prepare<[], Found>(
      `SELECT b.lot_id AS lotId, NULL AS productId, b.location_id AS locationId, '0' AS expected, CAST(b.qty AS TEXT) AS actual, NULL AS month FROM balances b JOIN locations l ON l.id = b.location_id
       WHERE l.usage = 'internal' AND b.qty < 0 LIMIT ${LIMIT}`,
    )
    .all();
}

/** Each stock level (units and value per product and location) against the Σ of its balances × lot cost. */
function levelDifferences(ctx: Ctx): Found[] {
  return ctx.sqlite
    .prepare<[], Found>(
      `SELECT NULL AS lotId, p AS productId, loc AS locationId, CAST(sum(q) AS TEXT) AS expected, CAST(sum(cq) AS TEXT) AS actual, NULL AS month
       FROM (SELECT b.product_id AS p, b.location_id AS loc, b.qty AS q, b.qty * l.unit_cost AS v, 0 AS cq, 0 AS cv FROM balances b JOIN lots l ON l.id = b.lot_id
             UNION ALL SELECT product_id, location_id, 0, 0, qty, value FROM stock_levels)
       GROUP BY p, loc HAVING sum(q) <> sum(cq) OR sum(v) <> sum(cv) LIMIT ${LIMIT}`,
    )
    .all();
}

/**
 * Each month's totals per location against the moves of that month. The moves are grouped once per (month,
 * to, from) — a few thousand groups, with the month computed once per move — and only those groups are
 * split into their two ends.
 */
function monthDifferences(ctx: Ctx): Found[] {
  return ctx.sqlite
    .prepare<[], Found>(
      `WITH g AS (SELECT strftime('%Y-%m', occurred_at / 1000, 'unixepoch') AS month, to_location_id AS t, from_location_id AS f, sum(qty) AS q, sum(qty * unit_cost) AS v
                  FROM stock_moves GROUP BY 1, 2, 3)
       SELECT NULL AS lotId, NULL AS productId, loc AS locationId, CAST(sum(v) AS TEXT) AS expected, CAST(sum(cv) AS TEXT) AS actual, month
       FROM (SELECT month, t AS loc, q, v, 0 AS cq, 0 AS cv FROM g
             UNION ALL SELECT month, f, -q, -v, 0, 0 FROM g
             UNION ALL SELECT month, location_id, 0, 0, qty, value FROM stock_value_months)
       GROUP BY month, loc HAVING sum(q) <> sum(cq) OR sum(v) <> sum(cv) LIMIT ${LIMIT}`,
    )
    .all();
}

type Figures = Record<string, bigint>;

/**
 * The figures stored for lists against what they summarise: per inventory product on hand, value and the
 * below-minimum flag (stock_levels), reserved and picked (allocations), on order and back ordered
 * (receivable purchase order lines) on order in drafts (lines of New orders) and incoming (units shipped to it and still in transit, from the moves into and out of In-transit); per product the units at internal locations (locationId null).
 * Each difference names the first figure that differs.
 */
function listCacheDifferences(ctx: Ctx): Found[] {
  const outstanding = `pl.qty_ordered - pl.qty_canceled - pl.qty_received`;
  // What allocations and purchase order lines add up to is grouped once per (product, location) and joined,
  // rather than summed by five lookups for each of the inventory products.
  const inventoryProducts = ctx.sqlite
    .prepare<[], Figures>(
      `WITH a AS (SELECT product_id, location_id, sum(CASE WHEN kind = 'reserved' THEN qty ELSE 0 END) AS reserved, sum(CASE WHEN kind = 'picked' THEN qty ELSE 0 END) AS picked
                  FROM allocations GROUP BY 1, 2),
            o AS (SELECT pl.product_id, pl.location_id,
                         sum(CASE WHEN pl.receivable = 1 THEN ${outstanding} ELSE 0 END) AS onOrder,
                         sum(CASE WHEN pl.receivable = 1 AND pl.qty_received > 0 THEN ${outstanding} ELSE 0 END) AS backOrdered,
                         sum(CASE WHEN po.status = 'new' THEN ${outstanding} ELSE 0 END) AS drafts
                  FROM purchase_order_lines pl LEFT JOIN purchase_orders po ON po.id = pl.po_id GROUP BY 1, 2),
            i AS (SELECT m.product_id, t.to_location_id AS location_id, sum(CASE WHEN m.to_location_id = ${VIRTUAL.transit} THEN m.qty ELSE -m.qty END) AS incoming
                  FROM transfers t JOIN stock_moves m ON m.source_type = 'transfer' AND m.source_id = t.id AND (m.to_location_id = ${VIRTUAL.transit} OR m.from_location_id = ${VIRTUAL.transit})
                  GROUP BY 1, 2),
            x AS (
         SELECT ip.product_id AS productId, ip.location_id AS locationId,
                ip.on_hand AS onHand, coalesce(s.qty, 0) AS onHandX, ip.value AS value, coalesce(s.value, 0) AS valueX,
                ip.below_min AS belowMin, coalesce(s.qty, 0) < ip.min AS belowMinX,
                ip.reserved AS reserved, coalesce(a.reserved, 0) AS reservedX, ip.picked AS picked, coalesce(a.picked, 0) AS pickedX,
                ip.on_order AS onOrder, coalesce(o.onOrder, 0) AS onOrderX, ip.back_ordered AS backOrdered, coalesce(o.backOrdered, 0) AS backOrderedX,
                ip.on_order_drafts AS onOrderDrafts, coalesce(o.drafts, 0) AS onOrderDraftsX,
                ip.offers AS offers, (SELECT offers_stock FROM locations WHERE id = ip.location_id) AS offersX,
                ip.incoming AS incoming, coalesce(i.incoming, 0) AS incomingX
         FROM inventory_products ip LEFT JOIN stock_levels s ON s.product_id = ip.product_id AND s.location_id = ip.location_id
              LEFT JOIN i ON i.product_id = ip.product_id AND i.location_id = ip.location_id
              LEFT JOIN a ON a.product_id = ip.product_id AND a.location_id = ip.location_id
              LEFT JOIN o ON o.product_id = ip.product_id AND o.location_id = ip.location_id)
       SELECT * FROM x WHERE onHand <> onHandX OR value <> valueX OR belowMin <> belowMinX OR reserved <> reservedX OR picked <> pickedX OR onOrder <> onOrderX OR backOrdered <> backOrderedX OR onOrderDrafts <> onOrderDraftsX OR offers <> offersX OR incoming <> incomingX
       LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all();
  const figures = ['onHand', 'value', 'belowMin', 'reserved', 'picked', 'onOrder', 'backOrdered', 'onOrderDrafts', 'offers', 'incoming'];
  const result: Found[] = inventoryProducts.map((r) => {
    const field = figures.find((f) => r[f] !== r[`${f}X`])!;
    return { lotId: null, productId: Number(r.productId), locationId: Number(r.locationId), month: null, expected: String(r[`${field}X`]), actual: String(r[field]) };
  });
  // One pass over the products with their stock levels (both in product order): no lookup per product.
  const products = ctx.sqlite
    .prepare<[], Figures>(
      `SELECT p.id AS productId, p.on_hand AS onHand, p.owned_qty AS ownedQty, p.owned_value AS ownedValue,
              coalesce(sum(CASE WHEN l.usage = 'internal' THEN s.qty END), 0) AS onHandX,
              coalesce(sum(CASE WHEN l.usage = 'internal' OR l.id = ${VIRTUAL.transit} THEN s.qty END), 0) AS ownedQtyX,
              coalesce(sum(CASE WHEN l.usage = 'internal' OR l.id = ${VIRTUAL.transit} THEN s.value END), 0) AS ownedValueX
       FROM products p LEFT JOIN stock_levels s ON s.product_id = p.id LEFT JOIN locations l ON l.id = s.location_id
       GROUP BY p.id HAVING onHand <> onHandX OR ownedQty <> ownedQtyX OR ownedValue <> ownedValueX LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all();
  for (const r of products) {
    const field = ['onHand', 'ownedQty', 'ownedValue'].find((f) => r[f] !== r[`${f}X`])!;
    result.push({ lotId: null, productId: Number(r.productId), locationId: null, month: null, expected: String(r[`${field}X`]), actual: String(r[field]) });
  }
  return result;
}

/** Units held at a (lot, location) beyond what is there: allocations never exceed on hand. */
function overAllocated(ctx: Ctx): Found[] {
  return ctx.sqlite
    .prepare<[], Found>(
      `SELECT a.lot_id AS lotId, NULL AS productId, a.location_id AS locationId, NULL AS month, CAST(coalesce(b.qty, 0) AS TEXT) AS expected, CAST(sum(a.qty) AS TEXT) AS actual
       FROM allocations a LEFT JOIN balances b ON b.lot_id = a.lot_id AND b.location_id = a.location_id
       GROUP BY a.lot_id, a.location_id HAVING sum(a.qty) > coalesce(b.qty, 0) OR min(a.qty) <= 0 LIMIT ${LIMIT}`,
    )
    .all();
}

/**
 * What each delivery line left: the net of its moves to and back from Customer (none for a product not
 * tracked in stock, whose line counts while its delivery stands; nor for a delivery a receipt made straight to
 * the client, which stands and falls with its receipt). Units and value, per line.
 */
const deliveredLines = `SELECT dl.charge_id,
       CASE WHEN d.receipt_id IS NOT NULL THEN (CASE WHEN (SELECT r.status FROM receipts r WHERE r.id = d.receipt_id) = 'posted' THEN dl.qty ELSE 0 END)
            WHEN dl.location_id IS NULL THEN (CASE WHEN d.status = 'delivered' THEN dl.qty ELSE 0 END)
            ELSE coalesce((SELECT sum(CASE WHEN m.to_location_id = ${VIRTUAL.customer} THEN m.qty ELSE -m.qty END) FROM stock_moves m
                           WHERE m.source_type = 'delivery' AND m.source_id = dl.delivery_id AND m.source_line = dl.line_no), 0) END AS netQty,
       CASE WHEN d.receipt_id IS NOT NULL THEN (CASE WHEN (SELECT r.status FROM receipts r WHERE r.id = d.receipt_id) = 'posted' THEN dl.cost ELSE 0 END)
            WHEN dl.location_id IS NULL THEN (CASE WHEN d.status = 'delivered' THEN dl.cost ELSE 0 END)
            ELSE coalesce((SELECT sum(CASE WHEN m.to_location_id = ${VIRTUAL.customer} THEN m.qty * m.unit_cost ELSE -m.qty * m.unit_cost END) FROM stock_moves m
                           WHERE m.source_type = 'delivery' AND m.source_id = dl.delivery_id AND m.source_line = dl.line_no), 0) END AS netCost
  FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id`;

/**
 * Each charge's picked units against its allocations, and its delivered units and cost against the net of
 * its delivery lines (a freight charge is delivered by its shipment, with no line).
 */
function chargeDifferences(ctx: Ctx): Found[] {
  const rows = ctx.sqlite
    .prepare<[], Figures>(
      `WITH a AS (SELECT source_id AS chargeId, sum(qty) AS picked FROM allocations WHERE source_type = 'charge' AND kind = 'picked' GROUP BY 1),
            l AS (SELECT charge_id AS chargeId, sum(netQty) AS delivered, sum(netCost) AS deliveredCost FROM (${deliveredLines}) WHERE charge_id IS NOT NULL GROUP BY 1),
            r AS (SELECT rl.charge_id AS chargeId, sum(m.qty) AS returned, sum(m.qty * m.unit_cost) AS returnedCost FROM client_return_lines rl
                    JOIN stock_moves m ON m.source_type = 'return' AND m.source_id = rl.return_id AND m.source_line = rl.line_no WHERE rl.charge_id IS NOT NULL GROUP BY 1),
            x AS (SELECT ch.id, ch.picked, coalesce(a.picked, 0) AS pickedX,
                         ch.delivered, CASE WHEN ch.kind <> 'product' THEN ch.delivered ELSE coalesce(l.delivered, 0) END AS deliveredX,
                         ch.delivered_cost AS deliveredCost, CASE WHEN ch.kind <> 'product' THEN ch.delivered_cost ELSE coalesce(l.deliveredCost, 0) END AS deliveredCostX,
                         ch.returned, coalesce(r.returned, 0) AS returnedX, ch.returned_cost AS returnedCost, coalesce(r.returnedCost, 0) AS returnedCostX,
                         -- Never more back than went out.
                         ch.returned > ch.delivered AS overReturned, 0 AS overReturnedX
                  FROM charges ch LEFT JOIN a ON a.chargeId = ch.id LEFT JOIN l ON l.chargeId = ch.id LEFT JOIN r ON r.chargeId = ch.id)
       SELECT * FROM x WHERE picked <> pickedX OR delivered <> deliveredX OR deliveredCost <> deliveredCostX OR returned <> returnedX OR returnedCost <> returnedCostX OR overReturned <> 0 LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all();
  return rows.map((r) => {
    const figure = ['picked', 'delivered', 'deliveredCost', 'returned', 'returnedCost', 'overReturned'].find((f) => r[f] !== r[`${f}X`])!;
    return { lotId: null, productId: null, locationId: null, month: null, documentId: Number(r.id), figure, expected: String(r[`${figure}X`]), actual: String(r[figure]) };
  });
}

/**
 * Each quote item's reserved units against its allocations; only an open opportunity holds units, and no
 * reservation outlives its item (documentId: the item, or the allocation's source for an orphan).
 */
function quoteDifferences(ctx: Ctx): Found[] {
  const rows = ctx.sqlite
    .prepare<[], { id: number; reserved: number; reservedX: number }>(
      `WITH a AS (SELECT source_id AS itemId, sum(qty) AS n FROM allocations WHERE source_type = 'quoteItem' GROUP BY 1)
       SELECT q.id, q.reserved, CASE WHEN o.status = 'open' THEN coalesce(a.n, 0) ELSE 0 END AS reservedX
         FROM quote_items q JOIN opportunities o ON o.id = q.opportunity_id LEFT JOIN a ON a.itemId = q.id
         WHERE q.reserved <> coalesce(a.n, 0) OR (o.status <> 'open' AND coalesce(a.n, 0) <> 0)
       UNION ALL SELECT a.itemId, 0, a.n FROM a WHERE NOT EXISTS (SELECT 1 FROM quote_items q WHERE q.id = a.itemId)
       LIMIT ${LIMIT}`,
    )
    .all();
  return rows.map((r) => ({ lotId: null, productId: null, locationId: null, month: null, documentId: r.id, figure: 'reserved', expected: String(r.reservedX), actual: String(r.reserved) }));
}

/**
 * Each client return line records exactly the units and cost of its moves from Customer; a line from a
 * delivery line never brings back more than that line delivered, across all returns.
 */
function returnLineDifferences(ctx: Ctx): Found[] {
  const rows = ctx.sqlite
    .prepare<[], Figures>(
      `SELECT * FROM (SELECT rl.return_id AS id, 'line ' || rl.line_no AS figure, rl.qty AS actual, coalesce(sum(m.qty), 0) AS expected, rl.cost AS actualCost, coalesce(sum(m.qty * m.unit_cost), 0) AS expectedCost
                     FROM client_return_lines rl LEFT JOIN stock_moves m ON m.source_type = 'return' AND m.source_id = rl.return_id AND m.source_line = rl.line_no
                     AND m.from_location_id = ${VIRTUAL.customer} GROUP BY rl.id)
       WHERE actual <> expected OR actualCost <> expectedCost
       UNION ALL
       SELECT * FROM (SELECT min(rl.return_id) AS id, 'delivery line ' || rl.delivery_line_id AS figure, sum(rl.qty) AS actual, dl.qty AS expected, 0 AS actualCost, 0 AS expectedCost
                      FROM client_return_lines rl JOIN delivery_lines dl ON dl.id = rl.delivery_line_id GROUP BY rl.delivery_line_id)
       WHERE actual > expected LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all();
  return rows.map((r) => {
    const cost = r.actual === r.expected;
    return { lotId: null, productId: null, locationId: null, month: null, documentId: Number(r.id), figure: `${String(r.figure)} ${cost ? 'cost' : 'qty'}`, expected: String(cost ? r.expectedCost : r.expected), actual: String(cost ? r.actualCost : r.actual) };
  });
}

/** A serialized unit is one unit: never more than one of it across our locations. */
function serialUnits(ctx: Ctx): Found[] {
  return ctx.sqlite
    .prepare<[], Found>(
      `SELECT b.lot_id AS lotId, l.product_id AS productId, NULL AS locationId, NULL AS month, '1' AS expected, CAST(sum(b.qty) AS TEXT) AS actual
       FROM balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id
       WHERE l.serial_number IS NOT NULL AND loc.usage = 'internal' AND b.qty > 0 GROUP BY b.lot_id HAVING sum(b.qty) > 1 LIMIT ${LIMIT}`,
    )
    .all();
}

/**
 * An RMA holds its unit (one reservation of one, of its unit's lot: the replacement once that came in) while
 * the unit is on our shelf for it and nothing else holds it; no other RMA allocation stands. documentId: the RMA.
 */
function rmaHoldDifferences(ctx: Ctx): Found[] {
  const holdingRma = `(r.status IN ('received', 'backFromVendor', 'replacementReceived') OR (r.from_swap = 1 AND r.status IN ('requested', 'authorized')))`;
  const unitLot = `CASE WHEN r.status = 'replacementReceived' THEN r.replacement_lot_id ELSE r.lot_id END`;
  const rows = ctx.sqlite
    .prepare<[], { id: number; expected: number; actual: number }>(
      `SELECT a.source_id AS id, 0 AS expected, a.qty AS actual FROM allocations a LEFT JOIN rmas r ON r.id = a.source_id
        WHERE a.source_type = 'rma' AND (r.id IS NULL OR NOT ${holdingRma} OR a.lot_id <> ${unitLot} OR a.qty <> 1 OR a.kind <> 'reserved')
       UNION ALL
       SELECT r.id, 1, 0 FROM rmas r WHERE ${holdingRma}
          AND EXISTS (SELECT 1 FROM balances b JOIN locations loc ON loc.id = b.location_id AND loc.usage = 'internal' WHERE b.lot_id = ${unitLot} AND b.qty > 0)
          -- A unit held by something else (picked or reserved before RMAs held their units) is that holder's.
          AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.lot_id = ${unitLot})
       LIMIT ${LIMIT}`,
    )
    .all();
  return rows.map((r) => ({ lotId: null, productId: null, locationId: null, month: null, documentId: r.id, figure: 'held', expected: String(r.expected), actual: String(r.actual) }));
}

/**
 * Each vendor return line against its moves: what it sent to Vendor (units and cost), the same lot's units
 * sent back, the new lots that replaced them; and the vendor never answers for more than was sent.
 */
function vendorReturnDifferences(ctx: Ctx): Found[] {
  const rows = ctx.sqlite
    .prepare<[], Figures>(
      `WITH m AS (SELECT m.source_id AS returnId, m.source_line AS lineNo,
                         sum(CASE WHEN m.to_location_id = ${VIRTUAL.vendor} THEN m.qty ELSE 0 END) AS sent,
                         sum(CASE WHEN m.to_location_id = ${VIRTUAL.vendor} THEN m.qty * m.unit_cost ELSE 0 END) AS sentCost,
                         -- The line's own lot coming back is units sent back; any other lot, a replacement.
                         sum(CASE WHEN m.from_location_id = ${VIRTUAL.vendor} AND m.lot_id = rl.lot_id THEN m.qty ELSE 0 END) AS back,
                         sum(CASE WHEN m.from_location_id = ${VIRTUAL.vendor} AND m.lot_id <> rl.lot_id THEN m.qty ELSE 0 END) AS replaced
                  FROM stock_moves m JOIN vendor_return_lines rl ON rl.return_id = m.source_id AND rl.line_no = m.source_line
                  WHERE m.source_type = 'vendorReturn' AND m.reverses_move_id IS NULL GROUP BY 1, 2)
       SELECT rl.return_id AS id, rl.line_no AS lineNo, rl.qty, coalesce(m.sent, 0) AS qtyX, rl.qty * rl.unit_cost AS cost, coalesce(m.sentCost, 0) AS costX,
              rl.qty_back AS back, coalesce(m.back, 0) AS backX, rl.qty_replaced AS replaced, coalesce(m.replaced, 0) AS replacedX,
              rl.qty_credited + rl.qty_replaced + rl.qty_back > rl.qty AS over, 0 AS overX
       FROM vendor_return_lines rl LEFT JOIN m ON m.returnId = rl.return_id AND m.lineNo = rl.line_no
       WHERE rl.qty <> coalesce(m.sent, 0) OR rl.qty * rl.unit_cost <> coalesce(m.sentCost, 0) OR rl.qty_back <> coalesce(m.back, 0) OR rl.qty_replaced <> coalesce(m.replaced, 0)
          OR rl.qty_credited + rl.qty_replaced + rl.qty_back > rl.qty
       LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all();
  return rows.map((r) => {
    const figure = ['qty', 'cost', 'back', 'replaced', 'over'].find((f) => r[f] !== r[`${f}X`])!;
    return { lotId: null, productId: null, locationId: null, month: null, documentId: Number(r.id), figure: `line ${String(r.lineNo)} ${figure}`, expected: String(r[`${figure}X`]), actual: String(r[figure]) };
  });
}

/** Each delivery line of a tracked product records exactly the units and cost of the moves that took them to Customer. */
function deliveryLineDifferences(ctx: Ctx): Found[] {
  const rows = ctx.sqlite
    .prepare<[], Figures>(
      `SELECT * FROM (SELECT dl.delivery_id AS id, dl.line_no AS lineNo, dl.qty AS left, coalesce(sum(m.qty), 0) AS leftX, dl.cost AS leftCost, coalesce(sum(m.qty * m.unit_cost), 0) AS leftCostX
                     FROM delivery_lines dl LEFT JOIN stock_moves m ON m.source_type = 'delivery' AND m.source_id = dl.delivery_id AND m.source_line = dl.line_no AND m.reverses_move_id IS NULL
                     WHERE dl.location_id IS NOT NULL AND dl.delivery_id NOT IN (SELECT id FROM deliveries WHERE receipt_id IS NOT NULL) GROUP BY dl.id)
       WHERE left <> leftX OR leftCost <> leftCostX
       UNION ALL
       -- A delivery made by a receipt straight to the client stands only with its receipt, and never delivers
       -- more units of a product than the receipt took to Customer.
       SELECT * FROM (SELECT dl.delivery_id AS id, dl.line_no AS lineNo, dl.qty AS left,
                             CASE WHEN r.status = 'posted' THEN min(dl.qty, coalesce((SELECT sum(m.qty) FROM stock_moves m WHERE m.source_type = 'receipt' AND m.source_id = r.id
                               AND m.reverses_move_id IS NULL AND m.to_location_id = ${VIRTUAL.customer} AND m.product_id = dl.product_id), 0)) ELSE 0 END AS leftX,
                             dl.cost AS leftCost, dl.cost AS leftCostX
                      FROM deliveries d JOIN receipts r ON r.id = d.receipt_id JOIN delivery_lines dl ON dl.delivery_id = d.id WHERE d.status = 'delivered')
       WHERE left <> leftX LIMIT ${LIMIT}`,
    )
    .safeIntegers(true)
    .all();
  return rows.map((r) => {
    const figure = r.left !== r.leftX ? 'left' : 'leftCost';
    return { lotId: null, productId: null, locationId: null, month: null, documentId: Number(r.id), figure: `line ${String(r.lineNo)} ${figure === 'left' ? 'qty' : 'cost'}`, expected: String(r[`${figure}X`]), actual: String(r[figure]) };
  });
}
