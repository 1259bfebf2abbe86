// Picking units for a charge: they stay at their location, held by an allocation (kind 'picked') that no
// other document can take and that the ledger refuses to let leave (ledger.ts). A pick takes at most
// min(available there, still needed); unpicking returns units to available; picked units can be
// transferred (to the van of the technician who installs them) and stay picked. Every pick and unpick is
// a row of the inventory history and of the charge's.
import type { ParsedInput } from '@shared/contract';
import type { Charge } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { requireProduct } from '../catalog/products';
import { nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireOfferingLocation, requireStockLocation } from '../locations/locations';
import { requireLocationRight } from '../locations/rights';
import { addHeld, ensureInventoryProduct } from '../stock/inventoryProducts';
import { postMoves } from '../stock/ledger';
import { transferWorkflow } from '../stock/transfers';
import { chooseUnits, Claims } from '../stock/units';
import { applyTransition, createDocument, requireEditable } from '../workflow/transitions';
import { chargeWorkflow, getCharge, recordChargeEvent, requireCharge, settleCharge, type ChargeRow } from './charges';

/** Units held for a charge at one location, as taken from its allocations. */
export interface PickedUnits {
  allocationId: number;
  lotId: number;
  locationId: number;
  productId: number;
  qty: number;
  unitCost: number;
  serialNumber: string | null;
}

export interface AllocationRow extends PickedUnits {
  serialKey: string | null;
  createdAt: number;
}

/** What holds units: a charge (picked for it) or a quote item (reserved for it); `number` names it in refusals. */
export interface Holder {
  kind: 'picked' | 'reserved';
  sourceType: 'charge' | 'quoteItem';
  id: number;
  number: string;
}

export const chargeHolder = (charge: { id: number; number: string }): Holder => ({ kind: 'picked', sourceType: 'charge', id: charge.id, number: charge.number });

/** The holder's own count of what it holds (charges.picked, quote_items.reserved), kept with its allocations. */
const heldCount: Record<Holder['sourceType'], string> = {
  charge: `UPDATE charges SET picked = picked + ? WHERE id = ?`,
  quoteItem: `UPDATE quote_items SET reserved = reserved + ? WHERE id = ?`,
};

/** What a holder's allocations are: a charge picks, a quote item reserves. */
const kindOf: Record<Holder['sourceType'], Holder['kind']> = { charge: 'picked', quoteItem: 'reserved' };

/** An allocation as AllocationRow reads it (allocations a joined to their lots l). */
const allocationColumns = `a.id AS allocationId, a.lot_id AS lotId, a.location_id AS locationId, a.product_id AS productId, a.qty, l.unit_cost AS unitCost,
       l.serial_number AS serialNumber, l.serial_key AS serialKey, a.created_at AS createdAt`;

function allocationsOf(ctx: Ctx, holder: Holder, locationId: number | undefined): AllocationRow[] {
  return prepared<unknown[], AllocationRow>(
      ctx,
      `SELECT ${allocationColumns}
       FROM allocations a JOIN lots l ON l.id = a.lot_id
       WHERE a.source_type = ? AND a.source_id = ? AND a.kind = ? ${locationId === undefined ? '' : 'AND a.location_id = ?'}
       ORDER BY a.id`,
    ).all(...[holder.sourceType, holder.id, holder.kind, ...(locationId === undefined ? [] : [locationId])]);
}

/**
 * The units several charges hold (a shipment's), read once, by charge: takePicked takes from them. The ids
 * lead the join (CROSS JOIN): left to itself, SQLite walked every charge's allocations for each id.
 */
export type PickedByCharge = ReadonlyMap<number, readonly AllocationRow[]>;

export function pickedByCharge(ctx: Ctx, chargeIds: readonly number[]): PickedByCharge {
  const rows = prepared<[string], AllocationRow & { chargeId: number }>(
    ctx,
    `SELECT a.source_id AS chargeId, ${allocationColumns}
     FROM json_each(?) j CROSS JOIN allocations a INDEXED BY allocations_source_idx ON a.source_type = 'charge' AND a.source_id = j.value JOIN lots l ON l.id = a.lot_id
     WHERE a.kind = 'picked' ORDER BY a.id`,
  ).all(JSON.stringify([...new Set(chargeIds)]));
  const byCharge = new Map<number, AllocationRow[]>();
  for (const { chargeId, ...row } of rows) {
    const held = byCharge.get(chargeId);
    if (held) held.push(row);
    else byCharge.set(chargeId, [row]);
  }
  return byCharge;
}

/** What the lines of one action have taken from a charge's allocations so far (allocation → units). */
export type PickClaims = Map<number, number>;

