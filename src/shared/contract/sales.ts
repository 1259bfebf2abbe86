import { z } from 'zod';
import { locationKinds } from './locations';
import { approvalCoverage } from './purchasing';
import { amount, channel, cost, documentMoney, epochMs, id, money, moneyOut, ok, optionalDay, optionalText, pageInput, pageOutput, qty, requiredText, serial } from './define';

// Contracts, projects and tickets (containers), the charges billed on them, picking units for charges,
// and deliveries to the client with the devices they install. Costs (delivered cost, estimates, margin) are
// marked for redaction; selling prices are not costs.

export const containerKinds = ['contract', 'project', 'ticket'] as const;
export const containerStatuses = ['open', 'closed'] as const;
export const chargeKinds = ['product', 'freight', 'credit'] as const;
export const deviceStatuses = ['installed', 'voided', 'returned'] as const;
export const deliveryStatuses = ['delivered', 'reversed'] as const;
export const deliveryMethods = ['deliver', 'ship'] as const;
export const chargeStatuses = ['pending', 'waitingApproval', 'needToOrder', 'onOrder', 'ready', 'delivered', 'canceled'] as const;
export type ChargeStatus = (typeof chargeStatuses)[number];
const nullableString = z.string().nullable();
const serialList = z.array(serial).max(20_000);

export const containerSchema = z.object({
  id,
  kind: z.enum(containerKinds),
  number: z.string(),
  title: z.string(),
  description: nullableString,
  companyId: id,
  companyName: z.string(),
  status: z.enum(containerStatuses),
  ownerUserId: id.nullable(),
  ownerName: nullableString,
  contractId: id.nullable(),
  contractNumber: nullableString,
  contractTitle: nullableString,
  createdAt: epochMs,
  /** Charges not canceled, and of those not yet delivered in full. */
  chargeCount: z.number().int(),
  openChargeCount: z.number().int(),
});
export type Container = z.infer<typeof containerSchema>;

const containerFields = {
  title: requiredText(200),
  description: optionalText(4000),
  companyId: id,
  /** A ticket's owner is its technician. */
  ownerUserId: id.nullish().transform((v) => v ?? null),
  /** A ticket or a project may name its contract (of the same company). */
  contractId: id.nullish().transform((v) => v ?? null),
};

export const chargeSchema = z.object({
  id,
  number: z.string(),
  kind: z.enum(chargeKinds),
  containerId: id,
  containerKind: z.enum(containerKinds),
  containerNumber: z.string(),
  containerTitle: z.string(),
  companyId: id,
  companyName: z.string(),
  productId: id.nullable(),
  sku: nullableString,
  productName: nullableString,
  serialized: z.boolean(),
  trackedInStock: z.boolean(),
  description: z.string(),
  quantity: z.number().int(),
  unitPrice: moneyOut(),
  /** quantity × unit price, exact (a decimal string). */
  extendedPrice: amount,
  billable: z.boolean(),
  status: z.enum(chargeStatuses),
  picked: z.number().int(),
  delivered: z.number().int(),
  /** quantity − delivered − picked: still to pick (or to buy). */
  needed: z.number().int(),
  /** Units still to come on sent purchase orders bought for it, those the vendor owes on partly received lines, and the earliest expected arrival. */
  onOrder: z.number().int(),
  backOrdered: z.number().int(),
  estimatedArrival: nullableString,
  /** Exact Σ qty × unit cost of what was delivered. */
  deliveredCost: cost(amount),
  /** Of the delivered units, those the client gave back, and the cost they came back at. */
  returned: z.number().int(),
  returnedCost: cost(amount),
  /**
   * The cost of the whole quantity: what was delivered, the picked units at their cost, the rest at the
   * product's catalogue cost. Equal to the delivered cost once everything is delivered.
   */
  estimatedCost: cost(amount),
  /** True while part of the quantity is costed from picks or the catalogue (shown as an estimate). */
  costIsEstimate: z.boolean(),
  /** Extended price − (delivered or estimated) cost. */
  margin: cost(amount),
  holdNote: nullableString,
  cancelReason: nullableString,
  createdByName: z.string(),
  createdAt: epochMs,
});
export type Charge = z.infer<typeof chargeSchema>;

