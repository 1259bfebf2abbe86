// Stocked items as the user sees them: lots (or serialized units) on hand at internal locations.
// A serial edit keeps serials unique per product (in any spelling) and is recorded in the history.
import type { ParsedInput } from '@shared/contract';
import type { Lot } from '@shared/contract/stock';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { COUNT_CAP, type Actor, type Ctx } from '../context';
import { countUpTo, Filters, pageOf, paging, sortOf, type SortColumns, type SortKey } from '../paging';
import { recordEvent } from './inventoryProducts';
import { releaseSerialKey, serialHolder, serialKeyPrefix, serialPrefixLotIds } from './serials';

type Sort = SortKey<'stock.listLots'>;
const sortColumns: SortColumns<'stock.listLots'> = {
  receivedAt: 'b.received_at',
  serialNumber: 'lt.serial_number',
  sku: 'p.sku',
  locationName: 'loc.name',
  // As the quantity indexes name it (see the schema).
  qty: 'b.qty + 0',
};

const columns = `lt.id AS lotId, lt.product_id AS productId, p.sku, p.name AS productName, lt.serial_number AS serialNumber, b.location_id AS locationId, loc.name AS locationName,
  b.qty, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) AS allocated,
  (SELECT ch.id FROM allocations a JOIN charges ch ON ch.id = a.source_id WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id AND a.source_type = 'charge' ORDER BY a.id LIMIT 1) AS heldByChargeId,
  (SELECT ch.number FROM allocations a JOIN charges ch ON ch.id = a.source_id WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id AND a.source_type = 'charge' ORDER BY a.id LIMIT 1) AS heldByChargeNumber,
  (SELECT o.id FROM allocations a JOIN quote_items q ON q.id = a.source_id JOIN opportunities o ON o.id = q.opportunity_id
    WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id AND a.source_type = 'quoteItem' ORDER BY a.id LIMIT 1) AS heldByOpportunityId,
  (SELECT o.number FROM allocations a JOIN quote_items q ON q.id = a.source_id JOIN opportunities o ON o.id = q.opportunity_id
    WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id AND a.source_type = 'quoteItem' ORDER BY a.id LIMIT 1) AS heldByOpportunityNumber,
  (SELECT r.id FROM allocations a JOIN rmas r ON r.id = a.source_id WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id AND a.source_type = 'rma' ORDER BY a.id LIMIT 1) AS heldByRmaId,
  (SELECT r.number FROM allocations a JOIN rmas r ON r.id = a.source_id WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id AND a.source_type = 'rma' ORDER BY a.id LIMIT 1) AS heldByRmaNumber,
  lt.unit_cost AS unitCost, lt.received_at AS receivedAt, lt.vendor_id AS vendorId, v.name AS vendorName, lt.vendor_invoice_number AS vendorInvoiceNumber`;
const internal = `JOIN locations loc ON loc.id = b.location_id AND loc.usage = 'internal'`;
const rest = `LEFT JOIN companies v ON v.id = lt.vendor_id`;
/**
 * How each sort walks its index when many rows match: the balances' own (received, qty) indexes, or the
 * table the column lives on first (CROSS JOIN fixes the order; INDEXED BY names the probe, which SQLite
 * without statistics may otherwise take through another filter's index).
 */
