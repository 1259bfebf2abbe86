// Charges: a product billed to a client on a contract, project or ticket. The status follows the
// quantities through the charge's one transition table: Ready to Deliver/Ship when the product needs no
// procurement or every undelivered unit is picked, Delivered/Shipped Full when all are delivered, Need to
// Order/Fulfill otherwise, or On Order once the rest is on submitted purchase orders; Pending only on hold (releasing re-evaluates); Canceled releases the picks.
// picked, delivered and delivered_cost are kept on the row by the picks and deliveries that change them
// (picks.ts, deliveries.ts) and checked by verifyLedger.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Charge, ChargeDetail, ChargeStatus } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { charges } from '@main/db/schema';
import { requireProduct } from '../catalog/products';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { likePattern, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { applyTransition, createDocument, defineWorkflow, requireEditable } from '../workflow/transitions';
import { approvalThreshold, procurementOnSql } from '../settings/activations';
import { getSettings } from '../settings/settings';
import { requireContainer } from './containers';
import { settleSalesOrderOf } from './salesOrders';
import { coverageFor, requireLimitCovers } from '../purchasing/approvalLimits';
import { notify } from '../notifications/notify';
import { approversFor, chargePeople } from '../notifications/recipients';
import { chargeBackOrderOverdueSql, overdueParams, type OverdueParams } from '../purchasing/overdue';
import { deliveryLineSerials, returnLineSerials } from './deliveryMoves';

export interface ChargeRow {
  id: number;
  number: string;
  status: ChargeStatus;
  kind: 'product' | 'freight' | 'credit';
  containerId: number;
  companyId: number;
  productId: number | null;
  quantity: number;
  picked: number;
  delivered: number;
  /** Units still to come on submitted purchase orders' lines bought for it (Purchasing & Fulfillment). */
  onOrder: number;
  /** 1 when the product is tracked in stock (units are picked and moved). */
  tracked: number;
  /** 1 when the product needs no procurement (or the charge has no product). */
  noProcurement: number;
  /** 1 when buying it needs an approval: its extended catalogue cost reaches the threshold and no approval covers it. */
  needsApproval: number;
  createdBy: number;
}

/** Where the quantities lead a charge that is not on hold, waiting approval or canceled. */
export function followStatus(row: ChargeRow): ChargeStatus {
  if (row.delivered >= row.quantity) return 'delivered';
  if (row.noProcurement === 1 || row.picked + row.delivered >= row.quantity) return 'ready';
  if (row.picked + row.delivered + row.onOrder >= row.quantity) return 'onOrder';
  // Money is about to be spent: above the threshold an approver decides first.
  return row.needsApproval === 1 ? 'waitingApproval' : 'needToOrder';
}

const open: ChargeStatus[] = ['needToOrder', 'onOrder', 'ready'];

/** The approval threshold in force (null: none), as settings store it; none while Procurement is off. */
const thresholdSql = `(SELECT json_extract(value, '$') FROM settings WHERE key = 'approvalThreshold' AND ${procurementOnSql})`;
/**
 * Whether buying the charge needs an approval: a product that requires procurement, its whole extended
 * catalogue cost at or above the threshold, and no approval given for at least that cost.
 */
const needsApprovalSql = `(coalesce(p.does_not_require_procurement, 1) = 0 AND ${thresholdSql} IS NOT NULL AND ch.quantity * p.unit_cost >= ${thresholdSql}
  AND (ch.approved_cost IS NULL OR ch.approved_cost < ch.quantity * p.unit_cost))`;

/**
 * Units still to come for the charge: its lines' outstanding units while their order is sent (`receivable`
 * is 1 exactly then, kept by the order's table), through po_lines_charge_idx.
 */
const onOrderSql = `(SELECT coalesce(sum(l.qty_ordered - l.qty_canceled - l.qty_received), 0) FROM purchase_order_lines l WHERE l.charge_id = ch.id AND l.receivable = 1)`;
/** The earliest expected arrival among those lines (the line's date, else its order's expected ship date). */
const arrivalSql = `(SELECT min(coalesce(l.estimated_arrival, po.expected_ship_date)) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.charge_id = ch.id AND l.receivable = 1)`;
/** Outstanding units of lines already partly received: the vendor owes them. */
const backOrderedSql = `(SELECT coalesce(sum(l.qty_ordered - l.qty_canceled - l.qty_received), 0) FROM purchase_order_lines l WHERE l.charge_id = ch.id AND l.receivable = 1 AND l.qty_received > 0)`;

/** The charge's one transition table. */
export const chargeWorkflow = defineWorkflow<ChargeStatus, ChargeRow>()({
  document: 'charge',
  table: 'charges',
  column: 'status',
  states: charges.status.enumValues,
  read: (ctx, id) =>
    prepared<[number], ChargeRow>(
      ctx,
        `SELECT ch.id, ch.number, ch.status, ch.kind, ch.container_id AS containerId, ch.company_id AS companyId, ch.product_id AS productId, ch.quantity, ch.picked, ch.delivered,
                ${onOrderSql} AS onOrder, coalesce(p.tracked_in_stock, 0) AS tracked, coalesce(p.does_not_require_procurement, 1) AS noProcurement,
                ${needsApprovalSql} AS needsApproval, ch.created_by AS createdBy
         FROM charges ch LEFT JOIN products p ON p.id = ch.product_id WHERE ch.id = ?`,
    ).get(id),
  state: (row) => row.status,
  history: { table: 'charge_events', key: 'charge_id' },
  touch: 'updated_at',
  // A charge of a sales order moved: the order's status follows its charges.
  afterTransition: (ctx, row, to, { action, userId }) => {
    settleSalesOrderOf(ctx, row.id, userId);
    notifyChargeStep(ctx, row, to, action, userId);
  },
  creations: {
    needed: { to: 'needToOrder', history: 'created' },
    /** Created above the approval threshold. */
    waiting: { to: 'waitingApproval', history: 'created' },
    ready: { to: 'ready', history: 'created' },
    onHold: { to: 'pending', history: 'created' },
    /** A shipment's freight: billed once it has left. */
    freight: { to: 'delivered', history: 'created' },
    /** Money given back to the client (a client return, an RMA): settled as it is given. */
    credit: { to: 'delivered', history: 'created' },
  },
  transitions: {
    hold: { from: ['waitingApproval', 'needToOrder', 'onOrder', 'ready'], to: 'pending', sets: ({ note }) => ({ hold_note: note ?? null }) },
    release: { from: ['pending'], to: followStatus, sets: () => ({ hold_note: null }) },
    cancel: {
      from: ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready'],
      to: 'canceled',
      repeatOf: ['canceled'],
      guard: (ctx, row) => {
        if (row.delivered > 0) throw new DomainError('CHARGE_DELIVERED', { number: row.number, deliveries: deliveryNumbersOf(ctx, row.id) });
      },
      sets: ({ reason }) => ({ cancel_reason: reason ?? null }),
    },
    /** Quantities changed (a pick, a delivery, an edit): the status follows them. The change writes the history row. */
    follow: { from: ['waitingApproval', 'needToOrder', 'onOrder', 'ready', 'delivered'], to: followStatus, system: true, history: false },
    /** An approver lets the money be spent (charge approval); its cost is recorded by approveCharge. */
    approve: {
      from: ['waitingApproval'],
      to: (row) => followStatus({ ...row, needsApproval: 0 }),
      guard: (ctx, row, input) => {
        const conflict = getSettings(ctx).allowSelfApproval ? null : chargeConflict(row.createdBy, chargeRequester(ctx, row.id), input.userId);
        if (conflict) throw new DomainError('SELF_APPROVAL', { number: row.number, role: conflict });
        // One approval, by someone whose tier covers the amount; its history names the tier.
        const limit = requireLimitCovers(ctx, input.userId, row.number, approvalAmount(ctx, row.id));
        return { limitName: limit.name, limitUpTo: limit.upTo };
      },
      sets: ({ userId, now }) => ({ approved_by: userId, approved_at: now }),
    },
    /** Rejected with a note: Pending (on hold) with it; editing and releasing it re-evaluates. */
    reject: { from: ['waitingApproval'], to: 'pending', sets: ({ note }) => ({ hold_note: note ?? null, approved_cost: null }) },
    /** A shipment's freight charge, when the shipment is reversed. */
    voidFreight: { from: ['delivered'], to: 'canceled', system: true, guard: (_ctx, row) => (row.kind === 'freight' ? {} : false) },
  },
  edits: {
    edit: ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready', 'delivered'],
    // Picking spends no money: a charge waiting for approval may be filled from stock.
    pick: ['waitingApproval', ...open],
    unpick: ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready'],
    /** Bought on a purchase order (Purchasing & Fulfillment): only once approved where it had to be (a Ready charge has nothing left to order). */
    order: ['needToOrder', 'onOrder', 'ready'],
    deliver: open,
  },
});

function deliveryNumbersOf(ctx: Ctx, chargeId: number): string[] {
  return ctx.sqlite
    .prepare<[number], { number: string }>(
      `SELECT DISTINCT d.number FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id WHERE dl.charge_id = ? AND d.status = 'delivered' ORDER BY d.id LIMIT 20`,
    )
    .all(chargeId)
    .map((r) => r.number);
}

export function requireCharge(ctx: Ctx, id: number): ChargeRow {
  const row = chargeWorkflow.read(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'charge', id });
  return row;
}

