import { z } from 'zod';
import { channel, id } from './define';

// Barcode labels: products, locations, bins and stocked units printed as a PDF of labels that the app's
// own scan boxes and global search read back. A label encodes exactly what those look things up by:
// a product's SKU, a unit's serial number, a location's name, a bin as the inventory products hold it.

export const labelSymbologies = ['code128', 'qr'] as const;
export type LabelSymbology = (typeof labelSymbologies)[number];
/** `a4`: sheets of 3 × 8 labels of 70 × 37 mm; `roll`: one 62 × 29 mm label per page, for a label printer. */
export const labelFormats = ['a4', 'roll'] as const;
export type LabelFormat = (typeof labelFormats)[number];

/** Labels on one A4 sheet (3 across, 8 down). */
export const LABELS_PER_SHEET = 24;
/** Labels one PDF may hold, copies included (83 A4 sheets). */
export const MAX_LABELS = 2_000;
export const MAX_LABEL_COPIES = 100;
const MAX_PRODUCTS = 500;
const MAX_LOCATIONS = 100;
const MAX_UNITS = 1_000;

export const labelsInput = z
  .object({
    /** Products: one label each, encoding the SKU. */
    productIds: z.array(id).max(MAX_PRODUCTS).default([]),
    /** Internal locations: one label each, encoding the location's name. */
    locationIds: z.array(id).max(MAX_LOCATIONS).default([]),
    /** Internal locations whose bins (as their inventory products name them) get a label each, encoding the bin. */
    binsOfLocationIds: z.array(id).max(MAX_LOCATIONS).default([]),
    /** Stocked items: a serialized unit's label encodes its serial number; a lot without one, its product's SKU. */
    lotIds: z.array(id).max(MAX_UNITS).default([]),
    symbology: z.enum(labelSymbologies),
    format: z.enum(labelFormats),
    /** Copies of each label, printed one after the other. */
    copies: z.number().int().min(1).max(MAX_LABEL_COPIES).default(1),
    /** A4 only: the first free label of a sheet already started (1 = top left, across then down); those before it stay blank. */
    startAt: z.number().int().min(1).max(LABELS_PER_SHEET).default(1),
    /** Language of the PDF's title and of the bin labels' "Bin" caption. */
    locale: z.enum(['es', 'en']),
  })
  .strict()
  .refine((v) => v.productIds.length + v.locationIds.length + v.binsOfLocationIds.length + v.lotIds.length > 0, { message: 'nothing to label' })
  .refine((v) => (v.productIds.length + v.locationIds.length + v.lotIds.length) * v.copies <= MAX_LABELS, { message: `at most ${MAX_LABELS} labels` })
  .refine((v) => v.format === 'a4' || v.startAt === 1, { message: 'a roll has no sheet to start on', path: ['startAt'] });

export const labelsContract = {
  'stock.labelsPdf': channel({
    kind: 'query',
    io: true,
    reads: ['catalog', 'stock', 'locations'],
    summary:
      'A PDF (base64) of barcode labels (Code 128 or QR) on A4 sheets or a narrow roll: products by SKU, stocked units by serial number, locations by name and their bins, each code printed in words under or beside it. BARCODE_TOO_LONG names a code too long for a Code 128 label of that size, BARCODE_CHARACTERS one with characters Code 128 cannot hold (QR holds both).',
    permission: 'inventory.view',
    input: labelsInput,
    output: z.object({ filename: z.string(), base64: z.string(), labels: z.number().int(), pages: z.number().int() }),
  }),
};
