// Reading purchase orders: the row the actions decide on, totals, one order with its lines, approval and
// invoices for the order page, summaries and the paged list. Nothing here writes.
import type { ParsedInput } from '@shared/contract';
import type { PoSummary, PurchaseOrder } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { MAX_ORDER_TOTAL } from '@shared/money';
import { likePattern, type Actor, type Ctx } from '../context';
import { countUpTo, Filters, listPage, type Page, type SortColumns } from '../paging';
import { approvalGate, approvalRequestInfo } from './approval';
import { coverageFor } from './approvalLimits';
import { officeToday, orderOverdueSql } from './overdue';

type Status = PurchaseOrder['status'];

export interface OrderRow {
  id: number;
  number: string;
  status: Status;
  approvalStatus: PurchaseOrder['approvalStatus'];
  vendorId: number;
  purchaseForCompanyId: number | null;
  freight: number;
  /** Units received on all lines, and units still to come (ordered − canceled − received): the status follows them. */
  received: number;
  outstanding: number;
}

export function readOrder(ctx: Ctx, id: number): OrderRow | undefined {
  return ctx.sqlite
    .prepare<[number], OrderRow>(
      `SELECT po.id, po.number, po.status, po.approval_status AS approvalStatus, po.vendor_id AS vendorId, po.purchase_for_company_id AS purchaseForCompanyId, po.freight,
              coalesce(sum(l.qty_received), 0) AS received, coalesce(sum(l.qty_ordered - l.qty_canceled - l.qty_received), 0) AS outstanding
       FROM purchase_orders po LEFT JOIN purchase_order_lines l ON l.po_id = po.id WHERE po.id = ? GROUP BY po.id`,
    )
    .get(id);
}

