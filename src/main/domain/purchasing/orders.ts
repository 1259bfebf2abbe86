// Purchase orders: creating one and editing its header. The vendor changes only until anything is
// received, and every line's product must be bought from the vendor; whether an order's amount or vendor
// may change once sent is the approval gate's call (approval.ts), and a change to what a New order buys is
// reviewed against its approval. The order's status changes only through its table (orderStatus.ts);
// lines are in orderLines.ts, reading in orderReads.ts. Every change is a PO event (orderHistory.ts).
import type { ParsedInput } from '@shared/contract';
import type { PurchaseOrder } from '@shared/contract/purchasing';
import { getCompany, requireVendor } from '../catalog/companies';
import { type Actor, type Ctx } from '../context';
import { nextPoNumber } from '../settings/settings';
import { createDocument, requireEditable } from '../workflow/transitions';
import { requireApprovalCleared, reviewApprovalAfterChange } from './approval';
import { recordPoEvent } from './orderHistory';
import { insertLine, productVendor, type LineInput } from './orderLines';
import { assertOrderTotalInRange, getOrder, requireOrder } from './orderReads';
import { orderWorkflow } from './orderStatus';

/** An order's header as the contract parses it for a new order. */
type HeaderInput = Omit<ParsedInput<'purchasing.createOrder'>, 'lines'>;

/** Creates a New order; used by the PO screen and by the reorder suggestions. */
export function insertOrder(ctx: Ctx, actor: Actor, header: HeaderInput, lines: LineInput[]): number {
  requireVendor(ctx, header.vendorId);
  if (header.purchaseForCompanyId !== null) getCompany(ctx, header.purchaseForCompanyId);
  const now = ctx.now();
  const id = createDocument(
    ctx,
    orderWorkflow,
    'create',
    {
      number: nextPoNumber(ctx),
      vendor_id: header.vendorId,
      purchase_for_company_id: header.purchaseForCompanyId,
      ship_to_name: header.shipToName,
      ship_to_address: header.shipToAddress,
      shipping_type: header.shippingType,
      expected_ship_date: header.expectedShipDate,
      freight: header.freight,
      payment_terms: header.paymentTerms,
      memo: header.memo,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId, details: { lines: lines.length } },
  );
  for (const line of lines) insertLine(ctx, id, header.vendorId, line);
  assertOrderTotalInRange(ctx, id);
  return id;
}

export function createOrder(ctx: Ctx, actor: Actor, input: ParsedInput<'purchasing.createOrder'>): PurchaseOrder {
  const { lines, ...header } = input;
  return getOrder(ctx, actor, insertOrder(ctx, actor, header, lines));
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

export function updateOrder(ctx: Ctx, actor: Actor, patch: ParsedInput<'purchasing.updateOrder'>): PurchaseOrder {
  const order = requireOrder(ctx, patch.id);
  // A user who cannot see costs edits the header without the freight: it stays as it was.
  const input: HeaderInput & { id: number } = { ...patch, freight: patch.freight ?? order.freight };
  requireEditable(orderWorkflow, order, 'edit');
  const current = ctx.sqlite.prepare(`SELECT ${headerColumns.map(([k, c]) => `${c} AS ${k}`).join(', ')} FROM purchase_orders WHERE id = ?`).get(order.id) as HeaderInput;
  const changed = headerColumns.filter(([k]) => current[k] !== input[k]);
  if (changed.length === 0) return getOrder(ctx, actor, order.id);
  if (input.vendorId !== order.vendorId) {
    requireEditable(orderWorkflow, order, 'changeVendor');
    requireVendor(ctx, input.vendorId);
    // Every line must be bought from the new vendor; its part numbers replace the old ones.
    const lines = ctx.sqlite.prepare<[number], { id: number; productId: number }>(`SELECT id, product_id AS productId FROM purchase_order_lines WHERE po_id = ?`).all(order.id);
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
}
