// Product categories: unique names.
import { and, eq, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../../shared/errors';
import { categories, products } from '../../db/schema';
import type { Ctx } from '../context';

export function listCategories(ctx: Ctx) {
  return ctx.db
    .select({ id: categories.id, name: categories.name, productCount: sql<number>`(select count(*) from ${products} where ${products.categoryId} = ${categories.id})` })
    .from(categories)
    .orderBy(categories.name)
    .all();
}

export function saveCategory(ctx: Ctx, input: { id?: number; name: string }) {
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
