// Global search: products, stocked units by serial, locations, bins and companies, a few of each, ranked
// so that a code scanned or typed and followed by Enter opens the right thing: an exact serial, then
// an exact SKU, barcode or part number (the manufacturer's or a vendor's), then an exact name, then
// codes and names starting with the text, then those containing it. Letter case (ASCII) and
// surrounding white space never matter. The answer names the text it was for and its best result,
// so a client can tell an answer to an older query from the one it is waiting for.
import { isActive } from '../settings/activations';
import type { locationKinds } from '@shared/contract/locations';
import { searchRank, type SearchRank } from '@shared/contract/stock';
import { serialKey } from '@shared/serials';
import { likePattern, prepared, type Ctx } from '../context';
import { serialLotIdsWithPrefix } from '../stock/serials';

type LocationKind = (typeof locationKinds)[number];

const LIMIT = 8;
/** Past this many part numbers starting with the text, an exact one is looked up by a scan instead. */
const PREFIX_SCAN_CAP = 200;

type ProductField = 'sku' | 'barcode' | 'manufacturerPartNumber' | 'vendorPartNumber' | 'name';
/** Among equally ranked matches of one product, the field a person most likely meant. */
const fieldOrder: Record<ProductField, number> = { sku: 0, barcode: 1, manufacturerPartNumber: 2, vendorPartNumber: 3, name: 4 };
const kindOrder = { serial: 0, product: 1, location: 2, bin: 3, company: 4 } as const;

interface ProductHit {
  id: number;
  sku: string;
  name: string;
  rank: SearchRank;
  matchedOn: ProductField;
}
interface SerialHit {
  lotId: number;
  productId: number;
  serialNumber: string;
  sku: string;
  locationName: string | null;
  locationKind: LocationKind | null;
  rank: SearchRank;
}
interface NamedHit {
  id: number;
  name: string;
  rank: SearchRank;
}

/** SQLite's lower() folds ASCII letters only; fold the text the same way so both sides agree. */
export function foldCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** One step down the text: the characters up to and including its next letter, in each case that letter has. */
export function nextCaseSteps(text: string[], at: number): { variants: string[]; next: number } {
  let chunk = '';
  let i = at;
  while (i < text.length && !/^[A-Za-z]$/.test(text[i]!)) chunk += text[i++];
  if (i === text.length) return { variants: [chunk], next: i };
  const letter = text[i]!;
  return { variants: [chunk + letter.toUpperCase(), chunk + letter.toLowerCase()], next: i + 1 };
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
}

/** An FTS5 phrase for the text (quotes doubled), optionally anchored at the start of `column`. */
function ftsPhrase(text: string, column?: string): string {
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return column ? `${column} : ^${phrase}` : phrase;
}

/**
 * Rows whose `column` equals `key` (folded, trimmed) or starts with it, read through the column's
 * binary index. The index orders upper case before lower case, so the text is walked letter by
 * letter down each case that is actually stored: a branch with no rows is dropped, and one with
 * few enough rows is read whole and compared folded. `select` is `SELECT … FROM … WHERE` ending
 * where the range condition goes; rows must carry the column as `value`.
 */
function exactAndPrefixRows<T extends { value: string }>(ctx: Ctx, select: string, column: string, q: string, key: string): { exact: T[]; prefix: T[] } {
  const range = prepared<unknown[], T>(ctx, `${select} ${column} >= ? AND ${column} < ? ORDER BY ${column} LIMIT ${LIMIT + 1}`);
  const text = [...q];
  const exact: T[] = [];
  const prefix: T[] = [];
  const take = (rows: T[]) => {
    for (const row of rows) {
      const folded = foldCase(row.value);
      if (foldCase(row.value.trim()) === key) exact.push(row);
      else if (folded.startsWith(key)) prefix.push(row);
    }
  };
  const branches = [{ start: '', at: 0 }];
  while (branches.length > 0) {
    const branch = branches.pop()!;
    const { variants, next } = nextCaseSteps(text, branch.at);
    for (const variant of variants) {
      const start = branch.start + variant;
      const rows = range.all(start, `${start}\u{10FFFF}`);
      // Every row of a branch that has consumed the whole text starts with it; exact ones sort first.
      if (rows.length <= LIMIT || next === text.length) take(rows.slice(0, LIMIT));
      else branches.push({ start, at: next });
    }
  }
  return { exact, prefix };
}

