// Purchase orders. Invariants: lines change only while New; the vendor changes only until anything
// is received, and every line's product must be bought from the vendor; whether an order may be
// submitted, or its amount or vendor changed once sent, is the approval gate's call (approval.ts), and
// a change to what a New order buys is reviewed against its approval; cancel only from New or
// Submitted with nothing received. Every change is a PO event.
import type { PoEvent, PoSummary, PurchaseOrder } from '../../../shared/contract/purchasing';
import { DomainError } from '../../../shared/errors';
import { MAX_ORDER_TOTAL } from '../../../shared/money';
import { saveProductVendor, requireProduct } from '../catalog/products';
import { getCompany, requireVendor } from '../catalog/companies';
import { COUNT_CAP, inTransaction, likePattern, offsetOf, type Actor, type Ctx } from '../context';
import { requireStockLocation } from '../locations/locations';
import { nextPoNumber } from '../settings/settings';
import { approvalGate, approvalRequestInfo, coverDetails, requireApprovalCleared, reviewApprovalAfterChange } from './approval';

type Status = PurchaseOrder['status'];

export interface OrderRow {
  id: number;
  number: string;
  status: Status;
  approvalStatus: PurchaseOrder['approvalStatus'];
  vendorId: number;
  purchaseForCompanyId: number | null;
  freight: number;
}

export function requireOrder(ctx: Ctx, id: number): OrderRow {
  const row = ctx.sqlite
    .prepare(
      `SELECT id, number, status, approval_status AS approvalStatus, vendor_id AS vendorId, purchase_for_company_id AS purchaseForCompanyId, freight
       FROM purchase_orders WHERE id = ?`,
    )
    .get(id) as OrderRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder', id });
  return row;
}

export function recordPoEvent(ctx: Ctx, poId: number, userId: number | null, type: PoEvent['type'], details: Record<string, unknown> = {}): void {
  ctx.sqlite.prepare(`INSERT INTO purchase_order_events (po_id, occurred_at, user_id, type, details) VALUES (?, ?, ?, ?, ?)`).run(poId, ctx.now(), userId, type, JSON.stringify(details));
}

export function refuse(order: OrderRow, action: string): never {
  throw new DomainError('INVALID_TRANSITION', { number: order.number, status: order.status, action });
}

export function requireNew(order: OrderRow, action: string): void {
  if (order.status !== 'new') refuse(order, action);
}

/** Subtotal of the lines (ordered − canceled) × unit cost, and the total with freight. */
export function orderTotals(ctx: Ctx, poId: number, freight: number): { subtotal: number; total: number } {
  const { subtotal } = ctx.sqlite
    .prepare(`SELECT coalesce(sum((qty_ordered - qty_canceled) * unit_cost), 0) AS subtotal FROM purchase_order_lines WHERE po_id = ?`)
    .get(poId) as { subtotal: number };
  return { subtotal, total: subtotal + freight };
}

/**
 * An order's amounts stay exact JavaScript numbers (screens, PDF, approval threshold): a change to its lines
 * or freight that would take its total past MAX_ORDER_TOTAL is refused. Summed in bigint, since one line at
 * the quantity and cost bounds already passes 2^53.
 */
function assertOrderTotalInRange(ctx: Ctx, poId: number): void {
  const { total } = ctx.sqlite
    .prepare(
      `SELECT po.freight + coalesce((SELECT sum((l.qty_ordered - l.qty_canceled) * l.unit_cost) FROM purchase_order_lines l WHERE l.po_id = po.id), 0) AS total
       FROM purchase_orders po WHERE po.id = ?`,
    )
    .safeIntegers(true)
    .get(poId) as { total: bigint };
  if (total > BigInt(MAX_ORDER_TOTAL)) throw new DomainError('VALIDATION', { reason: 'orderTotalTooLarge', field: 'total', max: MAX_ORDER_TOTAL });
}

/**
 * After a receipt, a cancelled receipt or a reduced line: the status follows the quantities, and the
 * lines the Receiving page lists are flagged.
 */
