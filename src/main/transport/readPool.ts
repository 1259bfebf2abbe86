// Serve mode's read pool: a few worker threads, each with its own read-only connection to the database,
// answer the channels listed below, so that reads run on other cores in parallel and a long read never
// holds the event loop. Everything else (writes, sign-in, I/O) stays on the main connection. The main
// thread resolves the session; the worker runs the same dispatch (user, permission, validation, handler,
// Result) with that user, inside one read transaction so a page and its count see the same commit.
import { Worker } from 'node:worker_threads';
import type { ChannelName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { App } from '../app';
import { errorResult } from '../api/dispatch';

/** Channels that only read: safe on a read-only connection (a write there fails loudly). */
export const readOnlyChannels: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'catalog.listCategories',
  'catalog.listCompanies',
  'catalog.getCompany',
  'catalog.listProducts',
  'catalog.getProduct',
  'catalog.listProductVendors',
  'locations.list',
  'purchasing.listOrders',
  'purchasing.getOrder',
  'purchasing.listApprovals',
  'purchasing.history',
  'purchasing.reorderSuggestions',
  'purchasing.listOpenLines',
  'purchasing.listReceipts',
  'stock.listInventoryProducts',
  'stock.listLots',
  'stock.costOptions',
  'stock.listTransfers',
  'stock.listCounts',
  'stock.getCount',
  'stock.history',
  'stock.valueByLocation',
  'stock.valueByProduct',
  'stock.valueSeries',
  'stock.verifyLedger',
  'search.global',
]);

export interface ReadRequest {
  id: number;
  channel: string;
  input: unknown;
  userId: number;
  /** The main thread's clock at the call, so "now" is the same wherever a read runs. */
  now: number;
}
export interface ReadReply {
  id: number;
  result: Result<unknown>;
}

export interface ReadPoolOptions {
  dbPath: string;
  /** Worker threads; each holds a connection and its page cache. */
  size?: number;
  log?: (message: string, error: unknown) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, (result: Result<unknown>) => void>;
}

export interface ReadPool {
  /** Answers a read for a user the caller has already resolved from the session. */
  read(channel: string, input: unknown, userId: number, now: number): Promise<Result<unknown>>;
  close(): Promise<void>;
}

const workerUrl = new URL(`./readWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function createReadPool(options: ReadPoolOptions): ReadPool {
  const log = options.log ?? ((m, e) => console.error(m, e));
  let nextId = 1;
  let closing = false;
  const spawn = (): Slot => {
    const slot: Slot = {
      worker: workerUrl.pathname.endsWith('.ts')
        ? // TypeScript sources (serve through tsx, tests): the worker loads its module through tsx too.
          new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`, {
            eval: true,
            workerData: { dbPath: options.dbPath },
          })
        : new Worker(workerUrl, { workerData: { dbPath: options.dbPath } }),
      pending: new Map(),
    };
    slot.worker.on('message', (reply: ReadReply) => {
      slot.pending.get(reply.id)?.(reply.result);
      slot.pending.delete(reply.id);
    });
    const fail = (error: unknown) => {
      if (closing) return;
      log('Read worker failed', error);
      for (const resolve of slot.pending.values()) resolve(errorResult('INTERNAL'));
      slot.pending.clear();
      slots[slots.indexOf(slot)] = spawn();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => code !== 0 && fail(new Error(`read worker exited with ${code}`)));
    return slot;
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size ?? 2) }, spawn);
  return {
    read(channel, input, userId, now) {
      // The least busy worker: a long read (verifyLedger, a report) keeps only its own worker.
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve) => {
        slot.pending.set(id, resolve);
        slot.worker.postMessage({ id, channel, input, userId, now } satisfies ReadRequest);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * The app as the HTTP host serves it: reads of signed-in users go to the pool; anything else, and any
 * call without a valid session (so it gets the door's own answer), goes through the app's dispatch.
 */
export function withReadPool(app: App, pool: ReadPool): App {
  return {
    ...app,
    dispatch(channel, input, token, address) {
      // During a restore the app's own door answers (MAINTENANCE), not a worker.
      if (readOnlyChannels.has(channel as ChannelName) && !app.inMaintenance()) {
        const userId = app.sessions.resolve(token);
        if (userId !== null) return pool.read(channel, input, userId, app.ctx.now());
      }
      return app.dispatch(channel, input, token, address);
    },
  };
}
