// Built-in backups: online copies of the live database (SQLite's backup API: others keep working) on
// demand, on a schedule, when the app closes and before a restore; a synchronous copy before migrations
// change the schema. A restore checks a private copy of the chosen backup (check.ts), backs up the current
// state, then writes the checked copy into the live database through the backup API — one transaction on
// the live file, so other connections (the read pool) see the old or the new database, never a mix, and
// a crash midway leaves the old one — while maintenance mode refuses every other call.
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '@shared/contract/backups';
import type { Settings } from '@shared/contract/settings';
import { DomainError } from '@shared/errors';
import { backupDatabase, copyDatabaseSync, isFilePath, restrictToOwner, type Sqlite } from '../db/open';
import { shippedSchema } from '../db/schemaVersion';
import { defaultSettings } from '../domain/settings/settings';
import { checkBackupCopy } from './check';
import type { Maintenance } from './maintenance';
import { backupsToDelete, isBackupDue, nextDueAt, type BackupFrequency } from './rotation';
import { defaultBackupFolder, deleteBackup, ensureBackupFolder, findBackup, finishBackup, KEY_SUFFIX, listBackups, partialPath, publicInfo, removeDatabaseFiles, type StoredBackup } from './store';

/** Backups by hand, before a migration and before a restore: the newest this many of each are kept. */
export const KEEP_EACH = 10;

type BackupSettings = Pick<Settings, 'backupFolder' | 'backupFrequency' | 'backupOnClose' | 'backupKeepDaily' | 'backupKeepWeekly'>;
const backupSettingKeys = ['backupFolder', 'backupFrequency', 'backupOnClose', 'backupKeepDaily', 'backupKeepWeekly'] as const;

/**
 * The backup settings straight from the settings table, defaults for what is missing: this also runs
 * before migrations, when the domain's queries may not match the file's schema yet.
 */
export function readBackupSettings(sqlite: Sqlite): BackupSettings {
  const result: BackupSettings = { ...pickDefaults() };
  try {
    const rows = sqlite.prepare(`SELECT key, value FROM settings WHERE key IN (${backupSettingKeys.map(() => '?').join(', ')})`).all(...backupSettingKeys) as { key: keyof BackupSettings; value: string }[];
    for (const row of rows) (result as Record<string, unknown>)[row.key] = JSON.parse(row.value);
  } catch {
    // no settings table yet: the defaults
  }
  return result;
}

function pickDefaults(): BackupSettings {
  return Object.fromEntries(backupSettingKeys.map((k) => [k, defaultSettings[k]])) as BackupSettings;
}

function folderFor(dbPath: string, settings: BackupSettings, fallback?: string): { folder: string; own: boolean } {
  if (settings.backupFolder) return { folder: resolve(settings.backupFolder), own: false };
  return { folder: fallback ?? defaultBackupFolder(dbPath), own: true };
}

function rotate(folder: string, settings: BackupSettings, log: (message: string, error?: unknown) => void): void {
  const doomed = backupsToDelete(listBackups(folder), { keepDaily: settings.backupKeepDaily, keepWeekly: settings.backupKeepWeekly, keepEach: KEEP_EACH });
  for (const name of doomed) {
    try {
      deleteBackup(folder, name);
    } catch (error) {
      log(`Could not delete the old backup ${name}`, error);
    }
  }
}

