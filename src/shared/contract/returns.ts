import { z } from 'zod';
import { amount, channel, cost, documentMoney, epochMs, id, money, moneyOut, optionalText, pageInput, pageOutput, qty, requiredText, serial } from './define';
import { rmaTypes } from './rma';

// Client returns (RET-n): units coming back from a client into one of our locations at the cost each one
// left with, with a reason and a condition, and optionally a credit (a charge of kind 'credit' with a
// negative price) on the same container. An Inventory feature.

export const returnConditions = ['new', 'used', 'faulty'] as const;
export type ReturnCondition = (typeof returnConditions)[number];
const nullableString = z.string().nullable();

/**
 * One line of a return: exactly one of a device at the client, units of a delivered charge (a quantity taken
 * from its newest deliveries first, or its serials), or a unit we never sold (a product, its serial for a
 * serialized product, and the cost it comes in at, 0 unless typed).
 */
export const returnLineInput = z
  .object({
    deviceId: id.optional(),
    chargeId: id.optional(),
    productId: id.optional(),
    qty: qty.optional(),
    serials: z.array(serial).max(20_000).optional(),
    serial: serial.optional(),
    unitCost: money.optional(),
  })
  .strict()
  .superRefine((line, issues) => {
    const kinds = [line.deviceId, line.chargeId, line.productId].filter((v) => v !== undefined).length;
    if (kinds !== 1) issues.addIssue({ code: 'custom', path: ['deviceId'], message: 'exactly one of deviceId, chargeId, productId' });
    if (line.deviceId !== undefined && (line.qty !== undefined || line.serials !== undefined || line.serial !== undefined || line.unitCost !== undefined))
      issues.addIssue({ code: 'custom', path: ['deviceId'], message: 'a device line names only the device' });
    if (line.chargeId !== undefined && (line.serial !== undefined || line.unitCost !== undefined)) issues.addIssue({ code: 'custom', path: ['chargeId'], message: 'a charge line takes qty or serials' });
    if (line.chargeId !== undefined && line.qty === undefined && line.serials === undefined) issues.addIssue({ code: 'custom', path: ['qty'], message: 'qty or serials' });
    if (line.productId !== undefined && line.serials !== undefined) issues.addIssue({ code: 'custom', path: ['serials'], message: 'one serial per unit we did not sell' });
  });

export const clientReturnSummarySchema = z.object({
  id,
  number: z.string(),
  companyId: id,
  companyName: z.string(),
  locationId: id,
  locationName: z.string(),
  condition: z.enum(returnConditions),
  reason: z.string(),
  units: z.number().int(),
  lineCount: z.number().int(),
  creditChargeId: id.nullable(),
  creditChargeNumber: nullableString,
  /** The credit's amount, positive (the charge's price is its negative). */
  creditAmount: moneyOut().nullable(),
  userName: z.string(),
  createdAt: epochMs,
});
export type ClientReturnSummary = z.infer<typeof clientReturnSummarySchema>;

export const clientReturnSchema = clientReturnSummarySchema.extend({
  note: nullableString,
  creditContainerId: id.nullable(),
  creditContainerNumber: nullableString,
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      productId: id,
      sku: z.string(),
      productName: z.string(),
      chargeId: id.nullable(),
      chargeNumber: nullableString,
      deliveryId: id.nullable(),
      deliveryNumber: nullableString,
      qty: z.number().int(),
      /** Σ qty × the cost each unit came back at. */
      cost: cost(amount),
      serials: z.array(z.string()),
    }),
  ),
  /** The devices it brought back. */
  devices: z.array(z.object({ id, serialNumber: z.string() })),
});
export type ClientReturn = z.infer<typeof clientReturnSchema>;

/** Where the outgoing device of a swap goes: back to stock, onto the returns shelf, to an RMA, or retired (Scrap). */
export const swapFates = ['stock', 'returns', 'rma', 'scrap'] as const;
export type SwapFate = (typeof swapFates)[number];

