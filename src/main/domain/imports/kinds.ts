// What each kind of import makes of one row: the create channel whose schema and domain function it goes
// through, the channel input built from the cells (names turned into ids through lookups loaded once per
// import), the key that must be unique, and the creation itself. The conversions live here; every rule of
// the thing created stays with its own domain function.
import { contract, type ChannelName, type ParsedInput } from '@shared/contract';
import { billingPeriods } from '@shared/contract/catalog';
import { internalLocationKinds } from '@shared/contract/locations';
import { importTargets, type ImportField, type ImportKind, type ImportRowError } from '@shared/contract/imports';
import { serialKey } from '@shared/serials';
import { splitSerials } from '@shared/money';
import type { z } from 'zod';
import { createCompany } from '../catalog/companies';
import { insertProduct, saveProductVendor } from '../catalog/products';
import { createLocation } from '../locations/locations';
import { addStock } from '../stock/adjustments';
import { createInventoryProduct } from '../stock/inventoryProducts';
import { takenSerials } from '../stock/serials';
import { getSettings } from '../settings/settings';
import { prepared, type Actor, type Ctx } from '../context';
import { choiceCell, moneyCell, wholeNumberCell, yesNoCell, type CellLanguage, type Converted } from './cells';

/** A row's cells by import field: absent when the column is not mapped or the cell is blank. */
export type Cells = Partial<Record<string, string>>;
export type RowProblem = Omit<ImportRowError, 'row'>;

/** The names an import turns into ids, read once per import (lower-cased) and kept up to date as rows are created. */
export class Lookups {
  private cache = new Map<string, Map<string, unknown>>();
  constructor(private readonly ctx: Ctx) {}

  private load<T>(name: string, sql: string, toEntry: (row: Record<string, unknown>) => [string, T]): Map<string, T> {
    let map = this.cache.get(name) as Map<string, T> | undefined;
    if (!map) {
      map = new Map(this.ctx.sqlite.prepare<[], Record<string, unknown>>(sql).all().map(toEntry));
      this.cache.set(name, map);
    }
    return map;
  }

  categories() {
    return this.load('categories', `SELECT id, name FROM categories`, (r) => [String(r.name).toLowerCase(), Number(r.id)]);
  }
  /** Companies marked as vendors (a client-only company cannot sell us a product). */
  vendors() {
    return this.load('vendors', `SELECT id, name FROM companies WHERE is_vendor = 1`, (r) => [String(r.name).toLowerCase(), Number(r.id)]);
  }
  companies() {
    return this.load('companies', `SELECT id, name FROM companies`, (r) => [String(r.name).toLowerCase(), Number(r.id)]);
  }
  users() {
    return this.load('users', `SELECT id, username FROM users`, (r) => [String(r.username).toLowerCase(), Number(r.id)]);
  }
  /** Every location by name (virtual ones too: their names are taken); stock goes only to internal ones. */
  locations() {
    return this.load('locations', `SELECT id, name, usage, active FROM locations`, (r) => [
      String(r.name).toLowerCase(),
      { id: Number(r.id), internal: r.usage === 'internal', active: r.active === 1 },
    ]);
  }
  products() {
    return this.load('products', `SELECT id, sku, serialized, tracked_in_stock AS tracked FROM products`, (r) => [
      String(r.sku).toLowerCase(),
      { id: Number(r.id), sku: String(r.sku), serialized: r.serialized === 1, tracked: r.tracked === 1 },
    ]);
  }
  forget(name: 'products' | 'companies' | 'vendors' | 'locations'): void {
    this.cache.delete(name);
  }
}

