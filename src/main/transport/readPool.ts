// Reads off the thread that answers everyone. A read pool is a few worker threads, each with its own
// read-only connection, answering through the same dispatch (user, permission, validation, handler,
// Result) for the user the main thread resolved from the session, inside one read transaction so that a
// page and its count (or every check of the ledger) see the same commit. Writes, sign-in and I/O stay on
// the main connection.
// Two pools: long reads (channels the contract marks `long: true`, such as the ledger check) always go to
// a pool of their own, in the desktop app and in serve mode alike, so they neither hold the main thread nor
// take a worker the first pages need; serve mode can add a pool for every other read (`--read-workers`).
import { Worker } from 'node:worker_threads';
import { channelNames, contract, type ChannelDef, type ChannelName } from '@shared/contract';
import type { Result } from '@shared/errors';
import type { App } from '../app';
import { errorResult } from '../api/dispatch';
import { consoleLog, type AppLog, type LogEntry } from '../log/appLog';

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
  'stock.myVan',
  'stock.listCounts',
  'stock.getCount',
  'stock.history',
  'stock.valueByLocation',
  'stock.valueByProduct',
  'stock.valueSeries',
  'stock.verifyLedger',
  'search.global',
  'lists.export',
]);

function isLongRead(def: ChannelDef): boolean {
  return def.kind === 'query' && def.long === true;
}

/** The channels the contract marks as long reads: answered only by the long-read worker. */
export const longReadChannels: ReadonlySet<ChannelName> = new Set(channelNames.filter((name) => isLongRead(contract[name])));

export interface ReadRequest {
  id: number;
  channel: string;
  input: unknown;
  /** The user the main thread resolved from the session; null: no valid session (the door answers). */
  userId: number | null;
  /** The main thread's clock at the call, so "now" is the same wherever a read runs. */
  now: number;
}
export interface ReadReply {
  id: number;
  result: Result<unknown>;
}
/** A log entry of a worker's dispatch (a slow read, an unexpected error), written by the main thread's log. */
export interface ReadLogEntry {
  log: LogEntry;
}

/** What a worker needs to open its connection (workerData). */
export interface ReadWorkerConfig {
  dbPath: string;
  /** better-sqlite3 built for Electron's ABI (desktop app); absent: node_modules' build. */
  nativeBinding?: string;
  /** Page cache of the connection, in KiB. */
  cacheKiB: number;
  /**
   * Where SQLite keeps sorts and temporary results: 'memory' is fastest for small sorts; 'file' spills a
   * large sort to a temporary file beyond the page cache, so a long read's memory stays bounded.
   */
  tempStore: 'memory' | 'file';
}

export interface ReadPoolOptions {
  dbPath: string;
  /** Worker threads; each holds a connection and its page cache. */
  size?: number;
  nativeBinding?: string;
  cacheKiB?: number;
  tempStore?: 'memory' | 'file';
  /**
   * Start the workers at the first read and stop them after this many idle milliseconds (a pool used
   * rarely, like the long reads', then holds no memory between uses). Absent: start now, keep running.
   */
  idleMs?: number;
  /** Where the workers' slow reads and unexpected errors go (default: standard error). */
  log?: AppLog;
}

interface Slot {
  worker: Worker;
  pending: Map<number, (result: Result<unknown>) => void>;
  /** Stopped on purpose (idle or close): its exit is not a failure. */
  retired: boolean;
}

export interface ReadPool {
  /** Answers a read for a user the caller has already resolved from the session (null: none). */
  read(channel: string, input: unknown, userId: number | null, now: number): Promise<Result<unknown>>;
  /** Worker threads running now (a lazy pool has none until its first read and after its idle time). */
  readonly running: number;
  close(): Promise<void>;
}

