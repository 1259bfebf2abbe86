// The stock ledger. Invariants: moves are append-only (triggers refuse UPDATE/DELETE); every move has
// two ends and qty > 0; balances are the Σ of moves per (lot, location) at the locations that hold our
// units (ours and In-transit; keepsBalances), written in the same transaction as the move — where units came
// from and went to outside (Vendor, Customer, Adjustment, Scrap) is in the moves alone; internal locations
// never go negative; units held by allocations are not free to leave. Beside the balances, in the same transaction:
// stock_levels (Σ per product and location, with value) and stock_value_months (Σ per month and location),
// both aggregated over the whole action so a 10,000-unit receipt writes a handful of rows, not 20,000.
// Values (qty × unit cost) are summed in bigint: one line can pass 2^53; SQLite stores them as exact 64-bit
// integers and a trigger refuses a total that would leave that range (migration 0004).
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import type { Sqlite } from '@main/db/open';
import { insertInOrder, lastId, prepared, type Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { requireSourceRights } from '../locations/rights';

export interface MoveInput {
  lotId: number;
  productId: number;
  qty: number;
  from: number;
  to: number;
  unitCost: number;
  sourceType: string;
  sourceId: number;
  sourceLine?: number | null;
  companyId?: number | null;
  reason?: string | null;
  userId: number | null;
  occurredAt: number;
  reversesMoveId?: number | null;
}

/** A posted move as a reversal reads it back. */
export type PostedMove = Pick<MoveInput, 'lotId' | 'productId' | 'qty' | 'from' | 'to' | 'unitCost' | 'sourceLine' | 'companyId'> & { id: number };

/**
 * The move that undoes `m`: the same units at the same cost the other way, naming the move it reverses,
 * as part of the document `by` (the reversed document itself).
 */
export function reversingMove(m: PostedMove, by: Pick<MoveInput, 'sourceType' | 'sourceId' | 'reason' | 'userId' | 'occurredAt'>): MoveInput {
  return {
    lotId: m.lotId,
    productId: m.productId,
    qty: m.qty,
    from: m.to,
    to: m.from,
    unitCost: m.unitCost,
    sourceLine: m.sourceLine,
    companyId: m.companyId,
    ...by,
    reversesMoveId: m.id,
  };
}

export interface NewLot {
  productId: number;
  serialNumber: string | null;
  unitCost: number;
  receivedAt: number;
  vendorId?: number | null;
  poLineId?: number | null;
  receiptId?: number | null;
  vendorInvoiceNumber?: string | null;
  sourceType: string;
  sourceId: number;
}

function statementsFor(sqlite: Sqlite) {
  return {
    lotHasSerial: sqlite.prepare(`SELECT serial_number IS NOT NULL OR voided_serial_number IS NOT NULL AS serial FROM lots WHERE id = ?`),
    addBalance: sqlite.prepare(
      `INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, (SELECT received_at FROM lots WHERE id = ?))
       ON CONFLICT (lot_id, location_id) DO UPDATE SET qty = qty + excluded.qty RETURNING qty`,
    ),
    /** New lots' balances at one location: rows [lot, qty]. */
    insertBalances: sqlite.prepare<[number, number, number, string]>(
      `INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) SELECT j.value ->> '$[0]', ?, ?, j.value ->> '$[1]', ? FROM jsonb_each(?) j ORDER BY j.key`,
    ),
    addMonth: sqlite.prepare(
      `INSERT INTO stock_value_months (month, location_id, qty, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (month, location_id) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value`,
    ),
    addLevel: sqlite.prepare(
      `INSERT INTO stock_levels (product_id, location_id, qty, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (product_id, location_id) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value`,
    ),
    deleteZeroBalance: sqlite.prepare(`DELETE FROM balances WHERE lot_id = ? AND location_id = ? AND qty = 0`),
    // The balances of an action whose moves each take a different lot, a statement per side for all of them
    // (applyBalances). Rows: [lot, from, qty, to, product], by the move's place in the action.
    addBalances: sqlite.prepare<[string]>(
      `INSERT INTO balances (lot_id, location_id, product_id, qty, received_at)
       SELECT j.value ->> '$[0]', j.value ->> '$[3]', j.value ->> '$[4]', j.value ->> '$[2]', l.received_at FROM jsonb_each(?) j CROSS JOIN lots l ON l.id = j.value ->> '$[0]' WHERE true ORDER BY j.key
       ON CONFLICT (lot_id, location_id) DO UPDATE SET qty = qty + excluded.qty`,
    ),
    /** The moves taking their whole balance: deleted, answering their lots. */
    deleteWholeBalances: sqlite.prepare<[string], { lotId: number }>(
      `DELETE FROM balances WHERE rowid IN (SELECT b.rowid FROM jsonb_each(?) j CROSS JOIN balances b ON b.lot_id = j.value ->> '$[0]' AND b.location_id = j.value ->> '$[1]' WHERE b.qty = j.value ->> '$[2]')
       RETURNING lot_id AS lotId`,
    ),
    /** The first of the given moves whose units an allocation holds at the place they leave. */
    firstHeld: sqlite.prepare<[string], { place: number; lotId: number; locationId: number; productId: number; n: number }>(
      `SELECT j.key AS place, a.lot_id AS lotId, a.location_id AS locationId, j.value ->> '$[4]' AS productId, sum(a.qty) AS n
       FROM jsonb_each(?) j CROSS JOIN allocations a ON a.lot_id = j.value ->> '$[0]' AND a.location_id = j.value ->> '$[1]' GROUP BY j.key ORDER BY j.key LIMIT 1`,
    ),
    /** Units taking the whole balance with them (a serialized unit always does): deleted in one step. */
    deleteWholeBalance: sqlite.prepare(`DELETE FROM balances WHERE lot_id = ? AND location_id = ? AND qty = ?`),
    /** A serialized unit's count across our locations, with its serial (none for a plain lot). */
    serialOnHand: sqlite.prepare(
      `SELECT l.serial_number AS serial, coalesce((SELECT sum(b.qty) FROM balances b JOIN locations loc ON loc.id = b.location_id WHERE b.lot_id = l.id AND loc.usage = 'internal'), 0) AS n
       FROM lots l WHERE l.id = ? AND l.serial_number IS NOT NULL`,
    ),
    allocatedAt: sqlite.prepare(`SELECT coalesce(sum(qty), 0) AS n FROM allocations WHERE lot_id = ? AND location_id = ?`),
    firstHold: sqlite.prepare(
      `SELECT a.kind, a.source_type AS type, a.source_id AS id, CASE a.source_type WHEN 'charge' THEN (SELECT number FROM charges WHERE id = a.source_id)
                WHEN 'quoteItem' THEN (SELECT o.number FROM quote_items q JOIN opportunities o ON o.id = q.opportunity_id WHERE q.id = a.source_id)
                WHEN 'rma' THEN (SELECT number FROM rmas WHERE id = a.source_id) END AS number,
              l.serial_number AS serial
       FROM allocations a JOIN lots l ON l.id = a.lot_id WHERE a.lot_id = ? AND a.location_id = ? ORDER BY a.id LIMIT 1`,
    ),
    holders: sqlite.prepare(
      `SELECT number FROM (
         SELECT DISTINCT ch.number, 0 AS side, ch.id FROM allocations a JOIN charges ch ON ch.id = a.source_id WHERE a.product_id = ? AND a.location_id = ? AND a.source_type = 'charge'
         UNION SELECT DISTINCT o.number, 1 AS side, o.id FROM allocations a JOIN quote_items q ON q.id = a.source_id JOIN opportunities o ON o.id = q.opportunity_id
           WHERE a.product_id = ? AND a.location_id = ? AND a.source_type = 'quoteItem'
         UNION SELECT DISTINCT r.number, 2 AS side, r.id FROM allocations a JOIN rmas r ON r.id = a.source_id WHERE a.product_id = ? AND a.location_id = ? AND a.source_type = 'rma')
       ORDER BY side, id LIMIT 5`,
    ),
    locationUsage: sqlite.prepare(`SELECT usage FROM locations WHERE id = ?`),
  };
}

type Statements = ReturnType<typeof statementsFor>;
const cache = new WeakMap<Sqlite, { statements: Statements; internal: Map<number, boolean> }>();

function state(sqlite: Sqlite) {
  let s = cache.get(sqlite);
  if (!s) {
    s = { statements: statementsFor(sqlite), internal: new Map() };
    cache.set(sqlite, s);
  }
  return s;
}

/**
 * Whether a location's units are counted in balances: our own locations and In-transit (units between two of
 * ours are still ours). The other virtual locations (Vendor, Customer, Adjustment, Scrap) are where units come
 * from and go to: what went there is in the moves, and a balance there would only be written, never read.
 */
export function keepsBalances(sqlite: Sqlite, locationId: number): boolean {
  return locationId === VIRTUAL.transit || isInternal(sqlite, locationId);
}

export function isInternal(sqlite: Sqlite, locationId: number): boolean {
  const s = state(sqlite);
  let internal = s.internal.get(locationId);
  if (internal === undefined) {
    const row = s.statements.locationUsage.get(locationId) as { usage: string } | undefined;
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id: locationId });
    internal = row.usage === 'internal';
    s.internal.set(locationId, internal);
  }
  return internal;
}