/** Builds a row's channel input from its cells, collecting what does not convert. */
export class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    readonly cells: Cells,
    readonly language: CellLanguage,
  ) {}

  text(field: string): string | undefined {
    return this.cells[field];
  }

  private converted<T>(field: string, convert: (text: string) => Converted<T>): T | undefined {
    const text = this.cells[field];
    if (text === undefined) return undefined;
    const result = convert(text);
    if (result.ok) return result.value;
    this.problems.push({ field, code: result.code, details: { value: text } });
    return undefined;
  }

  whole(field: string): number | undefined {
    return this.converted(field, (t) => wholeNumberCell(t, this.language));
  }
  money(field: string): number | undefined {
    return this.converted(field, (t) => moneyCell(t, this.language));
  }
  yesNo(field: string): boolean | undefined {
    return this.converted(field, yesNoCell);
  }
  choice<T extends string>(field: string, values: readonly T[], words?: Partial<Record<T, readonly string[]>>): T | undefined {
    return this.converted(field, (t) => choiceCell(t, values, words));
  }
  /** An id by name; a name that names nothing is the row's problem (`entity` says what was looked for). */
  reference<T>(field: string, map: Map<string, T>, entity: string): T | undefined {
    const text = this.cells[field];
    if (text === undefined) return undefined;
    const found = map.get(text.toLowerCase());
    if (found === undefined) this.problems.push({ field, code: 'unknownReference', details: { entity, value: text } });
    return found;
  }
}

/** One kind of import: what it creates, through which channel, and how. */
export interface ImportPlan<C extends ChannelName = ChannelName> {
  /** The channel that creates one such row by hand: its permission, module, schema and rules apply. */
  target: C;
  /** Channel input fields → import fields, for the schema's complaints. */
  fieldOf?: Record<string, string>;
  /** The channel input (before its schema) from the cells; undefined fields are left out. */
  read(row: RowReader, lookups: Lookups, ctx: Ctx): Record<string, unknown>;
  /** The natural key that must be unique in the file and the database, with the field it is reported on. */
  key?: { field: ImportField; of(input: ParsedInput<C>): string; taken(key: string, lookups: Lookups, ctx: Ctx): boolean };
  /** Checks across rows beyond the schema (serials); `seen` holds what earlier rows of the file used. */
  check?(input: ParsedInput<C>, row: RowReader, lookups: Lookups, ctx: Ctx, seen: Map<string, number>, rowNumber: number): RowProblem[];
  create(ctx: Ctx, actor: Actor, input: ParsedInput<C>, row: RowReader, lookups: Lookups): void;
}

function plan<C extends ChannelName>(p: ImportPlan<C>): ImportPlan<C> {
  return p;
}

const locationWords = {
  warehouse: ['almacén', 'almacen', 'bodega'],
  shelf: ['estante', 'estantería'],
  van: ['furgoneta', 'vehículo', 'vehicle'],
  returns: ['devoluciones', 'return'],
} as const;

const billingWords = {
  oneTime: ['único', 'one time', 'once', 'una vez'],
  monthly: ['mensual', 'month'],
  quarterly: ['trimestral', 'quarter'],
  yearly: ['anual', 'annual', 'year'],
} as const;

const languageWords = { es: ['español', 'spanish', 'castellano'], en: ['english', 'inglés', 'ingles'] } as const;

const products = plan({
  target: importTargets.products,
  fieldOf: { categoryId: 'category' },
  read(row, lookups) {
    const category = row.text('category') === undefined ? undefined : row.reference('category', lookups.categories(), 'category');
    if (row.text('vendor') !== undefined) row.reference('vendor', lookups.vendors(), 'vendor');
    // The product vendor is checked as catalog.saveProductVendor would check it; a part number needs its vendor.
    const partNumber = row.text('vendorPartNumber');
    if (partNumber !== undefined && row.text('vendor') === undefined) row.problems.push({ field: 'vendor', code: 'required', details: {} });
    if (partNumber !== undefined && !contract['catalog.saveProductVendor'].input.shape.vendorPartNumber.safeParse(partNumber).success) {
      row.problems.push({ field: 'vendorPartNumber', code: 'tooLong', details: {} });
    }
    return {
      sku: row.text('sku'),
      name: row.text('name'),
      description: row.text('description'),
      categoryId: category ?? null,
      manufacturer: row.text('manufacturer'),
      manufacturerPartNumber: row.text('manufacturerPartNumber'),
      barcode: row.text('barcode'),
      unitCost: row.money('unitCost'),
      // A file of products often has no price list yet: blank is 0, as on the form.
      unitPrice: row.money('unitPrice') ?? 0,
      msrp: row.money('msrp') ?? 0,
      serialized: row.yesNo('serialized') ?? false,
      active: row.yesNo('active'),
      trackedInStock: row.yesNo('trackedInStock'),
      eligibleForRma: row.yesNo('eligibleForRma'),
      doesNotRequireProcurement: row.yesNo('doesNotRequireProcurement'),
      billingPeriod: row.choice('billingPeriod', billingPeriods, billingWords),
      warrantyMonths: row.whole('warrantyMonths'),
    };
  },
  key: { field: 'sku', of: (input) => input.sku.toLowerCase(), taken: (key, lookups) => lookups.products().has(key) },
  create(ctx, _actor, input, row, lookups) {
    const productId = insertProduct(ctx, input);
    const vendor = row.text('vendor');
    if (vendor !== undefined) {
      saveProductVendor(ctx, { productId, vendorId: lookups.vendors().get(vendor.toLowerCase())!, vendorPartNumber: row.text('vendorPartNumber') ?? null, isDefault: true });
    }
  },
});