/** Which of the charge's picked units a line takes (takeHeld). */
export function takePicked(
  ctx: Ctx,
  charge: ChargeRow,
  choice: { locationId?: number; qty?: number; serials?: string[] },
  claims: PickClaims = new Map(),
  order: 'oldest' | 'latest' = 'oldest',
  held?: PickedByCharge,
): PickedUnits[] {
  return takeHeld(ctx, chargeHolder(charge), choice, claims, order, held?.get(charge.id) ?? (held ? [] : undefined));
}

/**
 * Which of the units a holder holds a line takes: the named serials, a quantity (oldest first, or latest
 * first to put back), or everything held (at the location, when one is given). Units it does not hold are
 * NOT_PICKED (NOT_RESERVED for a quote item), naming them.
 */
export function takeHeld(
  ctx: Ctx,
  holder: Holder,
  choice: { locationId?: number; qty?: number; serials?: string[] },
  claims: PickClaims = new Map(),
  order: 'oldest' | 'latest' = 'oldest',
  /** The holder's allocations already read (pickedByCharge); read here otherwise. */
  held?: readonly AllocationRow[],
): PickedUnits[] {
  const notHeld = holder.kind === 'picked' ? 'NOT_PICKED' : 'NOT_RESERVED';
  const charge = { number: holder.number };
  const all = held ? held.filter((r) => choice.locationId === undefined || r.locationId === choice.locationId) : allocationsOf(ctx, holder, choice.locationId);
  const rows = all.map((r) => ({ ...r, qty: r.qty - (claims.get(r.allocationId) ?? 0) })).filter((r) => r.qty > 0);
  if (order === 'latest') rows.reverse();
  let taken: AllocationRow[];
  if (choice.serials?.length) {
    if (choice.qty !== undefined && choice.qty !== choice.serials.length) throw new DomainError('SERIAL_COUNT_MISMATCH', { qty: choice.qty, serials: choice.serials.length });
    const byKey = new Map(rows.filter((r) => r.serialKey !== null).map((r) => [r.serialKey!, r]));
    const missing: string[] = [];
    const seen = new Set<string>();
    taken = [];
    for (const serial of choice.serials) {
      const key = serialKey(serial);
      const row = seen.has(key) ? undefined : byKey.get(key);
      seen.add(key);
      if (row) taken.push(row);
      else missing.push(serial);
    }
    if (missing.length > 0) throw new DomainError(notHeld, { number: charge.number, serials: missing.slice(0, 50), count: missing.length });
  } else if (choice.qty !== undefined) {
    const picked = rows.reduce((n, r) => n + r.qty, 0);
    if (choice.qty > picked) throw new DomainError(notHeld, { number: charge.number, picked, requested: choice.qty });
    taken = [];
    let remaining = choice.qty;
    for (const r of rows) {
      if (remaining === 0) break;
      const n = Math.min(r.qty, remaining);
      taken.push({ ...r, qty: n });
      remaining -= n;
    }
  } else {
    taken = rows;
  }
  for (const t of taken) claims.set(t.allocationId, (claims.get(t.allocationId) ?? 0) + t.qty);
  return taken.map(({ serialKey: _k, createdAt: _c, ...units }) => units);
}

/** Lets the units go from a charge's allocations (the caller moves them, or they are simply free again). */
export function releasePicked(ctx: Ctx, chargeId: number, units: PickedUnits[]): number {
  return releaseHeld(ctx, { sourceType: 'charge', id: chargeId }, units);
}

/** Lets the units go from their allocations and lowers the holder's count. */
export function releaseHeld(ctx: Ctx, holder: Pick<Holder, 'sourceType' | 'id'>, units: PickedUnits[]): number {
  return releaseHeldMany(ctx, holder.sourceType, new Map([[holder.id, units]]));
}

/**
 * Lets the units of several holders of one kind go (a shipment's charges): the whole allocations in one
 * statement (a serialized unit is one allocation of one), the rest one by one, each holder's count, and the
 * inventory products' figure once per product and location. Returns the units released.
 */
