// Backups through the app's channels, on real files: a backup and its key file and sidecar; a restore that
// brings back the data, the ledger and the SMTP key, after backing up the current state; refusals that
// change nothing (a damaged backup in several ways, one from a newer app); maintenance while it runs.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '@shared/contract/backups';
import { verifyLedger } from '../domain/stock/verify';
import { smtpConfig } from '../domain/settings/settings';
import { contentHash as databaseContent } from '../testing/dbContent';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { withReadWorkers } from '../transport/readPool';

const checksModes = process.platform !== 'win32';
const packageVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let adminId: number;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  adminId = t.ok('auth.status', {}).user!.id;
  t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'catalogue', reason: null });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['SN-A', 'SN-B'], reason: null });
  t.ok('settings.updateSmtp', { host: 'smtp.example', port: 587, security: 'starttls', user: 'office', fromAddress: 'office@example.com', fromName: 'Office', password: 'smtp secret' });
});
afterEach(() => t.close());

const dbPath = () => join(t.dir, 'test.db');
const folder = () => join(t.dir, 'backups');

function onHand(productId: number, token?: string): number {
  return t.ok('stock.listInventoryProducts', { productId, locationId: w.main.id }, token).rows[0]?.onHand ?? 0;
}

/** "Nothing changed" means this is the same. */
const contentHash = () => databaseContent(t.app.ctx.sqlite);

function sidecarOf(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(folder(), `${name}.json`), 'utf8')) as Record<string, unknown>;
}

async function backUp(): Promise<BackupInfo> {
  return t.okAsync('backups.create', {});
}