export const pickSchema = z.object({
  locationId: id,
  locationName: z.string(),
  bin: nullableString,
  lotId: id,
  serialNumber: nullableString,
  qty: z.number().int(),
  unitCost: cost(moneyOut()),
  pickedAt: epochMs,
});
export type Pick = z.infer<typeof pickSchema>;

export const chargeDeliverySchema = z.object({
  deliveryId: id,
  deliveryNumber: z.string(),
  status: z.enum(deliveryStatuses),
  method: z.enum(deliveryMethods),
  createdAt: epochMs,
  qty: z.number().int(),
  cost: cost(amount),
  locationName: nullableString,
  serials: z.array(z.string()),
});

export const chargeEventSchema = z.object({
  id,
  occurredAt: epochMs,
  userName: nullableString,
  type: z.string(),
  fromState: nullableString,
  toState: nullableString,
  details: z.record(z.string(), z.unknown()),
});

export const chargeDetailSchema = chargeSchema.extend({
  /** Units bought for it have been back ordered longer than the settings' back order overdue days. */
  backOrderOverdue: z.boolean(),
  picks: z.array(pickSchema),
  deliveries: z.array(chargeDeliverySchema),
  /** What came back of it on client returns. */
  returns: z.array(
    z.object({
      returnId: id,
      returnNumber: z.string(),
      createdAt: epochMs,
      condition: z.enum(['new', 'used', 'faulty']),
      qty: z.number().int(),
      cost: cost(amount),
      serials: z.array(z.string()),
    }),
  ),
  history: z.array(chargeEventSchema),
  /** Purchase order lines bought for it (Purchasing & Fulfillment). */
  purchaseLines: z.array(
    z.object({
      orderId: id,
      orderNumber: z.string(),
      orderStatus: z.enum(['new', 'submitted', 'receivedPartial', 'receivedFull', 'canceled']),
      vendorName: z.string(),
      lineNo: z.number().int(),
      qtyOrdered: z.number().int(),
      qtyReceived: z.number().int(),
      qtyCanceled: z.number().int(),
      estimatedArrival: nullableString,
    }),
  ),
  /** Available units per internal location (what a pick can take), for the pick dialog. */
  availability: z.array(z.object({ locationId: id, locationName: z.string(), available: z.number().int() })),
});
export type ChargeDetail = z.infer<typeof chargeDetailSchema>;

const chargeFields = {
  quantity: qty,
  /** Net selling price of one unit; defaults to the product's price. */
  unitPrice: money.optional(),
  /** Defaults to the product's name. */
  description: optionalText(1000),
  billable: z.boolean().default(true),
};

export const opportunityStatuses = ['open', 'won', 'lost'] as const;

