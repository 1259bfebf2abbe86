// Global search: products by SKU, name or barcode; stocked units by serial prefix in any spelling; locations and
// companies by name. A few rows of each kind, enough for a quick jump.
import { likePattern, type Ctx } from '../context';
import { productTextMatch } from '../catalog/products';
import { serialLotIdsWithPrefix } from '../stock/serials';

const LIMIT = 8;

export function globalSearch(ctx: Ctx, q: string) {
  const contains = likePattern(q);
  const serialIds = serialLotIdsWithPrefix(q, LIMIT);
  const match = productTextMatch('id', q);
  const products = ctx.sqlite
    .prepare(`SELECT id, sku, name FROM products WHERE ${match.sql} ORDER BY (lower(sku) = lower(?)) DESC, sku LIMIT ${LIMIT}`)
    .all(...match.params, q) as { id: number; sku: string; name: string }[];
  const serials = ctx.sqlite
    .prepare(
      `SELECT lt.id AS lotId, lt.product_id AS productId, lt.serial_number AS serialNumber, p.sku,
              (SELECT l.name FROM balances b JOIN locations l ON l.id = b.location_id WHERE b.lot_id = lt.id AND b.qty > 0 ORDER BY l.usage = 'internal' DESC LIMIT 1) AS locationName
       FROM lots lt JOIN products p ON p.id = lt.product_id WHERE lt.id IN (${serialIds.sql}) ORDER BY lt.serial_key, lt.serial_number LIMIT ${LIMIT}`,
    )
    .all(...serialIds.params) as { lotId: number; productId: number; serialNumber: string; sku: string; locationName: string | null }[];
  const locations = ctx.sqlite.prepare(`SELECT id, name FROM locations WHERE usage = 'internal' AND name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${LIMIT}`).all(contains) as { id: number; name: string }[];
  const companies = ctx.sqlite.prepare(`SELECT id, name FROM companies WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${LIMIT}`).all(contains) as { id: number; name: string }[];
  return { products, serials, locations, companies };
}
