import { z } from 'zod';
import { channel, cost as costOf, costDetailKeys, costKeys, documentMoney, epochMs, id, money, moneyOut, ok, optionalDay, optionalText, pageInput, pageOutput, qty, requiredText, serial } from './define';
import { documentRef } from './stock';

export const poStatuses = ['new', 'submitted', 'receivedPartial', 'receivedFull', 'canceled'] as const;
export const approvalStatuses = ['none', 'requested', 'approved', 'rejected'] as const;
const nullableString = z.string().nullable();
/** Money shown only with costs.view. */
const cost = costOf(moneyOut());

export const poLineSchema = z.object({
  id,
  lineNo: z.number().int(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialized: z.boolean(),
  description: z.string(),
  vendorPartNumber: nullableString,
  qtyOrdered: z.number().int(),
  qtyReceived: z.number().int(),
  qtyCanceled: z.number().int(),
  /** ordered − canceled − received. */
  outstanding: z.number().int(),
  /** Outstanding units of a line that has been partly received: the vendor owes them. */
  backOrdered: z.number().int(),
  unitCost: cost,
  /** (ordered − canceled) × unit cost. */
  extended: cost,
  locationId: id,
  locationName: z.string(),
  estimatedArrival: nullableString,
  /** The charge the line buys for, and its client: received units are picked for it (or delivered, straight to the client). */
  chargeId: id.nullable(),
  chargeNumber: nullableString,
  chargeCompanyId: id.nullable(),
  chargeCompanyName: nullableString,
});
export type PoLine = z.infer<typeof poLineSchema>;

export const poSummarySchema = z.object({
  id,
  number: z.string(),
  status: z.enum(poStatuses),
  approvalStatus: z.enum(approvalStatuses),
  vendorId: id,
  vendorName: z.string(),
  purchaseForName: nullableString,
  createdAt: epochMs,
  submittedAt: epochMs.nullable(),
  expectedShipDate: nullableString,
  lineCount: z.number().int(),
  outstanding: z.number().int(),
  total: cost,
  /**
   * Sent and not fully received (submitted or received partial) and its expected ship date is before today,
   * the office's calendar day. On the approvals list, `overdue` is the request's instead (approvalCoverage).
   */
  overdue: z.boolean(),
});
export type PoSummary = z.infer<typeof poSummarySchema>;

export const poSchema = poSummarySchema.extend({
  vendorEmail: nullableString,
  purchaseForCompanyId: id.nullable(),
  shipToName: nullableString,
  shipToAddress: nullableString,
  shippingType: nullableString,
  paymentTerms: nullableString,
  memo: nullableString,
  freight: cost,
  subtotal: cost,
  createdByName: z.string(),
  /** Total at or above the approval threshold: the order needs an approval to leave the office. */
  needsApproval: z.boolean(),
  /**
   * The order may leave the office: it can be submitted and e-mailed, and its PDF is final. False while
   * it needs an approval that does not cover it; its PDF is then marked as a draft.
   */
  approvalCleared: z.boolean(),
  /** Who asked for the pending, granted or refused approval, and when (null when none was asked for). */
  approvalRequestedByName: nullableString,
  approvalRequestedAt: epochMs.nullable(),
  /**
   * Why the caller may not approve this order: they created it, or asked for its approval. Null when
   * they may (or the settings let requesters approve their own orders).
   */
  approverConflict: z.enum(['creator', 'requester']).nullable(),
  /** The reader's approval limit covers what the order spends unapproved; else the smallest tier that does (null: an administrator). */
  withinLimit: z.boolean(),
  neededLimit: nullableString,
  approvalByName: nullableString,
  approvalAt: epochMs.nullable(),
  approvalNote: nullableString,
  cancelReason: nullableString,
  /** Something has been received: the vendor can no longer change. */
  anythingReceived: z.boolean(),
  vendorInvoiceNumbers: z.array(z.string()),
  lines: z.array(poLineSchema),
});
export type PurchaseOrder = z.infer<typeof poSchema>;

const headerFields = {
  vendorId: id,
  purchaseForCompanyId: id.nullish().transform((v) => v ?? null),
  shipToName: optionalText(200),
  shipToAddress: optionalText(1000),
  shippingType: optionalText(100),
  expectedShipDate: optionalDay,
  freight: documentMoney.default(0),
  paymentTerms: optionalText(200),
  memo: optionalText(4000),
};

const lineFields = {
  qty,
  /** Defaults to the vendor's cost for the product. */
  unitCost: money.optional(),
  locationId: id,
  estimatedArrival: optionalDay,
};

/** Adds the PO's vendor to the product on the fly (the product must be bought from the vendor). */
const addVendor = z.object({ vendorPartNumber: optionalText(100), vendorCost: money }).strict();

/** A named approval limit (tier): its holders approve amounts up to `upTo`; null = no limit. */
export const approvalLimitSchema = z.object({ id, name: z.string(), upTo: documentMoney.nullable(), userCount: z.number().int() });
export type ApprovalLimit = z.infer<typeof approvalLimitSchema>;
/** The limit a user approves up to: their tier's, or none (name null) for administrators and users given no tier. */
export const approverLimitSchema = z.object({ name: z.string().nullable(), upTo: documentMoney.nullable() });
export type ApproverLimit = z.infer<typeof approverLimitSchema>;

/** What a request waiting for approval tells the approver reading the list. */
export const approvalCoverage = {
  /** The reader's approval limit covers the amount (one approval by such a user clears it). */
  withinLimit: z.boolean(),
  /** When it does not: the smallest tier that does (null: only a user with no limit, such as an administrator). */
  neededLimit: nullableString,
  /** Waiting longer than the settings' approval overdue days. */
  overdue: z.boolean(),
};

/** A purchase order waiting for approval, with who asked and when. */
export const approvalRowSchema = poSummarySchema.extend({
  requestedByName: nullableString,
  requestedAt: epochMs.nullable(),
  /** See `approverConflict` on the order. */
  approverConflict: z.enum(['creator', 'requester']).nullable(),
  ...approvalCoverage,
});
export type ApprovalRow = z.infer<typeof approvalRowSchema>;

export const poEventSchema = z.object({
  id,
  occurredAt: epochMs,
  userName: nullableString,
  type: z.enum([
    'created',
    'updated',
    'lineAdded',
    'lineUpdated',
    'lineRemoved',
    'approvalRequested',
    'approved',
    'rejected',
    'submitted',
    'emailed',
    'emailFailed',
    'received',
    'receiptCanceled',
    'lineReduced',
    'canceled',
    'chargesAdded',
  ]),
  details: costKeys(z.record(z.string(), z.unknown()), costDetailKeys),
});
export type PoEvent = z.infer<typeof poEventSchema>;

export const openLineSchema = z.object({
  lineId: id,
  orderId: id,
  orderNumber: z.string(),
  vendorId: id,
  vendorName: z.string(),
  purchaseForCompanyId: id.nullable(),
  purchaseForName: nullableString,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialized: z.boolean(),
  vendorPartNumber: nullableString,
  qtyOrdered: z.number().int(),
  qtyReceived: z.number().int(),
  outstanding: z.number().int(),
  backOrdered: z.number().int(),
  unitCost: cost,
  locationId: id,
  locationName: z.string(),
  estimatedArrival: nullableString,
  /** Expected by now: its order is past its expected ship date, or the line's own estimated arrival is before today. */
  overdue: z.boolean(),
  /** Units back-ordered (partly received) longer than the settings' back order overdue days, counted from the line's first receipt. */
  backOrderOverdue: z.boolean(),
  /** The charge the line buys for: receiving picks the units for it, or (to the client) delivers them. */
  chargeId: id.nullable(),
  chargeNumber: nullableString,
  chargeCompanyId: id.nullable(),
  chargeCompanyName: nullableString,
});
export type OpenLine = z.infer<typeof openLineSchema>;

export const receiptLineSchema = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  lineId: id,
  sku: z.string(),
  productName: z.string(),
  qty: z.number().int(),
  unitCost: cost,
  landedUnitCost: cost,
  locationName: z.string(),
  companyName: nullableString,
  vendorInvoiceNumber: nullableString,
  serials: z.array(z.string()),
});

