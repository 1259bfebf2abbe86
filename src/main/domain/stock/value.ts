// Inventory value = Σ units on hand × their lot's cost, over internal locations and In-transit (units
// shipped between our own locations are still ours). Now, per location: the month totals, all of them;
// per product: stock_levels.
// At a past date, per location: the month totals (stock_value_months) before that date's month, plus the
// moves of its own month up to the date, which carry their unit cost. Per product at a past date: one
// grouped pass over the moves up to it.
// Values can pass 2^53: SQL sums them in exact 64-bit integers, they are read as bigint (safeIntegers) and
// summed in bigint, and they leave as decimal strings (the contract's `amount`).
import type { ParsedInput } from '@shared/contract';
import type { locationKinds } from '@shared/contract/locations';
import type { Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';
import { paging } from '../paging';
import { monthOf } from './ledger';

type LocationKind = (typeof locationKinds)[number];

/** A row of the value per product: units and value (an exact decimal string) of one product. */
interface ProductValue {
  id: number;
  name: string;
  sku: string;
  units: number;
  value: string;
}

function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function internalLocations(ctx: Ctx): Map<number, { name: string; kind: LocationKind }> {
  const rows = ctx.sqlite.prepare<[number], { id: number; name: string; kind: LocationKind }>(`SELECT id, name, kind FROM locations WHERE usage = 'internal' OR id = ?`).all(VIRTUAL.transit);
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

/** Rows of an aggregate query with every integer as bigint: a sum of values can pass 2^53. */
function exactRows<T>(ctx: Ctx, sql: string, ...params: unknown[]): T[] {
  return ctx.sqlite.prepare<unknown[], T>(sql).safeIntegers(true).all(...params);
}

export function valueByLocation(ctx: Ctx, at: number | undefined) {
  const internal = internalLocations(ctx);
  const totals = new Map<number, { units: bigint; value: bigint }>();
  const add = (loc: bigint, units: bigint, value: bigint) => {
    if (!internal.has(Number(loc))) return;
    const t = totals.get(Number(loc)) ?? { units: 0n, value: 0n };
    t.units += units;
    t.value += value;
    totals.set(Number(loc), t);
  };
  if (at === undefined) {
    // Every month's totals add up to what each location holds now: a few hundred rows, not every level.
    const rows = exactRows<{ loc: bigint; units: bigint; value: bigint }>(ctx, `SELECT location_id AS loc, sum(qty) AS units, sum(value) AS value FROM stock_value_months GROUP BY location_id`);
    for (const r of rows) add(r.loc, r.units, r.value);
  } else {
    const before = exactRows<{ loc: bigint; units: bigint; value: bigint }>(
      ctx,
      `SELECT location_id AS loc, sum(qty) AS units, sum(value) AS value FROM stock_value_months WHERE month < ? GROUP BY location_id`,
      monthOf(at),
    );
    for (const r of before) add(r.loc, r.units, r.value);
    const rows = exactRows<{ f: bigint; t: bigint; units: bigint; value: bigint }>(
      ctx,
      `SELECT from_location_id AS f, to_location_id AS t, sum(qty) AS units, sum(qty * unit_cost) AS value FROM stock_moves
       WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY from_location_id, to_location_id`,
      monthStart(at),
      at,
    );
    for (const r of rows) {
      add(r.t, r.units, r.value);
      add(r.f, -r.units, -r.value);
    }
  }
  const rows = [...internal.entries()]
    .map(([id, { name, kind }]) => ({ id, name, kind, units: totals.get(id)?.units ?? 0n, value: totals.get(id)?.value ?? 0n }))
    .filter((r) => r.units !== 0n || r.value !== 0n)
    .sort((a, b) => (a.value === b.value ? a.name.localeCompare(b.name) : a.value > b.value ? -1 : 1));
  return {
    at: at ?? ctx.now(),
    total: rows.reduce((s, r) => s + r.value, 0n).toString(),
    rows: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, units: Number(r.units), value: r.value.toString() })),
  };
}

/**
 * Value per product, highest first. Now: every location together from the figures kept on the product
 * (an index in value order), one location from its stock levels (an index in value order too). At a
 * past date: one grouped pass over the moves up to it.
 */
