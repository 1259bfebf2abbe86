// Which backups to keep, and when the schedule backs up next: pure functions of the backups' times and
// the clock, in the host's local calendar (an office thinks in its own days and weeks).
//   Automatic backups (the schedule's and those made when the app closes): the newest of each of the
//   last `keepDaily` days that have one, and the newest of each of the last `keepWeekly` weeks
//   (Monday to Sunday) that have one. Days without a backup (a weekend, a holiday) use up nothing, so
//   time passing alone never deletes the last good copies.
//   The others (by hand, before a migration, before a restore) are kept per reason, the newest `keepEach`.
//   The newest backup of all is always kept.
import type { BackupReason } from '@shared/contract/backups';

export interface RetentionPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepEach: number;
}

export interface BackupStamp {
  name: string;
  createdAt: number;
  reason: BackupReason;
}

const automatic: ReadonlySet<BackupReason> = new Set(['scheduled', 'close']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar day of an instant, e.g. "2026-01-15". */
export function dayOf(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local week of an instant, named by its Monday. */
export function weekOf(at: number): string {
  const d = new Date(at);
  const sinceMonday = (d.getDay() + 6) % 7;
  return dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday, 12).getTime());
}

/** The local hour of an instant, e.g. "2026-01-15 09". */
export function hourOf(at: number): string {
  return `${dayOf(at)} ${pad(new Date(at).getHours())}`;
}

/** The newest of each of the first `count` buckets (newest first) that hold a backup. */
function newestPerBucket(newestFirst: BackupStamp[], bucket: (at: number) => string, count: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const backup of newestFirst) {
    if (seen.size >= count) break;
    const key = bucket(backup.createdAt);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(backup.name);
  }
  return kept;
}

/** The names to delete under `policy`, oldest first. */
export function backupsToDelete(backups: readonly BackupStamp[], policy: RetentionPolicy): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  const auto = newestFirst.filter((b) => automatic.has(b.reason));
  for (const name of newestPerBucket(auto, dayOf, policy.keepDaily)) keep.add(name);
  for (const name of newestPerBucket(auto, weekOf, policy.keepWeekly)) keep.add(name);
  const byReason = new Map<BackupReason, number>();
  for (const backup of newestFirst) {
    if (automatic.has(backup.reason)) continue;
    const seen = byReason.get(backup.reason) ?? 0;
    byReason.set(backup.reason, seen + 1);
    if (seen < policy.keepEach) keep.add(backup.name);
  }
  return newestFirst
    .filter((b) => !keep.has(b.name))
    .map((b) => b.name)
    .reverse();
}

export type BackupFrequency = 'off' | 'hourly' | 'daily' | 'weekly';

const periodOf: Record<Exclude<BackupFrequency, 'off'>, (at: number) => string> = { hourly: hourOf, daily: dayOf, weekly: weekOf };

/** A scheduled backup is due when no backup at all was made in the current hour, day or week. */
export function isBackupDue(frequency: BackupFrequency, lastBackupAt: number | null, now: number): boolean {
  if (frequency === 'off') return false;
  if (lastBackupAt === null) return true;
  const period = periodOf[frequency];
  return period(lastBackupAt) !== period(now);
}

/** When the next scheduled backup falls due: now if due, else the start of the next hour, day or week. */
export function nextDueAt(frequency: BackupFrequency, lastBackupAt: number | null, now: number): number | null {
  if (frequency === 'off') return null;
  if (isBackupDue(frequency, lastBackupAt, now)) return now;
  const d = new Date(lastBackupAt!);
  if (frequency === 'hourly') return new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours() + 1).getTime();
  if (frequency === 'daily') return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday + 7).getTime();
}
