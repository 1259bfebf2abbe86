// Composition root: builds the services from a database path and a clock. No electron import, no
// module-level singletons: tests, the desktop app and the headless host each build their own.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../shared/contract';
import { DomainError } from '../shared/errors';
import type { ChangeEvent } from '../shared/events';
import type { Area } from '../shared/contract';
import type { Result } from '../shared/errors';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { handlers } from './api';
import { backupHandlers } from './api/backups';
import { dispatch, type DispatchDeps } from './api/dispatch';
import { ioHandler } from './api/io';
import { Maintenance } from './backups/maintenance';
import { backUpBeforeMigration, createBackupService, type BackupService } from './backups/service';
import { acquireDatabaseLock } from './db/lock';
import { isFilePath, openDatabase } from './db/open';
import type { PasswordCost } from './domain/auth/password';
import { SignInThrottle } from './domain/auth/throttle';
import { createUser, getUser, SessionStore, userCount } from './domain/auth/users';
import type { Ctx } from './domain/context';
import { tellOverdue } from './domain/notifications/conditions';
import { isActive } from './domain/settings/activations';
import { desktopNoticesOf, type DesktopNotice } from './domain/notifications/notifications';
import { discardNotices, flushNotices, takeNotified } from './domain/notifications/notify';
import { createOutboxSender, type OutboxSender } from './mail/outbox';
import { writeTransaction } from './db/writeTransaction';
import { deferCheckpoints } from './db/checkpoints';
import { keyUnkeyedSerials } from './domain/stock/serials';
import { loadDemoData } from './demo/demo';
import { DEMO_ADMIN, demoPasswordHash } from './demo/passwords';
import { consoleLog, type AppLog } from './log/appLog';
import { keyFileSecretBox, type SecretBox } from './secrets/secrets';
import type { DemoCaller } from './demo/types';

export interface AppOptions {
  dbPath: string;
  migrationsFolder?: string;
  nativeBinding?: string;
  now?: () => number;
  /** Encrypts stored secrets; default: a key file beside the database (`<db>.key`). */
  secrets?: SecretBox;
  checkOutputs?: boolean;
  /** Slow calls and unexpected errors go here (the hosts pass a rotating file; default: standard error). */
  log?: AppLog;
  /** Calls slower than this many milliseconds are logged (default 100; tests pass 0 to see every call). */
  slowCallMs?: number;
  /** scrypt parameters for new password hashes: tests pass cheap ones; real use leaves it out. */
  passwordCost?: PasswordCost;
  /** Written into each backup's sidecar (default: package.json's version). */
  appVersion?: string;
  /** Where backups go while the settings name no folder (default: `backups` beside the database). */
  backupFolder?: string;
  /** SMTP timeout of the notification e-mails, per connection (tests pass a short one). */
  mailTimeoutMs?: number;
}

export type { ChangeEvent };
export type ChangeListener = (change: ChangeEvent) => void;

export interface App {
  ctx: Ctx;
  sessions: SessionStore;
  /**
   * Untyped entry used by the transports; a promise for the channels that do I/O (PDF, e-mail) or hash
   * passwords. `address` is where the call came from, for throttling sign-ins (default 'local').
   */
  dispatch(channel: string, input: unknown, token: string | null, address?: string): Result<unknown> | Promise<Result<unknown>>;
  /** Typed entry for tests and scripts, for the synchronous channels (throws on an asynchronous one). */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>, token: string | null): Result<ChannelOutput<C>>;
  /** Typed entry for any channel. */
  callAsync<C extends ChannelName>(channel: C, input: ChannelInput<C>, token: string | null, address?: string): Promise<Result<ChannelOutput<C>>>;
  /** `serve --demo`: on a database without users, creates the demo admin (admin / admin) and the demo data. */
  loadDemoIntoEmptyDatabase(): boolean;
  /** Backups of this database: list, on demand, on a schedule, on close, and restore. */
  backups: BackupService;
  /** While a restore replaces the database every call answers MAINTENANCE (the read pool asks this first). */
  inMaintenance(): boolean;
  /** The log dispatch writes to (the hosts hand it to their transports too). */
  log: AppLog;
  /**
   * Subscribes to committed changes: called once per mutation that answered ok and declares areas, after
   * its transaction committed. Returns the unsubscribe function.
   */
  onChange(listener: ChangeListener): () => void;
  /**
   * The user of a live session if that user is still active, else null; without counting as use (an open
   * event stream keeps nobody signed in) and without a database read when the session has ended.
   */
  liveUser(token: string | null): number | null;
  /**
   * The user's notifications after `afterId` that pop up on the desktop, in the user's language (the desktop
   * app's main process shows them); `afterId` null only says where the user's notifications stand.
   */
  desktopNotices(userId: number, afterId: number | null): { lastId: number; notices: DesktopNotice[] };
  /** The notification e-mails: sent after the actions that queued them commit, retried with back-off. */
  mail: OutboxSender;
  /** Tells what became overdue (orders, back orders) since the last sweep, in a transaction of its own; returns how many. */
  sweepConditions(): number;
  /** The hosts' background work for notifications: the outbox timer and the hourly sweep (stopped by close). */
  startNotifications(): void;
  /** Stops the backup schedule and the notifications' timers, closes the database and releases its lock. */
  close(): void;
}

