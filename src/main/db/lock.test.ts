// The database lock: one owner per file, refused openers told who holds it, stale locks (their process
// gone, or from before this computer started) taken over — by exactly one opener, even when several race.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { acquireDatabaseLock, lockPathOf, type LockHolder } from './lock';

const repoRoot = resolve(import.meta.dirname, '../../..');
let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-lock-'));
  dbPath = join(dir, 'office.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that surely ran on this computer and is gone: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(holder: Partial<LockHolder>, path = lockPathOf(dbPath)): LockHolder {
  const full: LockHolder = { pid: deadPid(), host: hostname(), startedAt: Date.now() - 1000, nonce: 'ab'.repeat(16), ...holder };
  writeFileSync(path, JSON.stringify(full), { mode: 0o600 });
  return full;
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected DATABASE_IN_USE');
}

function leftovers(): string[] {
  return readdirSync(dir).filter((name) => name !== 'office.db.lock');
}

describe('database lock', () => {
  it('is a file beside the database naming this process, owner-only, removed on release', () => {
    const lock = acquireDatabaseLock(dbPath);
    const path = lockPathOf(dbPath);
    expect(path).toBe(`${dbPath}.lock`);
    const content = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    expect(content).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Math.abs(content.startedAt - Date.now())).toBeLessThan(10_000);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual([]);
    lock.release();
    expect(existsSync(path)).toBe(false);
    lock.release();
    // Released, it can be taken again.
    acquireDatabaseLock(dbPath).release();
  });

  it('refuses a second opener, in this process too, naming the holder', () => {
    const lock = acquireDatabaseLock(dbPath);
    for (let i = 0; i < 3; i++) {
      const error = refusal(() => acquireDatabaseLock(dbPath));
      expect(error.code).toBe('DATABASE_IN_USE');
      expect(error.details).toMatchObject({ pid: process.pid, host: hostname(), lockFile: lockPathOf(dbPath), path: dbPath });
      expect(error.message).toContain(String(process.pid));
      expect(error.message).toContain(lockPathOf(dbPath));
    }
    // The refused attempts changed nothing: still ours, and releasing removes it.
    expect((JSON.parse(readFileSync(lockPathOf(dbPath), 'utf8')) as LockHolder).nonce).toBe(lock.holder.nonce);
    lock.release();
    expect(existsSync(lockPathOf(dbPath))).toBe(false);
  });

  it('locks each file on its own', () => {
    const a = acquireDatabaseLock(dbPath);
    const b = acquireDatabaseLock(join(dir, 'other.db'));
    a.release();
    b.release();
  });

  it('takes over a lock whose process is gone', () => {
    const stale = writeLock({});
    const lock = acquireDatabaseLock(dbPath);
    const content = JSON.parse(readFileSync(lockPathOf(dbPath), 'utf8')) as LockHolder;
    expect(content.pid).toBe(process.pid);
    expect(content.nonce).not.toBe(stale.nonce);
    expect(leftovers()).toEqual([]);
    lock.release();
  });

  it('takes over a lock taken before this computer started, even if its pid now runs something else', () => {
    writeLock({ pid: process.pid, startedAt: Date.now() - 3 * 24 * 3600_000 });
    const lock = acquireDatabaseLock(dbPath, { bootTime: Date.now() - 3600_000 });
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock of a running process, and one from another computer whatever its pid', () => {
    const running = writeLock({ pid: process.ppid });
    expect(refusal(() => acquireDatabaseLock(dbPath)).details).toMatchObject({ pid: running.pid });
    writeLock({ host: 'another-pc.local' });
    const error = refusal(() => acquireDatabaseLock(dbPath, { isRunning: () => false }));
    expect(error.details).toMatchObject({ host: 'another-pc.local' });
    expect(error.message).toContain('another-pc.local');
  });

  it('refuses a lock file it cannot read rather than guess, and says which file to delete', () => {
    for (const garbage of ['', 'not json', '{"pid":"1"}', JSON.stringify({ pid: 1, host: 'x', startedAt: 0, nonce: '../../etc' })]) {
      writeFileSync(lockPathOf(dbPath), garbage);
      const error = refusal(() => acquireDatabaseLock(dbPath));
      expect(error.code).toBe('DATABASE_IN_USE');
      expect(error.message).toContain(lockPathOf(dbPath));
      expect(readFileSync(lockPathOf(dbPath), 'utf8')).toBe(garbage);
    }
  });

  it('never removes a lock that is no longer the stale one it found', () => {
    // While A is about to remove the stale lock, B tries too: B must not take it (A's claim is live) and
    // A ends up the only owner.
    const stale = writeLock({});
    let competitor: unknown = null;
    const lock = acquireDatabaseLock(dbPath, {
      beforeTakeOver: (found) => {
        expect(found.nonce).toBe(stale.nonce);
        try {
          acquireDatabaseLock(dbPath).release();
          competitor = 'acquired';
        } catch (error) {
          competitor = error;
        }
      },
    });
    expect(competitor).toBeInstanceOf(DomainError);
    expect((competitor as DomainError).code).toBe('DATABASE_IN_USE');
    expect((JSON.parse(readFileSync(lockPathOf(dbPath), 'utf8')) as LockHolder).nonce).toBe(lock.holder.nonce);
    expect(leftovers()).toEqual([]);
    lock.release();
  });

  it('takes over past a claim left by an opener that died while taking over', () => {
    const stale = writeLock({});
    // The dead opener had claimed the stale lock (its claim file is named after that lock's nonce).
    writeLock({ nonce: 'cd'.repeat(16) }, `${lockPathOf(dbPath)}.${stale.nonce}`);
    const lock = acquireDatabaseLock(dbPath);
    expect(lock.holder.pid).toBe(process.pid);
    expect(leftovers()).toEqual([]);
    lock.release();
  });

  it('does not remove a lock on release once another process has taken it', () => {
    const lock = acquireDatabaseLock(dbPath);
    const other = writeLock({ pid: process.ppid, nonce: 'ef'.repeat(16) });
    lock.release();
    expect((JSON.parse(readFileSync(lockPathOf(dbPath), 'utf8')) as LockHolder).nonce).toBe(other.nonce);
  });
});