export function releaseHeldMany(ctx: Ctx, sourceType: Holder['sourceType'], byHolder: ReadonlyMap<number, PickedUnits[]>): number {
  const units = [...byHolder.values()].flat();
  // Two lines of one action may take parts of one allocation: let go of their sum.
  const byAllocation = new Map<number, number>();
  for (const u of units) byAllocation.set(u.allocationId, (byAllocation.get(u.allocationId) ?? 0) + u.qty);
  const reduce = prepared(ctx, `UPDATE allocations SET qty = qty - ? WHERE id = ? AND qty > ?`);
  const removed = new Set(
    prepared<[string], { id: number }>(
      ctx,
      `DELETE FROM allocations WHERE rowid IN (SELECT a.rowid FROM jsonb_each(?) j CROSS JOIN allocations a ON a.id = j.value ->> '$[0]' WHERE a.qty = j.value ->> '$[1]') RETURNING id`,
    )
      .all(JSON.stringify([...byAllocation]))
      .map((r) => r.id),
  );
  let total = 0;
  for (const [allocationId, qty] of byAllocation) {
    if (!removed.has(allocationId) && reduce.run(qty, allocationId, qty).changes === 0) {
      throw new Error(`picks: allocation ${allocationId} no longer holds ${qty} units`);
    }
    total += qty;
  }
  const count = prepared(ctx, heldCount[sourceType]);
  for (const [id, held] of byHolder) {
    const n = held.reduce((sum, u) => sum + u.qty, 0);
    if (n > 0) count.run(-n, id);
  }
  addHeld(ctx, kindOf[sourceType], units, -1);
  return total;
}

/** Holds units for the charge at their location. */
export function holdForCharge(ctx: Ctx, chargeId: number, units: Omit<PickedUnits, 'allocationId' | 'unitCost' | 'serialNumber'>[]): number {
  return hold(ctx, { kind: 'picked', sourceType: 'charge', id: chargeId }, units);
}

/** Holds units for the holder at their location and raises its count. */
export function hold(ctx: Ctx, holder: Omit<Holder, 'number'>, units: Omit<PickedUnits, 'allocationId' | 'unitCost' | 'serialNumber'>[]): number {
  const insert = prepared(ctx, `INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const now = ctx.now();
  let total = 0;
  for (const u of units) {
    insert.run(u.lotId, u.locationId, u.productId, u.qty, holder.kind, holder.sourceType, holder.id, now);
    total += u.qty;
  }
  if (total > 0) prepared(ctx, heldCount[holder.sourceType]).run(total, holder.id);
  addHeld(ctx, holder.kind, units);
  return total;
}

/** One row of the inventory history per lot picked, reserved or put back, naming the document holding them. */
export function recordHoldEvents(
  ctx: Ctx,
  type: 'stock.picked' | 'stock.unpicked' | 'stock.reserved' | 'stock.released',
  document: { type: 'charge' | 'opportunity'; id: number },
  userId: number,
  units: Pick<PickedUnits, 'lotId' | 'locationId' | 'productId' | 'qty' | 'serialNumber'>[],
): void {
  const insert = prepared(
    ctx,
    `INSERT INTO inventory_events (occurred_at, type, product_id, location_id, lot_id, serial_number, user_id, changes, qty, document_type, document_id) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
  );
  const now = ctx.now();
  for (const u of units) insert.run(now, type, u.productId, u.locationId, u.lotId, u.serialNumber, userId, u.qty, document.type, document.id);
}

const recordPickEvents = (ctx: Ctx, type: 'stock.picked' | 'stock.unpicked', chargeId: number, userId: number, units: Parameters<typeof recordHoldEvents>[4]) =>
  recordHoldEvents(ctx, type, { type: 'charge', id: chargeId }, userId, units);

export function locationName(ctx: Ctx, id: number): string {
  return ctx.sqlite.prepare<[number], { name: string }>(`SELECT name FROM locations WHERE id = ?`).get(id)?.name ?? String(id);
}

export function summary(units: { qty: number; serialNumber: string | null }[]): { qty: number; serials?: string[] } {
  const serials = units.flatMap((u) => (u.serialNumber ? [u.serialNumber] : []));
  return { qty: units.reduce((n, u) => n + u.qty, 0), ...(serials.length ? { serials: serials.slice(0, 50) } : {}) };
}

/** The charge's product, when it is one that is picked (tracked in stock). */
function pickableProduct(ctx: Ctx, charge: ChargeRow) {
  if (charge.kind !== 'product' || charge.productId === null || charge.tracked !== 1) throw new DomainError('NOT_TRACKED', { number: charge.number });
  return requireProduct(ctx, charge.productId);
}

