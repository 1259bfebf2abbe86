// `npm run bench:load -- --db <file> [--users 20] [--office 60] [--spike-users 100] [--spike 15] [--signins 20] [--think 250] [--read-workers 2]`
// The office on the bench database, through the real HTTP host: `src/main/server.ts` is spawned on a copy of
// the database (kept by `npm run bench -- --db <file>`, built there when missing) on a free loopback port.
// 1. Office: `--users` people, each with their own account and session, for `--office` seconds: lists with
//    their sorts and filters, global search, transfers to their van and back, adjustments, and a purchase
//    order from creation through submission to receipt; `--think` ms (±50 %) between a person's actions.
// 2. Spike: `--spike-users` people reading at once, back to back, for `--spike` seconds.
// 3. Sign-ins: `--signins` people signing in at the same moment while 5 others keep reading.
// `--read-workers` is passed to the host (0: every call on its one connection, as before the read pool).
// Requests carry what an API client sends: `Content-Type: application/json`, `Host` of the served address,
// no `Origin`, `Authorization: Bearer`. Every latency is counted; a request that fails on the network
// (ECONNRESET, …) or answers an error it should not is a failure. Exits 1 when a budget or a request fails.
// The office ran 3 minutes then a 30 s spike: `--office 180 --spike 30`.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../src/main/app';
import { ADMIN, buildDatabase, must } from './build-db';
import { log } from './measure';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    users: { type: 'string', default: '20' },
    office: { type: 'string', default: '60' },
    'spike-users': { type: 'string', default: '100' },
    spike: { type: 'string', default: '15' },
    signins: { type: 'string', default: '20' },
    think: { type: 'string', default: '250' },
    'read-workers': { type: 'string', default: '2' },
  },
});
const USERS = Number(args.users);
const OFFICE_S = Number(args.office);
const SPIKE_USERS = Number(args['spike-users']);
const SPIKE_S = Number(args.spike);
const SIGNINS = Number(args.signins);
const THINK_MS = Number(args.think);
const PASSWORD = 'load-test-password';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Sample {
  phase: string;
  channel: string;
  ms: number;
  /** Network failure or an unexpected error code. */
  failure?: string;
}
const samples: Sample[] = [];