/**
 * After a change of the charge's quantities: applies `follow` when the status no longer matches them.
 * Returns the change (for the history row the caller writes), or null.
 */
export function settleCharge(ctx: Ctx, id: number, userId: number | null): { from: ChargeStatus; to: ChargeStatus } | null {
  const row = requireCharge(ctx, id);
  if (!(chargeWorkflow.transitions.follow.from as readonly ChargeStatus[]).includes(row.status) || followStatus(row) === row.status) {
    // Its quantities moved without moving its status (a partial pick): its sales order may still move.
    settleSalesOrderOf(ctx, id, userId);
    return null;
  }
  const { from, to } = applyTransition(ctx, chargeWorkflow, id, 'follow', { userId });
  return { from, to };
}

/** A history row of the charge that is not a transition of its own (a pick, a delivery, an edit), naming any status change it caused. */
export function recordChargeEvent(ctx: Ctx, chargeId: number, userId: number | null, type: string, details: Record<string, unknown>, change: { from: ChargeStatus; to: ChargeStatus } | null): void {
  const status = change ? null : requireCharge(ctx, chargeId).status;
  prepared(ctx, `INSERT INTO charge_events (charge_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(chargeId, ctx.now(), userId, type, change?.from ?? status, change?.to ?? status, JSON.stringify(details));
}

// Reading ------------------------------------------------------------------------------------

/**
 * A charge as lists show it. The estimate costs the whole quantity: delivered units at their cost, picked
 * units at their lots' cost, the rest at the product's catalogue cost (SQLite's 64-bit integers keep it exact).
 */
const estimateSql = `(ch.delivered_cost + CASE WHEN ch.status = 'canceled' THEN 0 ELSE
    coalesce((SELECT sum(a.qty * l.unit_cost) FROM allocations a JOIN lots l ON l.id = a.lot_id WHERE a.source_type = 'charge' AND a.source_id = ch.id), 0)
    + max(ch.quantity - ch.delivered - ch.picked, 0) * coalesce(p.unit_cost, 0) END)`;

const chargeSelect = `SELECT ch.id, ch.number, ch.kind, ch.container_id AS containerId, c.kind AS containerKind, c.number AS containerNumber, c.title AS containerTitle,
       ch.company_id AS companyId, co.name AS companyName, ch.product_id AS productId, p.sku, p.name AS productName,
       coalesce(p.serialized, 0) AS serialized, coalesce(p.tracked_in_stock, 0) AS trackedInStock,
       ch.description, ch.quantity, ch.unit_price AS unitPrice, CAST(ch.quantity * ch.unit_price AS TEXT) AS extendedPrice, ch.billable, ch.status,
       ch.picked, ch.delivered, max(ch.quantity - ch.delivered - ch.picked, 0) AS needed,
       ${onOrderSql} AS onOrder, ${backOrderedSql} AS backOrdered, ${arrivalSql} AS estimatedArrival, CAST(ch.delivered_cost AS TEXT) AS deliveredCost,
       ch.returned, CAST(ch.returned_cost AS TEXT) AS returnedCost,
       CAST(${estimateSql} AS TEXT) AS estimatedCost, (ch.status <> 'canceled' AND ch.delivered < ch.quantity) AS costIsEstimate,
       CAST(ch.quantity * ch.unit_price - ${estimateSql} AS TEXT) AS margin,
       ch.hold_note AS holdNote, ch.cancel_reason AS cancelReason, u.display_name AS createdByName, ch.created_at AS createdAt
  FROM charges ch JOIN containers c ON c.id = ch.container_id JOIN companies co ON co.id = ch.company_id LEFT JOIN products p ON p.id = ch.product_id
  JOIN users u ON u.id = ch.created_by`;

type RawCharge = Omit<Charge, 'serialized' | 'trackedInStock' | 'billable' | 'costIsEstimate'> & { serialized: number; trackedInStock: number; billable: number; costIsEstimate: number };

function toCharge(r: RawCharge): Charge {
  return { ...r, serialized: r.serialized === 1, trackedInStock: r.trackedInStock === 1, billable: r.billable === 1, costIsEstimate: r.costIsEstimate === 1 };
}

export function getCharge(ctx: Ctx, id: number): Charge {
  const row = ctx.sqlite.prepare<[number], RawCharge>(`${chargeSelect} WHERE ch.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'charge', id });
  return toCharge(row);
}

