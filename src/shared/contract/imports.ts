import { z } from 'zod';
import { errorCodes } from '../errors';
import { channel } from './define';

// CSV import of products, companies and vendors, locations, inventory products and opening stock. The
// renderer reads the file and maps its columns to the fields below; the rows cross as text, and the main
// process converts each cell (numbers in the user's language, money, yes/no, names to ids), validates each
// row with the same schema as the channel that creates one such row by hand, and creates it with the same
// domain function, so an import holds every rule that creating the rows one by one holds.

export const importKinds = ['products', 'companies', 'locations', 'inventoryProducts', 'openingStock'] as const;
export type ImportKind = (typeof importKinds)[number];

/** The channel that creates one row of each kind by hand: an import holds its permission, module, schema and rules. */
export const importTargets = {
  products: 'catalog.createProduct',
  companies: 'catalog.createCompany',
  locations: 'locations.create',
  inventoryProducts: 'stock.createInventoryProduct',
  openingStock: 'stock.add',
} as const satisfies Record<ImportKind, string>;

/** Rows one call may carry: the largest file one import takes, in one transaction. */
export const MAX_IMPORT_ROWS = 100_000;
/** Rows the screen sends per `imports.check` call, so the preview can show progress. */
export const IMPORT_CHECK_CHUNK = 5_000;
/** Row errors one answer lists at most (the counts are always whole). */
export const MAX_IMPORT_ERRORS = 1_000;

