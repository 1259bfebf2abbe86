// Owner-only files: the database, its -wal/-shm and backups are 0600 on Linux/macOS even when the
// process umask would let others read them (the entries also set umask 077; this holds without it).
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, defaultMigrationsFolder } from '../app';
import { backupDatabase, openDatabase } from './open';

const checksModes = process.platform !== 'win32';
let dir: string;
let savedUmask: number;

function modeOf(path: string): string {
  return (statSync(path).mode & 0o777).toString(8);
}

function expectOwnerOnly(paths: string[]): void {
  for (const path of paths) {
    expect(existsSync(path), `${path} exists`).toBe(true);
    if (checksModes) expect(modeOf(path), path).toBe('600');
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-files-'));
  // A permissive umask, as a user's shell often has: the modes must not depend on it.
  savedUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(savedUmask);
  rmSync(dir, { recursive: true, force: true });
});

describe('owner-only files', () => {
  it('creates the database and its -wal and -shm files 0600', () => {
    const path = join(dir, 'new.db');
    const app = createApp({ dbPath: path });
    app.ctx.sqlite.prepare(`INSERT INTO counters (name, next) VALUES ('files-test', 1)`).run();
    expectOwnerOnly([path, `${path}-wal`, `${path}-shm`]);
    app.close();
  });

  it('tightens a database and -wal/-shm left readable by an earlier version', () => {
    const path = join(dir, 'old.db');
    openDatabase({ path, migrationsFolder: defaultMigrationsFolder }).sqlite.close();
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      if (!existsSync(file)) writeFileSync(file, '');
      chmodSync(file, 0o644);
    }
    const { sqlite } = openDatabase({ path, migrationsFolder: defaultMigrationsFolder });
    expectOwnerOnly([path, `${path}-wal`, `${path}-shm`]);
    sqlite.close();
  });

  it('writes backups 0600, also over an existing readable file', async () => {
    const { sqlite } = openDatabase({ path: join(dir, 'live.db'), migrationsFolder: defaultMigrationsFolder });
    const fresh = join(dir, 'backup-1.db');
    await backupDatabase(sqlite, fresh);
    const existing = join(dir, 'backup-2.db');
    writeFileSync(existing, '');
    chmodSync(existing, 0o666);
    await backupDatabase(sqlite, existing);
    expectOwnerOnly([fresh, existing]);
    sqlite.close();
  });

  it('keeps the SMTP key file beside the database owner-only', () => {
    const path = join(dir, 'keyed.db');
    const app = createApp({ dbPath: path });
    app.ctx.secrets.encrypt('smtp password');
    expectOwnerOnly([`${path}.key`]);
    app.close();
  });
});