export function getChargeDetail(ctx: Ctx, id: number): ChargeDetail {
  const charge = getCharge(ctx, id);
  const picks = ctx.sqlite
    .prepare<[number], ChargeDetail['picks'][number]>(
      `SELECT a.location_id AS locationId, loc.name AS locationName, ip.bin, a.lot_id AS lotId, l.serial_number AS serialNumber, a.qty, l.unit_cost AS unitCost, a.created_at AS pickedAt
       FROM allocations a JOIN lots l ON l.id = a.lot_id JOIN locations loc ON loc.id = a.location_id
       LEFT JOIN inventory_products ip ON ip.product_id = a.product_id AND ip.location_id = a.location_id
       WHERE a.source_type = 'charge' AND a.source_id = ? ORDER BY loc.name, l.serial_number, a.id`,
    )
    .all(id);
  const lines = ctx.sqlite
    .prepare<[number], Omit<ChargeDetail['deliveries'][number], 'serials'> & { lineNo: number }>(
      `SELECT d.id AS deliveryId, d.number AS deliveryNumber, d.status, d.method, d.created_at AS createdAt, dl.qty, CAST(dl.cost AS TEXT) AS cost, loc.name AS locationName, dl.line_no AS lineNo
       FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id LEFT JOIN locations loc ON loc.id = dl.location_id
       WHERE dl.charge_id = ? ORDER BY d.id, dl.line_no`,
    )
    .all(id);
  const serialsOf = deliveryLineSerials(ctx);
  const deliveries = lines.map(({ lineNo, ...line }) => ({ ...line, serials: serialsOf(line.deliveryId, lineNo) }));
  const returnSerials = returnLineSerials(ctx, 200);
  const returns = ctx.sqlite
    .prepare<[number], Omit<ChargeDetail['returns'][number], 'serials'> & { lineNo: number }>(
      `SELECT r.id AS returnId, r.number AS returnNumber, r.created_at AS createdAt, r.condition, rl.qty, CAST(rl.cost AS TEXT) AS cost, rl.line_no AS lineNo
       FROM client_return_lines rl JOIN client_returns r ON r.id = rl.return_id WHERE rl.charge_id = ? ORDER BY r.id, rl.line_no`,
    )
    .all(id)
    .map(({ lineNo, ...r }) => ({ ...r, serials: returnSerials(r.returnId, lineNo) }));
  const history = ctx.sqlite
    .prepare<[number], Omit<ChargeDetail['history'][number], 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.from_state AS fromState, e.to_state AS toState, e.details
       FROM charge_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.charge_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id)
    .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
  const availability =
    charge.productId !== null && charge.trackedInStock
      ? ctx.sqlite
          .prepare<[number], ChargeDetail['availability'][number]>(
            `SELECT ip.location_id AS locationId, loc.name AS locationName, ip.available FROM inventory_products ip JOIN locations loc ON loc.id = ip.location_id
             WHERE ip.product_id = ? AND ip.available > 0 AND loc.active = 1 ORDER BY ip.available DESC, loc.name`,
          )
          .all(charge.productId)
      : [];
  const purchaseLines = ctx.sqlite
    .prepare<[number], ChargeDetail['purchaseLines'][number]>(
      `SELECT po.id AS orderId, po.number AS orderNumber, po.status AS orderStatus, v.name AS vendorName, l.line_no AS lineNo, l.qty_ordered AS qtyOrdered,
              l.qty_received AS qtyReceived, l.qty_canceled AS qtyCanceled, coalesce(l.estimated_arrival, po.expected_ship_date) AS estimatedArrival
       FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id JOIN companies v ON v.id = po.vendor_id WHERE l.charge_id = ? ORDER BY po.id, l.line_no`,
    )
    .all(id);
  const { backOrderOverdue } = ctx.sqlite
    .prepare<{ id: number } & OverdueParams, { backOrderOverdue: number }>(`SELECT ${chargeBackOrderOverdueSql} AS backOrderOverdue FROM charges ch WHERE ch.id = @id`)
    .get({ id, ...overdueParams(ctx) })!;
  return { ...charge, backOrderOverdue: backOrderOverdue === 1, picks, deliveries, returns, history, purchaseLines, availability };
}