export function refreshOrder(ctx: Ctx, poId: number): Status {
  const order = requireOrder(ctx, poId);
  let status = order.status;
  if (status === 'submitted' || status === 'receivedPartial' || status === 'receivedFull') {
    const q = ctx.sqlite
      .prepare(
        `SELECT coalesce(sum(qty_received), 0) AS received, coalesce(sum(qty_ordered - qty_canceled - qty_received), 0) AS outstanding FROM purchase_order_lines WHERE po_id = ?`,
      )
      .get(poId) as { received: number; outstanding: number };
    if (q.outstanding > 0) status = q.received > 0 ? 'receivedPartial' : 'submitted';
    else status = q.received > 0 ? 'receivedFull' : 'canceled';
    if (status !== order.status) ctx.sqlite.prepare(`UPDATE purchase_orders SET status = ?, updated_at = ? WHERE id = ?`).run(status, ctx.now(), poId);
  }
  ctx.sqlite
    .prepare(
      `UPDATE purchase_order_lines SET receivable = (? AND qty_ordered - qty_canceled - qty_received > 0)
       WHERE po_id = ? AND receivable <> (? AND qty_ordered - qty_canceled - qty_received > 0)`,
    )
    .run(Number(status === 'submitted' || status === 'receivedPartial'), poId, Number(status === 'submitted' || status === 'receivedPartial'));
  return status;
}

// Reading ------------------------------------------------------------------------------------

const summaryColumns = `po.id, po.number, po.status, po.approval_status AS approvalStatus, po.vendor_id AS vendorId, v.name AS vendorName,
  pf.name AS purchaseForName, po.created_at AS createdAt, po.submitted_at AS submittedAt, po.expected_ship_date AS expectedShipDate,
  (SELECT count(*) FROM purchase_order_lines l WHERE l.po_id = po.id) AS lineCount,
  (SELECT coalesce(sum(l.qty_ordered - l.qty_canceled - l.qty_received), 0) FROM purchase_order_lines l WHERE l.po_id = po.id AND po.status IN ('submitted', 'receivedPartial')) AS outstanding,
  po.freight + (SELECT coalesce(sum((l.qty_ordered - l.qty_canceled) * l.unit_cost), 0) FROM purchase_order_lines l WHERE l.po_id = po.id) AS total`;
const summaryFrom = `FROM purchase_orders po JOIN companies v ON v.id = po.vendor_id LEFT JOIN companies pf ON pf.id = po.purchase_for_company_id`;


export function getOrder(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  const row = ctx.sqlite
    .prepare(
      `SELECT ${summaryColumns}, v.email AS vendorEmail, po.purchase_for_company_id AS purchaseForCompanyId, po.ship_to_name AS shipToName, po.ship_to_address AS shipToAddress,
              po.shipping_type AS shippingType, po.payment_terms AS paymentTerms, po.memo, po.freight, cu.display_name AS createdByName,
              au.display_name AS approvalByName, po.approval_at AS approvalAt, po.approval_note AS approvalNote, po.cancel_reason AS cancelReason
       ${summaryFrom} JOIN users cu ON cu.id = po.created_by LEFT JOIN users au ON au.id = po.approval_by WHERE po.id = ?`,
    )
    .get(id) as
    | (Omit<PurchaseOrder, 'lines' | 'needsApproval' | 'approvalCleared' | 'approvalRequestedByName' | 'approvalRequestedAt' | 'approverConflict' | 'subtotal' | 'anythingReceived' | 'vendorInvoiceNumbers'> & {
        freight: number;
        total: number;
      })
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder', id });
  const lines = ctx.sqlite
    .prepare(
      `SELECT l.id, l.line_no AS lineNo, l.product_id AS productId, p.sku, p.name AS productName, p.serialized, l.description, l.vendor_part_number AS vendorPartNumber,
              l.qty_ordered AS qtyOrdered, l.qty_received AS qtyReceived, l.qty_canceled AS qtyCanceled, l.unit_cost AS unitCost,
              l.location_id AS locationId, loc.name AS locationName, l.estimated_arrival AS estimatedArrival
       FROM purchase_order_lines l JOIN products p ON p.id = l.product_id JOIN locations loc ON loc.id = l.location_id
       WHERE l.po_id = ? ORDER BY l.line_no`,
    )
    .all(id) as (Omit<PurchaseOrder['lines'][number], 'serialized' | 'outstanding' | 'backOrdered' | 'extended'> & { serialized: number; unitCost: number })[];
  const invoices = ctx.sqlite
    .prepare(
      `SELECT DISTINCT rl.vendor_invoice_number AS n FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id
       WHERE rl.po_id = ? AND r.status = 'posted' AND rl.vendor_invoice_number IS NOT NULL ORDER BY rl.id`,
    )
    .all(id) as { n: string }[];
  const gate = approvalGate(ctx, row);
  const subtotal = row.total - row.freight;
  const open = row.status === 'submitted' || row.status === 'receivedPartial';
  return {
    ...row,
    ...approvalRequestInfo(ctx, actor, row),
    subtotal,
    needsApproval: gate.required,
    approvalCleared: gate.cleared,
    anythingReceived: lines.some((l) => l.qtyReceived > 0),
    vendorInvoiceNumbers: invoices.map((i) => i.n),
    lines: lines.map((l) => {
      const outstanding = open ? l.qtyOrdered - l.qtyCanceled - l.qtyReceived : 0;
      return {
        ...l,
        serialized: l.serialized === 1,
        outstanding,
        backOrdered: l.qtyReceived > 0 ? outstanding : 0,
        extended: (l.qtyOrdered - l.qtyCanceled) * l.unitCost,
      };
    }),
  };
}

