import type { Statement } from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '@shared/contract/define';
import type { Db, Sqlite } from '../db/open';
import type { SecretBox } from '../secrets/secrets';
import type { PasswordCost } from './auth/password';

/**
 * What every service needs: the database (drizzle and raw, same connection), the clock, and the box
 * that encrypts stored secrets (the SMTP password).
 */
export interface Ctx {
  db: Db;
  sqlite: Sqlite;
  now: () => number;
  secrets: SecretBox;
  /** scrypt parameters of new password hashes; absent (the app's own) for real passwords, cheap in tests. */
  passwordCost?: PasswordCost;
}

const statementCache = new WeakMap<Sqlite, Map<string, Statement>>();
/** Statements of generated SQL beyond this many are prepared anew rather than kept. */
const STATEMENT_CACHE_LIMIT = 1000;

/**
 * A statement prepared once per connection. An action that repeats a statement per line or per unit (a
 * 1,000-line shipment) would otherwise compile it thousands of times: compiling costs more than running.
 * Only for SQL whose text is fixed or takes a few shapes; SQL with inlined lists of ids stays on prepare.
 */
export function prepared<P extends unknown[] = unknown[], R = unknown>(ctx: Pick<Ctx, 'sqlite'>, text: string): Statement<P, R> {
  let statements = statementCache.get(ctx.sqlite);
  if (!statements) statementCache.set(ctx.sqlite, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    statement = ctx.sqlite.prepare(text);
    if (statements.size < STATEMENT_CACHE_LIMIT) statements.set(text, statement);
  }
  // The cache holds statements of every shape; this SQL's own parameters and rows are the caller's.
  return statement as unknown as Statement<P, R>;
}

/** The last id a table has given (AUTOINCREMENT never reuses one): rows inserted next are numbered from it. */
export function lastId(ctx: Pick<Ctx, 'sqlite'>, table: string): number {
  return prepared<[], { id: number }>(
    ctx,
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), coalesce((SELECT max(id) FROM ${table}), 0)) AS id`,
  ).get()!.id;
}

/**
 * Inserts rows (values in `columns` order) in one statement from a JSON array, and returns their ids: the
 * ids after `last` (lastId), in order — inside the action's write transaction nothing else numbers rows of
 * the table, and the statement takes the array in its order. A statement per row costs a bulk action (a
 * 10,000-serial shipment) about twice as much. Exact integers beyond 2^53 (bigint) pass as text and take the
 * column's integer affinity. A column with one value in every row (a shipment's moves share their document,
 * ends, user and moment) is bound once as a parameter, typed as the JSON would have typed it; only the
 * columns that vary travel in the array, read through jsonb_each (each row parsed once, in binary): that
 * halves SQLite's reading of a 10,000-row array.
 */
export function insertInOrder(ctx: Pick<Ctx, 'sqlite'>, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], last = lastId(ctx, table)): number[] {
  if (rows.length === 0) return [];
  const first = rows[0]!;
  const shared = columns.map((_, i) => bindable(first[i]) && rows.every((row) => row[i] === first[i]));
  const varying = columns.flatMap((_, i) => (shared[i] ? [] : [i]));
  const values = columns.map((_, i) => (shared[i] ? '?' : `j.value ->> '$[${varying.indexOf(i)}]'`)).join(', ');
  const params = columns.flatMap((_, i) => (shared[i] ? [asParameter(first[i])] : []));
  // Bigints become text here rather than through a replacer, which JSON.stringify would call for every value.
  const json = JSON.stringify(
    rows.map((row) =>
      varying.map((i) => {
        const value = row[i];
        return typeof value === 'bigint' ? value.toString() : value;
      }),
    ),
  );
  const result = prepared<unknown[]>(ctx, `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values} FROM jsonb_each(?) j ORDER BY j.key`).run(...params, json);
  if (result.changes !== rows.length || Number(result.lastInsertRowid) !== last + rows.length) throw new Error(`${table}: the rows were not numbered after the last one`);
  return rows.map((_, i) => last + 1 + i);
}

/** A value a parameter binds exactly as JSON would carry it (anything else stays in the array). */
function bindable(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'bigint' || typeof value === 'boolean' || Number.isSafeInteger(value) || (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value));
}

/** better-sqlite3 binds every number as REAL; JSON's integers and booleans are SQL integers, its bigints text. */
function asParameter(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

/** The signed-in user a service acts for. */
export interface Actor {
  userId: number;
  isAdmin: boolean;
  permissions: ReadonlySet<Permission>;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.isAdmin || actor.permissions.has(permission);
}

/** Takes the next number of a series (the counter row stores the last number given). */
export function takeCounter(ctx: Ctx, series: string, start: number): number {
  const row = prepared<[string, number], { next: number }>(ctx, 'INSERT INTO counters (name, next) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET next = next + 1 RETURNING next')
    .get(series, start)!;
  return row.next;
}

/** The number the next document of a series gets, without taking it. */
export function peekCounter(ctx: Ctx, series: string, start: number): number {
  const row = ctx.sqlite.prepare<[string], { next: number }>('SELECT next FROM counters WHERE name = ?').get(series);
  return row ? row.next + 1 : start;
}

/** Next human document number for a series, e.g. nextNumber(ctx, 'ADJ') → "ADJ-1001". */
/** Today as day fields ('YYYY-MM-DD') and their overdue marks compare it, in UTC. */
export const todayOf = (ctx: Ctx): string => new Date(ctx.now()).toISOString().slice(0, 10);

export function nextNumber(ctx: Ctx, series: string, start = 1001): string {
  return `${series}-${takeCounter(ctx, series, start)}`;
}

/** LIKE pattern for a user's search text, with the wildcards in it escaped (use with ESCAPE '\'). */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

/**
 * Lists count rows up to a cap: an exact COUNT over a million moves would cost more than the page
 * itself, so they report "10,000+" beyond it (paging.ts counts and pages every list).
 */
export const COUNT_CAP = 10_000;

/** Raw SQL text with `?` placeholders (none inside literals) as a drizzle fragment with bound params. */
export function sqlWithParams(text: string, params: unknown[]): SQL {
  const parts = text.split('?');
  if (parts.length !== params.length + 1) throw new Error(`sqlWithParams: ${parts.length - 1} placeholders for ${params.length} params`);
  return sql.join(parts.flatMap((part, i) => (i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)])));
}