export function pick(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.pick'>): Charge {
  const charge = requireCharge(ctx, input.chargeId);
  requireEditable(chargeWorkflow, charge, 'pick');
  const product = pickableProduct(ctx, charge);
  requireOfferingLocation(ctx, input.locationId);
  requireLocationRight(ctx, actor.userId, input.locationId);
  const needed = charge.quantity - charge.delivered - charge.picked;
  const requested = input.serials?.length || input.qty;
  if (requested !== undefined && requested > needed) throw new DomainError('OVER_PICK', { number: charge.number, needed, requested });
  const units = chooseUnits(ctx, new Claims(), input.locationId, { product, qty: input.qty, serials: input.serials });
  const taken = units.map((u) => ({ ...u, locationId: input.locationId, productId: product.id }));
  holdForCharge(ctx, charge.id, taken);
  recordPickEvents(ctx, 'stock.picked', charge.id, actor.userId, taken);
  recordChargeEvent(ctx, charge.id, actor.userId, 'picked', { locationId: input.locationId, locationName: locationName(ctx, input.locationId), ...summary(taken) }, settleCharge(ctx, charge.id, actor.userId));
  return getCharge(ctx, charge.id);
}

export function unpick(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.unpick'>): Charge {
  const charge = requireCharge(ctx, input.chargeId);
  requireEditable(chargeWorkflow, charge, 'unpick');
  const units = takePicked(ctx, charge, input, new Map(), 'latest');
  if (units.length === 0) throw new DomainError('NOT_PICKED', { number: charge.number, picked: 0, requested: input.qty ?? 0 });
  releasePicked(ctx, charge.id, units);
  recordPickEvents(ctx, 'stock.unpicked', charge.id, actor.userId, units);
  recordChargeEvent(ctx, charge.id, actor.userId, 'unpicked', summary(units), settleCharge(ctx, charge.id, actor.userId));
  return getCharge(ctx, charge.id);
}

/** Cancels a charge with nothing delivered: its picks are released first, then the table's `cancel`. */
export function cancelCharge(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.cancelCharge'>): Charge {
  const charge = requireCharge(ctx, input.id);
  // The table refuses it (state, deliveries) before anything is released.
  if (charge.status !== 'canceled' && charge.delivered === 0) {
    const units = takePicked(ctx, charge, {});
    if (units.length > 0) {
      releasePicked(ctx, charge.id, units);
      recordPickEvents(ctx, 'stock.unpicked', charge.id, actor.userId, units);
    }
  }
  applyTransition(ctx, chargeWorkflow, charge.id, 'cancel', { userId: actor.userId, reason: input.reason });
  return getCharge(ctx, charge.id);
}

/**
 * Moves a charge's picked units to another location as a transfer document; the allocations go with the
 * units, so they stay picked for the charge.
 */
export function transferPicked(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.transferPicked'>) {
  if (input.fromLocationId === input.toLocationId) throw new DomainError('SAME_LOCATION');
  const charge = requireCharge(ctx, input.chargeId);
  requireEditable(chargeWorkflow, charge, 'unpick');
  const product = pickableProduct(ctx, charge);
  requireStockLocation(ctx, input.fromLocationId);
  // Picked units stay where they are offered: not on a returns shelf.
  requireOfferingLocation(ctx, input.toLocationId);
  const units = takePicked(ctx, charge, { locationId: input.fromLocationId, qty: input.qty, serials: input.serials });
  if (units.length === 0) throw new DomainError('NOT_PICKED', { number: charge.number, picked: 0, requested: input.qty ?? 0 });
  const number = nextNumber(ctx, 'TRF');
  const now = ctx.now();
  const note = input.note ?? charge.number;
  const id = createDocument(
    ctx,
    transferWorkflow,
    'direct',
    { number, from_location_id: input.fromLocationId, to_location_id: input.toLocationId, mode: 'direct', note, user_id: actor.userId, created_at: now, received_at: now },
    { userId: actor.userId, details: { chargeId: charge.id, chargeNumber: charge.number } },
  );
  releasePicked(ctx, charge.id, units);
  postMoves(
    ctx,
    units.map((u) => ({
      lotId: u.lotId,
      productId: product.id,
      qty: u.qty,
      from: input.fromLocationId,
      to: input.toLocationId,
      unitCost: u.unitCost,
      sourceType: 'transfer',
      sourceId: id,
      sourceLine: 1,
      reason: note,
      userId: actor.userId,
      occurredAt: now,
    })),
  );
  ensureInventoryProduct(ctx, product.id, input.toLocationId, actor.userId);
  holdForCharge(ctx, charge.id, units.map((u) => ({ ...u, locationId: input.toLocationId })));
  recordChargeEvent(
    ctx,
    charge.id,
    actor.userId,
    'pickTransferred',
    { transferId: id, transferNumber: number, from: locationName(ctx, input.fromLocationId), to: locationName(ctx, input.toLocationId), ...summary(units) },
    null,
  );
  return { documentType: 'transfer' as const, id, number };
}