/** An opportunity as lists show it: its quote's total (net prices) and the units reserved for it. */
export const opportunitySchema = z.object({
  id,
  number: z.string(),
  title: z.string(),
  companyId: id,
  companyName: z.string(),
  status: z.enum(opportunityStatuses),
  ownerUserId: id.nullable(),
  ownerName: nullableString,
  expectedClose: nullableString,
  note: nullableString,
  lostReason: nullableString,
  createdAt: epochMs,
  closedAt: epochMs.nullable(),
  itemCount: z.number().int(),
  /** Σ quantity × net unit price of its items. */
  quotePrice: amount,
  reserved: z.number().int(),
  /** The sales order the won-opportunity wizard made. */
  salesOrderId: id.nullable(),
  salesOrderNumber: nullableString,
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const opportunityDetailSchema = opportunitySchema.extend({
  items: z.array(
    z.object({
      id,
      lineNo: z.number().int(),
      productId: id,
      sku: z.string(),
      productName: z.string(),
      serialized: z.boolean(),
      description: z.string(),
      quantity: z.number().int(),
      unitPrice: moneyOut(),
      extendedPrice: amount,
      reserved: z.number().int(),
      /** The units held for the item, where. */
      reservations: z.array(z.object({ locationId: id, locationName: z.string(), serialNumber: nullableString, qty: z.number().int(), reservedAt: epochMs })),
    }),
  ),
  history: z.array(chargeEventSchema),
});
export type OpportunityDetail = z.infer<typeof opportunityDetailSchema>;

export const salesOrderStatuses = ['open', 'inProgress', 'partiallyFulfilled', 'fulfilled', 'canceled'] as const;
export type SalesOrderStatus = (typeof salesOrderStatuses)[number];

/** A sales order as lists show it; its status follows its charges. */
export const salesOrderSchema = z.object({
  id,
  number: z.string(),
  status: z.enum(salesOrderStatuses),
  opportunityId: id,
  opportunityNumber: z.string(),
  title: z.string(),
  containerId: id,
  containerNumber: z.string(),
  containerTitle: z.string(),
  companyId: id,
  companyName: z.string(),
  ownerUserId: id.nullable(),
  ownerName: nullableString,
  cancelReason: nullableString,
  createdAt: epochMs,
  itemCount: z.number().int(),
  /** Σ quantity × net unit price of its charges not canceled. */
  orderPrice: amount,
});
export type SalesOrder = z.infer<typeof salesOrderSchema>;

export const salesOrderDetailSchema = salesOrderSchema.extend({
  /** Each charge with its progress: ordered (on purchase orders not canceled, net of reductions), received, picked, delivered. */
  items: z.array(
    z.object({
      chargeId: id,
      chargeNumber: z.string(),
      status: z.enum(chargeStatuses),
      productId: id.nullable(),
      sku: nullableString,
      productName: nullableString,
      description: z.string(),
      quantity: z.number().int(),
      unitPrice: moneyOut(),
      ordered: z.number().int(),
      received: z.number().int(),
      picked: z.number().int(),
      delivered: z.number().int(),
    }),
  ),
  history: z.array(chargeEventSchema),
});
export type SalesOrderDetail = z.infer<typeof salesOrderDetailSchema>;

const opportunityFields = {
  title: requiredText(200),
  ownerUserId: id.nullish().transform((v) => v ?? null),
  expectedClose: optionalDay,
  note: optionalText(4000),
};

/** One line of the Delivery & Shipping page: a charge's picked, undelivered units at one location. */
export const openDeliveryLineSchema = z.object({
  chargeId: id,
  chargeNumber: z.string(),
  containerId: id,
  containerKind: z.enum(containerKinds),
  containerNumber: z.string(),
  containerTitle: z.string(),
  companyId: id,
  companyName: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialized: z.boolean(),
  /** Null for a product not tracked in stock (nothing to pick: delivered at catalogue cost). */
  locationId: id.nullable(),
  locationName: nullableString,
  bin: nullableString,
  qty: z.number().int(),
  /** The first serials picked there (up to 20). */
  serials: z.array(z.string()),
  chargeQuantity: z.number().int(),
  delivered: z.number().int(),
  status: z.enum(chargeStatuses),
});
export type OpenDeliveryLine = z.infer<typeof openDeliveryLineSchema>;

export const deliverySummarySchema = z.object({
  id,
  number: z.string(),
  status: z.enum(deliveryStatuses),
  method: z.enum(deliveryMethods),
  companyId: id,
  companyName: z.string(),
  carrier: nullableString,
  trackingNumber: nullableString,
  shipDate: nullableString,
  units: z.number().int(),
  lineCount: z.number().int(),
  userName: z.string(),
  createdAt: epochMs,
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

export const deliverySchema = deliverySummarySchema.extend({
  shipToName: nullableString,
  shipToAddress: nullableString,
  reason: nullableString,
  note: nullableString,
  freightChargeId: id.nullable(),
  freightChargeNumber: nullableString,
  reversedAt: epochMs.nullable(),
  reverseReason: nullableString,
  lines: z.array(
    z.object({
      id,
      lineNo: z.number().int(),
      chargeId: id.nullable(),
      chargeNumber: nullableString,
      containerNumber: nullableString,
      productId: id,
      sku: z.string(),
      productName: z.string(),
      locationName: nullableString,
      qty: z.number().int(),
      cost: cost(amount),
      serials: z.array(z.string()),
    }),
  ),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deviceSchema = z.object({
  id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  serialNumber: z.string(),
  status: z.enum(deviceStatuses),
  companyId: id,
  companyName: z.string(),
  containerId: id.nullable(),
  containerNumber: nullableString,
  contractId: id.nullable(),
  contractNumber: nullableString,
  chargeId: id.nullable(),
  chargeNumber: nullableString,
  deliveryId: id,
  deliveryNumber: z.string(),
  installedAt: epochMs,
  warrantyEnd: epochMs.nullable(),
  /** The client return that brought it back. */
  returnId: id.nullable(),
  returnNumber: nullableString,
  returnedAt: epochMs.nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceDetailSchema = deviceSchema.extend({
  /** Its product may go back to the vendor on an RMA; the device's latest RMA, if any. */
  eligibleForRma: z.boolean(),
  rmaId: id.nullable(),
  rmaNumber: nullableString,
  lotId: id,
  unitCost: cost(moneyOut()),
  receivedAt: epochMs,
  vendorName: nullableString,
  vendorInvoiceNumber: nullableString,
  purchaseOrderId: id.nullable(),
  purchaseOrderNumber: nullableString,
  receiptNumber: nullableString,
  /** Every move of the unit, oldest first. */
  moves: z.array(
    z.object({
      id,
      occurredAt: epochMs,
      qty: z.number().int(),
      fromName: z.string(),
      fromKind: z.enum(locationKinds),
      toName: z.string(),
      toKind: z.enum(locationKinds),
      documentType: z.string(),
      documentId: id,
      documentNumber: nullableString,
      userName: nullableString,
    }),
  ),
});
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

/** Lines of the Delivery & Shipping page as chosen for a document: a charge's units at a location (null: not stocked). */
const chosenLines = z
  .array(z.object({ chargeId: id, locationId: id.nullable() }).strict())
  .min(1)
  .max(5_000);

/** How a shipment leaves: the carrier, its tracking number and the day it left. */
const shipping = { carrier: optionalText(100), trackingNumber: optionalText(100), shipDate: optionalDay };

const unitsChoice = { qty: qty.optional(), serials: serialList.optional() };

export const salesContract = {
  'sales.listContainers': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth'],
    summary: 'Pages contracts, projects and tickets, searchable by number or title, filterable by kind, status and company.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['number', 'title', 'companyName', 'createdAt']), {
      q: z.string().trim().max(100).optional(),
      kind: z.enum(containerKinds).optional(),
      status: z.enum(containerStatuses).optional(),
      companyId: id.optional(),
    }),
    output: pageOutput(containerSchema),
  }),
  'sales.getContainer': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth'],
    summary: 'One contract, project or ticket.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: containerSchema,
  }),
  'sales.createContainer': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Opens a contract, project or ticket for a client company (numbered CTR-, PRJ-, TKT-).',
    permission: 'sales.manage',
    input: z.object({ kind: z.enum(containerKinds), ...containerFields }).strict(),
    output: containerSchema,
  }),
  'sales.updateContainer': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Changes the title, description, owner or contract of a container; the company only while it has no charges.',
    permission: 'sales.manage',
    input: z.object({ id, ...containerFields }).strict(),
    output: containerSchema,
  }),
  'sales.setContainerStatus': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Closes a container (no new charges) or opens it again.',
    permission: 'sales.manage',
    input: z.object({ id, action: z.enum(['close', 'reopen']) }).strict(),
    output: containerSchema,
  }),
  'sales.listCharges': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'stock', 'auth'],
    summary: 'Pages charges, filterable by container, company, product and status; searchable by number, SKU or description.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['number', 'createdAt', 'status', 'quantity', 'productName']), {
      q: z.string().trim().max(100).optional(),
      containerId: id.optional(),
      companyId: id.optional(),
      productId: id.optional(),
      statuses: z.array(z.enum(chargeStatuses)).max(7).optional(),
    }),
    output: pageOutput(chargeSchema),
  }),
  'sales.getCharge': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'stock', 'locations', 'auth'],
    summary: 'One charge with its picks, deliveries, history and where units are available to pick.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: chargeDetailSchema,
  }),
  'sales.createCharge': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Adds a charge for a product to an open container; its status follows its quantities (on hold when asked).',
    permission: 'sales.manage',
    input: z.object({ containerId: id, productId: id, ...chargeFields, onHold: z.boolean().default(false), holdNote: optionalText(1000) }).strict(),
    output: chargeSchema,
  }),
  'sales.updateCharge': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Changes the quantity (never below what is picked and delivered), price, description or billable flag of a charge.',
    permission: 'sales.manage',
    input: z.object({ id, ...chargeFields }).strict(),
    output: chargeSchema,
  }),
  'sales.holdCharge': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Puts a charge on hold (Pending) with a note; its picks stay.',
    permission: 'sales.manage',
    input: z.object({ id, note: optionalText(1000) }).strict(),
    output: chargeSchema,
  }),
  'sales.releaseCharge': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Releases a charge on hold: its status follows its quantities again.',
    permission: 'sales.manage',
    input: z.object({ id }).strict(),
    output: chargeSchema,
  }),
  'sales.approveCharge': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary:
      'Approves a charge waiting for approval (its extended cost reached the threshold) for its cost now: it goes on to Need to Order/Fulfill, and purchase order lines bought for it need no approval of their own. Not by its creator unless the settings allow self-approval.',
    permission: 'purchasing.approve',
    input: z.object({ id, note: optionalText(1000) }).strict(),
    output: chargeSchema,
  }),
  'sales.listChargeApprovals': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth', 'settings'],
    summary:
      'Charges waiting for approval (Purchase Approvals), longest waiting first: the amount to approve (extended catalogue cost), since when, whether the reader may approve it (own request, approval limit) and whether it is overdue.',
    permission: 'purchasing.approve',
    costsVisibleTo: 'purchasing.approve',
    input: pageInput(z.enum(['waitingSince']), {}),
    output: pageOutput(
      chargeSchema.extend({
        /** Quantity × the product's catalogue cost now: what an approval is given for. */
        amount: cost(documentMoney),
        /** When it last entered Waiting Approval. */
        waitingSince: epochMs,
        /** Its creator, and whoever sent it for this approval, may not approve it unless the settings allow self-approval. */
        approverConflict: z.enum(['creator', 'requester']).nullable(),
        ...approvalCoverage,
      }),
    ),
  }),
  'sales.rejectCharge': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Rejects a charge waiting for approval with a note: it goes to Pending with the note; editing and releasing it asks again.',
    permission: 'purchasing.approve',
    input: z.object({ id, note: requiredText(1000) }).strict(),
    output: chargeSchema,
  }),
  'sales.cancelCharge': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'Cancels a charge with nothing delivered and releases its picks.',
    permission: 'sales.manage',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: chargeSchema,
  }),
  'stock.pick': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: 'Picks units for a charge at a location: a quantity (oldest first) or serials; ≤ min(available there, still needed).',
    permission: 'stock.pick',
    input: z.object({ chargeId: id, locationId: id, ...unitsChoice }).strict(),
    output: chargeSchema,
  }),
  'stock.unpick': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: 'Puts picked units back to available: serials, a quantity at a location (latest picks first), or everything picked.',
    permission: 'stock.pick',
    input: z.object({ chargeId: id, locationId: id.optional(), ...unitsChoice }).strict(),
    output: chargeSchema,
  }),
  'stock.transferPicked': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: "Transfers a charge's picked units to another location (a technician's van); they stay picked for the charge.",
    permission: 'stock.transfer',
    input: z.object({ chargeId: id, fromLocationId: id, toLocationId: id, ...unitsChoice, note: optionalText(500) }).strict(),
    output: z.object({ documentType: z.literal('transfer'), id, number: z.string() }),
  }),
  'sales.listOpportunities': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth'],
    summary: 'Pages opportunities, searchable by number, title or client, filterable by status, client and owner.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['number', 'createdAt', 'expectedClose', 'companyName']), {
      q: z.string().trim().max(100).optional(),
      companyId: id.optional(),
      ownerUserId: id.optional(),
      statuses: z.array(z.enum(opportunityStatuses)).max(3).optional(),
      /** Only those whose quote reserves units of this product (at this location, when given). */
      reservingProductId: id.optional(),
      reservingLocationId: id.optional(),
    }),
    output: pageOutput(opportunitySchema),
  }),
  'sales.getOpportunity': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'stock', 'locations', 'auth'],
    summary: 'One opportunity with its quote items, the units reserved for each (where, serials) and its history.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.createOpportunity': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Opens an opportunity (OPP-n) for a client company.',
    permission: 'sales.manage',
    input: z.object({ companyId: id, ...opportunityFields }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.updateOpportunity': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: "Changes an open opportunity's title, owner, expected close date or note.",
    permission: 'sales.manage',
    input: z.object({ id, ...opportunityFields }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.addQuoteItem': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: "Adds a product to an open opportunity's quote (net unit price, the product's by default).",
    permission: 'sales.manage',
    input: z.object({ opportunityId: id, productId: id, quantity: qty, unitPrice: money.optional(), description: optionalText(1000) }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.updateQuoteItem': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Changes a quote item’s quantity (never below what is reserved), net unit price or description.',
    permission: 'sales.manage',
    input: z.object({ id, quantity: qty, unitPrice: money, description: optionalText(1000) }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.removeQuoteItem': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'Removes a quote item from an open opportunity, releasing the units reserved for it.',
    permission: 'sales.manage',
    input: z.object({ id }).strict(),
    output: opportunityDetailSchema,
  }),
  'stock.reserve': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: 'Reserves units for a quote item at a location: a quantity (oldest first) or serials; ≤ min(available there, not yet reserved).',
    permission: 'sales.manage',
    input: z.object({ quoteItemId: id, locationId: id, ...unitsChoice }).strict(),
    output: opportunityDetailSchema,
  }),
  'stock.release': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: 'Puts reserved units back to available: serials, a quantity at a location (latest first), or everything reserved for the item.',
    permission: 'sales.manage',
    input: z.object({ quoteItemId: id, locationId: id.optional(), ...unitsChoice }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.loseOpportunity': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'Closes an open opportunity as lost, releasing every unit reserved on its quote.',
    permission: 'sales.manage',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: opportunityDetailSchema,
  }),
  'sales.quotePdf': channel({
    kind: 'query',
    io: true,
    reads: ['sales', 'catalog', 'settings'],
    summary: "An opportunity's quote as a PDF (base64) for the client, in the client company's language: items, net prices, total, \"Prices exclude VAT\"; no costs.",
    permission: 'inventory.view',
    input: z
      .object({
        id,
        /** When the client company has no language of its own (the screens send the user's). */
        locale: z.enum(['es', 'en']).optional(),
      })
      .strict(),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'sales.winOpportunity': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary:
      'The won-opportunity wizard: on a chosen (or new) contract, project or ticket of the client, a charge per quote item, the reserved units picked for their charges, and a sales order (SO-n) while Procurement is on; refused for an opportunity already won or lost.',
    permission: 'sales.manage',
    input: z
      .object({
        id,
        target: z.union([
          z.object({ containerId: id }).strict(),
          z.object({ kind: z.enum(containerKinds), title: requiredText(200), ownerUserId: id.nullish().transform((v) => v ?? null), contractId: id.nullish().transform((v) => v ?? null) }).strict(),
        ]),
      })
      .strict(),
    /** The sales order made; with Procurement switched off there is none, and the answer names the container. */
    output: z.object({ documentType: z.enum(['salesOrder', 'container']), id, number: z.string(), containerId: id }),
  }),
  'sales.listSalesOrders': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth'],
    summary: 'Pages sales orders, searchable by number, opportunity or client, filterable by status, client and container.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['number', 'createdAt', 'companyName']), {
      q: z.string().trim().max(100).optional(),
      companyId: id.optional(),
      containerId: id.optional(),
      statuses: z.array(z.enum(salesOrderStatuses)).max(5).optional(),
    }),
    output: pageOutput(salesOrderSchema),
  }),
  'sales.getSalesOrder': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth'],
    summary: "One sales order with each item's progress (picked, delivered) and its history.",
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: salesOrderDetailSchema,
  }),
  'sales.cancelSalesOrder': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'Cancels a sales order with nothing delivered: its undelivered charges are canceled and their picks released.',
    permission: 'sales.manage',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: salesOrderDetailSchema,
  }),
  'delivery.listOpen': channel({
    kind: 'query',
    reads: ['sales', 'stock', 'catalog', 'locations'],
    summary: 'The Delivery & Shipping lines: picked, undelivered units per charge and location, searchable by client, container, product, serial and location.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['chargeNumber', 'companyName', 'productName', 'locationName']), {
      q: z.string().trim().max(100).optional(),
      companyId: id.optional(),
      containerId: id.optional(),
      productId: id.optional(),
      locationId: id.optional(),
      serial: z.string().trim().max(100).optional(),
    }),
    output: pageOutput(openDeliveryLineSchema),
  }),
  'delivery.deliver': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: "Delivers or ships picked units of one client's charges in one document (DLV-n): moves to Customer at each unit's cost, devices for serialized units.",
    permission: 'stock.deliver',
    input: z
      .object({
        method: z.enum(['deliver', 'ship']),
        /** Per charge (and location): a quantity of its picked units, or serials; left out, everything picked there. */
        lines: z
          .array(z.object({ chargeId: id, locationId: id.optional(), ...unitsChoice }).strict())
          .min(1)
          .max(5_000),
        ...shipping,
        shipToName: optionalText(200),
        shipToAddress: optionalText(1000),
        /** Freight billed to the client, as a charge of its own on the first line's container. */
        freightPrice: documentMoney.optional(),
        note: optionalText(1000),
      })
      .strict(),
    output: z.object({ documentType: z.literal('delivery'), id, number: z.string() }),
  }),
  'delivery.sendToClient': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: 'Sends units to a client outside any charge (a loan, a replacement) as a delivery document with a reason.',
    permission: 'stock.deliver',
    input: z
      .object({
        companyId: id,
        fromLocationId: id,
        reason: requiredText(500),
        lines: z.array(z.object({ productId: id, ...unitsChoice }).strict()).min(1).max(5_000),
        method: z.enum(['deliver', 'ship']).default('deliver'),
        ...shipping,
        shipToName: optionalText(200),
        shipToAddress: optionalText(1000),
        note: optionalText(1000),
      })
      .strict(),
    output: z.object({ documentType: z.literal('delivery'), id, number: z.string() }),
  }),
  'delivery.list': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'auth'],
    summary: 'Pages deliveries and shipments, newest first, filterable by company and method.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt', 'number']), {
      q: z.string().trim().max(100).optional(),
      companyId: id.optional(),
      method: z.enum(['deliver', 'ship']).optional(),
    }),
    output: pageOutput(deliverySummarySchema),
  }),
  'delivery.get': channel({
    kind: 'query',
    reads: ['sales', 'stock', 'catalog', 'locations', 'auth'],
    summary: 'One delivery with its lines and serials.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: deliverySchema,
  }),
  'delivery.reverse': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary: 'Reverses a delivery: units back to where they left, picked again for their charges; refused once a device from it was returned, swapped or sent for RMA.',
    permission: 'stock.deliver',
    input: z.object({ id, reason: optionalText(500) }).strict(),
    output: ok,
  }),
  'delivery.pickListPdf': channel({
    kind: 'query',
    io: true,
    reads: ['sales', 'stock', 'catalog', 'locations', 'settings'],
    summary: 'A pick list PDF (base64) for chosen Delivery & Shipping lines: grouped by location and bin, with the serials to take.',
    permission: 'inventory.view',
    input: z
      .object({
        lines: chosenLines,
        locale: z.enum(['es', 'en']),
      })
      .strict(),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'delivery.packingListPdf': channel({
    kind: 'query',
    io: true,
    reads: ['sales', 'stock', 'catalog', 'settings'],
    summary:
      "A packing list PDF (base64) in the client company's language: ship-to, lines and serials, no costs; of a delivery, or of chosen Delivery & Shipping lines before they leave.",
    permission: 'inventory.view',
    input: z
      .object({
        deliveryId: id.optional(),
        lines: chosenLines.optional(),
        /** When the client company has no language of its own (the screens send the user's). */
        locale: z.enum(['es', 'en']).optional(),
      })
      .strict()
      .refine((v) => (v.deliveryId === undefined) !== (v.lines === undefined), { message: 'either deliveryId or lines' }),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'devices.list': channel({
    kind: 'query',
    reads: ['sales', 'catalog'],
    summary: 'Pages devices at clients, searchable by serial, filterable by company and product.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['installedAt', 'serialNumber', 'companyName']), {
      serial: z.string().trim().max(100).optional(),
      companyId: id.optional(),
      productId: id.optional(),
      /** A charge's devices (a return of some of them). */
      chargeId: id.optional(),
      status: z.enum(deviceStatuses).optional(),
      includeVoided: z.boolean().default(false),
    }),
    output: pageOutput(deviceSchema),
  }),
  'devices.get': channel({
    kind: 'query',
    reads: ['sales', 'stock', 'catalog', 'purchasing'],
    summary: 'One device: where the unit came from (PO, receipt, vendor invoice, cost) and every move of it.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: deviceDetailSchema,
  }),
};
