// The backup before migrations: made when an upgrade will change the schema of a database holding data
// (never for a new one, never when nothing is pending); a failing migration leaves that backup and the
// original file intact; without a backup, nothing is migrated.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { createApp, defaultMigrationsFolder, type App } from '../app';
import { openDatabase } from '../db/open';
import { appliedSchema, shippedSchema } from '../db/schemaVersion';
import { unmatchableHash } from '../domain/auth/password';
import { setupFirstAdmin } from '../domain/auth/users';
import { verifyLedger } from '../domain/stock/verify';
import { contentHash } from '../testing/dbContent';
import { listBackups } from './store';

const JAN = Date.UTC(2026, 0, 15, 9);
const shipped = shippedSchema(defaultMigrationsFolder).migrations;
let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-premigrate-'));
  dbPath = join(dir, 'office.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of drizzle/ with the first `count` migrations, and optionally extra ones after them. */
function migrations(count: number, extra: { tag: string; sql: string }[] = []): string {
  const folder = join(dir, `drizzle-${count}-${extra.length}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(defaultMigrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
  journal.entries = journal.entries.slice(0, count);
  let when = journal.entries.at(-1)!.when;
  for (const m of extra) {
    when += 60_000;
    journal.entries.push({ idx: journal.entries.length, version: '6', when, tag: m.tag, breakpoints: true });
    writeFileSync(join(folder, `${m.tag}.sql`), m.sql);
  }
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/**
 * A database holding data at the schema of `folder`; closed. Returns its content hash. Written in SQL: the
 * services speak the newest schema only.
 */
async function office(folder: string): Promise<string> {
  const { sqlite: s } = openDatabase({ path: dbPath, migrationsFolder: folder });
  try {
    s.exec(`INSERT INTO locations (id, name, kind, usage, is_default, created_at) VALUES (10, 'Main warehouse', 'warehouse', 'internal', 1, ${JAN})`);
    s.exec(`INSERT INTO products (id, sku, name, unit_cost, created_at, updated_at) VALUES (1, 'CAB-1', 'Cable', 10000, ${JAN}, ${JAN}), (2, 'LT-1', 'Laptop', 9000000, ${JAN}, ${JAN})`);
    s.exec(`INSERT INTO settings (key, value) VALUES ('companyName', '"Office"')`);
    return contentHash(s);
  } finally {
    s.close();
  }
}

function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  // A copy, so that looking never changes the file looked at (nor leaves -wal/-shm beside it).
  const copy = join(dir, `look-${Math.random().toString(36).slice(2)}.db`);
  cpSync(path, copy);
  if (existsSync(`${path}-wal`)) cpSync(`${path}-wal`, `${copy}-wal`);
  const db = new Database(copy);
  try {
    return read(db);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  }
}

const backupsFolder = () => join(dir, 'backups');

describe('the backup before migrations', () => {
  it('is made when an upgrade changes the schema of a database holding data, with the data as it was', async () => {
    for (const older of [shipped - 1, shipped - 3]) {
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'msp-premigrate-'));
      dbPath = join(dir, 'office.db');
      const before = await office(migrations(older));
      let app: App | null = null;
      try {
        app = createApp({ dbPath, now: () => JAN + 1000 });
        expect(appliedSchema(app.ctx.sqlite)?.migrations).toBe(shipped);
        expect(verifyLedger(app.ctx).ok).toBe(true);
        const [backup, ...others] = listBackups(backupsFolder());
        expect(others).toEqual([]);
        expect(backup).toMatchObject({ reason: 'pre-migration', schemaMigrations: older, createdAt: JAN + 1000 });
        expect(readOnly(backup!.path, contentHash)).toBe(before);
        // It restores into this version (migrated on the way in).
        const admin = setupFirstAdmin(app.ctx, { username: 'admin', displayName: 'Admin', passwordHash: unmatchableHash });
        const restored = await app.callAsync('backups.restore', { name: backup!.name }, app.sessions.create(admin.id));
        expect(restored).toMatchObject({ ok: true, data: { restored: { name: backup!.name } } });
        expect(appliedSchema(app.ctx.sqlite)?.migrations).toBe(shipped);
      } finally {
        app?.close();
      }
    }
  });

  it('is not made for a new database, nor when nothing is pending', async () => {
    createApp({ dbPath }).close();
    expect(existsSync(backupsFolder())).toBe(false);
    await office(defaultMigrationsFolder);
    createApp({ dbPath }).close();
    expect(listBackups(backupsFolder())).toEqual([]);
  });

  it('survives a failing migration, which leaves the original file intact and the lock free', async () => {
    const failing = [
      { tag: '0099_broken', sql: 'CREATE TABLE `half_done` (`id` integer);\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);' },
      { tag: '0099_bad_syntax', sql: 'ALTER TABLE `products` ADD COLUMN;' },
      { tag: '0099_constraint', sql: 'CREATE TABLE `t2` (`id` integer NOT NULL);\n--> statement-breakpoint\nUPDATE `products` SET `sku` = NULL;' },
    ];
    const before = await office(defaultMigrationsFolder);
    for (const broken of failing) {
      const folder = migrations(shipped, [{ tag: '0098_fine', sql: 'CREATE TABLE `fine_first` (`id` integer);' }, broken]);
      expect(() => createApp({ dbPath, migrationsFolder: folder })).toThrow();
      // The original: same rows, same schema, nothing half-applied.
      const after = readOnly(dbPath, (db) => ({
        content: contentHash(db),
        migrations: appliedSchema(db)?.migrations,
        tables: (db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('half_done', 'fine_first', 't2')`).all() as unknown[]).length,
      }));
      expect(after).toEqual({ content: before, migrations: shipped, tables: 0 });
      // The lock was released: the app opens it again.
      createApp({ dbPath }).close();
    }
    // One pre-migration backup per attempt, each the database as it was.
    const backups = listBackups(backupsFolder());
    expect(backups.map((b) => b.reason)).toEqual(failing.map(() => 'pre-migration'));
    for (const backup of backups) {
      expect(backup.schemaMigrations).toBe(shipped);
      expect(readOnly(backup.path, contentHash)).toBe(before);
    }
  });

  it('stops the upgrade when it cannot be made: nothing is migrated unbacked', async () => {
    const before = await office(migrations(shipped - 1));
    // The settings point the backups into a path under a file: no folder can be made there.
    const db = new Database(dbPath);
    writeFileSync(join(dir, 'not-a-folder'), '');
    db.prepare(`INSERT INTO settings (key, value) VALUES ('backupFolder', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(join(dir, 'not-a-folder', 'b')));
    db.close();
    let error: unknown;
    try {
      createApp({ dbPath });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BACKUP_FAILED');
    expect(readOnly(dbPath, (d) => appliedSchema(d)?.migrations)).toBe(shipped - 1);
    expect(readOnly(dbPath, contentHash)).not.toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
  });

  it('is consistent even while a reader keeps the log from being checkpointed (copied with VACUUM INTO then)', async () => {
    await office(migrations(shipped - 1));
    const reader = new Database(dbPath);
    const writer = new Database(dbPath);
    // The reader's snapshot predates the writer's change, so no checkpoint can fold that change in yet.
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM products').get();
    writer.exec(`INSERT INTO settings (key, value) VALUES ('companyTaxId', '"Held open"')`);
    writer.close();
    try {
      createApp({ dbPath }).close();
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
    const [backup] = listBackups(backupsFolder());
    expect(backup?.schemaMigrations).toBe(shipped - 1);
    const copied = readOnly(backup!.path, (db) => ({
      taxId: (db.prepare(`SELECT value FROM settings WHERE key = 'companyTaxId'`).get() as { value: string }).value,
      check: db.pragma('integrity_check'),
    }));
    expect(copied).toEqual({ taxId: '"Held open"', check: [{ integrity_check: 'ok' }] });
  });
});
