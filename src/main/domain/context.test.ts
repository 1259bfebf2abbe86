// prepared(): one compiled statement per SQL text and connection, bounded, and never shared across
// connections (a statement belongs to the database that compiled it).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepared } from './context';

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
