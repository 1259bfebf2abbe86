// RMAs (RMA-n): a client's device returned, repaired or replaced with the vendor, through one transition
// table with a path per type (shared/contract/rma.ts). Each step that moves the unit does it through the
// ledger's documents, so the unit keeps its cost: receiving is a client return (Customer → returns shelf),
// sending to the vendor a move to Vendor (source 'rma', line 1), a repaired unit's return the same lot
// back (line 2), a replacement a new lot from Vendor at the replaced unit's cost plus the vendor's fee
// (line 3), and delivering it a delivery document naming the RMA, which makes the client's new device.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { NotificationEvent } from '@shared/contract/notifications';
import type { Rma, RmaStatus, RmaType } from '@shared/contract/rma';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { rmas } from '@main/db/schema';
import { requireProduct } from '../catalog/products';
import { requireVendor } from '../catalog/companies';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { can, likePattern, prepared, todayOf, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { nextRmaNumber } from '../settings/settings';
import { addHeld, ensureInventoryProduct, type HeldUnits } from '../stock/inventoryProducts';
import { postArrivals, postMoves } from '../stock/ledger';
import { assertSerialsUnique } from '../stock/serials';
import { applyTransition, createDocument, defineWorkflow, requireEditable, requireTransition } from '../workflow/transitions';
import { createCreditCharge } from '../sales/charges';
import { sendToClient } from '../sales/deliveries';
import { createClientReturn, defaultReturnsLocation } from '../returns/clientReturns';
import { notify } from '../notifications/notify';

interface RmaRow {
  id: number;
  number: string;
  status: RmaStatus;
  type: RmaType;
  companyId: number;
  deviceId: number;
  productId: number;
  lotId: number;
  chargeId: number | null;
  containerId: number | null;
  vendorId: number | null;
  locationId: number | null;
  replacementLotId: number | null;
  /** The client return that brought the unit back (a swap brings it back before the RMA is worked). */
  returnId: number | null;
  /** Opened by a swap: the client already has a working unit. */
  fromSwap: number;
  fault: string;
}

const open: RmaStatus[] = ['requested', 'authorized', 'received', 'sentToVendor', 'backFromVendor', 'replacementReceived', 'delivered'];
const needsVendor = (row: RmaRow) => row.type !== 'return';

export const rmaWorkflow = defineWorkflow<RmaStatus, RmaRow>()({
  document: 'rma',
  table: 'rmas',
  column: 'status',
  states: rmas.status.enumValues,
  read: (ctx, id) =>
    prepared<[number], RmaRow>(
      ctx,
      `SELECT id, number, status, type, company_id AS companyId, device_id AS deviceId, product_id AS productId, lot_id AS lotId, charge_id AS chargeId, container_id AS containerId,
              vendor_id AS vendorId, location_id AS locationId, replacement_lot_id AS replacementLotId, return_id AS returnId, from_swap AS fromSwap, fault
       FROM rmas WHERE id = ?`,
    ).get(id),
  state: (row) => row.status,
  refusalDetails: (row) => ({ type: row.type }),
  afterTransition: (ctx, row, to, { userId }) => {
    keepHold(ctx, row, to);
    notifyRmaStep(ctx, row, to, userId);
  },
  history: { table: 'rma_events', key: 'rma_id' },
  touch: 'updated_at',
  creations: { request: { to: 'requested', history: 'created' } },
  transitions: {
    authorize: { from: ['requested'], to: 'authorized' },
    reject: { from: ['requested'], to: 'rejected', sets: ({ reason }) => ({ reject_reason: reason ?? null }) },
    receive: { from: ['authorized'], to: 'received' },
    sendToVendor: { from: ['received'], to: 'sentToVendor', guard: (_ctx, row) => (needsVendor(row) ? undefined : false) },
    backFromVendor: { from: ['sentToVendor'], to: 'backFromVendor', guard: (_ctx, row) => (row.type === 'repair' ? undefined : false) },
    receiveReplacement: { from: ['sentToVendor'], to: 'replacementReceived', guard: (_ctx, row) => (row.type === 'replace' ? undefined : false) },
    deliver: { from: ['backFromVendor', 'replacementReceived'], to: 'delivered' },
    close: {
      from: ['received', 'backFromVendor', 'replacementReceived', 'delivered'],
      to: 'closed',
      // A return ends once the unit is back; a repair or replacement once the client has a working unit again:
      // delivered, or from the start when a swap gave them one (the vendor's unit then stays in stock).
      guard: (_ctx, row) => {
        if (row.status === 'received' && row.type !== 'return') return false;
        if ((row.status === 'backFromVendor' || row.status === 'replacementReceived') && row.fromSwap !== 1) return false;
      },
      sets: ({ now }) => ({ closed_at: now }),
    },
    cancel: { from: open, to: 'canceled', repeatOf: ['canceled'], sets: ({ reason, now }) => ({ cancel_reason: reason ?? null, closed_at: now }) },
  },
  edits: { edit: open },
});

/**
 * While the unit an RMA works on sits on our shelf (received, back from the vendor, the replacement in), the
 * RMA holds it as a reservation: nobody picks, reserves, sells, scraps or returns it to a vendor, and a
 * transfer or count that would take it away is refused naming the RMA, as for any held unit. Each step that
 * moves the unit lets it go first; a finished RMA lets it go for good. An RMA a swap opened has the unit
 * from the start. verifyLedger checks the same rule (rmaHoldDifferences).
 */
const holding: readonly RmaStatus[] = ['received', 'backFromVendor', 'replacementReceived'];
const holds = (row: RmaRow, status: RmaStatus) => holding.includes(status) || (row.fromSwap === 1 && (status === 'requested' || status === 'authorized'));

function releaseHold(ctx: Ctx, rmaId: number): void {
  const released = prepared<[number], HeldUnits>(
    ctx,
    `DELETE FROM allocations WHERE source_type = 'rma' AND source_id = ? RETURNING product_id AS productId, location_id AS locationId, qty`,
  ).all(rmaId);
  addHeld(ctx, 'reserved', released, -1);
}

function holdUnit(ctx: Ctx, rmaId: number, lotId: number): void {
  releaseHold(ctx, rmaId);
  const unit = unitAt(ctx, lotId);
  if (!unit) return;
  prepared(ctx, `INSERT INTO allocations (lot_id, location_id, product_id, qty, kind, source_type, source_id, created_at) VALUES (?, ?, ?, 1, 'reserved', 'rma', ?, ?)`).run(
    lotId,
    unit.locationId,
    unit.productId,
    rmaId,
    ctx.now(),
  );
  addHeld(ctx, 'reserved', [{ productId: unit.productId, locationId: unit.locationId, qty: 1 }]);
}

function keepHold(ctx: Ctx, row: RmaRow, to: RmaStatus): void {
  if (!holds(row, to)) return releaseHold(ctx, row.id);
  const lotId = to === 'replacementReceived' ? prepared<[number], { lotId: number }>(ctx, `SELECT replacement_lot_id AS lotId FROM rmas WHERE id = ?`).get(row.id)!.lotId : row.lotId;
  holdUnit(ctx, row.id, lotId);
}

/** The steps the people of an RMA hear of: who opened it, and the technician of the ticket the device was sold on. */
const stepEvents: Partial<Record<RmaStatus, NotificationEvent>> = {
  authorized: 'rmaAuthorized',
  received: 'rmaReceived',
  sentToVendor: 'rmaSentToVendor',
  backFromVendor: 'rmaBack',
  replacementReceived: 'rmaBack',
  closed: 'rmaClosed',
};

function notifyRmaStep(ctx: Ctx, row: RmaRow, to: RmaStatus, userId: number | null): void {
  const event = stepEvents[to];
  if (!event) return;
  const people = prepared<[number], { creator: number; technician: number | null }>(
    ctx,
    `SELECT r.created_by AS creator, c.owner_user_id AS technician FROM rmas r LEFT JOIN containers c ON c.id = r.container_id WHERE r.id = ?`,
  ).get(row.id)!;
  notify(ctx, { event, people: { creator: [people.creator], technician: [people.technician] }, document: { type: 'rma', id: row.id, number: row.number }, byUserId: userId });
}

function requireRma(ctx: Ctx, id: number): RmaRow {
  const row = rmaWorkflow.read(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'rma', id });
  return row;
}

