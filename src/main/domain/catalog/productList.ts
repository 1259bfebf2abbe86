// The product catalogue page. Every sort and filter reads a first page in bounded time at 100,000
// products: up to PLAN_CAP matches they are found through the filter's index and sorted; beyond it the
// sort column's index is walked until a page of matches is found (at least PLAN_CAP / products of the
// rows match, so the walk is short even when the matches gather at one end of the order).
import { inArray } from 'drizzle-orm';
import type { ParsedInput } from '@shared/contract';
import { products } from '@main/db/schema';
import { COUNT_CAP, likePattern, type Ctx } from '../context';
import { countUpTo, Filters, pageOf, paging, sortOf, type SortColumns } from '../paging';
import { productLikeTest, productTextMatch, productWalkTextTest, selectProducts, toProduct } from './products';

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

/** The indexes that carry products.search_text, by the sort that walks them. */
const shortTextWalks: Partial<Record<string, string>> = {
  sku: 'products_sku_search_idx',
  name: 'products_name_search_idx',
  unitCost: 'products_unit_cost_search_idx',
  unitPrice: 'products_unit_price_search_idx',
  onHand: 'products_on_hand_search_idx',
};

export function listProducts(ctx: Ctx, input: ParsedInput<'catalog.listProducts'>) {
  // Text too short for the trigram index is tested product by product: through the sort column's index,
  // which carries the search text (by category, the one sort whose key is not on the product, every match
  // is sorted: one pass over the catalogue).
  const shortText = input.q !== undefined && input.q !== '' && [...input.q].length < 3;
  const others = new Filters().equals('p.category_id', input.categoryId).equals('p.serialized', input.serialized).equals('p.active', input.active);
  const filters = new Filters();
  if (input.q && !shortText) {
    const match = productTextMatch('p.id', input.q);
    filters.add(match.sql, ...match.params);
  } else if (input.q) {
    const contains = likePattern(input.q);
    filters.add(productLikeTest('p'), contains, contains, contains, input.q);
  }
  if (others.clauses.length) filters.add(others.all(), ...others.params);
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
  const textWalk = shortText ? shortTextWalks[sort.by] : undefined;
  if (textWalk && input.q) {
    // The index carries the search text: the walk tests it without reading the rows it skips.
    const text = productWalkTextTest('p', input.q);
    const walkFilters = new Filters().add(text.sql, ...text.params);
    if (others.clauses.length) walkFilters.add(others.all(), ...others.params);
    pageIds = ids(`SELECT p.id FROM products p INDEXED BY ${textWalk} ${walkFilters.where()} ORDER BY ${sort.column} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`, ...walkFilters.params);
  } else if (n <= PLAN_CAP || shortText) {
    // Ties follow the direction too, so that either way is one walk of an index.
    pageIds = ids(`SELECT p.id ${from} ${whereSql} ORDER BY +${sort.column} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`, ...params);
  } else if (sort.by === 'category') {
    // Categories in name order, each one's products through the category index; those without one
    // sort as a null name (first ascending, last descending).
    const and = filters.clauses.length ? `AND ${filters.all()}` : '';
    pageIds = ids(
      `SELECT * FROM (SELECT p.id, NULL AS k FROM products p WHERE p.category_id IS NULL ${and} ORDER BY p.id ${dir} LIMIT ${page.window})
       UNION ALL SELECT * FROM (SELECT p.id, c.name AS k FROM categories c CROSS JOIN products p INDEXED BY products_category_walk_idx ON p.category_id = c.id WHERE 1 ${and} ORDER BY c.name ${dir}, p.id ${dir} LIMIT ${page.window})
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