/** The fields each kind of import can fill, in the order the mapping screen shows them. */
export const importFields = {
  products: [
    'sku',
    'name',
    'description',
    'category',
    'manufacturer',
    'manufacturerPartNumber',
    'barcode',
    'unitCost',
    'unitPrice',
    'msrp',
    'serialized',
    'active',
    'trackedInStock',
    'eligibleForRma',
    'doesNotRequireProcurement',
    'billingPeriod',
    'warrantyMonths',
    'vendor',
    'vendorPartNumber',
  ],
  companies: ['name', 'isVendor', 'isClient', 'contactName', 'phone', 'email', 'website', 'taxId', 'address1', 'address2', 'city', 'state', 'postalCode', 'country', 'language', 'notes'],
  locations: ['name', 'kind', 'owner', 'offersStock', 'address', 'notes'],
  inventoryProducts: ['sku', 'location', 'bin', 'referenceNumber', 'min', 'max'],
  openingStock: ['sku', 'location', 'qty', 'unitCost', 'serials', 'reason'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField<K extends ImportKind = ImportKind> = (typeof importFields)[K][number];

/** Fields a file must map: a row with one of them blank is refused. */
export const requiredImportFields: { [K in ImportKind]: readonly ImportField<K>[] } = {
  products: ['sku', 'name'],
  companies: ['name'],
  locations: ['name', 'kind'],
  inventoryProducts: ['sku', 'location'],
  openingStock: ['sku', 'location', 'qty'],
};

/** Fields holding internal costs: a caller without `costs.view` may not import them. */
export const importCostFields: { [K in ImportKind]: readonly ImportField<K>[] } = {
  products: ['unitCost'],
  companies: [],
  locations: [],
  inventoryProducts: [],
  openingStock: ['unitCost'],
};

/**
 * Why a row is refused before anything is written: a cell that does not convert (`notANumber`…), a value
 * the create channel's schema refuses (`required`, `tooLong`, `outOfRange`, `invalid`), a name that names
 * nothing (`unknownReference`), a key used twice (`duplicateInFile`, `duplicateInDatabase`), serials that do
 * not match the quantity or name units already in stock. A refusal of the domain itself carries its error
 * code (`REASON_REQUIRED`, `LOCATION_FORBIDDEN`…), worded as the channel's.
 */
export const importRowCodes = [
  'required',
  'notANumber',
  'notAWholeNumber',
  'notMoney',
  'notYesNo',
  'notAChoice',
  'tooLong',
  'outOfRange',
  'invalid',
  'unknownReference',
  'duplicateInFile',
  'duplicateInDatabase',
  'serialCount',
  'serialsNotAllowed',
  'serialRepeated',
  'serialTaken',
] as const;

export const importRowError = z.object({
  /** 1-based number of the data row in the file (the header is row 0). */
  row: z.number().int().min(1),
  /** The import field at fault; null for the row as a whole. */
  field: z.string().nullable(),
  code: z.union([z.enum(importRowCodes), z.enum(errorCodes)]),
  details: z.record(z.string(), z.unknown()),
});
export type ImportRowError = z.infer<typeof importRowError>;

const cell = z.string().max(200_000);

const importFieldsShape = {
  kind: z.enum(importKinds),
  /** The language the file's numbers are written in: `12,50` in Spanish, `12.50` in English. */
  language: z.enum(['es', 'en']),
  /** The import field each column of `rows` fills (the mapping the user chose). */
  fields: z.array(z.string().max(40)).min(1).max(40),
  rows: z.array(z.array(cell).max(40)).max(MAX_IMPORT_ROWS),
  /** The file's number of the first row here (a preview checks a file chunk by chunk). */
  firstRow: z.number().int().min(1).max(10_000_000).default(1),
};

type ImportShape = { kind: ImportKind; fields: string[]; rows: string[][] };

/** The mapping must name fields of the kind, each once, every required one, and each row one cell per field. */
function checkMapping(input: ImportShape, ctx: z.RefinementCtx): void {
  const known = new Set<string>(importFields[input.kind]);
  const seen = new Set<string>();
  input.fields.forEach((field, i) => {
    if (!known.has(field)) ctx.addIssue({ code: 'custom', path: ['fields', i], message: 'not a field of this import' });
    if (seen.has(field)) ctx.addIssue({ code: 'custom', path: ['fields', i], message: 'mapped twice' });
    seen.add(field);
  });
  for (const field of requiredImportFields[input.kind]) {
    if (!seen.has(field)) ctx.addIssue({ code: 'custom', path: ['fields'], message: `${field} is not mapped` });
  }
  input.rows.forEach((row, i) => {
    if (row.length !== input.fields.length) ctx.addIssue({ code: 'custom', path: ['rows', i], message: 'one cell per mapped field' });
  });
}

export const importInput = z.object(importFieldsShape).strict().superRefine(checkMapping);
export const importRunInput = z
  .object({ ...importFieldsShape, /** Write the valid rows and report the others, rather than refusing the whole file. */ onlyValid: z.boolean().default(false) })
  .strict()
  .superRefine(checkMapping);

const checkOutput = z.object({
  /** Rows checked. */
  rows: z.number().int(),
  /** Rows that would be created. */
  valid: z.number().int(),
  /** What is wrong with the others, row by row (at most MAX_IMPORT_ERRORS). */
  errors: z.array(importRowError),
});

export const importsContract = {
  'imports.check': channel({
    kind: 'query',
    reads: ['catalog', 'locations', 'stock'],
    summary:
      'Checks rows of a CSV import (mapped to the import fields, as text) as `imports.run` would, and answers what is wrong with each, changing nothing. Needs the permission of the channel that creates one such row (catalog.manage, locations.manage, inventory.edit, stock.adjust); unit costs need costs.view.',
    permission: 'signedIn',
    input: importInput,
    output: checkOutput,
  }),
  'imports.run': channel({
    kind: 'mutation',
    changes: ['catalog', 'locations', 'stock'],
    summary:
      'Imports rows in one transaction, each created as its own create channel would (same schema, same rules). With `onlyValid` false, one bad row refuses the whole import (VALIDATION, reason importRows, with the row errors) and nothing is written; with `onlyValid` true the valid rows are written and the others reported.',
    permission: 'signedIn',
    input: importRunInput,
    output: checkOutput.extend({
      /** Rows created. */
      created: z.number().int(),
      /** Rows left out (onlyValid). */
      skipped: z.number().int(),
    }),
  }),
};
