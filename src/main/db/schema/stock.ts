import { relations, sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { companies, products } from './catalog';
import { locations } from './locations';

/** A product stocked at a location. On hand is never stored here: it comes from balances. */
export const inventoryProducts = sqliteTable(
  'inventory_products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    locationId: integer('location_id').notNull().references(() => locations.id),
    bin: text('bin'),
    referenceNumber: text('reference_number'),
    min: integer('min').notNull().default(0),
    max: integer('max').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    /**
     * 1 while on hand < min. Kept by triggers on stock_levels and on min (migration 0002), so the
     * below-minimum list and reorder suggestions read a partial index instead of every stock level.
     */
    belowMin: integer('below_min').notNull().default(0),
    // The quantities the list shows, kept in the same transaction as what they count (checked by
    // verifyLedger), so that every one of them sorts through an index: by triggers, on hand and value from
    // stock_levels, on order and back ordered from the receivable purchase order lines (migration 0004);
    // reserved and picked by the writers of allocations, once per product and location of an action
    // (addHeld in inventoryProducts.ts, migration 0030).
    onHand: integer('on_hand').notNull().default(0),
    value: integer('value').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    picked: integer('picked').notNull().default(0),
    onOrder: integer('on_order').notNull().default(0),
    /** Still to come on New (draft) orders: with on order, what reorder suggestions count as coming. */
    onOrderDrafts: integer('on_order_drafts').notNull().default(0),
    backOrdered: integer('back_ordered').notNull().default(0),
    /** Shipped here by transfers and still in transit (migration 0029): coming, like on order. */
    incoming: integer('incoming').notNull().default(0),
    /**
     * 0 where the location holds units but does not offer them (a returns shelf, quarantine): copied from
     * locations.offers_stock by triggers (migration 0025), so available reads one row.
     */
    offers: integer('offers').notNull().default(1),
    /** What can be reserved or picked: nothing at a location that does not offer its stock. */
    available: integer('available').generatedAlwaysAs(sql`CASE WHEN offers = 1 THEN on_hand - reserved - picked ELSE 0 END`, { mode: 'virtual' }),
  },
  (t) => [
    uniqueIndex('inventory_products_unique').on(t.productId, t.locationId),
    index('inventory_products_location_idx').on(t.locationId),
    index('inventory_products_below_min_idx').on(t.locationId, t.productId).where(sql`below_min = 1`),
    index('inventory_products_below_min_product_idx').on(t.productId).where(sql`below_min = 1`),
    // Per sortable column, an index after the below-minimum flag, alone and after the location: a first
    // page walks it (both flag values merged, or the flagged ones only) and stops. Each carries what a
    // walk tests on every row it passes (product, location, bin), so rows that do not match a filter are
    // skipped inside the index: a short search text may pass tens of thousands before a page is found.
    // The id comes right after the column, so ties keep the list's order without a sort.
    ...(['bin', 'min', 'max', 'onHand', 'available', 'onOrder', 'backOrdered', 'value'] as const).flatMap((c) => {
      const name = c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
      return [
        index(`inventory_products_${name}_idx`).on(t.belowMin, t[c], t.id, t.productId, t.locationId, t.bin),
        index(`inventory_products_location_${name}_idx`).on(t.locationId, t.belowMin, t[c], t.id, t.productId, t.bin),
      ];
    }),
    // Bin prefixes ignoring case (what the search box's LIKE matches), through an index.
    index('inventory_products_bin_lower_idx').on(sql`lower(${t.bin})`),
  ],
);

/** Stocked items: a lot of units received together at one cost, or one serialized unit. */
export const lots = sqliteTable(
  'lots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    serialNumber: text('serial_number'),
    unitCost: integer('unit_cost').notNull(),
    receivedAt: integer('received_at').notNull(),
    vendorId: integer('vendor_id').references(() => companies.id),
    poLineId: integer('po_line_id'),
    receiptId: integer('receipt_id'),
    vendorInvoiceNumber: text('vendor_invoice_number'),
    /**
     * A cancelled receipt frees its serials for the corrected receipt: the serial moves here and
     * serial_number becomes null (serials stay unique among live units).
     */
    voidedSerialNumber: text('voided_serial_number'),
    sourceType: text('source_type').notNull(),
    sourceId: integer('source_id').notNull(),
    /**
     * serialKey() of the serial (src/shared/serials.ts), computed in JS by every write: serials are unique
     * per product ignoring case and surrounding blanks. Kept when a receipt voids the serial, so the history
     * still finds it. Null for a serial that clashed when the rule came in (listed in serial_clashes).
     */
    serialKey: text('serial_key'),
  },
  (t) => [
    uniqueIndex('lots_product_serial_unique').on(t.productId, t.serialNumber),
    index('lots_serial_idx').on(t.serialNumber),
    // Key first: it also serves lookups by serial across products (scanning, search).
    uniqueIndex('lots_serial_key_unique').on(t.serialKey, t.productId).where(sql`serial_number is not null`),
    index('lots_voided_serial_key_idx').on(t.serialKey).where(sql`voided_serial_number is not null`),
    // Rows written without a key (by an older version or a raw load), keyed when the app opens the file.
    index('lots_unkeyed_serial_idx').on(t.id).where(sql`serial_key is null and (serial_number is not null or voided_serial_number is not null)`),
  ],
);

