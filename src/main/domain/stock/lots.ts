// Stocked items as the user sees them: lots (or serialized units) on hand at internal locations.
// A serial edit keeps serials unique per product (in any spelling) and is recorded in the history.
import { DomainError } from '../../../shared/errors';
import { serialKey } from '../../../shared/serials';
import { COUNT_CAP, inTransaction, offsetOf, type Actor, type Ctx } from '../context';
import { recordEvent } from './inventoryProducts';
import { releaseSerialKey, serialHolder, serialKeyPrefix } from './serials';

const sortColumns: Record<string, string> = {
  receivedAt: 'b.received_at',
  serialNumber: 'lt.serial_number',
  sku: 'p.sku',
  locationName: 'loc.name',
  qty: 'b.qty',
};

const fromSql = `FROM balances b JOIN lots lt ON lt.id = b.lot_id JOIN products p ON p.id = lt.product_id
  JOIN locations loc ON loc.id = b.location_id AND loc.usage = 'internal' LEFT JOIN companies v ON v.id = lt.vendor_id`;

export function listLots(
  ctx: Ctx,
  input: { page: number; pageSize: number; sortBy?: string; sortDirection: 'asc' | 'desc'; productId?: number; locationId?: number; serial?: string },
) {
  const where: string[] = ['b.qty > 0'];
  const params: unknown[] = [];
  if (input.productId) {
    where.push('b.product_id = ?');
    params.push(input.productId);
  }
  if (input.locationId) {
    where.push('b.location_id = ?');
    params.push(input.locationId);
  }
  if (input.serial) {
    const prefix = serialKeyPrefix('lt', input.serial);
    where.push(prefix.sql);
    params.push(...prefix.params);
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const order = `${sortColumns[input.sortBy ?? 'receivedAt'] ?? 'b.received_at'} ${input.sortDirection === 'desc' ? 'DESC' : 'ASC'}, b.lot_id`;
  const rows = ctx.sqlite
    .prepare(
      `SELECT lt.id AS lotId, lt.product_id AS productId, p.sku, p.name AS productName, lt.serial_number AS serialNumber, b.location_id AS locationId, loc.name AS locationName,
              b.qty, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) AS allocated,
              lt.unit_cost AS unitCost, lt.received_at AS receivedAt, v.name AS vendorName, lt.vendor_invoice_number AS vendorInvoiceNumber
       ${fromSql} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, input.pageSize, offsetOf(input)) as { unitCost: number | null }[];
  const count = ctx.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${fromSql} ${whereSql} LIMIT ${COUNT_CAP + 1})`).get(...params) as { n: number };
  return { rows: rows as never[], total: Math.min(count.n, COUNT_CAP), totalCapped: count.n > COUNT_CAP };
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