describe('a backup', () => {
  it('is a whole database beside its key file and sidecar, owner-only, listed newest first', async () => {
    const first = await backUp();
    t.clock.now += 60_000;
    const second = await backUp();
    expect(first.reason).toBe('manual');
    expect(first.appVersion).toBe(packageVersion);
    expect(first.schemaMigrations).toBe(readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length);
    expect(first.createdAt).toBe(t.clock.now - 60_000);
    expect(first.keyFile).toBe(true);
    const path = join(folder(), first.name);
    expect(first.size).toBe(statSync(path).size);
    expect(readFileSync(`${path}.key`)).toEqual(readFileSync(`${dbPath()}.key`));
    expect(sidecarOf(first.name)).toMatchObject({ createdAt: first.createdAt, size: first.size, appVersion: packageVersion, reason: 'manual', keyFile: true, database: 'test.db' });
    expect((sidecarOf(first.name).schema as { migrations: number }).migrations).toBe(first.schemaMigrations);
    if (checksModes) {
      expect(statSync(folder()).mode & 0o777).toBe(0o700);
      for (const file of readdirSync(folder())) expect(statSync(join(folder(), file)).mode & 0o777, file).toBe(0o600);
    }
    // One file, no -wal/-shm beside it, and it opens alone with the data of the moment.
    expect(readdirSync(folder()).sort()).toEqual([first.name, `${first.name}.json`, `${first.name}.key`, second.name, `${second.name}.json`, `${second.name}.key`].sort());
    const copy = new Database(path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM stock_moves').get()).toEqual({ n: 3 });
    copy.close();
    const listed = t.ok('backups.list', {});
    expect(listed.folder).toBe(folder());
    expect(listed.backups.map((b) => b.name)).toEqual([second.name, first.name]);
    expect(listed.backups[1]).toEqual(first);
    expect(listed.schemaMigrations).toBe(first.schemaMigrations);
    expect(existsSync(join(t.dir, 'test.db.lock'))).toBe(true);
  });

  it('has no key file where the database has none (the desktop app keeps the SMTP password in the OS keychain)', async () => {
    const other = createTestApp();
    try {
      const backup = await other.okAsync('backups.create', {});
      expect(backup.keyFile).toBe(false);
      expect(existsSync(join(other.dir, 'backups', `${backup.name}.key`))).toBe(false);
    } finally {
      other.close();
    }
  });

  it('goes to the folder the settings name, and refuses a relative one', async () => {
    const chosen = join(t.dir, 'elsewhere', 'nested');
    t.ok('settings.update', { backupFolder: chosen });
    const backup = await backUp();
    expect(existsSync(join(chosen, backup.name))).toBe(true);
    expect(t.ok('backups.list', {}).folder).toBe(chosen);
    for (const relative of ['backups', './b', '../b', 'C:relative']) {
      expect(t.fail('settings.update', { backupFolder: relative }).code).toBe('VALIDATION');
    }
    t.ok('settings.update', { backupFolder: '' });
    expect(t.ok('backups.list', {}).folder).toBe(folder());
  });

  it('answers BACKUP_FAILED when the folder cannot be made', async () => {
    writeFileSync(join(t.dir, 'a-file'), '');
    t.ok('settings.update', { backupFolder: join(t.dir, 'a-file', 'backups') });
    expect((await t.failAsync('backups.create', {})).code).toBe('BACKUP_FAILED');
  });
});

describe('a restore', () => {
  it('brings back the data, the ledger and the key file, after backing up the state it replaces', async () => {
    const backup = await backUp();
    const before = contentHash();
    const originalKey = readFileSync(`${dbPath()}.key`);
    // Work goes on after the backup; then the key file is lost (a new one is made for a new password).
    t.clock.now += 3600_000;
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'catalogue', reason: null });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, serials: ['SN-A'] }] });
    const added = t.ok('catalog.createProduct', { sku: 'NEW-1', name: 'Added after the backup', unitCost: 1, unitPrice: 2, msrp: 3, serialized: false });
    writeFileSync(`${dbPath()}.key`, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    t.ok('settings.updateSmtp', { host: 'smtp.example', port: 587, security: 'starttls', user: 'office', fromAddress: 'office@example.com', fromName: 'Office', password: 'changed' });
    expect(onHand(w.cable.id)).toBe(15);
    const changed = contentHash();

    const result = await t.okAsync('backups.restore', { name: backup.name });
    expect(result.restored).toEqual(backup);
    expect(result.safetyBackup.reason).toBe('pre-restore');

    // Everybody signs in again, into the restored database.
    expect(t.raw('settings.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const token = t.tokenFor(adminId);
    expect(onHand(w.cable.id, token)).toBe(10);
    expect(t.fail('catalog.getProduct', { id: added.id }, token).code).toBe('NOT_FOUND');
    expect(contentHash()).toBe(before);
    expect(verifyLedger(t.app.ctx)).toMatchObject({ ok: true, differences: [] });
    expect(readFileSync(`${dbPath()}.key`)).toEqual(originalKey);
    expect(smtpConfig(t.app.ctx).password).toBe('smtp secret');
    if (checksModes) for (const file of [dbPath(), `${dbPath()}.key`]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(t.dir).filter((f) => f.includes('restore'))).toEqual([]);

    // The safety backup holds the replaced state: restoring it undoes the restore.
    await t.okAsync('backups.restore', { name: result.safetyBackup.name }, token);
    const again = t.tokenFor(adminId);
    expect(onHand(w.cable.id, again)).toBe(15);
    expect(t.ok('catalog.getProduct', { id: added.id }, again).sku).toBe('NEW-1');
    expect(contentHash()).toBe(changed);
    expect(smtpConfig(t.app.ctx).password).toBe('changed');
  });

  it('is seen at once by the read pool’s own connections', async () => {
    const backup = await backUp();
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'catalogue', reason: null });
    const workers = withReadWorkers(t.app, { dbPath: dbPath(), readers: 1 });
    try {
      const served = workers.app;
      const read = async (token: string) => {
        const r = await served.dispatch('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }, token);
        if (!r.ok) throw new Error(r.error.code);
        return (r.data as { rows: { onHand: number }[] }).rows[0]!.onHand;
      };
      expect(await read(t.token)).toBe(15);
      await t.okAsync('backups.restore', { name: backup.name });
      expect(await read(t.tokenFor(adminId))).toBe(10);
    } finally {
      await workers.close();
    }
  });

  it('needs an administrator', async () => {
    const backup = await backUp();
    const buyer = t.addUser({ username: 'buyer', permissions: ['inventory.view', 'purchasing.manage', 'costs.view'] });
    const token = t.tokenFor(buyer.id);
    for (const [channel, input] of [
      ['backups.list', {}],
      ['backups.create', {}],
      ['backups.restore', { name: backup.name }],
    ] as const) {
      expect(t.raw(channel, input, token), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses names that are not a listed backup, paths included', async () => {
    await backUp();
    writeFileSync(join(folder(), 'stray.db'), 'no sidecar');
    for (const name of ['stray.db', 'missing.db', '../test.db', 'backups/../test.db', '/etc/passwd', '.hidden.db', 'test.db.key']) {
      const result = await t.app.callAsync('backups.restore', { name } as never, t.token);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(['NOT_FOUND', 'VALIDATION'], name).toContain(result.error.code);
    }
  });
});