/**
 * Serials that named the same unit as an older one of the product (same key) when the rule came in or when
 * an unkeyed row was keyed: they keep their serial and a null key until someone corrects one of them
 * (stock.editSerial). Shown by stock.verifyLedger; a corrected serial deletes its row.
 */
export const serialClashes = sqliteTable('serial_clashes', {
  lotId: integer('lot_id')
    .primaryKey()
    .references(() => lots.id),
  productId: integer('product_id').notNull(),
  serialKey: text('serial_key').notNull(),
  /** The lot that kept the key. */
  keptLotId: integer('kept_lot_id')
    .notNull()
    .references(() => lots.id),
  detectedAt: integer('detected_at').notNull(),
});

/** Append-only ledger: every change of stock is a move between two locations. */
export const stockMoves = sqliteTable(
  'stock_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lotId: integer('lot_id').notNull().references(() => lots.id),
    productId: integer('product_id').notNull().references(() => products.id),
    qty: integer('qty').notNull(),
    fromLocationId: integer('from_location_id').notNull().references(() => locations.id),
    toLocationId: integer('to_location_id').notNull().references(() => locations.id),
    /** Copied from the lot: the cost travels with the units and never changes. */
    unitCost: integer('unit_cost').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: integer('source_id').notNull(),
    sourceLine: integer('source_line'),
    companyId: integer('company_id').references(() => companies.id),
    reason: text('reason'),
    userId: integer('user_id').references(() => users.id),
    occurredAt: integer('occurred_at').notNull(),
    reversesMoveId: integer('reverses_move_id'),
    /**
     * Units of one line of a document taken from several lots of a plain product (a count's −2 from two
     * receipts) are one change to the user: the first move stands for the group (null here) and the others
     * name it, so the history shows one row with the group's quantity. Serialized units are never grouped.
     */
    groupedIn: integer('grouped_in'),
  },
  (t) => [
    index('moves_occurred_idx').on(t.occurredAt),
    index('moves_product_idx').on(t.productId, t.occurredAt),
    index('moves_from_idx').on(t.fromLocationId, t.occurredAt),
    index('moves_to_idx').on(t.toLocationId, t.occurredAt),
    // Covering for the ledger check: it reads every move's ends and quantity in (lot, location) order from
    // here, without touching the table or sorting (domain/stock/verify.ts).
    index('moves_lot_idx').on(t.lotId, t.toLocationId, t.fromLocationId, t.qty),
    // With the line: a delivery line's (or receipt line's) moves without reading the whole document's.
    index('moves_source_idx').on(t.sourceType, t.sourceId, t.sourceLine),
    index('moves_user_idx').on(t.userId, t.occurredAt),
    // History filtered by a location and a user: each end of the move has its own walk.
    index('moves_from_user_idx').on(t.fromLocationId, t.userId, t.occurredAt),
    index('moves_to_user_idx').on(t.toLocationId, t.userId, t.occurredAt),
    index('moves_reverses_idx').on(t.reversesMoveId).where(sql`reverses_move_id is not null`),
    index('moves_grouped_idx').on(t.groupedIn).where(sql`grouped_in is not null`),
  ],
);

