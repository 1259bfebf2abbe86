// One process owns a database file: the desktop app and `npm run serve` (or two serves) on the same file
// would each keep sessions, change events and caches of their own and miss each other's writes. The owner
// holds `<db>.lock` (pid, host, start time; owner-only), created exclusively at open and removed at close
// and at exit. A lock whose process is gone from this computer is stale and taken over.
//
// Taking over is race-free: a lock file is only ever created whole and exclusively (a private temporary
// file hard-linked into place, which fails if the name exists), and a stale lock is only removed by the
// one process that exclusively claimed `<db>.lock.<its nonce>` — a claim file named after that very lock,
// itself a lock, stale-checked the same way. Two processes that both find the same stale lock can never
// both remove it, nor remove the fresh lock that replaced it.
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { DomainError } from '@shared/errors';

export interface LockHolder {
  pid: number;
  host: string;
  /** Epoch ms when the holder took the lock. */
  startedAt: number;
  /** Names this one taking of the lock (a pid can be reused; a nonce is not). */
  nonce: string;
}

export interface DatabaseLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours; idempotent. */
  release(): void;
}

export interface LockOptions {
  /** Tests: whether a process of this computer is running (default: signal 0). */
  isRunning?: (pid: number) => boolean;
  /** Tests: when this computer started, epoch ms (a lock from before it is stale whatever its pid). */
  bootTime?: number;
  /** Tests: runs just before a stale lock is removed, to interleave a competing opener there. */
  beforeTakeOver?: (stale: LockHolder) => void;
}

export function lockPathOf(dbPath: string): string {
  return `${dbPath}.lock`;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists and belongs to another user — running all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Creates `path` holding `text`, whole, only if it does not exist yet (false if it does). */
function createExclusive(path: string, text: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links on this file system (FAT, some shares): an exclusive create is still exclusive, but a
    // reader may find it empty for a moment — readHolder then waits.
    try {
      writeFileSync(path, text, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    unlinkSync(tmp);
  }
}

type Read = LockHolder | 'missing' | 'unreadable';

function readHolder(path: string): Read {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.startedAt === 'number' && typeof value.nonce === 'string' && /^[0-9a-f]{8,64}$/.test(value.nonce)) {
      return value as LockHolder;
    }
  } catch {
    // falls through: not a lock this app wrote
  }
  return 'unreadable';
}

function inUse(dbPath: string, holder: LockHolder | null): DomainError {
  const who = holder ? `process ${holder.pid} on ${holder.host}, since ${new Date(holder.startedAt).toISOString()}` : 'a process that left an unreadable lock file';
  return new DomainError(
    'DATABASE_IN_USE',
    { path: dbPath, lockFile: lockPathOf(dbPath), pid: holder?.pid ?? null, host: holder?.host ?? null, startedAt: holder?.startedAt ?? null },
    `The database ${dbPath} is in use by another copy of MSP Inventory (${who}). ` +
      `Close that copy (the desktop app, or the \`npm run serve\` window) and try again. ` +
      `If none is running, delete ${lockPathOf(dbPath)}.`,
  );
}

/**
 * Takes the lock of `dbPath` for this process, or throws DATABASE_IN_USE naming the holder. A second
 * opener in this same process is refused too: one owner means one App.
 */
export function acquireDatabaseLock(dbPath: string, options: LockOptions = {}): DatabaseLock {
  const isRunning = options.isRunning ?? processIsRunning;
  const bootTime = options.bootTime ?? Date.now() - uptime() * 1000;
  const host = hostname();
  const mine: LockHolder = { pid: process.pid, host, startedAt: Date.now(), nonce: randomBytes(16).toString('hex') };
  const text = `${JSON.stringify(mine)}\n`;

  const isStale = (holder: LockHolder): boolean => {
    // Another computer's process (a shared folder) cannot be checked from here: it counts as running.
    if (holder.host !== host) return false;
    // Taken before this computer started: whatever now runs under that pid is not its owner. A minute of
    // slack covers the clock being set between the two.
    if (holder.startedAt < bootTime - 60_000) return true;
    return !isRunning(holder.pid);
  };

  /** Null when `path` is now ours; otherwise the live holder. Depth bounds claims of claims. */
  const claim = (path: string, depth: number): LockHolder | null => {
    let unreadableSeen = 0;
    let lastSeen: LockHolder | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      if (createExclusive(path, text)) return null;
      const holder = readHolder(path);
      if (holder === 'missing') continue;
      if (holder === 'unreadable') {
        // A lock being written on a file system without hard links reads empty for a moment.
        if (++unreadableSeen > 20) throw inUse(dbPath, null);
        sleepSync(5);
        continue;
      }
      if (!isStale(holder)) return holder;
      lastSeen = holder;
      if (depth >= 8) throw inUse(dbPath, holder);
      const claimPath = `${lockPathOf(dbPath)}.${holder.nonce}`;
      const rival = claim(claimPath, depth + 1);
      if (rival) {
        // Another opener is taking this stale lock over right now: see what it leaves.
        lastSeen = rival;
        sleepSync(10);
        continue;
      }
      try {
        options.beforeTakeOver?.(holder);
        // Only the claimant of this nonce removes this lock, so it is still the stale one if it has its nonce.
        const current = readHolder(path);
        if (current !== 'missing' && current !== 'unreadable' && current.nonce === holder.nonce) unlinkSync(path);
      } finally {
        // Once the stale lock is gone it can never come back, so its claim is no longer needed.
        removeIfOurs(claimPath, mine.nonce);
      }
    }
    throw inUse(dbPath, lastSeen);
  };

  const lockPath = lockPathOf(dbPath);
  const holder = claim(lockPath, 0);
  if (holder) throw inUse(dbPath, holder);
  let held = true;
  const lock: DatabaseLock = {
    path: lockPath,
    holder: mine,
    release() {
      if (!held) return;
      held = false;
      heldLocks.delete(lock);
      removeIfOurs(lockPath, mine.nonce);
    },
  };
  heldLocks.add(lock);
  ensureExitHook();
  return lock;
}

function removeIfOurs(path: string, nonce: string): void {
  const holder = readHolder(path);
  if (holder === 'missing' || holder === 'unreadable' || holder.nonce !== nonce) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// The locks this process holds, released when it exits without closing (an uncaught error, process.exit).
// Process-wide by nature: there is one exit per process, however many apps it builds.
const heldLocks = new Set<DatabaseLock>();
let exitHookInstalled = false;

function ensureExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lock of [...heldLocks]) {
      try {
        lock.release();
      } catch {
        // exiting anyway; a lock left behind is stale and taken over next time
      }
    }
  });
}