export const defaultMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** package.json's version (src/main and out/main both sit two levels below it, in the repository and in the package). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function createApp(options: AppOptions): App {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  const now = options.now ?? Date.now;
  const appVersion = options.appVersion ?? packageVersion();
  const log = options.log ?? consoleLog();
  // One process owns a database file: taken before opening, released by close (or at exit).
  const lock = isFilePath(options.dbPath) ? acquireDatabaseLock(options.dbPath) : null;
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({
      path: options.dbPath,
      migrationsFolder,
      nativeBinding: options.nativeBinding,
      beforeMigrate: (sqlite) => {
        backUpBeforeMigration(sqlite, { dbPath: options.dbPath, nativeBinding: options.nativeBinding, appVersion, now, defaultFolder: options.backupFolder });
      },
    });
  } catch (error) {
    // A failed migration (or its backup) leaves the file as it was and another opener free to try.
    lock?.release();
    throw error;
  }
  const { sqlite, db } = opened;
  const ctx: Ctx = { db, sqlite, now, secrets: options.secrets ?? keyFileSecretBox(`${options.dbPath}.key`), passwordCost: options.passwordCost };
  try {
    // The JavaScript half of migration 0004 (serial keys need Unicode rules SQL lacks); a no-op once keyed.
    writeTransaction(sqlite, () => keyUnkeyedSerials(ctx));
  } catch (error) {
    sqlite.close();
    lock?.release();
    throw error;
  }
  const sessions = new SessionStore();
  const maintenance = new Maintenance();
  const checkpoints = deferCheckpoints(sqlite, { paused: () => maintenance.active, onError: (error) => log.error('A checkpoint of the write-ahead log failed', error) });
  const backups = createBackupService({
    sqlite,
    dbPath: options.dbPath,
    migrationsFolder,
    nativeBinding: options.nativeBinding,
    appVersion,
    now,
    defaultFolder: options.backupFolder,
    maintenance,
    afterRestore: () => {
      // The restored file was migrated while it was checked; opening does this much again, harmlessly.
      migrate(db, { migrationsFolder });
      writeTransaction(sqlite, () => keyUnkeyedSerials(ctx));
      // The restored users are not necessarily those the sessions name: everyone signs in again.
      sessions.endAll();
    },
    log: (message, error) => log.error(message, error),
  });
  const deps: DispatchDeps = {
    ctx,
    sessions,
    throttle: new SignInThrottle(),
    handlers: { ...handlers, ...backupHandlers(backups) },
    loadDemoData: (adminUserId) => runDemo(adminUserId),
    checkOutputs: options.checkOutputs,
    log,
    slowCallMs: options.slowCallMs,
  };

  /** Demo data goes through the same channels as a user would, each at a backdated clock. */
  function runDemo(adminUserId: number): void {
    const token = sessions.create(adminUserId);
    let at = ctx.now();
    const demoDeps: DispatchDeps = {
      ...deps,
      ctx: { ...ctx, now: () => at },
      // The demo's users have published passwords, hashed beforehand: the run stays synchronous.
      handlers: { ...deps.handlers, 'users.create': ioHandler({ write: (input, call) => createUser(call.ctx, { ...input, passwordHash: demoPasswordHash(input.password) }) }) },
    };
    const caller: DemoCaller = (channel, input, when) => {
      at = when;
      const result = dispatch(demoDeps, channel, input, token);
      if (result instanceof Promise) throw new Error(`demo: ${channel} answers asynchronously`);
      if (!result.ok) throw new DomainError(result.error.code, { ...result.error.details, channel }, `demo: ${channel} failed with ${result.error.code}`);
      return result.data as never;
    };
    const lastUserBefore = (ctx.sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM users').get() as { id: number }).id;
    try {
      loadDemoData(caller, ctx.now());
    } finally {
      sessions.end(token);
      // Users the demo creates have published passwords: mark them so serve stays on loopback.
      ctx.sqlite.prepare('UPDATE users SET is_demo = 1 WHERE id > ?').run(lastUserBefore);
    }
  }
  const changeListeners = new Set<ChangeListener>();
  /** Tells the listeners; one that throws is logged and neither stops the others nor changes the answer. */
  function emitChange(change: ChangeEvent): void {
    for (const listener of [...changeListeners]) {
      try {
        listener(change);
      } catch (error) {
        log.error('A change listener failed', error);
      }
    }
  }
  /**
   * Wraps a call so a committed mutation is told: dispatch answers only after its transaction has
   * committed (or rolled back, answering an error), so an ok answer is the commit. The caller is read
   * before the call: signing out or changing a password may end the session the call came with.
   */
  function announcing(channel: string, token: string | null, run: () => Result<unknown> | Promise<Result<unknown>>): Result<unknown> | Promise<Result<unknown>> {
    const def = Object.hasOwn(contract, channel) ? contract[channel as ChannelName] : undefined;
    if (!def || def.kind !== 'mutation' || def.changes.length === 0) return run();
    const caller = sessions.peek(token);
    const announce = (result: Result<unknown>): Result<unknown> => {
      // A first setup has no caller yet: the user it creates is the one who made the change.
      const userId = caller ?? (result.ok ? ((result.data as { user?: { id?: number } } | null)?.user?.id ?? null) : null);
      const notified = takeNotified(ctx);
      // An I/O call may answer an error after a write of its own committed and told someone (a purchase
      // order's e-mail to its vendor failed, recorded and told to the purchasing team): that is announced too.
      if (result.ok || notified.length > 0) {
        const declared: readonly Area[] = def.changes;
        const areas = notified.length > 0 && !declared.includes('notifications') ? [...declared, 'notifications' as const] : declared;
        emitChange({ areas, userId, at: ctx.now(), channel: channel as ChannelName, ...(notified.length > 0 ? { notified } : {}) });
        // Mail it queued (or a server just set, or e-mails sent again) goes out now, after the commit.
        if (notified.length > 0 || areas.includes('settings') || areas.includes('notifications')) mail.kick();
      }
      return result;
    };
    const result = run();
    return result instanceof Promise ? result.then(announce) : announce(result);
  }
  const mail = createOutboxSender({
    ctx,
    log,
    inMaintenance: () => maintenance.active,
    timeoutMs: options.mailTimeoutMs,
    // Administrators watching the outbox see messages leave or fail.
    onRecorded: (notified) => emitChange({ areas: ['notifications'], userId: null, at: ctx.now(), channel: null, ...(notified.length > 0 ? { notified } : {}) }),
  });
  function sweepConditions(): number {
    // Orders and back orders are Inventory's: nothing to look for while it is off.
    if (maintenance.active || !sqlite.open || !isActive(ctx, 'inventory')) return 0;
    discardNotices(ctx);
    const told = writeTransaction(sqlite, () => {
      const n = tellOverdue(ctx);
      flushNotices(ctx);
      return n;
    });
    const notified = takeNotified(ctx);
    if (notified.length > 0) {
      emitChange({ areas: ['notifications'], userId: null, at: ctx.now(), channel: null, notified });
      mail.kick();
    }
    return told;
  }
  let sweepTimer: ReturnType<typeof setInterval> | null = null;
  // Every call of both transports passes here: during a restore it answers MAINTENANCE.
  const door = (channel: string, input: unknown, token: string | null, address?: string) =>
    maintenance.gate(() => announcing(channel, token, () => dispatch(deps, channel, input, token, address)));
  return {
    ctx,
    sessions,
    dispatch: door,
    call: (channel, input, token) => {
      const result = door(channel, input, token);
      if (result instanceof Promise) throw new Error(`${channel} answers asynchronously: use callAsync`);
      return result as Result<never>;
    },
    callAsync: async (channel, input, token, address) => (await door(channel, input, token, address)) as Result<never>,
    loadDemoIntoEmptyDatabase: () => {
      if (userCount(ctx) > 0) return false;
      const admin = createUser(ctx, {
        username: DEMO_ADMIN.username,
        displayName: 'Demo Admin',
        passwordHash: demoPasswordHash(DEMO_ADMIN.password),
        permissions: [],
        isAdmin: true,
        isDemo: true,
      });
      runDemo(admin.id);
      return true;
    },
    backups,
    log,
    mail,
    sweepConditions,
    desktopNotices: (userId, afterId) => desktopNoticesOf(ctx, userId, afterId),
    startNotifications: () => {
      mail.start();
      if (sweepTimer) return;
      const sweep = () => {
        try {
          sweepConditions();
        } catch (error) {
          log.error('The sweep for overdue documents failed', error);
        }
      };
      sweep();
      sweepTimer = setInterval(sweep, 60 * 60_000);
      sweepTimer.unref?.();
    },
    inMaintenance: () => maintenance.active,
    onChange: (listener) => {
      changeListeners.add(listener);
      return () => {
        changeListeners.delete(listener);
      };
    },
    liveUser: (token) => {
      const userId = sessions.peek(token);
      if (userId === null || maintenance.active || !sqlite.open) return null;
      try {
        return getUser(ctx, userId).active ? userId : null;
      } catch {
        return null;
      }
    },
    close: () => {
      backups.stopSchedule();
      mail.stop();
      if (sweepTimer) clearInterval(sweepTimer);
      sweepTimer = null;
      checkpoints.stop();
      if (sqlite.open) sqlite.close();
      lock?.release();
    },
  };
}
