// Command-line restore, for when the app cannot be opened or nobody can sign in:
//   npm run restore -- --db <database> <backup file or name>   replaces the database with the backup
//   npm run restore -- --db <database> --list                   lists the backups of the database
// It owns the database while it runs (the same lock as the app): refused while the desktop app or
// `npm run serve` has the file open. The same checks as Admin › Backups: the current state is backed up
// first; a damaged backup or one from a newer version is refused and nothing changes.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../shared/errors';
import { createApp, type App } from './app';

const usage = 'Usage: npm run restore -- --db <database> <backup file or name>\n       npm run restore -- --db <database> --list';

/** Plain English for the refusals a restore can meet (the screens translate the same codes). */
function describeRestoreError(error: unknown): string {
  if (!(error instanceof DomainError)) return error instanceof Error ? error.message : String(error);
  const d = error.details;
  switch (error.code) {
    case 'DATABASE_IN_USE':
      return error.message;
    case 'BACKUP_NEWER_SCHEMA':
      return `The backup was made by a newer version of MSP Inventory (${String(d.backupMigrations)} migrations; this version knows ${String(d.appMigrations)}). Update the app, then restore it.`;
    case 'BACKUP_CORRUPT':
      return `The backup cannot be restored: ${corruptReason(String(d.reason))}. Nothing was changed; choose another backup.`;
    case 'BACKUP_FAILED':
      return `The current state could not be backed up first (${String(d.reason)}${d.cause ? `: ${String(d.cause)}` : ''}), so nothing was restored. Check the backups folder and free disk space.`;
    case 'NOT_FOUND':
      return `No such backup: ${String(d.file ?? d.name)}.`;
    default:
      return `${error.code}: ${error.message}`;
  }
}

function corruptReason(reason: string): string {
  switch (reason) {
    case 'notADatabase':
      return 'it is not a database file';
    case 'integrity':
      return 'the file is damaged (SQLite integrity check)';
    case 'notInventory':
      return 'it is not an MSP Inventory database';
    case 'migration':
      return 'it cannot be upgraded to this version';
    case 'ledger':
      return 'its stock ledger does not add up (integrity check of the stock balances)';
    default:
      return reason;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

async function main(): Promise<number> {
  process.umask(0o077);
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { db: { type: 'string' }, list: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help || !values.db || (!values.list && positionals.length !== 1)) {
    console.error(usage);
    return 2;
  }
  let app: App;
  try {
    app = createApp({ dbPath: resolve(values.db) });
  } catch (error) {
    console.error(describeRestoreError(error));
    return error instanceof DomainError && error.code === 'DATABASE_IN_USE' ? 3 : 1;
  }
  try {
    if (values.list) {
      const { folder, backups } = app.backups.list();
      console.log(`Backups in ${folder}:`);
      for (const b of backups) console.log(`  ${b.name}  ${new Date(b.createdAt).toLocaleString()}  ${formatBytes(b.size)}  app ${b.appVersion}  ${b.reason}`);
      if (backups.length === 0) console.log('  (none)');
      return 0;
    }
    const given = positionals[0]!;
    const source = existsSync(given) ? { file: given } : { name: given };
    console.log('Checking the backup and backing up the current state…');
    const { restored, safetyBackup } = await app.backups.restore(source);
    console.log(`Restored ${restored.name} (${new Date(restored.createdAt).toLocaleString()}) into ${resolve(values.db)}.`);
    console.log(`The state before the restore is in ${safetyBackup.name} (${app.backups.folder()}).`);
    return 0;
  } catch (error) {
    console.error(describeRestoreError(error));
    return 1;
  } finally {
    app.close();
  }
}

process.exitCode = await main();