const balancesFirst = (index: string) => `FROM balances b${index ? ` INDEXED BY ${index}` : ''} ${internal} JOIN lots lt ON lt.id = b.lot_id JOIN products p ON p.id = lt.product_id ${rest}`;
const walks: Record<Sort, string | ((byLocation: boolean) => string)> = {
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
export function listLots(ctx: Ctx, input: ParsedInput<'stock.listLots'>) {
  const filters = new Filters().add('b.qty > 0');
  let serialProducts: { sql: string; params: unknown[] } | null = null;
  if (input.productId) filters.add('b.product_id = ?', input.productId);
  if (input.locationId) filters.add('b.location_id = ?', input.locationId);
  // What a unit on hand must meet besides its serial (the few-serials plan finds the serials by id).
  const unitFilters = new Filters().add('b.qty > 0');
  if (input.productId) unitFilters.add('b.product_id = ?', input.productId);
  if (input.locationId) unitFilters.add('b.location_id = ?', input.locationId);
  if (input.serial) {
    const prefix = serialKeyPrefix('lt', input.serial);
    filters.add(prefix.sql, ...prefix.params);
    const byProduct = serialKeyPrefix('lk', input.serial);
    serialProducts = { sql: `p.id IN (SELECT lk.product_id FROM lots lk WHERE ${byProduct.sql})`, params: byProduct.params };
  }
  const whereSql = filters.where();
  const params = filters.params;
  const sort = sortOf(input, sortColumns, { by: 'receivedAt' });
  const dir = sort.direction;
  const page = paging(input);
  if (serialProducts && fewSerials(ctx, input.serial!)) {
    // A serial prefix of a few units: one pass over them finds the page and counts the matches. Each unit is
    // looked up where it is on hand (the partial lot index), not tested row by row with the prefix.
    const units = serialPrefixLotIds(input.serial!);
    const sortsBySerial = sort.by === 'serialNumber' || sort.by === 'sku';
    // Only the keys go through the sort; the page's rows are read after.
    const keys = ctx.sqlite
      .prepare<unknown[], { lotId: number; locationId: number; matches: number }>(
        `SELECT b.lot_id AS lotId, b.location_id AS locationId, count(*) OVER () AS matches
         FROM (${units.sql}) m CROSS JOIN balances b INDEXED BY balances_lot_on_hand_idx ON b.lot_id = m.id CROSS ${internal}
         ${sortsBySerial ? 'CROSS JOIN lots lt ON lt.id = b.lot_id' : ''} ${sort.by === 'sku' ? 'CROSS JOIN products p ON p.id = lt.product_id' : ''}
         ${unitFilters.where()}
         ORDER BY +${sort.column} ${dir}, b.lot_id ${dir}, b.location_id ${dir} LIMIT ? OFFSET ?`,
      )
      .all(...units.params, ...unitFilters.params, page.limit, page.offset);
    const one = ctx.sqlite.prepare<[number, number], Lot>(`SELECT ${columns} ${balancesFirst('')} WHERE b.lot_id = ? AND b.location_id = ?`);
    const rows = keys.map((k) => one.get(k.lotId, k.locationId)!);
    const n = keys[0]?.matches ?? (page.offset > 0 ? countLots(ctx, whereSql, params, true) : 0);
    return pageOf(rows, n);
  }
  const n = countLots(ctx, whereSql, params, input.serial !== undefined);
  const few = n <= COUNT_CAP;
  // Walking the lots by serial, name the lot by the walked table's own id: SQLite then knows the index
  // already orders ties by it.
  const lot = sort.by === 'serialNumber' ? 'lt.id' : 'b.lot_id';
  const order = `${few ? '+' : ''}${sort.column} ${dir}, ${lot} ${dir}, b.location_id ${dir}`;
  // Walking the products by SKU, skip those the serial prefix cannot match before probing their balances.
  const prune = !few && sort.by === 'sku' && serialProducts ? serialProducts : null;
  const walk = walks[sort.by];
  const from = few ? balancesFirst('') : typeof walk === 'string' ? walk : walk(input.locationId !== undefined);
  const rows = ctx.sqlite
    .prepare<unknown[], Lot>(`SELECT ${columns} ${from} ${whereSql}${prune ? ` AND ${prune.sql}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, ...(prune?.params ?? []), page.limit, page.offset);
  return pageOf(rows, n);
}

const FEW_SERIALS = 30_000;

/** Whether a serial prefix names few stocked items, counted in the serial index alone. */
function fewSerials(ctx: Ctx, serial: string): boolean {
  const prefix = serialKeyPrefix('lk', serial);
  return countUpTo(ctx, `FROM lots lk WHERE ${prefix.sql}`, prefix.params, FEW_SERIALS) <= FEW_SERIALS;
}

function countLots(ctx: Ctx, whereSql: string, params: unknown[], bySerial: boolean): number {
  return countUpTo(ctx, `FROM balances b ${internal} ${bySerial ? 'JOIN lots lt ON lt.id = b.lot_id' : ''} ${whereSql}`, params);
}

export function editSerial(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.editSerial'>) {
  const lot = ctx.sqlite
    .prepare<[number], { id: number; productId: number; serialNumber: string | null; serialKey: string | null }>(
      `SELECT id, product_id AS productId, serial_number AS serialNumber, serial_key AS serialKey FROM lots WHERE id = ?`,
    )
    .get(input.lotId);
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
    .prepare<[number], { locationId: number }>(`SELECT b.location_id AS locationId FROM balances b JOIN locations l ON l.id = b.location_id AND l.usage = 'internal' WHERE b.lot_id = ? AND b.qty > 0`)
    .get(lot.id);
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
}