/** The RMA's vendor, when it names one. */
function requireVendorOrNone(ctx: Ctx, vendorId: number | null): void {
  if (vendorId !== null) requireVendor(ctx, vendorId);
}

export function createRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.create'>): ChannelOutput<'rma.create'> {
  return openRma(ctx, actor, input, null);
}

/**
 * Opens an RMA for a device at the client, or — `back`, from a swap — for one that has just come back on
 * that client return: its unit is already with us, so receiving it moves nothing.
 */
export function openRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.create'>, back: { returnId: number; locationId: number } | null): ChannelOutput<'rma.create'> {
  const device = prepared<[number], { id: number; serial: string; status: string; companyId: number; productId: number; lotId: number; chargeId: number | null; containerId: number | null; vendorId: number | null }>(
    ctx,
    `SELECT d.id, d.serial_number AS serial, d.status, d.company_id AS companyId, d.product_id AS productId, d.lot_id AS lotId, d.charge_id AS chargeId,
            coalesce(ch.container_id, d.container_id) AS containerId, l.vendor_id AS vendorId
     FROM devices d JOIN lots l ON l.id = d.lot_id LEFT JOIN charges ch ON ch.id = d.charge_id WHERE d.id = ?`,
  ).get(input.deviceId);
  if (!device) throw new DomainError('NOT_FOUND', { entity: 'device', id: input.deviceId });
  const product = requireProduct(ctx, device.productId);
  if (!product.eligibleForRma) throw new DomainError('NOT_ELIGIBLE_FOR_RMA', { sku: product.sku, serial: device.serial });
  if (device.status !== (back ? 'returned' : 'installed')) throw new DomainError('NOT_RETURNABLE', { serial: device.serial, status: device.status });
  // One open RMA per device.
  const openOne = prepared<[number], { number: string }>(ctx, `SELECT number FROM rmas WHERE device_id = ? AND status NOT IN ('rejected', 'closed', 'canceled')`).get(device.id);
  if (openOne) throw new DomainError('CONFLICT', { reason: 'rmaOpen', number: openOne.number, serial: device.serial });
  // The vendor that sold the unit, unless another is named.
  const vendorId = input.vendorId ?? device.vendorId;
  requireVendorOrNone(ctx, vendorId);
  const now = ctx.now();
  const number = nextRmaNumber(ctx);
  const id = createDocument(
    ctx,
    rmaWorkflow,
    'request',
    {
      number,
      type: input.type,
      company_id: device.companyId,
      device_id: device.id,
      product_id: device.productId,
      lot_id: device.lotId,
      charge_id: device.chargeId,
      container_id: device.containerId,
      fault: input.fault,
      vendor_id: vendorId,
      expected_from_client: input.expectedFromClient,
      return_id: back?.returnId ?? null,
      location_id: back?.locationId ?? null,
      from_swap: back ? 1 : 0,
      note: input.note ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId, details: { type: input.type, serial: device.serial, fault: input.fault } },
  );
  // Back already: the unit is held for the RMA from the start.
  if (back) holdUnit(ctx, id, device.lotId);
  return { id, number };
}