function applyBalance(sqlite: Sqlite, s: Statements, lotId: number, locationId: number, productId: number, delta: number): void {
  if (!keepsBalances(sqlite, locationId)) return;
  // The usual leaving: the units are the whole balance. Deleting it directly writes each index once, where
  // the upsert below would first rewrite the row at zero and then delete it.
  if (delta < 0 && s.deleteWholeBalance.run(lotId, locationId, -delta).changes === 1) {
    if (isInternal(sqlite, locationId)) {
      const { n } = s.allocatedAt.get(lotId, locationId) as { n: number };
      if (n > 0) throw heldUnitsError(sqlite, lotId, locationId, { productId, allocated: n });
    }
    return;
  }
  const { qty } = s.addBalance.get(lotId, locationId, productId, delta, lotId) as { qty: number };
  // Held units may not leave, even the last ones (a balance emptied to zero is checked too).
  if (delta < 0 && isInternal(sqlite, locationId)) {
    if (qty < 0) throw new DomainError('INSUFFICIENT_STOCK', { lotId, locationId, productId, shortBy: -qty });
    const { n } = s.allocatedAt.get(lotId, locationId) as { n: number };
    if (qty < n) throw heldUnitsError(sqlite, lotId, locationId, { productId, allocated: n });
  }
  if (qty === 0) s.deleteZeroBalance.run(lotId, locationId);
}

