// One way to page a list. The contract's `pageInput` gives every list the same input (page, page size,
// direction, a sort from the list's own enum, filters) and `pageOutput` the same answer (rows, total capped
// at COUNT_CAP, totalCapped); this module is the one place that turns them into SQL: the sort whitelist
// (an exhaustive map of the contract's sort enum to SQL, so a sort added to the contract does not compile
// until it has SQL), LIMIT/OFFSET, the window a merged list reads from each part, filters with their
// parameters, and the capped count. A list keeps only what is its own: the tables, and — where the bench
// needs it — the shape of the query that reads its first page fast (which index to walk).
import type { ChannelName, ParsedInput } from '@shared/contract';
import { COUNT_CAP, type Ctx } from './context';

interface PageInput {
  page: number;
  pageSize: number;
  sortDirection: 'asc' | 'desc';
  sortBy?: string;
}

/** The channels whose input is a contract page (`pageInput`). */
export type PagedChannel = { [C in ChannelName]: ParsedInput<C> extends PageInput ? C : never }[ChannelName];
/** The sorts a list's contract offers. */
export type SortKey<C extends PagedChannel> = NonNullable<ParsedInput<C>['sortBy']>;
/** What each sort the contract offers orders by (SQL, or a drizzle column): every key, and no other. */
export type SortColumns<C extends PagedChannel, V = string> = { readonly [K in SortKey<C>]: V };

/** A page as SQL needs it. */
export interface Paging {
  limit: number;
  offset: number;
  /** Rows up to the end of the page: what each part of a merged list must read for the page to be right. */
  window: number;
}

export function paging(input: { page: number; pageSize: number }): Paging {
  return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize, window: input.page * input.pageSize };
}

/** The sort of a call, resolved against the list's whitelist. */
export interface Sort<K extends string, V = string> {
  by: K;
  /** The whitelist's value for it: never text from the caller. */
  column: V;
  direction: 'ASC' | 'DESC';
}

/**
 * The sort a call asked for, or the list's default when it names none. A default may have a direction of
 * its own (newest first), which then applies whatever the call's direction says.
 */
export function sortOf<C extends PagedChannel, V>(input: ParsedInput<C>, columns: SortColumns<C, V>, fallback: { by: SortKey<C>; direction?: 'asc' | 'desc' }): Sort<SortKey<C>, V> {
  const asked = (input as PageInput).sortBy as SortKey<C> | undefined;
  // The contract has validated the key already; a key the whitelist lacks would be a type error.
  const by = asked !== undefined && Object.prototype.hasOwnProperty.call(columns, asked) ? asked : fallback.by;
  const direction = asked === undefined && fallback.direction ? fallback.direction : (input as PageInput).sortDirection;
  return { by, column: columns[by], direction: direction === 'desc' ? 'DESC' : 'ASC' };
}

/** WHERE clauses and their parameters, filter by filter, in the order they were added. */
export class Filters {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** A clause with `?` placeholders for its parameters. */
  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** `column = ?` when the value is given; no filter when it is undefined. Booleans bind as SQLite's 0/1. */
  equals(column: string, value: number | string | boolean | undefined): this {
    if (value === undefined) return this;
    return this.add(`${column} = ?`, typeof value === 'boolean' ? Number(value) : value);
  }

  /** `WHERE a AND b`, or nothing. */
  where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  /** `a AND b`, or `1` (for after a WHERE or an AND of one's own). */
  all(): string {
    return this.clauses.length ? this.clauses.join(' AND ') : '1';
  }
}

/**
 * Counts the rows of `FROM … WHERE …` up to `cap` + 1 (never every row of a million-row table): a list
 * then shows "10,000+" beyond COUNT_CAP. `from` is SQL text with `?` placeholders, or a drizzle
 * `select … from … where …` (its columns are not read).
 */
export function countUpTo(ctx: Ctx, from: string | { toSQL(): { sql: string; params: unknown[] } }, params: unknown[] = [], cap = COUNT_CAP): number {
  const query = typeof from === 'string' ? { sql: `SELECT 1 ${from}`, params } : from.toSQL();
  return ctx.sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM (${query.sql} LIMIT ${cap + 1})`).get(...query.params)!.n;
}

/** A list's answer: the page and how many rows match, capped at COUNT_CAP. */
export interface Page<R> {
  rows: R[];
  total: number;
  totalCapped: boolean;
}

export function pageOf<R>(rows: R[], matches: number): Page<R> {
  return { rows, total: Math.min(matches, COUNT_CAP), totalCapped: matches > COUNT_CAP };
}

/** What `listPage` hands a list to read its page. */
export interface PageQuery<K extends string, V> extends Paging, Sort<K, V> {
  /** `ORDER BY` text: the sort column, then `tie` (a unique column), both in the sort's direction. */
  orderBy(tie: string): string;
}

/**
 * A whole list: the sort resolved against the contract's whitelist, the page read by the list (in that
 * order, with that limit and offset) and the matches counted up to the cap.
 */
export function listPage<C extends PagedChannel, R, V = string>(
  input: ParsedInput<C>,
  list: {
    sorts: SortColumns<C, V>;
    defaultSort: { by: SortKey<C>; direction?: 'asc' | 'desc' };
    rows(query: PageQuery<SortKey<C>, V>): R[];
    /** The matches, counted with countUpTo. */
    count(): number;
  },
): Page<R> {
  const sort = sortOf(input, list.sorts, list.defaultSort);
  const page = paging(input as PageInput);
  const rows = list.rows({ ...page, ...sort, orderBy: (tie) => `${String(sort.column)} ${sort.direction}, ${tie} ${sort.direction}` });
  return pageOf(rows, list.count());
}