export function updateRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.update'>): { ok: true } {
  const row = requireRma(ctx, input.id);
  requireEditable(rmaWorkflow, row, 'edit');
  requireVendorOrNone(ctx, input.vendorId);
  // Once the unit went to the vendor, the RMA is theirs: the unit comes back from the same one.
  const sent: RmaStatus[] = ['sentToVendor', 'backFromVendor', 'replacementReceived', 'delivered'];
  if (sent.includes(row.status) && input.vendorId !== row.vendorId) throw new DomainError('VALIDATION', { fields: [{ path: 'vendorId', code: 'sentToVendor' }] });
  ctx.sqlite
    .prepare(
      `UPDATE rmas SET fault = ?, vendor_id = ?, vendor_rma_number = ?, tracking_to_vendor = ?, tracking_from_vendor = ?, expected_from_client = ?, expected_from_vendor = ?, note = ?, updated_at = ? WHERE id = ?`,
    )
    .run(input.fault, input.vendorId, input.vendorRmaNumber, input.trackingToVendor, input.trackingFromVendor, input.expectedFromClient, input.expectedFromVendor, input.note, ctx.now(), row.id);
  prepared(ctx, `INSERT INTO rma_events (rma_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'updated', ?, ?, ?)`).run(
    row.id,
    ctx.now(),
    actor.userId,
    row.status,
    row.status,
    JSON.stringify({ vendorRmaNumber: input.vendorRmaNumber, trackingToVendor: input.trackingToVendor, trackingFromVendor: input.trackingFromVendor }),
  );
  return { ok: true };
}

