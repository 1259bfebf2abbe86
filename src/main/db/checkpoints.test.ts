// The write-ahead log is copied into the database file after the answer (on the next turn of the event
// loop), not inside the action that filled it; a caller that never yields still gets it every so many commits.
// What reaches the database file is watched through its size: pages a write adds land there only when a
// checkpoint copies them.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { COMMITS_BEFORE_CHECKPOINT_IN_LINE, deferCheckpoints } from './checkpoints';
import { openDatabase } from './open';
import { writeTransaction } from './writeTransaction';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const size = (path: string) => statSync(path).size;

describe('through the app', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('answers a large action before its log is copied into the database file, and copies it right after', async () => {
    const w = seedWorld(t);
    const file = join(t.dir, 'test.db');
    t.app.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = size(file);
    const serials = Array.from({ length: 8000 }, (_, i) => `CKPT-${String(i).padStart(5, '0')}`);
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: serials.length, serials, costMethod: 'catalogue', reason: null });
    // Large enough that SQLite's own checkpoint (at 1,000 pages) would have run inside the commit.
    const pageSize = t.app.ctx.sqlite.pragma('page_size', { simple: true }) as number;
    expect(size(`${file}-wal`)).toBeGreaterThan(1000 * pageSize);
    expect(size(file)).toBe(before);
    await nextTurn();
    expect(size(file)).toBeGreaterThan(before);
    expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  });

  it('lets a checkpoint due after closing go: the closed connection is left alone', async () => {
    const w = seedWorld(t);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', reason: null });
    t.app.close();
    await nextTurn();
    expect(t.app.ctx.sqlite.open).toBe(false);
  });
});

describe('deferCheckpoints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'msp-ckpt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function opened() {
    const path = join(dir, 'db.sqlite');
    const { sqlite } = openDatabase({ path, migrationsFolder: 'drizzle' });
    sqlite.exec(`CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { sqlite, path };
  }
  const addPage = (sqlite: ReturnType<typeof opened>['sqlite']) => writeTransaction(sqlite, () => sqlite.prepare(`INSERT INTO blobs (data) VALUES (zeroblob(6000))`).run());

  it('checkpoints in line once a caller has committed so many times without yielding', () => {
    const { sqlite, path } = opened();
    const errors: unknown[] = [];
    const checkpoints = deferCheckpoints(sqlite, { paused: () => false, onError: (e) => errors.push(e) });
    const before = size(path);
    for (let i = 1; i < COMMITS_BEFORE_CHECKPOINT_IN_LINE; i++) addPage(sqlite);
    expect(size(path)).toBe(before);
    addPage(sqlite);
    expect(size(path)).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    checkpoints.stop();
    sqlite.close();
  });

  it('waits while paused (a restore) and for a savepoint\'s outer transaction, and stops when told', async () => {
    const { sqlite, path } = opened();
    let paused = true;
    const checkpoints = deferCheckpoints(sqlite, { paused: () => paused, onError: () => undefined });
    const before = size(path);
    addPage(sqlite);
    await nextTurn();
    expect(size(path)).toBe(before);
    paused = false;
    // A savepoint inside an outer transaction is not a commit: nothing is due until the outer one commits.
    writeTransaction(sqlite, () => addPage(sqlite));
    await nextTurn();
    expect(size(path)).toBeGreaterThan(before);
    const after = size(path);
    checkpoints.stop();
    addPage(sqlite);
    addPage(sqlite);
    await nextTurn();
    expect(size(path)).toBe(after);
    sqlite.close();
  });
});
