// Serial numbers of stocked units. Invariant: among live units (serial_number not null) a product has each
// serial key once (src/shared/serials.ts), held by the unique index lots_serial_key_unique; every write
// keys its serial, every lookup compares keys. A unit whose serial clashed with an older one when the rule
// came in keeps a null key and a row in serial_clashes until its serial is corrected: it is found by its
// exact serial meanwhile, and its key still blocks new units.
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import type { Sqlite } from '@main/db/open';
import type { Ctx } from '../context';

function statementsFor(sqlite: Sqlite) {
  return {
    exact: sqlite.prepare<[number, string], SerialUnit>(`SELECT id, product_id AS productId, serial_number AS serialNumber, unit_cost AS unitCost FROM lots WHERE product_id = ? AND serial_number = ?`),
    byKey: sqlite.prepare<[string, number], SerialUnit>(
      `SELECT id, product_id AS productId, serial_number AS serialNumber, unit_cost AS unitCost FROM lots WHERE serial_key = ? AND product_id = ? AND serial_number IS NOT NULL`,
    ),
    exactAnyProduct: sqlite.prepare<[string], SerialUnit>(
      `SELECT id, product_id AS productId, serial_number AS serialNumber, unit_cost AS unitCost FROM lots WHERE serial_number = ? ORDER BY id DESC LIMIT 1`,
    ),
    byKeyAnyProduct: sqlite.prepare<[string], SerialUnit>(
      `SELECT id, product_id AS productId, serial_number AS serialNumber, unit_cost AS unitCost FROM lots WHERE serial_key = ? AND serial_number IS NOT NULL ORDER BY id DESC LIMIT 1`,
    ),
    takenKeys: sqlite.prepare<[string, number, number, string], { k: string; s: string }>(
      `SELECT l.serial_key AS k, l.serial_number AS s FROM json_each(?) j CROSS JOIN lots l INDEXED BY lots_serial_key_unique ON l.serial_key = j.value AND l.product_id = ? AND l.serial_number IS NOT NULL
       UNION ALL
       SELECT c.serial_key, l.serial_number FROM serial_clashes c JOIN lots l ON l.id = c.lot_id
       WHERE c.product_id = ? AND c.serial_key IN (SELECT value FROM json_each(?)) AND l.serial_number IS NOT NULL`,
    ),
    holderOfKey: sqlite.prepare<[string, number, number, string, number, number], { id: number; serialNumber: string }>(
      `SELECT id, serial_number AS serialNumber FROM lots WHERE serial_key = ? AND product_id = ? AND serial_number IS NOT NULL AND id <> ?
       UNION ALL
       SELECT l.id, l.serial_number FROM serial_clashes c JOIN lots l ON l.id = c.lot_id WHERE c.serial_key = ? AND c.product_id = ? AND l.serial_number IS NOT NULL AND l.id <> ?
       LIMIT 1`,
    ),
  };
}

const cache = new WeakMap<Sqlite, ReturnType<typeof statementsFor>>();
function statements(sqlite: Sqlite) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statementsFor(sqlite)));
  return s;
}

export interface SerialUnit {
  id: number;
  productId: number;
  serialNumber: string;
  unitCost: number;
}

/** The live unit of a product a typed serial names: the exact serial first, then any spelling of it. */
export function findSerialUnit(ctx: Ctx, productId: number, typed: string): SerialUnit | undefined {
  const s = statements(ctx.sqlite);
  return s.exact.get(productId, typed) ?? s.byKey.get(serialKey(typed), productId);
}

/** The live unit of any product a scanned serial names (the newest when two products share it). */
export function findSerialUnitAnyProduct(ctx: Ctx, typed: string): SerialUnit | undefined {
  const s = statements(ctx.sqlite);
  return s.exactAnyProduct.get(typed) ?? s.byKeyAnyProduct.get(serialKey(typed));
}

/** The spellings (each once) of every unit the list names more than once. */
function repeatedSpellings(serials: string[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const serial of serials) {
    const key = serialKey(serial);
    const group = byKey.get(key);
    if (group) group.push(serial);
    else byKey.set(key, [serial]);
  }
  return [...byKey.values()].filter((g) => g.length > 1).flatMap((g) => [...new Set(g)]);
}

