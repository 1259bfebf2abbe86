// Timing helpers of the bench: each operation is timed against a raw-SQLite baseline in the same run
// and recorded as { ms, baselineMs, ratio } (medians); and the cache writes every baseline repeats.
import type Database from 'better-sqlite3';

export interface Measure {
  ms: number;
  baselineMs: number;
  ratio: number;
  error?: string;
}
export const results: Record<string, Measure> = {};

const startedAt = performance.now();

export function log(message: string): void {
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}

let settle: () => void = () => undefined;

/**
 * Work a host does between calls rather than inside them, done untimed before each timed call of either
 * side: the app checkpoints its write-ahead log after answering (db/checkpoints.ts), and a benchmark calling
 * in a loop never gives it the turn of the event loop it runs on.
 */
export function settleBeforeEachTiming(fn: () => void): void {
  settle = fn;
}

export function timed(fn: () => void): number {
  settle();
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function record(name: string, ms: number, baselineMs: number, error?: string): void {
  const round = (n: number) => Math.round(n * 10) / 10;
  results[name] = { ms: round(ms), baselineMs: round(baselineMs), ratio: Math.round((ms / baselineMs) * 100) / 100, ...(error ? { error } : {}) };
  log(`${name}: ${round(ms)} ms (baseline ${round(baselineMs)} ms)${error ? ` ERROR ${error}` : ''}`);
}

/**
 * Times `run` and `baseline` `runs` times each, alternating, and records the medians. The hooks run
 * untimed: `prepare` before each run (e.g. to start a stocktake), `between` after it (e.g. to read back
 * what it wrote for the baseline to repeat).
 */
export function measure(name: string, runs: number, run: () => void, baseline: () => void, hooks: { prepare?: () => void; between?: () => void } = {}): void {
  const times: number[] = [];
  const baselineTimes: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      hooks.prepare?.();
      times.push(timed(run));
      hooks.between?.();
      baselineTimes.push(timed(baseline));
    }
    record(name, median(times), median(baselineTimes));
  } catch (error) {
    record(name, Number.NaN, baselineTimes.length ? median(baselineTimes) : Number.NaN, error instanceof Error ? error.message : String(error));
  }
}

/** The same for operations that answer with a promise (PDF rendering). */
export async function measureAsync(name: string, runs: number, run: () => Promise<void>, baseline: () => Promise<void>): Promise<void> {
  const times: number[] = [];
  const baselineTimes: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      settle();
      let t = performance.now();
      await run();
      times.push(performance.now() - t);
      settle();
      t = performance.now();
      await baseline();
      baselineTimes.push(performance.now() - t);
    }
    record(name, median(times), median(baselineTimes));
  } catch (error) {
    record(name, Number.NaN, baselineTimes.length ? median(baselineTimes) : Number.NaN, error instanceof Error ? error.message : String(error));
  }
}

/**
 * The per-action caches the ledger keeps beside the balances (stock_levels per product and location,
 * stock_value_months per month and location): the baselines write them too, once per action as the app
 * does, which also keeps the bench database consistent for the final verifyLedger.
 */
/**
 * The inventory products' picked units as the app keeps them beside its allocations (addHeld): summed per
 * product and location, one update each when flushed, in the writer's transaction.
 */
export function pickedWriter(sqlite: Database.Database) {
  const update = sqlite.prepare(`UPDATE inventory_products SET picked = picked + ? WHERE product_id = ? AND location_id = ?`);
  const sums = new Map<string, [number, number, number]>();
  return {
    add(productId: number, locationId: number, qty: number) {
      const key = `${productId}:${locationId}`;
      const sum = sums.get(key);
      if (sum) sum[0] += qty;
      else sums.set(key, [qty, productId, locationId]);
    },
    flush() {
      for (const [qty, productId, locationId] of sums.values()) if (qty !== 0) update.run(qty, productId, locationId);
      sums.clear();
    },
  };
}

export function cacheWriters(sqlite: Database.Database) {
  const level = sqlite.prepare(
    `INSERT INTO stock_levels (product_id, location_id, qty, value) VALUES (?, ?, ?, ?) ON CONFLICT (product_id, location_id) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value`,
  );
  const month = sqlite.prepare(
    `INSERT INTO stock_value_months (month, location_id, qty, value) VALUES (?, ?, ?, ?) ON CONFLICT (month, location_id) DO UPDATE SET qty = qty + excluded.qty, value = value + excluded.value`,
  );
  return {
    /** Adds qty units worth value to `to` and takes them from `from`, at time `at`. */
    move(productId: number, from: number, to: number, qty: number, value: number, at: number) {
      const m = new Date(at).toISOString().slice(0, 7);
      // Stock levels only where balances are kept: our locations and In-transit (5), not Vendor, Customer,
      // Adjustment or Scrap (1–4).
      if (to >= 5) level.run(productId, to, qty, value);
      if (from >= 5) level.run(productId, from, -qty, -value);
      month.run(m, to, qty, value);
      month.run(m, from, -qty, -value);
    },
  };
}