/** What the client paid for the unit: its charge's unit price, when it was sold on one. */
function pricePaid(ctx: Ctx, chargeId: number | null): number | null {
  if (chargeId === null) return null;
  return prepared<[number], { price: number }>(ctx, `SELECT unit_price AS price FROM charges WHERE id = ?`).get(chargeId)?.price ?? null;
}

export function authorizeRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.authorize'>): { ok: true } {
  const row = requireTransition(ctx, rmaWorkflow, input.id, 'authorize', { userId: actor.userId });
  const amount = input.creditAmount ?? pricePaid(ctx, row.chargeId) ?? 0;
  let credit: { id: number; amount: number } | null = null;
  if (amount > 0) {
    // Every credit is a price given back: it needs sales.manage, however its amount was reached.
    if (!can(actor, 'sales.manage')) throw new DomainError('FORBIDDEN', { permission: 'sales.manage', field: 'creditAmount' });
    if (row.containerId === null) throw new DomainError('VALIDATION', { fields: [{ path: 'creditAmount', code: 'noContainer' }] });
    const note = input.note ? `: ${input.note}` : '';
    credit = { id: createCreditCharge(ctx, actor.userId, row.containerId, amount, `Credit ${row.number}${note}`, { rmaId: row.id, rmaNumber: row.number }), amount };
    ctx.sqlite.prepare(`UPDATE rmas SET credit_charge_id = ? WHERE id = ?`).run(credit.id, row.id);
  }
  applyTransition(ctx, rmaWorkflow, row.id, 'authorize', { userId: actor.userId, note: input.note, details: { credit: credit?.amount ?? 0, note: input.note ?? null } });
  return { ok: true };
}

export function rejectRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.reject'>): { ok: true } {
  applyTransition(ctx, rmaWorkflow, input.id, 'reject', { userId: actor.userId, reason: input.reason, details: { reason: input.reason } });
  return { ok: true };
}

export function receiveRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.receive'>): { ok: true } {
  const row = requireTransition(ctx, rmaWorkflow, input.id, 'receive', { userId: actor.userId });
  if (row.returnId !== null) {
    // Back already (a swap took it): the RMA records that it has the unit.
    applyTransition(ctx, rmaWorkflow, row.id, 'receive', { userId: actor.userId, details: { returnId: row.returnId, locationId: row.locationId } });
    return { ok: true };
  }
  const locationId = input.locationId ?? defaultReturnsLocation(ctx);
  // The client gives the device back: a client return, at the cost it left with.
  const ret = createClientReturn(ctx, actor, { companyId: row.companyId, locationId, condition: 'faulty', reason: `${row.number}: ${row.fault}`.slice(0, 500), note: null, lines: [{ deviceId: row.deviceId }] }, row.id);
  ctx.sqlite.prepare(`UPDATE rmas SET location_id = ?, return_id = ? WHERE id = ?`).run(locationId, ret.id, row.id);
  applyTransition(ctx, rmaWorkflow, row.id, 'receive', { userId: actor.userId, details: { returnId: ret.id, returnNumber: ret.number, locationId } });
  return { ok: true };
}

/** Where a lot's unit is now, at one of our locations (it is one unit: a serialized device). */
function unitAt(ctx: Ctx, lotId: number): { locationId: number; unitCost: number; productId: number } | undefined {
  return prepared<[number], { locationId: number; unitCost: number; productId: number }>(
    ctx,
    `SELECT b.location_id AS locationId, l.unit_cost AS unitCost, l.product_id AS productId FROM balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id
     WHERE b.lot_id = ? AND b.qty > 0 AND loc.usage = 'internal' LIMIT 1`,
  ).get(lotId);
}

