// Checks a database file before it may replace the live one, on a private copy with its own connection:
// it must be a sound SQLite file (PRAGMA integrity_check), an inventory database no newer than this app
// (BACKUP_NEWER_SCHEMA), migrate to this app's schema, and its ledger must verify (every balance and cache
// recomputed from the moves). The copy is left migrated: it is what replaces the live file.
import Database from 'better-sqlite3';
import { DomainError } from '@shared/errors';
import { openDatabase } from '../db/open';
import { appliedSchema, isNewerThan, shippedSchema, type SchemaVersion } from '../db/schemaVersion';
import type { Ctx } from '../domain/context';
import { writeTransaction } from '../db/writeTransaction';
import { keyUnkeyedSerials } from '../domain/stock/serials';
import { verifyLedger } from '../domain/stock/verify';
import type { SecretBox } from '../secrets/secrets';

function corrupt(reason: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('BACKUP_CORRUPT', { reason, ...details });
}

// The check reads no secret; a box that refuses makes sure of it.
const noSecrets: SecretBox = {
  kind: 'keyFile',
  encrypt: () => {
    throw new Error('no secrets while checking a backup');
  },
  decrypt: () => {
    throw new Error('no secrets while checking a backup');
  },
};

/** The schema the copy held before it was migrated. Throws BACKUP_CORRUPT or BACKUP_NEWER_SCHEMA. */
export function checkBackupCopy(copyPath: string, options: { migrationsFolder: string; nativeBinding?: string; now: () => number }): SchemaVersion {
  const shipped = shippedSchema(options.migrationsFolder);
  let applied: SchemaVersion | null;
  let raw: Database.Database;
  try {
    raw = new Database(copyPath, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw corrupt('notADatabase', { cause: (error as { code?: string }).code ?? 'unknown' });
  }
  try {
    let problems: string[];
    try {
      problems = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unknown';
      throw corrupt(code === 'SQLITE_NOTADB' ? 'notADatabase' : 'integrity', { cause: code });
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw corrupt('integrity', { problems: problems.slice(0, 5) });
    applied = appliedSchema(raw);
    const hasLedger = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stock_moves'`).get();
    if (!applied || applied.migrations === 0 || !hasLedger) throw corrupt('notInventory');
    if (isNewerThan(applied, shipped)) {
      throw new DomainError('BACKUP_NEWER_SCHEMA', { backupMigrations: applied.migrations, appMigrations: shipped.migrations });
    }
  } finally {
    raw.close();
  }

  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({ path: copyPath, migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw corrupt('migration', { cause: (error as Error).message.slice(0, 200) });
  }
  try {
    const ctx: Ctx = { db: opened.db, sqlite: opened.sqlite, now: options.now, secrets: noSecrets };
    // What opening the live file would do next (migration 0004's JavaScript half), so the ledger is checked as it will be used.
    writeTransaction(opened.sqlite, () => keyUnkeyedSerials(ctx));
    const ledger = verifyLedger(ctx);
    if (!ledger.ok) throw corrupt('ledger', { differences: ledger.differences.length });
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw corrupt('ledger', { cause: (error as Error).message.slice(0, 200) });
  } finally {
    opened.sqlite.close();
  }
  return applied;
}
