// Products and product vendors. Invariants: SKUs are unique (case-insensitive); a serialized product
// cannot become non-serialized (or the reverse) while units are on hand, since its lots would no longer
// match one-unit-per-serial; a product not tracked in stock (a licence) holds none; at most one default
// vendor per product.
import { and, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { ParsedInput } from '@shared/contract';
import type { Product } from '@shared/contract/catalog';
import { DomainError } from '@shared/errors';
import { VIRTUAL } from '../locations/locations';
import { categories, companies, products, productVendors } from '@main/db/schema';
import { likePattern, prepared, type Ctx } from '../context';
import { requireVendor } from './companies';

const defaultVendorSql = sql<string | null>`(select c.name from product_vendors pv join companies c on c.id = pv.vendor_id where pv.product_id = ${products.id} and pv.is_default = 1)`;

// The search text is derived for searching (migration 0010): never read, never part of a product.
const { searchText: _searchText, ...productColumns } = getTableColumns(products);

export function selectProducts(ctx: Ctx) {
  return ctx.db
    .select({ product: productColumns, categoryName: categories.name, onHand: products.onHand, defaultVendorName: defaultVendorSql })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId));
}

export function toProduct(r: { product: Omit<typeof products.$inferSelect, 'searchText'>; categoryName: string | null; onHand: number; defaultVendorName: string | null }): Product {
  // The owned figures are caches for the value report (costs): never part of a product as shown.
  const { createdAt: _c, updatedAt: _u, ownedQty: _q, ownedValue: _v, ...p } = r.product;
  return { ...p, categoryName: r.categoryName, onHand: r.onHand, defaultVendorName: r.defaultVendorName };
}

export function getProduct(ctx: Ctx, id: number): Product {
  const row = selectProducts(ctx).where(eq(products.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'product', id });
  return toProduct(row);
}

/** The product by id as drizzle maps it, compiled once per connection: a 5,000-line action reads one per line. */
const productById = new WeakMap<Ctx['db'], ReturnType<typeof productByIdQuery>>();
function productByIdQuery(db: Ctx['db']) {
  return db.select().from(products).where(eq(products.id, sql.placeholder('id'))).prepare();
}

export function requireProduct(ctx: Ctx, id: number): typeof products.$inferSelect {
  let query = productById.get(ctx.db);
  if (!query) productById.set(ctx.db, (query = productByIdQuery(ctx.db)));
  const row = query.get({ id });
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'product', id });
  return row;
}

function checkSku(ctx: Ctx, sku: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: products.id })
    .from(products)
    .where(and(sql`lower(${products.sku}) = lower(${sku})`, exceptId ? ne(products.id, exceptId) : undefined))
    .get();
  if (clash) throw new DomainError('CONFLICT', { field: 'sku', value: sku });
}

function checkCategory(ctx: Ctx, categoryId: number | null): void {
  if (categoryId === null) return;
  if (!ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).get()) {
    throw new DomainError('NOT_FOUND', { entity: 'category', id: categoryId });
  }
}

export function createProduct(ctx: Ctx, input: ParsedInput<'catalog.createProduct'>): Product {
  return getProduct(ctx, insertProduct(ctx, input));
}

/**
 * Creates a product as catalog.createProduct does (the SKU unique ignoring case, the category existing) and
 * answers its id: prepared statements only, so a CSV import of 100,000 products pays no query building per
 * row, and reads nothing back.
 */