const companies = plan({
  target: importTargets.companies,
  read: (row) => ({
    name: row.text('name'),
    isVendor: row.yesNo('isVendor'),
    isClient: row.yesNo('isClient'),
    contactName: row.text('contactName'),
    phone: row.text('phone'),
    email: row.text('email'),
    website: row.text('website'),
    taxId: row.text('taxId'),
    address1: row.text('address1'),
    address2: row.text('address2'),
    city: row.text('city'),
    state: row.text('state'),
    postalCode: row.text('postalCode'),
    country: row.text('country'),
    language: row.choice('language', ['es', 'en'] as const, languageWords),
    notes: row.text('notes'),
  }),
  key: { field: 'name', of: (input) => input.name.toLowerCase(), taken: (key, lookups) => lookups.companies().has(key) },
  create: (ctx, _actor, input) => void createCompany(ctx, input),
});

const locations = plan({
  target: importTargets.locations,
  fieldOf: { ownerUserId: 'owner' },
  read: (row, lookups) => ({
    name: row.text('name'),
    kind: row.choice('kind', internalLocationKinds, locationWords),
    ownerUserId: row.text('owner') === undefined ? null : row.reference('owner', lookups.users(), 'user'),
    offersStock: row.yesNo('offersStock'),
    address: row.text('address'),
    notes: row.text('notes'),
  }),
  key: { field: 'name', of: (input) => input.name.toLowerCase(), taken: (key, lookups) => lookups.locations().has(key) },
  check(input) {
    // A van is driven by someone: the form asks for its owner, and so does the domain (checkOwner).
    return input.kind === 'van' && input.ownerUserId === null ? [{ field: 'owner', code: 'required', details: {} }] : [];
  },
  create: (ctx, _actor, input) => void createLocation(ctx, input),
});

type ProductRef = { id: number; sku: string; serialized: boolean; tracked: boolean };
type LocationRef = { id: number; internal: boolean; active: boolean };

/** The product and the internal location a stock row names, or the row's problems. */
function readStockRow(row: RowReader, lookups: Lookups): { product?: ProductRef; location?: LocationRef } {
  const product = row.reference('sku', lookups.products(), 'product');
  const location = row.reference('location', lookups.locations(), 'location');
  if (location && !location.internal) row.problems.push({ field: 'location', code: 'LOCATION_VIRTUAL', details: { name: row.text('location') } });
  // As the run would refuse it (LOCATION_INACTIVE), so the check says so first.
  else if (location && !location.active) row.problems.push({ field: 'location', code: 'LOCATION_INACTIVE', details: { name: row.text('location') } });
  if (product && !product.tracked) row.problems.push({ field: 'sku', code: 'NOT_TRACKED', details: { productId: product.id, sku: product.sku } });
  return { product, location };
}