class Client {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 2 });
  token = '';
  constructor(
    private readonly port: number,
    readonly phase: { name: string },
  ) {}

  /** One API call, timed; `expected` lists the error codes this call may legitimately answer. */
  async call<T = unknown>(channel: string, input: unknown, expected: string[] = []): Promise<T | undefined> {
    const body = JSON.stringify(input);
    const started = performance.now();
    const sample: Sample = { phase: this.phase.name, channel, ms: 0 };
    try {
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: this.port,
            method: 'POST',
            path: `/api/${channel}`,
            agent: this.agent,
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
              Host: `127.0.0.1:${this.port}`,
              ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      sample.ms = performance.now() - started;
      const result = JSON.parse(text) as { ok: boolean; data?: T; error?: { code: string } };
      if (status !== 200 || !result.ok) {
        const code = result.error?.code ?? `HTTP ${status}`;
        if (!expected.includes(code)) sample.failure = code;
        return undefined;
      }
      return result.data;
    } catch (error) {
      sample.ms = performance.now() - started;
      sample.failure = (error as { code?: string }).code ?? String(error);
      return undefined;
    } finally {
      samples.push(sample);
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

interface World {
  main: number;
  vans: number[];
  stocked: number[];
  vendorId: number;
  vendorProducts: number[];
  searches: string[];
}

const ipSorts = ['sku', 'productName', 'locationName', 'bin', 'onHand', 'available', 'onOrder', 'backOrdered', 'min', 'max', 'value'];

/** What a person reads: a list page with one of its sorts and filters, or a search. */
function readAction(client: Client, w: World, person: number): Promise<unknown> {
  const dir = pick(['asc', 'desc']);
  const reads: (() => Promise<unknown>)[] = [
    () => client.call('stock.listInventoryProducts', { sortBy: pick(ipSorts), sortDirection: dir, ...pick([{}, { locationId: w.main }, { belowMin: true }, { q: pick(w.searches) }]) }),
    () => client.call('catalog.listProducts', { sortBy: pick(['sku', 'name', 'category', 'unitCost', 'unitPrice', 'onHand']), sortDirection: dir, ...pick([{}, { q: pick(w.searches) }]) }),
    () => client.call('stock.listLots', { sortBy: pick(['receivedAt', 'serialNumber', 'sku', 'locationName', 'qty']), sortDirection: dir, ...pick([{}, { locationId: w.main }]) }),
    () => client.call('stock.history', { sortBy: 'occurredAt', sortDirection: 'desc', ...pick([{}, { locationId: w.vans[person % w.vans.length] }, { productId: pick(w.stocked) }]) }),
    () => client.call('stock.listTransfers', { ...pick([{}, { locationId: w.main }]) }),
    () => client.call('purchasing.listOrders', { sortBy: 'createdAt', sortDirection: 'desc' }),
    () => client.call('purchasing.listOpenLines', {}),
    () => client.call('purchasing.reorderSuggestions', {}),
    () => client.call('search.global', { q: pick(w.searches) }),
    () => client.call('stock.valueByLocation', {}),
  ];
  return pick(reads)();
}

/** A person at work: mostly reading, sometimes moving stock, adjusting it or buying. */
async function officePerson(client: Client, w: World, person: number, until: number): Promise<void> {
  const van = w.vans[person % w.vans.length]!;
  while (performance.now() < until) {
    const r = Math.random();
    if (r < 0.7) await readAction(client, w, person);
    else if (r < 0.82) {
      const productId = pick(w.stocked);
      // Out to the van and back: the stock stays where it was for the next round.
      const out = await client.call('stock.transfer', { fromLocationId: w.main, toLocationId: van, lines: [{ productId, qty: 1 }] }, ['INSUFFICIENT_STOCK']);
      if (out) await client.call('stock.transfer', { fromLocationId: van, toLocationId: w.main, lines: [{ productId, qty: 1 }] });
    } else if (r < 0.92) {
      const productId = pick(w.stocked);
      const added = await client.call('stock.add', { productId, locationId: w.main, qty: 2, costMethod: 'catalogue', reason: 'load test' });
      if (added) await client.call('stock.remove', { productId, locationId: w.main, qty: 1, destination: 'adjustment', reason: 'load test' });
    } else {
      const lines = [pick(w.vendorProducts), pick(w.vendorProducts)].filter((p, i, all) => all.indexOf(p) === i);
      const po = await client.call<{ id: number }>('purchasing.createOrder', { vendorId: w.vendorId, lines: lines.map((productId) => ({ productId, qty: 2, locationId: w.main })) });
      const submitted = po && (await client.call<{ lines: { id: number; qtyOrdered: number }[] }>('purchasing.submit', { id: po.id }));
      if (submitted) await client.call('purchasing.receive', { lines: submitted.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered, vendorInvoiceNumber: 'LOAD' })) });
    }
    await sleep(THINK_MS * (0.5 + Math.random()));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Verdict {
  phase: string;
  requests: number;
  failures: number;
  p50: number;
  p95: number;
  max: number;
  budget: string;
  ok: boolean;
}

function summarise(phase: string, budgetMs: number, filter: (s: Sample) => boolean = () => true): Verdict {
  const mine = samples.filter((s) => s.phase === phase && filter(s));
  const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
  const failures = mine.filter((s) => s.failure);
  const byCode = new Map<string, number>();
  for (const f of failures) byCode.set(`${f.channel} ${f.failure}`, (byCode.get(`${f.channel} ${f.failure}`) ?? 0) + 1);
  if (byCode.size) log(`  ${phase} failures: ${JSON.stringify(Object.fromEntries(byCode))}`);
  const p95 = percentile(ms, 95);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    phase,
    requests: mine.length,
    failures: failures.length,
    p50: round(percentile(ms, 50)),
    p95: round(p95),
    max: round(ms.at(-1) ?? Number.NaN),
    budget: `p95 < ${budgetMs} ms, no failure`,
    ok: failures.length === 0 && p95 < budgetMs && mine.length > 0,
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/main/server.ts'), '--db', dbPath, '--port', String(port), '--no-build', '--read-workers', args['read-workers']!], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is serving at')) resolve();
    });
  });
  return child;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'msp-load-'));
  const dbPath = join(dir, 'load.db');
  let server: ChildProcess | undefined;
  try {
    const kept = args.db;
    if (kept && existsSync(kept)) {
      log(`Copying ${kept}`);
      copyFileSync(kept, dbPath);
      if (existsSync(`${kept}.key`)) copyFileSync(`${kept}.key`, `${dbPath}.key`);
    } else {
      log('Building the bench database (100,000 products / 1,000,000 moves)');
      await buildDatabase({ dbPath, products: 100_000, moves: 1_000_000, shelfProducts: 5_600, now: Date.now(), log });
      if (kept) copyFileSync(dbPath, kept);
    }

    // Accounts (one per person, so sign-in throttling never meets two people) and what they work on.
    const app = createApp({ dbPath });
    const admin = must(await app.callAsync('auth.login', ADMIN, null), 'auth.login').token!;
    // The host's daily backup would fall due in the first minute and copy the whole database during the
    // office phase; the load measured is the office's requests (a backup's cost is its own question).
    must(app.call('settings.update', { backupFrequency: 'off', backupOnClose: false }, admin), 'settings.update');
    const people = [...Array(USERS).keys()].map((i) => `office${i + 1}`).concat([...Array(SPIKE_USERS).keys()].map((i) => `reader${i + 1}`), [...Array(SIGNINS).keys()].map((i) => `signin${i + 1}`));
    for (const username of people) must(await app.callAsync('users.create', { username, displayName: username, password: PASSWORD, permissions: [], isAdmin: true }, admin), 'users.create');
    const sqlite = app.ctx.sqlite;
    const main = (sqlite.prepare(`SELECT id FROM locations WHERE name = 'Main warehouse'`).get() as { id: number }).id;
    const vans = (sqlite.prepare(`SELECT id FROM locations WHERE kind = 'van' ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    const stocked = (
      sqlite.prepare(`SELECT s.product_id AS id FROM stock_levels s JOIN products p ON p.id = s.product_id AND p.serialized = 0 WHERE s.location_id = ? AND s.qty >= 20 LIMIT 400`).all(main) as { id: number }[]
    ).map((r) => r.id);
    const vendorId = must(app.call('catalog.createCompany', { name: 'Load Distribution', isVendor: true, isClient: false }, admin), 'createCompany').id;
    const vendorProducts = stocked.slice(0, 100);
    for (const productId of vendorProducts) must(app.call('catalog.saveProductVendor', { productId, vendorId, vendorCost: 10_000 }, admin), 'saveProductVendor');
    app.close();
    const world: World = { main, vans, stocked, vendorId, vendorProducts, searches: ['thinkpad', 'dock', 'cat6', 'PF00', 'toner', 'fortigate', 'LEN0001', 'ubiquiti'] };

    const port = await freePort();
    server = await startServer(dbPath, port);
    log(`Host serving on 127.0.0.1:${port}`);
    const signIn = async (client: Client, username: string) => {
      const session = await client.call<{ token: string }>('auth.login', { username, password: PASSWORD });
      if (session) client.token = session.token;
      return client;
    };

    // 1. The office.
    const office = { name: 'office sign-in' };
    const officeClients = await Promise.all([...Array(USERS).keys()].map((i) => signIn(new Client(port, office), `office${i + 1}`)));
    office.name = 'office';
    log(`Office: ${USERS} people for ${OFFICE_S} s`);
    const officeEnd = performance.now() + OFFICE_S * 1000;
    await Promise.all(officeClients.map((c, i) => officePerson(c, world, i, officeEnd)));

    // 2. The spike: everyone reading at once, back to back.
    const spike = { name: 'spike sign-in' };
    const spikeClients = [];
    for (let i = 0; i < SPIKE_USERS; i += 10) spikeClients.push(...(await Promise.all([...Array(Math.min(10, SPIKE_USERS - i)).keys()].map((k) => signIn(new Client(port, spike), `reader${i + k + 1}`)))));
    spike.name = 'spike';
    log(`Spike: ${SPIKE_USERS} people reading at once for ${SPIKE_S} s`);
    const spikeEnd = performance.now() + SPIKE_S * 1000;
    await Promise.all(
      spikeClients.map(async (c, i) => {
        while (performance.now() < spikeEnd) await readAction(c, world, i);
      }),
    );

    // 3. Sign-ins at the same moment while others read.
    const storm = { name: 'sign-ins' };
    const readers = officeClients.slice(0, 5);
    for (const r of readers) (r.phase as { name: string }).name = 'reading during sign-ins';
    log(`Sign-ins: ${SIGNINS} at once while ${readers.length} people read`);
    let storming = true;
    const reading = Promise.all(
      readers.map(async (c, i) => {
        while (storming) {
          await readAction(c, world, i);
          await sleep(20);
        }
      }),
    );
    await sleep(200);
    await Promise.all([...Array(SIGNINS).keys()].map((i) => signIn(new Client(port, storm), `signin${i + 1}`)));
    await sleep(200);
    storming = false;
    await reading;
    for (const c of [...officeClients, ...spikeClients]) c.close();

    const verdicts = [
      summarise('office', 100),
      summarise('spike', 1000),
      // The sign-ins queue for the hashing threads (one on two cores, scrypt at 32 MiB a guess): twenty at
      // once take a few seconds between them. The budget that matters is the others' (next row).
      summarise('sign-ins', 10_000),
      summarise('reading during sign-ins', 100),
    ];
    console.log(`\nLoad: ${USERS} office users ${OFFICE_S} s (think ${THINK_MS} ms), ${SPIKE_USERS} readers ${SPIKE_S} s, ${SIGNINS} simultaneous sign-ins`);
    console.table(verdicts.map((v) => ({ ...v, ok: v.ok ? 'yes' : 'NO' })));
    const perChannel = new Map<string, number[]>();
    for (const s of samples.filter((x) => x.phase === 'office')) perChannel.set(s.channel, [...(perChannel.get(s.channel) ?? []), s.ms]);
    console.table(
      [...perChannel].map(([channel, ms]) => {
        ms.sort((a, b) => a - b);
        return { channel, requests: ms.length, p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), max: Math.round(ms.at(-1)!) };
      }),
    );
    if (verdicts.some((v) => !v.ok)) process.exitCode = 1;
  } finally {
    server?.kill('SIGTERM');
    await sleep(300);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
