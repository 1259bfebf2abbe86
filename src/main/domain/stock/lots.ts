// Stocked items as the user sees them: lots (or serialized units) on hand at internal locations.
// A serial edit keeps serials unique per product (in any spelling) and is recorded in the history.
import { DomainError } from '../../../shared/errors';
import { serialKey } from '../../../shared/serials';
import { COUNT_CAP, inTransaction, offsetOf, type Actor, type Ctx } from '../context';
import { recordEvent } from './inventoryProducts';
import { releaseSerialKey, serialHolder, serialKeyPrefix, serialPrefixLotIds } from './serials';

const sortColumns: Record<string, string> = {
  receivedAt: 'b.received_at',
  serialNumber: 'lt.serial_number',
  sku: 'p.sku',
  locationName: 'loc.name',
  // As the quantity indexes name it (see the schema).
  qty: 'b.qty + 0',
};

const columns = `lt.id AS lotId, lt.product_id AS productId, p.sku, p.name AS productName, lt.serial_number AS serialNumber, b.location_id AS locationId, loc.name AS locationName,
  b.qty, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) AS allocated,
  lt.unit_cost AS unitCost, lt.received_at AS receivedAt, v.name AS vendorName, lt.vendor_invoice_number AS vendorInvoiceNumber`;
const internal = `JOIN locations loc ON loc.id = b.location_id AND loc.usage = 'internal'`;
const rest = `LEFT JOIN companies v ON v.id = lt.vendor_id`;
/**
 * How each sort walks its index when many rows match: the balances' own (received, qty) indexes, or the
 * table the column lives on first (CROSS JOIN fixes the order; INDEXED BY names the probe, which SQLite
 * without statistics may otherwise take through another filter's index).
 */
const balancesFirst = (index: string) => `FROM balances b${index ? ` INDEXED BY ${index}` : ''} ${internal} JOIN lots lt ON lt.id = b.lot_id JOIN products p ON p.id = lt.product_id ${rest}`;
const walks: Record<string, string | ((byLocation: boolean) => string)> = {
  receivedAt: (byLocation) => balancesFirst(byLocation ? 'balances_location_received_idx' : 'balances_received_idx'),
  qty: (byLocation) => balancesFirst(byLocation ? 'balances_location_qty_idx' : 'balances_qty_idx'),
  serialNumber: `FROM lots lt CROSS JOIN balances b ON b.lot_id = lt.id ${internal} JOIN products p ON p.id = lt.product_id ${rest}`,
  sku: `FROM products p CROSS JOIN balances b INDEXED BY balances_product_location_idx ON b.product_id = p.id ${internal} JOIN lots lt ON lt.id = b.lot_id ${rest}`,
  locationName: `FROM locations loc CROSS JOIN balances b INDEXED BY balances_location_lot_idx ON b.location_id = loc.id AND loc.usage = 'internal' JOIN lots lt ON lt.id = b.lot_id JOIN products p ON p.id = lt.product_id ${rest}`,
};

/**
 * Stocked items on hand at internal locations. Up to COUNT_CAP matches, the filter's index finds them
 * and they are sorted (a unary + keeps SQLite off the sort index); beyond it the sort column's index is
 * walked until a page is found. Ties go by lot and location, in the sort's direction.
 */