/**
 * Every move's two balances, as applying them one move after the other would leave them and refuse them. When
 * each move takes a different lot, no move sees another's balances: each side is then one statement for all —
 * the arrivals, the moves taking their whole balance (a serialized unit always does), then one by one only
 * the moves leaving part of a balance or finding none — and the refusal is the first offending move's.
 */
function applyBalances(sqlite: Sqlite, s: Statements, moves: MoveInput[], oneMoveAtATime: boolean): void {
  const lots = new Set(moves.map((m) => m.lotId));
  if (oneMoveAtATime || moves.length < 2 || lots.size !== moves.length) {
    for (const m of moves) {
      applyBalance(sqlite, s, m.lotId, m.to, m.productId, m.qty);
      applyBalance(sqlite, s, m.lotId, m.from, m.productId, -m.qty);
    }
    return;
  }
  const row = (m: MoveInput) => [m.lotId, m.from, m.qty, m.to, m.productId];
  const arriving = moves.filter((m) => keepsBalances(sqlite, m.to));
  if (arriving.length > 0) s.addBalances.run(JSON.stringify(arriving.map(row)));
  const leaving = moves.filter((m) => keepsBalances(sqlite, m.from));
  const emptiedLots = new Set(leaving.length > 0 ? s.deleteWholeBalances.all(JSON.stringify(leaving.map(row))).map((r) => r.lotId) : []);
  const emptied = new Set(moves.flatMap((m, place) => (emptiedLots.has(m.lotId) || !keepsBalances(sqlite, m.from) ? [place] : [])));
  // Units held where they leave from: refused, unless an earlier move is refused first.
  const leftOurs = moves.flatMap((m, place) => (emptied.has(place) && isInternal(sqlite, m.from) ? [{ m, place }] : []));
  const held = leftOurs.length > 0 ? s.firstHeld.get(JSON.stringify(leftOurs.map((l) => row(l.m)))) : undefined;
  const heldPlace = held === undefined ? Infinity : leftOurs[held.place]!.place;
  const refuseHeld = () => heldUnitsError(sqlite, held!.lotId, held!.locationId, { productId: held!.productId, allocated: held!.n });
  moves.forEach((m, place) => {
    if (place > heldPlace) throw refuseHeld();
    if (!emptied.has(place)) applyBalance(sqlite, s, m.lotId, m.from, m.productId, -m.qty);
  });
  if (held !== undefined) throw refuseHeld();
}

