// Reversal: a posted document is undone by new moves that name the moves they reverse; nothing is
// deleted. Refused when the units have since moved on (or are held by an allocation) — the ledger's
// negative-stock guard detects that, and the whole action rolls back.
import { DomainError } from '@shared/errors';
import { type Actor, type Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { applyTransition, type TransitionInput } from '../workflow/transitions';
import { adjustmentWorkflow } from './adjustments';
import { stocktakeWorkflow } from './counts';
import { ensureInventoryProduct } from './inventoryProducts';
import { isInternal, postMoves, reversingMove } from './ledger';
import { documentMoves, transferWorkflow } from './transfers';

type DocumentType = 'adjustment' | 'transfer' | 'stocktake';

/** Each document's own transition does the state change (and its reason check and history row). */
function undo(ctx: Ctx, documentType: DocumentType, id: number, input: TransitionInput & { details: Record<string, unknown> }): string {
  switch (documentType) {
    case 'adjustment':
      return applyTransition(ctx, adjustmentWorkflow, id, 'reverse', input).row.number;
    case 'stocktake':
      return applyTransition(ctx, stocktakeWorkflow, id, 'reverse', input).row.number;
    case 'transfer': {
      // A shipment not fully received is cancelled rather than reversed: all its units go back to the source.
      const status = transferWorkflow.read(ctx, id)?.status;
      const inTransit = status === 'inTransit' || status === 'partlyReceived';
      return applyTransition(ctx, transferWorkflow, id, inTransit ? 'cancel' : 'reverse', input).row.number;
    }
  }
}

export function reverseDocument(ctx: Ctx, actor: Actor, input: { documentType: DocumentType; id: number; reason: string | null }) {
  const number = undo(ctx, input.documentType, input.id, { userId: actor.userId, reason: input.reason, details: { reason: input.reason } });
  const originals = documentMoves(ctx, input.documentType, input.id).filter((m) => m.reversesMoveId === null);
  const now = ctx.now();
  try {
    postMoves(
      ctx,
      originals.reverse().map((m) => reversingMove(m, { sourceType: input.documentType, sourceId: input.id, reason: input.reason, userId: actor.userId, occurredAt: now })),
    );
  } catch (error) {
    // Units that moved on, or are held for a quote or a charge (SERIAL_UNAVAILABLE names which).
    // A serialized unit the undo would bring in while it is on hand already (a count found it meanwhile).
    if (error instanceof DomainError && (error.code === 'INSUFFICIENT_STOCK' || error.code === 'SERIAL_UNAVAILABLE' || error.code === 'DUPLICATE_SERIAL')) throw new DomainError('REVERSAL_BLOCKED', { number, ...error.details });
    throw error;
  }
  for (const m of originals) if (m.from !== VIRTUAL.transit && isInternal(ctx.sqlite, m.from)) ensureInventoryProduct(ctx, m.productId, m.from, actor.userId);
  return { documentType: input.documentType, id: input.id, number };
}