export interface PreMigrationBackupOptions {
  dbPath: string;
  nativeBinding?: string;
  appVersion: string;
  now: () => number;
  defaultFolder?: string;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The backup before migrations change the schema of a database holding data (openDatabase's
 * beforeMigrate). Synchronous, like opening. A failure stops the opening: nothing is migrated unbacked.
 */
export function backUpBeforeMigration(sqlite: Sqlite, options: PreMigrationBackupOptions): StoredBackup {
  const settings = readBackupSettings(sqlite);
  const { folder, own } = folderFor(options.dbPath, settings, options.defaultFolder);
  ensureBackupFolder(folder, own);
  const partial = partialPath(folder);
  try {
    copyDatabaseSync(sqlite, options.dbPath, partial);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw new DomainError('BACKUP_FAILED', { reason: 'write', folder, cause: (error as NodeJS.ErrnoException).code ?? 'unknown' }, `Backup before migrating failed: ${(error as Error).message}`);
  }
  const backup = finishBackup({ folder, partial, dbPath: options.dbPath, reason: 'pre-migration', createdAt: options.now(), appVersion: options.appVersion, nativeBinding: options.nativeBinding });
  rotate(folder, settings, options.log ?? (() => undefined));
  return backup;
}

export interface BackupServiceOptions {
  sqlite: Sqlite;
  dbPath: string;
  migrationsFolder: string;
  nativeBinding?: string;
  appVersion: string;
  now: () => number;
  /** The folder when the settings name none (default: `backups` beside the database). */
  defaultFolder?: string;
  maintenance: Maintenance;
  /** After a restore wrote the backup into the live file: what opening does after migrating, and sessions end. */
  afterRestore: () => void;
  log?: (message: string, error?: unknown) => void;
}

export interface RestoreResult {
  restored: BackupInfo;
  safetyBackup: BackupInfo;
}

export interface BackupService {
  /** Where backups go now (the settings' folder, or the default). */
  folder(): string;
  list(): { folder: string; backups: BackupInfo[]; schemaMigrations: number; nextScheduledAt: number | null };
  /** An online backup now; backups run one at a time. */
  create(reason: Exclude<BackupReason, 'pre-migration'>): Promise<BackupInfo>;
  /** Replaces the database with a listed backup (`name`) or any database file (`file`, the command line). */
  restore(source: { name: string } | { file: string }): Promise<RestoreResult>;
  /** The schedule's check: backs up when none was made in the current hour/day/week. */
  runScheduledIfDue(): Promise<BackupInfo | null>;
  /** Checks the schedule now and then (timers that never keep the process alive). */
  startSchedule(options?: { checkEveryMs?: number; firstCheckMs?: number }): void;
  stopSchedule(): void;
  /** The backup when the app closes: if the settings ask for it and anything changed since the last backup. */
  backUpOnClose(): Promise<BackupInfo | null>;
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { sqlite, dbPath, maintenance } = options;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const settings = () => readBackupSettings(sqlite);
  const location = () => folderFor(dbPath, settings(), options.defaultFolder);
  const changeCount = () => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  // Writes by this connection since the last backup (or since opening): what a close backup would add.
  let changesAtLastBackup = changeCount();
  let chain: Promise<unknown> = Promise.resolve();
  let timers: { first: NodeJS.Timeout; every: NodeJS.Timeout } | null = null;

  /** One backup or restore at a time, in the order asked. */
  function queued<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  }

  async function write(reason: Exclude<BackupReason, 'pre-migration'>): Promise<StoredBackup> {
    if (!isFilePath(dbPath)) throw new DomainError('BACKUP_FAILED', { reason: 'inMemory' });
    const current = settings();
    const { folder, own } = folderFor(dbPath, current, options.defaultFolder);
    ensureBackupFolder(folder, own);
    const partial = partialPath(folder);
    const changes = changeCount();
    const createdAt = options.now();
    try {
      await backupDatabase(sqlite, partial);
    } catch (error) {
      removeDatabaseFiles(partial);
      throw new DomainError('BACKUP_FAILED', { reason: 'write', folder, cause: (error as NodeJS.ErrnoException).code ?? 'unknown' }, `Backup failed: ${(error as Error).message}`);
    }
    const backup = finishBackup({ folder, partial, dbPath, reason, createdAt, appVersion: options.appVersion, nativeBinding: options.nativeBinding });
    changesAtLastBackup = changes;
    rotate(folder, current, log);
    return backup;
  }

  /** The key file of a restored backup replaces ours whole (written aside, then renamed over). */
  function restoreKeyFile(sourcePath: string): boolean {
    const key = sourcePath + KEY_SUFFIX;
    if (!existsSync(key)) return false;
    const target = dbPath + KEY_SUFFIX;
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    copyFileSync(key, tmp);
    restrictToOwner(tmp);
    renameSync(tmp, target);
    return true;
  }