export function sendRmaToVendor(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.sendToVendor'>): { ok: true } {
  const row = requireTransition(ctx, rmaWorkflow, input.id, 'sendToVendor', { userId: actor.userId });
  if (row.vendorId === null) throw new DomainError('VALIDATION', { fields: [{ path: 'vendorId', code: 'required' }] });
  const unit = unitAt(ctx, row.lotId);
  if (!unit) throw new DomainError('SERIAL_NOT_FOUND', { lotId: row.lotId });
  releaseHold(ctx, row.id);
  // Units that left our locations do not count in stock: the unit is the vendor's until it comes back.
  postMoves(ctx, [
    { lotId: row.lotId, productId: unit.productId, qty: 1, from: unit.locationId, to: VIRTUAL.vendor, unitCost: unit.unitCost, sourceType: 'rma', sourceId: row.id, sourceLine: 1, companyId: row.vendorId, reason: row.number, userId: actor.userId, occurredAt: ctx.now() },
  ]);
  ctx.sqlite
    .prepare(`UPDATE rmas SET vendor_rma_number = coalesce(?, vendor_rma_number), tracking_to_vendor = coalesce(?, tracking_to_vendor), expected_from_vendor = coalesce(?, expected_from_vendor) WHERE id = ?`)
    .run(input.vendorRmaNumber, input.trackingNumber, input.expectedFromVendor, row.id);
  applyTransition(ctx, rmaWorkflow, row.id, 'sendToVendor', { userId: actor.userId, details: { fromLocationId: unit.locationId, vendorRmaNumber: input.vendorRmaNumber, trackingNumber: input.trackingNumber } });
  return { ok: true };
}

export function rmaBackFromVendor(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.backFromVendor'>): { ok: true } {
  const row = requireTransition(ctx, rmaWorkflow, input.id, 'backFromVendor', { userId: actor.userId });
  const locationId = input.locationId ?? row.locationId ?? defaultReturnsLocation(ctx);
  requireStockLocation(ctx, locationId);
  const lot = prepared<[number], { unitCost: number; productId: number }>(ctx, `SELECT unit_cost AS unitCost, product_id AS productId FROM lots WHERE id = ?`).get(row.lotId)!;
  // The same stocked item comes back, at the cost it left with.
  postMoves(ctx, [
    { lotId: row.lotId, productId: lot.productId, qty: 1, from: VIRTUAL.vendor, to: locationId, unitCost: lot.unitCost, sourceType: 'rma', sourceId: row.id, sourceLine: 2, companyId: row.vendorId, reason: row.number, userId: actor.userId, occurredAt: ctx.now() },
  ]);
  ensureInventoryProduct(ctx, lot.productId, locationId, actor.userId);
  ctx.sqlite.prepare(`UPDATE rmas SET location_id = ?, tracking_from_vendor = coalesce(?, tracking_from_vendor) WHERE id = ?`).run(locationId, input.trackingNumber, row.id);
  applyTransition(ctx, rmaWorkflow, row.id, 'backFromVendor', { userId: actor.userId, details: { locationId, trackingNumber: input.trackingNumber } });
  return { ok: true };
}

export function receiveRmaReplacement(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.receiveReplacement'>): { ok: true } {
  const row = requireTransition(ctx, rmaWorkflow, input.id, 'receiveReplacement', { userId: actor.userId });
  const locationId = input.locationId ?? row.locationId ?? defaultReturnsLocation(ctx);
  requireStockLocation(ctx, locationId);
  assertSerialsUnique(ctx, row.productId, [input.serial]);
  const original = prepared<[number], { unitCost: number }>(ctx, `SELECT unit_cost AS unitCost FROM lots WHERE id = ?`).get(row.lotId)!;
  const fee = input.vendorFee ?? 0;
  // The replacement stands in for the original: its cost, plus the fee; only the fee when the vendor credited the original.
  const unitCost = (input.vendorCredited ? 0 : original.unitCost) + fee;
  const [lotId] = postArrivals(
    ctx,
    { productId: row.productId, from: VIRTUAL.vendor, to: locationId, sourceType: 'rma', sourceId: row.id, companyId: row.vendorId, reason: row.number, userId: actor.userId, occurredAt: ctx.now() },
    [{ serialNumber: input.serial, unitCost, qty: 1, sourceLine: 3, vendorId: row.vendorId }],
  );
  ensureInventoryProduct(ctx, row.productId, locationId, actor.userId);
  ctx.sqlite
    .prepare(`UPDATE rmas SET replacement_lot_id = ?, vendor_fee = ?, vendor_credited = ?, location_id = ?, tracking_from_vendor = coalesce(?, tracking_from_vendor) WHERE id = ?`)
    .run(lotId, fee, input.vendorCredited ? 1 : 0, locationId, input.trackingNumber, row.id);
  applyTransition(ctx, rmaWorkflow, row.id, 'receiveReplacement', { userId: actor.userId, details: { serial: input.serial, locationId, unitCost, vendorFee: fee, vendorCredited: input.vendorCredited } });
  return { ok: true };
}

