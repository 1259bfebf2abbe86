import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { companies, products } from './catalog';
import { locations } from './locations';
import { lots } from './stock';
import { charges, clientReturns, containers, deliveries, devices } from './sales';

/**
 * An RMA (RMA-n, prefix and start in the settings): a client's device returned, repaired or replaced with
 * the vendor. Its status moves through one transition table (domain/rma/rmas.ts), a path per type; the
 * unit's moves are the documents it makes (a client return, moves to and from Vendor with source 'rma',
 * a delivery back to the client), so its cost stays with it.
 */
export const rmas = sqliteTable(
  'rmas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    type: text('type', { enum: ['return', 'repair', 'replace'] }).notNull(),
    status: text('status', {
      enum: ['requested', 'authorized', 'rejected', 'received', 'sentToVendor', 'backFromVendor', 'replacementReceived', 'delivered', 'closed', 'canceled'],
    }).notNull(),
    companyId: integer('company_id').notNull().references(() => companies.id),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** The unit the client gave back (and sent to the vendor). */
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    /** The charge the device was sold on, and the container its credit goes on. */
    chargeId: integer('charge_id').references(() => charges.id),
    containerId: integer('container_id').references(() => containers.id),
    fault: text('fault').notNull(),
    vendorId: integer('vendor_id').references(() => companies.id),
    vendorRmaNumber: text('vendor_rma_number'),
    trackingToVendor: text('tracking_to_vendor'),
    trackingFromVendor: text('tracking_from_vendor'),
    /** Days as chosen ('YYYY-MM-DD'): when the unit should be back from the client, and from the vendor. */
    expectedFromClient: text('expected_from_client'),
    expectedFromVendor: text('expected_from_vendor'),
    /** Where the unit came back to, and its client return. */
    locationId: integer('location_id').references(() => locations.id),
    returnId: integer('return_id').references(() => clientReturns.id),
    creditChargeId: integer('credit_charge_id').references(() => charges.id),
    /** A replacement: the new unit, the vendor's fee and whether the vendor credited the original. */
    replacementLotId: integer('replacement_lot_id').references(() => lots.id),
    vendorFee: integer('vendor_fee'),
    vendorCredited: integer('vendor_credited', { mode: 'boolean' }),
    /**
     * Opened by a device swap: the client already has a working unit, so the RMA may close once the vendor's
     * repair or replacement is back in stock, without delivering it.
     */
    fromSwap: integer('from_swap', { mode: 'boolean' }).notNull().default(false),
    /** The delivery that took the repaired unit or the replacement to the client. */
    deliveryId: integer('delivery_id').references(() => deliveries.id),
    note: text('note'),
    rejectReason: text('reject_reason'),
    cancelReason: text('cancel_reason'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [
    index('rmas_created_idx').on(t.createdAt, t.id),
    index('rmas_status_idx').on(t.status, t.id),
    index('rmas_company_idx').on(t.companyId, t.id),
    index('rmas_device_idx').on(t.deviceId),
    // The overdue marks: units still to come back from the client, or from the vendor.
    index('rmas_waiting_client_idx').on(t.expectedFromClient).where(sql`status IN ('requested', 'authorized')`),
    index('rmas_waiting_vendor_idx').on(t.expectedFromVendor).where(sql`status = 'sentToVendor'`),
  ],
);

export const rmaEvents = sqliteTable(
  'rma_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rmaId: integer('rma_id')
      .notNull()
      .references(() => rmas.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('rma_events_rma_idx').on(t.rmaId, t.occurredAt)],
);