describe('a restore refuses a backup it cannot trust, and changes nothing', () => {
  type Spoil = (path: string) => void;
  const spoils: [string, string, Spoil][] = [
    ['not a database', 'notADatabase', (p) => writeFileSync(p, 'this is not SQLite at all, just some text that is long enough'.repeat(200))],
    ['cut short', 'integrity', (p) => writeFileSync(p, readFileSync(p).subarray(0, Math.floor(statSync(p).size / 2)))],
    [
      'pages overwritten',
      'integrity',
      (p) => {
        const bytes = readFileSync(p);
        // Past the first pages (schema), into the tables and indexes.
        for (let i = 4096 * 3; i < bytes.length; i += 4096) bytes.fill(0xa5, i + 100, i + 400);
        writeFileSync(p, bytes);
      },
    ],
    [
      'an empty database of another program',
      'notInventory',
      (p) => {
        writeFileSync(p, '');
        const other = new Database(p);
        other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
        other.close();
      },
    ],
    [
      'a ledger that does not add up',
      'ledger',
      (p) => {
        const db = new Database(p);
        db.exec('UPDATE balances SET qty = qty + 1 WHERE rowid = (SELECT min(rowid) FROM balances)');
        db.close();
      },
    ],
  ];

  it.each(spoils)('%s', async (_what, reason, spoil) => {
    const backup = await backUp();
    spoil(join(folder(), backup.name));
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null });
    const before = contentHash();
    const listed = t.ok('backups.list', {}).backups;
    const error = await t.failAsync('backups.restore', { name: backup.name });
    expect(error.code).toBe('BACKUP_CORRUPT');
    expect(error.details).toMatchObject({ reason });
    // Nothing changed: the data, the sessions, the backups (not even a safety backup), no leftovers.
    expect(contentHash()).toBe(before);
    expect(onHand(w.cable.id)).toBe(11);
    expect(t.ok('backups.list', {}).backups).toEqual(listed);
    expect(t.app.inMaintenance()).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.includes('restore'))).toEqual([]);
  });

  it('refuses a backup from a newer version of the app (more migrations than it knows)', async () => {
    for (const [extra, at] of [
      [1, 'later'],
      [3, 'later'],
      [1, 'same time'],
    ] as const) {
      const backup = await backUp();
      const copy = new Database(join(folder(), backup.name));
      const last = (copy.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number }).at;
      for (let i = 1; i <= extra; i++) copy.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(`future-${i}`, at === 'later' ? last + i * 1000 : last);
      copy.exec('CREATE TABLE future_table (id INTEGER PRIMARY KEY)');
      copy.close();
      const before = contentHash();
      const error = await t.failAsync('backups.restore', { name: backup.name });
      expect(error.code).toBe('BACKUP_NEWER_SCHEMA');
      expect(error.details).toMatchObject({ backupMigrations: backup.schemaMigrations + extra, appMigrations: backup.schemaMigrations });
      expect(contentHash()).toBe(before);
      expect(t.ok('backups.list', {}).backups.filter((b) => b.reason === 'pre-restore')).toEqual([]);
      t.clock.now += 1000;
    }
  });
});

describe('maintenance during a restore', () => {
  it('answers MAINTENANCE to every other call until the swap is done, then serves the restored database', async () => {
    const backup = await backUp();
    const tech = t.tokenFor(w.tech.id);
    // A call already answering asynchronously when the restore starts is let finish first.
    const inFlight = t.app.callAsync('users.create', { username: 'late', displayName: 'Late', password: 'a long password', permissions: [] }, t.token);
    const restoring = t.app.callAsync('backups.restore', { name: backup.name }, t.token);
    expect(t.app.inMaintenance()).toBe(true);
    const calls: [string, unknown, string | null][] = [
      ['auth.status', {}, null],
      ['stock.listInventoryProducts', {}, t.token],
      ['stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null }, t.token],
      ['stock.listInventoryProducts', {}, tech],
      ['settings.get', {}, 'forged'],
      ['backups.list', {}, t.token],
      ['backups.create', {}, t.token],
      ['backups.restore', { name: backup.name }, t.token],
    ];
    for (const [channel, input, token] of calls) {
      expect(await t.app.dispatch(channel, input, token), channel).toMatchObject({ ok: false, error: { code: 'MAINTENANCE' } });
    }
    // The read pool's shortcut asks the app first.
    const workers = withReadWorkers(t.app, { dbPath: dbPath(), readers: 1 });
    try {
      for (const channel of ['stock.listInventoryProducts', 'stock.verifyLedger']) {
        expect(await workers.app.dispatch(channel, {}, t.token), channel).toMatchObject({ ok: false, error: { code: 'MAINTENANCE' } });
      }
    } finally {
      await workers.close();
    }
    // Nothing was written meanwhile.
    expect((await inFlight).ok).toBe(true);
    const result = await restoring;
    expect(result.ok).toBe(true);
    expect(t.app.inMaintenance()).toBe(false);
    const token = t.tokenFor(adminId);
    expect(onHand(w.cable.id, token)).toBe(10);
    expect(t.ok('users.list', {}, token).map((u) => u.username)).not.toContain('late');
    expect(t.raw('stock.listInventoryProducts', {}, tech)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('ends after a refused restore too', async () => {
    const backup = await backUp();
    writeFileSync(join(folder(), backup.name), 'garbage');
    const restoring = t.app.callAsync('backups.restore', { name: backup.name }, t.token);
    expect(t.raw('auth.status', {}, null)).toMatchObject({ ok: false, error: { code: 'MAINTENANCE' } });
    expect(await restoring).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect(t.raw('auth.status', {}, t.token)).toMatchObject({ ok: true });
  });
});