export function deliverRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.deliver'>): { ok: true } {
  const row = requireTransition(ctx, rmaWorkflow, input.id, 'deliver', { userId: actor.userId });
  const lotId = row.type === 'replace' ? row.replacementLotId! : row.lotId;
  const unit = unitAt(ctx, lotId);
  const serial = prepared<[number], { serial: string }>(ctx, `SELECT serial_number AS serial FROM lots WHERE id = ?`).get(lotId)?.serial;
  if (!unit || !serial) throw new DomainError('SERIAL_NOT_FOUND', { lotId });
  releaseHold(ctx, row.id);
  const doc = sendToClient(ctx, actor, {
    companyId: row.companyId,
    fromLocationId: unit.locationId,
    reason: `${row.number} (${row.type === 'replace' ? 'replacement' : 'repaired unit'})`,
    lines: [{ productId: unit.productId, serials: [serial] }],
    method: input.method,
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    shipDate: null,
    shipToName: null,
    shipToAddress: null,
    note: input.note,
  }, true);
  // The client's new device stands where the old one stood: its container and contract (it has its own warranty).
  const original = prepared<[number], { containerId: number | null; contractId: number | null; chargeId: number | null }>(
    ctx,
    `SELECT container_id AS containerId, contract_id AS contractId, charge_id AS chargeId FROM devices WHERE id = ?`,
  ).get(row.deviceId)!;
  ctx.sqlite.prepare(`UPDATE devices SET container_id = ?, contract_id = ? WHERE delivery_id = ?`).run(original.containerId, original.contractId, doc.id);
  ctx.sqlite.prepare(`UPDATE rmas SET delivery_id = ? WHERE id = ?`).run(doc.id, row.id);
  applyTransition(ctx, rmaWorkflow, row.id, 'deliver', { userId: actor.userId, details: { deliveryId: doc.id, deliveryNumber: doc.number, serial } });
  return { ok: true };
}

export function closeRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.close'>): { ok: true } {
  applyTransition(ctx, rmaWorkflow, input.id, 'close', { userId: actor.userId, note: input.note, details: { note: input.note ?? null } });
  return { ok: true };
}

export function cancelRma(ctx: Ctx, actor: Actor, input: ParsedInput<'rma.cancel'>): { ok: true } {
  applyTransition(ctx, rmaWorkflow, input.id, 'cancel', { userId: actor.userId, reason: input.reason, details: { reason: input.reason } });
  return { ok: true };
}

// Reading ------------------------------------------------------------------------------------

/** Still waiting for the unit after the day it was expected: from the client, or from the vendor. */
const overdueSql = `((r.status IN ('requested', 'authorized') AND r.expected_from_client IS NOT NULL AND r.expected_from_client < ?)
  OR (r.status = 'sentToVendor' AND r.expected_from_vendor IS NOT NULL AND r.expected_from_vendor < ?))`;

const summaryColumns = `r.id, r.number, r.type, r.status, r.company_id AS companyId, co.name AS companyName, r.device_id AS deviceId, d.serial_number AS serialNumber,
       r.product_id AS productId, p.sku, p.name AS productName, r.vendor_id AS vendorId, v.name AS vendorName, r.vendor_rma_number AS vendorRmaNumber,
       r.expected_from_client AS expectedFromClient, r.expected_from_vendor AS expectedFromVendor, ${overdueSql} AS overdue, r.created_at AS createdAt`;
const summaryFrom = `FROM rmas r JOIN companies co ON co.id = r.company_id JOIN devices d ON d.id = r.device_id JOIN products p ON p.id = r.product_id LEFT JOIN companies v ON v.id = r.vendor_id`;

const sorts: SortColumns<'rma.list'> = { createdAt: 'r.created_at', number: 'r.id' };


