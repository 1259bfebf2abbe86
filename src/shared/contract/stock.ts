import { z } from 'zod';
import { locationKinds } from './locations';
import { amount, channel, cost, empty, epochMs, id, money, moneyOut, optionalText, pageInput, pageOutput, qty, requiredText, serial } from './define';

export const costMethods = ['average', 'last', 'catalogue', 'manual'] as const;
const nullableString = z.string().nullable();
const serialList = z.array(serial).max(20_000);

export const inventoryProductSchema = z.object({
  id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialized: z.boolean(),
  locationId: id,
  locationName: z.string(),
  bin: nullableString,
  referenceNumber: nullableString,
  min: z.number().int(),
  max: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  picked: z.number().int(),
  /** On hand − reserved − picked; 0 where the location does not offer its units (a returns shelf). */
  available: z.number().int(),
  /** Whether the location offers its units for reserving and picking. */
  offered: z.boolean(),
  onOrder: z.number().int(),
  backOrdered: z.number().int(),
  /** Σ on-hand units × their cost (an exact decimal string: it can pass 2^53). */
  value: cost(amount),
});
export type InventoryProduct = z.infer<typeof inventoryProductSchema>;

const inventoryProductFields = {
  bin: optionalText(50),
  referenceNumber: optionalText(100),
  min: z.number().int().min(0).max(1_000_000),
  max: z.number().int().min(0).max(1_000_000),
};

export const lotSchema = z.object({
  lotId: id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialNumber: nullableString,
  locationId: id,
  locationName: z.string(),
  qty: z.number().int(),
  allocated: z.number().int(),
  /** The (first) charge its units are picked for, if any. */
  heldByChargeId: id.nullable(),
  heldByChargeNumber: nullableString,
  /** The opportunity whose quote reserves units of the lot here, if any. */
  heldByOpportunityId: id.nullable(),
  heldByOpportunityNumber: nullableString,
  /** The RMA holding the unit while it works on it. */
  heldByRmaId: id.nullable(),
  heldByRmaNumber: nullableString,
  unitCost: cost(moneyOut()),
  receivedAt: epochMs,
  vendorId: id.nullable(),
  vendorName: nullableString,
  vendorInvoiceNumber: nullableString,
});
export type Lot = z.infer<typeof lotSchema>;

export const transferStatuses = ['inTransit', 'partlyReceived', 'done', 'canceled', 'reversed'] as const;

export const transferSchema = z.object({
  id,
  number: z.string(),
  status: z.enum(transferStatuses),
  /** Direct (one step) or shipped through In-transit and received at the destination. */
  mode: z.enum(['direct', 'ship']),
  fromLocationId: id,
  fromLocationName: z.string(),
  toLocationId: id,
  toLocationName: z.string(),
  units: z.number().int(),
  note: nullableString,
  userName: z.string(),
  createdAt: epochMs,
  receivedAt: epochMs.nullable(),
});

export const transferDetailSchema = transferSchema.extend({
  lines: z.array(
    z.object({
      line: z.number().int(),
      productId: id,
      sku: z.string(),
      productName: z.string(),
      serialized: z.boolean(),
      /** Units that left the source on the line. */
      qty: z.number().int(),
      /** Of them, still on their way (a shipment not received yet). */
      inTransit: z.number().int(),
      /** Σ qty × each unit's cost. */
      value: cost(amount),
      serials: z.array(z.object({ serial: z.string(), inTransit: z.boolean() })),
    }),
  ),
  history: z.array(
    z.object({ id, occurredAt: epochMs, userName: nullableString, type: z.string(), fromState: nullableString, toState: nullableString, details: z.record(z.string(), z.unknown()) }),
  ),
});

/** A technician's vans: what they hold, what is picked for the technician's charges, what is coming to refill them. */
export const myVanSchema = z.object({
  vans: z.array(z.object({ id, name: z.string() })),
  items: z.array(
    inventoryProductSchema
      .pick({ productId: true, sku: true, productName: true, serialized: true, locationId: true, locationName: true, bin: true, onHand: true, picked: true, available: true, min: true, max: true })
      .extend({ inventoryProductId: id, incoming: z.number().int() }),
  ),
  picks: z.array(
    z.object({
      chargeId: id,
      chargeNumber: z.string(),
      containerId: id,
      containerNumber: z.string(),
      containerTitle: z.string(),
      companyName: z.string(),
      sku: z.string(),
      productName: z.string(),
      locationId: id,
      locationName: z.string(),
      qty: z.number().int(),
    }),
  ),
  incoming: z.array(z.object({ id, number: z.string(), fromLocationName: z.string(), toLocationName: z.string(), status: z.enum(transferStatuses), createdAt: epochMs, units: z.number().int() })),
  /** More rows than a page of this size shows (the lists above are cut at it). */
  truncated: z.boolean(),
});