const sorts: SortColumns<'sales.listCharges'> = { number: 'ch.id', createdAt: 'ch.created_at', status: 'ch.status', quantity: 'ch.quantity', productName: 'p.name' };

export function listCharges(ctx: Ctx, input: ParsedInput<'sales.listCharges'>): ChannelOutput<'sales.listCharges'> {
  const f = new Filters().equals('ch.container_id', input.containerId).equals('ch.company_id', input.companyId).equals('ch.product_id', input.productId);
  if (input.statuses?.length) f.add(`ch.status IN (${input.statuses.map(() => '?').join(', ')})`, ...input.statuses);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(ch.number LIKE ? ESCAPE '\\' OR ch.description LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\')`, like, like, like);
  }
  return listPage(input, {
    sorts,
    defaultSort: { by: 'number', direction: 'desc' },
    rows: (q) => ctx.sqlite.prepare<unknown[], RawCharge>(`${chargeSelect} ${f.where()} ORDER BY ${q.orderBy('ch.id')} LIMIT ? OFFSET ?`).all(...f.params, q.limit, q.offset).map(toCharge),
    count: () => countUpTo(ctx, `FROM charges ch LEFT JOIN products p ON p.id = ch.product_id ${f.where()}`, f.params),
  });
}

// Writing ------------------------------------------------------------------------------------