export function requireOrder(ctx: Ctx, id: number): OrderRow {
  const row = readOrder(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder', id });
  return row;
}

export function requireLines(ctx: Ctx, order: Pick<OrderRow, 'id' | 'number'>): void {
  const row = ctx.sqlite.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM purchase_order_lines WHERE po_id = ?`).get(order.id)!;
  if (row.n === 0) throw new DomainError('PO_EMPTY', { number: order.number });
}

/** Subtotal of the lines (ordered − canceled) × unit cost, and the total with freight. */
export function orderTotals(ctx: Ctx, poId: number, freight: number): { subtotal: number; total: number } {
  const { subtotal } = ctx.sqlite
    .prepare<[number], { subtotal: number }>(`SELECT coalesce(sum((qty_ordered - qty_canceled) * unit_cost), 0) AS subtotal FROM purchase_order_lines WHERE po_id = ?`)
    .get(poId)!;
  return { subtotal, total: subtotal + freight };
}

/**
 * An order's amounts stay exact JavaScript numbers (screens, PDF, approval threshold): a change to its lines
 * or freight that would take its total past MAX_ORDER_TOTAL is refused. Summed in bigint, since one line at
 * the quantity and cost bounds already passes 2^53.
 */
export function assertOrderTotalInRange(ctx: Ctx, poId: number): void {
  const { total } = ctx.sqlite
    .prepare<[number], { total: bigint }>(
      `SELECT po.freight + coalesce((SELECT sum((l.qty_ordered - l.qty_canceled) * l.unit_cost) FROM purchase_order_lines l WHERE l.po_id = po.id), 0) AS total
       FROM purchase_orders po WHERE po.id = ?`,
    )
    .safeIntegers(true)
    .get(poId)!;
  if (total > BigInt(MAX_ORDER_TOTAL)) throw new DomainError('VALIDATION', { reason: 'orderTotalTooLarge', field: 'total', max: MAX_ORDER_TOTAL });
}

// Reading ------------------------------------------------------------------------------------

const summaryColumns = `po.id, po.number, po.status, po.approval_status AS approvalStatus, po.vendor_id AS vendorId, v.name AS vendorName,
  pf.name AS purchaseForName, po.created_at AS createdAt, po.submitted_at AS submittedAt, po.expected_ship_date AS expectedShipDate,
  (SELECT count(*) FROM purchase_order_lines l WHERE l.po_id = po.id) AS lineCount,
  (SELECT coalesce(sum(l.qty_ordered - l.qty_canceled - l.qty_received), 0) FROM purchase_order_lines l WHERE l.po_id = po.id AND po.status IN ('submitted', 'receivedPartial')) AS outstanding,
  po.freight + (SELECT coalesce(sum((l.qty_ordered - l.qty_canceled) * l.unit_cost), 0) FROM purchase_order_lines l WHERE l.po_id = po.id) AS total,
  ${orderOverdueSql()} AS overdue`;
const summaryFrom = `FROM purchase_orders po JOIN companies v ON v.id = po.vendor_id LEFT JOIN companies pf ON pf.id = po.purchase_for_company_id`;

/** The summary columns' named parameter (@today), bound beside the positional ones. */
const summaryParams = (ctx: Ctx, today = officeToday(ctx)) => ({ today });
/** A summary as SQLite answers it: its mark 0 or 1. */
type RawSummary = Omit<PoSummary, 'overdue'> & { overdue: number };
const toSummary = (row: RawSummary): PoSummary => ({ ...row, overdue: row.overdue === 1 });

type OrderHeader = Omit<
  PurchaseOrder,
  'lines' | 'needsApproval' | 'approvalCleared' | 'approvalRequestedByName' | 'approvalRequestedAt' | 'approverConflict' | 'subtotal' | 'anythingReceived' | 'vendorInvoiceNumbers' | 'overdue'
> & { freight: number; total: number; overdue: number };
type OrderLineRow = Omit<PurchaseOrder['lines'][number], 'serialized' | 'outstanding' | 'backOrdered' | 'extended'> & { serialized: number; unitCost: number };

export function getOrder(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  const row = ctx.sqlite
    .prepare<[ReturnType<typeof summaryParams>, number], OrderHeader>(
      `SELECT ${summaryColumns}, v.email AS vendorEmail, po.purchase_for_company_id AS purchaseForCompanyId, po.ship_to_name AS shipToName, po.ship_to_address AS shipToAddress,
              po.shipping_type AS shippingType, po.payment_terms AS paymentTerms, po.memo, po.freight, cu.display_name AS createdByName,
              au.display_name AS approvalByName, po.approval_at AS approvalAt, po.approval_note AS approvalNote, po.cancel_reason AS cancelReason
       ${summaryFrom} JOIN users cu ON cu.id = po.created_by LEFT JOIN users au ON au.id = po.approval_by WHERE po.id = ?`,
    )
    .get(summaryParams(ctx), id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder', id });
  const lines = ctx.sqlite
    .prepare<[number], OrderLineRow>(
      `SELECT l.id, l.line_no AS lineNo, l.product_id AS productId, p.sku, p.name AS productName, p.serialized, l.description, l.vendor_part_number AS vendorPartNumber,
              l.qty_ordered AS qtyOrdered, l.qty_received AS qtyReceived, l.qty_canceled AS qtyCanceled, l.unit_cost AS unitCost,
              l.location_id AS locationId, loc.name AS locationName, l.estimated_arrival AS estimatedArrival,
              l.charge_id AS chargeId, ch.number AS chargeNumber, ch.company_id AS chargeCompanyId, cc.name AS chargeCompanyName
       FROM purchase_order_lines l JOIN products p ON p.id = l.product_id JOIN locations loc ON loc.id = l.location_id
       LEFT JOIN charges ch ON ch.id = l.charge_id LEFT JOIN companies cc ON cc.id = ch.company_id
       WHERE l.po_id = ? ORDER BY l.line_no`,
    )
    .all(id);
  const invoices = ctx.sqlite
    .prepare<[number], { n: string }>(
      `SELECT DISTINCT rl.vendor_invoice_number AS n FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id
       WHERE rl.po_id = ? AND r.status = 'posted' AND rl.vendor_invoice_number IS NOT NULL ORDER BY rl.id`,
    )
    .all(id);
  const gate = approvalGate(ctx, row);
  const subtotal = row.total - row.freight;
  const open = row.status === 'submitted' || row.status === 'receivedPartial';
  return {
    ...row,
    overdue: row.overdue === 1,
    ...approvalRequestInfo(ctx, actor, row),
    ...coverageFor(ctx, actor)(gate.total),
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
  return ctx.sqlite
    .prepare<unknown[], RawSummary>(`SELECT ${summaryColumns} ${summaryFrom} WHERE po.id IN (${ids.map(() => '?').join(',')}) ORDER BY po.id`)
    .all(summaryParams(ctx), ...ids)
    .map(toSummary);
}

const orderSorts: SortColumns<'purchasing.listOrders'> = {
  number: 'po.id',
  createdAt: 'po.created_at',
  vendorName: 'v.name',
  status: 'po.status',
  total: 'total',
  expectedShipDate: 'po.expected_ship_date',
};

/** Orders as the list shows them; the approvals queue reads the same list, of requested approvals only. */
export function listOrders(ctx: Ctx, input: ParsedInput<'purchasing.listOrders'> & { approvalRequested?: boolean }): Page<PoSummary> {
  const filters = new Filters();
  const today = officeToday(ctx);
  if (input.q) filters.add(`(po.number LIKE ? ESCAPE '\\' OR v.name LIKE ? ESCAPE '\\')`, likePattern(input.q), likePattern(input.q));
  if (input.statuses?.length) filters.add(`po.status IN (${input.statuses.map(() => '?').join(',')})`, ...input.statuses);
  if (input.vendorId) filters.add('po.vendor_id = ?', input.vendorId);
  if (input.productId) filters.add('EXISTS (SELECT 1 FROM purchase_order_lines l WHERE l.po_id = po.id AND l.product_id = ?)', input.productId);
  if (input.from !== undefined) filters.add('po.created_at >= ?', input.from);
  if (input.to !== undefined) filters.add('po.created_at <= ?', input.to);
  if (input.approvalRequested) filters.add(`po.approval_status = 'requested'`);
  // Open orders through purchase_orders_status_idx (status IN …), then their dates: the open orders are few.
  if (input.overdue) filters.add(orderOverdueSql('?'), today);
  return listPage(input, {
    sorts: orderSorts,
    defaultSort: { by: 'number' },
    // Ties: the newest order first, whatever the direction.
    rows: (page) =>
      ctx.sqlite
        .prepare<unknown[], RawSummary>(`SELECT ${summaryColumns} ${summaryFrom} ${filters.where()} ORDER BY ${page.column} ${page.direction}, po.id DESC LIMIT ? OFFSET ?`)
        .all(summaryParams(ctx, today), ...filters.params, page.limit, page.offset)
        .map(toSummary),
    count: () => countUpTo(ctx, `${summaryFrom} ${filters.where()}`, filters.params),
  });
}
