// First pages while the ledger check runs: the check goes to its worker thread (as both transports send
// it) and first pages are called back to back until it answers; the budget is their 95th percentile. Two
// set-ups: the desktop app's (first pages on the main thread; serve with --read-workers 0 is the same) and
// serve's default (first pages on two read workers). The baseline is the same first pages with nothing else
// running. The process's resident memory is sampled too: what the check adds is logged.
import type { ChannelInput, ChannelName } from '../src/shared/contract';
import type { App } from '../src/main/app';
import { withReadWorkers } from '../src/main/transport/readPool';
import { must, type BenchDb } from './build-db';
import { log, median, record } from './measure';

export const longReadBudgets: Record<string, { maxMs: number; text: string }> = {
  firstPageWhileVerifying: { maxMs: 50, text: '< 50 ms (p95, main thread)' },
  firstPageWhileVerifyingServe: { maxMs: 50, text: '< 50 ms (p95, 2 read workers)' },
};

type Call = { channel: ChannelName; input: Record<string, unknown> };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const rssMiB = () => process.memoryUsage().rss / 1_048_576;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function measureLongReads(app: App, token: string, dbPath: string, bench: BenchDb): Promise<void> {
  const { main } = bench.locations;
  const calls: Call[] = [
    { channel: 'stock.listInventoryProducts', input: { locationId: main, sortBy: 'productName', sortDirection: 'asc' } },
    { channel: 'stock.listLots', input: { locationId: main, sortBy: 'receivedAt', sortDirection: 'desc' } },
    { channel: 'stock.history', input: { locationId: main, sortBy: 'occurredAt', sortDirection: 'desc' } },
    { channel: 'catalog.listProducts', input: { q: 'ThinkPad', sortBy: 'name', sortDirection: 'asc' } },
  ];
  for (const [name, readers] of [
    ['firstPageWhileVerifying', 0],
    ['firstPageWhileVerifyingServe', 2],
  ] as const) {
    const reads = withReadWorkers(app, { dbPath, readers });
    const firstPage = async (i: number) => {
      const { channel, input } = calls[i % calls.length]!;
      const t = performance.now();
      must(await reads.app.dispatch(channel, input as ChannelInput<typeof channel>, token), channel);
      return performance.now() - t;
    };
    try {
      // Warm: every worker started (the long-read one too) and each call made, so only the check's effect is measured.
      for (let i = 0; i < calls.length * 2; i++) await firstPage(i);
      must(await reads.long.read('locations.list', {}, app.sessions.resolve(token), app.ctx.now()), 'long-read worker');
      const quiet: number[] = [];
      for (let i = 0; i < calls.length * 5; i++) quiet.push(await firstPage(i));
      const rssBefore = rssMiB();
      let rssPeak = rssBefore;
      let done = false;
      const started = performance.now();
      const verifying = Promise.resolve(reads.app.dispatch('stock.verifyLedger', {}, token)).then((r) => {
        done = true;
        return must(r, 'verifyLedger') as { ok: boolean };
      });
      const during: number[] = [];
      for (let i = 0; !done; i++) {
        during.push(await firstPage(i));
        rssPeak = Math.max(rssPeak, rssMiB());
        // The worker's answer is a message: let it in between calls.
        await nextTurn();
      }
      const report = await verifying;
      const verifyMs = performance.now() - started;
      log(
        `  ${name}: ${during.length} first pages while verifyLedger ran ${verifyMs.toFixed(0)} ms on its worker (ok: ${report.ok}); ` +
          `p50 ${median(during).toFixed(1)} ms, p95 ${percentile(during, 95).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms; ` +
          `resident memory ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MiB (+${(rssPeak - rssBefore).toFixed(0)})`,
      );
      record(name, percentile(during, 95), percentile(quiet, 95), report.ok ? undefined : 'ledger differences');
    } catch (error) {
      record(name, Number.NaN, Number.NaN, error instanceof Error ? error.message : String(error));
    } finally {
      await reads.close();
    }
  }
}
