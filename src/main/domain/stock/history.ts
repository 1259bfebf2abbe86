// The Inventory Transfers & Updates page: the moves ledger and the inventory events (edits that are not
// moves) merged newest first. Each side is filtered, ordered and limited by its own indexes before the
// merge, so the first page stays cheap at a million moves.
import type { ParsedInput } from '@shared/contract';
import type { HistoryRow } from '@shared/contract/stock';
import { prepared, type Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { countUpTo, Filters, pageOf, paging, sortOf, type Page, type SortColumns } from '../paging';
import { lotsWithSerialSql } from './serials';

type HistoryInput = ParsedInput<'stock.history'>;

/** Newest first unless the call sorts by time itself. */
const sortColumns: SortColumns<'stock.history'> = { occurredAt: 'occurred_at' };

/** WHERE clauses for one side; `locationEnd` picks which end of a move the location filter uses. */
function filters(input: HistoryInput, side: 'move' | 'event', locationEnd?: 'from' | 'to'): Filters {
  const f = new Filters();
  const alias = side === 'move' ? 'm' : 'e';
  // A plain product's units taken from several lots on one line are one row: its first move's.
  if (side === 'move') f.add('m.grouped_in IS NULL');
  if (input.productId) f.add(`${alias}.product_id = ?`, input.productId);
  if (input.locationId) f.add(side === 'move' ? `m.${locationEnd}_location_id = ?` : 'e.location_id = ?', input.locationId);
  if (input.serial) {
    // Any spelling of the serial; a serial freed by a cancelled receipt is still found in the moves it took part in.
    const lots = lotsWithSerialSql(input.serial);
    if (side === 'move') f.add(`m.lot_id IN ${lots.sql}`, ...lots.params);
    else f.add(`(e.serial_number = ? OR e.lot_id IN ${lots.sql})`, input.serial, ...lots.params);
  }
  if (input.userId) f.add(`${alias}.user_id = ?`, input.userId);
  if (input.from !== undefined) f.add(`${alias}.occurred_at >= ?`, input.from);
  if (input.to !== undefined) f.add(`${alias}.occurred_at <= ?`, input.to);
  return f;
}

interface RawRow {
  side: 'move' | 'event';
  id: number;
  occurredAt: number;
}

interface Part {
  keys: string;
  /** `FROM … WHERE …` of the part, for its capped count. */
  from: string;
  params: unknown[];
}

/**
 * The sources to merge. A location filter on moves becomes two parts (moves out of it, moves into it)
 * so that each walks its own (location, occurred_at) index and stops early; a move never has the same
 * location at both ends, so the parts do not overlap.
 */
function parts(input: HistoryInput, dir: string, window: number, after: HistoryKey | null = null): Part[] {
  const moveEnds: ('from' | 'to' | undefined)[] = input.locationId ? ['from', 'to'] : [undefined];
  // A product has few moves: walk its own index, whatever else filters them (without statistics SQLite
  // may walk a user's or a location's instead).
  const moves = input.productId ? 'stock_moves m INDEXED BY moves_product_idx' : 'stock_moves m';
  const events = input.productId ? 'inventory_events e INDEXED BY inventory_events_product_idx' : 'inventory_events e';
  const result: Part[] = moveEnds.map((end) => {
    const f = filters(input, 'move', end);
    if (after) afterKey(f, 'm', 'move', dir, after);
    return {
      keys: `SELECT 'move' AS side, m.id, m.occurred_at AS occurredAt FROM ${moves} ${f.where()} ORDER BY m.occurred_at ${dir}, m.id ${dir} LIMIT ${window}`,
      from: `FROM ${moves} ${f.where()}`,
      params: f.params,
    };
  });
  const e = filters(input, 'event');
  if (after) afterKey(e, 'e', 'event', dir, after);
  result.push({
    keys: `SELECT 'event' AS side, e.id, e.occurred_at AS occurredAt FROM ${events} ${e.where()} ORDER BY e.occurred_at ${dir}, e.id ${dir} LIMIT ${window}`,
    from: `FROM ${events} ${e.where()}`,
    params: e.params,
  });
  return result;
}

/** Where a row of the merged list sits in its order: time, then side, then id (the merge's ORDER BY). */
export interface HistoryKey {
  occurredAt: number;
  side: 'move' | 'event';
  id: number;
}

/**
 * Rows strictly after `key` in the merged order, for one side: its side is fixed, so the comparison of
 * sides is decided here and each part still walks its (occurred_at, id) index from the key on.
 */
function afterKey(f: Filters, alias: 'm' | 'e', side: HistoryKey['side'], dir: string, key: HistoryKey): void {
  const beyond = dir === 'DESC' ? '<' : '>';
  const sideBeyond = dir === 'DESC' ? side < key.side : side > key.side;
  if (side === key.side) f.add(`(${alias}.occurred_at, ${alias}.id) ${beyond} (?, ?)`, key.occurredAt, key.id);
  else f.add(`${alias}.occurred_at ${sideBeyond ? `${beyond}=` : beyond} ?`, key.occurredAt);
}

/**
 * The rows after `after` (from the first when null), `limit` of them, in the list's order: how an export
 * walks a million moves in chunks, each as cheap as the first page (no OFFSET). `last` is the key to
 * continue from; null at the end.
 */
export function historyAfter(ctx: Ctx, input: HistoryInput, after: HistoryKey | null, limit: number): { rows: HistoryRow[]; last: HistoryKey | null } {
  const dir = sortOf(input, sortColumns, { by: 'occurredAt', direction: 'desc' }).direction;
  const sources = parts(input, dir, limit, after);
  const keys = ctx.sqlite
    .prepare<unknown[], RawRow>(`${sources.map((p) => `SELECT * FROM (${p.keys})`).join(' UNION ALL ')} ORDER BY occurredAt ${dir}, side ${dir}, id ${dir} LIMIT ?`)
    .all(...sources.flatMap((p) => p.params), limit);
  const rows = rowsOf(ctx, keys);
  const end = keys[keys.length - 1];
  return { rows, last: keys.length === limit && end ? { occurredAt: end.occurredAt, side: end.side, id: end.id } : null };
}

/** Every row the filters match, uncapped (an export's progress). */
export function historyCount(ctx: Ctx, input: HistoryInput): number {
  return parts(input, 'DESC', 1).reduce((sum, p) => sum + ctx.sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n ${p.from}`).get(...p.params)!.n, 0);
}

export function history(ctx: Ctx, input: HistoryInput): Page<HistoryRow> {
  const dir = sortOf(input, sortColumns, { by: 'occurredAt', direction: 'desc' }).direction;
  const page = paging(input);
  const sources = parts(input, dir, page.window);
  const keys = ctx.sqlite
    .prepare<unknown[], RawRow>(
      `${sources.map((p) => `SELECT * FROM (${p.keys})`).join(' UNION ALL ')}
       ORDER BY occurredAt ${dir}, side ${dir}, id ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...sources.flatMap((p) => p.params), page.limit, page.offset);
  const rows = rowsOf(ctx, keys);
  const n = sources.reduce((sum, p) => sum + countUpTo(ctx, p.from, p.params), 0);
  return pageOf(rows, n);
}

interface MoveRow {
  id: number;
  occurredAt: number;
  productId: number;
  sku: string;
  productName: string;
  serialNumber: string | null;
  qty: number;
  fromId: number;
  fromName: string;
  fromKind: HistoryRow['fromLocationKind'];
  toId: number;
  toName: string;
  toKind: HistoryRow['toLocationKind'];
  sourceType: string;
  reason: string | null;
  userName: string | null;
  reversesMoveId: number | null;
  sourceId: number;
  documentNumber: string | null;
  orderId: number | null;
  orderNumber: string | null;
  /** A delivery's: delivered in person or shipped. */
  method: 'deliver' | 'ship' | null;
}

interface EventRow {
  id: number;
  occurredAt: number;
  type: HistoryRow['type'];
  productId: number;
  sku: string;
  productName: string;
  serialNumber: string | null;
  locationName: string | null;
  userName: string | null;
  changes: string;
  /** A pick or unpick: its units and the charge. */
  qty: number | null;
  documentType: 'charge' | 'opportunity' | null;
  documentId: number | null;
  documentNumber: string | null;
}

const documentTypes: ReadonlySet<string> = new Set<NonNullable<HistoryRow['documentType']>>(['adjustment', 'transfer', 'stocktake', 'receipt', 'delivery', 'return', 'rma', 'vendorReturn']);

/** The number of the document a move `m` belongs to, by its source type (one table per document). */
export const moveDocumentNumberSql = `CASE m.source_type WHEN 'adjustment' THEN (SELECT number FROM adjustments WHERE id = m.source_id)
    WHEN 'transfer' THEN (SELECT number FROM transfers WHERE id = m.source_id)
    WHEN 'stocktake' THEN (SELECT number FROM stocktakes WHERE id = m.source_id)
    WHEN 'receipt' THEN (SELECT number FROM receipts WHERE id = m.source_id)
    WHEN 'delivery' THEN (SELECT number FROM deliveries WHERE id = m.source_id)
    WHEN 'return' THEN (SELECT number FROM client_returns WHERE id = m.source_id)
    WHEN 'rma' THEN (SELECT number FROM rmas WHERE id = m.source_id)
    WHEN 'vendorReturn' THEN (SELECT number FROM vendor_returns WHERE id = m.source_id) END`;

/**
 * The rows of these moves and events, in the order of `keys`: one query per side, the ids passed as a JSON
 * array (prepared once per connection — an export reads a million rows through here, 2,000 at a time).
 */
function rowsOf(ctx: Ctx, keys: readonly { side: 'move' | 'event'; id: number }[]): HistoryRow[] {
  const ids = (side: string) => JSON.stringify(keys.filter((k) => k.side === side).map((k) => k.id));
  const moves = new Map(moveRows(ctx, ids('move')).map((m) => [m.id, m]));
  const events = new Map(eventRows(ctx, ids('event')).map((e) => [e.id, e]));
  return keys.map((k) => (k.side === 'move' ? toMoveRow(moves.get(k.id)!) : toEventRow(events.get(k.id)!)));
}

function moveRows(ctx: Ctx, ids: string): MoveRow[] {
  return prepared<[string], MoveRow>(
    ctx,
    `SELECT m.id, m.occurred_at AS occurredAt, m.product_id AS productId, p.sku, p.name AS productName, coalesce(lt.serial_number, lt.voided_serial_number) AS serialNumber,
              m.qty + coalesce((SELECT sum(g.qty) FROM stock_moves g WHERE g.grouped_in = m.id), 0) AS qty,
              m.from_location_id AS fromId, f.name AS fromName, f.kind AS fromKind, m.to_location_id AS toId, t.name AS toName, t.kind AS toKind, m.source_type AS sourceType, m.source_id AS sourceId,
              m.reason, u.display_name AS userName, m.reverses_move_id AS reversesMoveId,
              ${moveDocumentNumberSql} AS documentNumber,
              CASE m.source_type WHEN 'delivery' THEN (SELECT method FROM deliveries WHERE id = m.source_id) END AS method,
              po.id AS orderId, po.number AS orderNumber
       FROM stock_moves m LEFT JOIN receipt_lines rl ON m.source_type = 'receipt' AND rl.id = m.source_line LEFT JOIN purchase_orders po ON po.id = rl.po_id JOIN products p ON p.id = m.product_id JOIN lots lt ON lt.id = m.lot_id
       JOIN locations f ON f.id = m.from_location_id JOIN locations t ON t.id = m.to_location_id LEFT JOIN users u ON u.id = m.user_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(ids);
}

function toMoveRow(m: MoveRow): HistoryRow {
  let type: HistoryRow['type'] = 'adjustment';
  if (m.reversesMoveId !== null) type = 'reversal';
  else if (m.sourceType === 'transfer') type = m.toId === VIRTUAL.transit ? 'transfer.ship' : m.fromId === VIRTUAL.transit ? 'transfer.receive' : 'transfer';
  else if (m.sourceType === 'stocktake') type = 'stocktake';
  else if (m.sourceType === 'receipt') type = 'receipt';
  else if (m.sourceType === 'delivery') type = m.method === 'ship' ? 'shipment' : 'delivery';
  else if (m.sourceType === 'return') type = 'return';
  else if (m.sourceType === 'rma') type = m.toKind === 'vendor' ? 'rma.toVendor' : 'rma.fromVendor';
  else if (m.sourceType === 'vendorReturn') type = m.toKind === 'vendor' ? 'vendorReturn.toVendor' : 'vendorReturn.fromVendor';
  return {
    key: `m${m.id}`,
    occurredAt: m.occurredAt,
    type,
    productId: m.productId,
    sku: m.sku,
    productName: m.productName,
    serialNumber: m.serialNumber,
    qty: m.qty,
    fromLocationName: m.fromName,
    toLocationName: m.toName,
    fromLocationKind: m.fromKind,
    toLocationKind: m.toKind,
    locationName: null,
    documentNumber: m.documentNumber,
    documentType: documentTypes.has(m.sourceType) ? (m.sourceType as NonNullable<HistoryRow['documentType']>) : null,
    documentId: documentTypes.has(m.sourceType) ? m.sourceId : null,
    orderId: m.orderId,
    orderNumber: m.orderNumber,
    reason: m.reason,
    userName: m.userName,
    changes: [],
  };
}

function eventRows(ctx: Ctx, ids: string): EventRow[] {
  return prepared<[string], EventRow>(
    ctx,
    `SELECT e.id, e.occurred_at AS occurredAt, e.type, e.product_id AS productId, p.sku, p.name AS productName, e.serial_number AS serialNumber,
              l.name AS locationName, u.display_name AS userName, e.changes, e.qty, e.document_type AS documentType, e.document_id AS documentId,
              CASE e.document_type WHEN 'charge' THEN (SELECT number FROM charges WHERE id = e.document_id)
                                   WHEN 'opportunity' THEN (SELECT number FROM opportunities WHERE id = e.document_id) END AS documentNumber
       FROM inventory_events e JOIN products p ON p.id = e.product_id LEFT JOIN locations l ON l.id = e.location_id LEFT JOIN users u ON u.id = e.user_id
       WHERE e.id IN (SELECT value FROM json_each(?))`,
  ).all(ids);
}

function toEventRow(e: EventRow): HistoryRow {
  return {
    key: `e${e.id}`,
    occurredAt: e.occurredAt,
    type: e.type,
    productId: e.productId,
    sku: e.sku,
    productName: e.productName,
    serialNumber: e.serialNumber,
    qty: e.qty,
    fromLocationName: null,
    toLocationName: null,
    fromLocationKind: null,
    toLocationKind: null,
    locationName: e.locationName,
    documentNumber: e.documentNumber,
    documentType: e.documentType,
    documentId: e.documentId,
    orderId: null,
    orderNumber: null,
    reason: null,
    userName: e.userName,
    changes: JSON.parse(e.changes) as HistoryRow['changes'],
  };
}