export function insertProduct(ctx: Ctx, input: ParsedInput<'catalog.createProduct'>): number {
  if (prepared<[string], { id: number }>(ctx, `SELECT id FROM products WHERE lower(sku) = lower(?)`).get(input.sku)) throw new DomainError('CONFLICT', { field: 'sku', value: input.sku });
  if (input.categoryId !== null && !prepared<[number], { id: number }>(ctx, `SELECT id FROM categories WHERE id = ?`).get(input.categoryId)) {
    throw new DomainError('NOT_FOUND', { entity: 'category', id: input.categoryId });
  }
  const now = ctx.now();
  const flag = (value: boolean) => (value ? 1 : 0);
  return Number(
    prepared(
      ctx,
      `INSERT INTO products (sku, name, description, category_id, manufacturer, manufacturer_part_number, barcode, unit_cost, unit_price, msrp, serialized, active,
         eligible_for_rma, does_not_require_procurement, billing_period, tracked_in_stock, warranty_months, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.sku,
      input.name,
      input.description,
      input.categoryId,
      input.manufacturer,
      input.manufacturerPartNumber,
      input.barcode,
      input.unitCost ?? 0,
      input.unitPrice,
      input.msrp,
      flag(input.serialized),
      flag(input.active),
      flag(input.eligibleForRma),
      flag(input.doesNotRequireProcurement),
      input.billingPeriod,
      flag(input.trackedInStock),
      input.warrantyMonths,
      now,
      now,
    ).lastInsertRowid,
  );
}

export function updateProduct(ctx: Ctx, input: ParsedInput<'catalog.updateProduct'>): Product {
  const current = requireProduct(ctx, input.id);
  checkSku(ctx, input.sku, input.id);
  checkCategory(ctx, input.categoryId);
  // Units on hand keep the product's shape: one unit per serial, and stock only of what is tracked. So do
  // units on their way between locations, and units out with a vendor that may come back into stock (a vendor
  // return not answered, an RMA's unit).
  if (current.serialized !== input.serialized || (current.trackedInStock && !input.trackedInStock)) {
    const units = ctx.sqlite
      .prepare<[number, number, number], { n: number }>(
        `select coalesce((select sum(b.qty) from balances b join locations l on l.id = b.location_id where (l.usage = 'internal' or l.id = ${VIRTUAL.transit}) and b.qty > 0 and b.product_id = ?), 0)
              + coalesce((select sum(qty - qty_credited - qty_replaced - qty_back) from vendor_return_lines where product_id = ?), 0)
              + (select count(*) from rmas where product_id = ? and status = 'sentToVendor') as n`,
      )
      .get(input.id, input.id, input.id)!;
    if (units.n > 0) throw new DomainError(current.serialized !== input.serialized ? 'SERIALIZED_HAS_STOCK' : 'TRACKED_HAS_STOCK', { units: units.n });
  }
  // drizzle leaves out undefined fields: an edit without unitCost keeps the cost.
  const { id, ...fields } = input;
  ctx.db.update(products).set({ ...fields, updatedAt: ctx.now() }).where(eq(products.id, id)).run();
  return getProduct(ctx, id);
}

/**
 * Products whose SKU, name or manufacturer part number contains the text, or whose barcode is the text,
 * as `<idColumn> IN (…)`. From three characters on, the trigram index (products_fts) answers the
 * "contains" part without scanning the catalogue; shorter text falls back to LIKE.
 */
export function productTextMatch(idColumn: string, q: string): { sql: string; params: string[] } {
  if ([...q].length >= 3) {
    return {
      sql: `${idColumn} IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ? UNION SELECT id FROM products WHERE barcode = ?)`,
      params: [`"${q.replace(/"/g, '""')}"`, q],
    };
  }
  const contains = likePattern(q);
  return {
    sql: `${idColumn} IN (SELECT id FROM products WHERE ${productLikeTest('products')})`,
    params: [contains, contains, contains, q],
  };
}

/** The same test for a text too short for the trigram index, on the product row `alias`: four params (contains × 3, text). */
export function productLikeTest(alias: string): string {
  return `(${alias}.sku LIKE ? ESCAPE '\\' OR ${alias}.name LIKE ? ESCAPE '\\' OR ${alias}.manufacturer_part_number LIKE ? ESCAPE '\\' OR ${alias}.barcode = ?)`;
}

