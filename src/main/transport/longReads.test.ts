// Long reads never run on the thread that answers everyone. The main thread of this test cannot run the
// ledger check at all: verifyLedger is replaced here by a function that fails the call, while the worker
// threads load the real modules on their own (outside vitest's module graph). So a right answer proves the
// check ran on a worker — through the desktop path (IPC, as src/main/index.ts wires it, with no read pool:
// as serve with --read-workers 0) and through serve mode with a read pool — and the main thread answers
// other calls meanwhile.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '@shared/contract';
import type { Result } from '@shared/errors';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { buildLedger, drifts } from '../testing/ledgerDrift';
import { APP_ORIGIN, isAppUrl } from '../window';
import { registerIpc, type IpcMainLike } from './ipc';
import { createReadPool, longReadChannels, readOnlyChannels, withReadWorkers, type ReadWorkers } from './readPool';

vi.mock('../domain/stock/verify', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../domain/stock/verify')>()),
  verifyLedger: () => {
    throw new Error('verifyLedger ran on the main thread');
  },
}));
const { verifyLedger: verifyInProcess } = await vi.importActual<typeof import('../domain/stock/verify')>('../domain/stock/verify');

type Listener = (event: unknown, input: unknown) => Promise<Result<any>>;

let t: TestApp;
let dbPath: string;
let desktop: ReadWorkers;
const handlers = new Map<string, Listener>();
const sender = Object.assign(new EventEmitter(), { id: 1, send: () => undefined, isDestroyed: () => false });

function invoke(channel: string, input: unknown): Promise<Result<any>> {
  return handlers.get(channel)!({ sender, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, input);
}

beforeAll(async () => {
  t = createTestApp();
  buildLedger(t, seedWorld(t));
  // Drifts of every kind, committed (the workers read committed data only).
  drifts.forEach((drift, i) => drift.apply(t.app.ctx.sqlite, (i * 0.29) % 1));
  dbPath = join(t.dir, 'test.db');
  desktop = withReadWorkers(t.app, { dbPath });
  const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) } as unknown as IpcMainLike;
  registerIpc(ipcMain, desktop.app, isAppUrl);
  const login = await invoke('auth.login', { username: 'admin', password: 'correct horse battery' });
  expect(login.ok).toBe(true);
});
afterAll(async () => {
  await desktop.close();
  t.close();
});

describe('long reads', () => {
  it('are the channels the contract marks long, all of them queries that are safe on a read-only connection', () => {
    expect([...longReadChannels]).toContain('stock.verifyLedger');
    for (const channel of longReadChannels) {
      expect(contract[channel].kind).toBe('query');
      expect(readOnlyChannels.has(channel)).toBe(true);
    }
  });

  it('desktop: the ledger check runs on a worker, answers as the in-process check, and the main thread answers meanwhile', async () => {
    expect(desktop.long.running).toBe(0);
    let settled = false;
    const verifying = invoke('stock.verifyLedger', {}).finally(() => {
      settled = true;
    });
    // Answered on the main thread while the check is still out on its worker.
    const status = await invoke('auth.status', {});
    expect(status).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
    // Without a read pool an ordinary read is answered on the main thread, synchronously.
    const locations = desktop.app.dispatch('locations.list', {}, t.token);
    expect(locations instanceof Promise).toBe(false);
    expect((await locations).ok).toBe(true);
    expect(settled).toBe(false);
    expect(desktop.long.running).toBe(1);

    const report = await verifying;
    expect(report.ok).toBe(true);
    const expected = verifyInProcess(t.app.ctx);
    expect(expected.ok).toBe(false);
    expect(new Set(expected.differences.map((d) => d.kind))).toEqual(new Set(['balance', 'negative', 'level', 'month', 'listCache']));
    expect(report).toEqual({ ok: true, data: expected });
    // The main thread cannot run it (that is how this test knows where it ran).
    expect(t.app.dispatch('stock.verifyLedger', {}, t.token)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('desktop: keeps the door — no session, or no permission, gets the same refusal from the worker', async () => {
    const signedOut = await desktop.app.dispatch('stock.verifyLedger', {}, null);
    expect(signedOut).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'UNAUTHENTICATED', details: {} } });
    const viewer = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view'] }).id);
    expect(await desktop.app.dispatch('stock.verifyLedger', {}, viewer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'admin' } } });
    expect(await desktop.app.dispatch('stock.verifyLedger', { extra: 1 }, t.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serve with a read pool: a long read still goes to its own worker, ordinary reads to the pool', async () => {
    const served = withReadWorkers(t.app, { dbPath, readers: 1 });
    try {
      const verifying = served.app.dispatch('stock.verifyLedger', {}, t.token);
      const list = served.app.dispatch('locations.list', {}, t.token);
      expect(list instanceof Promise).toBe(true);
      expect(await list).toEqual(t.app.dispatch('locations.list', {}, t.token));
      expect(await verifying).toEqual({ ok: true, data: verifyInProcess(t.app.ctx) });
      expect(served.long.running).toBe(1);
      expect(served.readers!.running).toBe(1);
    } finally {
      await served.close();
    }
    expect(served.long.running).toBe(0);
  });

  it('a lazy pool starts at its first read and lets its worker go when idle', async () => {
    const pool = createReadPool({ dbPath, size: 1, idleMs: 50 });
    try {
      expect(pool.running).toBe(0);
      const admin = t.ok('auth.status', {}).user!.id;
      expect((await pool.read('locations.list', {}, admin, Date.now())).ok).toBe(true);
      expect(pool.running).toBe(1);
      await vi.waitFor(() => expect(pool.running).toBe(0), { timeout: 5_000, interval: 20 });
      // And starts again when needed.
      expect((await pool.read('locations.list', {}, admin, Date.now())).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