function searchProducts(ctx: Ctx, q: string, key: string): ProductHit[] {
  const hits = new Map<number, ProductHit>();
  const offer = (rows: ProductRow[], rank: SearchRank, matchedOn: ProductField) => {
    for (const row of rows) {
      const known = hits.get(row.id);
      if (known && (known.rank < rank || (known.rank === rank && fieldOrder[known.matchedOn] <= fieldOrder[matchedOn]))) continue;
      hits.set(row.id, { id: row.id, sku: row.sku, name: row.name, rank, matchedOn });
    }
  };
  for (const [column, field] of [
    ['sku', 'sku'],
    ['barcode', 'barcode'],
    ['name', 'name'],
  ] as const) {
    const select = `SELECT id, sku, name, ${column} AS value FROM products WHERE`;
    const rows = exactAndPrefixRows<ProductRow & { value: string }>(ctx, select, column, q, key);
    offer(rows.exact, field === 'name' ? searchRank.exactName : searchRank.exactCode, field);
    offer(rows.prefix, searchRank.prefix, field);
  }

  // Part numbers have no index of their own, so they are matched from three characters on, through
  // the trigram index (which needs three): one or two characters are a person starting to type,
  // never a manufacturer's or vendor's part number, and would cost a scan of the catalogue.
  if ([...q].length >= 3) {
    const mpnPrefix = prepared<unknown[], ProductRow & { mpn: string }>(
      ctx,
      `SELECT p.id, p.sku, p.name, p.manufacturer_part_number AS mpn FROM products_fts f JOIN products p ON p.id = f.rowid WHERE products_fts MATCH ? LIMIT ${PREFIX_SCAN_CAP}`,
    ).all(ftsPhrase(q, 'manufacturer_part_number'));
    const mpnExact =
      mpnPrefix.length < PREFIX_SCAN_CAP
        ? mpnPrefix.filter((row) => foldCase(row.mpn.trim()) === key)
        : prepared<unknown[], ProductRow>(ctx, `SELECT id, sku, name FROM products WHERE manufacturer_part_number = ? COLLATE NOCASE`).all(q);
    offer(mpnExact, searchRank.exactCode, 'manufacturerPartNumber');
    offer(mpnPrefix.filter((row) => foldCase(row.mpn).startsWith(key)).slice(0, LIMIT), searchRank.prefix, 'manufacturerPartNumber');

    const vendorExact = prepared<unknown[], ProductRow>(
      ctx,
      `SELECT DISTINCT p.id, p.sku, p.name FROM product_vendors pv JOIN products p ON p.id = pv.product_id WHERE pv.vendor_part_number = ? COLLATE NOCASE LIMIT ${LIMIT}`,
    ).all(q);
    offer(vendorExact, searchRank.exactCode, 'vendorPartNumber');
  }

  // Anything containing the text fills the list after the better matches; which ones is not ranked.
  const contains =
    [...q].length >= 3
      ? prepared<unknown[], ProductRow>(ctx, `SELECT p.id, p.sku, p.name FROM products_fts f JOIN products p ON p.id = f.rowid WHERE products_fts MATCH ? LIMIT ${LIMIT}`).all(ftsPhrase(q))
      : prepared<unknown[], ProductRow>(ctx, `SELECT id, sku, name FROM products WHERE sku LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR manufacturer_part_number LIKE ? ESCAPE '\\' LIMIT ${LIMIT}`).all(
          ...Array<string>(3).fill(likePattern(q)),
        );
  for (const row of contains) offer([row], searchRank.contains, foldCase(row.sku).includes(key) ? 'sku' : foldCase(row.name).includes(key) ? 'name' : 'manufacturerPartNumber');

  return [...hits.values()]
    .sort((a, b) => a.rank - b.rank || fieldOrder[a.matchedOn] - fieldOrder[b.matchedOn] || compareText(a.sku, b.sku))
    .slice(0, LIMIT);
}

function searchSerials(ctx: Ctx, q: string): SerialHit[] {
  // Serials compare by their key (src/shared/serials.ts), the way every other serial lookup does.
  const key = serialKey(q);
  const ids = serialLotIdsWithPrefix(q, LIMIT + 1);
  const rows = prepared<unknown[], { lotId: number; productId: number; serialNumber: string; serialKey: string | null }>(ctx, `SELECT id AS lotId, product_id AS productId, serial_number AS serialNumber, serial_key AS serialKey FROM lots WHERE serial_number IS NOT NULL AND id IN (${ids.sql})`).all(
    ...ids.params,
  );
  const found = rows.map((row) => ({
    lotId: row.lotId,
    productId: row.productId,
    serialNumber: row.serialNumber,
    rank: (row.serialKey ?? serialKey(row.serialNumber)) === key ? searchRank.exactSerial : searchRank.prefix,
  }));
  const chosen = found.sort((a, b) => a.rank - b.rank || compareText(a.serialNumber, b.serialNumber)).slice(0, LIMIT);
  // Where the unit is: one of our locations or In-transit (its balance), else a client or Scrap when its last
  // move took it there (a unit written off or back with its vendor is simply no longer in stock).
  const details = prepared<unknown[], { sku: string; locationName: string | null; locationKind: LocationKind | null }>(
    ctx,
    `SELECT p.sku, loc.name AS locationName, loc.kind AS locationKind
     FROM products p LEFT JOIN locations loc ON loc.id = coalesce(
       (SELECT b.location_id FROM balances b JOIN locations l ON l.id = b.location_id WHERE b.lot_id = ? AND b.qty > 0 ORDER BY l.usage = 'internal' DESC LIMIT 1),
       (SELECT CASE WHEN l.kind IN ('customer', 'scrap') THEN l.id END FROM stock_moves m JOIN locations l ON l.id = m.to_location_id WHERE m.lot_id = ? ORDER BY m.id DESC LIMIT 1))
     WHERE p.id = ?`,
  );
  return chosen.map((hit) => ({ ...hit, ...details.get(hit.lotId, hit.lotId, hit.productId)! }));
}

