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

describe('migration 0004 (serial numbers unique ignoring case and blanks)', () => {
  it('keys the stored serials, lists the ones that clash and leaves the database usable', async () => {
    const dbPath = join(dir, 'office.db');
    const old = openDatabase({ path: dbPath, migrationsFolder: migrationsUpTo(4) });
    const s = old.sqlite;
    s.exec(`INSERT INTO locations (id, name, kind, usage, is_default, created_at) VALUES (10, 'Main warehouse', 'warehouse', 'internal', 1, 0), (11, 'Van', 'van', 'internal', 0, 0)`);
    s.exec(`INSERT INTO products (id, sku, name, unit_cost, serialized, created_at, updated_at) VALUES (1, 'LT-T14', 'ThinkPad T14', 100, 1, 0, 0), (2, 'PH-1', 'Phone', 50, 1, 0, 0)`);
    // The old rule compared serials exactly: these were all accepted. Lots 1–3 and 5–6 are one unit each in
    // the new rule's eyes; lot 4 is another product's; lot 7 was voided by a cancelled receipt.
    const serials: [number, number, string | null, string | null][] = [
      [1, 1, 'SECDUP1A', null],
      [2, 1, 'secdup1a', null],
      [3, 1, '\u00A0SecDup1A\t', null],
      [4, 2, 'secdup1a', null],
      [5, 1, 'CAFÉ-1', null],
      [6, 1, 'cafe\u0301-1', null],
      [7, 1, null, 'VOIDED-1'],
      [8, 1, 'PLAIN-8', null],
    ];
    const lot = s.prepare(`INSERT INTO lots (id, product_id, serial_number, voided_serial_number, unit_cost, received_at, source_type, source_id) VALUES (?, ?, ?, ?, 100, ?, 'adjustment', ?)`);
    const move = s.prepare(`INSERT INTO stock_moves (lot_id, product_id, qty, from_location_id, to_location_id, unit_cost, source_type, source_id, occurred_at) VALUES (?, ?, 1, 3, 10, 100, 'adjustment', ?, ?)`);
    const balance = s.prepare(`INSERT INTO balances (lot_id, location_id, product_id, qty, received_at) VALUES (?, ?, ?, ?, ?)`);
    for (const [id, product, serial, voided] of serials) {
      lot.run(id, product, serial, voided, JAN + id, id);
      move.run(id, product, id, JAN + id);
      balance.run(id, 10, product, 1, JAN + id);
      balance.run(id, 3, product, -1, JAN + id);
    }
    s.exec(`INSERT INTO stock_levels (product_id, location_id, qty, value) VALUES (1, 10, 7, 700), (1, 3, -7, -700), (2, 10, 1, 100), (2, 3, -1, -100)`);
    s.exec(`INSERT INTO stock_value_months (month, location_id, qty, value) VALUES ('2026-01', 10, 8, 800), ('2026-01', 3, -8, -800)`);
    s.close();

    const open = () => createApp({ dbPath, now: () => MAR });
    let app = open();
    try {
      const sqlite = app.ctx.sqlite;
      expect(sqlite.prepare(`SELECT id, serial_key AS k FROM lots ORDER BY id`).all()).toEqual([
        { id: 1, k: 'secdup1a' },
        { id: 2, k: null },
        { id: 3, k: null },
        { id: 4, k: 'secdup1a' },
        { id: 5, k: 'café-1' },
        { id: 6, k: null },
        { id: 7, k: 'voided-1' },
        { id: 8, k: 'plain-8' },
      ]);
      const report = verifyLedger(app.ctx);
      expect(report.ok).toBe(true);
      expect(report.serialClashes.map((c) => [c.lotId, c.serialNumber, c.keptLotId, c.keptSerialNumber, c.detectedAt])).toEqual([
        [2, 'secdup1a', 1, 'SECDUP1A', MAR],
        [3, '\u00A0SecDup1A\t', 1, 'SECDUP1A', MAR],
        [6, 'cafe\u0301-1', 5, 'CAFÉ-1', MAR],
      ]);
      expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'lots_serial_key_unique'`).get()).toEqual({ name: 'lots_serial_key_unique' });
    } finally {
      app.close();
    }

    // Opening again finds nothing more to key and reports the same clashes.
    app = open();
    try {
      const t = await app.callAsync('auth.setup', { username: 'admin', displayName: 'Admin', password: 'correct horse battery' }, null);
      if (!t.ok) throw new Error(t.error.code);
      const token = t.data.token!;
      const call = <C extends Parameters<typeof app.call>[0]>(channel: C, input: Parameters<typeof app.call<C>>[1]) => app.call(channel, input, token);
      expect(verifyLedger(app.ctx).serialClashes).toHaveLength(3);
      // A clashing unit is reached by its exact serial; any other spelling names the unit that kept the key.
      expect(call('stock.transfer', { fromLocationId: 10, toLocationId: 11, lines: [{ productId: 1, serials: ['secdup1a'] }] }).ok).toBe(true);
      expect(call('stock.transfer', { fromLocationId: 10, toLocationId: 11, lines: [{ productId: 1, serials: ['SecDup1a'] }] }).ok).toBe(true);
      expect(app.ctx.sqlite.prepare(`SELECT lot_id FROM balances WHERE location_id = 11 ORDER BY lot_id`).all()).toEqual([{ lot_id: 1 }, { lot_id: 2 }]);
      // No new unit can take the key, even one the clashing units share.
      const added = call('stock.add', { productId: 1, locationId: 10, qty: 1, costMethod: 'catalogue', serials: ['secdup1a '], reason: null });
      expect(added.ok ? null : added.error).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { within: 'stock' } });
      // Correcting a clashing serial ends its clash; renaming the unit that kept the key hands it to the next one.
      expect(call('stock.editSerial', { lotId: 2, serialNumber: 'SECDUP1B' }).ok).toBe(true);
      expect(call('stock.editSerial', { lotId: 6, serialNumber: 'café-1' }).ok).toBe(false);
      expect(call('stock.editSerial', { lotId: 6, serialNumber: 'CAFE-1' }).ok).toBe(true);
      expect(call('stock.editSerial', { lotId: 1, serialNumber: 'SECDUP1C' }).ok).toBe(true);
      expect(app.ctx.sqlite.prepare(`SELECT id, serial_key AS k FROM lots WHERE id IN (1, 2, 3, 6) ORDER BY id`).all()).toEqual([
        { id: 1, k: 'secdup1c' },
        { id: 2, k: 'secdup1b' },
        { id: 3, k: 'secdup1a' },
        { id: 6, k: 'cafe-1' },
      ]);
      const report = verifyLedger(app.ctx);
      expect(report).toMatchObject({ ok: true, differences: [], serialClashes: [] });
      expect(call('stock.add', { productId: 1, locationId: 10, qty: 1, costMethod: 'catalogue', serials: ['SECDUP1A'], reason: null }).ok).toBe(false);
    } finally {
      app.close();
    }
  });
});

describe('migration 0017 (location rights)', () => {
  it('keeps everyone without a van working at every location, and restricts a van’s owner to their vans', () => {
    const dbPath = join(dir, 'office.db');
    const old = openDatabase({ path: dbPath, migrationsFolder: migrationsUpTo(17) });
    const s = old.sqlite;
    s.exec(`INSERT INTO users (id, username, display_name, password_hash, permissions, is_admin, created_at) VALUES
      (1, 'admin', 'Admin', 'x', '[]', 1, 0),
      (2, 'clerk', 'Clerk', 'x', '["inventory.view","stock.transfer"]', 0, 0),
      (3, 'tech', 'Tech', 'x', '["inventory.view","stock.transfer","stock.pick"]', 0, 0),
      (4, 'viewer', 'Viewer', 'x', '[]', 0, 0)`);
    s.exec(`INSERT INTO locations (id, name, kind, usage, owner_user_id, is_default, created_at) VALUES (10, 'Main warehouse', 'warehouse', 'internal', NULL, 1, 0), (11, 'Van Tech', 'van', 'internal', 3, 0, 0)`);
    s.close();

    const app = createApp({ dbPath, now: () => Date.UTC(2026, 3, 1) });
    try {
      const permissions = (id: number) => JSON.parse((app.ctx.sqlite.prepare(`SELECT permissions FROM users WHERE id = ?`).get(id) as { permissions: string }).permissions) as string[];
      expect(permissions(1)).toEqual([]);
      expect(permissions(2)).toEqual(['inventory.view', 'stock.transfer', 'stock.anyLocation']);
      expect(permissions(3)).toEqual(['inventory.view', 'stock.transfer', 'stock.pick']);
      expect(permissions(4)).toEqual(['stock.anyLocation']);
    } finally {
      app.close();
    }
  });
});
