import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { companies, products } from './catalog';
import { locations } from './locations';
import { charges } from './sales';

/**
 * Purchase orders. Status: new → submitted → receivedPartial → receivedFull, or canceled from new or
 * submitted. Approval is separate from the status: none → requested → approved | rejected (rejected
 * leaves the order New and editable).
 */
export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    status: text('status', { enum: ['new', 'submitted', 'receivedPartial', 'receivedFull', 'canceled'] }).notNull(),
    approvalStatus: text('approval_status', { enum: ['none', 'requested', 'approved', 'rejected'] }).notNull().default('none'),
    vendorId: integer('vendor_id').notNull().references(() => companies.id),
    purchaseForCompanyId: integer('purchase_for_company_id').references(() => companies.id),
    shipToName: text('ship_to_name'),
    shipToAddress: text('ship_to_address'),
    shippingType: text('shipping_type'),
    expectedShipDate: text('expected_ship_date'),
    freight: integer('freight').notNull().default(0),
    paymentTerms: text('payment_terms'),
    memo: text('memo'),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: integer('submitted_at'),
    approvalBy: integer('approval_by').references(() => users.id),
    approvalAt: integer('approval_at'),
    approvalNote: text('approval_note'),
    canceledBy: integer('canceled_by').references(() => users.id),
    canceledAt: integer('canceled_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    index('purchase_orders_created_idx').on(t.createdAt),
    index('purchase_orders_status_idx').on(t.status, t.createdAt),
    index('purchase_orders_vendor_idx').on(t.vendorId, t.createdAt),
    index('purchase_orders_approval_idx').on(t.createdAt).where(sql`approval_status = 'requested'`),
  ],
);

/**
 * Lines. Outstanding = ordered − canceled − received. `receivable` is 1 while the order is submitted or
 * partly received and the line still has units outstanding: the Receiving page pages through it by index.
 */
export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    poId: integer('po_id').notNull().references(() => purchaseOrders.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id').notNull().references(() => products.id),
    description: text('description').notNull(),
    vendorPartNumber: text('vendor_part_number'),
    qtyOrdered: integer('qty_ordered').notNull(),
    qtyReceived: integer('qty_received').notNull().default(0),
    qtyCanceled: integer('qty_canceled').notNull().default(0),
    unitCost: integer('unit_cost').notNull(),
    locationId: integer('location_id').notNull().references(() => locations.id),
    estimatedArrival: text('estimated_arrival'),
    receivable: integer('receivable').notNull().default(0),
    /** The charge this line buys for (Purchasing & Fulfillment): received units are picked for it, or delivered to its client. */
    chargeId: integer('charge_id').references(() => charges.id),
  },
  (t) => [
    index('po_lines_po_idx').on(t.poId, t.lineNo),
    index('po_lines_charge_idx').on(t.chargeId).where(sql`charge_id is not null`),
    index('po_lines_product_idx').on(t.productId, t.locationId),
    index('po_lines_receivable_idx').on(t.poId, t.lineNo).where(sql`receivable = 1`),
  ],
);

/** One save of the receive screen; may span lines of several purchase orders. */
export const receipts = sqliteTable(
  'receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    status: text('status', { enum: ['posted', 'canceled'] }).notNull(),
    freight: integer('freight').notNull().default(0),
    splitFreight: integer('split_freight', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    canceledBy: integer('canceled_by').references(() => users.id),
    canceledAt: integer('canceled_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [index('receipts_created_idx').on(t.createdAt)],
);

export const receiptLines = sqliteTable(
  'receipt_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptId: integer('receipt_id').notNull().references(() => receipts.id),
    poId: integer('po_id').notNull().references(() => purchaseOrders.id),
    poLineId: integer('po_line_id').notNull().references(() => purchaseOrderLines.id),
    qty: integer('qty').notNull(),
    /** The PO line's unit cost; landedUnitCost adds this line's share of the receipt's freight. */
    unitCost: integer('unit_cost').notNull(),
    landedUnitCost: integer('landed_unit_cost').notNull(),
    locationId: integer('location_id').notNull().references(() => locations.id),
    companyId: integer('company_id').references(() => companies.id),
    vendorInvoiceNumber: text('vendor_invoice_number'),
  },
  (t) => [index('receipt_lines_receipt_idx').on(t.receiptId), index('receipt_lines_po_idx').on(t.poId), index('receipt_lines_po_line_idx').on(t.poLineId)],
);

/**
 * Everything that happened to a purchase order, for its History tab. Details as JSON. A transition of its
 * status or approval (domain/workflow) also names the states it went from and to; other events leave them null.
 */
export const purchaseOrderEvents = sqliteTable(
  'purchase_order_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    poId: integer('po_id').notNull().references(() => purchaseOrders.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('po_events_po_idx').on(t.poId, t.occurredAt)],
);

/** The history of a receipt: its creation and every transition of its table (domain/workflow). */
export const receiptEvents = sqliteTable(
  'receipt_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptId: integer('receipt_id').notNull().references(() => receipts.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    details: text('details').notNull(),
  },
  (t) => [index('receipt_events_receipt_idx').on(t.receiptId, t.occurredAt)],
);