export function createCharge(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.createCharge'>): Charge {
  const container = requireContainer(ctx, input.containerId);
  if (container.status !== 'open') throw new DomainError('CONTAINER_CLOSED', { number: container.number });
  const product = requireProduct(ctx, input.productId);
  if (!product.active) throw new DomainError('VALIDATION', { fields: [{ path: 'productId', code: 'inactive' }] });
  const now = ctx.now();
  const threshold = approvalThreshold(ctx);
  const needsApproval = threshold !== null && input.quantity * product.unitCost >= threshold;
  const creation = input.onHold ? 'onHold' : product.doesNotRequireProcurement ? 'ready' : needsApproval ? 'waiting' : 'needed';
  const id = createDocument(
    ctx,
    chargeWorkflow,
    creation,
    {
      number: nextNumber(ctx, 'CHG'),
      kind: 'product',
      container_id: container.id,
      company_id: container.companyId,
      product_id: product.id,
      description: input.description ?? product.name,
      quantity: input.quantity,
      unit_price: input.unitPrice ?? product.unitPrice,
      billable: input.billable ? 1 : 0,
      hold_note: input.onHold ? input.holdNote : null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId, details: { quantity: input.quantity } },
  );
  if (creation === 'waiting' || creation === 'needed') notifyChargeStep(ctx, requireCharge(ctx, id), creation === 'waiting' ? 'waitingApproval' : 'needToOrder', 'create', actor.userId);
  return getCharge(ctx, id);
}