/** Cache of Σ moves per lot and location, written in the same transaction as each move. */
export const balances = sqliteTable(
  'balances',
  {
    lotId: integer('lot_id').notNull().references(() => lots.id),
    locationId: integer('location_id').notNull().references(() => locations.id),
    productId: integer('product_id').notNull(),
    qty: integer('qty').notNull(),
    /** The lot's received_at, copied so stocked-item lists page newest-first through an index. */
    receivedAt: integer('received_at').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.lotId, t.locationId] }),
    index('balances_product_location_idx').on(t.productId, t.locationId),
    index('balances_location_idx').on(t.locationId, t.productId),
    // Stocked-item pages: ties go by lot and location, so the indexes carry them; only units on hand.
    // The quantity is indexed as `qty + 0`, an expression only the list's sort names: the ledger's own
    // lookups (product, location, qty > 0) keep their product index instead of taking this one.
    index('balances_location_received_idx').on(t.locationId, t.receivedAt, t.lotId),
    index('balances_received_idx').on(t.receivedAt, t.lotId, t.locationId),
    index('balances_qty_idx').on(sql`${t.qty} + 0`, t.lotId, t.locationId).where(sql`qty > 0`),
    index('balances_location_qty_idx').on(t.locationId, sql`${t.qty} + 0`, t.lotId).where(sql`qty > 0`),
    index('balances_location_lot_idx').on(t.locationId, t.lotId).where(sql`qty > 0`),
    // Where a lot is on hand, without reading the rows of the places it has left: a serial-prefix search
    // probes thousands of lots, most of them delivered or moved on.
    index('balances_lot_on_hand_idx').on(t.lotId, t.locationId).where(sql`qty > 0`),
  ],
);

/**
 * Σ balances per (product, location) with their value (Σ qty × lot cost), kept in the same transaction as
 * the balances: value reports and on-hand lists read one row instead of summing every lot.
 */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    productId: integer('product_id').notNull(),
    locationId: integer('location_id').notNull(),
    qty: integer('qty').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locationId] }),
    index('stock_levels_location_idx').on(t.locationId, t.productId),
    index('stock_levels_location_value_idx').on(t.locationId, t.value, t.qty),
  ],
);

/**
 * Σ moves per calendar month (UTC, 'YYYY-MM') and location: units and value that arrived minus what left.
 * Written with the moves; a past date's value is the Σ of the months before it plus the moves of its own
 * month, so it never rescans the whole ledger.
 */
export const stockValueMonths = sqliteTable(
  'stock_value_months',
  {
    month: text('month').notNull(),
    locationId: integer('location_id').notNull(),
    qty: integer('qty').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.locationId] })],
);

/** Units held for a quote item or an RMA (reserved) or a charge (picked). */
export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lotId: integer('lot_id').notNull().references(() => lots.id),
    locationId: integer('location_id').notNull().references(() => locations.id),
    productId: integer('product_id').notNull(),
    qty: integer('qty').notNull(),
    kind: text('kind', { enum: ['reserved', 'picked'] }).notNull(),
    sourceType: text('source_type', { enum: ['quoteItem', 'charge', 'rma'] }).notNull(),
    sourceId: integer('source_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('allocations_lot_idx').on(t.lotId, t.locationId),
    index('allocations_product_idx').on(t.productId, t.locationId),
    // What a charge (or quote item) holds, where: its picks, the Delivery & Shipping lines.
    index('allocations_source_idx').on(t.sourceType, t.sourceId, t.locationId),
    // Delivery & Shipping sorted by location: each location's picks, in charge order.
    index('allocations_picked_location_idx').on(t.locationId, t.sourceId).where(sql`source_type = 'charge' AND kind = 'picked'`),
  ],
);

export const adjustments = sqliteTable('adjustments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  direction: text('direction', { enum: ['add', 'remove'] }).notNull(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  productId: integer('product_id').notNull().references(() => products.id),
  counterpart: text('counterpart', { enum: ['adjustment', 'scrap'] }).notNull(),
  costMethod: text('cost_method'),
  reason: text('reason'),
  status: text('status', { enum: ['posted', 'reversed'] }).notNull(),
  userId: integer('user_id').notNull().references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

export const transfers = sqliteTable(
  'transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    fromLocationId: integer('from_location_id').notNull().references(() => locations.id),
    toLocationId: integer('to_location_id').notNull().references(() => locations.id),
    mode: text('mode', { enum: ['direct', 'ship'] }).notNull(),
    status: text('status', { enum: ['inTransit', 'partlyReceived', 'done', 'canceled', 'reversed'] }).notNull(),
    note: text('note'),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    /** When units last arrived (a shipment may be received in parts; done once the last ones did). */
    receivedAt: integer('received_at'),
  },
  (t) => [
    index('transfers_created_idx').on(t.createdAt),
    index('transfers_status_idx').on(t.status, t.createdAt),
    index('transfers_from_idx').on(t.fromLocationId, t.createdAt),
    index('transfers_to_idx').on(t.toLocationId, t.createdAt),
  ],
);

