// Choosing the units that leave a location: the serials the user named, or the oldest free lots (FIFO);
// never units held by an allocation. The lines of one action choose cumulatively: every choice goes
// through the action's Claims, which remembers what its earlier lines took, so two lines of the same
// product never take the same units and a line only sees what is left. Moves are posted after all lines
// have chosen, so the balances alone could not tell.
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import type { Sqlite } from '@main/db/open';
import type { Ctx } from '../context';
import { chargesHolding, heldUnitsError } from './ledger';
import { findSerialUnit } from './serials';

/** A lot's units at a location, as chosen for leaving. */
export interface TakenUnits {
  lotId: number;
  qty: number;
  unitCost: number;
  serialNumber: string | null;
}

/** What the lines of one action have taken so far, per lot and location. */
export class Claims {
  private readonly taken = new Map<string, number>();
  /** Serials named so far (product and key), with the spelling used, to name a repeat across lines. */
  private readonly serials = new Map<string, string>();

  claimed(lotId: number, locationId: number): number {
    return this.taken.get(`${lotId}:${locationId}`) ?? 0;
  }

  /** The spelling an earlier line used for this serial of the product, if one named it (two products may share a serial). */
  namedBefore(productId: number, serial: string): string | undefined {
    return this.serials.get(`${productId}:${serialKey(serial)}`);
  }

  add(locationId: number, units: TakenUnits[]): void {
    for (const u of units) {
      const id = `${u.lotId}:${locationId}`;
      this.taken.set(id, (this.taken.get(id) ?? 0) + u.qty);
    }
  }

  nameSerials(productId: number, serials: string[]): void {
    for (const s of serials) this.serials.set(`${productId}:${serialKey(s)}`, s);
  }
}

function statementsFor(sqlite: Sqlite) {
  return {
    freeLots: sqlite.prepare<[number, number], { lotId: number; free: number; unitCost: number; serialNumber: string | null }>(
      `SELECT b.lot_id AS lotId, b.qty - coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) AS free,
              l.unit_cost AS unitCost, l.serial_number AS serialNumber
       FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.product_id = ? AND b.location_id = ? AND b.qty > 0
       ORDER BY l.received_at, l.id`,
    ),
    onHand: sqlite.prepare<[number, number], { qty: number }>(`SELECT qty FROM balances WHERE lot_id = ? AND location_id = ?`),
    held: sqlite.prepare<[number, number], { n: number }>(`SELECT coalesce(sum(qty), 0) AS n FROM allocations WHERE lot_id = ? AND location_id = ?`),
  };
}

const cache = new WeakMap<Sqlite, ReturnType<typeof statementsFor>>();
function statements(sqlite: Sqlite) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statementsFor(sqlite)));
  return s;
}

/** Oldest lots first (FIFO): units neither held by allocations nor taken by earlier lines of the action. */
export function takeOldestFirst(ctx: Ctx, claims: Claims, productId: number, locationId: number, qty: number): TakenUnits[] {
  const rows = statements(ctx.sqlite).freeLots.all(productId, locationId);
  const taken: TakenUnits[] = [];
  let remaining = qty;
  for (const row of rows) {
    if (remaining === 0) break;
    const free = row.free - claims.claimed(row.lotId, locationId);
    if (free <= 0) continue;
    const n = Math.min(free, remaining);
    taken.push({ lotId: row.lotId, qty: n, unitCost: row.unitCost, serialNumber: row.serialNumber });
    remaining -= n;
  }
  if (remaining > 0) {
    // Units on hand but picked for charges are not free: the refusal names who holds them.
    const heldBy = chargesHolding(ctx.sqlite, productId, locationId);
    throw new DomainError('INSUFFICIENT_STOCK', { productId, locationId, requested: qty, available: qty - remaining, ...(heldBy.length ? { heldBy } : {}) });
  }
  claims.add(locationId, taken);
  return taken;
}

