import { z } from 'zod';
import { channel, cost, costDetailKeys, costKeys, documentMoney, epochMs, id, money, moneyOut, ok, optionalDay, optionalText, pageInput, pageOutput, requiredText, serial } from './define';

// RMAs (RMA-n): a client's device returned, repaired or replaced with the vendor, behind the RMA
// activation. One transition table, a path per type:
//   requested → authorized (its credit is created) or rejected;
//   return:  authorized → received → closed;
//   repair:  authorized → received → sentToVendor → backFromVendor → delivered → closed;
//   replace: authorized → received → sentToVendor → replacementReceived → delivered → closed;
//   (opened by a swap, the client has a unit already: closed once back from the vendor, the unit kept in stock);
//   canceled from any open state.

export const rmaTypes = ['return', 'repair', 'replace'] as const;
export type RmaType = (typeof rmaTypes)[number];
export const rmaStatuses = ['requested', 'authorized', 'rejected', 'received', 'sentToVendor', 'backFromVendor', 'replacementReceived', 'delivered', 'closed', 'canceled'] as const;
export type RmaStatus = (typeof rmaStatuses)[number];
/** States an RMA is finished in. */
export const rmaFinished: readonly RmaStatus[] = ['rejected', 'closed', 'canceled'];
const nullableString = z.string().nullable();

export const rmaSummarySchema = z.object({
  id,
  number: z.string(),
  type: z.enum(rmaTypes),
  status: z.enum(rmaStatuses),
  companyId: id,
  companyName: z.string(),
  deviceId: id,
  serialNumber: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  vendorId: id.nullable(),
  vendorName: nullableString,
  vendorRmaNumber: nullableString,
  expectedFromClient: nullableString,
  expectedFromVendor: nullableString,
  /** Still waiting for the unit from the client, or from the vendor, after the day it was expected. */
  overdue: z.boolean(),
  createdAt: epochMs,
});
export type RmaSummary = z.infer<typeof rmaSummarySchema>;

export const rmaSchema = rmaSummarySchema.extend({
  fault: z.string(),
  note: nullableString,
  chargeId: id.nullable(),
  chargeNumber: nullableString,
  containerId: id.nullable(),
  containerNumber: nullableString,
  trackingToVendor: nullableString,
  trackingFromVendor: nullableString,
  locationId: id.nullable(),
  locationName: nullableString,
  returnId: id.nullable(),
  returnNumber: nullableString,
  creditChargeId: id.nullable(),
  creditChargeNumber: nullableString,
  /** The credit given, positive (the charge's price is its negative). */
  creditAmount: moneyOut().nullable(),
  /** What the client paid for the unit: the credit's default. */
  pricePaid: z.number().int().nullable(),
  /** The unit's cost (the original's; the replacement's below). */
  unitCost: cost(moneyOut()),
  replacementLotId: id.nullable(),
  replacementSerial: nullableString,
  replacementCost: cost(moneyOut().nullable()),
  vendorFee: cost(moneyOut().nullable()),
  vendorCredited: z.boolean().nullable(),
  deliveryId: id.nullable(),
  deliveryNumber: nullableString,
  /** The device the client holds now: the repaired unit's or the replacement's, once delivered. */
  newDeviceId: id.nullable(),
  rejectReason: nullableString,
  cancelReason: nullableString,
  /** Opened by a device swap: the client already has a working unit. */
  fromSwap: z.boolean(),
  createdByName: z.string(),
  closedAt: epochMs.nullable(),
  history: z.array(
    z.object({
      id,
      occurredAt: epochMs,
      userName: nullableString,
      type: z.string(),
      fromState: nullableString,
      toState: nullableString,
      /** A replacement's unit cost and the vendor's fee are costs. */
      details: costKeys(z.record(z.string(), z.unknown()), costDetailKeys),
    }),
  ),
});
export type Rma = z.infer<typeof rmaSchema>;

const byId = { id };
const tracking = optionalText(100);