export function listRmas(ctx: Ctx, input: ParsedInput<'rma.list'>): ChannelOutput<'rma.list'> {
  const day = todayOf(ctx);
  const f = new Filters().equals('r.company_id', input.companyId).equals('r.type', input.type);
  if (input.statuses?.length) f.add(`r.status IN (${input.statuses.map(() => '?').join(', ')})`, ...input.statuses);
  if (input.overdueOnly) f.add(overdueSql, day, day);
  if (input.q) {
    // Every filter is on the RMA's own columns (the client's and the device's through their indexes), so the
    // count reads rmas alone: a serial matches as serials compare, from its start.
    const like = likePattern(input.q);
    const key = serialKey(input.q);
    f.add(
      `(r.number LIKE ? ESCAPE '\\' OR r.vendor_rma_number LIKE ? ESCAPE '\\' OR r.company_id IN (SELECT id FROM companies WHERE name LIKE ? ESCAPE '\\')
        OR r.device_id IN (SELECT id FROM devices WHERE serial_key >= ? AND serial_key < ?))`,
      like,
      like,
      like,
      key,
      `${key}\uffff`,
    );
  }
  type Raw = Omit<ChannelOutput<'rma.list'>['rows'][number], 'overdue'> & { overdue: number };
  return listPage(input, {
    sorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) =>
      ctx.sqlite
        .prepare<unknown[], Raw>(`SELECT ${summaryColumns} ${summaryFrom} ${f.where()} ORDER BY ${q.orderBy('r.id')} LIMIT ? OFFSET ?`)
        .all(day, day, ...f.params, q.limit, q.offset)
        .map((r) => ({ ...r, overdue: r.overdue === 1 })),
    count: () => countUpTo(ctx, `FROM rmas r ${f.where()}`, f.params),
  });
}

export function getRma(ctx: Ctx, id: number): Rma {
  const day = todayOf(ctx);
  type Raw = Omit<Rma, 'overdue' | 'vendorCredited' | 'history' | 'fromSwap'> & { overdue: number; vendorCredited: number | null; fromSwap: number };
  const row = ctx.sqlite
    .prepare<[string, string, number], Raw>(
      `SELECT ${summaryColumns}, r.fault, r.note, r.charge_id AS chargeId, ch.number AS chargeNumber, r.container_id AS containerId, c.number AS containerNumber,
              r.tracking_to_vendor AS trackingToVendor, r.tracking_from_vendor AS trackingFromVendor, r.location_id AS locationId, loc.name AS locationName,
              r.return_id AS returnId, ret.number AS returnNumber, r.credit_charge_id AS creditChargeId, cr.number AS creditChargeNumber, -cr.unit_price AS creditAmount,
              ch.unit_price AS pricePaid, lt.unit_cost AS unitCost, r.replacement_lot_id AS replacementLotId, rl.serial_number AS replacementSerial, rl.unit_cost AS replacementCost,
              r.vendor_fee AS vendorFee, r.vendor_credited AS vendorCredited, r.delivery_id AS deliveryId, dl.number AS deliveryNumber,
              (SELECT nd.id FROM devices nd WHERE nd.delivery_id = r.delivery_id LIMIT 1) AS newDeviceId,
              r.reject_reason AS rejectReason, r.cancel_reason AS cancelReason, r.from_swap AS fromSwap, u.display_name AS createdByName, r.closed_at AS closedAt
       ${summaryFrom} LEFT JOIN charges ch ON ch.id = r.charge_id LEFT JOIN containers c ON c.id = r.container_id LEFT JOIN locations loc ON loc.id = r.location_id
       LEFT JOIN client_returns ret ON ret.id = r.return_id LEFT JOIN charges cr ON cr.id = r.credit_charge_id JOIN lots lt ON lt.id = r.lot_id
       LEFT JOIN lots rl ON rl.id = r.replacement_lot_id LEFT JOIN deliveries dl ON dl.id = r.delivery_id JOIN users u ON u.id = r.created_by
       WHERE r.id = ?`,
    )
    .get(day, day, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'rma', id });
  const history = ctx.sqlite
    .prepare<[number], Omit<Rma['history'][number], 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.from_state AS fromState, e.to_state AS toState, e.details
       FROM rma_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.rma_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id)
    .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
  return { ...row, overdue: row.overdue === 1, vendorCredited: row.vendorCredited === null ? null : row.vendorCredited === 1, fromSwap: row.fromSwap === 1, history };
}