/** Locations and companies are few: rank every name that contains the text. */
function searchNames(ctx: Ctx, table: 'locations' | 'companies', q: string, key: string): NamedHit[] {
  const scope = table === 'locations' ? `usage = 'internal' AND` : '';
  return prepared<unknown[], NamedHit>(
    ctx,
    `SELECT id, name,
            CASE WHEN lower(trim(name)) = ? THEN ${searchRank.exactName} WHEN substr(lower(trim(name)), 1, ?) = ? THEN ${searchRank.prefix} ELSE ${searchRank.contains} END AS rank
     FROM ${table} WHERE ${scope} name LIKE ? ESCAPE '\\' ORDER BY rank, name LIMIT ${LIMIT}`,
  ).all(key, [...key].length, key, likePattern(q));
}

interface BinHit {
  locationId: number;
  locationName: string;
  bin: string;
  rank: SearchRank;
}

/**
 * Bins equal to the text or starting with it (a bin label scanned), one row per location and bin, exact
 * ones first. The first few distinct bins are walked through the index on lower(bin) (folded the way
 * foldCase folds the text), then the locations of each: never every row of a popular prefix.
 */
function searchBins(ctx: Ctx, key: string): BinHit[] {
  const names = prepared<unknown[], { folded: string }>(
    ctx,
    `SELECT DISTINCT lower(bin) AS folded FROM inventory_products WHERE lower(bin) >= ? AND lower(bin) < ? || char(1114111) ORDER BY lower(bin) LIMIT ${LIMIT}`,
  ).all(key, key);
  const placesOf = prepared<unknown[], Omit<BinHit, 'rank'>>(
    ctx,
    `SELECT DISTINCT ip.location_id AS locationId, l.name AS locationName, trim(ip.bin) AS bin
     FROM inventory_products ip JOIN locations l ON l.id = ip.location_id
     WHERE lower(ip.bin) = ? AND l.usage = 'internal' ORDER BY l.name, ip.location_id LIMIT ${LIMIT}`,
  );
  const hits: BinHit[] = [];
  for (const { folded } of names) {
    const rank = folded.trim() === key ? searchRank.exactCode : searchRank.prefix;
    for (const place of placesOf.all(folded)) hits.push({ ...place, rank });
  }
  // The exact bin sorts first among those starting with it already; a bin stored with blanks around it may not.
  return hits.sort((a, b) => a.rank - b.rank).slice(0, LIMIT);
}

/** Codes in the order a person reads them: letter case only breaks ties. */
function compareText(a: string, b: string): number {
  const [fa, fb] = [foldCase(a), foldCase(b)];
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

type BestKind = keyof typeof kindOrder;

export function globalSearch(ctx: Ctx, text: string) {
  // The contract trims; NFC makes a composed and a decomposed accent the same text.
  const q = text.trim().normalize('NFC');
  const key = foldCase(q);
  const products = searchProducts(ctx, q, key);
  // Serials and locations are Inventory's: with it switched off, search finds neither.
  const inventory = isActive(ctx, 'inventory');
  const serials = inventory ? searchSerials(ctx, q) : [];
  const locations = inventory ? searchNames(ctx, 'locations', q, key) : [];
  const bins = inventory ? searchBins(ctx, key) : [];
  const companies = searchNames(ctx, 'companies', q, key);

  const firsts: { kind: BestKind; id: number; rank: SearchRank }[] = [];
  if (serials[0]) firsts.push({ kind: 'serial', id: serials[0].lotId, rank: serials[0].rank });
  if (products[0]) firsts.push({ kind: 'product', id: products[0].id, rank: products[0].rank });
  if (locations[0]) firsts.push({ kind: 'location', id: locations[0].id, rank: locations[0].rank });
  if (bins[0]) firsts.push({ kind: 'bin', id: bins[0].locationId, rank: bins[0].rank });
  if (companies[0]) firsts.push({ kind: 'company', id: companies[0].id, rank: companies[0].rank });
  firsts.sort((a, b) => a.rank - b.rank || kindOrder[a.kind] - kindOrder[b.kind]);

  return { q: text, best: firsts[0] ?? null, products, serials, locations, bins, companies };
}