/** A shipment's freight as a charge of its own on the container: quantity 1, billed at the price given. */
/** A charge with no product and nothing to deliver: quantity 1, delivered as it is made, at cost 0. */
function createSettledCharge(ctx: Ctx, userId: number, kind: 'freight' | 'credit', containerId: number, price: number, description: string, details: Record<string, unknown>): number {
  const container = requireContainer(ctx, containerId);
  // A closed container has been billed: a credit there would never reach the client.
  if (kind === 'credit' && container.status !== 'open') throw new DomainError('CONTAINER_CLOSED', { number: container.number });
  const now = ctx.now();
  return createDocument(
    ctx,
    chargeWorkflow,
    kind,
    {
      number: nextNumber(ctx, 'CHG'),
      kind,
      container_id: container.id,
      company_id: container.companyId,
      product_id: null,
      description,
      quantity: 1,
      unit_price: price,
      billable: 1,
      delivered: 1,
      created_by: userId,
      created_at: now,
      updated_at: now,
    },
    { userId, details },
  );
}

export function createFreightCharge(ctx: Ctx, userId: number, containerId: number, price: number, description: string): number {
  return createSettledCharge(ctx, userId, 'freight', containerId, price, description, { freight: true });
}

/** A credit for the client: quantity 1, cost 0, the amount as a negative price. */
export function createCreditCharge(ctx: Ctx, userId: number, containerId: number, amount: number, description: string, details: Record<string, unknown>): number {
  return createSettledCharge(ctx, userId, 'credit', containerId, -amount, description, { credit: true, ...details });
}

export function updateCharge(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.updateCharge'>): Charge {
  const row = requireCharge(ctx, input.id);
  requireEditable(chargeWorkflow, row, 'edit');
  const before = getCharge(ctx, row.id);
  if (row.kind !== 'product' && input.quantity !== 1) throw new DomainError('VALIDATION', { fields: [{ path: 'quantity', code: 'freight' }] });
  // Units picked or delivered are the charge's: lower the quantity only after unpicking.
  if (input.quantity < row.picked + row.delivered) throw new DomainError('OVER_PICK', { number: row.number, quantity: input.quantity, picked: row.picked, delivered: row.delivered });
  const after = {
    quantity: input.quantity,
    unitPrice: input.unitPrice ?? before.unitPrice,
    description: input.description ?? before.description,
    billable: input.billable,
  };
  ctx.sqlite
    .prepare(`UPDATE charges SET quantity = ?, unit_price = ?, description = ?, billable = ?, updated_at = ? WHERE id = ?`)
    .run(after.quantity, after.unitPrice, after.description, after.billable ? 1 : 0, ctx.now(), row.id);
  const changes = (['quantity', 'unitPrice', 'description', 'billable'] as const)
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, before: String(before[field]), after: String(after[field]) }));
  if (changes.length > 0) recordChargeEvent(ctx, row.id, actor.userId, 'updated', { changes }, settleCharge(ctx, row.id, actor.userId));
  return getCharge(ctx, row.id);
}

