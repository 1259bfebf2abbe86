// Buying for charges (Purchasing & Fulfillment). A purchase order line may name the charge it buys for:
// submitting the order puts the charge On Order (when the rest of its quantity is on sent orders),
// receiving the line picks the received units for the charge (any over-receipt stays as stock) or, received
// straight to the client, delivers them with their devices; reducing the line or cancelling the order
// returns the unfilled quantity to Need to Order/Fulfill. The charge's status follows all of it through its
// own table (charges.ts reads the units on order); this module writes the links and the charges' history.
import { notify } from '../notifications/notify';
import { chargePeople } from '../notifications/recipients';
import { procurementOnSql } from '../settings/activations';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { FulfillmentRow, PurchaseOrder } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { requireVendor } from '../catalog/companies';
import { likePattern, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { chargeWorkflow, recordChargeEvent, requireCharge, settleCharge, type ChargeRow } from '../sales/charges';
import { deliverReceived } from '../sales/deliveries';
import { hold, locationName, recordHoldEvents, releaseHeld, summary, type PickedUnits } from '../sales/picks';
import { createDocument, requireEditable } from '../workflow/transitions';
import { reviewApprovalAfterChange } from './approval';
import { recordPoEvent } from './orderHistory';
import { assertOrderTotalInRange, getOrder, requireOrder } from './orderReads';
import { orderWorkflow } from './orderStatus';
import { chargeBackOrderOverdueSql, overdueParams } from './overdue';
import { nextPoNumber } from '../settings/settings';

/** Outstanding units of a charge's lines on orders that are not canceled (drafts included). */
const onPurchaseOrdersSql = `(SELECT coalesce(sum(l.qty_ordered - l.qty_canceled - l.qty_received), 0) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
  WHERE l.charge_id = ch.id AND po.status IN ('new', 'submitted', 'receivedPartial'))`;

// The page ----------------------------------------------------------------------------------------

const fulfillmentSql = `SELECT ch.id AS chargeId, ch.number AS chargeNumber, ch.status, ch.company_id AS companyId, co.name AS companyName, ch.container_id AS containerId,
       c.number AS containerNumber, c.title AS containerTitle, ch.sales_order_id AS salesOrderId, so.number AS salesOrderNumber, ch.product_id AS productId, p.sku,
       p.name AS productName, p.serialized, ch.quantity, ch.picked, ch.delivered, ${onPurchaseOrdersSql} AS onPurchaseOrders,
       coalesce((SELECT sum(ip.available) FROM inventory_products ip JOIN locations loc ON loc.id = ip.location_id WHERE ip.product_id = ch.product_id AND ip.available > 0 AND loc.active = 1), 0) AS available,
       dv.vendor_id AS vendorId, v.name AS vendorName, dv.vendor_cost AS vendorCost, ch.created_at AS createdAt, ${chargeBackOrderOverdueSql} AS backOrderOverdue
  FROM charges ch JOIN companies co ON co.id = ch.company_id JOIN containers c ON c.id = ch.container_id JOIN products p ON p.id = ch.product_id
  LEFT JOIN sales_orders so ON so.id = ch.sales_order_id
  LEFT JOIN product_vendors dv ON dv.product_id = ch.product_id AND dv.is_default = 1 LEFT JOIN companies v ON v.id = dv.vendor_id`;

type RawRow = Omit<FulfillmentRow, 'serialized' | 'toOrder' | 'availableAt' | 'orders' | 'backOrderOverdue'> & { serialized: number; backOrderOverdue: number };

const sorts: SortColumns<'purchasing.listFulfillment'> = { chargeNumber: 'ch.id' };

export function listFulfillment(ctx: Ctx, input: ParsedInput<'purchasing.listFulfillment'>): ChannelOutput<'purchasing.listFulfillment'> {
  // Through charges_status_idx (status, id): the first page of 20,000 open charges reads 50 of them.
  const f = new Filters().add('ch.status = ?', input.status).add(`ch.kind = 'product'`).equals('ch.company_id', input.companyId).equals('ch.product_id', input.productId);
  if (input.vendorId !== undefined) f.add('EXISTS (SELECT 1 FROM product_vendors pv WHERE pv.product_id = ch.product_id AND pv.vendor_id = ?)', input.vendorId);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(ch.number LIKE ? ESCAPE '\\' OR ch.description LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\' OR c.number LIKE ? ESCAPE '\\')`, like, like, like, like, like, like);
  }
  const where = f.where();
  return listPage(input, {
    sorts,
    defaultSort: { by: 'chargeNumber' },
    rows: (q) => {
      const rows = ctx.sqlite.prepare<unknown[], RawRow>(`${fulfillmentSql} ${where} ORDER BY ${q.orderBy('ch.id')} LIMIT ? OFFSET ?`).all(overdueParams(ctx), ...f.params, q.limit, q.offset);
      const availableAt = prepared<[number], FulfillmentRow['availableAt'][number]>(
        ctx,
        `SELECT ip.location_id AS locationId, loc.name AS locationName, ip.available FROM inventory_products ip JOIN locations loc ON loc.id = ip.location_id
         WHERE ip.product_id = ? AND ip.available > 0 AND loc.active = 1 ORDER BY ip.available DESC, loc.name LIMIT 3`,
      );
      const orders = prepared<[number], FulfillmentRow['orders'][number]>(
        ctx,
        `SELECT DISTINCT po.id, po.number, po.status FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.charge_id = ? AND po.status <> 'canceled' ORDER BY po.id LIMIT 5`,
      );
      return rows.map((r) => ({
        ...r,
        serialized: r.serialized === 1,
        backOrderOverdue: r.backOrderOverdue === 1,
        toOrder: Math.max(r.quantity - r.delivered - r.picked - r.onPurchaseOrders, 0),
        availableAt: r.available > 0 ? availableAt.all(r.productId) : [],
        orders: orders.all(r.chargeId),
      }));
    },
    count: () => countUpTo(ctx, `FROM charges ch JOIN companies co ON co.id = ch.company_id JOIN containers c ON c.id = ch.container_id JOIN products p ON p.id = ch.product_id ${where}`, f.params),
  });
}

// The queues' badges ---------------------------------------------------------------------------------

/**
 * The four queues' counts in one statement, each through its own index: orders and charges waiting for
 * approval (purchase_orders_approval_idx, charges_status_idx), charges in Need to Order/Fulfill (charges_status_idx), lines to receive
 * (po_lines_receivable_idx) and charges on Delivery & Shipping (its two partial indexes).
 */
export function queueCounts(ctx: Ctx): ChannelOutput<'purchasing.queueCounts'> {
  return prepared<[], ChannelOutput<'purchasing.queueCounts'>>(
    ctx,
    // Without Procurement its two queues are gone: nothing waits in them.
    `SELECT CASE WHEN ${procurementOnSql} THEN (SELECT count(*) FROM purchase_orders WHERE approval_status = 'requested') + (SELECT count(*) FROM charges WHERE status = 'waitingApproval') ELSE 0 END AS approvals,
            CASE WHEN ${procurementOnSql} THEN (SELECT count(*) FROM charges WHERE status = 'needToOrder') ELSE 0 END AS fulfillment,
            (SELECT count(*) FROM purchase_order_lines WHERE receivable = 1) AS receiving,
            (SELECT count(*) FROM charges WHERE picked > 0) + (SELECT count(*) FROM charges WHERE status = 'ready' AND picked = 0) AS delivery`,
  ).get()!;
}

// Ordering ----------------------------------------------------------------------------------------

/** What a charge has left to order: quantity − delivered − picked − outstanding on orders not canceled. */
function leftToOrder(ctx: Ctx, charge: ChargeRow): number {
  const { n } = prepared<[number], { n: number }>(ctx, `SELECT ${onPurchaseOrdersSql} AS n FROM charges ch WHERE ch.id = ?`).get(charge.id)!;
  return charge.quantity - charge.delivered - charge.picked - n;
}

/**
 * A New purchase order of the vendor (or lines added to one of its New orders) with a line per charge,
 * linked to it: for what the charge has left to order, or the quantity given. One transaction.
 */
export function orderForCharges(ctx: Ctx, actor: Actor, input: ParsedInput<'purchasing.orderForCharges'>): PurchaseOrder {
  requireVendor(ctx, input.vendorId);
  requireStockLocation(ctx, input.locationId);
  const seen = new Set<number>();
  const vendorOf = prepared<[number, number], { vendorPartNumber: string | null; vendorCost: number }>(
    ctx,
    `SELECT vendor_part_number AS vendorPartNumber, vendor_cost AS vendorCost FROM product_vendors WHERE product_id = ? AND vendor_id = ?`,
  );
  const planned = input.charges.map((line, index) => {
    try {
      if (seen.has(line.chargeId)) throw new DomainError('VALIDATION', { fields: [{ path: `charges.${index}.chargeId`, code: 'duplicate' }] });
      seen.add(line.chargeId);
      const charge = requireCharge(ctx, line.chargeId);
      // Only what may be bought: approved where it had to be (not waiting for approval, on hold or canceled).
      requireEditable(chargeWorkflow, charge, 'order');
      if (charge.kind !== 'product' || charge.productId === null || charge.tracked !== 1) throw new DomainError('NOT_TRACKED', { number: charge.number });
      const left = leftToOrder(ctx, charge);
      if (left < 1) throw new DomainError('NOTHING_TO_ORDER', { number: charge.number });
      const pv = vendorOf.get(charge.productId, input.vendorId);
      if (!pv) {
        const { sku } = prepared<[number], { sku: string }>(ctx, `SELECT sku FROM products WHERE id = ?`).get(charge.productId)!;
        throw new DomainError('VENDOR_NOT_LINKED', { productId: charge.productId, sku, vendorId: input.vendorId });
      }
      return { charge, qty: line.qty ?? left, pv };
    } catch (error) {
      if (error instanceof DomainError && input.charges.length > 1) throw new DomainError(error.code, { ...error.details, line: index }, error.message);
      throw error;
    }
  });

  let orderId: number;
  const now = ctx.now();
  if (input.orderId !== undefined) {
    const order = requireOrder(ctx, input.orderId);
    requireEditable(orderWorkflow, order, 'addLine');
    if (order.vendorId !== input.vendorId) throw new DomainError('VALIDATION', { fields: [{ path: 'orderId', code: 'otherVendor' }] });
    orderId = order.id;
  } else {
    // Bought for one client only: the order says so (and receiving straight to the client defaults to it).
    const companies = new Set(planned.map((p) => p.charge.companyId));
    orderId = createDocument(
      ctx,
      orderWorkflow,
      'create',
      {
        number: nextPoNumber(ctx),
        vendor_id: input.vendorId,
        purchase_for_company_id: companies.size === 1 ? planned[0]!.charge.companyId : null,
        freight: 0,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      },
      { userId: actor.userId, details: { lines: planned.length, charges: planned.length } },
    );
  }
  const { number } = prepared<[number], { number: string }>(ctx, `SELECT number FROM purchase_orders WHERE id = ?`).get(orderId)!;
  let { next } = prepared<[number], { next: number }>(ctx, `SELECT coalesce(max(line_no), 0) + 1 AS next FROM purchase_order_lines WHERE po_id = ?`).get(orderId)!;
  const insert = prepared(
    ctx,
    `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, vendor_part_number, qty_ordered, unit_cost, location_id, estimated_arrival, charge_id)
     SELECT ?, ?, p.id, p.name, ?, ?, ?, ?, ?, ? FROM products p WHERE p.id = ?`,
  );
  for (const p of planned) {
    insert.run(orderId, next++, p.pv.vendorPartNumber, p.qty, p.pv.vendorCost, input.locationId, input.estimatedArrival, p.charge.id, p.charge.productId);
    recordChargeEvent(ctx, p.charge.id, actor.userId, 'ordered', { orderId, orderNumber: number, qty: p.qty }, null);
  }
  assertOrderTotalInRange(ctx, orderId);
  if (input.orderId !== undefined) {
    const approvalReset = reviewApprovalAfterChange(ctx, orderId);
    recordPoEvent(ctx, orderId, actor.userId, 'chargesAdded', { lines: planned.length, charges: planned.map((p) => p.charge.number).slice(0, 50), ...(approvalReset ? { approvalReset: true } : {}) });
  }
  return getOrder(ctx, actor, orderId);
}

// Following the order ------------------------------------------------------------------------------

/**
 * After a transition of an order: each charge it buys for follows its units on order (a submission puts
 * it On Order, a reduction or cancellation back to Need to Order/Fulfill), with a history row naming the
 * order when its status moved. A receipt's picks and deliveries have settled their charges already.
 */
export function settleChargesOfOrder(ctx: Ctx, order: { id: number; number: string }, action: string, userId: number | null): void {
  const linked = prepared<[number], { chargeId: number }>(ctx, `SELECT DISTINCT charge_id AS chargeId FROM purchase_order_lines WHERE po_id = ? AND charge_id IS NOT NULL`).all(order.id);
  for (const { chargeId } of linked) {
    const change = settleCharge(ctx, chargeId, userId);
    if (change) recordChargeEvent(ctx, chargeId, userId, 'purchaseOrder', { orderId: order.id, orderNumber: order.number, action }, change);
  }
}

// Receiving -----------------------------------------------------------------------------------------

/** One received line bought for a charge: its new lots, where they went, and the receipt. */
export interface ReceivedForCharge {
  chargeId: number;
  receiptId: number;
  receiptNumber: string;
  productId: number;
  to: number;
  lots: { lotId: number; qty: number; unitCost: number; serialNumber: string | null }[];
}

/**
 * Received units of a line bought for a charge: picked for it at the location they arrived at, or — received
 * straight to its client — delivered with their devices; never more than the charge still needs (the
 * rest stays as stock). A charge that no longer takes picks (on hold, canceled, delivered) takes nothing.
 */
export function receiveForCharge(ctx: Ctx, actor: Actor, r: ReceivedForCharge): void {
  const charge = requireCharge(ctx, r.chargeId);
  const open = (chargeWorkflow.edits.pick as readonly string[]).includes(charge.status);
  let wanted = open ? charge.quantity - charge.delivered - charge.picked : 0;
  if (wanted <= 0) return;
  // Received onto a location that does not offer its units (a returns shelf): they stay there as stock.
  if (r.to !== VIRTUAL.customer && prepared<[number], { offers: number }>(ctx, `SELECT offers_stock AS offers FROM locations WHERE id = ?`).get(r.to)?.offers === 0) return;
  const units: ReceivedForCharge['lots'] = [];
  for (const lot of r.lots) {
    if (wanted === 0) break;
    const n = Math.min(lot.qty, wanted);
    units.push({ ...lot, qty: n });
    wanted -= n;
  }
  const facts = { receiptId: r.receiptId, receiptNumber: r.receiptNumber };
  // Its technician and its sales order's owner hear of it (one message per person for the whole receipt).
  notify(ctx, { event: 'itemsReceived', people: chargePeople(ctx, charge.id), document: { type: 'charge', id: charge.id, number: charge.number }, byUserId: actor.userId });
  if (r.to === VIRTUAL.customer) {
    const doc = deliverReceived(ctx, actor, { receiptId: r.receiptId, charge, units });
    recordChargeEvent(ctx, charge.id, actor.userId, 'delivered', { ...facts, deliveryId: doc.id, deliveryNumber: doc.number, ...summary(units) }, settleCharge(ctx, charge.id, actor.userId));
    return;
  }
  const held = units.map((u) => ({ lotId: u.lotId, locationId: r.to, productId: r.productId, qty: u.qty, serialNumber: u.serialNumber }));
  hold(ctx, { kind: 'picked', sourceType: 'charge', id: charge.id }, held);
  recordHoldEvents(ctx, 'stock.picked', { type: 'charge', id: charge.id }, actor.userId, held);
  recordChargeEvent(ctx, charge.id, actor.userId, 'receivedPicked', { ...facts, locationId: r.to, locationName: locationName(ctx, r.to), ...summary(units) }, settleCharge(ctx, charge.id, actor.userId));
}

/**
 * Before a receipt is cancelled: the picks it made for the charges its lines buy for are released (the
 * units go back to the vendor with the receipt). Picks of other documents on its units still block it.
 */
export function releaseReceiptPicks(ctx: Ctx, actor: Actor, receiptId: number): void {
  const held = prepared<[number], PickedUnits & { chargeId: number }>(
    ctx,
    `SELECT a.id AS allocationId, a.lot_id AS lotId, a.location_id AS locationId, a.product_id AS productId, a.qty, lt.unit_cost AS unitCost, lt.serial_number AS serialNumber, a.source_id AS chargeId
     FROM stock_moves m JOIN lots lt ON lt.id = m.lot_id JOIN purchase_order_lines l ON l.id = lt.po_line_id
     JOIN allocations a ON a.lot_id = m.lot_id AND a.location_id = m.to_location_id AND a.source_type = 'charge' AND a.kind = 'picked' AND a.source_id = l.charge_id
     WHERE m.source_type = 'receipt' AND m.source_id = ? AND m.reverses_move_id IS NULL ORDER BY a.id`,
  ).all(receiptId);
  const byCharge = new Map<number, PickedUnits[]>();
  for (const { chargeId, ...units } of held) byCharge.set(chargeId, [...(byCharge.get(chargeId) ?? []), units]);
  for (const [chargeId, units] of byCharge) {
    releaseHeld(ctx, { sourceType: 'charge', id: chargeId }, units);
    recordHoldEvents(ctx, 'stock.unpicked', { type: 'charge', id: chargeId }, actor.userId, units);
  }
}

/** Deliveries (not reversed) that took units of the receipt to a client: cancelling it is refused, naming them. */
export function deliveriesOfReceipt(ctx: Ctx, receiptId: number): string[] {
  return prepared<[number], { number: string }>(
    ctx,
    `SELECT DISTINCT d.number FROM stock_moves m JOIN stock_moves dm ON dm.lot_id = m.lot_id AND dm.source_type = 'delivery' AND dm.reverses_move_id IS NULL
     JOIN deliveries d ON d.id = dm.source_id AND d.status = 'delivered'
     WHERE m.source_type = 'receipt' AND m.source_id = ? AND m.reverses_move_id IS NULL ORDER BY d.id LIMIT 20`,
  )
    .all(receiptId)
    .map((r) => r.number);
}

