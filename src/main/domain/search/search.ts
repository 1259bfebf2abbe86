// Global search: products by SKU, name or barcode; stocked units by serial prefix; locations and
// companies by name. A few rows of each kind, enough for a quick jump.
import { likePattern, serialPrefix, type Ctx } from '../context';
import { productTextMatch } from '../catalog/products';

const LIMIT = 8;

export function globalSearch(ctx: Ctx, q: string) {
  const contains = likePattern(q);
  const serialRange = serialPrefix('lt.serial_number', q);
  // The product whose SKU is the text comes first (found through the lower-case SKU index), then the
  // others by SKU: a walk of the SKU index that stops at a few matches, whatever the text.
  const exact = ctx.sqlite.prepare(`SELECT id, sku, name FROM products WHERE lower(sku) = lower(?)`).all(q) as { id: number; sku: string; name: string }[];
  const match =
    [...q].length >= 3
      ? productTextMatch('id', q)
      : { sql: `(sku LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR manufacturer_part_number LIKE ? ESCAPE '\\' OR barcode = ?)`, params: [contains, contains, contains, q] };
  const others = ctx.sqlite
    .prepare(`SELECT id, sku, name FROM products WHERE ${match.sql} ORDER BY sku LIMIT ${LIMIT + exact.length}`)
    .all(...match.params) as { id: number; sku: string; name: string }[];
  const products = [...exact, ...others.filter((p) => !exact.some((e) => e.id === p.id))].slice(0, LIMIT);
  const serials = ctx.sqlite
    .prepare(
      `SELECT lt.id AS lotId, lt.product_id AS productId, lt.serial_number AS serialNumber, p.sku,
              (SELECT l.name FROM balances b JOIN locations l ON l.id = b.location_id WHERE b.lot_id = lt.id AND b.qty > 0 ORDER BY l.usage = 'internal' DESC LIMIT 1) AS locationName
       FROM lots lt JOIN products p ON p.id = lt.product_id WHERE ${serialRange.sql} ORDER BY lt.serial_number LIMIT ${LIMIT}`,
    )
    .all(...serialRange.params) as { lotId: number; productId: number; serialNumber: string; sku: string; locationName: string | null }[];
  const locations = ctx.sqlite.prepare(`SELECT id, name FROM locations WHERE usage = 'internal' AND name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${LIMIT}`).all(contains) as { id: number; name: string }[];
  const companies = ctx.sqlite.prepare(`SELECT id, name FROM companies WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${LIMIT}`).all(contains) as { id: number; name: string }[];
  return { products, serials, locations, companies };
}
