// Inventory products: a product stocked at a location. Invariants: one per (product, location);
// 0 ≤ min ≤ max; on hand is never stored, it is read from stock_levels (kept with the balances); every creation and edit is
// recorded in inventory_events with before and after values.
import { DomainError } from '../../../shared/errors';
import type { InventoryProduct } from '../../../shared/contract/stock';
import { COUNT_CAP, likePattern, offsetOf, type Actor, type Ctx, inTransaction, can } from '../context';
import { productTextMatch, requireProduct } from '../catalog/products';
import { requireStockLocation } from '../locations/locations';

type Change = { field: string; before: string | null; after: string | null };

export function recordEvent(
  ctx: Ctx,
  event: { type: 'inventoryProduct.created' | 'inventoryProduct.updated' | 'serial.edited'; productId: number; locationId?: number | null; lotId?: number | null; serialNumber?: string | null; userId: number | null; changes: Change[] },
): void {
  ctx.sqlite
    .prepare(`INSERT INTO inventory_events (occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(ctx.now(), event.type, event.productId, event.locationId ?? null, event.lotId ?? null, event.serialNumber ?? null, event.userId, JSON.stringify(event.changes));
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

/** Stocking a product somewhere for the first time creates its inventory product (min 0, max 0). */
export function ensureInventoryProduct(ctx: Ctx, productId: number, locationId: number, userId: number | null): void {
  const exists = ctx.sqlite.prepare(`SELECT 1 FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(productId, locationId);
  if (exists) return;
  ctx.sqlite.prepare(`INSERT INTO inventory_products (product_id, location_id, min, max, created_at) VALUES (?, ?, 0, 0, ?)`).run(productId, locationId, ctx.now());
  recordEvent(ctx, { type: 'inventoryProduct.created', productId, locationId, userId, changes: [{ field: 'min', before: null, after: '0' }, { field: 'max', before: null, after: '0' }] });
}

export function createInventoryProduct(ctx: Ctx, actor: Actor, input: IpFields & { productId: number; locationId: number }): InventoryProduct {
  return inTransaction(ctx, () => {
    checkMinMax(input);
    requireProduct(ctx, input.productId);
    requireStockLocation(ctx, input.locationId);
    const exists = ctx.sqlite.prepare(`SELECT id FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(input.productId, input.locationId);
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
    return getInventoryProduct(ctx, actor, id);
  });
}

export function updateInventoryProduct(ctx: Ctx, actor: Actor, input: IpFields & { id: number }): InventoryProduct {
  return inTransaction(ctx, () => {
    checkMinMax(input);
    const current = ctx.sqlite
      .prepare(`SELECT product_id AS productId, location_id AS locationId, bin, reference_number AS referenceNumber, min, max FROM inventory_products WHERE id = ?`)
      .get(input.id) as (IpFields & { productId: number; locationId: number }) | undefined;
    if (!current) throw new DomainError('NOT_FOUND', { entity: 'inventoryProduct', id: input.id });
    const changes = fields.filter((f) => current[f] !== input[f]).map((f) => ({ field: f, before: show(current[f]), after: show(input[f]) }));
    if (changes.length === 0) return getInventoryProduct(ctx, actor, input.id);
    ctx.sqlite.prepare(`UPDATE inventory_products SET bin = ?, reference_number = ?, min = ?, max = ? WHERE id = ?`).run(input.bin, input.referenceNumber, input.min, input.max, input.id);
    recordEvent(ctx, { type: 'inventoryProduct.updated', productId: current.productId, locationId: current.locationId, userId: actor.userId, changes });
    return getInventoryProduct(ctx, actor, input.id);
  });
}

// Quantities are computed per row of the page only (correlated subqueries), so a page costs the same at
// any catalogue size. On order / back ordered come from the purchase order lines still to receive.
const columns = `ip.id AS id, ip.product_id AS productId, p.sku AS sku, p.name AS productName, p.serialized AS serialized,
  ip.location_id AS locationId, l.name AS locationName, ip.bin AS bin, ip.reference_number AS referenceNumber, ip.min AS min, ip.max AS max`;
const onHandExpr = `coalesce((SELECT s.qty FROM stock_levels s WHERE s.product_id = ip.product_id AND s.location_id = ip.location_id), 0)`;
const allocatedExpr = (kind: string) =>
  `coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.product_id = ip.product_id AND a.location_id = ip.location_id AND a.kind = '${kind}'), 0)`;
/** Outstanding on submitted orders (receivable lines); back ordered = the part of lines already partly received. */
const onOrderExpr = (backOrderedOnly: boolean) =>
  `coalesce((SELECT sum(pl.qty_ordered - pl.qty_canceled - pl.qty_received) FROM purchase_order_lines pl
    WHERE pl.product_id = ip.product_id AND pl.location_id = ip.location_id AND pl.receivable = 1${backOrderedOnly ? ' AND pl.qty_received > 0' : ''}), 0)`;
/** As text: SQLite writes the exact 64-bit integer, which can pass 2^53 (the contract's `amount`). */
const valueExpr = `CAST(coalesce((SELECT s.value FROM stock_levels s WHERE s.product_id = ip.product_id AND s.location_id = ip.location_id), 0) AS TEXT)`;

const sortColumns: Record<string, string> = {
  sku: 'p.sku',
  productName: 'p.name',
  locationName: 'l.name',
  bin: 'ip.bin',
  min: 'ip.min',
  max: 'ip.max',
  onHand: onHandExpr,
  available: `(${onHandExpr} - ${allocatedExpr('reserved')} - ${allocatedExpr('picked')})`,
};

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
  value: string;
  onOrder: number;
  backOrdered: number;
}

function toInventoryProduct(row: Row, showCost: boolean): InventoryProduct {
  return {
    ...row,
    serialized: row.serialized === 1,
    available: row.onHand - row.reserved - row.picked,
    value: showCost ? row.value : null,
  };
}

const selectColumns = `SELECT ${columns}, ${onHandExpr} AS onHand, ${allocatedExpr('reserved')} AS reserved, ${allocatedExpr('picked')} AS picked, ${valueExpr} AS value,
  ${onOrderExpr(false)} AS onOrder, ${onOrderExpr(true)} AS backOrdered`;
const fromIpFirst = `FROM inventory_products ip JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id`;
// CROSS JOIN fixes the join order: walk products in the sort column's index and probe each one's
// inventory products, which finds a page at once when many rows match.
const fromProductsFirst = `FROM products p CROSS JOIN inventory_products ip ON ip.product_id = p.id JOIN locations l ON l.id = ip.location_id`;
/** Above this many matching rows, a page sorted by a product column is read products-first. */
const PRODUCTS_FIRST_FROM = 2_000;

export function getInventoryProduct(ctx: Ctx, actor: Actor, id: number): InventoryProduct {
  const row = ctx.sqlite.prepare(`${selectColumns} ${fromIpFirst} WHERE ip.id = ?`).get(id) as Row | undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'inventoryProduct', id });
  return toInventoryProduct(row, can(actor, 'costs.view'));
}

export function listInventoryProducts(
  ctx: Ctx,
  actor: Actor,
  input: { page: number; pageSize: number; sortBy?: string; sortDirection: 'asc' | 'desc'; q?: string; locationId?: number; productId?: number; belowMin?: boolean },
) {
  const where: string[] = ['l.active = 1'];
  const params: unknown[] = [];
  if (input.q) {
    const match = productTextMatch('ip.product_id', input.q);
    where.push(`(${match.sql} OR ip.bin LIKE ? ESCAPE '\\')`);
    params.push(...match.params, likePattern(input.q, 'prefix'));
  }
  if (input.locationId) {
    where.push('ip.location_id = ?');
    params.push(input.locationId);
  }
  if (input.productId) {
    where.push('ip.product_id = ?');
    params.push(input.productId);
  }
  if (input.belowMin) where.push('ip.below_min = 1');
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const count = ctx.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${fromIpFirst} ${whereSql} LIMIT ${COUNT_CAP + 1})`).get(...params) as { n: number };
  const sortBy = input.sortBy && input.sortBy in sortColumns ? input.sortBy : 'sku';
  const from = count.n > PRODUCTS_FIRST_FROM && (sortBy === 'sku' || sortBy === 'productName') ? fromProductsFirst : fromIpFirst;
  const order = `${sortColumns[sortBy]} ${input.sortDirection === 'desc' ? 'DESC' : 'ASC'}, ip.id`;
  const rows = ctx.sqlite.prepare(`${selectColumns} ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, input.pageSize, offsetOf(input)) as Row[];
  const showCost = can(actor, 'costs.view');
  return { rows: rows.map((r) => toInventoryProduct(r, showCost)), total: Math.min(count.n, COUNT_CAP), totalCapped: count.n > COUNT_CAP };
}
