import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { companies, products } from './catalog';
import { locations } from './locations';
import { lots } from './stock';

/**
 * A vendor return (VRT-n): units sent from one of our locations back to the vendor that sold them (dead on
 * arrival, the wrong item, bought and never needed), at their cost, under the vendor's RMA number. Sending
 * moves them to Vendor (source 'vendorReturn', line = the line's number); then the vendor resolves each unit:
 * a credit (no move: the value left with the units), a replacement (a new lot from Vendor at the unit's cost
 * plus any fee), or the same units back when the vendor refuses them. Status: sent → partlyResolved → resolved.
 */
export const vendorReturns = sqliteTable(
  'vendor_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    status: text('status', { enum: ['sent', 'partlyResolved', 'resolved'] }).notNull(),
    vendorId: integer('vendor_id').notNull().references(() => companies.id),
    locationId: integer('location_id').notNull().references(() => locations.id),
    reason: text('reason', { enum: ['deadOnArrival', 'wrongItem', 'notNeeded', 'other'] }).notNull(),
    vendorRmaNumber: text('vendor_rma_number').notNull(),
    trackingNumber: text('tracking_number'),
    /** The day the vendor's answer is expected ('YYYY-MM-DD'); overdue while unresolved after it. */
    expectedBy: text('expected_by'),
    note: text('note'),
    /** Σ of the vendor's credits recorded on it (what the vendor owes back). */
    creditTotal: integer('credit_total').notNull().default(0),
    /** The vendor's credit note(s), as the last credit named them. */
    creditNoteNumber: text('credit_note_number'),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    index('vendor_returns_created_idx').on(t.createdAt, t.id),
    index('vendor_returns_vendor_idx').on(t.vendorId, t.id),
    index('vendor_returns_status_idx').on(t.status, t.id),
  ],
);

/**
 * A line: units of one lot sent back (a serialized unit is a line of its own), at the lot's cost. What the
 * vendor did with them: credited, replaced (by new lots, same line number on their moves) or sent back (the
 * same lot's move from Vendor); never more than were sent. verifyLedger checks each figure against the moves.
 */
export const vendorReturnLines = sqliteTable(
  'vendor_return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id').notNull().references(() => vendorReturns.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id').notNull().references(() => products.id),
    lotId: integer('lot_id').notNull().references(() => lots.id),
    qty: integer('qty').notNull(),
    unitCost: integer('unit_cost').notNull(),
    qtyCredited: integer('qty_credited').notNull().default(0),
    qtyReplaced: integer('qty_replaced').notNull().default(0),
    qtyBack: integer('qty_back').notNull().default(0),
  },
  (t) => [uniqueIndex('vendor_return_lines_unique').on(t.returnId, t.lineNo), index('vendor_return_lines_lot_idx').on(t.lotId)],
);

export const vendorReturnEvents = sqliteTable(
  'vendor_return_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id').notNull().references(() => vendorReturns.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    details: text('details').notNull(),
  },
  (t) => [index('vendor_return_events_return_idx').on(t.returnId, t.occurredAt)],
);