const inventoryProducts = plan({
  target: importTargets.inventoryProducts,
  fieldOf: { productId: 'sku', locationId: 'location' },
  read(row, lookups) {
    const { product, location } = readStockRow(row, lookups);
    return { productId: product?.id, locationId: location?.id, bin: row.text('bin'), referenceNumber: row.text('referenceNumber'), min: row.whole('min') ?? 0, max: row.whole('max') ?? 0 };
  },
  key: {
    field: 'sku',
    of: (input) => `${input.productId}:${input.locationId}`,
    taken: (key, _lookups, ctx) => {
      const [productId, locationId] = key.split(':').map(Number) as [number, number];
      return prepared<[number, number], { id: number }>(ctx, `SELECT id FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(productId, locationId) !== undefined;
    },
  },
  check: (input) => (input.min > input.max ? [{ field: 'max', code: 'MIN_GREATER_THAN_MAX', details: { min: input.min, max: input.max } }] : []),
  create: (ctx, actor, input) => void createInventoryProduct(ctx, actor, input),
});

const openingStock = plan({
  target: importTargets.openingStock,
  fieldOf: { productId: 'sku', locationId: 'location' },
  read(row, lookups) {
    const { product, location } = readStockRow(row, lookups);
    const unitCost = row.money('unitCost');
    const serials = row.text('serials');
    return {
      productId: product?.id,
      locationId: location?.id,
      qty: row.whole('qty'),
      // A cost in the file is the units' cost; without one they take the catalogue's, as on the form.
      costMethod: unitCost === undefined ? 'catalogue' : 'manual',
      unitCost,
      // One cell holds the serials: split as a pasted list is (lines, commas, semicolons, tabs), and at `|`.
      serials: serials === undefined ? undefined : splitSerials(serials.replace(/\|/g, '\n')),
      reason: row.text('reason'),
    };
  },
  check(input, _row, lookups, ctx, seen, rowNumber) {
    const problems: RowProblem[] = [];
    const product = productById(lookups, input.productId);
    const serials = input.serials ?? [];
    if (!input.reason && getSettings(ctx).requireAdjustmentReason) problems.push({ field: 'reason', code: 'REASON_REQUIRED', details: { action: 'add' } });
    if (product?.serialized && serials.length !== input.qty) problems.push({ field: 'serials', code: 'serialCount', details: { qty: input.qty, serials: serials.length } });
    if (product && !product.serialized && serials.length > 0) problems.push({ field: 'serials', code: 'serialsNotAllowed', details: { sku: product.sku } });
    if (product?.serialized && serials.length > 0) {
      const repeated: string[] = [];
      const rows = new Set<number>();
      const mine = new Set<string>();
      for (const serial of serials) {
        const key = `${input.productId}:${serialKey(serial)}`;
        const earlier = mine.has(key) ? rowNumber : seen.get(key);
        if (earlier !== undefined) {
          repeated.push(serial);
          if (earlier !== rowNumber) rows.add(earlier);
        } else mine.add(key);
      }
      if (repeated.length > 0) problems.push({ field: 'serials', code: 'serialRepeated', details: { serials: repeated.slice(0, 20), count: repeated.length, rows: [...rows].slice(0, 20) } });
      // The same test stock.add makes: another unit of the product has the serial, in any spelling.
      const taken = takenSerials(ctx, input.productId, serials).named;
      if (taken.length > 0) problems.push({ field: 'serials', code: 'serialTaken', details: { serials: taken.slice(0, 20), count: taken.length } });
      // Only a row that passes claims its serials: a refused row does not make a later one a repeat.
      if (problems.length === 0) for (const key of mine) seen.set(key, rowNumber);
    }
    return problems;
  },
  create: (ctx, actor, input) => void addStock(ctx, actor, input),
});

const productIndex = new WeakMap<Map<string, ProductRef>, Map<number, ProductRef>>();
function productById(lookups: Lookups, id: number): ProductRef | undefined {
  const bySku = lookups.products();
  let byId = productIndex.get(bySku);
  if (!byId) productIndex.set(bySku, (byId = new Map([...bySku.values()].map((p) => [p.id, p]))));
  return byId.get(id);
}

export const importPlans: { [K in ImportKind]: ImportPlan } = {
  products: products as unknown as ImportPlan,
  companies: companies as unknown as ImportPlan,
  locations: locations as unknown as ImportPlan,
  inventoryProducts: inventoryProducts as unknown as ImportPlan,
  openingStock: openingStock as unknown as ImportPlan,
};

/** The schema a row of the kind is validated with: the create channel's own input. */
export function rowSchema(kind: ImportKind): z.ZodType {
  return contract[importPlans[kind].target].input;
}
