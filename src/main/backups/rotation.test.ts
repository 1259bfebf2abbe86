// Rotation and the schedule over simulated days and weeks, with the clock injected: which backups stay,
// when one is due, and the same through the real service writing real files.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupReason } from '@shared/contract/backups';
import { createApp } from '../app';
import { createTestApp, type TestApp } from '../testing/harness';
import { backupsToDelete, dayOf, isBackupDue, nextDueAt, weekOf, type BackupStamp, type RetentionPolicy } from './rotation';
import { KEEP_EACH } from './service';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Noon local time of 2026-03-02, a Monday: each step of whole days stays at noon, on its own local day. */
const MONDAY = new Date(2026, 2, 2, 12).getTime();
const policy: RetentionPolicy = { keepDaily: 7, keepWeekly: 4, keepEach: 10 };

function stamps(times: number[], reason: BackupReason = 'scheduled'): BackupStamp[] {
  return times.map((createdAt, i) => ({ name: `${reason}-${String(i).padStart(3, '0')}.db`, createdAt, reason }));
}

function kept(backups: BackupStamp[], p = policy): BackupStamp[] {
  const doomed = new Set(backupsToDelete(backups, p));
  return backups.filter((b) => !doomed.has(b.name));
}

describe('calendar buckets', () => {
  it('puts Monday to Sunday in one week, named by its Monday', () => {
    for (let d = 0; d < 7; d++) expect(weekOf(MONDAY + d * DAY + (d % 2 ? 11 : -11) * HOUR)).toBe(dayOf(MONDAY));
    expect(weekOf(MONDAY + 7 * DAY)).toBe(dayOf(MONDAY + 7 * DAY));
    expect(weekOf(MONDAY - DAY)).toBe(dayOf(MONDAY - 7 * DAY));
  });
});

describe('rotation', () => {
  it('keeps nothing extra while there are fewer backups than the policy holds', () => {
    const few = stamps([0, 1, 2].map((d) => MONDAY + d * DAY));
    expect(backupsToDelete(few, policy)).toEqual([]);
    expect(backupsToDelete([], policy)).toEqual([]);
  });

  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks, across 60 days', () => {
    // Three backups a day (morning, noon, close) for 60 days.
    const times = Array.from({ length: 60 }, (_, d) => [MONDAY + d * DAY - 3 * HOUR, MONDAY + d * DAY, MONDAY + d * DAY + 5 * HOUR]).flat();
    const all = stamps(times);
    const left = kept(all);
    const lastDay = MONDAY + 59 * DAY;
    const newestOfDay = (d: number) => MONDAY + d * DAY + 5 * HOUR;
    const daily = Array.from({ length: 7 }, (_, i) => newestOfDay(59 - i));
    // Day 59 is the Thursday of the week starting on day 56; the weeks before start on days 49, 42, 35.
    expect(weekOf(lastDay)).toBe(dayOf(MONDAY + 56 * DAY));
    const weekly = [59, 55, 48, 41].map(newestOfDay);
    expect(left.map((b) => b.createdAt).sort((a, b) => a - b)).toEqual([...new Set([...daily, ...weekly])].sort((a, b) => a - b));
    // Two of the weeks' newest are among the last 7 days.
    expect(left).toHaveLength(7 + 2);
    // Deleted oldest first.
    const doomed = backupsToDelete(all, policy);
    expect(doomed[0]).toBe(all[0]!.name);
  });

  it('counts only days that have a backup: a long pause deletes nothing more', () => {
    const before = stamps(Array.from({ length: 10 }, (_, d) => MONDAY + d * DAY));
    const left = kept(before);
    // Months later, one more backup: the 6 newest of the old days stay, with the new one.
    const after = [...left, ...stamps([MONDAY + 200 * DAY], 'close').map((b) => ({ ...b, name: 'later.db' }))];
    const leftAfter = kept(after);
    expect(leftAfter.map((b) => b.name)).toContain('later.db');
    expect(leftAfter.filter((b) => b.createdAt >= MONDAY + 4 * DAY && b.createdAt <= MONDAY + 9 * DAY)).toHaveLength(6);
  });

  it('rotates backups by hand, before migrations and before restores apart: the newest of each', () => {
    const manual = stamps(Array.from({ length: 14 }, (_, i) => MONDAY + i * HOUR), 'manual');
    const migrations = stamps(Array.from({ length: 3 }, (_, i) => MONDAY + i * DAY), 'pre-migration');
    const restores = stamps(Array.from({ length: 12 }, (_, i) => MONDAY + i * DAY + HOUR), 'pre-restore');
    const auto = stamps(Array.from({ length: 20 }, (_, i) => MONDAY + i * DAY + 2 * HOUR));
    const left = kept([...manual, ...migrations, ...restores, ...auto]);
    const of = (reason: BackupReason) => left.filter((b) => b.reason === reason);
    expect(of('manual').map((b) => b.name)).toEqual(manual.slice(4).map((b) => b.name));
    expect(of('pre-migration')).toHaveLength(3);
    expect(of('pre-restore').map((b) => b.name)).toEqual(restores.slice(2).map((b) => b.name));
    expect(of('scheduled').length).toBeGreaterThanOrEqual(7);
  });

  it('treats close backups as automatic, and always keeps the newest backup', () => {
    const mixed = [...stamps(Array.from({ length: 5 }, (_, i) => MONDAY + i * DAY)), ...stamps(Array.from({ length: 5 }, (_, i) => MONDAY + i * DAY + HOUR), 'close')];
    const left = kept(mixed, { keepDaily: 2, keepWeekly: 0, keepEach: 0 });
    expect(left.map((b) => b.reason)).toEqual(['close', 'close']);
    const onlyManual = stamps([MONDAY], 'manual');
    expect(kept(onlyManual, { keepDaily: 1, keepWeekly: 0, keepEach: 0 })).toEqual(onlyManual);
  });

  it('honours other policies', () => {
    const all = stamps(Array.from({ length: 40 }, (_, d) => MONDAY + d * DAY));
    for (const [keepDaily, keepWeekly] of [
      [1, 0],
      [3, 1],
      [14, 0],
      [7, 8],
      [30, 2],
    ]) {
      const left = kept(all, { keepDaily, keepWeekly, keepEach: 0 });
      const dailyKept = all.slice(-keepDaily);
      for (const b of dailyKept) expect(left).toContainEqual(b);
      expect(left.length).toBeLessThanOrEqual(keepDaily + keepWeekly);
      expect(new Set(left.map((b) => weekOf(b.createdAt))).size).toBeGreaterThanOrEqual(Math.min(keepWeekly, 6));
    }
  });
});

