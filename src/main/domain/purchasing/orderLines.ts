// Purchase order lines. Lines change only while the order is New (the order's table names the edits and
// their states), and only of products bought from the order's vendor; a change to what a New order buys is
// reviewed against its approval. Once sent, the vendor may fail to deliver units: reducing a line is an
// action of the order's status table, since the status follows the quantities.
import type { ParsedInput } from '@shared/contract';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { requireProduct, saveProductVendor } from '../catalog/products';
import { type Actor, type Ctx } from '../context';
import { requireStockLocation } from '../locations/locations';
import { applyTransition, requireEditable, requireTransition } from '../workflow/transitions';
import { reviewApprovalAfterChange } from './approval';
import { recordPoEvent } from './orderHistory';
import { assertOrderTotalInRange, getOrder, requireOrder } from './orderReads';
import { orderWorkflow } from './orderStatus';

/** A line as the contract parses it, on a new order or added to one. */
export type LineInput = ParsedInput<'purchasing.createOrder'>['lines'][number];

/** The product as bought from this vendor; VENDOR_NOT_LINKED when it is not. */
export function productVendor(ctx: Ctx, productId: number, vendorId: number): { vendorPartNumber: string | null; vendorCost: number } {
  const row = ctx.sqlite
    .prepare<[number, number], { vendorPartNumber: string | null; vendorCost: number }>(`SELECT vendor_part_number AS vendorPartNumber, vendor_cost AS vendorCost FROM product_vendors WHERE product_id = ? AND vendor_id = ?`)
    .get(productId, vendorId);
  if (!row) {
    const product = requireProduct(ctx, productId);
    throw new DomainError('VENDOR_NOT_LINKED', { productId, sku: product.sku, vendorId });
  }
  return row;
}

export function insertLine(ctx: Ctx, poId: number, vendorId: number, line: LineInput): number {
  const product = requireProduct(ctx, line.productId);
  requireStockLocation(ctx, line.locationId);
  const pv = productVendor(ctx, line.productId, vendorId);
  const { next } = ctx.sqlite.prepare<[number], { next: number }>(`SELECT coalesce(max(line_no), 0) + 1 AS next FROM purchase_order_lines WHERE po_id = ?`).get(poId)!;
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, vendor_part_number, qty_ordered, unit_cost, location_id, estimated_arrival)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(poId, next, line.productId, product.name, pv.vendorPartNumber, line.qty, line.unitCost ?? pv.vendorCost, line.locationId, line.estimatedArrival).lastInsertRowid,
  );
}

function requireLine(ctx: Ctx, id: number) {
  const row = ctx.sqlite
    .prepare(
      `SELECT l.id, l.po_id AS poId, l.product_id AS productId, l.line_no AS lineNo, l.qty_ordered AS qtyOrdered, l.qty_received AS qtyReceived, l.qty_canceled AS qtyCanceled,
              l.unit_cost AS unitCost, l.location_id AS locationId, l.estimated_arrival AS estimatedArrival, p.sku
       FROM purchase_order_lines l JOIN products p ON p.id = l.product_id WHERE l.id = ?`,
    )
    .get(id) as
    | { id: number; poId: number; productId: number; lineNo: number; qtyOrdered: number; qtyReceived: number; qtyCanceled: number; unitCost: number; locationId: number; estimatedArrival: string | null; sku: string }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrderLine', id });
  return row;
}

