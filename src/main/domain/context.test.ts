// prepared(): one compiled statement per SQL text and connection, bounded, and never shared across
// connections (a statement belongs to the database that compiled it).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertInOrder, lastId, prepared } from './context';

describe('prepared', () => {
  it('compiles each SQL text once per connection and answers from that connection', () => {
    const a = { sqlite: new Database(':memory:') };
    const b = { sqlite: new Database(':memory:') };
    a.sqlite.exec(`CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)`);
    b.sqlite.exec(`CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (2)`);
    const sql = `SELECT v FROM t`;
    expect(prepared(a, sql)).toBe(prepared(a, sql));
    expect(prepared(a, sql)).not.toBe(prepared(b, sql));
    expect(prepared<[], { v: number }>(a, sql).get()).toEqual({ v: 1 });
    expect(prepared<[], { v: number }>(b, sql).get()).toEqual({ v: 2 });
    expect(prepared(a, `SELECT v + 1 AS v FROM t`)).not.toBe(prepared(a, sql));
  });

  it('keeps a bounded number of statements: generated SQL beyond the limit is compiled anew, and still runs', () => {
    const ctx = { sqlite: new Database(':memory:') };
    for (let i = 0; i < 1000; i++) prepared(ctx, `SELECT ${i} AS n`);
    const kept = prepared(ctx, `SELECT 0 AS n`);
    expect(prepared(ctx, `SELECT 0 AS n`)).toBe(kept);
    const beyond = `SELECT 1000 AS n`;
    expect(prepared(ctx, beyond)).not.toBe(prepared(ctx, beyond));
    expect(prepared<[], { n: number }>(ctx, beyond).get()).toEqual({ n: 1000 });
  });
});

describe('insertInOrder', () => {
  const table = () => {
    const ctx = { sqlite: new Database(':memory:') };
    ctx.sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER, s TEXT, r REAL, b BLOB)`);
    return ctx;
  };
  type Row = { id: number; n: unknown; s: unknown; r: unknown; kind: string };
  const read = (ctx: ReturnType<typeof table>) => ctx.sqlite.prepare<[], Row>(`SELECT id, n, s, r, typeof(n) || ',' || typeof(s) || ',' || typeof(r) AS kind FROM t ORDER BY id`).all();

  it('writes each value as a bound parameter would: integers, text that looks like JSON or numbers, nulls, reals, exact bigints', () => {
    const ctx = table();
    const big = 2n ** 62n + 7n;
    const rows = [
      [1, 'plain', 1.5],
      [-42, '{"a":1}', 0],
      [null, '[1,2]', null],
      [big, '123', -0.25],
      ['77', 'ñandú "quoted" \\ back\nline', 1e-7],
      [Number.MAX_SAFE_INTEGER, '', 2],
      [0, 'null', 3],
    ];
    expect(insertInOrder(ctx, 't', ['n', 's', 'r'], rows)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const twin = table();
    const one = twin.sqlite.prepare(`INSERT INTO t (n, s, r) VALUES (?, ?, ?)`);
    for (const r of rows) one.run(...r);
    twin.sqlite.defaultSafeIntegers(true);
    ctx.sqlite.defaultSafeIntegers(true);
    expect(read(ctx)).toEqual(read(twin));
    expect(ctx.sqlite.prepare(`SELECT n FROM t WHERE id = 4`).get()).toEqual({ n: big });
    expect(ctx.sqlite.prepare(`SELECT s FROM t WHERE id = 3`).get()).toEqual({ s: '[1,2]' });
  });

  it('writes a value shared by every row (bound once) exactly as it writes it when the rows differ', () => {
    const values: unknown[] = [0, -5, Number.MAX_SAFE_INTEGER, 1.5, -0.25, 'text', '{"a":1}', '42', '', null, true, false, 2n ** 62n, 1e-7];
    for (const v of values) {
      const ctx = { sqlite: new Database(':memory:') };
      ctx.sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER, s TEXT, r REAL, x)`);
      const other = typeof v === 'string' ? 'other' : 7;
      insertInOrder(ctx, 't', ['n', 's', 'r', 'x'], [[v, v, v, v], [v, v, v, v]]);
      insertInOrder(ctx, 't', ['n', 's', 'r', 'x'], [[v, v, v, v], [other, other, other, other]]);
      const got = ctx.sqlite
        .prepare<[], Record<string, unknown>>(`SELECT n, typeof(n) AS tn, s, typeof(s) AS ts, r, typeof(r) AS tr, x, typeof(x) AS tx FROM t WHERE id IN (1, 3) ORDER BY id`)
        .safeIntegers(true)
        .all();
      expect(got[0], `shared ${String(v)}`).toEqual(got[1]);
    }
  });

  it('numbers the rows after the last id the table gave, deleted ones included, in the array\'s order', () => {
    const ctx = table();
    insertInOrder(ctx, 't', ['n'], [[1], [2], [3]]);
    ctx.sqlite.exec(`DELETE FROM t WHERE id = 3`);
    expect(lastId(ctx, 't')).toBe(3);
    const rows = Array.from({ length: 2500 }, (_, i) => [2500 - i]);
    const ids = insertInOrder(ctx, 't', ['n'], rows);
    expect(ids[0]).toBe(4);
    expect(ids.at(-1)).toBe(2503);
    const got = ctx.sqlite.prepare<[], { id: number; n: number }>(`SELECT id, n FROM t WHERE id > 3 ORDER BY id`).all();
    expect(got.map((r) => r.n)).toEqual(rows.map((r) => r[0]));
    expect(got.map((r) => r.id)).toEqual(ids);
    expect(insertInOrder(ctx, 't', ['n'], [])).toEqual([]);
  });

  it('refuses when the rows were not numbered as predicted (a stale last id), leaving the caller to roll back', () => {
    const ctx = table();
    insertInOrder(ctx, 't', ['n'], [[1], [2]]);
    expect(() => insertInOrder(ctx, 't', ['n'], [[3]], 0)).toThrow(/not numbered/);
  });
});
