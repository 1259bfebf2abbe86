// Transfers between internal locations. Direct: from → to in one step. Ship: from → In-transit, then
// receive: In-transit → to. Status changes only through the transfer's transition table below.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { transfers } from '@main/db/schema';
import { requireProduct } from '../catalog/products';
import { COUNT_CAP, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { countUpTo, Filters, pageOf, paging, sortOf, type Page, type SortColumns } from '../paging';
import { applyTransition, createDocument, defineWorkflow } from '../workflow/transitions';
import { requireManualChangeReason } from './adjustments';
import { ensureInventoryProduct } from './inventoryProducts';
import { postMoves, type MoveInput, type PostedMove } from './ledger';
import { chooseUnitsForLines } from './units';

export type TransferStatus = (typeof transfers.status.enumValues)[number];

interface TransferRow {
  id: number;
  number: string;
  status: TransferStatus;
  fromLocationId: number;
  toLocationId: number;
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
    prepared<[number], TransferRow>(ctx, `SELECT id, number, status, from_location_id AS fromLocationId, to_location_id AS toLocationId FROM transfers WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'transfer_events', key: 'transfer_id' },
  creations: {
    ship: { to: 'inTransit' },
    direct: { to: 'done' },
  },
  transitions: {
    receive: { from: ['inTransit'], to: 'done', sets: ({ now }) => ({ received_at: now }) },
    cancel: { from: ['inTransit'], to: 'canceled', repeatOf: ['canceled', 'reversed'], guard: (ctx, _row, input) => requireManualChangeReason(ctx, input.reason ?? null, 'reverse') },
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

export function receiveTransfer(ctx: Ctx, actor: Actor, id: number) {
  const transfer = applyTransition(ctx, transferWorkflow, id, 'receive', { userId: actor.userId }).row;
  requireStockLocation(ctx, transfer.toLocationId);
  const now = ctx.now();
  const shipped = documentMoves(ctx, 'transfer', id).filter((m) => m.to === VIRTUAL.transit && m.reversesMoveId === null);
  const products = new Set<number>();
  postMoves(
    ctx,
    shipped.map((m) => {
      products.add(m.productId);
      return { lotId: m.lotId, productId: m.productId, qty: m.qty, from: VIRTUAL.transit, to: transfer.toLocationId, unitCost: m.unitCost, sourceType: 'transfer', sourceId: id, sourceLine: m.sourceLine, userId: actor.userId, occurredAt: now };
    }),
  );
  for (const productId of products) ensureInventoryProduct(ctx, productId, transfer.toLocationId, actor.userId);
  return { documentType: 'transfer' as const, id, number: transfer.number };
}

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
      `SELECT t.id, t.number, t.status, t.from_location_id AS fromLocationId, f.name AS fromLocationName, t.to_location_id AS toLocationId, d.name AS toLocationName,
              (SELECT coalesce(sum(m.qty), 0) FROM stock_moves m INDEXED BY moves_source_idx WHERE m.source_type = 'transfer' AND m.source_id = t.id AND m.from_location_id = t.from_location_id AND m.reverses_move_id IS NULL) AS units,
              t.note, u.display_name AS userName, t.created_at AS createdAt, t.received_at AS receivedAt
       FROM transfers t JOIN locations f ON f.id = t.from_location_id JOIN locations d ON d.id = t.to_location_id JOIN users u ON u.id = t.user_id
       WHERE ${filters.all()} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...filters.params, page.limit, page.offset);
  return pageOf(rows, n);
}
