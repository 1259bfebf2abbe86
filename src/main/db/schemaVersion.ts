// Which migrations a database holds, against those this app ships (drizzle/). Drizzle applies every
// migration newer than the last one recorded in __drizzle_migrations, so "newer" is decided the same way:
// a database whose last migration is later than ours (or that holds more of them) comes from a newer app.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Sqlite } from './open';

export interface SchemaVersion {
  /** Migrations applied (in the database) or shipped (by the app). */
  migrations: number;
  /** The `when` of the last one, epoch ms; null when there is none. */
  lastMigrationAt: number | null;
  /** Its hash (sha256 of its SQL), as drizzle records it; null when there is none. */
  lastHash: string | null;
}

/** What this app's migrations folder holds. */
export function shippedSchema(migrationsFolder: string): SchemaVersion & { times: number[] } {
  const migrations = readMigrationFiles({ migrationsFolder });
  const last = migrations.at(-1);
  return { migrations: migrations.length, lastMigrationAt: last?.folderMillis ?? null, lastHash: last?.hash ?? null, times: migrations.map((m) => m.folderMillis) };
}

/** What a database holds; null when it has no migrations table (a new, empty file, or not ours). */
export function appliedSchema(sqlite: Sqlite): SchemaVersion | null {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!table) return null;
  const row = sqlite.prepare(`SELECT count(*) AS n, max(CAST(created_at AS INTEGER)) AS at FROM __drizzle_migrations`).get() as { n: number; at: number | null };
  const last = sqlite.prepare(`SELECT hash FROM __drizzle_migrations ORDER BY CAST(created_at AS INTEGER) DESC, id DESC LIMIT 1`).get() as { hash: string } | undefined;
  return { migrations: row.n, lastMigrationAt: row.at, lastHash: last?.hash ?? null };
}

/** How many shipped migrations drizzle would apply to a database holding `applied`. */
export function pendingMigrations(applied: SchemaVersion | null, shipped: { times: number[] }): number {
  const after = applied?.lastMigrationAt ?? null;
  return after === null ? shipped.times.length : shipped.times.filter((t) => t > after).length;
}

/** The database was written by a newer app: restoring it here would run code that does not know its tables. */
export function isNewerThan(applied: SchemaVersion, shipped: SchemaVersion): boolean {
  if (applied.migrations > shipped.migrations) return true;
  return applied.lastMigrationAt !== null && (shipped.lastMigrationAt === null || applied.lastMigrationAt > shipped.lastMigrationAt);
}