export const documentRef = z.object({ documentType: z.enum(['adjustment', 'transfer', 'stocktake']), id, number: z.string() });

export const countLineSchema = z.object({
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialized: z.boolean(),
  expectedQty: z.number().int(),
  /** False while the product has not been counted: posting leaves it unchanged. */
  counted: z.boolean(),
  countedQty: z.number().int(),
  difference: z.number().int(),
  /** Serials on hand but not scanned, and scanned but not on hand. */
  missingSerials: z.array(z.string()),
  unexpectedSerials: z.array(z.string()),
});

export const countStatuses = ['open', 'submitted', 'posted', 'canceled', 'reversed'] as const;

export const countSchema = z.object({
  id,
  number: z.string(),
  locationId: id,
  locationName: z.string(),
  status: z.enum(countStatuses),
  note: nullableString,
  /** Why a reviewer sent the count back. */
  reviewNote: nullableString,
  createdAt: epochMs,
  postedAt: epochMs.nullable(),
  userName: z.string(),
  lines: z.array(countLineSchema),
});

export const historyTypes = [
  'inventoryProduct.created',
  'inventoryProduct.updated',
  'serial.edited',
  'adjustment',
  'transfer',
  'transfer.ship',
  'transfer.receive',
  'stocktake',
  'receipt',
  'reversal',
  'stock.picked',
  'stock.unpicked',
  'stock.reserved',
  'stock.released',
  'delivery',
  'shipment',
  'return',
  'rma.toVendor',
  'rma.fromVendor',
  'vendorReturn.toVendor',
  'vendorReturn.fromVendor',
] as const;