export const stocktakes = sqliteTable('stocktakes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  /** open → submitted (for review by a user who may adjust stock) → posted, or sent back to open with a note. */
  status: text('status', { enum: ['open', 'submitted', 'posted', 'canceled', 'reversed'] }).notNull(),
  note: text('note'),
  /** Why a reviewer sent the count back (shown on the open count until it is submitted again). */
  reviewNote: text('review_note'),
  userId: integer('user_id').notNull().references(() => users.id),
  createdAt: integer('created_at').notNull(),
  postedAt: integer('posted_at'),
});

export const stocktakeCounts = sqliteTable(
  'stocktake_counts',
  {
    stocktakeId: integer('stocktake_id').notNull().references(() => stocktakes.id),
    productId: integer('product_id').notNull().references(() => products.id),
    countedQty: integer('counted_qty').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stocktakeId, t.productId] })],
);

export const stocktakeSerials = sqliteTable(
  'stocktake_serials',
  {
    stocktakeId: integer('stocktake_id').notNull().references(() => stocktakes.id),
    productId: integer('product_id').notNull().references(() => products.id),
    serialNumber: text('serial_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stocktakeId, t.productId, t.serialNumber] })],
);

/**
 * The history of the stock documents: each one's creation and every transition of its table
 * (domain/workflow), with the states it went from (null at creation) and to. Details as JSON.
 */
export const adjustmentEvents = sqliteTable(
  'adjustment_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    adjustmentId: integer('adjustment_id').notNull().references(() => adjustments.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    details: text('details').notNull(),
  },
  (t) => [index('adjustment_events_adjustment_idx').on(t.adjustmentId, t.occurredAt)],
);

export const transferEvents = sqliteTable(
  'transfer_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transferId: integer('transfer_id').notNull().references(() => transfers.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    details: text('details').notNull(),
  },
  (t) => [index('transfer_events_transfer_idx').on(t.transferId, t.occurredAt)],
);

export const stocktakeEvents = sqliteTable(
  'stocktake_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stocktakeId: integer('stocktake_id').notNull().references(() => stocktakes.id),
    occurredAt: integer('occurred_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    type: text('type').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    details: text('details').notNull(),
  },
  (t) => [index('stocktake_events_stocktake_idx').on(t.stocktakeId, t.occurredAt)],
);

/** Changes that are not moves: inventory product created/edited, serial edited. Before/after as JSON. */
export const inventoryEvents = sqliteTable(
  'inventory_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    occurredAt: integer('occurred_at').notNull(),
    type: text('type', { enum: ['inventoryProduct.created', 'inventoryProduct.updated', 'serial.edited', 'stock.picked', 'stock.unpicked', 'stock.reserved', 'stock.released'] }).notNull(),
    productId: integer('product_id').notNull().references(() => products.id),
    locationId: integer('location_id').references(() => locations.id),
    lotId: integer('lot_id').references(() => lots.id),
    serialNumber: text('serial_number'),
    userId: integer('user_id').references(() => users.id),
    changes: text('changes').notNull(),
    /** A pick or unpick: how many units, for which document (a charge). */
    qty: integer('qty'),
    documentType: text('document_type'),
    documentId: integer('document_id'),
  },
  (t) => [
    index('inventory_events_occurred_idx').on(t.occurredAt),
    index('inventory_events_product_idx').on(t.productId, t.occurredAt),
    index('inventory_events_location_idx').on(t.locationId, t.occurredAt),
    index('inventory_events_user_idx').on(t.userId, t.occurredAt),
    index('inventory_events_serial_idx').on(t.serialNumber).where(sql`serial_number is not null`),
    index('inventory_events_lot_idx').on(t.lotId).where(sql`lot_id is not null`),
  ],
);

/** Human document numbers (ADJ-1001, TRF-1001, CNT-1001, …). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  next: integer('next').notNull(),
});

export const lotsRelations = relations(lots, ({ one, many }) => ({
  product: one(products, { fields: [lots.productId], references: [products.id] }),
  moves: many(stockMoves),
}));

export const stockMovesRelations = relations(stockMoves, ({ one }) => ({
  lot: one(lots, { fields: [stockMoves.lotId], references: [lots.id] }),
  from: one(locations, { fields: [stockMoves.fromLocationId], references: [locations.id] }),
  to: one(locations, { fields: [stockMoves.toLocationId], references: [locations.id] }),
}));
