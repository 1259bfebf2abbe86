import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { companies, products } from './catalog';
import { locations } from './locations';
import { lots } from './stock';
import { receipts } from './purchasing';

/**
 * Contracts, projects and tickets: the light containers a client's charges are billed on. A ticket or a
 * project may name its contract; a ticket's owner is its technician.
 */
export const containers = sqliteTable(
  'containers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['contract', 'project', 'ticket'] }).notNull(),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    companyId: integer('company_id').notNull().references(() => companies.id),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    contractId: integer('contract_id').references((): AnySQLiteColumn => containers.id),
    description: text('description'),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('containers_company_idx').on(t.companyId, t.id),
    index('containers_kind_idx').on(t.kind, t.status, t.id),
    index('containers_contract_idx').on(t.contractId).where(sql`contract_id is not null`),
    index('containers_owner_idx').on(t.ownerUserId).where(sql`owner_user_id is not null`),
  ],
);

/**
 * A product billed to a client on a container. Status follows quantities (domain/sales/charges.ts): picked
 * is the Σ of the charge's allocations, delivered and delivered cost the Σ of its delivery lines net of
 * reversals; all three are kept in the transaction that changes them and checked by verifyLedger.
 */
export const charges = sqliteTable(
  'charges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    containerId: integer('container_id').notNull().references(() => containers.id),
    companyId: integer('company_id').notNull().references(() => companies.id),
    /**
     * product: a catalogue product; freight: what a shipment bills, with no product; credit: money given back
     * to the client (quantity 1, cost 0, a negative price), made by a client return or an RMA.
     */
    kind: text('kind', { enum: ['product', 'freight', 'credit'] }).notNull().default('product'),
    productId: integer('product_id').references(() => products.id),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    billable: integer('billable', { mode: 'boolean' }).notNull().default(true),
    status: text('status', { enum: ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready', 'delivered', 'canceled'] }).notNull(),
    picked: integer('picked').notNull().default(0),
    delivered: integer('delivered').notNull().default(0),
    /** Exact Σ qty × unit cost of what was delivered (10⁻⁴ currency units). */
    deliveredCost: integer('delivered_cost').notNull().default(0),
    /** Of the delivered units, those the client gave back (client returns), and the cost they came back at. */
    returned: integer('returned').notNull().default(0),
    returnedCost: integer('returned_cost').notNull().default(0),
    holdNote: text('hold_note'),
    cancelReason: text('cancel_reason'),
    /**
     * Approval before money is spent: the extended cost (quantity × catalogue cost) an approver approved, who and
     * when. A charge needs approval again only once it would cost more than that.
     */
    approvedCost: integer('approved_cost'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: integer('approved_at'),
    /** The sales order (and quote item) a won opportunity made it from. */
    salesOrderId: integer('sales_order_id').references((): AnySQLiteColumn => salesOrders.id),
    quoteItemId: integer('quote_item_id').references((): AnySQLiteColumn => quoteItems.id),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('charges_sales_order_idx').on(t.salesOrderId, t.id).where(sql`sales_order_id is not null`),
    index('charges_container_idx').on(t.containerId, t.id),
    index('charges_company_idx').on(t.companyId, t.id),
    index('charges_status_idx').on(t.status, t.id),
    index('charges_product_idx').on(t.productId, t.id),
    // The Delivery & Shipping page: charges with picked units not yet delivered, and ready charges with
    // nothing picked (those of products not tracked in stock are lines of their own).
    index('charges_open_picks_idx').on(t.id).where(sql`picked > 0`),
    index('charges_ready_unpicked_idx').on(t.id).where(sql`status = 'ready' AND picked = 0`),
    // Delivery & Shipping sorted by client or product: each one's charges with picks, in charge order.
    index('charges_open_company_idx').on(t.companyId, t.id).where(sql`picked > 0`),
    index('charges_open_product_idx').on(t.productId, t.id).where(sql`picked > 0`),
  ],
);

export const chargeEvents = sqliteTable(
  'charge_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chargeId: integer('charge_id').notNull().references(() => charges.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('charge_events_charge_idx').on(t.chargeId, t.occurredAt)],
);

export const containerEvents = sqliteTable(
  'container_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    containerId: integer('container_id').notNull().references(() => containers.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('container_events_container_idx').on(t.containerId, t.occurredAt)],
);

/**
 * A delivery (DLV-n): units leaving for a client company, delivered in person or shipped. Its moves
 * (source 'delivery', line = delivery line no.) take the units to Customer at their cost.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    companyId: integer('company_id').notNull().references(() => companies.id),
    method: text('method', { enum: ['deliver', 'ship'] }).notNull(),
    status: text('status', { enum: ['delivered', 'reversed'] }).notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** The day it left, as chosen: 'YYYY-MM-DD'. */
    shipDate: text('ship_date'),
    shipToName: text('ship_to_name'),
    shipToAddress: text('ship_to_address'),
    /** Why units leave without a charge (a loan, a replacement). */
    reason: text('reason'),
    note: text('note'),
    freightChargeId: integer('freight_charge_id').references(() => charges.id),
    /** A receipt straight to the client for a charge delivered it: the receipt's own moves took the units to Customer. */
    receiptId: integer('receipt_id').references((): AnySQLiteColumn => receipts.id),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    reversedAt: integer('reversed_at'),
    reverseReason: text('reverse_reason'),
  },
  (t) => [
    index('deliveries_created_idx').on(t.createdAt),
    index('deliveries_company_idx').on(t.companyId, t.createdAt),
    index('deliveries_receipt_idx').on(t.receiptId).where(sql`receipt_id is not null`),
  ],
);

