// Reorder suggestions: every inventory product below its minimum, with the quantity that brings it up
// to its maximum once what is already on order (drafts included) arrives, grouped by the product's
// default vendor. Creating orders from them makes one New purchase order per vendor in one transaction.
import type { ParsedInput } from '@shared/contract';
import type { PoSummary, Suggestion } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { type Actor, type Ctx } from '../context';
import { countUpTo, Filters, pageOf, paging, sortOf, type SortColumns } from '../paging';
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

/** By vendor name (then SKU and location): the one order the page walk below knows. */
const sortColumns: SortColumns<'purchasing.reorderSuggestions'> = { vendorName: 'v.name' };

/**
 * Suggestions by vendor name, then SKU and location; products without a default vendor last (they cannot
 * be ordered until one is added). A page walks the vendors in name order and sorts only their products,
 * so it stops at the first vendors however many products are below their minimum.
 */
export function reorderSuggestions(ctx: Ctx, input: ParsedInput<'purchasing.reorderSuggestions'>) {
  const filters = new Filters().add(suggested).add('l.active = 1').add('p.active = 1');
  if (input.locationId) filters.add('ip.location_id = ?', input.locationId);
  if (input.vendorId) filters.add('pv.vendor_id = ?', input.vendorId);
  const whereSql = filters.all();
  const params = filters.params;
  const direction = sortOf(input, sortColumns, { by: 'vendorName' }).direction;
  const page = paging(input);
  const withVendor = ctx.sqlite
    .prepare<unknown[], Row>(
      `SELECT ${columns} FROM companies v INDEXED BY companies_name_unique CROSS JOIN product_vendors pv INDEXED BY product_vendors_vendor_idx ON pv.vendor_id = v.id AND pv.is_default = 1
         JOIN products p ON p.id = pv.product_id JOIN inventory_products ip INDEXED BY inventory_products_below_min_product_idx ON ip.product_id = p.id JOIN locations l ON l.id = ip.location_id
       WHERE ${whereSql} ORDER BY v.name ${direction}, p.sku, l.name LIMIT ${page.window}`,
    )
    .all(...params);
  const withoutVendor =
    withVendor.length < page.window && !input.vendorId
      ? ctx.sqlite
          .prepare<unknown[], Row>(
            `SELECT ${columns} FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id
               LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1 LEFT JOIN companies v ON v.id = pv.vendor_id
             WHERE ${whereSql} AND pv.id IS NULL ORDER BY p.sku, l.name LIMIT ${page.window - withVendor.length}`,
          )
          .all(...params)
      : [];
  const rows = [...withVendor, ...withoutVendor].slice(page.offset);
  // One vendor's suggestions are counted from its products, not from every row below its minimum.
  const countFrom = input.vendorId
    ? `FROM product_vendors pv INDEXED BY product_vendors_vendor_idx CROSS JOIN inventory_products ip INDEXED BY inventory_products_below_min_product_idx ON ip.product_id = pv.product_id AND pv.is_default = 1`
    : `FROM inventory_products ip LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1`;
  const n = countUpTo(ctx, `${countFrom} JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id WHERE ${whereSql}`, params);
  return pageOf(
    rows.map((r) => ({ ...r, suggestedQty: r.max - r.onHand - r.onOrder })),
    n,
  );
}

/** One New order per default vendor, each line at the vendor's cost into the inventory product's location. */
export function createFromSuggestions(ctx: Ctx, actor: Actor, input: ParsedInput<'purchasing.createFromSuggestions'>): PoSummary[] {
  const lookup = ctx.sqlite.prepare<[number], { productId: number; locationId: number; sku: string; vendorId: number | null }>(
    `SELECT ip.product_id AS productId, ip.location_id AS locationId, p.sku, pv.vendor_id AS vendorId
     FROM inventory_products ip JOIN products p ON p.id = ip.product_id LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1
     WHERE ip.id = ?`,
  );
  const byVendor = new Map<number, { productId: number; locationId: number; qty: number }[]>();
  for (const line of input.lines) {
    const row = lookup.get(line.inventoryProductId);
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
}