export function orderSummaries(ctx: Ctx, ids: number[]): PoSummary[] {
  if (ids.length === 0) return [];
  const rows = ctx.sqlite.prepare(`SELECT ${summaryColumns} ${summaryFrom} WHERE po.id IN (${ids.map(() => '?').join(',')}) ORDER BY po.id`).all(...ids) as PoSummary[];
  return rows;
}

const orderSortColumns: Record<string, string> = {
  number: 'po.id',
  createdAt: 'po.created_at',
  vendorName: 'v.name',
  status: 'po.status',
  total: 'total',
  expectedShipDate: 'po.expected_ship_date',
};

export function listOrders(
  ctx: Ctx,
  input: { page: number; pageSize: number; sortBy?: string; sortDirection: 'asc' | 'desc'; q?: string; statuses?: Status[]; vendorId?: number; productId?: number; from?: number; to?: number; approvalRequested?: boolean },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.q) {
    where.push(`(po.number LIKE ? ESCAPE '\\' OR v.name LIKE ? ESCAPE '\\')`);
    params.push(likePattern(input.q), likePattern(input.q));
  }
  if (input.statuses?.length) {
    where.push(`po.status IN (${input.statuses.map(() => '?').join(',')})`);
    params.push(...input.statuses);
  }
  if (input.vendorId) {
    where.push('po.vendor_id = ?');
    params.push(input.vendorId);
  }
  if (input.productId) {
    where.push('EXISTS (SELECT 1 FROM purchase_order_lines l WHERE l.po_id = po.id AND l.product_id = ?)');
    params.push(input.productId);
  }
  if (input.from !== undefined) {
    where.push('po.created_at >= ?');
    params.push(input.from);
  }
  if (input.to !== undefined) {
    where.push('po.created_at <= ?');
    params.push(input.to);
  }
  if (input.approvalRequested) where.push(`po.approval_status = 'requested'`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sort = orderSortColumns[input.sortBy ?? 'number'] ?? 'po.id';
  const rows = ctx.sqlite
    .prepare(`SELECT ${summaryColumns} ${summaryFrom} ${whereSql} ORDER BY ${sort} ${input.sortDirection === 'desc' ? 'DESC' : 'ASC'}, po.id DESC LIMIT ? OFFSET ?`)
    .all(...params, input.pageSize, offsetOf(input)) as PoSummary[];
  const count = ctx.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${summaryFrom} ${whereSql} LIMIT ${COUNT_CAP + 1})`).get(...params) as { n: number };
  return { rows, total: Math.min(count.n, COUNT_CAP), totalCapped: count.n > COUNT_CAP };
}

export function orderHistory(ctx: Ctx, id: number): PoEvent[] {
  requireOrder(ctx, id);
  const rows = ctx.sqlite
    .prepare(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.details FROM purchase_order_events e LEFT JOIN users u ON u.id = e.user_id
       WHERE e.po_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id) as (Omit<PoEvent, 'details'> & { details: string })[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

// Writing ------------------------------------------------------------------------------------

interface HeaderInput {
  vendorId: number;
  purchaseForCompanyId: number | null;
  shipToName: string | null;
  shipToAddress: string | null;
  shippingType: string | null;
  expectedShipDate: string | null;
  freight: number;
  paymentTerms: string | null;
  memo: string | null;
}

interface LineInput {
  productId: number;
  qty: number;
  unitCost?: number;
  locationId: number;
  estimatedArrival: string | null;
}


/** The product as bought from this vendor; VENDOR_NOT_LINKED when it is not. */
function productVendor(ctx: Ctx, productId: number, vendorId: number): { vendorPartNumber: string | null; vendorCost: number } {
  const row = ctx.sqlite
    .prepare(`SELECT vendor_part_number AS vendorPartNumber, vendor_cost AS vendorCost FROM product_vendors WHERE product_id = ? AND vendor_id = ?`)
    .get(productId, vendorId) as { vendorPartNumber: string | null; vendorCost: number } | undefined;
  if (!row) {
    const product = requireProduct(ctx, productId);
    throw new DomainError('VENDOR_NOT_LINKED', { productId, sku: product.sku, vendorId });
  }
  return row;
}

function insertLine(ctx: Ctx, poId: number, vendorId: number, line: LineInput): number {
  const product = requireProduct(ctx, line.productId);
  requireStockLocation(ctx, line.locationId);
  const pv = productVendor(ctx, line.productId, vendorId);
  const { next } = ctx.sqlite.prepare(`SELECT coalesce(max(line_no), 0) + 1 AS next FROM purchase_order_lines WHERE po_id = ?`).get(poId) as { next: number };
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO purchase_order_lines (po_id, line_no, product_id, description, vendor_part_number, qty_ordered, unit_cost, location_id, estimated_arrival)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(poId, next, line.productId, product.name, pv.vendorPartNumber, line.qty, line.unitCost ?? pv.vendorCost, line.locationId, line.estimatedArrival).lastInsertRowid,
  );
}

/** Creates a New order; used by the PO screen and by the reorder suggestions. */
export function insertOrder(ctx: Ctx, actor: Actor, header: HeaderInput, lines: LineInput[]): number {
  requireVendor(ctx, header.vendorId);
  if (header.purchaseForCompanyId !== null) getCompany(ctx, header.purchaseForCompanyId);
  const now = ctx.now();
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO purchase_orders (number, status, vendor_id, purchase_for_company_id, ship_to_name, ship_to_address, shipping_type, expected_ship_date, freight, payment_terms, memo, created_by, created_at, updated_at)
         VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        nextPoNumber(ctx),
        header.vendorId,
        header.purchaseForCompanyId,
        header.shipToName,
        header.shipToAddress,
        header.shippingType,
        header.expectedShipDate,
        header.freight,
        header.paymentTerms,
        header.memo,
        actor.userId,
        now,
        now,
      ).lastInsertRowid,
  );
  for (const line of lines) insertLine(ctx, id, header.vendorId, line);
  assertOrderTotalInRange(ctx, id);
  recordPoEvent(ctx, id, actor.userId, 'created', { lines: lines.length });
  return id;
}

export function createOrder(ctx: Ctx, actor: Actor, input: HeaderInput & { lines: LineInput[] }): PurchaseOrder {
  return inTransaction(ctx, () => {
    const { lines, ...header } = input;
    return getOrder(ctx, actor, insertOrder(ctx, actor, header, lines));
  });
}

const headerColumns: [keyof HeaderInput, string][] = [
  ['vendorId', 'vendor_id'],
  ['purchaseForCompanyId', 'purchase_for_company_id'],
  ['shipToName', 'ship_to_name'],
  ['shipToAddress', 'ship_to_address'],
  ['shippingType', 'shipping_type'],
  ['expectedShipDate', 'expected_ship_date'],
  ['freight', 'freight'],
  ['paymentTerms', 'payment_terms'],
  ['memo', 'memo'],
];

export function updateOrder(ctx: Ctx, actor: Actor, patch: Omit<HeaderInput, 'freight'> & { id: number; freight?: number }): PurchaseOrder {
  return inTransaction(ctx, () => {
    const order = requireOrder(ctx, patch.id);
    // A user who cannot see costs edits the header without the freight: it stays as it was.
    const input: HeaderInput & { id: number } = { ...patch, freight: patch.freight ?? order.freight };
    if (order.status === 'canceled' || order.status === 'receivedFull') refuse(order, 'edit');
    const current = ctx.sqlite.prepare(`SELECT ${headerColumns.map(([k, c]) => `${c} AS ${k}`).join(', ')} FROM purchase_orders WHERE id = ?`).get(order.id) as HeaderInput;
    const changed = headerColumns.filter(([k]) => current[k] !== input[k]);
    if (changed.length === 0) return getOrder(ctx, actor, order.id);
    if (input.vendorId !== order.vendorId) {
      const received = ctx.sqlite.prepare(`SELECT coalesce(sum(qty_received), 0) AS n FROM purchase_order_lines WHERE po_id = ?`).get(order.id) as { n: number };
      if (received.n > 0) refuse(order, 'changeVendor');
      requireVendor(ctx, input.vendorId);
      // Every line must be bought from the new vendor; its part numbers replace the old ones.
      const lines = ctx.sqlite.prepare(`SELECT id, product_id AS productId FROM purchase_order_lines WHERE po_id = ?`).all(order.id) as { id: number; productId: number }[];
      const setPart = ctx.sqlite.prepare(`UPDATE purchase_order_lines SET vendor_part_number = ? WHERE id = ?`);
      for (const line of lines) setPart.run(productVendor(ctx, line.productId, input.vendorId).vendorPartNumber, line.id);
    }
    if (input.purchaseForCompanyId !== null) getCompany(ctx, input.purchaseForCompanyId);
    ctx.sqlite
      .prepare(`UPDATE purchase_orders SET ${headerColumns.map(([, c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...headerColumns.map(([k]) => input[k]), ctx.now(), order.id);
    assertOrderTotalInRange(ctx, order.id);
    const amountOrVendorChanged = input.freight !== current.freight || input.vendorId !== current.vendorId;
    let approvalReset = false;
    if (order.status === 'new') {
      if (amountOrVendorChanged) approvalReset = reviewApprovalAfterChange(ctx, order.id, { vendorChanged: input.vendorId !== current.vendorId });
    } else if (amountOrVendorChanged) {
      // A sent order cannot be approved again: an edit its approval no longer covers is refused.
      requireApprovalCleared(ctx, requireOrder(ctx, order.id), 'edit');
    }
    // Companies are named in the history as they were called at the time.
    const companyName = (id: unknown) => (typeof id === 'number' ? getCompany(ctx, id).name : null);
    recordPoEvent(ctx, order.id, actor.userId, 'updated', {
      changes: changed.map(([k]) =>
        k === 'vendorId' || k === 'purchaseForCompanyId'
          ? { field: k, before: current[k], after: input[k], beforeName: companyName(current[k]), afterName: companyName(input[k]) }
          : { field: k, before: current[k], after: input[k] },
      ),
      ...(approvalReset ? { approvalReset: true } : {}),
    });
    return getOrder(ctx, actor, order.id);
  });
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
  input: LineInput & { orderId: number; addVendor?: { vendorPartNumber: string | null; vendorCost: number } },
): PurchaseOrder {
  return inTransaction(ctx, () => {
    const order = requireOrder(ctx, input.orderId);
    requireNew(order, 'addLine');
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
  });
}

