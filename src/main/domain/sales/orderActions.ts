// A sales order's two actions: made by winning its opportunity, canceled by hand.
// The won-opportunity wizard, in one transaction: the contract, project or ticket chosen (or made now),
// a charge per quote item at the quoted price, the units reserved for an item picked for its charge
// (the same units: the allocation changes hands, nothing moves), a sales order over those charges, and
// the opportunity won. An opportunity already won or lost is refused before anything is written.
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { nextNumber, prepared, type Actor, type Ctx } from '../context';
import { applyTransition, createDocument, requireTransition } from '../workflow/transitions';
import { createCharge, recordChargeEvent, settleCharge } from './charges';
import { createContainer, requireContainer } from './containers';
import { opportunityWorkflow } from './opportunities';
import { cancelCharge, locationName, recordHoldEvents } from './picks';
import { isActive } from '../settings/activations';
import { addHeld } from '../stock/inventoryProducts';
import { getSalesOrder, salesOrderWorkflow, settleSalesOrder } from './salesOrders';

interface ItemRow {
  id: number;
  lineNo: number;
  productId: number;
  description: string;
  quantity: number;
  unitPrice: number;
}

interface HeldRow {
  allocationId: number;
  lotId: number;
  locationId: number;
  productId: number;
  qty: number;
  serialNumber: string | null;
}

export function winOpportunity(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.winOpportunity'>) {
  const opportunity = requireTransition(ctx, opportunityWorkflow, input.id, 'win', { userId: actor.userId });
  const items = prepared<[number], ItemRow>(
    ctx,
    `SELECT id, line_no AS lineNo, product_id AS productId, description, quantity, unit_price AS unitPrice FROM quote_items WHERE opportunity_id = ? ORDER BY line_no`,
  ).all(opportunity.id);
  if (items.length === 0) throw new DomainError('VALIDATION', { fields: [{ path: 'items', code: 'empty' }] });

  const target = input.target;
  let containerId: number;
  if ('containerId' in target) {
    const container = requireContainer(ctx, target.containerId);
    if (container.companyId !== opportunity.companyId) throw new DomainError('COMPANY_MISMATCH', { number: container.number });
    containerId = container.id;
  } else {
    containerId = createContainer(ctx, actor, {
      kind: target.kind,
      title: target.title,
      description: null,
      companyId: opportunity.companyId,
      ownerUserId: target.ownerUserId,
      contractId: target.contractId,
    }).id;
  }

  // Without Procurement there are no sales orders: the wizard makes the charges only (delivered from the charge).
  const withOrder = isActive(ctx, 'procurement');
  const order = withOrder ? openSalesOrder(ctx, actor, opportunity, containerId, items.length) : null;
  const heldBy = prepared<[number], HeldRow>(
    ctx,
    `SELECT a.id AS allocationId, a.lot_id AS lotId, a.location_id AS locationId, a.product_id AS productId, a.qty, l.serial_number AS serialNumber
     FROM allocations a JOIN lots l ON l.id = a.lot_id WHERE a.source_type = 'quoteItem' AND a.source_id = ? AND a.kind = 'reserved' ORDER BY a.id`,
  );
  const handOver = prepared(ctx, `UPDATE allocations SET kind = 'picked', source_type = 'charge', source_id = ? WHERE id = ?`);
  const link = prepared(ctx, `UPDATE charges SET sales_order_id = ?, quote_item_id = ?, picked = picked + ? WHERE id = ?`);
  for (const item of items) {
    const charge = createCharge(ctx, actor, { containerId, productId: item.productId, quantity: item.quantity, unitPrice: item.unitPrice, description: item.description, billable: true, onHold: false, holdNote: null });
    const held = heldBy.all(item.id);
    for (const h of held) handOver.run(charge.id, h.allocationId);
    addHeld(ctx, 'reserved', held, -1);
    addHeld(ctx, 'picked', held);
    const picked = held.reduce((n, h) => n + h.qty, 0);
    link.run(order?.id ?? null, item.id, picked, charge.id);
    prepared(ctx, `UPDATE quote_items SET reserved = 0 WHERE id = ?`).run(item.id);
    if (picked > 0) {
      recordHoldEvents(ctx, 'stock.released', { type: 'opportunity', id: opportunity.id }, actor.userId, held);
      recordHoldEvents(ctx, 'stock.picked', { type: 'charge', id: charge.id }, actor.userId, held);
      const serials = held.flatMap((h) => (h.serialNumber ? [h.serialNumber] : []));
      const where = [...new Set(held.map((h) => h.locationId))].map((id) => locationName(ctx, id)).join(', ');
      recordChargeEvent(
        ctx,
        charge.id,
        actor.userId,
        'picked',
        { qty: picked, locationName: where, fromOpportunity: opportunity.number, ...(serials.length ? { serials: serials.slice(0, 50) } : {}) },
        settleCharge(ctx, charge.id, actor.userId),
      );
    }
  }
  if (order) {
    settleSalesOrder(ctx, order.id, actor.userId);
    applyTransition(ctx, opportunityWorkflow, opportunity.id, 'win', { userId: actor.userId, details: { salesOrderId: order.id, salesOrderNumber: order.number, containerId } });
    return { documentType: 'salesOrder' as const, id: order.id, number: order.number, containerId };
  }
  const container = requireContainer(ctx, containerId);
  applyTransition(ctx, opportunityWorkflow, opportunity.id, 'win', { userId: actor.userId, details: { containerId, containerNumber: container.number } });
  return { documentType: 'container' as const, id: containerId, number: container.number, containerId };
}

/** The sales order of a won opportunity (SO-n), Open; its charges are linked to it as they are made. */
function openSalesOrder(ctx: Ctx, actor: Actor, opportunity: { id: number; number: string; companyId: number }, containerId: number, itemCount: number): { id: number; number: string } {
  const now = ctx.now();
  const number = nextNumber(ctx, 'SO');
  const owner = prepared<[number], { ownerUserId: number | null }>(ctx, `SELECT owner_user_id AS ownerUserId FROM opportunities WHERE id = ?`).get(opportunity.id)!;
  const id = createDocument(
    ctx,
    salesOrderWorkflow,
    'open',
    {
      number,
      opportunity_id: opportunity.id,
      container_id: containerId,
      company_id: opportunity.companyId,
      owner_user_id: owner.ownerUserId,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId, details: { opportunityNumber: opportunity.number, items: itemCount } },
  );

  return { id, number };
}

/**
 * Cancels a sales order with nothing delivered: its undelivered charges are canceled (their picks
 * released), then the order. Linked purchase-order lines stay as orders for stock.
 */
export function cancelSalesOrder(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.cancelSalesOrder'>) {
  requireTransition(ctx, salesOrderWorkflow, input.id, 'cancel', { userId: actor.userId, reason: input.reason });
  const charges = prepared<[number], { id: number }>(ctx, `SELECT id FROM charges WHERE sales_order_id = ? AND status <> 'canceled' ORDER BY id`).all(input.id);
  for (const charge of charges) cancelCharge(ctx, actor, { id: charge.id, reason: input.reason ?? null });
  applyTransition(ctx, salesOrderWorkflow, input.id, 'cancel', { userId: actor.userId, reason: input.reason });
  return getSalesOrder(ctx, input.id);
}
