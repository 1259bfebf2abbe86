// Reorder suggestions: every inventory product below its minimum, with the quantity that brings it up
// to its maximum once what is already on order (drafts included) and in transit arrives, grouped by the
// product's default vendor. A location that names the location refilling it (a van, from the main
// warehouse) is offered a transfer from there first, a purchase only for the rest. Creating them makes
// one New purchase order per vendor and one shipped transfer per pair of locations, in one transaction.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Suggestion } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { prepared, type Actor, type Ctx } from '../context';
import { countUpTo, Filters, pageOf, paging, sortOf, type SortColumns } from '../paging';
import { getSettings } from '../settings/settings';
import { requireProduct } from '../catalog/products';
import { requireOfferingLocation } from '../locations/locations';
import { transferStock } from '../stock/transfers';
import { Claims, takeOldestFirst } from '../stock/units';
import { orderSummaries } from './orderReads';
import { insertOrder } from './orders';

// What is already coming counts against the maximum: on order (submitted lines) and in drafts (New
// orders), both kept on the inventory product by triggers (migration 0004), like on hand.
const columns = `ip.id AS inventoryProductId, ip.product_id AS productId, p.sku, p.name AS productName, ip.location_id AS locationId, l.name AS locationName,
    ip.on_hand AS onHand, ip.min, ip.max, ip.on_order + ip.on_order_drafts AS onOrder, ip.incoming,
    l.refill_from_id AS refillFromId, (SELECT r.name FROM locations r WHERE r.id = l.refill_from_id) AS refillFromName,
    pv.vendor_id AS vendorId, v.name AS vendorName, pv.vendor_part_number AS vendorPartNumber, pv.vendor_cost AS vendorCost`;
const need = `ip.max - ip.on_hand - ip.on_order - ip.on_order_drafts - ip.incoming`;
const suggested = `ip.below_min = 1 AND ${need} > 0`;

type Row = Omit<Suggestion, 'suggestedQty' | 'transferQty' | 'buyQty'> & { vendorCost: number | null };

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
  const transfers = refillShares(ctx, rows);
  return pageOf(
    rows.map((r) => {
      const suggestedQty = r.max - r.onHand - r.onOrder - r.incoming;
      const transferQty = transfers.get(r.inventoryProductId) ?? 0;
      return { ...r, suggestedQty, transferQty, buyQty: suggestedQty - transferQty };
    }),
    n,
  );
}

/**
 * What the source can give: the units it holds above its own minimum, of those it offers (available,
 * so neither held for a charge nor at a location that does not offer them). Nothing from an inactive
 * location or one that does not offer its stock.
 */
function surplusAt(ctx: Ctx, productId: number, locationId: number): number {
  const row = prepared<[number, number], { surplus: number }>(
    ctx,
    `SELECT max(0, min(ip.available, ip.on_hand - ip.min)) AS surplus FROM inventory_products ip JOIN locations l ON l.id = ip.location_id
     WHERE ip.product_id = ? AND ip.location_id = ? AND l.active = 1 AND l.offers_stock = 1`,
  ).get(productId, locationId);
  return row?.surplus ?? 0;
}

/**
 * Each location's share of its source's surplus of a product: every location the source refills that
 * needs the product (the page shows only some of them, but all share), in proportion to what each needs,
 * the units left by rounding down going one each in location name order. Nobody gets more than it needs.
 */
export function shareSurplus(surplus: number, needs: readonly { id: number; need: number }[]): Map<number, number> {
  const total = needs.reduce((sum, n) => sum + n.need, 0);
  const shares = new Map(needs.map((n) => [n.id, total <= surplus ? n.need : Math.floor((surplus * n.need) / total)]));
  let left = Math.min(surplus, total) - [...shares.values()].reduce((a, b) => a + b, 0);
  for (const n of needs) {
    if (left === 0) break;
    if (shares.get(n.id)! < n.need) {
      shares.set(n.id, shares.get(n.id)! + 1);
      left--;
    }
  }
  return shares;
}

/** The transfer proposed for each row of the page whose location names the location that refills it. */
function refillShares(ctx: Ctx, rows: readonly Row[]): Map<number, number> {
  const claimants = prepared<[number, number], { id: number; need: number }>(
    ctx,
    `SELECT ip.id, ${need} AS need FROM inventory_products ip INDEXED BY inventory_products_below_min_product_idx JOIN locations l ON l.id = ip.location_id
     WHERE ip.product_id = ? AND l.refill_from_id = ? AND l.active = 1 AND ${suggested} ORDER BY l.name, ip.id`,
  );
  const result = new Map<number, number>();
  const done = new Set<string>();
  for (const r of rows) {
    if (r.refillFromId === null) continue;
    const group = `${r.productId}:${r.refillFromId}`;
    if (done.has(group)) continue;
    done.add(group);
    const surplus = surplusAt(ctx, r.productId, r.refillFromId);
    if (surplus === 0) continue;
    for (const [id, share] of shareSurplus(surplus, claimants.all(r.productId, r.refillFromId))) result.set(id, share);
  }
  return result;
}

