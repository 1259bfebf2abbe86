// Product categories: unique names. A category's count is of its active products (what the
// catalogue shows by default when opened from that category); inactive ones are counted apart.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { categories, products } from '@main/db/schema';
import type { Ctx } from '../context';

export function listCategories(ctx: Ctx) {
  // A join, not a correlated subquery: drizzle writes a lone table's columns unqualified, so a
  // subquery's `category_id = id` compared each product with itself and every category showed 1.
  return ctx.db
    .select({
      id: categories.id,
      name: categories.name,
      productCount: sql<number>`count(case when ${products.active} then 1 end)`,
      inactiveProductCount: sql<number>`count(case when not ${products.active} then 1 end)`,
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(categories.name)
    .all();
}

export function saveCategory(ctx: Ctx, input: ParsedInput<'catalog.saveCategory'>) {
  const clash = ctx.db
    .select({ id: categories.id })
    .from(categories)
    .where(and(sql`lower(${categories.name}) = lower(${input.name})`, input.id ? ne(categories.id, input.id) : undefined))
    .get();
  if (clash) throw new DomainError('CONFLICT', { field: 'name', value: input.name });
  let id = input.id;
  if (id) {
    const result = ctx.db.update(categories).set({ name: input.name }).where(eq(categories.id, id)).run();
    if (result.changes === 0) throw new DomainError('NOT_FOUND', { entity: 'category', id });
  } else {
    id = ctx.db.insert(categories).values({ name: input.name }).returning({ id: categories.id }).get().id;
  }
  return listCategories(ctx).find((c) => c.id === id)!;
}