/**
 * The same test for a walk of an index that carries `search_text` (the products' name, SKU, cost, price
 * and on-hand indexes): one LIKE on the index entry, so the products the walk skips cost no row read,
 * and the barcode through its own index. Only for walks: on a product row, computing the virtual column
 * costs more than the three LIKEs. A text holding the separator of `search_text` could match across two
 * fields, so it is tested field by field.
 */
export function productWalkTextTest(alias: string, q: string): { sql: string; params: string[] } {
  const contains = likePattern(q);
  if (q.includes(SEARCH_TEXT_SEPARATOR)) return { sql: productLikeTest(alias), params: [contains, contains, contains, q] };
  return { sql: `(${alias}.search_text LIKE ? ESCAPE '\\' OR ${alias}.id IN (SELECT id FROM products WHERE barcode = ?))`, params: [contains, q] };
}
/** Joins the fields of products.search_text (migration 0010). */
const SEARCH_TEXT_SEPARATOR = String.fromCharCode(31);

// Product vendors ---------------------------------------------------------------------------

function selectProductVendors(ctx: Ctx) {
  return ctx.db
    .select({
      id: productVendors.id,
      productId: productVendors.productId,
      vendorId: productVendors.vendorId,
      vendorName: companies.name,
      vendorPartNumber: productVendors.vendorPartNumber,
      vendorCost: productVendors.vendorCost,
      isDefault: productVendors.isDefault,
    })
    .from(productVendors)
    .innerJoin(companies, eq(companies.id, productVendors.vendorId));
}

export function listProductVendors(ctx: Ctx, productId: number) {
  requireProduct(ctx, productId);
  return selectProductVendors(ctx).where(eq(productVendors.productId, productId)).orderBy(desc(productVendors.isDefault), companies.name).all();
}

export function saveProductVendor(ctx: Ctx, input: ParsedInput<'catalog.saveProductVendor'>) {
  requireProduct(ctx, input.productId);
  requireVendor(ctx, input.vendorId);
  const clash = ctx.db
    .select({ id: productVendors.id })
    .from(productVendors)
    .where(and(eq(productVendors.productId, input.productId), eq(productVendors.vendorId, input.vendorId), input.id ? ne(productVendors.id, input.id) : undefined))
    .get();
  if (clash) throw new DomainError('CONFLICT', { field: 'vendorId', value: input.vendorId });
  const existing = ctx.db.select({ id: productVendors.id }).from(productVendors).where(eq(productVendors.productId, input.productId)).all();
  // The first vendor of a product becomes its default: purchase orders need one.
  const isDefault = input.isDefault || existing.length === 0 || (existing.length === 1 && existing[0]!.id === input.id);
  if (isDefault) ctx.db.update(productVendors).set({ isDefault: false }).where(eq(productVendors.productId, input.productId)).run();
  const values = { productId: input.productId, vendorId: input.vendorId, vendorPartNumber: input.vendorPartNumber, isDefault };
  let id = input.id;
  if (id) {
    const result = ctx.db.update(productVendors).set({ ...values, vendorCost: input.vendorCost }).where(and(eq(productVendors.id, id), eq(productVendors.productId, input.productId))).run();
    if (result.changes === 0) throw new DomainError('NOT_FOUND', { entity: 'productVendor', id });
  } else {
    id = ctx.db.insert(productVendors).values({ ...values, vendorCost: input.vendorCost ?? 0 }).returning({ id: productVendors.id }).get().id;
  }
  return selectProductVendors(ctx).where(eq(productVendors.id, id)).get()!;
}

export function removeProductVendor(ctx: Ctx, id: number): void {
  const row = ctx.db.select().from(productVendors).where(eq(productVendors.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'productVendor', id });
  ctx.db.delete(productVendors).where(eq(productVendors.id, id)).run();
  if (row.isDefault) {
    const next = ctx.db.select({ id: productVendors.id }).from(productVendors).where(eq(productVendors.productId, row.productId)).orderBy(productVendors.id).get();
    if (next) ctx.db.update(productVendors).set({ isDefault: true }).where(eq(productVendors.id, next.id)).run();
  }
}
