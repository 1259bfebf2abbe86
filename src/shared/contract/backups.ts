import { z } from 'zod';
import { areas, channel, empty, epochMs } from './define';

/** Why a backup was made: by hand, by the schedule, when the app closed, or to keep the state before a change. */
export const backupReasons = ['manual', 'scheduled', 'close', 'pre-migration', 'pre-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** How often the schedule backs up: at most once per calendar hour, day or week (local time). */
export const backupFrequencies = ['off', 'hourly', 'daily', 'weekly'] as const;

/** A backup's file name in the backups folder (never a path: the host resolves it in its own folder). */
export const backupName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.db$/);

export const backupInfoSchema = z.object({
  name: backupName,
  createdAt: epochMs,
  /** Bytes of the database copy. */
  size: z.number().int().min(0),
  /** Version of the app that wrote it. */
  appVersion: z.string(),
  /** Migrations applied in it: a backup with more than this app knows cannot be restored here. */
  schemaMigrations: z.number().int().min(0),
  reason: z.enum(backupReasons),
  /** The SMTP key file (serve mode) was copied with it. */
  keyFile: z.boolean(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupsContract = {
  'backups.list': channel({
    kind: 'query',
    reads: ['backups', 'settings'],
    summary: 'The backups in the backups folder, newest first, with the folder and when the schedule backs up next.',
    permission: 'admin',
    input: empty,
    output: z.object({
      folder: z.string(),
      backups: z.array(backupInfoSchema),
      /** Migrations this app knows; backups with more are refused. */
      schemaMigrations: z.number().int(),
      /** When the schedule will next back up (null: schedule off, or not running in this process). */
      nextScheduledAt: epochMs.nullable(),
    }),
  }),
  'backups.create': channel({
    kind: 'mutation',
    io: true,
    changes: ['backups'],
    summary: 'Backs up the database now (an online copy: others keep working), with the SMTP key file when there is one.',
    permission: 'admin',
    input: empty,
    output: backupInfoSchema,
  }),
  'backups.restore': channel({
    kind: 'mutation',
    io: true,
    // A restore replaces everything: every client must reload.
    changes: areas,
    summary:
      'Replaces the database with a backup: backs up the current state first, refuses a damaged backup (BACKUP_CORRUPT: integrity check, ledger check) or one from a newer version (BACKUP_NEWER_SCHEMA), and meanwhile answers every other call with MAINTENANCE. Every session ends: sign in again.',
    permission: 'admin',
    input: z.object({ name: backupName }).strict(),
    output: z.object({ restored: backupInfoSchema, safetyBackup: backupInfoSchema }),
  }),
};
