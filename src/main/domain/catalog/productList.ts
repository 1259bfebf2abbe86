// The product catalogue page. Every sort and filter reads a first page in bounded time at 100,000
// products: up to PLAN_CAP matches they are found through the filter's index and sorted; beyond it the
// sort column's index is walked until a page of matches is found (at least PLAN_CAP / products of the
// rows match, so the walk is short even when the matches gather at one end of the order).
import { inArray } from 'drizzle-orm';
import { products } from '../../db/schema';
import { COUNT_CAP, likePattern, offsetOf, type Ctx } from '../context';
import { productTextMatch, selectProducts, toProduct } from './products';

const PLAN_CAP = 10_000;

const sortColumns = {
  sku: 'p.sku',
  name: 'p.name',
  category: 'c.name',
  unitCost: 'p.unit_cost',
  unitPrice: 'p.unit_price',
  // Units at internal locations, kept on the product by triggers on stock_levels (migration 0004).
  onHand: 'p.on_hand',
} as const;

export interface ProductListInput {
  page: number;
  pageSize: number;
  sortBy?: keyof typeof sortColumns;
  sortDirection: 'asc' | 'desc';
  q?: string;
  categoryId?: number;
  serialized?: boolean;
  active?: boolean;
}

export function listProducts(ctx: Ctx, input: ProductListInput) {
  const where: string[] = [];
  const params: unknown[] = [];
  // Text too short for the trigram index is tested row by row: sorting every match (one pass over the
  // catalogue) stays near 20 ms, while a walk of the sort index can meet the matches late.
  const shortText = input.q !== undefined && input.q !== '' && [...input.q].length < 3;
  if (input.q) {
    if (!shortText) {
      const match = productTextMatch('p.id', input.q);
      where.push(match.sql);
      params.push(...match.params);
    } else {
      const contains = likePattern(input.q);
      where.push(`(p.sku LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\' OR p.manufacturer_part_number LIKE ? ESCAPE '\\' OR p.barcode = ?)`);
      params.push(contains, contains, contains, input.q);
    }
  }
  for (const [value, column] of [
    [input.categoryId, 'p.category_id'],
    [input.serialized === undefined ? undefined : Number(input.serialized), 'p.serialized'],
    [input.active === undefined ? undefined : Number(input.active), 'p.active'],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const n = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM products p ${whereSql} LIMIT ${PLAN_CAP + 1})`).get(...params) as { n: number }).n;
  const sortBy = input.sortBy ?? 'sku';
  const dir = input.sortDirection === 'desc' ? 'DESC' : 'ASC';
  const limit = [input.pageSize, offsetOf(input)];
  const from = `FROM products p LEFT JOIN categories c ON c.id = p.category_id`;
  let ids: number[];
  if (n <= PLAN_CAP || shortText) {
    // Ties follow the direction too, so that either way is one walk of an index.
    ids = pluck(ctx.sqlite.prepare(`SELECT p.id ${from} ${whereSql} ORDER BY +${sortColumns[sortBy]} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`).all(...params, ...limit));
  } else if (sortBy === 'category') {
    // Categories in name order, each one's products through the category index; those without one
    // sort as a null name (first ascending, last descending).
    const window = input.page * input.pageSize;
    const and = where.length ? `AND ${where.join(' AND ')}` : '';
    ids = pluck(
      ctx.sqlite
        .prepare(
          `SELECT * FROM (SELECT p.id, NULL AS k FROM products p WHERE p.category_id IS NULL ${and} ORDER BY p.id ${dir} LIMIT ${window})
           UNION ALL SELECT * FROM (SELECT p.id, c.name AS k FROM categories c CROSS JOIN products p INDEXED BY products_category_idx ON p.category_id = c.id WHERE 1 ${and} ORDER BY c.name ${dir}, p.id ${dir} LIMIT ${window})
           ORDER BY k ${dir}, id ${dir} LIMIT ? OFFSET ?`,
        )
        .all(...params, ...params, ...limit),
    );
  } else {
    ids = pluck(ctx.sqlite.prepare(`SELECT p.id ${from} ${whereSql} ORDER BY ${sortColumns[sortBy]} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`).all(...params, ...limit));
  }
  const byId = new Map(ids.length ? selectProducts(ctx).where(inArray(products.id, ids)).all().map((r) => [r.product.id, toProduct(r)]) : []);
  return { rows: ids.map((id) => byId.get(id)!), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

function pluck(rows: unknown[]): number[] {
  return (rows as { id: number }[]).map((r) => r.id);
}
