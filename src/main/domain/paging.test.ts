// The one paging helper: sorts only from the contract's whitelist, LIMIT/OFFSET and windows from the page,
// filters with their parameters in order, counts capped at COUNT_CAP; and no list pages by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedInput } from '@shared/contract';
import { createTestApp, type TestApp } from '../testing/harness';
import { COUNT_CAP } from './context';
import { countUpTo, Filters, listPage, pageOf, paging, sortOf, type PagedChannel, type SortColumns } from './paging';

const companySorts: SortColumns<'catalog.listCompanies'> = { name: 'c.name', city: 'c.city' };
// @ts-expect-error a sort the contract offers has no SQL
const missing: SortColumns<'catalog.listCompanies'> = { name: 'c.name' };
// @ts-expect-error a sort the contract does not offer
const extra: SortColumns<'catalog.listCompanies'> = { name: 'c.name', city: 'c.city', createdAt: 'c.created_at' };
// @ts-expect-error not a paged channel
const notPaged: PagedChannel = 'stock.verifyLedger';
void [missing, extra, notPaged];

function companies(input: Partial<ParsedInput<'catalog.listCompanies'>>): ParsedInput<'catalog.listCompanies'> {
  return { page: 1, pageSize: 50, sortDirection: 'asc', role: 'any', includeInactive: false, ...input };
}

describe('paging', () => {
  it('turns a page into LIMIT, OFFSET and the window a merged list reads from each part', () => {
    for (const [page, pageSize] of [
      [1, 50],
      [2, 50],
      [7, 13],
      [1, 1],
      [1_000_000, 200],
    ] as const) {
      expect(paging({ page, pageSize })).toEqual({ limit: pageSize, offset: (page - 1) * pageSize, window: page * pageSize });
    }
  });

  it('sorts by the whitelist only, in the direction asked, with the default when none is asked', () => {
    expect(sortOf(companies({ sortBy: 'city', sortDirection: 'desc' }), companySorts, { by: 'name' })).toEqual({ by: 'city', column: 'c.city', direction: 'DESC' });
    expect(sortOf(companies({ sortBy: 'name' }), companySorts, { by: 'city' })).toEqual({ by: 'name', column: 'c.name', direction: 'ASC' });
    expect(sortOf(companies({ sortDirection: 'desc' }), companySorts, { by: 'name' })).toEqual({ by: 'name', column: 'c.name', direction: 'DESC' });
    // A default with a direction of its own (newest first) applies only when no sort is asked.
    expect(sortOf(companies({}), companySorts, { by: 'name', direction: 'desc' }).direction).toBe('DESC');
    expect(sortOf(companies({ sortBy: 'name', sortDirection: 'asc' }), companySorts, { by: 'name', direction: 'desc' }).direction).toBe('ASC');
    // Text that is not a whitelisted key (a caller that bypassed the contract) never reaches SQL.
    for (const sortBy of ['name; DROP TABLE products', 'constructor', '__proto__', 'toString']) {
      expect(sortOf(companies({ sortBy: sortBy as 'name' }), companySorts, { by: 'name' }).column).toBe('c.name');
    }
  });

  it('keeps filters and their parameters in order; booleans bind as 0/1; undefined filters nothing', () => {
    const f = new Filters().add('a = ?', 1).equals('b', undefined).equals('c', true).equals('d', false).add('e BETWEEN ? AND ?', 'x', 'y').equals('g', 0);
    expect(f.where()).toBe('WHERE a = ? AND c = ? AND d = ? AND e BETWEEN ? AND ? AND g = ?');
    expect(f.all()).toBe('a = ? AND c = ? AND d = ? AND e BETWEEN ? AND ? AND g = ?');
    expect(f.params).toEqual([1, 1, 0, 'x', 'y', 0]);
    expect(new Filters().where()).toBe('');
    expect(new Filters().all()).toBe('1');
  });

  it('caps the total at COUNT_CAP and says so', () => {
    for (const n of [0, 1, 49, COUNT_CAP - 1, COUNT_CAP, COUNT_CAP + 1, 5 * COUNT_CAP]) {
      expect(pageOf([], n)).toEqual({ rows: [], total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP });
    }
  });

  describe('against SQLite', () => {
    let t: TestApp;
    beforeAll(() => {
      t = createTestApp();
      t.app.ctx.sqlite.exec(`CREATE TEMP TABLE numbers (n INTEGER PRIMARY KEY, even INTEGER)`);
      const insert = t.app.ctx.sqlite.prepare(`INSERT INTO numbers (n, even) VALUES (?, ?)`);
      for (let n = 1; n <= 120; n++) insert.run(n, n % 2 === 0 ? 1 : 0);
    });
    afterAll(() => t.close());

    it('counts up to the cap, never further', () => {
      for (const cap of [1, 10, 59, 60, 61, 200]) {
        expect(countUpTo(t.app.ctx, `FROM numbers WHERE even = ?`, [1], cap)).toBe(Math.min(60, cap + 1));
      }
      expect(countUpTo(t.app.ctx, `FROM numbers`)).toBe(120);
    });

    it('reads each page of a list in the sort asked, ties broken in the same direction', () => {
      const sorts: SortColumns<'catalog.listCompanies'> = { name: 'even', city: 'n' };
      const all = t.app.ctx.sqlite.prepare<[], { n: number; even: number }>(`SELECT n, even FROM numbers`).all();
      for (const sortBy of ['name', 'city'] as const) {
        for (const sortDirection of ['asc', 'desc'] as const) {
          const key = (r: { n: number; even: number }) => (sortBy === 'name' ? r.even * 1000 + r.n : r.n);
          const expected = [...all].sort((a, b) => (sortDirection === 'asc' ? key(a) - key(b) : key(b) - key(a))).map((r) => r.n);
          for (const pageSize of [7, 50]) {
            const seen: number[] = [];
            for (let page = 1; page <= Math.ceil(120 / pageSize); page++) {
              const result = listPage(companies({ page, pageSize, sortBy, sortDirection }), {
                sorts,
                defaultSort: { by: 'name' },
                rows: (q) => t.app.ctx.sqlite.prepare<[number, number], { n: number }>(`SELECT n FROM numbers ORDER BY ${q.orderBy('n')} LIMIT ? OFFSET ?`).all(q.limit, q.offset),
                count: () => countUpTo(t.app.ctx, `FROM numbers`),
              });
              expect(result.total).toBe(120);
              seen.push(...result.rows.map((r) => r.n));
            }
            expect(seen, `${sortBy} ${sortDirection} by ${pageSize}`).toEqual(expected);
          }
        }
      }
    });
  });
});

describe('every list pages through paging.ts', () => {
  const domain = dirname(fileURLToPath(import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));

  it('no list computes its own offset or capped count', () => {
    const handPaged = sources(domain)
      .map((file) => relative(domain, file).replaceAll('\\', '/'))
      .filter((file) => file !== 'paging.ts' && file !== 'context.ts')
      .filter((file) => /offsetOf\(|\(input\.page - 1\)|LIMIT \$\{COUNT_CAP|Math\.min\([^)]*COUNT_CAP/.test(readFileSync(join(domain, file), 'utf8')));
    expect(handPaged).toEqual([]);
  });
});