/** Refuses a list that names one unit twice, in any spelling; names every spelling involved. */
export function assertNoRepeatedSerials(serials: string[]): void {
  const repeated = repeatedSpellings(serials);
  if (repeated.length > 0) throw new DomainError('DUPLICATE_SERIAL', { serials: repeated.slice(0, 50), within: 'list', count: repeated.length });
}

/**
 * Refuses new serials for a product that repeat within the list or name a live unit of the product in any
 * spelling. details.serials are the offending serials as typed, details.existing the units' serials.
 */
export function assertSerialsUnique(ctx: Ctx, productId: number, serials: string[]): void {
  assertNoRepeatedSerials(serials);
  const taken = takenSerials(ctx, productId, serials);
  if (taken.named.length > 0) {
    throw new DomainError('DUPLICATE_SERIAL', { serials: taken.named.slice(0, 50), existing: taken.existing.slice(0, 50), within: 'stock', count: taken.named.length });
  }
}

/**
 * The serials (as typed) that another unit of the product already has, in any spelling, and those units'
 * own spellings. One statement for the whole list (a receipt may bring 20,000 serials): the keys probe the
 * unique index; the clash list is scanned for the product (it holds a handful of rows at most).
 */
export function takenSerials(ctx: Ctx, productId: number, serials: string[]): { named: string[]; existing: string[] } {
  const typedByKey = new Map(serials.map((s) => [serialKey(s), s]));
  const keys = JSON.stringify([...typedByKey.keys()]);
  const rows = statements(ctx.sqlite).takenKeys.all(keys, productId, productId, keys);
  return { named: [...new Set(rows.map((r) => typedByKey.get(r.k)!))], existing: rows.map((r) => r.s) };
}

/** Another live unit of the product that a serial would name (its key, or a clashing unit's key). */
export function serialHolder(ctx: Ctx, productId: number, serial: string, exceptLotId: number): { id: number; serialNumber: string } | undefined {
  const key = serialKey(serial);
  return statements(ctx.sqlite).holderOfKey.get(key, productId, exceptLotId, key, productId, exceptLotId);
}

/**
 * After a unit's serial changed away from `oldKey`, a unit that clashed with it on that key can hold it
 * now: the oldest one takes the key and leaves the clash list.
 */
export function releaseSerialKey(ctx: Ctx, productId: number, oldKey: string): void {
  const next = ctx.sqlite
    .prepare<[string, number], { lotId: number }>(
      `SELECT c.lot_id AS lotId FROM serial_clashes c JOIN lots l ON l.id = c.lot_id WHERE c.serial_key = ? AND c.product_id = ? AND l.serial_number IS NOT NULL ORDER BY c.lot_id LIMIT 1`,
    )
    .get(oldKey, productId);
  if (!next) return;
  const taken = ctx.sqlite.prepare(`SELECT 1 FROM lots WHERE serial_key = ? AND product_id = ? AND serial_number IS NOT NULL`).get(oldKey, productId);
  if (taken) return;
  ctx.sqlite.prepare(`UPDATE lots SET serial_key = ? WHERE id = ?`).run(oldKey, next.lotId);
  ctx.sqlite.prepare(`DELETE FROM serial_clashes WHERE lot_id = ?`).run(next.lotId);
}

/**
 * Keys the serials written without one: every serial when migration 0004 comes in, and later only rows a raw
 * load wrote. Oldest lot first: a later unit whose key a live unit of the product already holds keeps a null
 * key and is listed in serial_clashes, so the unique index holds and the database stays usable. Runs at
 * start-up, outside dispatch: the caller opens its transaction (writeTransaction).
 */
export function keyUnkeyedSerials(ctx: Ctx): { keyed: number; clashes: number } {
  const rows = ctx.sqlite
    .prepare<[], { id: number; productId: number; serialNumber: string | null; voided: string | null }>(
      `SELECT id, product_id AS productId, serial_number AS serialNumber, voided_serial_number AS voided FROM lots INDEXED BY lots_unkeyed_serial_idx
       WHERE serial_key IS NULL AND (serial_number IS NOT NULL OR voided_serial_number IS NOT NULL) AND id NOT IN (SELECT lot_id FROM serial_clashes) ORDER BY id`,
    )
    .all();
  if (rows.length === 0) return { keyed: 0, clashes: 0 };
  const setKey = ctx.sqlite.prepare(`UPDATE lots SET serial_key = ? WHERE id = ?`);
  const holder = ctx.sqlite.prepare<[string, number], { id: number }>(`SELECT id FROM lots WHERE serial_key = ? AND product_id = ? AND serial_number IS NOT NULL`);
  const clash = ctx.sqlite.prepare(`INSERT INTO serial_clashes (lot_id, product_id, serial_key, kept_lot_id, detected_at) VALUES (?, ?, ?, ?, ?)`);
  const now = ctx.now();
  let keyed = 0;
  let clashes = 0;
  for (const row of rows) {
    const key = serialKey(row.serialNumber ?? row.voided!);
    const kept = row.serialNumber === null ? undefined : holder.get(key, row.productId);
    if (kept) {
      clash.run(row.id, row.productId, key, kept.id, now);
      clashes += 1;
    } else {
      setKey.run(key, row.id);
      keyed += 1;
    }
  }
  return { keyed, clashes };
}