export const historyRowSchema = z.object({
  key: z.string(),
  occurredAt: epochMs,
  type: z.enum(historyTypes),
  productId: id.nullable(),
  sku: nullableString,
  productName: nullableString,
  serialNumber: nullableString,
  qty: z.number().int().nullable(),
  fromLocationName: nullableString,
  toLocationName: nullableString,
  /** Kinds of the two ends, so the screen can translate the virtual locations' names. */
  fromLocationKind: z.enum(locationKinds).nullable(),
  toLocationKind: z.enum(locationKinds).nullable(),
  locationName: nullableString,
  documentNumber: nullableString,
  /** The document a move belongs to, so the screen can open it (null for an inventory product's or a serial's event). */
  documentType: z.enum(['adjustment', 'transfer', 'stocktake', 'receipt', 'delivery', 'return', 'rma', 'vendorReturn', 'charge', 'opportunity']).nullable(),
  documentId: id.nullable(),
  /** A receipt's move: the purchase order its line came from (one receipt can take lines of several). */
  orderId: id.nullable(),
  orderNumber: nullableString,
  reason: nullableString,
  userName: nullableString,
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

/** Values are `amount`s: Σ units × cost over the inventory can pass 2^53, where a JSON number would round. */
const valueRow = z.object({ id, name: z.string(), units: z.number().int(), value: cost(amount) });
const atDate = z.object({ at: epochMs.optional() }).strict();

const transferLine = z.object({ productId: id, qty: qty.optional(), serials: serialList.optional() }).strict();

export const stockContract = {
  'stock.listInventoryProducts': channel({
    kind: 'query',
    reads: ['stock', 'catalog', 'locations'],
    summary: 'Pages inventory products (a product stocked at a location) with on hand, reserved, picked, available, on order, back ordered.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['sku', 'productName', 'locationName', 'bin', 'onHand', 'available', 'onOrder', 'backOrdered', 'min', 'max', 'value']), {
      q: z.string().trim().max(100).optional(),
      locationId: id.optional(),
      productId: id.optional(),
      belowMin: z.boolean().optional(),
    }),
    output: pageOutput(inventoryProductSchema),
  }),
  'stock.createInventoryProduct': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Stocks a product at a location with bin, reference number, minimum and maximum (0 ≤ min ≤ max).',
    permission: 'inventory.edit',
    input: z.object({ productId: id, locationId: id, ...inventoryProductFields }).strict(),
    output: inventoryProductSchema,
  }),
  'stock.updateInventoryProduct': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Edits bin, reference number, minimum and maximum; the change is recorded with before and after values.',
    permission: 'inventory.edit',
    input: z.object({ id, ...inventoryProductFields }).strict(),
    output: inventoryProductSchema,
  }),
  'stock.listLots': channel({
    kind: 'query',
    reads: ['stock', 'catalog', 'locations'],
    summary: 'Pages stocked items (lots and serialized units) on hand at internal locations.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['receivedAt', 'serialNumber', 'sku', 'locationName', 'qty']), {
      productId: id.optional(),
      locationId: id.optional(),
      serial: z.string().trim().max(100).optional(),
    }),
    output: pageOutput(lotSchema),
  }),
  'stock.checkSerials': channel({
    kind: 'query',
    reads: ['stock'],
    summary: 'Which of the serials typed or scanned for units coming in another unit of the product already has (in any spelling): flagged while scanning, before anything is posted.',
    permission: 'inventory.view',
    input: z.object({ productId: id, serials: z.array(serial).min(1).max(20_000) }).strict(),
    output: z.object({ taken: z.array(z.string()) }),
  }),
  'stock.editSerial': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Corrects the serial number of a stocked unit (unique per product; recorded in the history).',
    permission: 'inventory.edit',
    input: z.object({ lotId: id, serialNumber: serial }).strict(),
    output: lotSchema.pick({ lotId: true, serialNumber: true }),
  }),
  'stock.costOptions': channel({
    kind: 'query',
    reads: ['stock', 'catalog'],
    summary: 'Unit cost candidates for adding stock: average on hand, last received, catalogue.',
    permission: 'stock.adjust',
    input: z.object({ productId: id }).strict(),
    output: z.object({ average: cost(z.number().int()), last: cost(z.number().int()), catalogue: cost(z.number().int()) }),
  }),
  'stock.add': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Adds stock by hand (Adjustment → location) at a unit cost chosen by method; serialized products need one unique serial per unit.',
    permission: 'stock.adjust',
    input: z
      .object({
        productId: id,
        locationId: id,
        qty,
        costMethod: z.enum(costMethods),
        unitCost: money.optional(),
        serials: serialList.optional(),
        reason: optionalText(500),
      })
      .strict(),
    output: documentRef,
  }),
  'stock.remove': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Removes stock by hand to Adjustment or Scrap: oldest first, or the chosen serials.',
    permission: 'stock.adjust',
    input: z
      .object({
        productId: id,
        locationId: id,
        qty: qty.optional(),
        serials: serialList.optional(),
        destination: z.enum(['adjustment', 'scrap']),
        reason: optionalText(500),
      })
      .strict(),
    output: documentRef,
  }),
  'stock.transfer': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Moves units between internal locations, directly or shipped through In-transit (received later).',
    permission: 'stock.transfer',
    input: z
      .object({ fromLocationId: id, toLocationId: id, lines: z.array(transferLine).min(1).max(5_000), mode: z.enum(['direct', 'ship']).default('direct'), note: optionalText(500) })
      .strict(),
    output: documentRef,
  }),
  'stock.receiveTransfer': channel({
    kind: 'mutation',
    changes: ['stock'],
    summary: 'Receives a shipped transfer at its destination (In-transit → destination): every unit still on its way, or per line a quantity or the serials scanned, each checked against the line.',
    permission: 'stock.transfer',
    input: z
      .object({
        id,
        /** Left out: everything still on its way. */
        lines: z
          .array(z.object({ line: z.number().int().positive(), qty: qty.optional(), serials: serialList.optional() }).strict())
          .min(1)
          .max(5_000)
          .optional(),
      })
      .strict(),
    output: documentRef,
  }),
  'stock.listTransfers': channel({
    kind: 'query',
    reads: ['stock', 'locations', 'auth'],
    summary: 'Pages transfers, newest first, filterable by status and location.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt', 'number']), { status: z.enum(transferStatuses).optional(), locationId: id.optional() }),
    output: pageOutput(transferSchema),
  }),
  'stock.getTransfer': channel({
    kind: 'query',
    reads: ['stock', 'locations', 'catalog', 'auth'],
    summary: 'One transfer: its ends, its lines with their serials and what is still on its way, and its history.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: transferDetailSchema,
  }),
  'stock.myVan': channel({
    kind: 'query',
    reads: ['stock', 'locations', 'catalog', 'sales'],
    summary:
      "The signed-in technician's vans (active vans they own): what each holds against its minimum and maximum, what is picked for their charges (theirs as owner of the ticket, project or contract, or picked at their vans) and the shipments on their way to refill them.",
    permission: 'inventory.view',
    input: z.object({}).strict(),
    output: myVanSchema,
  }),
  'stock.reverse': channel({
    kind: 'mutation',
    changes: ['stock', 'stocktakes', 'purchasing'],
    summary: 'Reverses a posted adjustment, transfer or stocktake with moves that name the moves they undo (refused if the units have moved on).',
    permission: 'stock.adjust',
    input: z.object({ documentType: z.enum(['adjustment', 'transfer', 'stocktake']), id, reason: optionalText(500) }).strict(),
    output: documentRef,
  }),
  'stock.startCount': channel({
    kind: 'mutation',
    changes: ['stocktakes'],
    summary: 'Starts a stocktake of one internal location.',
    permission: 'stock.count',
    input: z.object({ locationId: id, note: optionalText(500) }).strict(),
    output: countSchema,
  }),
  'stock.listCounts': channel({
    kind: 'query',
    reads: ['stocktakes', 'locations', 'auth'],
    summary: 'Pages stocktakes, newest first.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt', 'number']), { status: z.enum(countStatuses).optional() }),
    output: pageOutput(countSchema.omit({ lines: true })),
  }),
  'stock.getCount': channel({
    kind: 'query',
    reads: ['stocktakes', 'stock', 'catalog', 'locations'],
    summary: 'Reads a stocktake with expected, counted and difference per product.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: countSchema,
  }),
  'stock.scanCount': channel({
    kind: 'mutation',
    changes: ['stocktakes'],
    summary: 'Adds one unit to a stocktake by SKU, barcode or serial (what a scanner sends followed by Enter); answers with the scanned line as it now stands.',
    permission: 'stock.count',
    input: z.object({ id, code: z.string().trim().min(1).max(100) }).strict(),
    output: z.object({ productId: id, sku: z.string(), productName: z.string(), serialNumber: z.string().nullable(), countedQty: z.number().int(), line: countLineSchema }),
  }),
  'stock.setCountQty': channel({
    kind: 'mutation',
    changes: ['stocktakes'],
    summary: 'Sets the counted quantity of a non-serialized product in a stocktake; answers with that line as it now stands.',
    permission: 'stock.count',
    input: z.object({ id, productId: id, countedQty: z.number().int().min(0).max(1_000_000) }).strict(),
    output: countLineSchema,
  }),
  'stock.submitCount': channel({
    kind: 'mutation',
    changes: ['stocktakes'],
    summary: 'Submits an open stocktake for review: counting is not adjusting, so a user who may adjust stock posts it or sends it back.',
    permission: 'stock.count',
    input: z.object({ id }).strict(),
    output: documentRef,
  }),
  'stock.sendBackCount': channel({
    kind: 'mutation',
    changes: ['stocktakes'],
    summary: 'Sends a submitted stocktake back to its counter, open again, with a note saying what to check.',
    permission: 'stock.adjust',
    input: z.object({ id, note: requiredText(1000) }).strict(),
    output: documentRef,
  }),
  'stock.postCount': channel({
    kind: 'mutation',
    changes: ['stock', 'stocktakes'],
    summary: 'Posts the differences of an open or submitted stocktake as adjustments in one transaction (needs stock.adjust: counting is not adjusting); products not counted are left unchanged.',
    permission: 'stock.adjust',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: documentRef,
  }),
  'stock.cancelCount': channel({
    kind: 'mutation',
    changes: ['stocktakes'],
    summary: 'Cancels an open or submitted stocktake without changing stock.',
    permission: 'stock.count',
    input: z.object({ id }).strict(),
    output: documentRef,
  }),
  'stock.history': channel({
    kind: 'query',
    reads: ['stock', 'catalog', 'locations', 'auth'],
    summary: 'The Inventory Transfers & Updates page: every move and inventory change, filtered and paged.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['occurredAt']), {
      productId: id.optional(),
      locationId: id.optional(),
      serial: z.string().trim().max(100).optional(),
      userId: id.optional(),
      from: epochMs.optional(),
      to: epochMs.optional(),
    }),
    output: pageOutput(historyRowSchema),
  }),
  'stock.valueByLocation': channel({
    kind: 'query',
    reads: ['stock', 'locations'],
    summary: 'Inventory value (Σ units × their cost) per internal location, now or at a past date.',
    permission: 'costs.view',
    input: atDate,
    // The kind, so the screen can name In transit (a virtual location, stored in English) in the user's language.
    output: z.object({ at: epochMs, total: cost(amount), rows: z.array(valueRow.extend({ kind: z.enum(locationKinds) })) }),
  }),
  'stock.valueByProduct': channel({
    kind: 'query',
    reads: ['stock', 'catalog'],
    summary: 'Inventory value per product, now or at a past date, highest first, paged.',
    permission: 'costs.view',
    input: z.object({ at: epochMs.optional(), locationId: id.optional(), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ at: epochMs, rows: z.array(valueRow.extend({ sku: z.string() })), total: z.number().int() }),
  }),
  'stock.valueSeries': channel({
    kind: 'query',
    reads: ['stock'],
    summary: 'Month-end inventory values for a chart, from one pass over the moves.',
    permission: 'costs.view',
    input: z.object({ months: z.number().int().min(1).max(60).default(12) }).strict(),
    output: z.array(z.object({ at: epochMs, value: cost(amount) })),
  }),
  'stock.verifyLedger': channel({
    kind: 'query',
    reads: ['stock'],
    long: true,
    summary: 'Recomputes every balance from the moves and reports any difference (there must never be one), and lists serials that still clash.',
    permission: 'admin',
    input: empty,
    output: z.object({
      ok: z.boolean(),
      checkedBalances: z.number().int(),
      differences: z.array(
        z.object({
          kind: z.enum(['balance', 'negative', 'serial', 'level', 'month', 'listCache', 'allocation', 'charge', 'delivery', 'quote', 'return', 'rma', 'vendorReturn']),
          lotId: id.nullable(),
          productId: id.nullable(),
          locationId: id.nullable(),
          month: z.string().nullable(),
          /** The charge or delivery whose figures differ (kinds charge and delivery). */
          documentId: id.nullish(),
          /** Which of its figures differs. */
          figure: z.string().nullish(),
          /** Quantities, or values in ten-thousandths for the month totals, as exact decimal strings. */
          expected: amount,
          actual: amount,
        }),
      ),
      /** Units whose serial named the same unit as an older one when serials became unique ignoring case and blanks; correct them with stock.editSerial. */
      serialClashes: z.array(
        z.object({
          lotId: id,
          productId: id,
          sku: z.string(),
          serialNumber: z.string(),
          keptLotId: id,
          keptSerialNumber: z.string().nullable(),
          detectedAt: epochMs,
        }),
      ),
    }),
  }),
};

