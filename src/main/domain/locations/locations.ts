// Inventory locations. Invariants: names are unique; virtual locations (Vendor, Customer, Adjustment,
// Scrap, In-transit) come from the first migration and are never edited; exactly one active internal
// location is the default once any exists; the default is never owned by a user nor inactive; a
// location holding stock or allocations cannot be deactivated.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { ParsedInput } from '@shared/contract';
import type { Location } from '@shared/contract/locations';
import { DomainError } from '@shared/errors';
import { locations, users } from '@main/db/schema';
import { prepared, type Ctx } from '../context';

/** Ids fixed by migration 0000. */
export const VIRTUAL = { vendor: 1, customer: 2, adjustment: 3, scrap: 4, transit: 5 } as const;

type LocationRow = typeof locations.$inferSelect;

// Σ of the location's month totals (kept with every move; see ledger.ts) equals Σ of its balances: a few
// rows per month instead of one per lot (summing balances took ~150 ms per list at 1M moves).
const unitsOnHandSql = sql<number>`coalesce((select sum(m.qty) from stock_value_months m where m.location_id = ${locations.id}), 0)`;

const refillFromNameSql = sql<string | null>`(select r.name from locations r where r.id = ${locations.refillFromId})`;

function selectLocations(ctx: Ctx) {
  return ctx.db
    .select({ location: locations, ownerName: users.displayName, unitsOnHand: unitsOnHandSql, refillFromName: refillFromNameSql })
    .from(locations)
    .leftJoin(users, eq(users.id, locations.ownerUserId));
}

function toLocation(r: { location: LocationRow; ownerName: string | null; unitsOnHand: number; refillFromName: string | null }): Location {
  const l = r.location;
  return {
    id: l.id,
    name: l.name,
    kind: l.kind,
    usage: l.usage,
    ownerUserId: l.ownerUserId,
    ownerName: r.ownerName,
    isDefault: l.isDefault,
    active: l.active,
    offersStock: l.offersStock,
    refillFromId: l.refillFromId,
    refillFromName: r.refillFromName,
    address: l.address,
    notes: l.notes,
    unitsOnHand: l.usage === 'internal' ? r.unitsOnHand : 0,
  };
}

export function listLocations(ctx: Ctx, input: ParsedInput<'locations.list'>): Location[] {
  const conditions = [];
  if (!input.includeVirtual) conditions.push(eq(locations.usage, 'internal'));
  if (!input.includeInactive) conditions.push(eq(locations.active, true));
  return selectLocations(ctx)
    .where(and(...conditions))
    .orderBy(sql`${locations.usage} = 'virtual'`, sql`${locations.isDefault} desc`, locations.name)
    .all()
    .map(toLocation);
}

