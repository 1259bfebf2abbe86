// Transfers between internal locations. Direct: from → to in one step. Ship: from → In-transit, then
// receive: In-transit → to, all at once or in parts (the units counted or serials scanned as they arrive,
// each checked against what is on its way). Status changes only through the transition table below.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { transfers } from '@main/db/schema';
import { requireProduct } from '../catalog/products';
import { COUNT_CAP, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { countUpTo, Filters, pageOf, paging, sortOf, type Page, type SortColumns } from '../paging';
import { applyTransition, createDocument, defineWorkflow, requireTransition } from '../workflow/transitions';
import { requireManualChangeReason } from './adjustments';
import { ensureInventoryProduct } from './inventoryProducts';
import { postMoves, type MoveInput, type PostedMove } from './ledger';
import { assertNoRepeatedSerials } from './serials';
import { chooseUnitsForLines } from './units';

export type TransferStatus = (typeof transfers.status.enumValues)[number];

interface TransferRow {
  id: number;
  number: string;
  status: TransferStatus;
  fromLocationId: number;
  toLocationId: number;
  /** Units shipped and not received yet (read again after a receipt's moves: it picks the next state). */
  inTransit: number;
}

/**
 * The one transition table of the transfer document. A shipment is undone while in transit by
 * cancelling it (its units go back to the source), once received by reversing it; both through
 * `stock.reverse`, so both need the reason manual stock changes need.
 */
export const transferWorkflow = defineWorkflow<TransferStatus, TransferRow>()({
  document: 'transfer',
  table: 'transfers',
  column: 'status',
  states: transfers.status.enumValues,
  read: (ctx, id) =>
    prepared<[number], TransferRow>(
      ctx,
      `SELECT t.id, t.number, t.status, t.from_location_id AS fromLocationId, t.to_location_id AS toLocationId,
              (SELECT coalesce(sum(CASE WHEN m.to_location_id = ${VIRTUAL.transit} THEN m.qty WHEN m.from_location_id = ${VIRTUAL.transit} THEN -m.qty ELSE 0 END), 0)
                 FROM stock_moves m WHERE m.source_type = 'transfer' AND m.source_id = t.id AND m.reverses_move_id IS NULL) AS inTransit
       FROM transfers t WHERE t.id = ?`,
    ).get(id),
  state: (row) => row.status,
  history: { table: 'transfer_events', key: 'transfer_id' },
  creations: {
    ship: { to: 'inTransit' },
    direct: { to: 'done' },
  },
  transitions: {
    receive: { from: ['inTransit', 'partlyReceived'], to: (row) => (row.inTransit === 0 ? 'done' : 'partlyReceived'), sets: ({ now }) => ({ received_at: now }) },
    cancel: { from: ['inTransit', 'partlyReceived'], to: 'canceled', repeatOf: ['canceled', 'reversed'], guard: (ctx, _row, input) => requireManualChangeReason(ctx, input.reason ?? null, 'reverse') },
    reverse: { from: ['done'], to: 'reversed', repeatOf: ['reversed', 'canceled'], guard: (ctx, _row, input) => requireManualChangeReason(ctx, input.reason ?? null, 'reverse') },
  },
});

export function transferStock(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.transfer'>) {
  if (input.fromLocationId === input.toLocationId) throw new DomainError('SAME_LOCATION');
  requireStockLocation(ctx, input.fromLocationId);
  requireStockLocation(ctx, input.toLocationId);
  const number = nextNumber(ctx, 'TRF');
  const now = ctx.now();
  const id = createDocument(
    ctx,
    transferWorkflow,
    input.mode === 'ship' ? 'ship' : 'direct',
    {
      number,
      from_location_id: input.fromLocationId,
      to_location_id: input.toLocationId,
      mode: input.mode,
      note: input.note,
      user_id: actor.userId,
      created_at: now,
      received_at: input.mode === 'direct' ? now : null,
    },
    { userId: actor.userId },
  );
  const destination = input.mode === 'ship' ? VIRTUAL.transit : input.toLocationId;
  const moves: MoveInput[] = [];
  const lines = input.lines.map((line) => ({ ...line, product: requireProduct(ctx, line.productId) }));
  // Every line chooses from what the lines before it left (two lines of one product never take the same units).
  const chosen = chooseUnitsForLines(ctx, input.fromLocationId, lines);
  lines.forEach(({ product }, index) => {
    for (const u of chosen[index]!) {
      moves.push({
        lotId: u.lotId,
        productId: product.id,
        qty: u.qty,
        from: input.fromLocationId,
        to: destination,
        unitCost: u.unitCost,
        sourceType: 'transfer',
        sourceId: id,
        sourceLine: index + 1,
        reason: input.note,
        userId: actor.userId,
        occurredAt: now,
      });
    }
    if (input.mode === 'direct') ensureInventoryProduct(ctx, product.id, input.toLocationId, actor.userId);
  });
  postMoves(ctx, moves);
  return { documentType: 'transfer' as const, id, number };
}

type MoveRow = PostedMove & { reversesMoveId: number | null };

export function documentMoves(ctx: Ctx, sourceType: string, sourceId: number): MoveRow[] {
  return ctx.sqlite
    .prepare<[string, number], MoveRow>(
      `SELECT id, lot_id AS lotId, product_id AS productId, qty, from_location_id AS "from", to_location_id AS "to", unit_cost AS unitCost, source_line AS sourceLine, reverses_move_id AS reversesMoveId
       FROM stock_moves WHERE source_type = ? AND source_id = ? ORDER BY id`,
    )
    .all(sourceType, sourceId);
}

/** A shipped transfer's units still on their way, per line and lot (oldest first). */
interface OnTheWay {
  line: number;
  lotId: number;
  productId: number;
  serialNumber: string | null;
  unitCost: number;
  qty: number;
}

function onTheWay(ctx: Ctx, id: number): OnTheWay[] {
  return prepared<[number], OnTheWay>(
    ctx,
    `SELECT m.source_line AS line, m.lot_id AS lotId, m.product_id AS productId, l.serial_number AS serialNumber, m.unit_cost AS unitCost,
            sum(CASE WHEN m.to_location_id = ${VIRTUAL.transit} THEN m.qty ELSE -m.qty END) AS qty
     FROM stock_moves m JOIN lots l ON l.id = m.lot_id
     WHERE m.source_type = 'transfer' AND m.source_id = ? AND m.reverses_move_id IS NULL AND (m.to_location_id = ${VIRTUAL.transit} OR m.from_location_id = ${VIRTUAL.transit})
     GROUP BY m.source_line, m.lot_id HAVING sum(CASE WHEN m.to_location_id = ${VIRTUAL.transit} THEN m.qty ELSE -m.qty END) > 0 ORDER BY m.source_line, min(m.id)`,
  ).all(id);
}

/**
 * Receives a shipment at its destination: every unit still on its way, or the lines given — a quantity of a
 * line (its oldest units first), or the serials scanned, each of which must be on its way on that line.
 */
export function receiveTransfer(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.receiveTransfer'>) {
  const transfer = requireTransition(ctx, transferWorkflow, input.id, 'receive', { userId: actor.userId });
  requireStockLocation(ctx, transfer.toLocationId);
  const waiting = onTheWay(ctx, transfer.id);
  const waitingByLine = new Map<number, OnTheWay[]>();
  for (const u of waiting) waitingByLine.set(u.line, [...(waitingByLine.get(u.line) ?? []), u]);
  const taking: { unit: OnTheWay; qty: number }[] = [];
  if (!input.lines) for (const unit of waiting) taking.push({ unit, qty: unit.qty });
  else {
    const seen = new Set<number>();
    input.lines.forEach((asked, index) => {
      const where = input.lines!.length > 1 ? { line: index } : {};
      const units = waitingByLine.get(asked.line) ?? [];
      if (units.length === 0) throw new DomainError('NOT_FOUND', { entity: 'transferLine', lineNo: asked.line, number: transfer.number, ...where });
      if (seen.has(asked.line)) throw new DomainError('VALIDATION', { reason: 'repeatedLine', lines: [input.lines!.findIndex((l) => l.line === asked.line), index] });
      seen.add(asked.line);
      if (asked.serials?.length) {
        assertNoRepeatedSerials(asked.serials);
        // The line's units by serial (each spelling; the exact one wins), looked up once: 20,000 scans stay quick.
        const byKey = new Map<string, OnTheWay>();
        const byExact = new Map<string, OnTheWay>();
        for (const u of units) {
          if (u.serialNumber === null) continue;
          byExact.set(u.serialNumber, u);
          if (!byKey.has(serialKey(u.serialNumber))) byKey.set(serialKey(u.serialNumber), u);
        }
        const missing: string[] = [];
        for (const serial of asked.serials) {
          const unit = byExact.get(serial) ?? byKey.get(serialKey(serial));
          if (unit) taking.push({ unit, qty: 1 });
          else missing.push(serial);
        }
        if (missing.length > 0) throw new DomainError('SERIAL_NOT_FOUND', { serials: missing.slice(0, 50), count: missing.length, transfer: transfer.number, ...where });
        if (asked.qty !== undefined && asked.qty !== asked.serials.length) throw new DomainError('SERIAL_COUNT_MISMATCH', { qty: asked.qty, serials: asked.serials.length, ...where });
        return;
      }
      if (units.some((u) => u.serialNumber !== null)) throw new DomainError('SERIAL_REQUIRED', { productId: units[0]!.productId, ...where });
      const outstanding = units.reduce((n, u) => n + u.qty, 0);
      let wanted = asked.qty ?? outstanding;
      if (wanted > outstanding) throw new DomainError('OVER_RECEIPT', { outstanding, requested: wanted, lineNo: asked.line, ...where });
      for (const unit of units) {
        if (wanted === 0) break;
        const n = Math.min(wanted, unit.qty);
        taking.push({ unit, qty: n });
        wanted -= n;
      }
    });
  }
  if (taking.length === 0) throw new DomainError('VALIDATION', { fields: [{ path: 'lines', code: 'nothingReceived' }] });
  const now = ctx.now();
  postMoves(
    ctx,
    taking.map(({ unit, qty }) => ({ lotId: unit.lotId, productId: unit.productId, qty, from: VIRTUAL.transit, to: transfer.toLocationId, unitCost: unit.unitCost, sourceType: 'transfer', sourceId: transfer.id, sourceLine: unit.line, userId: actor.userId, occurredAt: now })),
  );
  for (const productId of new Set(taking.map((t) => t.unit.productId))) ensureInventoryProduct(ctx, productId, transfer.toLocationId, actor.userId);
  const units = taking.reduce((n, t) => n + t.qty, 0);
  const serials = taking.flatMap((t) => (t.unit.serialNumber ? [t.unit.serialNumber] : []));
  applyTransition(ctx, transferWorkflow, transfer.id, 'receive', { userId: actor.userId, details: { units, ...(serials.length ? { serials: serials.slice(0, 50) } : {}) } });
  return { documentType: 'transfer' as const, id: transfer.id, number: transfer.number };
}

/** One transfer: its two ends, its lines (each lot's units and serials, what is still on its way) and its history. */
export function getTransfer(ctx: Ctx, id: number): ChannelOutput<'stock.getTransfer'> {
  const head = ctx.sqlite
    .prepare<[number], Omit<ChannelOutput<'stock.getTransfer'>, 'lines' | 'history'>>(
      `${transferColumns} WHERE t.id = ?`,
    )
    .get(id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'transfer', id });
  // What left on each line (the moves out of the source), and what of it is still on its way.
  const left = prepared<[number, number], { line: number; productId: number; sku: string; productName: string; serialNumber: string | null; lotId: number; qty: number; unitCost: number }>(
    ctx,
    `SELECT m.source_line AS line, m.product_id AS productId, p.sku, p.name AS productName, l.serial_number AS serialNumber, m.lot_id AS lotId, sum(m.qty) AS qty, m.unit_cost AS unitCost
     FROM stock_moves m JOIN products p ON p.id = m.product_id JOIN lots l ON l.id = m.lot_id
     WHERE m.source_type = 'transfer' AND m.source_id = ? AND m.from_location_id = ? AND m.reverses_move_id IS NULL
     GROUP BY m.source_line, m.lot_id ORDER BY m.source_line, min(m.id)`,
  ).all(id, head.fromLocationId);
  // A canceled or reversed shipment has nothing on its way, whatever its moves to In-transit once were.
  const open = head.status === 'inTransit' || head.status === 'partlyReceived';
  const waiting = new Map(open ? onTheWay(ctx, id).map((u) => [`${u.line}:${u.lotId}`, u.qty]) : []);
  const lines: ChannelOutput<'stock.getTransfer'>['lines'] = [];
  for (const m of left) {
    const onWay = head.mode === 'ship' ? (waiting.get(`${m.line}:${m.lotId}`) ?? 0) : 0;
    let line = lines.find((l) => l.line === m.line);
    if (!line) {
      line = { line: m.line, productId: m.productId, sku: m.sku, productName: m.productName, serialized: m.serialNumber !== null, qty: 0, inTransit: 0, value: '0', serials: [] };
      lines.push(line);
    }
    line.qty += m.qty;
    line.inTransit += onWay;
    line.value = String(BigInt(line.value!) + BigInt(m.qty) * BigInt(m.unitCost));
    if (m.serialNumber !== null && line.serials.length < 20_000) line.serials.push({ serial: m.serialNumber, inTransit: onWay > 0 });
  }
  const history = ctx.sqlite
    .prepare<[number], Omit<ChannelOutput<'stock.getTransfer'>['history'][number], 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.from_state AS fromState, e.to_state AS toState, e.details
       FROM transfer_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.transfer_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id)
    .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
  return { ...head, lines, history };
}

