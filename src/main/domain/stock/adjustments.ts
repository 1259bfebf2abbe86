// Manual stock changes. Adding is a move Adjustment → location at a chosen unit cost (new lots);
// removing is location → Adjustment or Scrap, oldest lot first unless serials are chosen. A serialized
// product needs exactly one unique serial per unit. A reason is required when the setting says so, here
// and on every other manual stock change (requireManualChangeReason is the one check they all call).
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import type { costMethods } from '@shared/contract/stock';
import { adjustments } from '@main/db/schema';
import { requireProduct } from '../catalog/products';
import { nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { getSettings } from '../settings/settings';
import { createDocument, defineWorkflow } from '../workflow/transitions';
import { ensureInventoryProduct } from './inventoryProducts';
import { postArrivals, postMoves } from './ledger';
import { assertSerialsUnique } from './serials';
import { chooseUnitsForLines } from './units';

export type CostMethod = (typeof costMethods)[number];

export function costOptions(ctx: Ctx, productId: number): { average: number | null; last: number | null; catalogue: number } {
  const product = requireProduct(ctx, productId);
  // The value on hand can pass 2^53: summed and divided in bigint; the average is a unit cost again.
  const average = ctx.sqlite
    .prepare<[number], { value: bigint | null; units: bigint | null }>(
      `SELECT sum(b.qty * l.unit_cost) AS value, sum(b.qty) AS units FROM balances b JOIN lots l ON l.id = b.lot_id
       JOIN locations loc ON loc.id = b.location_id AND loc.usage = 'internal' WHERE b.product_id = ?`,
    )
    .safeIntegers(true)
    .get(productId)!;
  const last = ctx.sqlite.prepare<[number], { c: number }>(`SELECT unit_cost AS c FROM lots WHERE product_id = ? ORDER BY received_at DESC, id DESC LIMIT 1`).get(productId);
  return {
    average: average.units ? Number((2n * average.value! + average.units) / (2n * average.units)) : null,
    last: last?.c ?? null,
    catalogue: product.unitCost,
  };
}

export function resolveUnitCost(ctx: Ctx, productId: number, method: CostMethod, manual: number | undefined): number {
  if (method === 'manual') {
    if (manual === undefined) throw new DomainError('COST_REQUIRED', { method });
    return manual;
  }
  const options = costOptions(ctx, productId);
  const cost = options[method];
  if (cost === null) throw new DomainError('COST_REQUIRED', { method });
  return cost;
}

/** The manual stock changes the "require a reason" setting covers. */
export type ManualChange = 'add' | 'remove' | 'postCount' | 'reverse' | 'cancelReceipt';

/**
 * REASON_REQUIRED when the settings require a reason for manual stock changes and none was given. A
 * blank reason never gets this far: the contract trims it to null.
 */
export function requireManualChangeReason(ctx: Ctx, reason: string | null, action: ManualChange): void {
  if (!reason && getSettings(ctx).requireAdjustmentReason) throw new DomainError('REASON_REQUIRED', { action });
}

type AdjustmentStatus = (typeof adjustments.status.enumValues)[number];

/** The adjustment's transition table: posted when made, reversed by `stock.reverse` (with its reason). */
export const adjustmentWorkflow = defineWorkflow<AdjustmentStatus, { id: number; number: string; status: AdjustmentStatus }>()({
  document: 'adjustment',
  table: 'adjustments',
  column: 'status',
  states: adjustments.status.enumValues,
  read: (ctx, id) => prepared<[number], { id: number; number: string; status: AdjustmentStatus }>(ctx, `SELECT id, number, status FROM adjustments WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'adjustment_events', key: 'adjustment_id' },
  creations: { post: { to: 'posted' } },
  transitions: {
    reverse: { from: ['posted'], to: 'reversed', repeatOf: ['reversed'], guard: (ctx, _row, input) => requireManualChangeReason(ctx, input.reason ?? null, 'reverse') },
  },
});

function insertAdjustment(
  ctx: Ctx,
  actor: Actor,
  a: { direction: 'add' | 'remove'; locationId: number; productId: number; counterpart: 'adjustment' | 'scrap'; costMethod: string | null; reason: string | null },
) {
  const number = nextNumber(ctx, 'ADJ');
  const id = createDocument(
    ctx,
    adjustmentWorkflow,
    'post',
    {
      number,
      direction: a.direction,
      location_id: a.locationId,
      product_id: a.productId,
      counterpart: a.counterpart,
      cost_method: a.costMethod,
      reason: a.reason,
      user_id: actor.userId,
      created_at: ctx.now(),
    },
    { userId: actor.userId },
  );
  return { documentType: 'adjustment' as const, id, number };
}

export function addStock(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.add'>) {
  const product = requireProduct(ctx, input.productId);
  requireStockLocation(ctx, input.locationId);
  requireManualChangeReason(ctx, input.reason, 'add');
  const serials = input.serials ?? [];
  if (product.serialized) {
    if (serials.length !== input.qty) throw new DomainError('SERIAL_COUNT_MISMATCH', { qty: input.qty, serials: serials.length });
    assertSerialsUnique(ctx, product.id, serials);
  } else if (serials.length > 0) {
    throw new DomainError('SERIALS_NOT_ALLOWED');
  }
  const unitCost = resolveUnitCost(ctx, product.id, input.costMethod, input.unitCost);
  const doc = insertAdjustment(ctx, actor, { direction: 'add', locationId: input.locationId, productId: product.id, counterpart: 'adjustment', costMethod: input.costMethod, reason: input.reason });
  ensureInventoryProduct(ctx, product.id, input.locationId, actor.userId);
  const lots = product.serialized
    ? serials.map((serialNumber, i) => ({ serialNumber, qty: 1, unitCost, sourceLine: i + 1 }))
    : [{ serialNumber: null, qty: input.qty, unitCost, sourceLine: 1 }];
  postArrivals(
    ctx,
    { productId: product.id, from: VIRTUAL.adjustment, to: input.locationId, sourceType: 'adjustment', sourceId: doc.id, reason: input.reason, userId: actor.userId, occurredAt: ctx.now() },
    lots,
  );
  return doc;
}

export function removeStock(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.remove'>) {
  const product = requireProduct(ctx, input.productId);
  requireStockLocation(ctx, input.locationId);
  requireManualChangeReason(ctx, input.reason, 'remove');
  const [units] = chooseUnitsForLines(ctx, input.locationId, [{ product, qty: input.qty, serials: input.serials }]);
  const doc = insertAdjustment(ctx, actor, { direction: 'remove', locationId: input.locationId, productId: product.id, counterpart: input.destination, costMethod: null, reason: input.reason });
  const now = ctx.now();
  postMoves(
    ctx,
    units!.map((u, line) => ({
      lotId: u.lotId,
      productId: product.id,
      qty: u.qty,
      from: input.locationId,
      to: input.destination === 'scrap' ? VIRTUAL.scrap : VIRTUAL.adjustment,
      unitCost: u.unitCost,
      sourceType: 'adjustment',
      sourceId: doc.id,
      sourceLine: line + 1,
      reason: input.reason,
      userId: actor.userId,
      occurredAt: now,
    })),
  );
  return doc;
}