describe('schedule', () => {
  it('is due when no backup was made in the current hour, day or week', () => {
    expect(isBackupDue('daily', null, MONDAY)).toBe(true);
    expect(isBackupDue('off', null, MONDAY)).toBe(false);
    expect(isBackupDue('daily', MONDAY - 11 * HOUR, MONDAY)).toBe(false);
    expect(isBackupDue('daily', MONDAY - 13 * HOUR, MONDAY)).toBe(true);
    expect(isBackupDue('hourly', MONDAY - 5 * 60_000, MONDAY)).toBe(true);
    expect(isBackupDue('hourly', MONDAY + 5 * 60_000, MONDAY + 50 * 60_000)).toBe(false);
    expect(isBackupDue('weekly', MONDAY, MONDAY + 6 * DAY)).toBe(false);
    expect(isBackupDue('weekly', MONDAY, MONDAY + 7 * DAY)).toBe(true);
    // A clock set back past the last backup backs up again rather than wait for it.
    expect(isBackupDue('daily', MONDAY + 3 * DAY, MONDAY)).toBe(true);
  });

  it('says when the next one falls due', () => {
    expect(nextDueAt('off', MONDAY, MONDAY)).toBeNull();
    expect(nextDueAt('daily', null, MONDAY)).toBe(MONDAY);
    expect(nextDueAt('daily', MONDAY, MONDAY + HOUR)).toBe(new Date(2026, 2, 3).getTime());
    expect(nextDueAt('hourly', MONDAY + 60_000, MONDAY + 120_000)).toBe(MONDAY + HOUR);
    expect(nextDueAt('weekly', MONDAY + 2 * DAY, MONDAY + 3 * DAY)).toBe(new Date(2026, 2, 9).getTime());
  });
});

