// Reorder suggestions: every inventory product below its minimum, with the quantity that brings it up
// to its maximum once what is already on order (drafts included) arrives, grouped by the product's
// default vendor. Creating orders from them makes one New purchase order per vendor in one transaction.
import type { PoSummary, Suggestion } from '../../../shared/contract/purchasing';
import { DomainError } from '../../../shared/errors';
import { COUNT_CAP, inTransaction, offsetOf, type Actor, type Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { insertOrder, orderSummaries } from './orders';

/** Units still to come on orders that are not received or cancelled (New ones included). */
export const onOrderIncludingDrafts = `coalesce((SELECT sum(pl.qty_ordered - pl.qty_canceled - pl.qty_received) FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.po_id
  WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND po.status IN ('new', 'submitted', 'receivedPartial')), 0)`;
const onHand = `coalesce((SELECT s.qty FROM stock_levels s WHERE s.product_id = ip.product_id AND s.location_id = ip.location_id), 0)`;

const suggestionSql = `SELECT ip.id AS inventoryProductId, ip.product_id AS productId, p.sku, p.name AS productName, ip.location_id AS locationId, l.name AS locationName,
    ${onHand} AS onHand, ip.min, ip.max, ${onOrderIncludingDrafts} AS onOrder,
    pv.vendor_id AS vendorId, v.name AS vendorName, pv.vendor_part_number AS vendorPartNumber, pv.vendor_cost AS vendorCost
  FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id
  LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1 LEFT JOIN companies v ON v.id = pv.vendor_id
  WHERE ip.below_min = 1 AND l.active = 1 AND p.active = 1`;

type Row = Omit<Suggestion, 'suggestedQty'> & { vendorCost: number | null };

export function reorderSuggestions(ctx: Ctx, input: { page: number; pageSize: number; sortDirection: 'asc' | 'desc'; locationId?: number; vendorId?: number }) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.locationId) {
    where.push('ip.location_id = ?');
    params.push(input.locationId);
  }
  if (input.vendorId) {
    where.push('pv.vendor_id = ?');
    params.push(input.vendorId);
  }
  const filtered = `SELECT * FROM (${suggestionSql}${where.length ? ` AND ${where.join(' AND ')}` : ''}) WHERE max - onHand - onOrder > 0`;
  const direction = input.sortDirection === 'desc' ? 'DESC' : 'ASC';
  // Products without a default vendor come last: they cannot be ordered until one is added.
  const rows = ctx.sqlite
    .prepare(`${filtered} ORDER BY vendorName IS NULL, vendorName ${direction}, sku, locationName LIMIT ? OFFSET ?`)
    .all(...params, input.pageSize, offsetOf(input)) as Row[];
  const count = ctx.sqlite.prepare(`SELECT count(*) AS n FROM (${filtered} LIMIT ${COUNT_CAP + 1})`).get(...params) as { n: number };
  return {
    rows: rows.map((r) => ({ ...r, suggestedQty: r.max - r.onHand - r.onOrder })),
    total: Math.min(count.n, COUNT_CAP),
    totalCapped: count.n > COUNT_CAP,
  };
}

/** One New order per default vendor, each line at the vendor's cost into the inventory product's location. */
export function createFromSuggestions(ctx: Ctx, actor: Actor, input: { lines: { inventoryProductId: number; qty: number }[] }): PoSummary[] {
  return inTransaction(ctx, () => {
    const lookup = ctx.sqlite.prepare(
      `SELECT ip.product_id AS productId, ip.location_id AS locationId, p.sku, pv.vendor_id AS vendorId
       FROM inventory_products ip JOIN products p ON p.id = ip.product_id LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1
       WHERE ip.id = ?`,
    );
    const byVendor = new Map<number, { productId: number; locationId: number; qty: number }[]>();
    for (const line of input.lines) {
      const row = lookup.get(line.inventoryProductId) as { productId: number; locationId: number; sku: string; vendorId: number | null } | undefined;
      if (!row) throw new DomainError('NOT_FOUND', { entity: 'inventoryProduct', id: line.inventoryProductId });
      if (row.vendorId === null) throw new DomainError('VENDOR_NOT_LINKED', { productId: row.productId, sku: row.sku });
      byVendor.set(row.vendorId, [...(byVendor.get(row.vendorId) ?? []), { productId: row.productId, locationId: row.locationId, qty: line.qty }]);
    }
    const shipTo = getSettings(ctx);
    const ids = [...byVendor].map(([vendorId, lines]) =>
      insertOrder(
        ctx,
        actor,
        {
          vendorId,
          purchaseForCompanyId: null,
          shipToName: shipTo.companyName || null,
          shipToAddress: shipTo.defaultShipToAddress || shipTo.companyAddress || null,
          shippingType: null,
          expectedShipDate: null,
          freight: 0,
          paymentTerms: null,
          memo: null,
        },
        lines.map((l) => ({ ...l, estimatedArrival: null })),
      ),
    );
    return orderSummaries(ctx, ids);
  });
}