export const returnsContract = {
  'devices.swap': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary:
      "Swaps a client's device in one transaction: the replacement (an available stocked unit, optional) is delivered as a new device on the same contract with its own warranty, the old one comes back (to stock, the returns shelf, an RMA or Scrap), optionally with a charge for the replacement.",
    permission: 'stock.deliver',
    // Opening the RMA and billing the replacement are other people's decisions: they need their permissions too.
    inputPermissions: { rma: 'rma.manage', charge: 'sales.manage' },
    input: z
      .object({
        deviceId: id,
        /** The replacement, by its serial (scanned); left out, the client gets none now. */
        replacementSerial: serial.optional(),
        fate: z.enum(swapFates),
        /** Where the outgoing device goes for 'stock' (required) and 'rma' (default: the returns shelf). */
        locationId: id.optional(),
        condition: z.enum(returnConditions),
        reason: requiredText(500),
        /** With fate 'rma': the RMA it opens. */
        rma: z.object({ type: z.enum(rmaTypes), fault: requiredText(1000), vendorId: id.nullish().transform((v) => v ?? null) }).strict().optional(),
        /** A charge for the replacement, on the old device's container unless named; its price defaults to the product's. */
        charge: z.object({ containerId: id.optional(), unitPrice: money.optional() }).strict().optional(),
      })
      .strict()
      .superRefine((v, issues) => {
        if (v.fate === 'rma' && !v.rma) issues.addIssue({ code: 'custom', path: ['rma'], message: 'the RMA to open' });
        if (v.fate !== 'rma' && v.rma) issues.addIssue({ code: 'custom', path: ['rma'], message: 'only with fate rma' });
        if (v.fate === 'stock' && v.locationId === undefined) issues.addIssue({ code: 'custom', path: ['locationId'], message: 'where it goes' });
        if (v.charge && v.replacementSerial === undefined) issues.addIssue({ code: 'custom', path: ['charge'], message: 'a charge bills a replacement' });
      }),
    output: z.object({
      returnId: id,
      returnNumber: z.string(),
      newDeviceId: id.nullable(),
      deliveryId: id.nullable(),
      deliveryNumber: z.string().nullable(),
      rmaId: id.nullable(),
      rmaNumber: z.string().nullable(),
      chargeId: id.nullable(),
    }),
  }),
  'returns.create': channel({
    kind: 'mutation',
    changes: ['stock', 'sales'],
    summary:
      "Brings units back from a client into a location at the cost each one left with (a unit we never sold at a typed cost), marks its devices returned and the charges' returned units; optionally a credit on the same container.",
    permission: 'stock.deliver',
    inputPermissions: { credit: 'sales.manage' },
    input: z
      .object({
        companyId: id,
        /** Where the units go; left out, the first active returns shelf, else the default location. */
        locationId: id.optional(),
        condition: z.enum(returnConditions),
        reason: requiredText(500),
        note: optionalText(1000),
        lines: z.array(returnLineInput).min(1).max(5_000),
        /**
         * A credit for the client: a charge of quantity 1, cost 0 and a negative price, on the container of the
         * first returned charge or device unless named. The amount defaults to what the client paid for the units.
         */
        credit: z
          .object({
            amount: documentMoney.optional(),
            containerId: id.optional(),
            note: optionalText(500),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ documentType: z.literal('return'), id, number: z.string() }),
  }),
  'returns.list': channel({
    kind: 'query',
    reads: ['stock', 'sales', 'catalog', 'locations', 'auth'],
    summary: 'Pages client returns, newest first, searchable by number or client, filterable by client.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['createdAt', 'number']), {
      q: z.string().trim().max(100).optional(),
      companyId: id.optional(),
    }),
    output: pageOutput(clientReturnSummarySchema),
  }),
  'returns.get': channel({
    kind: 'query',
    reads: ['stock', 'sales', 'catalog', 'locations', 'auth'],
    summary: 'One client return with its lines, serials, devices and credit.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: clientReturnSchema,
  }),
};