export function holdCharge(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.holdCharge'>): Charge {
  applyTransition(ctx, chargeWorkflow, input.id, 'hold', { userId: actor.userId, note: input.note });
  return getCharge(ctx, input.id);
}

/**
 * Who hears of a charge's steps (by default; Admin › Notifications chooses): the approvers whose limit covers it
 * when it starts waiting, whoever added it when it is approved or rejected (with the note), and its people as it moves on.
 */
function notifyChargeStep(ctx: Ctx, row: ChargeRow, to: ChargeStatus, action: string, userId: number | null): void {
  const document = { type: 'charge' as const, id: row.id, number: row.number };
  if (to === 'waitingApproval' && action !== 'approve') {
    notify(ctx, { event: 'approvalNeeded', people: { approvers: approversFor(ctx, approvalAmount(ctx, row.id)) }, document, byUserId: userId });
  } else if (action === 'approve' || action === 'reject') {
    const note = action === 'reject' ? prepared<[number], { note: string | null }>(ctx, `SELECT hold_note AS note FROM charges WHERE id = ?`).get(row.id)!.note : null;
    notify(ctx, { event: action === 'approve' ? 'approved' : 'rejected', people: chargePeople(ctx, row.id), document, byUserId: userId, note });
  }
  // Where the quantities lead it next: the purchasing team buys, the technician installs, the requester is told it left.
  if (to === 'needToOrder') notify(ctx, { event: 'itemsNeedOrdering', people: chargePeople(ctx, row.id), document, byUserId: userId });
  if (to === 'ready' || to === 'delivered') {
    const people = chargePeople(ctx, row.id);
    // Ready: someone must install it — its technician, else whoever added it.
    if (to === 'ready') people.technician = [people.technician?.[0] ?? people.creator?.[0] ?? null];
    notify(ctx, { event: to === 'ready' ? 'readyToDeliver' : 'delivered', people, document, byUserId: userId });
  }
}

/**
 * Procurement switched back on: charges that reached the threshold while it was off (and so went straight
 * to Need to Order/Fulfill) wait for an approval before anything is bought for them.
 */
export function reviewChargesForApproval(ctx: Ctx, userId: number | null): void {
  const ids = prepared<[], { id: number }>(
    ctx,
    `SELECT ch.id FROM charges ch LEFT JOIN products p ON p.id = ch.product_id WHERE ch.status = 'needToOrder' AND ${needsApprovalSql}`,
  )
    .all()
    .map((r) => r.id);
  for (const id of ids) recordChargeEvent(ctx, id, userId, 'procurementOn', {}, settleCharge(ctx, id, userId));
}

/** What approving the charge is for: its extended catalogue cost now. */
function approvalAmount(ctx: Ctx, chargeId: number): number {
  return prepared<[number], { cost: number }>(ctx, `SELECT ch.quantity * coalesce(p.unit_cost, 0) AS cost FROM charges ch LEFT JOIN products p ON p.id = ch.product_id WHERE ch.id = ?`).get(chargeId)!.cost;
}

const approvalSorts: SortColumns<'sales.listChargeApprovals'> = { waitingSince: 'waitingSince' };

/** A history row `e` of a charge entering Waiting Approval (created there, edited, released into it) — not an edit made while it waited. */
const enteredWaitingSql = `e.to_state = 'waitingApproval' AND (e.from_state IS NULL OR e.from_state <> 'waitingApproval')`;