/**
 * How well a global-search result matches the text, best first: an exact serial number; an exact
 * SKU, barcode or part number (manufacturer's or vendor's); an exact name; a code or name starting
 * with the text; one containing it. Case and surrounding white space are ignored.
 */
export const searchRank = { exactSerial: 1, exactCode: 2, exactName: 3, prefix: 4, contains: 5 } as const;
export type SearchRank = (typeof searchRank)[keyof typeof searchRank];
const rank = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const searchResultKinds = ['serial', 'product', 'location', 'bin', 'company'] as const;

export const searchContract = {
  'search.global': channel({
    kind: 'query',
    reads: ['catalog', 'stock', 'locations', 'purchasing'],
    summary:
      'Finds serial numbers (exact or prefix), products (SKU, barcode, manufacturer or vendor part number, name), locations, bins (exact or prefix, per location) and companies matching the text, each with its rank (1 = exact serial … 5 = contains), best first, and names the best result (for a bin: its location, the first of `bins`). `q` in the answer is the text it was for.',
    permission: 'inventory.view',
    input: z.object({ q: z.string().trim().min(1).max(100) }).strict(),
    output: z.object({
      q: z.string(),
      best: z.object({ kind: z.enum(searchResultKinds), id, rank }).nullable(),
      products: z.array(
        z.object({ id, sku: z.string(), name: z.string(), rank, matchedOn: z.enum(['sku', 'barcode', 'manufacturerPartNumber', 'vendorPartNumber', 'name']) }),
      ),
      /** Where each unit is: ours or In-transit, a client (Customer) or Scrap; null when it left otherwise (written off, back to its vendor). */
      serials: z.array(
        z.object({ lotId: id, productId: id, serialNumber: z.string(), sku: z.string(), locationName: z.string().nullable(), locationKind: z.enum(locationKinds).nullable(), rank }),
      ),
      locations: z.array(z.object({ id, name: z.string(), rank })),
      /** Bins as the inventory products at a location name them (a scanned bin label): an exact one ranks as a code. */
      bins: z.array(z.object({ locationId: id, locationName: z.string(), bin: z.string(), rank })),
      companies: z.array(z.object({ id, name: z.string(), rank })),
    }),
  }),
};