/** A transfer as lists and its page show it: its ends, its units (what left the source) and who sent it when. */
const transferColumns = `SELECT t.id, t.number, t.status, t.mode, t.from_location_id AS fromLocationId, f.name AS fromLocationName, t.to_location_id AS toLocationId, d.name AS toLocationName,
    (SELECT coalesce(sum(m.qty), 0) FROM stock_moves m INDEXED BY moves_source_idx WHERE m.source_type = 'transfer' AND m.source_id = t.id AND m.from_location_id = t.from_location_id AND m.reverses_move_id IS NULL) AS units,
    t.note, u.display_name AS userName, t.created_at AS createdAt, t.received_at AS receivedAt
  FROM transfers t JOIN locations f ON f.id = t.from_location_id JOIN locations d ON d.id = t.to_location_id JOIN users u ON u.id = t.user_id`;

/** What each sort walks: its column, then the id for ties (in the same direction). */
const transferSorts: SortColumns<'stock.listTransfers', readonly string[]> = { createdAt: ['t.created_at', 't.id'], number: ['t.id'] };

export function listTransfers(ctx: Ctx, input: ParsedInput<'stock.listTransfers'>): Page<ChannelOutput<'stock.listTransfers'>['rows'][number]> {
  const status = new Filters().equals('t.status', input.status);
  // A transfer never has the same location at both ends: moves out of and into a location are disjoint,
  // counted each through its own index.
  const n = input.locationId
    ? (['from', 'to'] as const).reduce((sum, end) => sum + countUpTo(ctx, `FROM transfers t WHERE t.${end}_location_id = ? AND ${status.all()}`, [input.locationId, ...status.params]), 0)
    : countUpTo(ctx, `FROM transfers t WHERE ${status.all()}`, status.params);
  const sort = sortOf(input, transferSorts, { by: 'createdAt', direction: 'desc' });
  // Up to COUNT_CAP matches the status and location indexes find them and they are sorted (a unary +
  // keeps SQLite off the date index); beyond it the date (or id) index is walked until a page is found,
  // testing the location on each row (+ keeps SQLite from collecting every match through its indexes).
  const few = n <= COUNT_CAP;
  const order = sort.column.map((column, i) => `${few && i === 0 ? '+' : ''}${column} ${sort.direction}`).join(', ');
  const filters = new Filters().add(status.all(), ...status.params);
  if (input.locationId) filters.add(few ? '(t.from_location_id = ? OR t.to_location_id = ?)' : '(+t.from_location_id = ? OR +t.to_location_id = ?)', input.locationId, input.locationId);
  const page = paging(input);
  const rows = ctx.sqlite
    .prepare<unknown[], ChannelOutput<'stock.listTransfers'>['rows'][number]>(
      `${transferColumns} WHERE ${filters.all()} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...filters.params, page.limit, page.offset);
  return pageOf(rows, n);
}
