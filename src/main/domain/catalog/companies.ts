// Client companies and vendors share one table: a company can be both. Names are unique.
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInput } from '@shared/contract';
import type { Company } from '@shared/contract/catalog';
import { DomainError } from '@shared/errors';
import { companies } from '@main/db/schema';
import { likePattern, type Ctx } from '../context';
import { countUpTo, listPage, type SortColumns } from '../paging';

type CompanyRow = typeof companies.$inferSelect;

function toCompany(row: CompanyRow): Company {
  const { createdAt: _createdAt, ...rest } = row;
  return rest;
}

export function getCompany(ctx: Ctx, id: number): Company {
  const row = ctx.db.select().from(companies).where(eq(companies.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'company', id });
  return toCompany(row);
}

/** A company's postal address as the lines of a document's address block (street, postcode and city, region, country). */
export function addressLines(c: Pick<Company, 'address1' | 'address2' | 'postalCode' | 'city' | 'state' | 'country'>): string[] {
  return [c.address1, c.address2, [c.postalCode, c.city].filter(Boolean).join(' '), c.state, c.country].filter((l): l is string => Boolean(l && l.trim()));
}

export function requireVendor(ctx: Ctx, id: number): Company {
  const company = getCompany(ctx, id);
  if (!company.isVendor) throw new DomainError('VALIDATION', { fields: [{ path: 'vendorId', code: 'notAVendor' }] });
  return company;
}

function checkName(ctx: Ctx, name: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(and(sql`lower(${companies.name}) = lower(${name})`, exceptId ? ne(companies.id, exceptId) : undefined))
    .get();
  if (clash) throw new DomainError('CONFLICT', { field: 'name', value: name });
}

export function createCompany(ctx: Ctx, input: ParsedInput<'catalog.createCompany'>): Company {
  checkName(ctx, input.name);
  const row = ctx.db.insert(companies).values({ ...input, createdAt: ctx.now() }).returning().get();
  return toCompany(row);
}

export function updateCompany(ctx: Ctx, input: ParsedInput<'catalog.updateCompany'>): Company {
  getCompany(ctx, input.id);
  checkName(ctx, input.name, input.id);
  const { id, ...fields } = input;
  ctx.db.update(companies).set(fields).where(eq(companies.id, id)).run();
  return getCompany(ctx, id);
}

const companySorts: SortColumns<'catalog.listCompanies', SQLiteColumn> = { name: companies.name, city: companies.city };

export function listCompanies(ctx: Ctx, input: ParsedInput<'catalog.listCompanies'>) {
  const conditions: SQL[] = [];
  if (input.q) conditions.push(sql`${companies.name} like ${likePattern(input.q)} escape '\\'`);
  if (input.role === 'vendor') conditions.push(eq(companies.isVendor, true));
  if (input.role === 'client') conditions.push(eq(companies.isClient, true));
  if (!input.includeInactive) conditions.push(eq(companies.active, true));
  const where = and(...conditions);
  return listPage(input, {
    sorts: companySorts,
    defaultSort: { by: 'name' },
    rows: (page) =>
      ctx.db
        .select()
        .from(companies)
        .where(where)
        .orderBy(page.direction === 'DESC' ? desc(page.column) : asc(page.column), asc(companies.id))
        .limit(page.limit)
        .offset(page.offset)
        .all()
        .map(toCompany),
    count: () => countUpTo(ctx, ctx.db.select({ one: sql`1` }).from(companies).where(where)),
  });
}