export const deliveryLines = sqliteTable(
  'delivery_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id').notNull().references(() => deliveries.id),
    lineNo: integer('line_no').notNull(),
    chargeId: integer('charge_id').references(() => charges.id),
    productId: integer('product_id').notNull().references(() => products.id),
    /** Where the units left from; null for a product not tracked in stock. */
    locationId: integer('location_id').references(() => locations.id),
    qty: integer('qty').notNull(),
    /** Exact Σ qty × unit cost of the units (catalogue cost for a product not tracked in stock). */
    cost: integer('cost').notNull(),
  },
  (t) => [uniqueIndex('delivery_lines_unique').on(t.deliveryId, t.lineNo), index('delivery_lines_charge_idx').on(t.chargeId).where(sql`charge_id is not null`)],
);

export const deliveryEvents = sqliteTable(
  'delivery_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id').notNull().references(() => deliveries.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('delivery_events_delivery_idx').on(t.deliveryId, t.occurredAt)],
);

/** Configuration items: a serialized unit installed at a client, created by its delivery. */
export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    lotId: integer('lot_id').notNull().references(() => lots.id),
    serialNumber: text('serial_number').notNull(),
    /** The serial as serials compare (shared/serials.ts): the search by serial walks it. */
    serialKey: text('serial_key').notNull(),
    companyId: integer('company_id').notNull().references(() => companies.id),
    containerId: integer('container_id').references(() => containers.id),
    contractId: integer('contract_id').references(() => containers.id),
    chargeId: integer('charge_id').references(() => charges.id),
    deliveryId: integer('delivery_id').notNull().references(() => deliveries.id),
    deliveryLineId: integer('delivery_line_id').notNull().references(() => deliveryLines.id),
    /** installed: at the client. voided: its delivery was reversed. returned: the client gave it back (its return). */
    status: text('status', { enum: ['installed', 'voided', 'returned'] }).notNull(),
    installedAt: integer('installed_at').notNull(),
    warrantyEnd: integer('warranty_end'),
    createdAt: integer('created_at').notNull(),
    returnId: integer('return_id').references((): AnySQLiteColumn => clientReturns.id),
    returnedAt: integer('returned_at'),
  },
  (t) => [
    index('devices_serial_idx').on(t.serialKey),
    // The list's default order (newest installed first) walks this instead of sorting every device.
    index('devices_installed_idx').on(t.installedAt, t.id),
    index('devices_company_idx').on(t.companyId, t.id),
    index('devices_product_idx').on(t.productId, t.id),
    index('devices_delivery_idx').on(t.deliveryId),
    index('devices_lot_idx').on(t.lotId),
    index('devices_return_idx').on(t.returnId).where(sql`return_id is not null`),
    // A charge's devices (a return of some of them, newest first).
    index('devices_charge_idx').on(t.chargeId, t.id).where(sql`charge_id is not null`),
  ],
);

export const deviceEvents = sqliteTable(
  'device_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id').notNull().references(() => devices.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('device_events_device_idx').on(t.deviceId, t.occurredAt)],
);