export function updateLine(ctx: Ctx, actor: Actor, input: Omit<LineInput, 'productId'> & { id: number }): PurchaseOrder {
  return inTransaction(ctx, () => {
    const line = requireLine(ctx, input.id);
    const order = requireOrder(ctx, line.poId);
    requireNew(order, 'editLine');
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
  });
}

export function removeLine(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  return inTransaction(ctx, () => {
    const line = requireLine(ctx, id);
    const order = requireOrder(ctx, line.poId);
    requireNew(order, 'removeLine');
    ctx.sqlite.prepare(`DELETE FROM purchase_order_lines WHERE id = ?`).run(line.id);
    const approvalReset = reviewApprovalAfterChange(ctx, order.id);
    recordPoEvent(ctx, order.id, actor.userId, 'lineRemoved', { lineNo: line.lineNo, sku: line.sku, qty: line.qtyOrdered, ...(approvalReset ? { approvalReset: true } : {}) });
    return getOrder(ctx, actor, order.id);
  });
}

export function requireLines(ctx: Ctx, order: OrderRow): void {
  const row = ctx.sqlite.prepare(`SELECT count(*) AS n FROM purchase_order_lines WHERE po_id = ?`).get(order.id) as { n: number };
  if (row.n === 0) throw new DomainError('PO_EMPTY', { number: order.number });
}