describe('database lock across processes', () => {
  /** Runs a child that takes the lock, reports, then holds it until stdin closes or exits as told. */
  function child(script: string): Promise<string> {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    return new Promise((resolveChild) => proc.on('close', () => resolveChild(out.trim())));
  }
  const take = (extra: string) =>
    `import { acquireDatabaseLock } from './src/main/db/lock.ts';
     try { const lock = acquireDatabaseLock(${JSON.stringify(dbPath)}); console.log('won'); ${extra} }
     catch (error) { console.log(error.code); }`;

  it('releases the lock when the process exits without closing, and a killed owner leaves a stale lock', async () => {
    expect(await child(take('process.exit(0);'))).toBe('won');
    expect(existsSync(lockPathOf(dbPath))).toBe(false);
    expect(await child(take("process.kill(process.pid, 'SIGKILL');"))).toContain('won');
    expect(existsSync(lockPathOf(dbPath))).toBe(true);
    const lock = acquireDatabaseLock(dbPath);
    lock.release();
  });

  it('lets exactly one of several processes racing for a stale lock take it', async () => {
    const go = join(dir, 'go');
    const done = join(dir, 'done');
    const wait = (file: string) => `while (!existsSync(${JSON.stringify(file)})) await new Promise((r) => setTimeout(r, 2));`;
    // Each child waits for "go" so they all race at once; the winner holds the lock until "done".
    const racer = `import { existsSync } from 'node:fs'; import { acquireDatabaseLock } from './src/main/db/lock.ts';
      console.log('ready'); ${wait(go)}
      let lock = null; try { lock = acquireDatabaseLock(${JSON.stringify(dbPath)}); console.log('won'); } catch (error) { console.log(error.code); }
      ${wait(done)} lock?.release();`;
    writeLock({});
    let ready = 0;
    let decided = 0;
    const results = Array.from({ length: 4 }, () => {
      const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', racer], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.stdout.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        out += text;
        if (text.includes('ready') && ++ready === 4) writeFileSync(go, '');
        if (/won|DATABASE_IN_USE/.test(text) && ++decided === 4) writeFileSync(done, '');
      });
      return new Promise<string>((resolveChild) => proc.on('close', () => resolveChild(out.replace('ready', '').trim())));
    });
    const answers = await Promise.all(results);
    expect(answers.filter((r) => r === 'won'), answers.join(', ')).toHaveLength(1);
    expect(answers.filter((r) => r === 'DATABASE_IN_USE')).toHaveLength(3);
    expect(existsSync(lockPathOf(dbPath))).toBe(false);
    expect(leftovers().filter((name) => name !== 'go' && name !== 'done')).toEqual([]);
  });
});
