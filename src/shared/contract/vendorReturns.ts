import { z } from 'zod';
import { amount, channel, cost, costDetailKeys, costKeys, documentMoney, epochMs, id, money, moneyOut, ok, optionalDay, optionalText, pageInput, pageOutput, qty, requiredText, serial } from './define';

// Vendor returns (VRT-n): units sent from one of our locations back to the vendor (dead on arrival, the wrong
// item, bought and never needed) at their cost, under the vendor's RMA number; then the vendor's answer per
// unit — a credit, a replacement (a new unit at the returned one's cost plus any fee) or the same units sent
// back. An Inventory feature, worked by purchasing.

export const vendorReturnReasons = ['deadOnArrival', 'wrongItem', 'notNeeded', 'other'] as const;
export type VendorReturnReason = (typeof vendorReturnReasons)[number];
export const vendorReturnStatuses = ['sent', 'partlyResolved', 'resolved'] as const;
export type VendorReturnStatus = (typeof vendorReturnStatuses)[number];
const nullableString = z.string().nullable();

export const vendorReturnSummarySchema = z.object({
  id,
  number: z.string(),
  status: z.enum(vendorReturnStatuses),
  vendorId: id,
  vendorName: z.string(),
  vendorRmaNumber: z.string(),
  locationId: id,
  locationName: z.string(),
  reason: z.enum(vendorReturnReasons),
  units: z.number().int(),
  /** Units the vendor has not answered for yet. */
  open: z.number().int(),
  /** Σ qty × unit cost of what was sent. */
  value: cost(amount),
  /** Σ of the vendor's credits recorded. */
  creditTotal: cost(moneyOut()),
  expectedBy: nullableString,
  /** Still waiting for the vendor's answer after the day it was expected. */
  overdue: z.boolean(),
  userName: z.string(),
  createdAt: epochMs,
});
export type VendorReturnSummary = z.infer<typeof vendorReturnSummarySchema>;

export const vendorReturnSchema = vendorReturnSummarySchema.extend({
  trackingNumber: nullableString,
  note: nullableString,
  creditNoteNumber: nullableString,
  resolvedAt: epochMs.nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      productId: id,
      sku: z.string(),
      productName: z.string(),
      serialized: z.boolean(),
      serialNumber: nullableString,
      qty: z.number().int(),
      unitCost: cost(moneyOut()),
      qtyCredited: z.number().int(),
      qtyReplaced: z.number().int(),
      qtyBack: z.number().int(),
      /** The serials of the units that replaced this line's. */
      replacementSerials: z.array(z.string()),
    }),
  ),
  history: z.array(
    z.object({
      id,
      occurredAt: epochMs,
      userName: nullableString,
      type: z.string(),
      fromState: nullableString,
      toState: nullableString,
      /** A credit's amount and a replacement's unit cost are costs. */
      details: costKeys(z.record(z.string(), z.unknown()), [...costDetailKeys, 'creditAmount', 'value']),
    }),
  ),
});
export type VendorReturn = z.infer<typeof vendorReturnSchema>;

/** One line to send: a quantity of a product (oldest units first) or its serials. */
const sendLine = z
  .object({ productId: id, qty: qty.optional(), serials: z.array(serial).min(1).max(10_000).optional() })
  .strict()
  .refine((l) => l.qty !== undefined || l.serials !== undefined, { message: 'qty or serials', path: ['qty'] });

/** The vendor's answer for one line: units credited, replaced (their new serials for a serialized product) or sent back. */
const answerLine = z
  .object({
    lineNo: z.number().int().positive(),
    credited: z.number().int().min(0).max(1_000_000).default(0),
    replaced: z.number().int().min(0).max(1_000_000).default(0),
    /** The replacements' serials, one per replaced unit of a serialized product. */
    serials: z.array(serial).max(10_000).optional(),
    back: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const vendorReturnsContract = {
  'vendorReturns.list': channel({
    kind: 'query',
    reads: ['stock', 'purchasing', 'catalog', 'locations', 'auth'],
    summary: "Pages vendor returns, newest first, searchable by number, vendor or the vendor's RMA number, filterable by status and vendor, with overdue marks.",
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt', 'number']), {
      q: z.string().trim().max(100).optional(),
      vendorId: id.optional(),
      statuses: z.array(z.enum(vendorReturnStatuses)).max(3).optional(),
      overdueOnly: z.boolean().optional(),
    }),
    output: pageOutput(vendorReturnSummarySchema),
  }),
  'vendorReturns.get': channel({
    kind: 'query',
    reads: ['stock', 'purchasing', 'catalog', 'locations', 'auth'],
    summary: "One vendor return with its lines, what the vendor answered for each, the replacements' serials and its history.",
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: vendorReturnSchema,
  }),
  'vendorReturns.create': channel({
    kind: 'mutation',
    changes: ['stock', 'purchasing'],
    summary: "Sends units from a location back to a vendor at their cost, under the vendor's RMA number, in one transaction (VRT-n).",
    permission: 'purchasing.manage',
    input: z
      .object({
        vendorId: id,
        locationId: id,
        reason: z.enum(vendorReturnReasons),
        vendorRmaNumber: requiredText(100),
        trackingNumber: optionalText(100),
        expectedBy: optionalDay,
        note: optionalText(1000),
        lines: z.array(sendLine).min(1).max(1_000),
      })
      .strict(),
    output: z.object({ documentType: z.literal('vendorReturn'), id, number: z.string() }),
  }),
  'vendorReturns.update': channel({
    kind: 'mutation',
    changes: ['purchasing'],
    summary: "Edits an unresolved vendor return's RMA number, tracking number, expected day and note.",
    permission: 'purchasing.manage',
    input: z.object({ id, vendorRmaNumber: requiredText(100), trackingNumber: optionalText(100), expectedBy: optionalDay, note: optionalText(1000) }).strict(),
    output: ok,
  }),
  'vendorReturns.resolve': channel({
    kind: 'mutation',
    changes: ['stock', 'purchasing'],
    summary:
      "Records the vendor's answer for units of a vendor return: credited (with the credit's amount, by default their cost, and the credit note), replaced (new units into a location at the returned units' cost plus any fee) or sent back (the same units into a location).",
    permission: 'purchasing.manage',
    input: z
      .object({
        id,
        lines: z.array(answerLine).min(1).max(1_000),
        /** The credit for the units credited; by default what they cost. */
        creditAmount: documentMoney.optional(),
        creditNoteNumber: optionalText(100),
        /** What the vendor charges per replaced unit, added to its cost. */
        unitFee: money.optional(),
        /** Where replacements and units sent back go; by default the location they left from. */
        locationId: id.optional(),
        note: optionalText(1000),
      })
      .strict(),
    output: ok,
  }),
};