/**
 * An opportunity: a possible sale to a client company, with one quote (its items). Open until it is won
 * (the won-opportunity wizard turns its items into charges) or lost (its reservations are released).
 */
export const opportunities = sqliteTable(
  'opportunities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    companyId: integer('company_id').notNull().references(() => companies.id),
    status: text('status', { enum: ['open', 'won', 'lost'] }).notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    /** Day the sale is expected to close (YYYY-MM-DD). */
    expectedClose: text('expected_close'),
    note: text('note'),
    lostReason: text('lost_reason'),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [index('opportunities_company_idx').on(t.companyId, t.id), index('opportunities_status_idx').on(t.status, t.id)],
);

export const opportunityEvents = sqliteTable(
  'opportunity_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opportunityId: integer('opportunity_id').notNull().references(() => opportunities.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('opportunity_events_opportunity_idx').on(t.opportunityId, t.occurredAt)],
);

/**
 * A line of an opportunity's quote: a product, a quantity and a net unit price. Units reserved for it are
 * allocations (kind 'reserved', source 'quoteItem'); `reserved` is their Σ, kept by the reservations that
 * change it and checked by verifyLedger.
 */
export const quoteItems = sqliteTable(
  'quote_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opportunityId: integer('opportunity_id').notNull().references(() => opportunities.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id').notNull().references(() => products.id),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    reserved: integer('reserved').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('quote_items_line_unique').on(t.opportunityId, t.lineNo)],
);

/**
 * A sales order: made by the won-opportunity wizard, one per won opportunity, over the charges its quote
 * items became. Its status is derived from those charges through its transition table (salesOrders.ts):
 * it cannot disagree with its items. Cancel is its only manual action.
 */
export const salesOrders = sqliteTable(
  'sales_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    opportunityId: integer('opportunity_id')
      .notNull()
      .unique()
      .references(() => opportunities.id),
    containerId: integer('container_id').notNull().references(() => containers.id),
    companyId: integer('company_id').notNull().references(() => companies.id),
    status: text('status', { enum: ['open', 'inProgress', 'partiallyFulfilled', 'fulfilled', 'canceled'] }).notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    cancelReason: text('cancel_reason'),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('sales_orders_company_idx').on(t.companyId, t.id), index('sales_orders_status_idx').on(t.status, t.id)],
);

export const salesOrderEvents = sqliteTable(
  'sales_order_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    salesOrderId: integer('sales_order_id').notNull().references(() => salesOrders.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('sales_order_events_order_idx').on(t.salesOrderId, t.occurredAt)],
);

/**
 * A client return (RET-n): units coming back from the Customer location into one of ours, each at the cost
 * it left with (a unit we never sold comes in as a new stocked item at a typed cost). Its moves are source
 * 'return', line = return line no. Its credit, if any, is a charge of kind 'credit' on the same container.
 */
export const clientReturns = sqliteTable(
  'client_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    companyId: integer('company_id').notNull().references(() => companies.id),
    locationId: integer('location_id').notNull().references(() => locations.id),
    condition: text('condition', { enum: ['new', 'used', 'faulty'] }).notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    status: text('status', { enum: ['posted'] }).notNull(),
    creditChargeId: integer('credit_charge_id').references(() => charges.id),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('client_returns_created_idx').on(t.createdAt), index('client_returns_company_idx').on(t.companyId, t.createdAt)],
);

/**
 * A line of a client return: units of one product from one delivery line (of a charge), or a unit we never
 * sold (no delivery line). qty and cost are the Σ of its moves from Customer (checked by verifyLedger).
 */
export const clientReturnLines = sqliteTable(
  'client_return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id').notNull().references(() => clientReturns.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id').notNull().references(() => products.id),
    chargeId: integer('charge_id').references(() => charges.id),
    deliveryLineId: integer('delivery_line_id').references(() => deliveryLines.id),
    qty: integer('qty').notNull(),
    cost: integer('cost').notNull(),
  },
  (t) => [
    uniqueIndex('client_return_lines_unique').on(t.returnId, t.lineNo),
    index('client_return_lines_charge_idx').on(t.chargeId).where(sql`charge_id is not null`),
    index('client_return_lines_delivery_line_idx').on(t.deliveryLineId).where(sql`delivery_line_id is not null`),
  ],
);

export const clientReturnEvents = sqliteTable(
  'client_return_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id').notNull().references(() => clientReturns.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('client_return_events_return_idx').on(t.returnId, t.occurredAt)],
);