/**
 * The refusal for units held by an allocation: a serialized unit is named with what holds it
 * (SERIAL_UNAVAILABLE), units of a lot are counted (INSUFFICIENT_STOCK).
 */
export function heldUnitsError(sqlite: Sqlite, lotId: number, locationId: number, extra: Record<string, unknown> = {}): DomainError {
  const hold = state(sqlite).statements.firstHold.get(lotId, locationId) as { kind: string; type: string; id: number; number: string | null; serial: string | null } | undefined;
  if (hold?.serial) {
    const document = { type: hold.type, id: hold.id, ...(hold.number ? { number: hold.number } : {}) };
    return new DomainError('SERIAL_UNAVAILABLE', { serial: hold.serial, heldBy: hold.kind, document, locationId, ...extra });
  }
  return new DomainError('INSUFFICIENT_STOCK', { lotId, locationId, ...extra });
}

/** The charges, then the opportunities, then the RMAs holding units of a product at a location (the first five), for a refusal to name. */
export function chargesHolding(sqlite: Sqlite, productId: number, locationId: number): string[] {
  return (state(sqlite).statements.holders.all(productId, locationId, productId, locationId, productId, locationId) as { number: string }[]).map((r) => r.number);
}

/** Sums deltas per key, to be written once per action. */
class Totals<K extends unknown[]> {
  private readonly sums = new Map<string, { key: K; qty: number; value: bigint }>();
  add(key: K, qty: number, value: bigint): void {
    const id = key.join(':');
    const t = this.sums.get(id);
    if (t) {
      t.qty += qty;
      t.value += value;
    } else this.sums.set(id, { key, qty, value });
  }
  entries() {
    return this.sums.values();
  }
}

/** The calendar month (UTC) of a moment, as stock_value_months keys it. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/**
 * Posts moves and their balances. Call inside the action's transaction. Returns the new move ids.
 * `oneMoveAtATime` applies the balances move by move whatever the lots: the reference the tests hold the
 * set-based way to (ledgerBulk.test.ts).
 */
