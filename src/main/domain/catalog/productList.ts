// The product catalogue page. Every sort and filter reads a first page in bounded time at 100,000
// products: up to PLAN_CAP matches they are found through the filter's index and sorted; beyond it the
// sort column's index is walked until a page of matches is found (at least PLAN_CAP / products of the
// rows match, so the walk is short even when the matches gather at one end of the order).
import { inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { products } from '../../db/schema';
import { COUNT_CAP, likePattern, type Ctx } from '../context';
import { countUpTo, Filters, pageOf, paging, sortOf, type SortColumns } from '../paging';
import { productTextMatch, selectProducts, toProduct } from './products';

/** Also the count's cap: the matches are counted up to it once, for the plan and for the total. */
const PLAN_CAP = COUNT_CAP;

const sortColumns: SortColumns<'catalog.listProducts'> = {
  sku: 'p.sku',
  name: 'p.name',
  category: 'c.name',
  unitCost: 'p.unit_cost',
  unitPrice: 'p.unit_price',
  // Units at internal locations, kept on the product by triggers on stock_levels (migration 0004).
  onHand: 'p.on_hand',
};

export function listProducts(ctx: Ctx, input: ParsedInput<'catalog.listProducts'>) {
  const filters = new Filters();
  // Text too short for the trigram index is tested row by row: sorting every match (one pass over the
  // catalogue) stays near 20 ms, while a walk of the sort index can meet the matches late.
  const shortText = input.q !== undefined && input.q !== '' && [...input.q].length < 3;
  if (input.q) {
    if (!shortText) {
      const match = productTextMatch('p.id', input.q);
      filters.add(match.sql, ...match.params);
    } else {
      const contains = likePattern(input.q);
      filters.add(`(p.sku LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\' OR p.manufacturer_part_number LIKE ? ESCAPE '\\' OR p.barcode = ?)`, contains, contains, contains, input.q);
    }
  }
  filters.equals('p.category_id', input.categoryId).equals('p.serialized', input.serialized).equals('p.active', input.active);
  const whereSql = filters.where();
  const params = filters.params;
  const n = countUpTo(ctx, `FROM products p ${whereSql}`, params, PLAN_CAP);
  const sort = sortOf(input, sortColumns, { by: 'sku' });
  const dir = sort.direction;
  const page = paging(input);
  const limit = [page.limit, page.offset];
  const from = `FROM products p LEFT JOIN categories c ON c.id = p.category_id`;
  const ids = (text: string, ...bound: unknown[]) => ctx.sqlite.prepare<unknown[], { id: number }>(text).all(...bound, ...limit).map((r) => r.id);
  let pageIds: number[];
  if (n <= PLAN_CAP || shortText) {
    // Ties follow the direction too, so that either way is one walk of an index.
    pageIds = ids(`SELECT p.id ${from} ${whereSql} ORDER BY +${sort.column} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`, ...params);
  } else if (sort.by === 'category') {
    // Categories in name order, each one's products through the category index; those without one
    // sort as a null name (first ascending, last descending).
    const and = filters.clauses.length ? `AND ${filters.all()}` : '';
    pageIds = ids(
      `SELECT * FROM (SELECT p.id, NULL AS k FROM products p WHERE p.category_id IS NULL ${and} ORDER BY p.id ${dir} LIMIT ${page.window})
       UNION ALL SELECT * FROM (SELECT p.id, c.name AS k FROM categories c CROSS JOIN products p INDEXED BY products_category_idx ON p.category_id = c.id WHERE 1 ${and} ORDER BY c.name ${dir}, p.id ${dir} LIMIT ${page.window})
       ORDER BY k ${dir}, id ${dir} LIMIT ? OFFSET ?`,
      ...params,
      ...params,
    );
  } else {
    pageIds = ids(`SELECT p.id ${from} ${whereSql} ORDER BY ${sort.column} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`, ...params);
  }
  const byId = new Map(pageIds.length ? selectProducts(ctx).where(inArray(products.id, pageIds)).all().map((r) => [r.product.id, toProduct(r)]) : []);
  return pageOf(
    pageIds.map((id) => byId.get(id)!),
    n,
  );
}