/**
 * The named serial units, each on hand and free at the location. A serial named twice (in any spelling, on
 * this line or an earlier one) is DUPLICATE_SERIAL; one that is not here is SERIAL_NOT_FOUND; one here but
 * held for a quote or a charge is SERIAL_UNAVAILABLE, naming the unit's serial and what holds it.
 */
export function takeSerials(ctx: Ctx, claims: Claims, productId: number, locationId: number, serials: string[]): TakenUnits[] {
  const s = statements(ctx.sqlite);
  const repeated: string[] = [];
  const seen = new Map<string, string>();
  for (const serial of serials) {
    const key = serialKey(serial);
    const before = seen.get(key) ?? claims.namedBefore(productId, serial);
    if (before !== undefined) repeated.push(before, serial);
    seen.set(key, serial);
  }
  if (repeated.length > 0) throw new DomainError('DUPLICATE_SERIAL', { serials: [...new Set(repeated)].slice(0, 50), within: 'list', count: repeated.length });
  const taken: TakenUnits[] = [];
  const missing: string[] = [];
  const unavailable: number[] = [];
  for (const serial of serials) {
    const unit = findSerialUnit(ctx, productId, serial);
    const onHand = unit ? (s.onHand.get(unit.id, locationId)?.qty ?? 0) - claims.claimed(unit.id, locationId) : 0;
    if (!unit || onHand < 1) missing.push(serial);
    else if (onHand - s.held.get(unit.id, locationId)!.n < 1) unavailable.push(unit.id);
    else taken.push({ lotId: unit.id, qty: 1, unitCost: unit.unitCost, serialNumber: unit.serialNumber });
  }
  if (missing.length > 0) throw new DomainError('SERIAL_NOT_FOUND', { serials: missing.slice(0, 50), count: missing.length, locationId });
  if (unavailable.length > 0) throw heldUnitsError(ctx.sqlite, unavailable[0]!, locationId, { count: unavailable.length });
  claims.add(locationId, taken);
  claims.nameSerials(productId, serials);
  return taken;
}

/** A line as the user entered it: a quantity (FIFO) or serials, for a serialized product serials only. */
export interface UnitsLine {
  product: { id: number; serialized: boolean };
  qty?: number;
  serials?: string[];
}

/** Which units one line takes: the chosen serials, or the oldest free lots. */
export function chooseUnits(ctx: Ctx, claims: Claims, locationId: number, line: UnitsLine): TakenUnits[] {
  const { product, qty, serials } = line;
  if (product.serialized) {
    if (!serials || serials.length === 0) throw new DomainError('SERIAL_REQUIRED', { productId: product.id });
    if (qty !== undefined && qty !== serials.length) throw new DomainError('SERIAL_COUNT_MISMATCH', { qty, serials: serials.length });
    return takeSerials(ctx, claims, product.id, locationId, serials);
  }
  if (serials && serials.length > 0) throw new DomainError('SERIALS_NOT_ALLOWED');
  if (!qty) throw new DomainError('VALIDATION', { fields: [{ path: 'qty', code: 'required' }] });
  return takeOldestFirst(ctx, claims, product.id, locationId, qty);
}

/**
 * Units for every line of one action leaving one location, in the lines' order. Lines naming serials choose
 * first, so a quantity line of the same product takes from what they leave rather than a unit another line
 * asked for by name.
 */
export function chooseUnitsForLines(ctx: Ctx, locationId: number, lines: UnitsLine[]): TakenUnits[][] {
  const claims = new Claims();
  const result: TakenUnits[][] = new Array(lines.length);
  const order = lines.map((_, i) => i).sort((a, b) => Number(!lines[a]!.serials?.length) - Number(!lines[b]!.serials?.length) || a - b);
  for (const i of order) {
    try {
      result[i] = chooseUnits(ctx, claims, locationId, lines[i]!);
    } catch (error) {
      if (error instanceof DomainError && lines.length > 1) throw new DomainError(error.code, { ...error.details, line: i }, error.message);
      throw error;
    }
  }
  return result;
}