export function listLots(
  ctx: Ctx,
  input: { page: number; pageSize: number; sortBy?: string; sortDirection: 'asc' | 'desc'; productId?: number; locationId?: number; serial?: string },
) {
  const where: string[] = ['b.qty > 0'];
  const params: unknown[] = [];
  let serialProducts: { sql: string; params: unknown[] } | null = null;
  if (input.productId) {
    where.push('b.product_id = ?');
    params.push(input.productId);
  }
  if (input.locationId) {
    where.push('b.location_id = ?');
    params.push(input.locationId);
  }
  let prefixSql = '';
  let prefixParams: unknown[] = [];
  if (input.serial) {
    const prefix = serialKeyPrefix('lt', input.serial);
    [prefixSql, prefixParams] = [prefix.sql, prefix.params];
    where.push(prefix.sql);
    params.push(...prefix.params);
    const byProduct = serialKeyPrefix('lk', input.serial);
    serialProducts = { sql: `p.id IN (SELECT lk.product_id FROM lots lk WHERE ${byProduct.sql})`, params: byProduct.params };
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const sortBy = input.sortBy && input.sortBy in sortColumns ? input.sortBy : 'receivedAt';
  const dir = input.sortDirection === 'desc' ? 'DESC' : 'ASC';
  if (serialProducts && fewSerials(ctx, input.serial!)) {
    // A serial prefix of a few units: one pass over them finds the page and counts the matches. Each unit is
    // looked up where it is on hand (the partial lot index), not tested row by row with the prefix.
    const units = serialPrefixLotIds(input.serial!);
    const filters = where.filter((w) => w !== prefixSql);
    const filterParams = params.slice(0, params.length - prefixParams.length);
    // Only the keys go through the sort; the page's rows are read after.
    const keys = ctx.sqlite
      .prepare(
        `SELECT b.lot_id AS lotId, b.location_id AS locationId, count(*) OVER () AS matches
         FROM (${units.sql}) m CROSS JOIN balances b INDEXED BY balances_lot_on_hand_idx ON b.lot_id = m.id CROSS ${internal}
         ${sortBy === 'serialNumber' || sortBy === 'sku' ? 'CROSS JOIN lots lt ON lt.id = b.lot_id' : ''} ${sortBy === 'sku' ? 'CROSS JOIN products p ON p.id = lt.product_id' : ''}
         WHERE ${filters.join(' AND ')}
         ORDER BY +${sortColumns[sortBy]} ${dir}, b.lot_id ${dir}, b.location_id ${dir} LIMIT ? OFFSET ?`,
      )
      .all(...units.params, ...filterParams, input.pageSize, offsetOf(input)) as { lotId: number; locationId: number; matches: number }[];
    const page = ctx.sqlite.prepare(`SELECT ${columns} ${balancesFirst('')} WHERE b.lot_id = ? AND b.location_id = ?`);
    const rows = keys.map((k) => page.get(k.lotId, k.locationId));
    const n = keys[0]?.matches ?? (offsetOf(input) > 0 ? countLots(ctx, whereSql, params, true) : 0);
    return { rows: rows as never[], total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }
  const count = { n: countLots(ctx, whereSql, params, input.serial !== undefined) };
  const few = count.n <= COUNT_CAP;
  // Walking the lots by serial, name the lot by the walked table's own id: SQLite then knows the index
  // already orders ties by it.
  const lot = sortBy === 'serialNumber' ? 'lt.id' : 'b.lot_id';
  const order = `${few ? '+' : ''}${sortColumns[sortBy]} ${dir}, ${lot} ${dir}, b.location_id ${dir}`;
  // Walking the products by SKU, skip those the serial prefix cannot match before probing their balances.
  const prune = !few && sortBy === 'sku' && serialProducts ? serialProducts : null;
  const walk = walks[sortBy]!;
  const from = few ? balancesFirst('') : typeof walk === 'string' ? walk : walk(input.locationId !== undefined);
  const rows = ctx.sqlite
    .prepare(`SELECT ${columns} ${from} ${whereSql}${prune ? ` AND ${prune.sql}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, ...(prune?.params ?? []), input.pageSize, offsetOf(input)) as { unitCost: number | null }[];
  return { rows: rows as never[], total: Math.min(count.n, COUNT_CAP), totalCapped: count.n > COUNT_CAP };
}

const FEW_SERIALS = 30_000;

/** Whether a serial prefix names few stocked items, counted in the serial index alone. */
function fewSerials(ctx: Ctx, serial: string): boolean {
  const prefix = serialKeyPrefix('lk', serial);
  const n = ctx.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM lots lk WHERE ${prefix.sql} LIMIT ${FEW_SERIALS + 1})`).get(...prefix.params) as { n: number };
  return n.n <= FEW_SERIALS;
}

function countLots(ctx: Ctx, whereSql: string, params: unknown[], bySerial: boolean): number {
  return (
    ctx.sqlite
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM balances b ${internal} ${bySerial ? 'JOIN lots lt ON lt.id = b.lot_id' : ''} ${whereSql} LIMIT ${COUNT_CAP + 1})`)
      .get(...params) as { n: number }
  ).n;
}

export function editSerial(ctx: Ctx, actor: Actor, input: { lotId: number; serialNumber: string }) {
  return inTransaction(ctx, () => {
    const lot = ctx.sqlite.prepare(`SELECT id, product_id AS productId, serial_number AS serialNumber, serial_key AS serialKey FROM lots WHERE id = ?`).get(input.lotId) as
      | { id: number; productId: number; serialNumber: string | null; serialKey: string | null }
      | undefined;
    if (!lot) throw new DomainError('NOT_FOUND', { entity: 'lot', id: input.lotId });
    if (lot.serialNumber === null) throw new DomainError('SERIALS_NOT_ALLOWED');
    if (lot.serialNumber === input.serialNumber) return { lotId: lot.id, serialNumber: lot.serialNumber };
    // Another unit of the product in any spelling (changing only the case of this unit's own serial is fine).
    const clash = serialHolder(ctx, lot.productId, input.serialNumber, lot.id);
    if (clash) throw new DomainError('DUPLICATE_SERIAL', { serials: [input.serialNumber], existing: [clash.serialNumber], within: 'stock' });
    const key = serialKey(input.serialNumber);
    ctx.sqlite.prepare(`UPDATE lots SET serial_number = ?, serial_key = ? WHERE id = ?`).run(input.serialNumber, key, lot.id);
    // A corrected serial ends this unit's clash, and the key it leaves may settle another unit's.
    ctx.sqlite.prepare(`DELETE FROM serial_clashes WHERE lot_id = ?`).run(lot.id);
    if (lot.serialKey !== null && lot.serialKey !== key) releaseSerialKey(ctx, lot.productId, lot.serialKey);
    const place = ctx.sqlite
      .prepare(`SELECT b.location_id AS locationId FROM balances b JOIN locations l ON l.id = b.location_id AND l.usage = 'internal' WHERE b.lot_id = ? AND b.qty > 0`)
      .get(lot.id) as { locationId: number } | undefined;
    recordEvent(ctx, {
      type: 'serial.edited',
      productId: lot.productId,
      locationId: place?.locationId ?? null,
      lotId: lot.id,
      serialNumber: input.serialNumber,
      userId: actor.userId,
      changes: [{ field: 'serialNumber', before: lot.serialNumber, after: input.serialNumber }],
    });
    return { lotId: lot.id, serialNumber: input.serialNumber };
  });
}