export interface SerialClash {
  lotId: number;
  productId: number;
  sku: string;
  serialNumber: string;
  keptLotId: number;
  keptSerialNumber: string | null;
  detectedAt: number;
}

/** Units still waiting for a corrected serial, for the integrity check. */
export function listSerialClashes(ctx: Ctx): SerialClash[] {
  return ctx.sqlite
    .prepare<[], SerialClash>(
      `SELECT c.lot_id AS lotId, c.product_id AS productId, p.sku, l.serial_number AS serialNumber, c.kept_lot_id AS keptLotId, k.serial_number AS keptSerialNumber, c.detected_at AS detectedAt
       FROM serial_clashes c JOIN lots l ON l.id = c.lot_id JOIN lots k ON k.id = c.kept_lot_id JOIN products p ON p.id = c.product_id
       WHERE l.serial_number IS NOT NULL ORDER BY p.sku, c.lot_id LIMIT 1000`,
    )
    .all();
}

/** The key range of serials that start with the typed text in any spelling. */
function keyRange(typed: string): [string, string] {
  const key = serialKey(typed);
  return [key, `${key}\u{10FFFF}`];
}

/**
 * Live units whose serial starts with the typed text in any spelling, as an index range on the key (and the
 * few clashing units), for the lists that filter by serial prefix.
 */
export function serialKeyPrefix(lotAlias: string, typed: string): { sql: string; params: string[] } {
  const [from, to] = keyRange(typed);
  return {
    sql: `((${lotAlias}.serial_key >= ? AND ${lotAlias}.serial_key < ? AND ${lotAlias}.serial_number IS NOT NULL)
      OR ${lotAlias}.id IN (SELECT lot_id FROM serial_clashes WHERE serial_key >= ? AND serial_key < ?))`,
    params: [from, to, from, to],
  };
}

/**
 * The ids of the live units whose serial starts with the typed text in any spelling (the key range and the
 * few clashing units), for a set known to be small: a list then probes where each is on hand.
 */
export function serialPrefixLotIds(typed: string): { sql: string; params: string[] } {
  const [from, to] = keyRange(typed);
  return {
    sql: `SELECT id FROM lots WHERE serial_key >= ? AND serial_key < ? AND serial_number IS NOT NULL
      UNION SELECT lot_id FROM serial_clashes WHERE serial_key >= ? AND serial_key < ?`,
    params: [from, to, from, to],
  };
}

/**
 * The first `limit` live units whose serial starts with the typed text in any spelling, in key order: the
 * index range stops after `limit` rows however short the text (the clashing units are few).
 */
export function serialLotIdsWithPrefix(typed: string, limit: number): { sql: string; params: string[] } {
  const [from, to] = keyRange(typed);
  return {
    sql: `SELECT id FROM (SELECT id FROM lots WHERE serial_key >= ? AND serial_key < ? AND serial_number IS NOT NULL ORDER BY serial_key LIMIT ${limit})
      UNION SELECT lot_id FROM serial_clashes WHERE serial_key >= ? AND serial_key < ?`,
    params: [from, to, from, to],
  };
}

/** Lots that carry or carried a serial in any spelling (voided by a cancelled receipt included), for the history. */
export function lotsWithSerialSql(typed: string): { sql: string; params: string[] } {
  const key = serialKey(typed);
  return {
    sql: `(SELECT id FROM lots WHERE serial_key = ? AND serial_number IS NOT NULL
      UNION ALL SELECT id FROM lots WHERE serial_key = ? AND voided_serial_number IS NOT NULL
      UNION ALL SELECT lot_id FROM serial_clashes WHERE serial_key = ?)`,
    params: [key, key, key],
  };
}
