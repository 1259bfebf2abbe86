// Reversal: a posted document is undone by new moves that name the moves they reverse; nothing is
// deleted. Refused when the units have since moved on (or are held by an allocation) — the ledger's
// negative-stock guard detects that, and the whole action rolls back.
import { DomainError } from '../../../shared/errors';
import { inTransaction, type Actor, type Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { requireManualChangeReason } from './adjustments';
import { ensureInventoryProduct } from './inventoryProducts';
import { isInternal, postMoves } from './ledger';
import { documentMoves, transitionTransfer } from './transfers';

type DocumentType = 'adjustment' | 'transfer' | 'stocktake';

function transitionSimple(ctx: Ctx, table: 'adjustments' | 'stocktakes', id: number): string {
  const row = ctx.sqlite.prepare(`SELECT number, status FROM ${table} WHERE id = ?`).get(id) as { number: string; status: string } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: table, id });
  if (row.status === 'reversed') throw new DomainError('ALREADY_REVERSED', { number: row.number });
  if (row.status !== 'posted') throw new DomainError('INVALID_TRANSITION', { number: row.number, status: row.status, action: 'reverse' });
  ctx.sqlite.prepare(`UPDATE ${table} SET status = 'reversed' WHERE id = ?`).run(id);
  return row.number;
}

export function reverseDocument(ctx: Ctx, actor: Actor, input: { documentType: DocumentType; id: number; reason: string | null }) {
  return inTransaction(ctx, () => {
    let number: string;
    if (input.documentType === 'transfer') {
      const status = ctx.sqlite.prepare(`SELECT status FROM transfers WHERE id = ?`).get(input.id) as { status: string } | undefined;
      if (status?.status === 'reversed' || status?.status === 'canceled') throw new DomainError('ALREADY_REVERSED', { id: input.id });
      // A shipment still in transit is cancelled rather than reversed: its units go back to the source.
      number = transitionTransfer(ctx, input.id, status?.status === 'inTransit' ? 'cancel' : 'reverse').number;
    } else {
      number = transitionSimple(ctx, input.documentType === 'adjustment' ? 'adjustments' : 'stocktakes', input.id);
    }
    requireManualChangeReason(ctx, input.reason, 'reverse');
    const originals = documentMoves(ctx, input.documentType, input.id).filter((m) => m.reversesMoveId === null);
    const now = ctx.now();
    try {
      postMoves(
        ctx,
        originals.reverse().map((m) => ({
          lotId: m.lotId,
          productId: m.productId,
          qty: m.qty,
          from: m.to,
          to: m.from,
          unitCost: m.unitCost,
          sourceType: input.documentType,
          sourceId: input.id,
          sourceLine: m.sourceLine,
          reason: input.reason,
          userId: actor.userId,
          occurredAt: now,
          reversesMoveId: m.id,
        })),
      );
    } catch (error) {
      // Units that moved on, or are held for a quote or a charge (SERIAL_UNAVAILABLE names which).
      if (error instanceof DomainError && (error.code === 'INSUFFICIENT_STOCK' || error.code === 'SERIAL_UNAVAILABLE')) throw new DomainError('REVERSAL_BLOCKED', { number, ...error.details });
      throw error;
    }
    for (const m of originals) if (m.from !== VIRTUAL.transit && isInternal(ctx.sqlite, m.from)) ensureInventoryProduct(ctx, m.productId, m.from, actor.userId);
    return { documentType: input.documentType, id: input.id, number };
  });
}