export const receiptSchema = z.object({
  id,
  number: z.string(),
  status: z.enum(['posted', 'canceled']),
  createdAt: epochMs,
  userName: z.string(),
  freight: cost,
  splitFreight: z.boolean(),
  note: nullableString,
  canceledAt: epochMs.nullable(),
  cancelReason: nullableString,
  units: z.number().int(),
  lines: z.array(receiptLineSchema),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const suggestionSchema = z.object({
  inventoryProductId: id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  locationId: id,
  locationName: z.string(),
  onHand: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  /** Outstanding on purchase orders not yet received, drafts included. */
  onOrder: z.number().int(),
  /** Shipped here by transfers and still in transit. */
  incoming: z.number().int(),
  /** max − on hand − on order − incoming: what to bring in, by transfer and purchase together. */
  suggestedQty: z.number().int(),
  /** The location that refills this one, when it names one. */
  refillFromId: id.nullable(),
  refillFromName: nullableString,
  /**
   * To transfer from there: its share of what the source holds above its own minimum (available units
   * only), shared out across the locations it refills in proportion to what each needs.
   */
  transferQty: z.number().int(),
  /** To buy: what the transfer does not cover. */
  buyQty: z.number().int(),
  vendorId: id.nullable(),
  vendorName: nullableString,
  vendorPartNumber: nullableString,
  vendorCost: cost,
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A charge on the Purchasing & Fulfillment page: what it still needs, what is available where, and who sells it. */
export const fulfillmentRowSchema = z.object({
  chargeId: id,
  chargeNumber: z.string(),
  status: z.enum(['needToOrder', 'onOrder']),
  companyId: id,
  companyName: z.string(),
  containerId: id,
  containerNumber: z.string(),
  containerTitle: z.string(),
  salesOrderId: id.nullable(),
  salesOrderNumber: nullableString,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialized: z.boolean(),
  quantity: z.number().int(),
  picked: z.number().int(),
  delivered: z.number().int(),
  /** Outstanding on purchase orders bought for it that are not canceled, drafts included. */
  onPurchaseOrders: z.number().int(),
  /** quantity − delivered − picked − on purchase orders: what is left to pick or to order. */
  toOrder: z.number().int(),
  /** Units available to pick across active internal locations, and the locations holding most. */
  available: z.number().int(),
  availableAt: z.array(z.object({ locationId: id, locationName: z.string(), available: z.number().int() })),
  /** Units bought for it are back-ordered (a line partly received) longer than the settings' back order overdue days. */
  backOrderOverdue: z.boolean(),
  /** Purchase orders (not canceled) with lines bought for it. */
  orders: z.array(z.object({ id, number: z.string(), status: z.enum(poStatuses) })),
  /** The product's default vendor and its cost there. */
  vendorId: id.nullable(),
  vendorName: nullableString,
  vendorCost: costOf(moneyOut().nullable()),
  createdAt: epochMs,
});
export type FulfillmentRow = z.infer<typeof fulfillmentRowSchema>;

const orderSort = z.enum(['number', 'createdAt', 'vendorName', 'status', 'total', 'expectedShipDate']);

export const purchasingContract = {
  'purchasing.listOrders': channel({
    kind: 'query',
    reads: ['purchasing', 'catalog'],
    summary: 'Purchase orders, paged, searchable by number or vendor and filtered by status, vendor, product, date and overdue (past the expected ship date).',
    permission: 'inventory.view',
    input: pageInput(orderSort, {
      q: z.string().trim().max(100).optional(),
      statuses: z.array(z.enum(poStatuses)).max(5).optional(),
      vendorId: id.optional(),
      productId: id.optional(),
      from: epochMs.optional(),
      to: epochMs.optional(),
      /** True: only orders past their expected ship date (see `overdue` on the rows); false or left out: no filter. */
      overdue: z.boolean().optional(),
    }),
    output: pageOutput(poSummarySchema),
  }),
  'purchasing.getOrder': channel({
    kind: 'query',
    reads: ['purchasing', 'catalog', 'locations', 'stock'],
    summary: 'One purchase order with its lines, totals and approval.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: poSchema,
  }),
  'purchasing.createOrder': channel({
    kind: 'mutation',
    changes: ['purchasing'],
    summary: 'Creates a New purchase order, optionally with lines (products bought from that vendor).',
    permission: 'purchasing.manage',
    input: z
      .object({ ...headerFields, lines: z.array(z.object({ productId: id, ...lineFields }).strict()).max(1000).default([]) })
      .strict(),
    output: poSchema,
  }),
  'purchasing.updateOrder': channel({
    kind: 'mutation',
    changes: ['purchasing'],
    summary: 'Changes the header of a purchase order; the vendor only until anything is received. Freight left out is kept.',
    permission: 'purchasing.manage',
    input: z.object({ id, ...headerFields, freight: documentMoney.optional() }).strict(),
    output: poSchema,
  }),
  'purchasing.addLine': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Adds a line to a New purchase order; `addVendor` links the product to the vendor first.',
    permission: 'purchasing.manage',
    input: z.object({ orderId: id, productId: id, ...lineFields, addVendor: addVendor.optional() }).strict(),
    output: poSchema,
  }),
  'purchasing.updateLine': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Changes a line of a New purchase order.',
    permission: 'purchasing.manage',
    input: z.object({ id, ...lineFields }).strict(),
    output: poSchema,
  }),
  'purchasing.removeLine': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Removes a line of a New purchase order.',
    permission: 'purchasing.manage',
    input: z.object({ id }).strict(),
    output: poSchema,
  }),
  'purchasing.requestApproval': channel({
    kind: 'mutation',
    changes: ['purchasing'],
    summary: 'Sends a New purchase order at or above the approval threshold to the approvers.',
    permission: 'purchasing.manage',
    input: z.object({ id }).strict(),
    output: poSchema,
  }),
  'purchasing.approve': channel({
    kind: 'mutation',
    changes: ['purchasing'],
    summary: 'Approves a purchase order waiting for approval; refused to its creator and to whoever asked for the approval unless the settings allow it.',
    permission: 'purchasing.approve',
    input: z.object({ id, note: optionalText(1000) }).strict(),
    output: poSchema,
  }),
  'purchasing.reject': channel({
    kind: 'mutation',
    changes: ['purchasing'],
    summary: 'Rejects a purchase order waiting for approval, with a note; it stays New and editable.',
    permission: 'purchasing.approve',
    input: z.object({ id, note: requiredText(1000) }).strict(),
    output: poSchema,
  }),
  'purchasing.listApprovals': channel({
    kind: 'query',
    reads: ['purchasing', 'catalog', 'auth', 'settings'],
    summary: 'Purchase orders waiting for approval, oldest first, with who asked for it and when, whether the reader’s approval limit covers each and whether it is overdue.',
    permission: 'purchasing.approve',
    costsVisibleTo: 'purchasing.approve',
    input: pageInput(z.enum(['createdAt']), {}),
    output: pageOutput(approvalRowSchema),
  }),
  'purchasing.submit': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Marks a New purchase order Submitted (sent to the vendor), which allows receiving; one that needs an approval must be approved first.',
    permission: 'purchasing.manage',
    input: z.object({ id }).strict(),
    output: poSchema,
  }),
  'purchasing.cancelOrder': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Cancels a New or Submitted purchase order on which nothing has been received.',
    permission: 'purchasing.manage',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: poSchema,
  }),
  'purchasing.reduceLine': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Cancels outstanding units of a submitted line the vendor cannot deliver.',
    permission: 'purchasing.manage',
    input: z.object({ id, qty, reason: optionalText(500) }).strict(),
    output: poSchema,
  }),
  'purchasing.renderPdf': channel({
    kind: 'query',
    io: true,
    reads: ['purchasing', 'catalog', 'locations', 'settings'],
    summary: 'The purchase order as a PDF document (base64), in the chosen language; marked as a draft on every page while it needs an approval it does not have.',
    permission: 'purchasing.manage',
    showsCosts: true,
    input: z.object({ id, locale: z.enum(['es', 'en']) }).strict(),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'purchasing.emailOrder': channel({
    kind: 'mutation',
    io: true,
    changes: ['purchasing'],
    summary: 'E-mails the purchase order PDF to the vendor through the office SMTP server; the attempt is recorded. Refused while the order needs an approval it does not have.',
    permission: 'purchasing.manage',
    showsCosts: true,
    input: z
      .object({
        id,
        to: z.array(z.email()).min(1).max(10),
        cc: z.array(z.email()).max(10).default([]),
        subject: requiredText(300),
        message: z.string().max(10_000),
        locale: z.enum(['es', 'en']),
      })
      .strict(),
    output: z.object({ messageId: z.string(), accepted: z.array(z.string()), rejected: z.array(z.string()) }),
  }),
  'purchasing.history': channel({
    kind: 'query',
    reads: ['purchasing', 'auth', 'catalog'],
    summary: 'The history of a purchase order: changes, approval, e-mails, receipts, cancellations.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: z.array(poEventSchema),
  }),
  'purchasing.reorderSuggestions': channel({
    kind: 'query',
    reads: ['purchasing', 'stock', 'catalog', 'locations'],
    summary:
      "Inventory products below their minimum with the quantity that brings them to their maximum once what is on order and in transit arrives, by default vendor: a transfer from the location that refills them first (up to what it holds above its own minimum, shared across the locations it refills), a purchase for the rest.",
    permission: 'purchasing.manage',
    input: pageInput(z.enum(['vendorName']), { locationId: id.optional(), vendorId: id.optional() }),
    output: pageOutput(suggestionSchema),
  }),
  'purchasing.listFulfillment': channel({
    kind: 'query',
    reads: ['purchasing', 'sales', 'stock', 'catalog', 'settings'],
    summary:
      'The Purchasing & Fulfillment page: charges in Need to Order/Fulfill (or On Order) with what is left to order, what is available where, the default vendor and whether their back-ordered units are overdue; filters by vendor (products it sells), client, product and text.',
    permission: 'purchasing.manage',
    // Charge numbers follow creation: the number is the only order (and walks charges_status_idx).
    input: pageInput(z.enum(['chargeNumber']), {
      status: z.enum(['needToOrder', 'onOrder']).default('needToOrder'),
      q: z.string().trim().max(100).optional(),
      vendorId: id.optional(),
      companyId: id.optional(),
      productId: id.optional(),
    }),
    output: pageOutput(fulfillmentRowSchema),
  }),
  'purchasing.listApprovalLimits': channel({
    kind: 'query',
    reads: ['settings', 'auth'],
    summary: 'The approval tiers: named limits up to which their holders approve charges and purchase orders, smallest first.',
    permission: 'signedIn',
    input: z.object({}).strict(),
    output: z.array(approvalLimitSchema),
  }),
  'purchasing.saveApprovalLimit': channel({
    kind: 'mutation',
    changes: ['settings', 'auth'],
    summary: 'Creates or renames an approval tier and sets its limit (null = no limit); names are unique (admin only).',
    permission: 'admin',
    input: z.object({ id: id.optional(), name: requiredText(100), upTo: documentMoney.nullable() }).strict(),
    output: approvalLimitSchema,
  }),
  'purchasing.deleteApprovalLimit': channel({
    kind: 'mutation',
    changes: ['settings', 'auth'],
    summary: 'Deletes an approval tier no user holds (admin only).',
    permission: 'admin',
    input: z.object({ id }).strict(),
    output: ok,
  }),
  'purchasing.queueCounts': channel({
    kind: 'query',
    reads: ['purchasing', 'sales', 'stock'],
    summary:
      'The count badges of the four queues: purchase orders and charges waiting for approval, charges to order or fulfil, purchase order lines to receive, and Delivery & Shipping lines (picked charges and ready ones not tracked in stock); each one indexed count.',
    permission: 'inventory.view',
    input: z.object({}).strict(),
    output: z.object({ approvals: z.number().int(), fulfillment: z.number().int(), receiving: z.number().int(), delivery: z.number().int() }),
  }),
  'purchasing.orderForCharges': channel({
    kind: 'mutation',
    changes: ['purchasing', 'sales'],
    summary:
      "Buys for charges in one step: a New purchase order of the vendor (or lines added to one of its New orders) with a line per charge, linked to it, for what it has left to order (or the quantity given). Submitting the order puts the charges On Order; receiving picks the units for them.",
    permission: 'purchasing.manage',
    input: z
      .object({
        vendorId: id,
        /** A New order of the same vendor to add the lines to; left out, a new order. */
        orderId: id.optional(),
        /** Where the units are received (the line's location). */
        locationId: id,
        estimatedArrival: optionalDay,
        charges: z
          .array(z.object({ chargeId: id, qty: qty.optional() }).strict())
          .min(1)
          .max(1000),
      })
      .strict(),
    output: poSchema,
  }),
  'purchasing.createFromSuggestions': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary:
      'Creates, in one step, one New purchase order per default vendor from the chosen suggestions to buy, and one shipped transfer per pair of locations from the ones to transfer (from the location that refills each).',
    permission: 'purchasing.manage',
    // Transfers move stock: whoever asks for them needs the permission a transfer needs, whichever screen sends them.
    inputPermissions: { transfers: 'stock.transfer' },
    input: z
      .object({
        /** To buy. */
        lines: z.array(z.object({ inventoryProductId: id, qty }).strict()).max(2000).default([]),
        /** To transfer from the location that refills the inventory product's location. */
        transfers: z.array(z.object({ inventoryProductId: id, qty }).strict()).max(2000).optional(),
        /** The transfers' note (the screen says they refill from the suggestions). */
        transferNote: optionalText(500),
      })
      .strict()
      .refine((v) => v.lines.length + (v.transfers?.length ?? 0) > 0, { message: 'lines or transfers' }),
    output: z.object({ orders: z.array(poSummarySchema), transfers: z.array(documentRef) }),
  }),
  'purchasing.listOpenLines': channel({
    kind: 'query',
    reads: ['purchasing', 'catalog', 'locations', 'settings'],
    summary:
      'Every line still to receive on submitted purchase orders, searchable by PO number, product, vendor and vendor part number; each marked when expected by now and when back-ordered longer than the settings allow.',
    permission: 'purchasing.receive',
    input: pageInput(z.enum(['orderNumber', 'sku', 'vendorName', 'estimatedArrival']), {
      q: z.string().trim().max(100).optional(),
      orderId: id.optional(),
      vendorId: id.optional(),
      locationId: id.optional(),
    }),
    output: pageOutput(openLineSchema),
  }),
  'purchasing.receive': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Receives units of one or more PO lines (several POs allowed) in one transaction; serials for serialized products.',
    permission: 'purchasing.receive',
    input: z
      .object({
        lines: z
          .array(
            z
              .object({
                lineId: id,
                qty,
                serials: z.array(serial).max(20_000).optional(),
                /** Defaults to the line's location; 'customer' receives straight to the client company. */
                destination: z.enum(['location', 'customer']).default('location'),
                locationId: id.optional(),
                companyId: id.optional(),
                vendorInvoiceNumber: optionalText(100),
              })
              .strict(),
          )
          .min(1)
          .max(1000),
        freight: documentMoney.default(0),
        /** Spread the freight over the received lines by value (landed cost). */
        splitFreight: z.boolean().default(false),
        note: optionalText(1000),
      })
      .strict(),
    output: receiptSchema,
  }),
  'purchasing.listReceipts': channel({
    kind: 'query',
    reads: ['purchasing', 'stock', 'auth', 'catalog', 'locations'],
    summary: 'Receipts, newest first, optionally of one purchase order.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt']), { orderId: id.optional() }),
    output: pageOutput(receiptSchema),
  }),
  'purchasing.cancelReceipt': channel({
    kind: 'mutation',
    changes: ['purchasing', 'stock'],
    summary: 'Cancels a receipt: its units go back to the vendor; refused when they have since moved, been picked or delivered.',
    permission: 'purchasing.receive',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: receiptSchema,
  }),
};
