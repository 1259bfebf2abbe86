// Headless host for `npm run serve`: the same handlers over HTTP, the renderer as static files.
// Usage: npm run serve -- --db <file> --port <n> [--host <addr>] [--allowed-host <name>]… [--demo] [--read-workers <n>] [--log <file-or-folder>]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DomainError } from '../shared/errors';
import { createApp, type App } from './app';
import { demoUserCount, userCount } from './domain/auth/users';
import { fileLog, logFilePath } from './log/appLog';
import { createHttpServer } from './transport/http';
import { normaliseHostName } from './transport/http-policy';
import { withReadWorkers } from './transport/readPool';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = join(repoRoot, 'out/renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when it is missing or older than its sources, so serve works right after install. */
function ensureRendererBuilt(): void {
  const index = join(rendererDir, 'index.html');
  // docs/: the user guides and their pictures are bundled into the Help screen.
  const sources = [join(repoRoot, 'src/renderer'), join(repoRoot, 'src/shared'), join(repoRoot, 'docs')].filter(existsSync);
  if (sources.length === 0) return;
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built >= Math.max(...sources.map(newestMtime))) return;
  console.log('Building the user interface (first start or sources changed)…');
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the user interface failed');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function main(): void {
  // Everything this process creates (database, -wal/-shm, backups, exports, logs) is the owner's only.
  process.umask(0o077);
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'msp-inventory.db' },
      port: { type: 'string', default: '5178' },
      host: { type: 'string', default: '127.0.0.1' },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      demo: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      // Reads of signed-in users on worker threads with their own read-only connections (0: on the main
      // thread). Long reads (the ledger check) always run on a worker of their own, whatever this says.
      'read-workers': { type: 'string', default: '2' },
      // The log (slow calls, unexpected errors with their stacks): a `.log` file, or a folder that gets
      // app.log. Default: `logs/` beside the database.
      log: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${values.port}`);
  const allowedHosts = values['allowed-host']!.map((name) => {
    const host = normaliseHostName(name);
    if (!host) throw new Error(`Invalid --allowed-host: ${name} (a host name or address, optionally with :port; IPv6 in brackets)`);
    return host;
  });
  if (!values['no-build']) ensureRendererBuilt();

  const dbPath = resolve(values.db!);
  const logFile = logFilePath(resolve(values.log ?? join(dirname(dbPath), 'logs')));
  const log = fileLog({ path: logFile });
  let app: App;
  try {
    app = createApp({ dbPath, log });
  } catch (error) {
    // Another process owns the file (exit 3), or it cannot be opened or upgraded (exit 1): said plainly.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof DomainError && error.code === 'DATABASE_IN_USE' ? 3 : 1);
  }
  if (values.demo) {
    const loaded = app.loadDemoIntoEmptyDatabase();
    console.log(loaded ? 'Demo data loaded (sign in as admin / admin — demo only).' : 'Database is not empty: demo data not loaded.');
  }
  const host = values.host!;
  if (!isLoopback(host)) {
    if (userCount(app.ctx) === 0 || demoUserCount(app.ctx) > 0) {
      console.error('Refusing to listen beyond this computer while a user has the demo password or no admin exists. Sign in and change the password first, or serve on 127.0.0.1.');
      app.close();
      process.exit(2);
    }
  }
  const workers = Number(values['read-workers']);
  if (!Number.isInteger(workers) || workers < 0 || workers > 16) throw new Error(`Invalid --read-workers: ${values['read-workers']}`);
  const reads = withReadWorkers(app, { dbPath, readers: workers });
  const server = createHttpServer({ app: reads.app, rendererDir, allowedHosts, log: (message, error) => log.error(message, error) });
  server.on('error', (error) => {
    console.error(`Cannot serve on ${host}:${port}: ${error.message}`);
    app.close();
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    // The log first: whoever reads the console line can then find the log already written.
    log.write('info', 'Serving', { host, port: actualPort, readWorkers: workers });
    console.log(`MSP Inventory is serving at http://${shownHost}:${actualPort}/`);
    console.log(`Log: ${logFile}`);
    app.backups.startSchedule();
    app.startNotifications();
  });
  let stopping = false;
  const stop = () => {
    // A second Ctrl+C does not wait for the closing backup; the lock is released at exit all the same.
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    void reads.close();
    void app.backups
      .backUpOnClose()
      .catch((error: unknown) => log.error('The backup on close failed', error))
      .finally(() => {
        app.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
