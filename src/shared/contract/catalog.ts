import { z } from 'zod';
import { channel, cost, empty, id, money, moneyOut, ok, optionalText, pageInput, pageOutput, requiredText } from './define';

export const billingPeriods = ['oneTime', 'monthly', 'quarterly', 'yearly'] as const;

export const categorySchema = z.object({
  id,
  name: z.string(),
  /** Active products in the category: what the catalogue lists when opened from it. */
  productCount: z.number().int(),
  /** Inactive products in the category, counted apart. */
  inactiveProductCount: z.number().int(),
});

export const addressFields = {
  address1: optionalText(200),
  address2: optionalText(200),
  city: optionalText(100),
  state: optionalText(100),
  postalCode: optionalText(20),
  country: optionalText(100),
};

const companyFields = {
  name: requiredText(200),
  isVendor: z.boolean().default(false),
  isClient: z.boolean().default(true),
  phone: optionalText(50),
  email: z.union([z.email().max(200), z.literal('')]).nullish().transform((v) => (v ? v : null)),
  website: optionalText(200),
  contactName: optionalText(200),
  taxId: optionalText(50),
  notes: optionalText(2000),
  /** The language of the documents the company receives (packing lists, purchase orders); null: the office's. */
  language: z.enum(['es', 'en']).nullish().transform((v) => v ?? null),
  ...addressFields,
};
export const companyInput = z.object(companyFields).strict();