/** Who sent the charge to Waiting Approval last (creating, raising or releasing it): they asked for this approval. */
function chargeRequester(ctx: Ctx, chargeId: number): number | null {
  return prepared<[number], { userId: number | null }>(ctx, `SELECT e.user_id AS userId FROM charge_events e WHERE e.charge_id = ? AND ${enteredWaitingSql} ORDER BY e.id DESC LIMIT 1`).get(chargeId)?.userId ?? null;
}

/** Why this user may not approve the charge: they created it, or asked for the approval now pending (self-approval off). */
function chargeConflict(createdBy: number, requester: number | null, userId: number | null): 'creator' | 'requester' | null {
  if (userId === null) return null;
  if (createdBy === userId) return 'creator';
  return requester === userId ? 'requester' : null;
}

/**
 * Purchase Approvals' charges: waiting for approval, longest waiting first, with the amount, since when,
 * and what the reader's rights make of each (their own request, their approval limit).
 */
export function listChargeApprovals(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.listChargeApprovals'>): ChannelOutput<'sales.listChargeApprovals'> {
  const settings = getSettings(ctx);
  const coverage = coverageFor(ctx, actor);
  const overdueBefore = ctx.now() - settings.approvalOverdueDays * 86_400_000;
  const since = `(SELECT max(e.occurred_at) FROM charge_events e WHERE e.charge_id = ch.id AND ${enteredWaitingSql})`;
  const where = `WHERE ch.status = 'waitingApproval'`;
  return listPage(input, {
    sorts: approvalSorts,
    defaultSort: { by: 'waitingSince', direction: 'asc' },
    rows: (q) =>
      ctx.sqlite
        .prepare<unknown[], RawCharge & { amount: number; waitingSince: number; createdById: number }>(
          `SELECT * FROM (SELECT c.*, ${since} AS waitingSince, ch.quantity * coalesce(p.unit_cost, 0) AS amount, ch.created_by AS createdById FROM (${chargeSelect} ${where}) c
             JOIN charges ch ON ch.id = c.id LEFT JOIN products p ON p.id = ch.product_id) ORDER BY ${q.orderBy('id')} LIMIT ? OFFSET ?`,
        )
        .all(q.limit, q.offset)
        .map(({ amount, waitingSince, createdById, ...r }) => ({
          ...toCharge(r),
          amount,
          waitingSince,
          approverConflict: settings.allowSelfApproval ? null : chargeConflict(createdById, chargeRequester(ctx, r.id), actor.userId),
          ...coverage(amount),
          overdue: waitingSince < overdueBefore,
        })),
    count: () => countUpTo(ctx, `FROM charges ch ${where}`, []),
  });
}

/** Approves a charge waiting for approval, for its extended cost now; it goes on to Need to Order/Fulfill. */
export function approveCharge(ctx: Ctx, actor: Actor, input: { id: number; note: string | null }): Charge {
  const row = requireCharge(ctx, input.id);
  const cost = approvalAmount(ctx, row.id);
  // The cost is recorded first: the table's `to` reads the row as it was, with the approval about to be given.
  applyTransition(ctx, chargeWorkflow, row.id, 'approve', { userId: actor.userId, note: input.note, details: { cost, ...(input.note ? { note: input.note } : {}) } });
  prepared(ctx, `UPDATE charges SET approved_cost = ? WHERE id = ?`).run(cost, row.id);
  return getCharge(ctx, row.id);
}

export function rejectCharge(ctx: Ctx, actor: Actor, input: { id: number; note: string }): Charge {
  applyTransition(ctx, chargeWorkflow, input.id, 'reject', { userId: actor.userId, note: input.note, details: { note: input.note } });
  return getCharge(ctx, input.id);
}

export function releaseCharge(ctx: Ctx, actor: Actor, id: number): Charge {
  applyTransition(ctx, chargeWorkflow, id, 'release', { userId: actor.userId });
  return getCharge(ctx, id);
}
