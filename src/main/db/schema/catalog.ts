import { relations, sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const categories = sqliteTable('categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
});

export const companies = sqliteTable(
  'companies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    isVendor: integer('is_vendor', { mode: 'boolean' }).notNull().default(false),
    isClient: integer('is_client', { mode: 'boolean' }).notNull().default(true),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    contactName: text('contact_name'),
    taxId: text('tax_id'),
    notes: text('notes'),
    address1: text('address1'),
    address2: text('address2'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    country: text('country'),
    /** Documents for the company (packing lists, purchase orders) in this language; null: the office's. */
    language: text('language', { enum: ['es', 'en'] }),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('companies_vendor_idx').on(t.isVendor, t.name)],
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    categoryId: integer('category_id').references(() => categories.id),
    manufacturer: text('manufacturer'),
    manufacturerPartNumber: text('manufacturer_part_number'),
    barcode: text('barcode'),
    unitCost: integer('unit_cost').notNull().default(0),
    unitPrice: integer('unit_price').notNull().default(0),
    msrp: integer('msrp').notNull().default(0),
    serialized: integer('serialized', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    eligibleForRma: integer('eligible_for_rma', { mode: 'boolean' }).notNull().default(false),
    doesNotRequireProcurement: integer('does_not_require_procurement', { mode: 'boolean' }).notNull().default(false),
    billingPeriod: text('billing_period', { enum: ['oneTime', 'monthly', 'quarterly', 'yearly'] }).notNull().default('oneTime'),
    /** False for what is sold but never stocked (licences, services): delivered with no move, at catalogue cost. */
    trackedInStock: integer('tracked_in_stock', { mode: 'boolean' }).notNull().default(true),
    /** Warranty length of a delivered unit, in months (0: none): a device's warranty end. */
    warrantyMonths: integer('warranty_months').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /**
     * Units on hand at internal locations, kept by triggers on stock_levels in the same transaction
     * (migration 0004; checked by verifyLedger), so the catalogue sorts by it through an index.
     */
    onHand: integer('on_hand').notNull().default(0),
    /**
     * Units and value owned: at internal locations and In-transit (what the value report counts), kept
     * the same way, so value by product pages highest first through an index.
     */
    ownedQty: integer('owned_qty').notNull().default(0),
    ownedValue: integer('owned_value').notNull().default(0),
    /**
     * SKU, name and manufacturer part number in lower case, joined by a unit separator (char 31, which no
     * search text holds): what a one- or two-letter search tests with one LIKE. Virtual, so it costs no
     * space in the table; the indexes of the catalogue's sorts carry it, so a walk in any of those orders
     * tests it without reading the product rows it skips (migration 0010).
     */
    searchText: text('search_text').generatedAlwaysAs(sql`lower(sku || char(31) || name || char(31) || coalesce(manufacturer_part_number, ''))`, { mode: 'virtual' }),
  },
  (t) => [
    index('products_name_search_idx').on(t.name, t.id, t.searchText),
    index('products_sku_search_idx').on(t.sku, t.searchText),
    // Walked in (category, id) order by the category sort; carries `active`, so the category list counts
    // active and inactive products, and the active filter is tested, from the index alone.
    index('products_category_walk_idx').on(t.categoryId, t.id, t.active),
    index('products_barcode_idx').on(t.barcode),
    // Each sortable column's index carries the search text too (after the id, so ties keep id order):
    // a one- or two-letter search walks it in that order without reading the rows it skips.
    index('products_unit_cost_search_idx').on(t.unitCost, t.id, t.searchText),
    index('products_unit_price_search_idx').on(t.unitPrice, t.id, t.searchText),
    index('products_on_hand_search_idx').on(t.onHand, t.id, t.searchText),
    index('products_serialized_active_idx').on(t.serialized, t.active),
    index('products_owned_value_idx').on(sql`${t.ownedValue} desc`, t.sku, t.ownedQty),
    // Scans and SKU checks compare SKUs ignoring case.
    index('products_sku_lower_idx').on(sql`lower(${t.sku})`),
  ],
);

export const productVendors = sqliteTable(
  'product_vendors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    vendorId: integer('vendor_id').notNull().references(() => companies.id),
    vendorPartNumber: text('vendor_part_number'),
    vendorCost: integer('vendor_cost').notNull().default(0),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('product_vendors_unique').on(t.productId, t.vendorId), index('product_vendors_vendor_idx').on(t.vendorId)],
);

export const productsRelations = relations(products, ({ one, many }) => ({
  category: one(categories, { fields: [products.categoryId], references: [categories.id] }),
  vendors: many(productVendors),
}));

export const productVendorsRelations = relations(productVendors, ({ one }) => ({
  product: one(products, { fields: [productVendors.productId], references: [products.id] }),
  vendor: one(companies, { fields: [productVendors.vendorId], references: [companies.id] }),
}));