describe('the schedule writing real backups', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  function files(): string[] {
    return readdirSync(join(t.dir, 'backups')).filter((f) => f.endsWith('.db'));
  }

  it('backs up once a day for 45 simulated days and keeps 7 daily + 4 weekly', async () => {
    t = createTestApp({ start: MONDAY });
    const made: string[] = [];
    for (let day = 0; day < 45; day++) {
      for (const hour of [0, 2, 4]) {
        t.clock.now = MONDAY + day * DAY + hour * HOUR;
        // Work happens between checks; only the first check of each day backs up.
        t.ok('catalog.saveCategory', { name: `Category ${day}-${hour}` });
        const backup = await t.app.backups.runScheduledIfDue();
        if (hour === 0) expect(backup, `day ${day}`).not.toBeNull();
        else expect(backup).toBeNull();
        if (backup) made.push(backup.name);
      }
    }
    expect(made).toHaveLength(45);
    const left = t.ok('backups.list', {}).backups;
    expect(left.every((b) => b.reason === 'scheduled')).toBe(true);
    const days = left.map((b) => Math.round((b.createdAt - MONDAY) / DAY)).sort((a, b) => a - b);
    // Days 38–44 (the last 7) and the newest of the weeks starting on days 35, 28 and 21 (that of day 42 is day 44).
    expect(days).toEqual([27, 34, 38, 39, 40, 41, 42, 43, 44]);
    expect(files().sort()).toEqual(left.map((b) => b.name).sort());
  });

  it('follows the settings: off makes none, hourly one an hour, and the kept counts', async () => {
    t = createTestApp({ start: MONDAY });
    t.ok('settings.update', { backupFrequency: 'off' });
    expect(await t.app.backups.runScheduledIfDue()).toBeNull();
    t.ok('settings.update', { backupFrequency: 'hourly', backupKeepDaily: 2, backupKeepWeekly: 0 });
    for (let h = 0; h < 50; h++) {
      t.clock.now = MONDAY + h * HOUR;
      expect(await t.app.backups.runScheduledIfDue(), `hour ${h}`).not.toBeNull();
      t.clock.now += 20 * 60_000;
      expect(await t.app.backups.runScheduledIfDue()).toBeNull();
    }
    const left = t.ok('backups.list', {}).backups;
    // The newest of the last two days that have one: Wednesday 13:00 and Tuesday 23:00.
    expect(left.map((b) => b.createdAt)).toEqual([MONDAY + 49 * HOUR, MONDAY + 35 * HOUR]);
  });

  it('makes none for a database nobody has set up yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msp-fresh-'));
    const fresh = createApp({ dbPath: join(dir, 'fresh.db'), now: () => MONDAY });
    try {
      expect(await fresh.backups.runScheduledIfDue()).toBeNull();
      expect(fresh.backups.list().backups).toEqual([]);
    } finally {
      fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the newest backups by hand', async () => {
    t = createTestApp({ start: MONDAY });
    for (let i = 0; i < KEEP_EACH + 3; i++) {
      t.clock.now += 60_000;
      await t.okAsync('backups.create', {});
    }
    const left = t.ok('backups.list', {}).backups;
    expect(left).toHaveLength(KEEP_EACH);
    expect(left[0]!.createdAt).toBe(t.clock.now);
  });

  it('backs up on close only when something changed since the last backup, and only if the settings say so', async () => {
    t = createTestApp({ start: MONDAY });
    // Created and set up in this session: a change.
    const first = await t.app.backups.backUpOnClose();
    expect(first?.reason).toBe('close');
    expect(await t.app.backups.backUpOnClose()).toBeNull();
    t.ok('catalog.saveCategory', { name: 'Printers' });
    t.clock.now += DAY;
    expect((await t.app.backups.backUpOnClose())?.reason).toBe('close');
    t.ok('settings.update', { backupOnClose: false });
    expect(await t.app.backups.backUpOnClose()).toBeNull();
    expect(t.ok('backups.list', {}).backups).toHaveLength(2);
  });

  it('tells the screen when the running schedule backs up next', async () => {
    t = createTestApp({ start: MONDAY });
    expect(t.ok('backups.list', {}).nextScheduledAt).toBeNull();
    t.app.backups.startSchedule({ firstCheckMs: 3_600_000, checkEveryMs: 3_600_000 });
    expect(t.ok('backups.list', {}).nextScheduledAt).toBe(MONDAY);
    await t.app.backups.runScheduledIfDue();
    expect(t.ok('backups.list', {}).nextScheduledAt).toBe(new Date(2026, 2, 3).getTime());
    t.app.backups.stopSchedule();
    expect(t.ok('backups.list', {}).nextScheduledAt).toBeNull();
  });
});
