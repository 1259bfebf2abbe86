// One read worker of the read pool (readPool.ts): its own read-only connection, the same dispatch as the
// main thread, for the user the main thread resolved from the session. Migrations are the main
// connection's job; this one only reads.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { handlers } from '../api';
import { dispatch, errorResult, type DispatchDeps } from '../api/dispatch';
import * as schema from '../db/schema';
import { SignInThrottle } from '../domain/auth/throttle';
import { SessionStore } from '../domain/auth/users';
import type { Ctx } from '../domain/context';
import { keyFileSecretBox } from '../secrets/secrets';
import { errorDetails, type AppLog } from '../log/appLog';
import type { ReadLogEntry, ReadReply, ReadRequest, ReadWorkerConfig } from './readPool';

const { dbPath, nativeBinding, cacheKiB, tempStore } = workerData as ReadWorkerConfig;
const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma(`cache_size = -${Math.trunc(cacheKiB)}`);
sqlite.pragma(`temp_store = ${tempStore === 'file' ? 'FILE' : 'MEMORY'}`);
let now = Date.now();
const ctx: Ctx = { db: drizzle(sqlite, { schema }), sqlite, now: () => now, secrets: keyFileSecretBox(`${dbPath}.key`) };
// Sessions live on the main thread: each read gets a session of its own here for the resolved user.
const sessions = new SessionStore();
// The main thread owns the log file: entries travel there (a slow ledger check, an unexpected error).
const log: AppLog = {
  write: (level, message, details = {}) => {
    try {
      parentPort!.postMessage({ log: { level, message, details: { ...details, worker: true } } } satisfies ReadLogEntry);
    } catch {
      // Logging never breaks the read it logs.
    }
  },
  error: (message, error, details) => log.write('error', message, { ...details, ...errorDetails(error) }),
};
const deps: DispatchDeps = {
  ctx,
  sessions,
  // Sign-ins never reach a worker (they are not reads); dispatch still wants one.
  throttle: new SignInThrottle(),
  handlers,
  loadDemoData: () => {
    throw new Error('not on a read worker');
  },
  log,
};
const readTransaction = sqlite.transaction((request: ReadRequest, token: string | null) => dispatch(deps, request.channel, request.input, token));

parentPort!.on('message', (request: ReadRequest) => {
  now = request.now;
  // Without a resolved user the call goes through the door without a session and gets its refusal.
  const token = request.userId === null ? null : sessions.create(request.userId);
  let result;
  try {
    const answer = readTransaction(request, token);
    result = answer instanceof Promise ? errorResult('INTERNAL') : answer;
  } catch (error) {
    log.error('Unexpected error on a read worker', error, { channel: request.channel, userId: request.userId });
    result = errorResult('INTERNAL');
  } finally {
    if (token !== null) sessions.end(token);
  }
  parentPort!.postMessage({ id: request.id, result } satisfies ReadReply);
});
