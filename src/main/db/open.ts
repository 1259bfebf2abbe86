import { chmodSync, closeSync, copyFileSync, openSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { appliedSchema, pendingMigrations, shippedSchema } from './schemaVersion';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  /** File path, or ':memory:'. */
  path: string;
  migrationsFolder: string;
  /** Path to a better-sqlite3 build for Electron's ABI (desktop app only). */
  nativeBinding?: string;
  /**
   * Runs before migrations that will change the schema of a database holding data (not of a new one):
   * the pre-migration backup. Throwing stops the opening with nothing migrated.
   */
  beforeMigrate?: (sqlite: Sqlite, pending: number) => void;
}

const ownerOnly = 0o600;

/**
 * Makes a file readable and writable by its owner only (Linux/macOS; Windows has no such mode bits and
 * keeps the user profile's ACLs). The database holds every cost, user and password hash.
 */
export function restrictToOwner(path: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, ownerOnly);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** The database file and the files SQLite keeps beside it. */
function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}

/** Creates `path` owner-only if it does not exist yet, and makes it owner-only if it does. */
function ensureOwnerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', ownerOnly));
  restrictToOwner(path);
}

/** A database in a file of its own (not in memory, not a URI). */
export function isFilePath(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/** Opens the database, sets the pragmas the ledger relies on and applies pending migrations. */
export function openDatabase(options: OpenOptions): { sqlite: Sqlite; db: Db } {
  // SQLite creates -wal and -shm with the database file's own mode, so the file is made owner-only
  // before SQLite opens it; files left by an earlier version are tightened too.
  if (isFilePath(options.path)) {
    ensureOwnerOnlyFile(options.path);
    for (const file of databaseFiles(options.path)) restrictToOwner(file);
  }
  const sqlite = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  try {
    if (options.beforeMigrate) {
      const applied = appliedSchema(sqlite);
      const pending = pendingMigrations(applied, shippedSchema(options.migrationsFolder));
      if (applied && applied.migrations > 0 && pending > 0) options.beforeMigrate(sqlite, pending);
    }
    // Drizzle applies all pending migrations in one transaction: a failing one leaves the file as it was.
    migrate(db, { migrationsFolder: options.migrationsFolder });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (isFilePath(options.path)) for (const file of databaseFiles(options.path)) restrictToOwner(file);
  return { sqlite, db };
}

/**
 * A synchronous copy of the whole database into one new file, owner-only, for the pre-migration backup
 * (opening is synchronous; better-sqlite3's backup API is not). The owner of the lock has the only
 * writing connection then: once a checkpoint has copied every committed page of the log into the main
 * file, that file is the database and is copied as is. Should a reader keep the checkpoint from finishing,
 * SQLite's VACUUM INTO makes the consistent copy instead. (A passive checkpoint never waits on readers.)
 */
export function copyDatabaseSync(sqlite: Sqlite, sourcePath: string, destination: string): void {
  const [checkpoint] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  rmSync(destination, { force: true });
  if (checkpoint && checkpoint.busy === 0 && checkpoint.checkpointed === checkpoint.log) {
    copyFileSync(sourcePath, destination);
  } else {
    ensureOwnerOnlyFile(destination);
    sqlite.prepare('VACUUM INTO ?').run(destination);
  }
  restrictToOwner(destination);
}

/** Online backup to a file (consistent even while the app writes), owner-only like the database. */
export async function backupDatabase(sqlite: Sqlite, destination: string): Promise<void> {
  ensureOwnerOnlyFile(destination);
  await sqlite.backup(destination);
  for (const file of databaseFiles(destination)) restrictToOwner(file);
}