  async function restoreNow(sourcePath: string, listed: StoredBackup | null): Promise<RestoreResult> {
    const work = join(dirname(dbPath), `.restore-${process.pid}-${randomBytes(6).toString('hex')}.db`);
    try {
      copyFileSync(sourcePath, work);
      // A backup someone opened by hand may hold its last changes in its -wal.
      if (existsSync(`${sourcePath}-wal`)) copyFileSync(`${sourcePath}-wal`, `${work}-wal`);
      restrictToOwner(work);
      // Let the MAINTENANCE answers go out before the (synchronous) checks hold the thread.
      await new Promise((resolveSoon) => setImmediate(resolveSoon));
      const schema = checkBackupCopy(work, { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding, now: options.now });
      const safety = await write('pre-restore');
      const source = new Database(work, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
      try {
        await source.backup(dbPath);
      } finally {
        source.close();
      }
      // Fold the restored pages into the main file now, as far as readers allow (a passive checkpoint never waits).
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      const keyFile = restoreKeyFile(sourcePath);
      options.afterRestore();
      changesAtLastBackup = changeCount();
      const restored: BackupInfo = listed
        ? publicInfo(listed)
        : {
            name: basename(sourcePath),
            createdAt: Math.trunc(statSync(sourcePath).mtimeMs),
            size: statSync(sourcePath).size,
            appVersion: 'unknown',
            schemaMigrations: schema.migrations,
            reason: 'manual',
            keyFile,
          };
      return { restored, safetyBackup: publicInfo(safety) };
    } finally {
      removeDatabaseFiles(work);
    }
  }

  const service: BackupService = {
    folder: () => location().folder,
    list() {
      const current = settings();
      const { folder } = folderFor(dbPath, current, options.defaultFolder);
      const backups = listBackups(folder);
      return {
        folder,
        backups: backups.map(publicInfo),
        schemaMigrations: shippedSchema(options.migrationsFolder).migrations,
        nextScheduledAt: timers ? nextDueAt(current.backupFrequency as BackupFrequency, backups[0]?.createdAt ?? null, options.now()) : null,
      };
    },
    create: (reason) => queued(async () => publicInfo(await write(reason))),
    restore(source) {
      const listed = 'name' in source ? findBackup(location().folder, source.name) : null;
      const sourcePath = listed ? listed.path : resolve((source as { file: string }).file);
      if (!listed && !existsSync(sourcePath)) throw new DomainError('NOT_FOUND', { entity: 'backup', file: sourcePath });
      if (resolve(sourcePath) === resolve(dbPath)) throw new DomainError('VALIDATION', { reason: 'restoreOntoItself', field: 'name' });
      if (maintenance.active) throw new DomainError('MAINTENANCE', { reason: 'restore' });
      // Entered now, before any await: from here on every other call answers MAINTENANCE.
      const entered = maintenance.enter('restore');
      return queued(async () => {
        try {
          await entered;
          return await restoreNow(sourcePath, listed);
        } finally {
          maintenance.leave();
        }
      });
    },
    runScheduledIfDue() {
      const current = settings();
      const newest = listBackups(folderFor(dbPath, current, options.defaultFolder).folder)[0];
      if (maintenance.active || !isBackupDue(current.backupFrequency as BackupFrequency, newest?.createdAt ?? null, options.now())) return Promise.resolve(null);
      // A database nobody has set up yet (no user) holds nothing worth a copy.
      if ((sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n === 0) return Promise.resolve(null);
      return service.create('scheduled');
    },
    startSchedule({ checkEveryMs = 60_000, firstCheckMs = 15_000 } = {}) {
      if (timers) return;
      const check = () => {
        service.runScheduledIfDue().catch((error: unknown) => log('Scheduled backup failed', error));
      };
      timers = { first: setTimeout(check, firstCheckMs), every: setInterval(check, checkEveryMs) };
      timers.first.unref();
      timers.every.unref();
    },
    stopSchedule() {
      if (!timers) return;
      clearTimeout(timers.first);
      clearInterval(timers.every);
      timers = null;
    },
    async backUpOnClose() {
      if (!settings().backupOnClose || maintenance.active) return null;
      // Waits for a backup under way, then decides: it may already hold every change.
      await chain;
      if (changeCount() === changesAtLastBackup) return null;
      return service.create('close');
    },
  };
  return service;
}