/**
 * One New order per default vendor, each line at the vendor's cost into the inventory product's location;
 * one shipped transfer per (source, destination) pair from the location that refills each destination.
 */
export function createFromSuggestions(ctx: Ctx, actor: Actor, input: ParsedInput<'purchasing.createFromSuggestions'>): ChannelOutput<'purchasing.createFromSuggestions'> {
  const lookup = ctx.sqlite.prepare<[number], { productId: number; locationId: number; sku: string; vendorId: number | null; refillFromId: number | null; locationName: string }>(
    `SELECT ip.product_id AS productId, ip.location_id AS locationId, p.sku, pv.vendor_id AS vendorId, l.refill_from_id AS refillFromId, l.name AS locationName
     FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id
          LEFT JOIN product_vendors pv ON pv.product_id = ip.product_id AND pv.is_default = 1
     WHERE ip.id = ?`,
  );
  const find = (inventoryProductId: number) => {
    const row = lookup.get(inventoryProductId);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'inventoryProduct', id: inventoryProductId });
    return row;
  };
  // Grouped by route first, so that each source's limit is checked on everything asked of it at once.
  const asked = (input.transfers ?? []).map((line) => {
    const row = find(line.inventoryProductId);
    if (row.refillFromId === null) throw new DomainError('CONFLICT', { reason: 'noRefillSource', name: row.locationName });
    return { ...row, from: row.refillFromId, qty: line.qty };
  });
  const perSource = new Map<string, { from: number; productId: number; sku: string; qty: number }>();
  for (const a of asked) {
    const key = `${a.from}:${a.productId}`;
    perSource.set(key, { from: a.from, productId: a.productId, sku: a.sku, qty: (perSource.get(key)?.qty ?? 0) + a.qty });
  }
  // A refill takes only what the source holds above its own minimum, as the suggestions say: a source that
  // went inactive or stopped offering its stock, or a suggestion grown stale, is refused, naming it.
  for (const { from, productId, sku, qty } of perSource.values()) {
    const source = requireOfferingLocation(ctx, from);
    const surplus = surplusAt(ctx, productId, from);
    if (qty > surplus) throw new DomainError('CONFLICT', { reason: 'refillOverSurplus', name: source.name, sku, surplus, requested: qty });
  }
  // One claim list per source: two vans refilled from one warehouse never get the same serials.
  const claims = new Map<number, Claims>();
  const byRoute = new Map<string, { from: number; to: number; lines: { productId: number; qty?: number; serials?: string[] }[] }>();
  for (const a of asked) {
    const route = `${a.from}:${a.locationId}`;
    const entry = byRoute.get(route) ?? { from: a.from, to: a.locationId, lines: [] };
    if (!claims.has(a.from)) claims.set(a.from, new Claims());
    // A serialized product travels as named units: the oldest free ones, as a quantity line would take.
    const serials = requireProduct(ctx, a.productId).serialized ? takeOldestFirst(ctx, claims.get(a.from)!, a.productId, a.from, a.qty).map((u) => u.serialNumber!) : undefined;
    entry.lines.push(serials ? { productId: a.productId, serials } : { productId: a.productId, qty: a.qty });
    byRoute.set(route, entry);
  }
  const byVendor = new Map<number, { productId: number; locationId: number; qty: number }[]>();
  for (const line of input.lines) {
    const row = find(line.inventoryProductId);
    if (row.vendorId === null) throw new DomainError('VENDOR_NOT_LINKED', { productId: row.productId, sku: row.sku });
    byVendor.set(row.vendorId, [...(byVendor.get(row.vendorId) ?? []), { productId: row.productId, locationId: row.locationId, qty: line.qty }]);
  }
  // Shipped, not moved at once: the units travel (a van is refilled when it calls at the warehouse) and
  // count as coming to the destination until received there.
  const transfers = [...byRoute.values()].map((r) => transferStock(ctx, actor, { fromLocationId: r.from, toLocationId: r.to, mode: 'ship', note: input.transferNote, lines: r.lines }));
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
  return { orders: orderSummaries(ctx, ids), transfers };
}
