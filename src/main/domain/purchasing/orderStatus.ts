// The purchase order's status table and the user actions on it. new → submitted (once the approval gate
// lets the order leave) → receivedPartial → receivedFull; canceled from new or submitted with nothing
// received. After submission the status follows the quantities: receipts, cancelled receipts and reduced
// lines are actions of the table that recompute it. A line is receivable exactly while its order is
// submitted or partly received and it has units outstanding; every transition keeps that in step. The
// approval state has its own small table (approval.ts): it moves only while the order is New.
import { notify } from '../notifications/notify';
import { orderPeople } from '../notifications/recipients';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { purchaseOrders } from '@main/db/schema';
import { type Actor, type Ctx } from '../context';
import { applyTransition, defineWorkflow } from '../workflow/transitions';
import { coverDetails, requireApprovalCleared } from './approval';
import { settleChargesOfOrder } from './forCharges';
import { poHistory } from './orderHistory';
import { getOrder, readOrder, requireLines, type OrderRow } from './orderReads';

export type OrderStatus = (typeof purchaseOrders.status.enumValues)[number];

/**
 * The status a sent order's quantities give it: something still to come → submitted, or receivedPartial
 * once anything arrived; nothing to come → receivedFull, or canceled when every unit was reduced away.
 */
export function statusByQuantities(row: Pick<OrderRow, 'received' | 'outstanding'>): OrderStatus {
  if (row.outstanding > 0) return row.received > 0 ? 'receivedPartial' : 'submitted';
  return row.received > 0 ? 'receivedFull' : 'canceled';
}

/** The Receiving page lists lines through the `receivable` flag (and the on-order figures follow it). */
function syncReceivable(ctx: Ctx, row: OrderRow, to: OrderStatus): void {
  const open = Number(to === 'submitted' || to === 'receivedPartial');
  ctx.sqlite
    .prepare(
      `UPDATE purchase_order_lines SET receivable = (? AND qty_ordered - qty_canceled - qty_received > 0)
       WHERE po_id = ? AND receivable <> (? AND qty_ordered - qty_canceled - qty_received > 0)`,
    )
    .run(open, row.id, open);
}

export const orderWorkflow = defineWorkflow<OrderStatus, OrderRow>()({
  document: 'purchaseOrder',
  table: 'purchase_orders',
  column: 'status',
  states: purchaseOrders.status.enumValues,
  read: readOrder,
  state: (row) => row.status,
  history: poHistory,
  touch: 'updated_at',
  afterTransition: (ctx, row, to, { action, userId }) => {
    syncReceivable(ctx, row, to);
    // The charges it buys for follow their units on order (a receipt has picked or delivered for them
    // already, line by line; one that went to another client only takes units off order).
    settleChargesOfOrder(ctx, row, action, userId);
    // Sent to the vendor: the purchasing team, and the technicians whose charges it buys for.
    if (action === 'submit') {
      notify(ctx, { event: 'poSubmitted', people: orderPeople(ctx, row.id), document: { type: 'purchaseOrder', id: row.id, number: row.number }, byUserId: userId });
    }
  },
  creations: { create: { to: 'new', history: 'created' } },
  transitions: {
    submit: {
      from: ['new'],
      to: 'submitted',
      // The submission records what it covers, so a later change of the threshold does not recall it.
      guard: (ctx, row) => {
        requireLines(ctx, row);
        return coverDetails(row, requireApprovalCleared(ctx, row, 'submit').total);
      },
      sets: ({ userId, now }) => ({ submitted_by: userId, submitted_at: now }),
      history: 'submitted',
    },
    cancel: {
      from: ['new', 'submitted'],
      to: 'canceled',
      // A submitted order with anything received is receivedPartial or receivedFull; stated, not assumed.
      guard: (_ctx, row) => (row.received > 0 ? false : undefined),
      sets: ({ userId, now, reason }) => ({ canceled_by: userId, canceled_at: now, cancel_reason: reason ?? null }),
      history: 'canceled',
    },
    /** The vendor cannot deliver some outstanding units (orderLines.reduceLine). */
    reduceLine: { from: ['submitted', 'receivedPartial'], to: statusByQuantities, history: 'lineReduced' },
    /** A receipt took units of the order's lines (receiving.receive). */
    receive: { from: ['submitted', 'receivedPartial'], to: statusByQuantities, system: true, history: 'received' },
    /** A receipt with units of the order's lines was cancelled (receiving.cancelReceipt). */
    cancelReceipt: { from: ['receivedPartial', 'receivedFull'], to: statusByQuantities, system: true, history: 'receiptCanceled' },
  },
  edits: {
    addLine: ['new'],
    editLine: ['new'],
    removeLine: ['new'],
    edit: ['new', 'submitted', 'receivedPartial'],
    // Until anything is received: exactly while New or Submitted (the status follows the quantities).
    changeVendor: ['new', 'submitted'],
    email: ['new', 'submitted', 'receivedPartial', 'receivedFull'],
  },
});

export function submitOrder(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  applyTransition(ctx, orderWorkflow, id, 'submit', { userId: actor.userId });
  return getOrder(ctx, actor, id);
}

export function cancelOrder(ctx: Ctx, actor: Actor, input: { id: number; reason: string | null }): PurchaseOrder {
  applyTransition(ctx, orderWorkflow, input.id, 'cancel', { userId: actor.userId, reason: input.reason, details: { reason: input.reason } });
  return getOrder(ctx, actor, input.id);
}