export function postMoves(ctx: Ctx, moves: MoveInput[], options: { oneMoveAtATime?: boolean } = {}): number[] {
  // Units leave a location only through a user who may work there (location rights), whatever the document.
  requireSourceRights(ctx, moves);
  const s = state(ctx.sqlite).statements;
  const levels = new Totals<[number, number]>();
  const months = new Totals<[string, number]>();
  let lastAt = Number.NaN;
  let month = '';
  for (const m of moves) {
    if (!(m.qty > 0) || !Number.isInteger(m.qty)) throw new DomainError('VALIDATION', { field: 'qty', qty: m.qty });
    if (m.from === m.to) throw new DomainError('SAME_LOCATION');
  }
  const ids = insertMoves(ctx, s, moves);
  applyBalances(ctx.sqlite, s, moves, options.oneMoveAtATime === true);
  for (const m of moves) {
    const value = BigInt(m.qty) * BigInt(m.unitCost);
    levels.add([m.productId, m.to], m.qty, value);
    levels.add([m.productId, m.from], -m.qty, -value);
    if (m.occurredAt !== lastAt) {
      lastAt = m.occurredAt;
      month = monthOf(lastAt);
    }
    months.add([month, m.to], m.qty, value);
    months.add([month, m.from], -m.qty, -value);
  }
  writeTotals(ctx.sqlite, s, levels, months);
  // A serialized unit coming into our stock from outside (a vendor, a client, a count that found it) must
  // not be in stock already: two of one serial would be stock invented.
  for (const m of moves) {
    if (isInternal(ctx.sqlite, m.from) || !isInternal(ctx.sqlite, m.to)) continue;
    const unit = s.serialOnHand.get(m.lotId) as { serial: string; n: number } | undefined;
    if (unit && unit.n > 1) throw new DomainError('DUPLICATE_SERIAL', { serials: [unit.serial], within: 'stock', count: 1 });
  }
  return ids;
}

const moveColumns = [
  'lot_id', 'product_id', 'qty', 'from_location_id', 'to_location_id', 'unit_cost', 'source_type', 'source_id', 'source_line', 'company_id', 'reason', 'user_id', 'occurred_at', 'reverses_move_id', 'grouped_in',
] as const;

/**
 * Writes the moves in one statement (insertInOrder) and returns their ids. The first move of each (document
 * line, product, ends, moment) of a plain product is named by the others (grouped_in); serialized units stay apart.
 */
function insertMoves(ctx: Ctx, s: Statements, moves: MoveInput[]): number[] {
  const last = lastId(ctx, 'stock_moves');
  const heads = new Map<string, number | null>();
  const rows = moves.map((m, i) => {
    const key = `${m.sourceType}:${m.sourceId}:${m.sourceLine ?? ''}:${m.productId}:${m.from}:${m.to}:${m.occurredAt}:${m.reversesMoveId ? 'r' : ''}`;
    const head = heads.get(key);
    // A serialized product's moves stay one per unit (null: this key never groups); its lots all carry serials.
    if (head === undefined) heads.set(key, (s.lotHasSerial.get(m.lotId) as { serial: number }).serial ? null : last + 1 + i);
    return [m.lotId, m.productId, m.qty, m.from, m.to, m.unitCost, m.sourceType, m.sourceId, m.sourceLine ?? null, m.companyId ?? null, m.reason ?? null, m.userId, m.occurredAt, m.reversesMoveId ?? null, head ?? null];
  });
  return insertInOrder(ctx, 'stock_moves', moveColumns, rows, last);
}

/** Stock levels where balances are kept (they sum them); month totals at every location (they sum the moves). */
function writeTotals(sqlite: Sqlite, s: Statements, levels: Totals<[number, number]>, months: Totals<[string, number]>): void {
  for (const { key, qty, value } of levels.entries()) if ((qty !== 0 || value !== 0n) && keepsBalances(sqlite, key[1])) s.addLevel.run(key[0], key[1], qty, value);
  for (const { key, qty, value } of months.entries()) if (qty !== 0 || value !== 0n) s.addMonth.run(key[0], key[1], qty, value);
}

/** Units arriving as new lots: one lot per entry, moved in from a virtual location in one move. */
export interface ArrivingLot extends Omit<NewLot, 'sourceType' | 'sourceId' | 'receivedAt' | 'productId'> {
  qty: number;
  sourceLine: number;
}

/**
 * Creates lots and their first move (from → to) in one pass: the receiving path of a 10,000-serial
 * receipt. A new lot has no balances yet, so they are plain inserts rather than the upserts and checks
 * of postMoves; `from` must be a virtual location (nothing internal is taken from).
 */