export function getLocation(ctx: Ctx, id: number): Location {
  const row = selectLocations(ctx).where(eq(locations.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
  return toLocation(row);
}

/** An active internal location, as required by every stock operation. */
/**
 * An internal, active location that offers its units: where units may be reserved or picked (a returns shelf
 * or a quarantine holds units without offering them). LOCATION_NOT_OFFERED names it.
 */
export function requireOfferingLocation(ctx: Ctx, id: number): LocationRow {
  const row = requireStockLocation(ctx, id);
  if (!row.offersStock) throw new DomainError('LOCATION_NOT_OFFERED', { locationId: id, name: row.name });
  return row;
}

export function requireStockLocation(ctx: Ctx, id: number): LocationRow {
  const row = ctx.db.select().from(locations).where(eq(locations.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
  if (row.usage !== 'internal') throw new DomainError('LOCATION_VIRTUAL', { locationId: id, name: row.name });
  if (!row.active) throw new DomainError('LOCATION_INACTIVE', { locationId: id, name: row.name });
  return row;
}

function requireEditable(ctx: Ctx, id: number): LocationRow {
  const row = ctx.db.select().from(locations).where(eq(locations.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
  if (row.usage === 'virtual') throw new DomainError('LOCATION_VIRTUAL', { locationId: id, name: row.name });
  return row;
}

function checkName(ctx: Ctx, name: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: locations.id })
    .from(locations)
    .where(and(sql`lower(${locations.name}) = lower(${name})`, exceptId ? ne(locations.id, exceptId) : undefined))
    .get();
  if (clash) throw new DomainError('CONFLICT', { field: 'name', value: name });
}

function checkOwner(ctx: Ctx, kind: string, ownerUserId: number | null): void {
  if (ownerUserId !== null) {
    const owner = ctx.db.select({ id: users.id }).from(users).where(eq(users.id, ownerUserId)).get();
    if (!owner) throw new DomainError('NOT_FOUND', { entity: 'user', id: ownerUserId });
  } else if (kind === 'van') {
    throw new DomainError('VALIDATION', { fields: [{ path: 'ownerUserId', code: 'required' }] });
  }
}

/**
 * A location others are refilled from keeps offering its stock while they name it: refused, naming them, so
 * the vans are pointed elsewhere first rather than silently left without a source.
 */
function requireRefillsNobody(ctx: Ctx, row: LocationRow): void {
  const refilled = prepared<[number], { name: string }>(ctx, `SELECT name FROM locations WHERE refill_from_id = ? AND active = 1 ORDER BY name`)
    .all(row.id)
    .map((r) => r.name);
  if (refilled.length > 0) throw new DomainError('CONFLICT', { reason: 'refillsOthers', name: row.name, locations: refilled.slice(0, 10), count: refilled.length });
}

/**
 * The location named to refill `id` (null for a new one): active, internal, offering its stock, and not
 * `id` itself nor a location refilled from `id` in turn (refills would go round in a circle).
 */
function checkRefillSource(ctx: Ctx, id: number | null, refillFromId: number | null): void {
  if (refillFromId === null) return;
  if (refillFromId === id) throw new DomainError('CONFLICT', { reason: 'refillSelf', name: requireEditable(ctx, id).name });
  const source = requireOfferingLocation(ctx, refillFromId);
  const chain = new Set<number>();
  for (let at: number | null = refillFromId; at !== null && !chain.has(at); ) {
    if (at === id) throw new DomainError('CONFLICT', { reason: 'refillLoop', name: source.name });
    chain.add(at);
    at = ctx.db.select({ next: locations.refillFromId }).from(locations).where(eq(locations.id, at)).get()?.next ?? null;
  }
}

export function createLocation(ctx: Ctx, input: ParsedInput<'locations.create'>): Location {
  checkName(ctx, input.name);
  checkOwner(ctx, input.kind, input.ownerUserId);
  checkRefillSource(ctx, null, input.refillFromId ?? null);
  const hasDefault = ctx.db.select({ id: locations.id }).from(locations).where(eq(locations.isDefault, true)).get();
  const makeDefault = input.isDefault || (!hasDefault && input.ownerUserId === null);
  if (makeDefault && input.ownerUserId !== null) throw new DomainError('LOCATION_OWNED_CANNOT_BE_DEFAULT');
  // A returns shelf holds what came back until someone checks it: it offers nothing unless told to.
  const offersStock = input.offersStock ?? input.kind !== 'returns';
  if (makeDefault && !offersStock) throw new DomainError('LOCATION_NOT_OFFERED', { name: input.name, reason: 'default' });
  if (makeDefault) ctx.db.update(locations).set({ isDefault: false }).where(eq(locations.usage, 'internal')).run();
  const row = ctx.db
    .insert(locations)
    .values({ name: input.name, kind: input.kind, usage: 'internal', ownerUserId: input.ownerUserId, isDefault: makeDefault, offersStock, refillFromId: input.refillFromId ?? null, address: input.address, notes: input.notes, createdAt: ctx.now() })
    .returning({ id: locations.id })
    .get();
  return getLocation(ctx, row.id);
}

export function updateLocation(ctx: Ctx, input: ParsedInput<'locations.update'>): Location {
  const current = requireEditable(ctx, input.id);
  checkName(ctx, input.name, input.id);
  checkOwner(ctx, input.kind, input.ownerUserId);
  const refillFromId = input.refillFromId === undefined ? current.refillFromId : input.refillFromId;
  // Checked when it changes: an edit of anything else never fails on a source that changed since.
  if (refillFromId !== current.refillFromId) checkRefillSource(ctx, input.id, refillFromId);
  if (current.isDefault && input.ownerUserId !== null) throw new DomainError('LOCATION_OWNED_CANNOT_BE_DEFAULT');
  const offersStock = input.offersStock ?? current.offersStock;
  if (current.offersStock && !offersStock) requireRefillsNobody(ctx, current);
  // The default location receives and offers stock: it cannot stop offering it.
  if (current.isDefault && !offersStock) throw new DomainError('LOCATION_NOT_OFFERED', { locationId: input.id, name: input.name, reason: 'default' });
  ctx.db
    .update(locations)
    .set({ name: input.name, kind: input.kind, ownerUserId: input.ownerUserId, offersStock, refillFromId, address: input.address, notes: input.notes })
    .where(eq(locations.id, input.id))
    .run();
  return getLocation(ctx, input.id);
}

export function setDefaultLocation(ctx: Ctx, id: number): Location {
  const row = requireEditable(ctx, id);
  if (!row.active) throw new DomainError('LOCATION_INACTIVE', { locationId: id, name: row.name });
  if (row.ownerUserId !== null) throw new DomainError('LOCATION_OWNED_CANNOT_BE_DEFAULT');
  if (!row.offersStock) throw new DomainError('LOCATION_NOT_OFFERED', { locationId: id, name: row.name, reason: 'default' });
  ctx.db.update(locations).set({ isDefault: false }).where(and(eq(locations.usage, 'internal'), eq(locations.isDefault, true))).run();
  ctx.db.update(locations).set({ isDefault: true }).where(eq(locations.id, id)).run();
  return getLocation(ctx, id);
}

export function setLocationActive(ctx: Ctx, id: number, active: boolean): Location {
  const row = requireEditable(ctx, id);
  if (!active) {
    if (row.isDefault) throw new DomainError('LOCATION_IS_DEFAULT', { name: row.name });
    requireRefillsNobody(ctx, row);
    const usage = ctx.sqlite
      .prepare<[number, number, number, number], { units: number; allocated: number; shipments: number }>(
        `select (select coalesce(sum(qty), 0) from balances where location_id = ?) as units,
                (select coalesce(sum(qty), 0) from allocations where location_id = ?) as allocated,
                (select count(*) from transfers where status in ('inTransit', 'partlyReceived') and (from_location_id = ? or to_location_id = ?)) as shipments`,
      )
      .get(id, id, id, id)!;
    if (usage.units !== 0 || usage.allocated !== 0) throw new DomainError('LOCATION_IN_USE', { name: row.name, units: usage.units, allocated: usage.allocated });
    // A shipment on its way to or from it is received (or canceled back) there.
    if (usage.shipments > 0) throw new DomainError('LOCATION_IN_USE', { name: row.name, units: 0, allocated: 0, shipments: usage.shipments });
  }
  ctx.db.update(locations).set({ active }).where(eq(locations.id, id)).run();
  return getLocation(ctx, id);
}
