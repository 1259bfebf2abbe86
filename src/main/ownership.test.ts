// One process owns a database file, seen from the outside: a second app in this process, a second
// `npm run serve` and the command-line restore are refused with a readable message while another holds
// the file; a stopped or killed host leaves it free for the next one; the command-line restore works once
// the file is free.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { createApp } from './app';
import { lockPathOf } from './db/lock';

const repoRoot = resolve(import.meta.dirname, '../..');
let dir: string;
let dbPath: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-owner-'));
  dbPath = join(dir, 'office.db');
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function refusal(open: () => unknown): DomainError {
  try {
    open();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the second opener was not refused');
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function run(script: string, args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text, exit: new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code))) };
}

function serve(): Run {
  return run('src/main/server.ts', ['--db', dbPath, '--port', '0', '--no-build', '--read-workers', '0']);
}

async function serving(host: Run): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!/serving at http/.test(host.output())) {
    if (host.child.exitCode !== null || Date.now() > deadline) throw new Error(`the host did not start:\n${host.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// (The read pool's read-only connections open a file its app owns: backups.test.ts reads through one.)
describe('in this process', () => {
  it('refuses a second app on the same file until the first closes, and leaves the first working', () => {
    const first = createApp({ dbPath });
    for (let i = 0; i < 2; i++) {
      const error = refusal(() => createApp({ dbPath }));
      expect(error.code).toBe('DATABASE_IN_USE');
      expect(error.details).toMatchObject({ pid: process.pid, host: hostname() });
      expect(error.message).toMatch(/in use by another copy of MSP Inventory/);
    }
    expect(first.call('auth.status', {}, null).ok).toBe(true);
    // Other files are other owners.
    createApp({ dbPath: join(dir, 'other.db') }).close();
    first.close();
    expect(existsSync(lockPathOf(dbPath))).toBe(false);
    const second = createApp({ dbPath });
    expect(second.call('auth.status', {}, null).ok).toBe(true);
    second.close();
  });
});

describe('npm run serve and npm run restore', () => {
  it('refuses a second host and the command-line restore while a host owns the file, then restores once it stopped', async () => {
    // A database with a backup and a change made after it.
    const app = createApp({ dbPath });
    const setup = await app.callAsync('auth.setup', { username: 'admin', displayName: 'Admin', password: 'correct horse battery' }, null);
    if (!setup.ok) throw new Error(setup.error.code);
    const token = setup.data.token!;
    app.call('settings.update', { companyName: 'Before the backup' }, token);
    const backup = await app.callAsync('backups.create', {}, token);
    if (!backup.ok) throw new Error(backup.error.code);
    app.call('settings.update', { companyName: 'After the backup' }, token);
    app.close();

    const host = serve();
    await serving(host);
    const holder = JSON.parse(readFileSync(lockPathOf(dbPath), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(host.child.pid);

    const second = serve();
    const refusedRestore = run('src/main/restore.ts', ['--db', dbPath, join(dir, 'backups', backup.data.name)]);
    expect(await second.exit).toBe(3);
    expect(second.output()).toContain(`process ${host.child.pid} on ${hostname()}`);
    expect(second.output()).toContain('in use by another copy of MSP Inventory');
    expect(second.output()).not.toMatch(/at .*\.ts:\d+/);
    expect(await refusedRestore.exit).toBe(3);
    expect(refusedRestore.output()).toContain('in use by another copy of MSP Inventory');
    expect(refusal(() => createApp({ dbPath })).code).toBe('DATABASE_IN_USE');

    // Stopped the ordinary way, the host releases the file.
    host.child.kill('SIGTERM');
    expect(await host.exit).toBe(0);
    expect(existsSync(lockPathOf(dbPath))).toBe(false);

    const list = run('src/main/restore.ts', ['--db', dbPath, '--list']);
    expect(await list.exit).toBe(0);
    expect(list.output()).toContain(backup.data.name);

    const restore = run('src/main/restore.ts', ['--db', dbPath, backup.data.name]);
    expect(await restore.exit, restore.output()).toBe(0);
    expect(restore.output()).toContain(`Restored ${backup.data.name}`);
    expect(existsSync(lockPathOf(dbPath))).toBe(false);
    const after = createApp({ dbPath });
    try {
      expect((after.ctx.sqlite.prepare(`SELECT value FROM settings WHERE key = 'companyName'`).get() as { value: string }).value).toBe('"Before the backup"');
      expect(after.backups.list().backups.map((b) => b.reason)).toEqual(['pre-restore', 'manual']);
    } finally {
      after.close();
    }

    // A restore the command line refuses says why, in words, and changes nothing.
    const missing = run('src/main/restore.ts', ['--db', dbPath, join(dir, 'no-such-backup.db')]);
    expect(await missing.exit).toBe(1);
    expect(missing.output()).toContain('No such backup');
  });

  it('takes over from a host that was killed', async () => {
    const host = serve();
    await serving(host);
    host.child.kill('SIGKILL');
    await host.exit;
    expect(existsSync(lockPathOf(dbPath))).toBe(true);
    const next = serve();
    await serving(next);
    expect((JSON.parse(readFileSync(lockPathOf(dbPath), 'utf8')) as { pid: number }).pid).toBe(next.child.pid);
    next.child.kill('SIGTERM');
    expect(await next.exit).toBe(0);
  });
});
