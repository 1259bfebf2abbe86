// Reorder suggestions: every inventory product below its minimum, with the quantity that brings it up
// to its maximum once what is already on order (drafts included) arrives, grouped by the product's
// default vendor. Creating orders from them makes one New purchase order per vendor in one transaction.
import type { PoSummary, Suggestion } from '../../../shared/contract/purchasing';
import { DomainError } from '../../../shared/errors';
import { COUNT_CAP, inTransaction, offsetOf, type Actor, type Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { orderSummaries } from './orderReads';
import { insertOrder } from './orders';

// What is already coming counts against the maximum: on order (submitted lines) and in drafts (New
// orders), both kept on the inventory product by triggers (migration 0004), like on hand.
const columns = `ip.id AS inventoryProductId, ip.product_id AS productId, p.sku, p.name AS productName, ip.location_id AS locationId, l.name AS locationName,
    ip.on_hand AS onHand, ip.min, ip.max, ip.on_order + ip.on_order_drafts AS onOrder,
    pv.vendor_id AS vendorId, v.name AS vendorName, pv.vendor_part_number AS vendorPartNumber, pv.vendor_cost AS vendorCost`;
const suggested = `ip.below_min = 1 AND ip.max - ip.on_hand - ip.on_order - ip.on_order_drafts > 0`;

type Row = Omit<Suggestion, 'suggestedQty'> & { vendorCost: number | null };

/**
 * Suggestions by vendor name, then SKU and location; products without a default vendor last (they cannot
 * be ordered until one is added). A page walks the vendors in name order and sorts only their products,
 * so it stops at the first vendors however many products are below their minimum.
 */
export function reorderSuggestions(ctx: Ctx, input: { page: number; pageSize: number; sortDirection: 'asc' | 'desc'; locationId?: number; vendorId?: number }) {
  const where: string[] = [suggested, 'l.active = 1', 'p.active = 1'];
  const params: unknown[] = [];
  if (input.locationId) {
    where.push('ip.location_id = ?');
    params.push(input.locationId);
  }
  if (input.vendorId) {
    where.push('pv.vendor_id = ?');
    params.push(input.vendorId);
  }
  const whereSql = where.join(' AND ');
  const direction = input.sortDirection === 'desc' ? 'DESC' : 'ASC';
  const window = input.page * input.pageSize;
  const withVendor = ctx.sqlite
    .prepare(
      `SELECT ${columns} FROM companies v INDEXED BY companies_name_unique CROSS JOIN product_vendors pv INDEXED BY product_vendors_vendor_idx ON pv.vendor_id = v.id AND pv.is_default = 1
         JOIN products p ON p.id = pv.product_id JOIN inventory_products ip INDEXED BY inventory_products_below_min_product_idx ON ip.product_id = p.id JOIN locations l ON l.id = ip.location_id
       WHERE ${whereSql} ORDER BY v.name ${direction}, p.sku, l.name LIMIT ${window}`,
    )
    .all(...params) as Row[];
  const withoutVendor =
    withVendor.length < window && !input.vendorId
      ? (ctx.sqlite
          .prepare(
            `SELECT ${columns} FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id
               LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1 LEFT JOIN companies v ON v.id = pv.vendor_id
             WHERE ${whereSql} AND pv.id IS NULL ORDER BY p.sku, l.name LIMIT ${window - withVendor.length}`,
          )
          .all(...params) as Row[])
      : [];
  const rows = [...withVendor, ...withoutVendor].slice(offsetOf(input));
  // One vendor's suggestions are counted from its products, not from every row below its minimum.
  const countFrom = input.vendorId
    ? `FROM product_vendors pv INDEXED BY product_vendors_vendor_idx CROSS JOIN inventory_products ip INDEXED BY inventory_products_below_min_product_idx ON ip.product_id = pv.product_id AND pv.is_default = 1`
    : `FROM inventory_products ip LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1`;
  const count = ctx.sqlite
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 ${countFrom} JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id WHERE ${whereSql} LIMIT ${COUNT_CAP + 1})`)
    .get(...params) as { n: number };
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
