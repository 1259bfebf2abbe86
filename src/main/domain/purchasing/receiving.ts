// Receiving. One receipt = one transaction, across lines of several purchase orders: new lots at the
// line's cost (plus its share of the freight when split), moves Vendor → location (or → Customer for the
// client company), quantities and statuses of the orders. A receipt is cancelled by moves back to the
// Vendor, refused while any of its units has moved on, is held, or was delivered elsewhere (naming the
// delivery). A line bought for a charge picks its units for the charge, or delivers them straight to its
// client (forCharges.ts); cancelling the receipt undoes both. This is the
// only way stock arrives from a vendor: the "vendor invoice number required" setting is enforced on every
// line here, whatever its destination, and cancelling is a manual stock change that may need a reason.
import type { ParsedInput } from '@shared/contract';
import type { OpenLine, Receipt } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { receipts } from '@main/db/schema';
import { getCompany } from '../catalog/companies';
import { likePattern, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { countUpTo, Filters, listPage, type Page, type SortColumns } from '../paging';
import { getSettings } from '../settings/settings';
import { requireManualChangeReason } from '../stock/adjustments';
import { ensureInventoryProduct } from '../stock/inventoryProducts';
import { postArrivals, postMoves, reversingMove, type PostedMove } from '../stock/ledger';
import { assertSerialsUnique } from '../stock/serials';
import { applyTransition, createDocument, defineWorkflow, requireTransition } from '../workflow/transitions';
import { deliveriesOfReceipt, receiveForCharge, releaseReceiptPicks } from './forCharges';
import { orderWorkflow } from './orderStatus';
import { backOrderOverdueSql, lineOverdueSql, overdueParams } from './overdue';
import { undoReceiptDeliveries } from '../sales/deliveries';

type ReceiptStatus = (typeof receipts.status.enumValues)[number];

/**
 * The receipt's transition table: posted when saved, cancelled once (moves back to the Vendor). Its
 * orders follow through their own table's system transitions (receive, cancelReceipt).
 */
export const receiptWorkflow = defineWorkflow<ReceiptStatus, { id: number; number: string; status: ReceiptStatus }>()({
  document: 'receipt',
  table: 'receipts',
  column: 'status',
  states: receipts.status.enumValues,
  read: (ctx, id) => prepared<[number], { id: number; number: string; status: ReceiptStatus }>(ctx, `SELECT id, number, status FROM receipts WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'receipt_events', key: 'receipt_id' },
  creations: { post: { to: 'posted' } },
  transitions: {
    cancel: {
      from: ['posted'],
      to: 'canceled',
      repeatOf: ['canceled'],
      guard: (ctx, _row, input) => requireManualChangeReason(ctx, input.reason ?? null, 'cancelReceipt'),
      sets: ({ userId, now, reason }) => ({ canceled_by: userId, canceled_at: now, cancel_reason: reason ?? null }),
    },
  },
});

// Open lines ----------------------------------------------------------------------------------

const openColumns = `l.id AS lineId, po.id AS orderId, po.number AS orderNumber, po.vendor_id AS vendorId, v.name AS vendorName,
  po.purchase_for_company_id AS purchaseForCompanyId, pf.name AS purchaseForName, l.product_id AS productId, p.sku, p.name AS productName, p.serialized,
  l.vendor_part_number AS vendorPartNumber, l.qty_ordered AS qtyOrdered, l.qty_received AS qtyReceived,
  l.qty_ordered - l.qty_canceled - l.qty_received AS outstanding, l.unit_cost AS unitCost, l.location_id AS locationId, loc.name AS locationName,
  l.estimated_arrival AS estimatedArrival, l.charge_id AS chargeId, ch.number AS chargeNumber, ch.company_id AS chargeCompanyId, cc.name AS chargeCompanyName,
  ${lineOverdueSql} AS overdue, ${backOrderOverdueSql} AS backOrderOverdue`;
const openFrom = `FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id JOIN companies v ON v.id = po.vendor_id
  LEFT JOIN companies pf ON pf.id = po.purchase_for_company_id JOIN products p ON p.id = l.product_id JOIN locations loc ON loc.id = l.location_id
  LEFT JOIN charges ch ON ch.id = l.charge_id LEFT JOIN companies cc ON cc.id = ch.company_id`;
const openSorts: SortColumns<'purchasing.listOpenLines'> = { orderNumber: 'l.po_id', sku: 'p.sku', vendorName: 'v.name', estimatedArrival: 'l.estimated_arrival' };

export function listOpenLines(ctx: Ctx, input: ParsedInput<'purchasing.listOpenLines'>): Page<OpenLine> {
  const filters = new Filters().add('l.receivable = 1');
  if (input.q) {
    const pattern = likePattern(input.q);
    filters.add(`(po.number LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\' OR v.name LIKE ? ESCAPE '\\' OR l.vendor_part_number LIKE ? ESCAPE '\\')`, pattern, pattern, pattern, pattern, pattern);
  }
  filters.equals('l.po_id', input.orderId).equals('po.vendor_id', input.vendorId).equals('l.location_id', input.locationId);
  const marks = overdueParams(ctx);
  return listPage(input, {
    sorts: openSorts,
    defaultSort: { by: 'orderNumber' },
    // Ties: the order in the sort's direction, then its lines in their own order.
    rows: (page) =>
      ctx.sqlite
        .prepare<unknown[], Omit<OpenLine, 'serialized' | 'backOrdered' | 'overdue' | 'backOrderOverdue'> & { serialized: number; overdue: number; backOrderOverdue: number }>(
          `SELECT ${openColumns} ${openFrom} ${filters.where()} ORDER BY ${page.orderBy('l.po_id')}, l.line_no LIMIT ? OFFSET ?`,
        )
        .all(marks, ...filters.params, page.limit, page.offset)
        .map((r) => ({
          ...r,
          serialized: r.serialized === 1,
          backOrdered: r.qtyReceived > 0 ? r.outstanding : 0,
          overdue: r.overdue === 1,
          backOrderOverdue: r.backOrderOverdue === 1,
        })),
    count: () => countUpTo(ctx, `${openFrom} ${filters.where()}`, filters.params),
  });
}

// Receiving -----------------------------------------------------------------------------------

type ReceiveLineInput = ParsedInput<'purchasing.receive'>['lines'][number];

interface LineRow {
  id: number;
  poId: number;
  number: string;
  vendorId: number;
  purchaseForCompanyId: number | null;
  productId: number;
  sku: string;
  serialized: number;
  outstanding: number;
  unitCost: number;
  locationId: number;
  /** The charge the line buys for, and its client. */
  chargeId: number | null;
  chargeCompanyId: number | null;
}

/**
 * Each line's share of the freight, by value (by units when nothing has a cost), in whole
 * ten-thousandths: the shares add up to the freight exactly, the last line taking the remainder.
 */
export function splitFreight(freight: number, lines: { qty: number; unitCost: number }[]): number[] {
  const values = lines.map((l) => BigInt(l.qty) * BigInt(l.unitCost));
  let weights = values;
  let sum = values.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    weights = lines.map((l) => BigInt(l.qty));
    sum = weights.reduce((a, b) => a + b, 0n);
  }
  if (sum === 0n) return lines.map(() => 0);
  let given = 0n;
  return weights.map((w, i) => {
    const share = i === weights.length - 1 ? BigInt(freight) - given : (BigInt(freight) * w) / sum;
    given += share;
    return Number(share);
  });
}

/**
 * A receipt has one line per PO line: a repeat would split one line's units, serials and landed cost over
 * two receipt lines. Names every repeated line by its index.
 */
function assertLinesDistinct(lines: ReceiveLineInput[]): void {
  const first = new Map<number, number>();
  const repeats: { index: number; sameAs: number }[] = [];
  lines.forEach((line, index) => {
    const earlier = first.get(line.lineId);
    if (earlier === undefined) first.set(line.lineId, index);
    else repeats.push({ index, sameAs: earlier });
  });
  if (repeats.length === 0) return;
  throw new DomainError('VALIDATION', {
    reason: 'repeatedLine',
    lines: [...new Set(repeats.flatMap((r) => [r.sameAs, r.index]))].sort((a, b) => a - b),
    fields: repeats.map((r) => ({ path: `lines.${r.index}.lineId`, code: 'duplicate', message: `same purchase order line as lines.${r.sameAs}` })),
  });
}

export function receive(ctx: Ctx, actor: Actor, input: ParsedInput<'purchasing.receive'>): Receipt {
  assertLinesDistinct(input.lines);
  const settings = getSettings(ctx);
  const lookup = ctx.sqlite.prepare(
    `SELECT l.id, l.po_id AS poId, po.number, po.vendor_id AS vendorId, po.purchase_for_company_id AS purchaseForCompanyId, l.product_id AS productId,
            p.sku, p.serialized, l.qty_ordered - l.qty_canceled - l.qty_received AS outstanding, l.unit_cost AS unitCost, l.location_id AS locationId,
            l.charge_id AS chargeId, ch.company_id AS chargeCompanyId
     FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id JOIN products p ON p.id = l.product_id LEFT JOIN charges ch ON ch.id = l.charge_id WHERE l.id = ?`,
  );
  const serialsByProduct = new Map<number, string[]>();
  // Orders already found receivable, each checked once however many of its lines come.
  const receivable = new Set<number>();
  const plan = input.lines.map((line) => {
    const row = lookup.get(line.lineId) as LineRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrderLine', id: line.lineId });
    if (!receivable.has(row.poId)) {
      requireTransition(ctx, orderWorkflow, row.poId, 'receive', { userId: actor.userId });
      receivable.add(row.poId);
    }
    if (line.qty > row.outstanding) throw new DomainError('OVER_RECEIPT', { outstanding: row.outstanding, requested: line.qty, sku: row.sku, number: row.number });
    const serials = line.serials ?? [];
    if (row.serialized) {
      if (serials.length !== line.qty) throw new DomainError('SERIAL_COUNT_MISMATCH', { qty: line.qty, serials: serials.length, sku: row.sku });
      serialsByProduct.set(row.productId, [...(serialsByProduct.get(row.productId) ?? []), ...serials]);
    } else if (serials.length > 0) {
      throw new DomainError('SERIALS_NOT_ALLOWED', { sku: row.sku });
    }
    if (settings.requireVendorInvoiceNumber && !line.vendorInvoiceNumber) throw new DomainError('INVOICE_REQUIRED', { number: row.number, sku: row.sku });
    let to: number;
    let companyId: number | null = null;
    if (line.destination === 'customer') {
      // A line bought for a charge goes to the charge's client unless another is named.
      companyId = line.companyId ?? row.chargeCompanyId ?? row.purchaseForCompanyId;
      if (companyId === null) throw new DomainError('VALIDATION', { fields: [{ path: 'companyId', code: 'required' }] });
      getCompany(ctx, companyId);
      to = VIRTUAL.customer;
    } else {
      to = line.locationId ?? row.locationId;
      requireStockLocation(ctx, to);
    }
    return { input: line, row, serials, to, companyId };
  });
  // The same serial twice in one receipt (even on two lines), or already used by the product.
  for (const [productId, serials] of serialsByProduct) assertSerialsUnique(ctx, productId, serials);

  const shares = input.splitFreight && input.freight > 0 ? splitFreight(input.freight, plan.map((p) => ({ qty: p.input.qty, unitCost: p.row.unitCost }))) : plan.map(() => 0);
  const now = ctx.now();
  const number = nextNumber(ctx, 'RCV');
  const receiptId = createDocument(
    ctx,
    receiptWorkflow,
    'post',
    { number, freight: input.freight, split_freight: input.splitFreight ? 1 : 0, note: input.note, user_id: actor.userId, created_at: now },
    { userId: actor.userId },
  );
  const insertLine = ctx.sqlite.prepare(
    `INSERT INTO receipt_lines (receipt_id, po_id, po_line_id, qty, unit_cost, landed_unit_cost, location_id, company_id, vendor_invoice_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addReceived = ctx.sqlite.prepare(`UPDATE purchase_order_lines SET qty_received = qty_received + ? WHERE id = ?`);
  const byOrder = new Map<number, { sku: string; qty: number }[]>();
  plan.forEach((p, i) => {
    // Per-unit landed cost in whole ten-thousandths; the rounding is under one per unit.
    const landed = p.row.unitCost + Math.round(shares[i]! / p.input.qty);
    const receiptLineId = Number(
      insertLine.run(receiptId, p.row.poId, p.row.id, p.input.qty, p.row.unitCost, landed, p.to, p.companyId, p.input.vendorInvoiceNumber).lastInsertRowid,
    );
    const lotFields = { unitCost: landed, vendorId: p.row.vendorId, poLineId: p.row.id, receiptId, vendorInvoiceNumber: p.input.vendorInvoiceNumber, sourceLine: receiptLineId };
    const arriving = p.row.serialized ? p.serials.map((serialNumber) => ({ ...lotFields, serialNumber, qty: 1 })) : [{ ...lotFields, serialNumber: null, qty: p.input.qty }];
    const lotIds = postArrivals(
      ctx,
      { productId: p.row.productId, from: VIRTUAL.vendor, to: p.to, sourceType: 'receipt', sourceId: receiptId, companyId: p.companyId, userId: actor.userId, occurredAt: now },
      arriving,
    );
    if (p.to !== VIRTUAL.customer) ensureInventoryProduct(ctx, p.row.productId, p.to, actor.userId);
    addReceived.run(p.input.qty, p.row.id);
    // Straight to another client than the charge's, the units are that client's, not the charge's.
    if (p.row.chargeId !== null && (p.to !== VIRTUAL.customer || p.companyId === p.row.chargeCompanyId)) {
      receiveForCharge(ctx, actor, {
        chargeId: p.row.chargeId,
        receiptId,
        receiptNumber: number,
        productId: p.row.productId,
        to: p.to,
        lots: arriving.map((lot, k) => ({ lotId: lotIds[k]!, qty: lot.qty, unitCost: landed, serialNumber: lot.serialNumber })),
      });
    }
    byOrder.set(p.row.poId, [...(byOrder.get(p.row.poId) ?? []), { sku: p.row.sku, qty: p.input.qty }]);
  });
  for (const [poId, lines] of byOrder) {
    applyTransition(ctx, orderWorkflow, poId, 'receive', {
      userId: actor.userId,
      details: ({ to }) => ({ receiptId, receiptNumber: number, units: lines.reduce((s, l) => s + l.qty, 0), lines, status: to }),
    });
  }
  return getReceipt(ctx, receiptId);
}

// Reading receipts ------------------------------------------------------------------------------

const receiptColumns = `r.id, r.number, r.status, r.created_at AS createdAt, u.display_name AS userName, r.freight, r.split_freight AS splitFreight, r.note,
  r.canceled_at AS canceledAt, r.cancel_reason AS cancelReason`;

function receiptLines(ctx: Ctx, receiptId: number): Receipt['lines'] {
  const lines = ctx.sqlite
    .prepare<[number], Omit<Receipt['lines'][number], 'serials'> & { unitCost: number; landedUnitCost: number }>(
      `SELECT rl.id, rl.po_id AS orderId, po.number AS orderNumber, rl.po_line_id AS lineId, p.sku, p.name AS productName, rl.qty, rl.unit_cost AS unitCost,
              rl.landed_unit_cost AS landedUnitCost, loc.name AS locationName, c.name AS companyName, rl.vendor_invoice_number AS vendorInvoiceNumber
       FROM receipt_lines rl JOIN purchase_orders po ON po.id = rl.po_id JOIN purchase_order_lines l ON l.id = rl.po_line_id JOIN products p ON p.id = l.product_id
       JOIN locations loc ON loc.id = rl.location_id LEFT JOIN companies c ON c.id = rl.company_id
       WHERE rl.receipt_id = ? ORDER BY rl.id`,
    )
    .all(receiptId);
  const serials = ctx.sqlite
    .prepare<[number, number], { line: number; serial: string }>(
      `SELECT m.source_line AS line, coalesce(lt.serial_number, lt.voided_serial_number) AS serial FROM stock_moves m JOIN lots lt ON lt.id = m.lot_id
       WHERE m.source_type = 'receipt' AND m.source_id = ? AND m.reverses_move_id IS NULL AND lt.receipt_id = ? AND coalesce(lt.serial_number, lt.voided_serial_number) IS NOT NULL ORDER BY m.id`,
    )
    .all(receiptId, receiptId);
  const byLine = new Map<number, string[]>();
  for (const s of serials) {
    const list = byLine.get(s.line);
    if (list) list.push(s.serial);
    else byLine.set(s.line, [s.serial]);
  }
  return lines.map((l) => ({ ...l, serials: byLine.get(l.id) ?? [] }));
}

type ReceiptHeader = Omit<Receipt, 'lines' | 'splitFreight' | 'units'> & { splitFreight: number; freight: number };

function toReceipt(ctx: Ctx, row: ReceiptHeader): Receipt {
  const lines = receiptLines(ctx, row.id);
  return { ...row, splitFreight: row.splitFreight === 1, units: lines.reduce((s, l) => s + l.qty, 0), lines };
}

export function getReceipt(ctx: Ctx, id: number): Receipt {
  const row = ctx.sqlite.prepare<[number], ReceiptHeader>(`SELECT ${receiptColumns} FROM receipts r JOIN users u ON u.id = r.user_id WHERE r.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'receipt', id });
  return toReceipt(ctx, row);
}

const receiptSorts: SortColumns<'purchasing.listReceipts'> = { createdAt: 'r.created_at' };

export function listReceipts(ctx: Ctx, input: ParsedInput<'purchasing.listReceipts'>): Page<Receipt> {
  const filters = new Filters();
  if (input.orderId) filters.add('r.id IN (SELECT receipt_id FROM receipt_lines WHERE po_id = ?)', input.orderId);
  // Newest first whatever the call asks (the contract promises newest first; the receipts tab asks nothing else).
  const { sortBy: _newestFirst, ...newestFirst } = input;
  return listPage<'purchasing.listReceipts', Receipt>(newestFirst, {
    sorts: receiptSorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (page) =>
      ctx.sqlite
        .prepare<unknown[], ReceiptHeader>(`SELECT ${receiptColumns} FROM receipts r JOIN users u ON u.id = r.user_id ${filters.where()} ORDER BY ${page.orderBy('r.id')} LIMIT ? OFFSET ?`)
        .all(...filters.params, page.limit, page.offset)
        .map((r) => toReceipt(ctx, r)),
    count: () => countUpTo(ctx, `FROM receipts r ${filters.where()}`, filters.params),
  });
}

// Cancelling ------------------------------------------------------------------------------------

/** A move of a receipt, with how much of it is still where the receipt put it and how much of that is held. */
type ReceiptMoveRow = PostedMove & { serialNumber: string | null; sku: string; stillThere: number; held: number };

export function cancelReceipt(ctx: Ctx, actor: Actor, input: { id: number; reason: string | null }): Receipt {
  // Refused (already cancelled, no reason) before any unit is looked at.
  const receipt = requireTransition(ctx, receiptWorkflow, input.id, 'cancel', { userId: actor.userId, reason: input.reason });
  // Units it brought that a delivery took to a client stay there until that delivery is reversed.
  const deliveries = deliveriesOfReceipt(ctx, receipt.id);
  if (deliveries.length > 0) throw new DomainError('RECEIPT_DELIVERED', { number: receipt.number, deliveries });
  // What the receipt itself did for charges is undone with it: its deliveries straight to the client, its picks.
  undoReceiptDeliveries(ctx, actor, receipt.id, input.reason);
  releaseReceiptPicks(ctx, actor, receipt.id);
  const moves = ctx.sqlite
    .prepare<[number], ReceiptMoveRow>(
      `SELECT m.id, m.lot_id AS lotId, m.product_id AS productId, m.qty, m.from_location_id AS "from", m.to_location_id AS "to", m.unit_cost AS unitCost, m.source_line AS sourceLine,
              m.company_id AS companyId, lt.serial_number AS serialNumber, p.sku,
              CASE WHEN m.to_location_id IN (SELECT id FROM locations WHERE usage = 'internal' OR id = ${VIRTUAL.transit})
                   THEN coalesce((SELECT b.qty FROM balances b WHERE b.lot_id = m.lot_id AND b.location_id = m.to_location_id), 0)
                   -- At a client (a receipt straight to the client), where no balance is kept: what its moves left there.
                   ELSE (SELECT coalesce(sum(CASE WHEN x.to_location_id = m.to_location_id THEN x.qty ELSE -x.qty END), 0) FROM stock_moves x
                         WHERE x.lot_id = m.lot_id AND (x.to_location_id = m.to_location_id OR x.from_location_id = m.to_location_id)) END AS stillThere,
              coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = m.lot_id AND a.location_id = m.to_location_id), 0) AS held
       FROM stock_moves m JOIN lots lt ON lt.id = m.lot_id JOIN products p ON p.id = m.product_id
       WHERE m.source_type = 'receipt' AND m.source_id = ? AND m.reverses_move_id IS NULL ORDER BY m.id`,
    )
    .all(receipt.id);
  // Every unit must still be where the receipt put it, and free: name what is not.
  const blocked = moves.filter((m) => m.stillThere - m.held < m.qty);
  if (blocked.length > 0) {
    throw new DomainError('REVERSAL_BLOCKED', {
      number: receipt.number,
      items: blocked.slice(0, 20).map((m) => m.serialNumber ?? m.sku),
      count: blocked.length,
    });
  }
  const now = ctx.now();
  postMoves(
    ctx,
    moves.map((m) => reversingMove(m, { sourceType: 'receipt', sourceId: receipt.id, reason: input.reason, userId: actor.userId, occurredAt: now })),
  );
  // The serials are free again for the corrected receipt; the moves still name them.
  ctx.sqlite.prepare(`UPDATE lots SET voided_serial_number = serial_number, serial_number = NULL WHERE receipt_id = ? AND serial_number IS NOT NULL`).run(receipt.id);
  const lines = ctx.sqlite
    .prepare<[number], { poId: number; lineId: number; qty: number; sku: string }>(`SELECT rl.po_id AS poId, rl.po_line_id AS lineId, rl.qty, p.sku FROM receipt_lines rl JOIN purchase_order_lines l ON l.id = rl.po_line_id JOIN products p ON p.id = l.product_id WHERE rl.receipt_id = ?`)
    .all(receipt.id);
  const subtract = ctx.sqlite.prepare(`UPDATE purchase_order_lines SET qty_received = qty_received - ? WHERE id = ?`);
  const byOrder = new Map<number, { sku: string; qty: number }[]>();
  for (const line of lines) {
    subtract.run(line.qty, line.lineId);
    byOrder.set(line.poId, [...(byOrder.get(line.poId) ?? []), { sku: line.sku, qty: line.qty }]);
  }
  applyTransition(ctx, receiptWorkflow, receipt.id, 'cancel', { userId: actor.userId, reason: input.reason, details: { reason: input.reason } });
  for (const [poId, poLines] of byOrder) {
    applyTransition(ctx, orderWorkflow, poId, 'cancelReceipt', {
      userId: actor.userId,
      details: ({ to }) => ({ receiptId: receipt.id, receiptNumber: receipt.number, units: poLines.reduce((s, l) => s + l.qty, 0), lines: poLines, reason: input.reason, status: to }),
    });
  }
  return getReceipt(ctx, receipt.id);
}