export function submitOrder(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  return inTransaction(ctx, () => {
    const order = requireOrder(ctx, id);
    requireNew(order, 'submit');
    requireLines(ctx, order);
    const { total } = requireApprovalCleared(ctx, order, 'submit');
    ctx.sqlite.prepare(`UPDATE purchase_orders SET status = 'submitted', submitted_by = ?, submitted_at = ?, updated_at = ? WHERE id = ?`).run(actor.userId, ctx.now(), ctx.now(), order.id);
    refreshOrder(ctx, order.id);
    recordPoEvent(ctx, order.id, actor.userId, 'submitted', coverDetails(order, total));
    return getOrder(ctx, actor, order.id);
  });
}

export function cancelOrder(ctx: Ctx, actor: Actor, input: { id: number; reason: string | null }): PurchaseOrder {
  return inTransaction(ctx, () => {
    const order = requireOrder(ctx, input.id);
    if (order.status !== 'new' && order.status !== 'submitted') refuse(order, 'cancel');
    const received = ctx.sqlite.prepare(`SELECT coalesce(sum(qty_received), 0) AS n FROM purchase_order_lines WHERE po_id = ?`).get(order.id) as { n: number };
    if (received.n > 0) refuse(order, 'cancel');
    ctx.sqlite.prepare(`UPDATE purchase_orders SET status = 'canceled', canceled_by = ?, canceled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`).run(actor.userId, ctx.now(), input.reason, ctx.now(), order.id);
    refreshOrder(ctx, order.id);
    recordPoEvent(ctx, order.id, actor.userId, 'canceled', { reason: input.reason });
    return getOrder(ctx, actor, order.id);
  });
}

/** The vendor cannot deliver `qty` of the outstanding units: they are cancelled from the line. */
export function reduceLine(ctx: Ctx, actor: Actor, input: { id: number; qty: number; reason: string | null }): PurchaseOrder {
  return inTransaction(ctx, () => {
    const line = requireLine(ctx, input.id);
    const order = requireOrder(ctx, line.poId);
    if (order.status !== 'submitted' && order.status !== 'receivedPartial') refuse(order, 'reduceLine');
    const outstanding = line.qtyOrdered - line.qtyCanceled - line.qtyReceived;
    if (input.qty > outstanding) throw new DomainError('OVER_RECEIPT', { outstanding, requested: input.qty, sku: line.sku, number: order.number });
    ctx.sqlite.prepare(`UPDATE purchase_order_lines SET qty_canceled = qty_canceled + ? WHERE id = ?`).run(input.qty, line.id);
    const status = refreshOrder(ctx, order.id);
    recordPoEvent(ctx, order.id, actor.userId, 'lineReduced', { lineNo: line.lineNo, sku: line.sku, qty: input.qty, reason: input.reason, status });
    return getOrder(ctx, actor, order.id);
  });
}
