// Migrations that fill caches from existing data: an office upgrading keeps its ledger, and the caches
// come out exactly as if the app had written them (verifyLedger recomputes each one from the moves).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { verifyLedger } from '../domain/stock/verify';
import { openDatabase } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of drizzle/ holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const folder = join(dir, 'drizzle');
  cpSync('drizzle', folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const JAN = Date.UTC(2026, 0, 10);
const MAR = Date.UTC(2026, 2, 5);

describe('migration 0002 (stock caches and the product search index)', () => {
  it('fills received dates, below-minimum flags, month totals and the search index from the existing ledger', () => {
    const dbPath = join(dir, 'office.db');
    const old = openDatabase({ path: dbPath, migrationsFolder: migrationsUpTo(2) });
    const s = old.sqlite;
    s.exec(`INSERT INTO locations (id, name, kind, usage, is_default, created_at) VALUES (10, 'Main warehouse', 'warehouse', 'internal', 1, 0)`);
    s.exec(`INSERT INTO products (id, sku, name, manufacturer_part_number, unit_cost, created_at, updated_at) VALUES
      (1, 'FG-60F', 'FortiGate 60F', 'FG-60F-BDL', 100, 0, 0), (2, 'CAB-6', 'Cat6 cable', NULL, 10, 0, 0)`);
    // Product 1: 3 units received in January, 1 scrapped in March. Product 2: 5 units in March.
    s.exec(`INSERT INTO lots (id, product_id, unit_cost, received_at, source_type, source_id) VALUES (1, 1, 100, ${JAN}, 'adjustment', 1), (2, 2, 10, ${MAR}, 'adjustment', 2)`);
    s.exec(`INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, occurred_at) VALUES
      (1, 1, 3, 3, 10, 100, 'adjustment', 1, ${JAN}), (1, 1, 1, 10, 4, 100, 'adjustment', 3, ${MAR}), (2, 2, 5, 3, 10, 10, 'adjustment', 2, ${MAR})`);
    s.exec(`INSERT INTO balances (lot_id, location_id, product_id, qty) VALUES (1, 10, 1, 2), (1, 3, 1, -3), (1, 4, 1, 1), (2, 10, 2, 5), (2, 3, 2, -5)`);
    s.exec(`INSERT INTO stock_levels (product_id, location_id, qty, value) VALUES (1, 10, 2, 200), (1, 3, -3, -300), (1, 4, 1, 100), (2, 10, 5, 50), (2, 3, -5, -50)`);
    s.exec(`INSERT INTO inventory_products (product_id, location_id, min, max, created_at) VALUES (1, 10, 3, 6, 0), (2, 10, 2, 9, 0)`);
    s.close();

    const app = createApp({ dbPath, now: () => Date.UTC(2026, 3, 1) });
    try {
      const sqlite = app.ctx.sqlite;
      expect(sqlite.prepare(`SELECT lot_id, location_id, received_at FROM balances WHERE location_id = 10 ORDER BY lot_id`).all()).toEqual([
        { lot_id: 1, location_id: 10, received_at: JAN },
        { lot_id: 2, location_id: 10, received_at: MAR },
      ]);
      expect(sqlite.prepare(`SELECT product_id, below_min FROM inventory_products ORDER BY product_id`).all()).toEqual([
        { product_id: 1, below_min: 1 },
        { product_id: 2, below_min: 0 },
      ]);
      expect(sqlite.prepare(`SELECT month, qty, value FROM stock_value_months WHERE location_id = 10 ORDER BY month`).all()).toEqual([
        { month: '2026-01', qty: 3, value: 300 },
        { month: '2026-03', qty: 4, value: -50 },
      ]);
      expect(sqlite.prepare(`SELECT rowid FROM products_fts WHERE products_fts MATCH '"bdl"'`).all()).toEqual([{ rowid: 1 }]);
      // The triggers keep working after the upgrade: a new product is searchable at once.
      sqlite.exec(`INSERT INTO products (sku, name, created_at, updated_at) VALUES ('SW-24', 'Switch 24 ports', 0, 0)`);
      expect(sqlite.prepare(`SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH '"switch"'`).get()).toEqual({ n: 1 });
      expect(verifyLedger(app.ctx)).toMatchObject({ ok: true, differences: [] });
    } finally {
      app.close();
    }
  });
});