export function valueByProduct(ctx: Ctx, input: ParsedInput<'stock.valueByProduct'>) {
  if (input.at === undefined) return valueByProductNow(ctx, input);
  const internalIds = [...internalLocations(ctx).keys()].filter((id) => !input.locationId || id === input.locationId);
  const inList = internalIds.length ? internalIds.join(',') : '-1';
  const grouped = `SELECT product_id AS id,
                sum(CASE WHEN to_location_id IN (${inList}) THEN qty ELSE 0 END) - sum(CASE WHEN from_location_id IN (${inList}) THEN qty ELSE 0 END) AS units,
                sum(CASE WHEN to_location_id IN (${inList}) THEN qty * unit_cost ELSE 0 END) - sum(CASE WHEN from_location_id IN (${inList}) THEN qty * unit_cost ELSE 0 END) AS value
         FROM stock_moves WHERE occurred_at <= ? AND (to_location_id IN (${inList}) OR from_location_id IN (${inList})) GROUP BY product_id HAVING units <> 0`;
  const params = [input.at];
  const page = paging(input);
  const rows = ctx.sqlite
    .prepare<unknown[], ProductValue>(
      `SELECT g.id, p.name, p.sku, g.units, CAST(g.value AS TEXT) AS value FROM (${grouped}) g JOIN products p ON p.id = g.id ORDER BY g.value DESC, p.sku LIMIT ? OFFSET ?`,
    )
    .all(...params, page.limit, page.offset);
  const total = ctx.sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM (${grouped})`).get(...params)!.n;
  return { at: input.at, rows, total };
}

/** Month-end values (UTC) for the last `months` months, the current month ending now. */
export function valueSeries(ctx: Ctx, months: number) {
  const now = ctx.now();
  const ends: number[] = [];
  const d = new Date(now);
  for (let i = months - 1; i >= 0; i--) {
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i + 1, 1) - 1;
    ends.push(Math.min(end, now));
  }
  const inList = [...internalLocations(ctx).keys()].join(',') || '-1';
  const byMonth = exactRows<{ month: string; delta: bigint }>(
    ctx,
    `SELECT month, sum(value) AS delta FROM stock_value_months WHERE location_id IN (${inList}) AND month <= ? GROUP BY month ORDER BY month`,
    monthOf(now),
  );
  let running = 0n;
  let i = 0;
  return ends.map((end) => {
    const key = monthOf(end);
    while (i < byMonth.length && byMonth[i]!.month <= key) running += byMonth[i++]!.delta;
    return { at: end, value: running.toString() };
  });
}

function valueByProductNow(ctx: Ctx, input: ParsedInput<'stock.valueByProduct'>) {
  const internal = internalLocations(ctx);
  const page = paging(input);
  const limit = [page.limit, page.offset];
  if (input.locationId === undefined) {
    const rows = ctx.sqlite
      .prepare<number[], ProductValue>(
        `SELECT id, name, sku, owned_qty AS units, CAST(owned_value AS TEXT) AS value FROM products INDEXED BY products_owned_value_idx WHERE owned_qty <> 0 ORDER BY owned_value DESC, sku LIMIT ? OFFSET ?`,
      )
      .all(...limit);
    const total = ctx.sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM products WHERE owned_qty <> 0`).get()!.n;
    return { at: ctx.now(), rows, total };
  }
  if (!internal.has(input.locationId)) return { at: ctx.now(), rows: [], total: 0 };
  const rows = ctx.sqlite
    .prepare<number[], ProductValue>(
      `SELECT p.id, p.name, p.sku, s.qty AS units, CAST(s.value AS TEXT) AS value FROM stock_levels s INDEXED BY stock_levels_location_value_idx JOIN products p ON p.id = s.product_id
       WHERE s.location_id = ? AND s.qty <> 0 ORDER BY s.value DESC, p.sku LIMIT ? OFFSET ?`,
    )
    .all(input.locationId, ...limit);
  const total = ctx.sqlite.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM stock_levels WHERE location_id = ? AND qty <> 0`).get(input.locationId)!.n;
  return { at: ctx.now(), rows, total };
}