export const rmaContract = {
  'rma.list': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'stock'],
    summary: 'Pages RMAs, newest first, searchable by number, client, serial or vendor RMA number, filterable by status, type and client, with overdue marks.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt', 'number']), {
      q: z.string().trim().max(100).optional(),
      statuses: z.array(z.enum(rmaStatuses)).max(10).optional(),
      type: z.enum(rmaTypes).optional(),
      companyId: id.optional(),
      overdueOnly: z.boolean().optional(),
    }),
    output: pageOutput(rmaSummarySchema),
  }),
  'rma.get': channel({
    kind: 'query',
    reads: ['sales', 'catalog', 'stock', 'auth'],
    summary: 'One RMA with its unit, credit, replacement, delivery and history.',
    permission: 'inventory.view',
    input: z.object(byId).strict(),
    output: rmaSchema,
  }),
  'rma.create': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: "Opens an RMA (Requested) for a client's device whose product is eligible for RMA.",
    permission: 'rma.manage',
    input: z
      .object({
        deviceId: id,
        type: z.enum(rmaTypes),
        fault: requiredText(1000),
        vendorId: id.nullish().transform((v) => v ?? null),
        expectedFromClient: optionalDay,
        note: optionalText(1000),
      })
      .strict(),
    output: z.object({ id, number: z.string() }),
  }),
  'rma.update': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: "Edits an open RMA's fault, vendor, vendor RMA number, tracking numbers, expected days and note.",
    permission: 'rma.manage',
    input: z
      .object({
        id,
        fault: requiredText(1000),
        vendorId: id.nullish().transform((v) => v ?? null),
        vendorRmaNumber: optionalText(100),
        trackingToVendor: tracking,
        trackingFromVendor: tracking,
        expectedFromClient: optionalDay,
        expectedFromVendor: optionalDay,
        note: optionalText(1000),
      })
      .strict(),
    output: ok,
  }),
  'rma.authorize': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary:
      'Authorizes a requested RMA and creates its credit on the container the device was sold on: quantity 1, cost 0, negative price (by default what the client paid; 0 gives none). A credit above 0 also needs sales.manage.',
    permission: 'rma.manage',
    input: z.object({ id, creditAmount: documentMoney.optional(), note: optionalText(500) }).strict(),
    output: ok,
  }),
  'rma.reject': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Rejects a requested RMA, with the reason.',
    permission: 'rma.manage',
    input: z.object({ id, reason: requiredText(500) }).strict(),
    output: ok,
  }),
  'rma.receive': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: "Receives the device from the client (a client return, faulty, into the location chosen or the returns shelf) at the cost it left with.",
    permission: 'rma.manage',
    input: z.object({ id, locationId: id.optional() }).strict(),
    output: ok,
  }),
  'rma.sendToVendor': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'Sends the unit of a repair or replacement to the vendor: it moves to Vendor at its cost.',
    permission: 'rma.manage',
    input: z.object({ id, vendorRmaNumber: optionalText(100), trackingNumber: tracking, expectedFromVendor: optionalDay }).strict(),
    output: ok,
  }),
  'rma.backFromVendor': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'The repaired unit is back from the vendor: the same stocked item returns from Vendor to the location chosen at its cost.',
    permission: 'rma.manage',
    input: z.object({ id, locationId: id.optional(), trackingNumber: tracking }).strict(),
    output: ok,
  }),
  'rma.receiveReplacement': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary:
      "A replacement arrived: a new unit with its own serial comes from Vendor at the replaced unit's cost plus the vendor's fee (the fee alone when the vendor credited the original).",
    permission: 'rma.manage',
    input: z
      .object({
        id,
        serial,
        locationId: id.optional(),
        vendorFee: money.optional(),
        /** The vendor credited the original unit: the replacement costs only the fee. */
        vendorCredited: z.boolean().default(false),
        trackingNumber: tracking,
      })
      .strict(),
    output: ok,
  }),
  'rma.deliver': channel({
    kind: 'mutation',
    changes: ['sales', 'stock'],
    summary: 'Delivers the repaired unit or the replacement to the client (a delivery document naming the RMA): a new device with its own warranty on the original one’s contract.',
    permission: 'rma.manage',
    input: z.object({ id, method: z.enum(['deliver', 'ship']).default('deliver'), carrier: optionalText(100), trackingNumber: tracking, note: optionalText(1000) }).strict(),
    output: ok,
  }),
  'rma.close': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Closes an RMA at the end of its path: a return once received, a repair or replacement once delivered.',
    permission: 'rma.manage',
    input: z.object({ id, note: optionalText(500) }).strict(),
    output: ok,
  }),
  'rma.pdf': channel({
    kind: 'query',
    io: true,
    reads: ['sales', 'catalog', 'settings'],
    summary: "The RMA's return authorization as a PDF (base64), to print into the box: for the client sending the unit back, or for the vendor; in the reader's language.",
    permission: 'inventory.view',
    input: z.object({ id, audience: z.enum(['client', 'vendor']), locale: z.enum(['es', 'en']).optional() }).strict(),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'rma.email': channel({
    kind: 'mutation',
    io: true,
    changes: ['sales'],
    summary: "E-mails the RMA's return authorization (PDF) to the client or the vendor through the office SMTP server; the attempt is recorded in its history.",
    permission: 'rma.manage',
    input: z
      .object({
        id,
        audience: z.enum(['client', 'vendor']),
        to: z.array(z.email()).min(1).max(10),
        cc: z.array(z.email()).max(10).default([]),
        subject: requiredText(300),
        message: z.string().max(10_000),
        locale: z.enum(['es', 'en']).optional(),
      })
      .strict(),
    output: z.object({ messageId: z.string(), accepted: z.array(z.string()), rejected: z.array(z.string()) }),
  }),
  'rma.cancel': channel({
    kind: 'mutation',
    changes: ['sales'],
    summary: 'Cancels an open RMA, with the reason (units already moved stay where they are).',
    permission: 'rma.manage',
    input: z.object({ id, reason: requiredText(500) }).strict(),
    output: ok,
  }),
};