const nullableString = z.string().nullable();
export const companySchema = z.object({
  id,
  name: z.string(),
  isVendor: z.boolean(),
  isClient: z.boolean(),
  phone: nullableString,
  email: nullableString,
  website: nullableString,
  contactName: nullableString,
  taxId: nullableString,
  notes: nullableString,
  address1: nullableString,
  address2: nullableString,
  city: nullableString,
  state: nullableString,
  postalCode: nullableString,
  country: nullableString,
  language: z.enum(['es', 'en']).nullable(),
  active: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;

const productFields = {
  sku: requiredText(60),
  name: requiredText(200),
  description: optionalText(4000),
  categoryId: id.nullish().transform((v) => v ?? null),
  manufacturer: optionalText(200),
  manufacturerPartNumber: optionalText(100),
  barcode: optionalText(100),
  /** An internal cost: left out, a new product costs 0 and an edited one keeps its cost (users without costs.view). */
  unitCost: money.optional(),
  unitPrice: money,
  msrp: money,
  serialized: z.boolean(),
  active: z.boolean().default(true),
  eligibleForRma: z.boolean().default(false),
  doesNotRequireProcurement: z.boolean().default(false),
  billingPeriod: z.enum(billingPeriods).default('oneTime'),
  /** False for licences and services: sold and delivered, never stocked. */
  trackedInStock: z.boolean().default(true),
  /** Warranty of a delivered unit in months (0: none). */
  warrantyMonths: z.number().int().min(0).max(240).default(0),
};
export const productInput = z.object(productFields).strict();

export const productSchema = z.object({
  id,
  sku: z.string(),
  name: z.string(),
  description: nullableString,
  categoryId: id.nullable(),
  categoryName: nullableString,
  manufacturer: nullableString,
  manufacturerPartNumber: nullableString,
  barcode: nullableString,
  unitCost: cost(moneyOut()),
  unitPrice: moneyOut(),
  msrp: moneyOut(),
  serialized: z.boolean(),
  active: z.boolean(),
  eligibleForRma: z.boolean(),
  doesNotRequireProcurement: z.boolean(),
  billingPeriod: z.enum(billingPeriods),
  trackedInStock: z.boolean(),
  warrantyMonths: z.number().int(),
  onHand: z.number().int(),
  defaultVendorName: nullableString,
});
export type Product = z.infer<typeof productSchema>;

export const productVendorSchema = z.object({
  id,
  productId: id,
  vendorId: id,
  vendorName: z.string(),
  vendorPartNumber: nullableString,
  vendorCost: cost(moneyOut()),
  isDefault: z.boolean(),
});

export const catalogContract = {
  'catalog.listCategories': channel({
    kind: 'query',
    reads: ['catalog'],
    summary: 'Lists product categories with how many active and how many inactive products each holds.',
    permission: 'inventory.view',
    input: empty,
    output: z.array(categorySchema),
  }),
  'catalog.saveCategory': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Creates a category, or renames one when `id` is given. Names are unique.',
    permission: 'catalog.manage',
    input: z.object({ id: id.optional(), name: requiredText(100) }).strict(),
    output: categorySchema,
  }),
  'catalog.listCompanies': channel({
    kind: 'query',
    reads: ['catalog'],
    summary: 'Pages client companies and vendors, searchable by name, filterable by role.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['name', 'city']), {
      q: z.string().trim().max(100).optional(),
      role: z.enum(['vendor', 'client', 'any']).default('any'),
      includeInactive: z.boolean().default(false),
    }),
    output: pageOutput(companySchema),
  }),
  'catalog.getCompany': channel({
    kind: 'query',
    reads: ['catalog'],
    summary: 'Reads one company or vendor.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: companySchema,
  }),
  'catalog.createCompany': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Creates a client company and/or vendor with its address. Names are unique.',
    permission: 'catalog.manage',
    input: companyInput,
    output: companySchema,
  }),
  'catalog.updateCompany': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Edits a company or vendor.',
    permission: 'catalog.manage',
    input: companyInput.extend({ id, active: z.boolean() }).strict(),
    output: companySchema,
  }),
  'catalog.listProducts': channel({
    kind: 'query',
    reads: ['catalog', 'stock'],
    summary: 'Pages the product catalogue: search by SKU, name, part number or barcode; filter by category, serialized, active.',
    permission: 'inventory.view',
    input: pageInput(z.enum(['sku', 'name', 'category', 'unitCost', 'unitPrice', 'onHand']), {
      q: z.string().trim().max(100).optional(),
      categoryId: id.optional(),
      serialized: z.boolean().optional(),
      active: z.boolean().optional(),
    }),
    output: pageOutput(productSchema),
  }),
  'catalog.getProduct': channel({
    kind: 'query',
    reads: ['catalog', 'stock'],
    summary: 'Reads one product.',
    permission: 'inventory.view',
    input: z.object({ id }).strict(),
    output: productSchema,
  }),
  'catalog.createProduct': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Creates a product. SKUs are unique.',
    permission: 'catalog.manage',
    input: productInput,
    output: productSchema,
  }),
  'catalog.updateProduct': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Edits a product. The serialized flag cannot change while units are in stock.',
    permission: 'catalog.manage',
    input: productInput.extend({ id }).strict(),
    output: productSchema,
  }),
  'catalog.listProductVendors': channel({
    kind: 'query',
    reads: ['catalog'],
    summary: 'Lists the vendors a product can be bought from, with part number and cost.',
    permission: 'inventory.view',
    input: z.object({ productId: id }).strict(),
    output: z.array(productVendorSchema),
  }),
  'catalog.saveProductVendor': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Adds or edits a product vendor; marking one default clears the others for that product.',
    permission: 'catalog.manage',
    input: z
      // vendorCost left out: 0 for a new product vendor, kept on an edit (users without costs.view).
      .object({ id: id.optional(), productId: id, vendorId: id, vendorPartNumber: optionalText(100), vendorCost: money.optional(), isDefault: z.boolean().default(false) })
      .strict(),
    output: productVendorSchema,
  }),
  'catalog.removeProductVendor': channel({
    kind: 'mutation',
    changes: ['catalog'],
    summary: 'Removes a product vendor.',
    permission: 'catalog.manage',
    input: z.object({ id }).strict(),
    output: ok,
  }),
};
