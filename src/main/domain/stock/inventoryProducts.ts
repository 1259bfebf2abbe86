// Inventory products: a product stocked at a location. Invariants: one per (product, location);
// 0 ≤ min ≤ max; the quantities (on hand, value, reserved, picked, on order, back ordered) are caches kept in
// the same transaction as what they count (by triggers, and reserved and picked by the writers of allocations
// through addHeld) and checked by verifyLedger; every creation and edit is recorded in inventory_events with
// before and after values.
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import type { InventoryProduct } from '@shared/contract/stock';
import { COUNT_CAP, likePattern, prepared, type Actor, type Ctx } from '../context';
import { countUpTo, Filters, pageOf, paging, sortOf, type SortColumns, type SortKey } from '../paging';
import { productLikeTest, productTextMatch, productWalkTextTest, requireProduct } from '../catalog/products';
import { requireStockLocation } from '../locations/locations';
import { requireTracked } from './ledger';

type Change = { field: string; before: string | null; after: string | null };

export function recordEvent(
  ctx: Ctx,
  event: { type: 'inventoryProduct.created' | 'inventoryProduct.updated' | 'serial.edited'; productId: number; locationId?: number | null; lotId?: number | null; serialNumber?: string | null; userId: number | null; changes: Change[] },
): void {
  prepared(ctx, `INSERT INTO inventory_events (occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(ctx.now(), event.type, event.productId, event.locationId ?? null, event.lotId ?? null, event.serialNumber ?? null, event.userId, JSON.stringify(event.changes));
}

const fields = ['bin', 'referenceNumber', 'min', 'max'] as const;
interface IpFields {
  bin: string | null;
  referenceNumber: string | null;
  min: number;
  max: number;
}

function checkMinMax(input: IpFields): void {
  if (input.min > input.max) throw new DomainError('MIN_GREATER_THAN_MAX', { min: input.min, max: input.max });
}

function show(v: string | number | null): string | null {
  return v === null ? null : String(v);
}

/** Units held at a location, as the writers of allocations count them for addHeld. */
export interface HeldUnits {
  productId: number;
  locationId: number;
  qty: number;
}

/**
 * Keeps the inventory products' reserved or picked (list caches) with the allocations an action wrote or
 * removed (`sign` -1): one update per product and location, where a trigger per allocation cost a 10,000-serial
 * shipment about a fifth of its time. Every writer of allocations calls it in the same transaction.
 */
export function addHeld(ctx: Ctx, kind: 'reserved' | 'picked', units: Iterable<HeldUnits>, sign: 1 | -1 = 1): void {
  const sums = new Map<string, HeldUnits>();
  for (const u of units) {
    const key = `${u.productId}:${u.locationId}`;
    const sum = sums.get(key);
    if (sum) sum.qty += u.qty;
    else sums.set(key, { productId: u.productId, locationId: u.locationId, qty: u.qty });
  }
  const update = prepared<[number, number, number]>(ctx, `UPDATE inventory_products SET ${kind} = ${kind} + ? WHERE product_id = ? AND location_id = ?`);
  for (const s of sums.values()) if (s.qty !== 0) update.run(sign * s.qty, s.productId, s.locationId);
}

/** Stocking a product somewhere for the first time creates its inventory product (min 0, max 0). */
export function ensureInventoryProduct(ctx: Ctx, productId: number, locationId: number, userId: number | null): void {
  const exists = prepared<[number, number], { one: 1 }>(ctx, `SELECT 1 AS one FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(productId, locationId);
  if (exists) return;
  prepared(ctx, `INSERT INTO inventory_products (product_id, location_id, min, max, created_at) VALUES (?, ?, 0, 0, ?)`).run(productId, locationId, ctx.now());
  recordEvent(ctx, { type: 'inventoryProduct.created', productId, locationId, userId, changes: [{ field: 'min', before: null, after: '0' }, { field: 'max', before: null, after: '0' }] });
}

export function createInventoryProduct(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.createInventoryProduct'>): InventoryProduct {
  checkMinMax(input);
  requireProduct(ctx, input.productId);
  requireTracked(ctx, input.productId);
  requireStockLocation(ctx, input.locationId);
  const exists = ctx.sqlite.prepare<[number, number], { id: number }>(`SELECT id FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(input.productId, input.locationId);
  if (exists) throw new DomainError('CONFLICT', { field: 'locationId', reason: 'alreadyStocked' });
  const id = Number(
    ctx.sqlite
      .prepare(`INSERT INTO inventory_products (product_id, location_id, bin, reference_number, min, max, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(input.productId, input.locationId, input.bin, input.referenceNumber, input.min, input.max, ctx.now()).lastInsertRowid,
  );
  recordEvent(ctx, {
    type: 'inventoryProduct.created',
    productId: input.productId,
    locationId: input.locationId,
    userId: actor.userId,
    changes: fields.filter((f) => input[f] !== null).map((f) => ({ field: f, before: null, after: show(input[f]) })),
  });
  return getInventoryProduct(ctx, id);
}

export function updateInventoryProduct(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.updateInventoryProduct'>): InventoryProduct {
  checkMinMax(input);
  const current = ctx.sqlite
    .prepare<[number], IpFields & { productId: number; locationId: number }>(
      `SELECT product_id AS productId, location_id AS locationId, bin, reference_number AS referenceNumber, min, max FROM inventory_products WHERE id = ?`,
    )
    .get(input.id);
  if (!current) throw new DomainError('NOT_FOUND', { entity: 'inventoryProduct', id: input.id });
  const changes = fields.filter((f) => current[f] !== input[f]).map((f) => ({ field: f, before: show(current[f]), after: show(input[f]) }));
  if (changes.length === 0) return getInventoryProduct(ctx, input.id);
  ctx.sqlite.prepare(`UPDATE inventory_products SET bin = ?, reference_number = ?, min = ?, max = ? WHERE id = ?`).run(input.bin, input.referenceNumber, input.min, input.max, input.id);
  recordEvent(ctx, { type: 'inventoryProduct.updated', productId: current.productId, locationId: current.locationId, userId: actor.userId, changes });
  return getInventoryProduct(ctx, input.id);
}

// The quantities are stored on the inventory product, kept by triggers beside what they count (see the
// schema): a page reads them as columns and every sortable one has an index, alone and after the location.
const columns = `ip.id AS id, ip.product_id AS productId, p.sku AS sku, p.name AS productName, p.serialized AS serialized,
  ip.location_id AS locationId, l.name AS locationName, ip.bin AS bin, ip.reference_number AS referenceNumber, ip.min AS min, ip.max AS max,
  ip.on_hand AS onHand, ip.reserved AS reserved, ip.picked AS picked, ip.available AS available, ip.offers AS offers, CAST(ip.value AS TEXT) AS value, ip.on_order AS onOrder, ip.back_ordered AS backOrdered`;

type Sort = SortKey<'stock.listInventoryProducts'>;
const sortColumns: SortColumns<'stock.listInventoryProducts'> = {
  sku: 'p.sku',
  productName: 'p.name',
  locationName: 'l.name',
  bin: 'ip.bin',
  min: 'ip.min',
  max: 'ip.max',
  onHand: 'ip.on_hand',
  available: 'ip.available',
  onOrder: 'ip.on_order',
  backOrdered: 'ip.back_ordered',
  value: 'ip.value',
};
/** Sorts by a column of the inventory product itself: each has an index after the below-minimum flag. */
const ipSorts: ReadonlySet<Sort> = new Set<Sort>(['bin', 'min', 'max', 'onHand', 'available', 'onOrder', 'backOrdered', 'value']);

interface Row {
  id: number;
  productId: number;
  sku: string;
  productName: string;
  serialized: number;
  locationId: number;
  locationName: string;
  bin: string | null;
  referenceNumber: string | null;
  min: number;
  max: number;
  onHand: number;
  reserved: number;
  picked: number;
  /** Nothing where the location does not offer its units (a returns shelf). */
  available: number;
  offers: number;
  value: string;
  onOrder: number;
  backOrdered: number;
}

function toInventoryProduct(row: Row): InventoryProduct {
  const { offers, ...rest } = row;
  return { ...rest, serialized: row.serialized === 1, offered: offers === 1 };
}

const fromIpFirst = `FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id`;
// CROSS JOIN fixes the join order: walk the sort column's index on the outer table and probe the other
// through the index named (without statistics SQLite may probe through an index of another filter).
const fromProductsFirst = (productIndex: string) =>
  `FROM products p ${productIndex} CROSS JOIN inventory_products ip INDEXED BY inventory_products_unique ON ip.product_id = p.id JOIN locations l ON l.id = ip.location_id`;
const fromLocationsFirst = `FROM locations l CROSS JOIN inventory_products ip INDEXED BY inventory_products_location_idx ON ip.location_id = l.id JOIN products p ON p.id = ip.product_id`;

export function getInventoryProduct(ctx: Ctx, id: number): InventoryProduct {
  const row = ctx.sqlite.prepare<[number], Row>(`SELECT ${columns} ${fromIpFirst} WHERE ip.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'inventoryProduct', id });
  return toInventoryProduct(row);
}

/**
 * Up to this many matches a page is sorted from them: sorting costs less than a long walk. A search
 * text finds its matches through the trigram index at once, so it sorts more of them.
 */
const SORT_MATCHES_UP_TO = COUNT_CAP;
const SORT_TEXT_MATCHES_UP_TO = 30_000;

/**
 * A page, read one of two ways so that every sort and filter stays fast at any size. Up to
 * SORT_MATCHES_UP_TO matches, the filter's own index finds them all and they are sorted (a unary + keeps
 * SQLite off the sort index). Beyond it, the sort column's index is walked until a page of matches is found: quantities
 * through their (location, below-minimum flag, column) indexes, one walk per flag value merged, since
 * the flag goes with low quantities; product columns through the products' indexes, skipping products the
 * search text cannot match; the location name location by location.
 */
export function listInventoryProducts(ctx: Ctx, input: ParsedInput<'stock.listInventoryProducts'>) {
  const filters = new Filters().add('l.active = 1');
  const productFilters = new Filters();
  const rowText = input.q !== undefined && input.q !== '' && matchesManyProducts(ctx, input.q);
  if (input.q && rowText) {
    // Text too short for the trigram index that most products contain: tested row by row, so a walk stops
    // at the first page instead of collecting every match first.
    const contains = likePattern(input.q);
    filters.add(`(${productLikeTest('p')} OR ip.bin LIKE ? ESCAPE '\\')`, contains, contains, contains, input.q, likePattern(input.q, 'prefix'));
    // Tested on the index entries a products-first walk reads (the row test above follows for the matches).
    const text = productWalkTextTest('p', input.q);
    productFilters.add(`(${text.sql} OR p.id IN (SELECT product_id FROM inventory_products WHERE lower(bin) >= lower(?) AND lower(bin) < lower(?) || char(1114111)))`, ...text.params, input.q, input.q);
  } else if (input.q) {
    // The product's text, or a bin starting with the text in any letter case (as LIKE 'text%' would match,
    // but through the lower-case bin index): one set of ids, so the matches are found from it, never by
    // testing every row of a location.
    const match = productTextMatch('product_id', input.q);
    const bins = `SELECT id FROM inventory_products WHERE lower(bin) >= lower(?) AND lower(bin) < lower(?) || char(1114111)`;
    filters.add(`ip.id IN (SELECT id FROM inventory_products WHERE ${match.sql} UNION ${bins})`, ...match.params, input.q, input.q);
    // The same test per product, so a walk of the products skips the others without probing their rows.
    productFilters.add(`p.id IN (SELECT product_id FROM inventory_products WHERE id IN (SELECT id FROM inventory_products WHERE ${match.sql} UNION ${bins}))`, ...match.params, input.q, input.q);
  }
  filters.equals('ip.location_id', input.locationId).equals('ip.product_id', input.productId);
  if (input.belowMin) filters.add('ip.below_min = 1');
  const whereSql = filters.where();
  const params = filters.params;
  const products = rowText ? 'JOIN products p ON p.id = ip.product_id' : '';
  const sortUpTo = input.q && !rowText ? SORT_TEXT_MATCHES_UP_TO : SORT_MATCHES_UP_TO;
  const unfiltered = input.locationId === undefined && input.productId === undefined && !input.belowMin;
  const n =
    input.q && rowText && unfiltered
      ? countShortTextEverywhere(ctx, input.q, sortUpTo)
      : countUpTo(ctx, `FROM inventory_products ip JOIN locations l ON l.id = ip.location_id ${products} ${whereSql}`, params, sortUpTo);
  const sort = sortOf(input, sortColumns, { by: 'sku' });
  const { column: sortColumn, direction: dir } = sort;
  const page = paging(input);
  const limit = [page.limit, page.offset];
  let rows: Row[];
  if (n <= sortUpTo) {
    // Only the sort key and id go through the sort; the page's rows are read after.
    const ids = ctx.sqlite
      .prepare<unknown[], { id: number }>(`SELECT ip.id ${fromIpFirst} ${whereSql} ORDER BY +${sortColumn} ${dir}, ip.id ${dir} LIMIT ? OFFSET ?`)
      .all(...params, ...limit)
      .map((r) => r.id);
    const byId = new Map(ctx.sqlite.prepare<number[], Row>(`SELECT ${columns} ${fromIpFirst} WHERE ip.id IN (${ids.map(() => '?').join(',') || 'NULL'})`).all(...ids).map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)!);
  } else if (ipSorts.has(sort.by)) {
    const flags = input.belowMin ? [1] : [0, 1];
    const parts = flags.map(
      (flag) => `SELECT * FROM (SELECT ${columns}, ${sortColumn} AS sortKey ${fromIpFirst} ${whereSql} AND ip.below_min = ${flag} ORDER BY ${sortColumn} ${dir}, ip.id ${dir} LIMIT ${page.window})`,
    );
    const merged = ctx.sqlite.prepare<unknown[], Row & { sortKey: unknown }>(`${parts.join(' UNION ALL ')} ORDER BY sortKey ${dir}, id ${dir} LIMIT ? OFFSET ?`).all(...flags.flatMap(() => params), ...limit);
    rows = merged.map(({ sortKey: _k, ...row }) => row);
  } else if (sort.by === 'locationName') {
    rows = ctx.sqlite.prepare<unknown[], Row>(`SELECT ${columns} ${fromLocationsFirst} ${whereSql} ORDER BY l.name ${dir}, ip.id ${dir} LIMIT ? OFFSET ?`).all(...params, ...limit);
  } else {
    const all = [...productFilters.clauses, ...filters.clauses];
    // A short text walks the product index that carries the search text, so skipped products cost no row read.
    const from = fromProductsFirst(rowText ? `INDEXED BY ${sort.by === 'sku' ? 'products_sku_search_idx' : 'products_name_search_idx'}` : '');
    rows = ctx.sqlite
      .prepare<unknown[], Row>(`SELECT ${columns} ${from} WHERE ${all.join(' AND ')} ORDER BY ${sortColumn} ${dir}, ip.id ${dir} LIMIT ? OFFSET ?`)
      .all(...productFilters.params, ...params, ...limit);
  }
  return pageOf(rows.map(toInventoryProduct), n);
}

/**
 * The rows of every active location matching a short text most products contain, counted from the products:
 * the products' search index is walked with one LIKE per entry (no product row read), each match's rows
 * found through (product, location); then the rows whose bin alone matches. Counted from the rows instead,
 * each row read its product and tested three fields: ~20 ms to reach the cap at 330,000 rows, against ~4.
 */
function countShortTextEverywhere(ctx: Ctx, q: string, cap: number): number {
  const text = productWalkTextTest('p', q);
  return prepared<unknown[], { n: number }>(
    ctx,
    `SELECT count(*) AS n FROM (
       SELECT 1 FROM products p INDEXED BY products_sku_search_idx CROSS JOIN inventory_products ip ON ip.product_id = p.id CROSS JOIN locations l ON l.id = ip.location_id
       WHERE ${text.sql} AND l.active = 1
       UNION ALL
       SELECT 1 FROM inventory_products ip INDEXED BY inventory_products_bin_lower_idx CROSS JOIN locations l ON l.id = ip.location_id CROSS JOIN products p ON p.id = ip.product_id
       WHERE lower(ip.bin) >= lower(?) AND lower(ip.bin) < lower(?) || char(1114111) AND ip.bin LIKE ? ESCAPE '\\' AND l.active = 1 AND (${text.sql}) IS NOT 1
       LIMIT ${cap + 1})`,
  ).get(...text.params, q, q, likePattern(q, 'prefix'), ...text.params)!.n;
}

/** A text shorter than a trigram that many products contain (as while typing the first letters). */
function matchesManyProducts(ctx: Ctx, q: string): boolean {
  if ([...q].length >= 3) return false;
  const contains = likePattern(q);
  const n = countUpTo(ctx, `FROM products WHERE ${productLikeTest('products')}`, [contains, contains, contains, q], MANY_PRODUCTS - 1);
  return n >= MANY_PRODUCTS;
}
const MANY_PRODUCTS = 2_000;