export function postArrivals(
  ctx: Ctx,
  common: { productId: number; from: number; to: number; sourceType: string; sourceId: number; companyId?: number | null; reason?: string | null; userId: number | null; occurredAt: number },
  lots: ArrivingLot[],
): number[] {
  if (keepsBalances(ctx.sqlite, common.from)) throw new DomainError('VALIDATION', { field: 'from', reason: 'internal' });
  if (common.from === common.to) throw new DomainError('SAME_LOCATION');
  // Every new unit enters through here (stock added, a receipt, a count that finds more): a licence or a
  // service has no units, whichever screen or import tries.
  requireTracked(ctx, common.productId);
  const s = state(ctx.sqlite).statements;
  const { productId, from, to, sourceType, sourceId, userId, occurredAt } = common;
  const companyId = common.companyId ?? null;
  const reason = common.reason ?? null;
  let units = 0;
  let value = 0n;
  for (const lot of lots) {
    if (!(lot.qty > 0) || !Number.isInteger(lot.qty)) throw new DomainError('VALIDATION', { field: 'qty', qty: lot.qty });
    units += lot.qty;
    value += BigInt(lot.qty) * BigInt(lot.unitCost);
  }
  // The lots, their moves and balances, a statement each for all of them (insertInOrder).
  const ids = insertInOrder(
    ctx,
    'lots',
    lotColumns,
    lots.map((lot) => lotRow({ ...lot, productId, receivedAt: occurredAt, sourceType, sourceId })),
  );
  insertInOrder(
    ctx,
    'stock_moves',
    moveColumns.slice(0, 13),
    lots.map((lot, i) => [ids[i], productId, lot.qty, from, to, lot.unitCost, sourceType, sourceId, lot.sourceLine, companyId, reason, userId, occurredAt]),
  );
  // `from` is virtual and keeps no balance; `to` is one of ours, or Customer for a receipt straight to a client.
  const keepsTo = keepsBalances(ctx.sqlite, to);
  if (keepsTo) s.insertBalances.run(to, productId, occurredAt, JSON.stringify(lots.map((lot, i) => [ids[i], lot.qty])));
  // Every lot shares the product, the two locations and the moment: one total each.
  const month = monthOf(occurredAt);
  if (keepsTo) s.addLevel.run(productId, to, units, value);
  s.addMonth.run(month, to, units, value);
  s.addMonth.run(month, from, -units, -value);
  return ids;
}

/** Refuses a product not tracked in stock (NOT_TRACKED, naming its SKU). */
export function requireTracked(ctx: Ctx, productId: number): void {
  const product = prepared<[number], { sku: string; tracked: number }>(ctx, `SELECT sku, tracked_in_stock AS tracked FROM products WHERE id = ?`).get(productId);
  if (product && product.tracked !== 1) throw new DomainError('NOT_TRACKED', { productId, sku: product.sku });
}

const lotColumns = ['product_id', 'serial_number', 'serial_key', 'unit_cost', 'received_at', 'vendor_id', 'po_line_id', 'receipt_id', 'vendor_invoice_number', 'source_type', 'source_id'] as const;

function lotRow(lot: NewLot): unknown[] {
  return [
    lot.productId,
    lot.serialNumber,
    lot.serialNumber === null ? null : serialKey(lot.serialNumber),
    lot.unitCost,
    lot.receivedAt,
    lot.vendorId ?? null,
    lot.poLineId ?? null,
    lot.receiptId ?? null,
    lot.vendorInvoiceNumber ?? null,
    lot.sourceType,
    lot.sourceId,
  ];
}

/** Creates lots; serials must already be checked for uniqueness (the unique index is the last guard). */
export function createLots(ctx: Ctx, lots: NewLot[]): number[] {
  return insertInOrder(ctx, 'lots', lotColumns, lots.map(lotRow));
}