export function addLine(
  ctx: Ctx,
  actor: Actor,
  input: ParsedInput<'purchasing.addLine'>,
): PurchaseOrder {
  const order = requireOrder(ctx, input.orderId);
  requireEditable(orderWorkflow, order, 'addLine');
  if (input.addVendor) {
    const linked = ctx.sqlite.prepare(`SELECT 1 FROM product_vendors WHERE product_id = ? AND vendor_id = ?`).get(input.productId, order.vendorId);
    if (!linked) saveProductVendor(ctx, { productId: input.productId, vendorId: order.vendorId, vendorPartNumber: input.addVendor.vendorPartNumber, vendorCost: input.addVendor.vendorCost, isDefault: false });
  }
  const lineId = insertLine(ctx, order.id, order.vendorId, input);
  assertOrderTotalInRange(ctx, order.id);
  const line = requireLine(ctx, lineId);
  const approvalReset = reviewApprovalAfterChange(ctx, order.id);
  recordPoEvent(ctx, order.id, actor.userId, 'lineAdded', { lineNo: line.lineNo, sku: line.sku, qty: line.qtyOrdered, ...(approvalReset ? { approvalReset: true } : {}) });
  return getOrder(ctx, actor, order.id);
}

export function updateLine(ctx: Ctx, actor: Actor, input: ParsedInput<'purchasing.updateLine'>): PurchaseOrder {
  const line = requireLine(ctx, input.id);
  const order = requireOrder(ctx, line.poId);
  requireEditable(orderWorkflow, order, 'editLine');
  requireStockLocation(ctx, input.locationId);
  const unitCost = input.unitCost ?? line.unitCost;
  ctx.sqlite
    .prepare(`UPDATE purchase_order_lines SET qty_ordered = ?, unit_cost = ?, location_id = ?, estimated_arrival = ? WHERE id = ?`)
    .run(input.qty, unitCost, input.locationId, input.estimatedArrival, line.id);
  assertOrderTotalInRange(ctx, order.id);
  const changes = (
    [
      ['qty', line.qtyOrdered, input.qty],
      ['unitCost', line.unitCost, unitCost],
      ['locationId', line.locationId, input.locationId],
      ['estimatedArrival', line.estimatedArrival, input.estimatedArrival],
    ] as const
  )
    .filter(([, before, after]) => before !== after)
    .map(([field, before, after]) => ({ field, before, after }));
  if (changes.length > 0) {
    const approvalReset = reviewApprovalAfterChange(ctx, order.id);
    recordPoEvent(ctx, order.id, actor.userId, 'lineUpdated', { lineNo: line.lineNo, sku: line.sku, changes, ...(approvalReset ? { approvalReset: true } : {}) });
  }
  return getOrder(ctx, actor, order.id);
}

export function removeLine(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  const line = requireLine(ctx, id);
  const order = requireOrder(ctx, line.poId);
  requireEditable(orderWorkflow, order, 'removeLine');
  ctx.sqlite.prepare(`DELETE FROM purchase_order_lines WHERE id = ?`).run(line.id);
  const approvalReset = reviewApprovalAfterChange(ctx, order.id);
  recordPoEvent(ctx, order.id, actor.userId, 'lineRemoved', { lineNo: line.lineNo, sku: line.sku, qty: line.qtyOrdered, ...(approvalReset ? { approvalReset: true } : {}) });
  return getOrder(ctx, actor, order.id);
}

/**
 * The vendor cannot deliver `qty` of the outstanding units: they are cancelled from the line, and the
 * order's status follows (an action of its status table).
 */
export function reduceLine(ctx: Ctx, actor: Actor, input: { id: number; qty: number; reason: string | null }): PurchaseOrder {
  const line = requireLine(ctx, input.id);
  const order = requireTransition(ctx, orderWorkflow, line.poId, 'reduceLine', { userId: actor.userId });
  const outstanding = line.qtyOrdered - line.qtyCanceled - line.qtyReceived;
  if (input.qty > outstanding) throw new DomainError('OVER_RECEIPT', { outstanding, requested: input.qty, sku: line.sku, number: order.number });
  ctx.sqlite.prepare(`UPDATE purchase_order_lines SET qty_canceled = qty_canceled + ? WHERE id = ?`).run(input.qty, line.id);
  applyTransition(ctx, orderWorkflow, order.id, 'reduceLine', {
    userId: actor.userId,
    details: ({ to }) => ({ lineNo: line.lineNo, sku: line.sku, qty: input.qty, reason: input.reason, status: to }),
  });
  return getOrder(ctx, actor, order.id);
}