const workerUrl = new URL(`./readWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The main connection's page cache (db/open.ts): ordinary read workers keep the same. */
const DEFAULT_CACHE_KIB = 65_536;

export function createReadPool(options: ReadPoolOptions): ReadPool {
  const log = options.log ?? consoleLog();
  const size = Math.max(1, options.size ?? 2);
  const config: ReadWorkerConfig = {
    dbPath: options.dbPath,
    nativeBinding: options.nativeBinding,
    cacheKiB: options.cacheKiB ?? DEFAULT_CACHE_KIB,
    tempStore: options.tempStore ?? 'memory',
  };
  let nextId = 1;
  let closed = false;
  let inFlight = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  let slots: Slot[] = [];

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: workerUrl.pathname.endsWith('.ts')
        ? // TypeScript sources (serve through tsx, tests): the worker loads its module through tsx too.
          new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`, {
            eval: true,
            workerData: config,
          })
        : new Worker(workerUrl, { workerData: config }),
      pending: new Map(),
      retired: false,
    };
    slot.worker.on('message', (reply: ReadReply | ReadLogEntry) => {
      if ('log' in reply) {
        log.write(reply.log.level, reply.log.message, reply.log.details);
        return;
      }
      slot.pending.get(reply.id)?.(reply.result);
      slot.pending.delete(reply.id);
    });
    const fail = (error: unknown) => {
      if (slot.retired) return;
      slot.retired = true;
      log.error('Read worker failed', error);
      for (const resolve of slot.pending.values()) resolve(errorResult('INTERNAL'));
      slot.pending.clear();
      // A replacement starts at once for a kept pool, at the next read for a lazy one.
      slots = slots.filter((s) => s !== slot);
      if (!closed && options.idleMs === undefined) slots.push(spawn());
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`read worker exited with ${code}`)));
    return slot;
  };
  const retireAll = async () => {
    const retiring = slots;
    slots = [];
    for (const slot of retiring) slot.retired = true;
    await Promise.all(retiring.map((s) => s.worker.terminate()));
  };
  const settled = () => {
    inFlight--;
    if (inFlight > 0 || options.idleMs === undefined || closed) return;
    idleTimer = setTimeout(() => void retireAll(), options.idleMs);
    // An idle pool never keeps the process alive.
    idleTimer.unref();
  };
  if (options.idleMs === undefined) slots = Array.from({ length: size }, spawn);

  return {
    read(channel, input, userId, now) {
      if (closed) return Promise.resolve(errorResult('INTERNAL'));
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      while (slots.length < size) slots.push(spawn());
      // The least busy worker: a long read keeps only its own worker.
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      inFlight++;
      return new Promise<Result<unknown>>((resolve) => {
        slot.pending.set(id, resolve);
        slot.worker.postMessage({ id, channel, input, userId, now } satisfies ReadRequest);
      }).finally(settled);
    },
    get running() {
      return slots.length;
    },
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      await retireAll();
    },
  };
}

export interface ReadWorkersOptions {
  dbPath: string;
  /** Worker threads for the other reads of signed-in users (serve's --read-workers); 0: the main thread. */
  readers?: number;
  nativeBinding?: string;
  /** Default: the app's log. */
  log?: AppLog;
}

export interface ReadWorkers {
  /** The app as a transport serves it: `dispatch` sends reads to the workers. */
  app: App;
  /** The long reads' pool (lazy: no thread until the first long read). */
  long: ReadPool;
  /** The other reads' pool, when there is one. */
  readers: ReadPool | null;
  close(): Promise<void>;
}

/**
 * Long reads get a smaller page cache and spill large sorts to a temporary file: the ledger check streams
 * a million moves through ordered indexes, so its memory stays near this whatever the ledger's size.
 */
const LONG_READ_CACHE_KIB = 16_384;
/** A long-read worker (its thread, connection and cache) is let go after this long without one. */
const LONG_READ_IDLE_MS = 60_000;

/**
 * Wraps the app for a transport (IPC or HTTP): long reads always run on the long-read worker, whether or
 * not the caller is signed in (the worker's door gives the same refusals); other reads of signed-in users
 * go to the read pool when there is one; anything else, and any read without a valid session, goes through
 * the app's own dispatch.
 */
export function withReadWorkers(app: App, options: ReadWorkersOptions): ReadWorkers {
  const log = options.log ?? app.log;
  const long = createReadPool({
    dbPath: options.dbPath,
    size: 1,
    nativeBinding: options.nativeBinding,
    cacheKiB: LONG_READ_CACHE_KIB,
    tempStore: 'file',
    idleMs: LONG_READ_IDLE_MS,
    log,
  });
  const readers = options.readers ?? 0;
  const pool = readers > 0 ? createReadPool({ dbPath: options.dbPath, size: readers, nativeBinding: options.nativeBinding, log }) : null;
  return {
    app: {
      ...app,
      dispatch(channel, input, token, address) {
        // During a restore the app's own door answers (MAINTENANCE), not a worker.
        if (app.inMaintenance()) return app.dispatch(channel, input, token, address);
        if (longReadChannels.has(channel as ChannelName)) return long.read(channel, input, app.sessions.resolve(token), app.ctx.now());
        if (pool && readOnlyChannels.has(channel as ChannelName)) {
          const userId = app.sessions.resolve(token);
          if (userId !== null) return pool.read(channel, input, userId, app.ctx.now());
        }
        return app.dispatch(channel, input, token, address);
      },
    },
    long,
    readers: pool,
    async close() {
      await Promise.all([long.close(), pool?.close()]);
    },
  };
}
