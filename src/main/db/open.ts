import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  /** File path, or ':memory:'. */
  path: string;
  migrationsFolder: string;
  /** Path to a better-sqlite3 build for Electron's ABI (desktop app only). */
  nativeBinding?: string;
}

/** Opens the database, sets the pragmas the ledger relies on and applies pending migrations. */
export function openDatabase(options: OpenOptions): { sqlite: Sqlite; db: Db } {
  const sqlite = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: options.migrationsFolder });
  return { sqlite, db };
}

/** Online backup to a file (consistent even while the app writes). */
export async function backupDatabase(sqlite: Sqlite, destination: string): Promise<void> {
  await sqlite.backup(destination);
}
