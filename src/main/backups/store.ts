// The backups folder: one file per backup (a whole SQLite database, in rollback-journal mode so it opens
// alone), the SMTP key file beside it when the database has one (`<name>.key`), and a sidecar
// (`<name>.json`) saying when, by which app version, at which schema and why it was made. A backup is
// written under a hidden partial name and renamed into place last, so the list never shows half a file.
// Everything here is owner-only: files 0600, the default folder 0700.
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { backupReasons, type BackupInfo, type BackupReason } from '@shared/contract/backups';
import { DomainError } from '@shared/errors';
import { restrictToOwner } from '../db/open';
import { appliedSchema, type SchemaVersion } from '../db/schemaVersion';

export const SIDECAR_SUFFIX = '.json';
export const KEY_SUFFIX = '.key';

const sidecarSchema = z.object({
  format: z.literal(1),
  createdAt: z.number().int().min(0),
  size: z.number().int().min(0),
  appVersion: z.string(),
  schema: z.object({ migrations: z.number().int().min(0), lastMigrationAt: z.number().nullable(), lastHash: z.string().nullable() }),
  reason: z.enum(backupReasons),
  keyFile: z.boolean(),
  /** The database file it was taken from (its name only). */
  database: z.string(),
});
export type Sidecar = z.infer<typeof sidecarSchema>;

export interface StoredBackup extends BackupInfo {
  path: string;
  schema: SchemaVersion;
}

export function defaultBackupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** Creates the folder if needed; our own default folder is made owner-only, a folder the user chose is left as it is. */
export function ensureBackupFolder(folder: string, ownFolder: boolean): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (ownFolder && process.platform !== 'win32') chmodSync(folder, 0o700);
  } catch (error) {
    throw new DomainError('BACKUP_FAILED', { reason: 'folder', folder, cause: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

function stamp(at: number): string {
  // UTC in the name, so names sort by time whatever the time zone; the sidecar has the exact instant.
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '-');
}

/** A new name in `folder`, e.g. `inventory_20260115T090000-000Z_scheduled.db`. */
export function newBackupName(folder: string, dbPath: string, reason: BackupReason, at: number): string {
  const stem = basename(dbPath).replace(/\.(db|sqlite3?)$/i, '').replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'database';
  const base = `${stem}_${stamp(at)}_${reason}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base}-${n}.db`;
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, name + SIDECAR_SUFFIX))) return name;
  }
}

function readSidecar(path: string): Sidecar | null {
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toInfo(folder: string, name: string, sidecar: Sidecar): StoredBackup {
  return {
    name,
    path: join(folder, name),
    createdAt: sidecar.createdAt,
    size: sidecar.size,
    appVersion: sidecar.appVersion,
    schemaMigrations: sidecar.schema.migrations,
    reason: sidecar.reason,
    keyFile: sidecar.keyFile,
    schema: sidecar.schema,
  };
}

const backupFilePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*\.db$/;

/** The backups in `folder` (those with a readable sidecar), newest first; none when the folder does not exist. */
export function listBackups(folder: string): StoredBackup[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DomainError('BACKUP_FAILED', { reason: 'folder', folder, cause: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  const present = new Set(names);
  const backups: StoredBackup[] = [];
  for (const name of names) {
    if (!backupFilePattern.test(name) || !present.has(name + SIDECAR_SUFFIX)) continue;
    const sidecar = readSidecar(join(folder, name + SIDECAR_SUFFIX));
    if (sidecar) backups.push(toInfo(folder, name, sidecar));
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** The backup called `name` in `folder`, or NOT_FOUND. */
export function findBackup(folder: string, name: string): StoredBackup {
  const found = backupFilePattern.test(name) ? listBackups(folder).find((b) => b.name === name) : undefined;
  if (!found) throw new DomainError('NOT_FOUND', { entity: 'backup', name });
  return found;
}

/** Removes a backup and the files that travel with it. */
export function deleteBackup(folder: string, name: string): void {
  for (const suffix of ['', KEY_SUFFIX, SIDECAR_SUFFIX]) rmSync(join(folder, name + suffix), { force: true });
}

/** A hidden file in `folder` to write a copy into before it gets its name. */
export function partialPath(folder: string): string {
  return join(folder, `.partial-${process.pid}-${randomBytes(6).toString('hex')}.db`);
}

export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function writeOwnerOnly(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
  restrictToOwner(path);
}

export interface FinishOptions {
  folder: string;
  /** The copy just written (see partialPath); renamed into place, or removed on failure. */
  partial: string;
  dbPath: string;
  reason: BackupReason;
  createdAt: number;
  appVersion: string;
  /** better-sqlite3 built for Electron (desktop app): the copy is opened to switch its journal mode. */
  nativeBinding?: string;
}

/**
 * Turns a fresh copy into a listed backup: one self-contained file (rollback-journal mode, so opening it
 * needs no -wal/-shm), its key file, its sidecar, then its name.
 */
export function finishBackup(options: FinishOptions): StoredBackup {
  const { folder, partial, dbPath, reason, createdAt, appVersion, nativeBinding } = options;
  const name = newBackupName(folder, dbPath, reason, createdAt);
  const path = join(folder, name);
  try {
    const copy = new Database(partial, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    let schema: SchemaVersion;
    try {
      copy.pragma('journal_mode = DELETE');
      schema = appliedSchema(copy) ?? { migrations: 0, lastMigrationAt: null, lastHash: null };
    } finally {
      copy.close();
    }
    restrictToOwner(partial);
    const keyPath = `${dbPath}${KEY_SUFFIX}`;
    const keyFile = existsSync(keyPath);
    if (keyFile) {
      copyFileSync(keyPath, path + KEY_SUFFIX);
      restrictToOwner(path + KEY_SUFFIX);
    }
    const sidecar: Sidecar = { format: 1, createdAt, size: statSync(partial).size, appVersion, schema, reason, keyFile, database: basename(dbPath) };
    writeOwnerOnly(path + SIDECAR_SUFFIX, `${JSON.stringify(sidecar, null, 2)}\n`);
    renameSync(partial, path);
    return toInfo(folder, name, sidecar);
  } catch (error) {
    removeDatabaseFiles(partial);
    deleteBackup(folder, name);
    if (error instanceof DomainError) throw error;
    throw new DomainError('BACKUP_FAILED', { reason: 'write', folder, cause: (error as NodeJS.ErrnoException).code ?? 'unknown' }, `Backup failed: ${(error as Error).message}`);
  }
}

/** What the renderer and the list show of a stored backup. */
export function publicInfo(backup: StoredBackup): BackupInfo {
  const { path: _path, schema: _schema, ...info } = backup;
  return info;
}
