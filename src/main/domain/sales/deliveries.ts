// Deliveries (DLV-n): units leaving for one client company, in person or shipped. A delivery takes only
// units picked for its charges; in one transaction it releases their picks, moves them to Customer at
// each unit's cost, records each line's exact cost on its charge, and creates a device per serialized
// unit. Products not tracked in stock (licences, services) deliver with no move, at catalogue cost.
// Units sent outside any charge (a loan, a replacement) go through the same document with a reason, so
// Customer is never reached by a bare transfer. Reversing a delivery undoes all of it: units back where
// they left, picked again for their charges, devices voided, the shipment's freight charge canceled.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Delivery, OpenDeliveryLine } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { deliveries } from '@main/db/schema';
import { requireProduct } from '../catalog/products';
import { addressLines, getCompany } from '../catalog/companies';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { likePattern, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireOfferingLocation, requireStockLocation, VIRTUAL } from '../locations/locations';
import { requireManualChangeReason } from '../stock/adjustments';
import { ensureInventoryProduct } from '../stock/inventoryProducts';
import { postMoves, reversingMove, type MoveInput } from '../stock/ledger';
import { lotsWithSerialSql } from '../stock/serials';
import { documentMoves } from '../stock/transfers';
import { chooseUnitsForLines } from '../stock/units';
import { applyTransition, createDocument, createDocuments, defineWorkflow, requireEditable, requireTransition } from '../workflow/transitions';
import { chargeWorkflow, createFreightCharge, recordChargeEvent, requireCharge, settleCharge, type ChargeRow } from './charges';
import { deviceWorkflow } from './devices';
import { holdForCharge, pickedByCharge, releaseHeldMany, takePicked, type PickClaims, type PickedUnits } from './picks';
import { deliveryLineSerials } from './deliveryMoves';

type DeliveryStatus = (typeof deliveries.status.enumValues)[number];
interface DeliveryRow {
  id: number;
  number: string;
  status: DeliveryStatus;
  companyId: number;
  freightChargeId: number | null;
  /** The receipt that delivered it straight to the client (its own moves took the units to Customer). */
  receiptId: number | null;
  receiptNumber: string | null;
}

export const deliveryWorkflow = defineWorkflow<DeliveryStatus, DeliveryRow>()({
  document: 'delivery',
  table: 'deliveries',
  column: 'status',
  states: deliveries.status.enumValues,
  read: (ctx, id) =>
    prepared<[number], DeliveryRow>(ctx, `SELECT d.id, d.number, d.status, d.company_id AS companyId, d.freight_charge_id AS freightChargeId, d.receipt_id AS receiptId, r.number AS receiptNumber
       FROM deliveries d LEFT JOIN receipts r ON r.id = d.receipt_id WHERE d.id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'delivery_events', key: 'delivery_id' },
  creations: { delivered: { to: 'delivered' }, shipped: { to: 'delivered' } },
  transitions: {
    reverse: {
      from: ['delivered'],
      to: 'reversed',
      repeatOf: ['reversed'],
      guard: (ctx, row, input) => {
        // Its units never left a location of ours: undone with the receipt, by cancelling it.
        if (row.receiptId !== null) throw new DomainError('DELIVERED_BY_RECEIPT', { number: row.number, receiptNumber: row.receiptNumber });
        requireManualChangeReason(ctx, input.reason ?? null, 'reverse');
        // A device from it that was returned, swapped or sent for RMA keeps the delivery as it is.
        const moved = ctx.sqlite
          .prepare<[number], { serial: string }>(`SELECT serial_number AS serial FROM devices WHERE delivery_id = ? AND status NOT IN ('installed', 'voided') LIMIT 20`)
          .all(row.id);
        if (moved.length > 0) throw new DomainError('REVERSAL_BLOCKED', { number: row.number, items: moved.map((d) => d.serial), reason: 'devices' });
        // Units of it that came back on a client return are no longer at the client to take back.
        const returned = ctx.sqlite
          .prepare<[number], { number: string }>(
            `SELECT DISTINCT r.number FROM delivery_lines dl JOIN client_return_lines rl ON rl.delivery_line_id = dl.id JOIN client_returns r ON r.id = rl.return_id WHERE dl.delivery_id = ? LIMIT 20`,
          )
          .all(row.id);
        if (returned.length > 0) throw new DomainError('REVERSAL_BLOCKED', { number: row.number, items: returned.map((r) => r.number), reason: 'returns' });
        // An RMA stands on it: one of its devices has an open RMA, or it delivered an RMA's repair or replacement,
        // or a swap's replacement (whose old device gave it its contract).
        const bound = ctx.sqlite
          .prepare<[number, number, number], { number: string }>(
            `SELECT r.number FROM rmas r JOIN devices d ON d.id = r.device_id WHERE d.delivery_id = ? AND r.status NOT IN ('rejected', 'closed', 'canceled')
             UNION SELECT number FROM rmas WHERE delivery_id = ?
             UNION SELECT d.serial_number FROM devices d JOIN device_events e ON e.device_id = d.id AND e.type = 'swappedIn' WHERE d.delivery_id = ? LIMIT 20`,
          )
          .all(row.id, row.id, row.id);
        if (bound.length > 0) throw new DomainError('REVERSAL_BLOCKED', { number: row.number, items: bound.map((r) => r.number), reason: 'rma' });
      },
      sets: ({ now, reason }) => ({ reversed_at: now, reverse_reason: reason ?? null }),
    },
    /** Its receipt was cancelled (receiving.cancelReceipt): the receipt's reversal takes the units back. */
    receiptCanceled: {
      from: ['delivered'],
      to: 'reversed',
      system: true,
      guard: (_ctx, row) => (row.receiptId === null ? false : undefined),
      sets: ({ now, reason }) => ({ reversed_at: now, reverse_reason: reason ?? null }),
    },
  },
});

const addMonths = (ms: number, months: number): number => {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
};

/** A unit leaving on a delivery line. */
interface Leaving {
  lotId: number;
  locationId: number;
  qty: number;
  unitCost: number;
  serialNumber: string | null;
}

/** One line of the document as it is written. */
interface PlannedLine {
  charge: ChargeRow | null;
  product: { id: number; serialized: boolean; unitCost: number; warrantyMonths: number };
  locationId: number | null;
  qty: number;
  cost: bigint;
  units: Leaving[];
}

interface Header {
  companyId: number;
  method: 'deliver' | 'ship';
  carrier?: string | null;
  trackingNumber?: string | null;
  shipDate?: string | null;
  shipToName?: string | null;
  shipToAddress?: string | null;
  reason?: string | null;
  note?: string | null;
  /** A receipt straight to the client: its moves already took the units to Customer. */
  receiptId?: number;
}

/** The client's name and address as one block, for a shipment that names none (and its packing list). */
export function companyAddress(ctx: Ctx, companyId: number): { name: string; address: string | null } {
  const c = getCompany(ctx, companyId);
  const lines = addressLines(c);
  return { name: c.name, address: lines.length ? lines.join('\n') : null };
}

/**
 * Writes the document, its lines, the moves to Customer, the charges' figures and the devices, in the
 * caller's transaction. Returns the delivery's id and number.
 */
function writeDelivery(ctx: Ctx, actor: Actor, header: Header, lines: PlannedLine[]): { id: number; number: string } {
  const now = ctx.now();
  const number = nextNumber(ctx, 'DLV');
  const shipTo = companyAddress(ctx, header.companyId);
  const id = createDocument(
    ctx,
    deliveryWorkflow,
    header.method === 'ship' ? 'shipped' : 'delivered',
    {
      number,
      company_id: header.companyId,
      method: header.method,
      carrier: header.carrier ?? null,
      tracking_number: header.trackingNumber ?? null,
      ship_date: header.shipDate ?? null,
      ship_to_name: header.shipToName ?? shipTo.name,
      ship_to_address: header.shipToAddress ?? shipTo.address,
      reason: header.reason ?? null,
      note: header.note ?? null,
      receipt_id: header.receiptId ?? null,
      user_id: actor.userId,
      created_at: now,
    },
    { userId: actor.userId, details: { lines: lines.length, units: lines.reduce((n, l) => n + l.qty, 0) } },
  );
  const insertLine = ctx.sqlite.prepare(`INSERT INTO delivery_lines (delivery_id, line_no, charge_id, product_id, location_id, qty, cost) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const containerOf = ctx.sqlite.prepare<[number], { id: number; contractId: number | null; kind: string }>(`SELECT id, contract_id AS contractId, kind FROM containers WHERE id = ?`);
  const addToCharge = ctx.sqlite.prepare(`UPDATE charges SET delivered = delivered + ?, delivered_cost = delivered_cost + ? WHERE id = ?`);
  const moves: MoveInput[] = [];
  const newDevices: Record<string, unknown>[] = [];
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const lineId = Number(insertLine.run(id, lineNo, line.charge?.id ?? null, line.product.id, line.locationId, line.qty, line.cost).lastInsertRowid);
    for (const u of line.units) {
      moves.push({
        lotId: u.lotId,
        productId: line.product.id,
        qty: u.qty,
        from: u.locationId,
        to: VIRTUAL.customer,
        unitCost: u.unitCost,
        sourceType: 'delivery',
        sourceId: id,
        sourceLine: lineNo,
        companyId: header.companyId,
        reason: header.reason ?? null,
        userId: actor.userId,
        occurredAt: now,
      });
    }
    if (line.charge) addToCharge.run(line.qty, line.cost, line.charge.id);
    const container = line.charge ? containerOf.get(line.charge.containerId) : undefined;
    const warrantyEnd = line.product.warrantyMonths > 0 ? addMonths(now, line.product.warrantyMonths) : null;
    for (const u of line.units) {
      if (!u.serialNumber) continue;
      newDevices.push({
        product_id: line.product.id,
        lot_id: u.lotId,
        serial_number: u.serialNumber,
        serial_key: serialKey(u.serialNumber),
        company_id: header.companyId,
        container_id: container?.id ?? null,
        contract_id: container ? (container.kind === 'contract' ? container.id : container.contractId) : null,
        charge_id: line.charge?.id ?? null,
        delivery_id: id,
        delivery_line_id: lineId,
        installed_at: now,
        warranty_end: warrantyEnd,
        created_at: now,
      });
    }
  });
  createDocuments(ctx, deviceWorkflow, 'installed', newDevices, { userId: actor.userId, details: { deliveryId: id, deliveryNumber: number } });
  if (header.receiptId === undefined) postMoves(ctx, moves);
  return { id, number };
}

/** Σ qty × unit cost, exact. */
function costOf(units: Leaving[]): bigint {
  return units.reduce((sum, u) => sum + BigInt(u.qty) * BigInt(u.unitCost), 0n);
}

export function deliver(ctx: Ctx, actor: Actor, input: ParsedInput<'delivery.deliver'>) {
  const claims: PickClaims = new Map();
  const charges = new Map<number, ChargeRow>();
  const products = new Map<number, PlannedLine['product']>();
  const planned: PlannedLine[] = [];
  const untrackedQty = new Map<number, number>();
  let companyId: number | null = null;
  // Every charge's picks read at once, and let go together once every line has taken its units.
  const held = pickedByCharge(
    ctx,
    input.lines.map((l) => l.chargeId),
  );
  const released = new Map<number, PickedUnits[]>();
  input.lines.forEach((line, index) => {
    try {
      let charge = charges.get(line.chargeId);
      if (!charge) {
        charge = requireCharge(ctx, line.chargeId);
        requireEditable(chargeWorkflow, charge, 'deliver');
        charges.set(charge.id, charge);
      }
      if (charge.kind !== 'product' || charge.productId === null) throw new DomainError('NOT_PICKED', { number: charge.number, picked: 0, requested: line.qty ?? 0 });
      if (companyId !== null && companyId !== charge.companyId) throw new DomainError('COMPANY_MISMATCH', { number: charge.number });
      companyId = charge.companyId;
      let product = products.get(charge.productId);
      if (!product) {
        const p = requireProduct(ctx, charge.productId);
        product = { id: p.id, serialized: p.serialized, unitCost: p.unitCost, warrantyMonths: p.warrantyMonths };
        products.set(p.id, product);
      }
      if (charge.tracked !== 1) {
        // Nothing to pick: ready charges deliver what is still undelivered, at the catalogue cost.
        if (charge.status !== 'ready') throw new DomainError('INVALID_TRANSITION', { document: 'charge', number: charge.number, status: charge.status, action: 'deliver' });
        const open = charge.quantity - charge.delivered - (untrackedQty.get(charge.id) ?? 0);
        const qty = line.qty ?? open;
        if (line.serials?.length) throw new DomainError('SERIALS_NOT_ALLOWED');
        if (qty < 1 || qty > open) throw new DomainError('OVER_PICK', { number: charge.number, needed: open, requested: qty });
        untrackedQty.set(charge.id, (untrackedQty.get(charge.id) ?? 0) + qty);
        planned.push({ charge, product, locationId: null, qty, cost: BigInt(qty) * BigInt(product.unitCost), units: [] });
        return;
      }
      const units = takePicked(ctx, charge, line, claims, 'oldest', held);
      if (units.length === 0) throw new DomainError('NOT_PICKED', { number: charge.number, picked: 0, requested: line.qty ?? 0 });
      const before = released.get(charge.id);
      if (before) before.push(...units);
      else released.set(charge.id, units);
      // One document line per location the units leave from.
      const byLocation = new Map<number, Leaving[]>();
      for (const u of units) {
        const here = byLocation.get(u.locationId);
        if (here) here.push(u);
        else byLocation.set(u.locationId, [u]);
      }
      for (const [locationId, leaving] of byLocation) {
        planned.push({ charge, product, locationId, qty: leaving.reduce((n, u) => n + u.qty, 0), cost: costOf(leaving), units: leaving });
      }
    } catch (error) {
      if (error instanceof DomainError && input.lines.length > 1) throw new DomainError(error.code, { ...error.details, line: index }, error.message);
      throw error;
    }
  });
  releaseHeldMany(ctx, 'charge', released);
  const doc = writeDelivery(ctx, actor, { ...input, companyId: companyId! }, planned);
  if (input.freightPrice !== undefined && input.freightPrice > 0) {
    const first = planned[0]!.charge!;
    const label = [input.carrier, input.trackingNumber].filter(Boolean).join(' ');
    const freightId = createFreightCharge(ctx, actor.userId, first.containerId, input.freightPrice, `Freight ${doc.number}${label ? ` (${label})` : ''}`);
    ctx.sqlite.prepare(`UPDATE deliveries SET freight_charge_id = ? WHERE id = ?`).run(freightId, doc.id);
  }
  // Each charge's lines, found in one pass (a 1,000-line shipment would otherwise scan the lines per charge).
  const linesOf = new Map<ChargeRow, PlannedLine[]>();
  for (const line of planned) {
    if (!line.charge) continue;
    const same = linesOf.get(line.charge);
    if (same) same.push(line);
    else linesOf.set(line.charge, [line]);
  }
  for (const charge of charges.values()) {
    const lines = linesOf.get(charge) ?? [];
    const qty = lines.reduce((n, l) => n + l.qty, 0);
    const serials = lines.flatMap((l) => l.units.flatMap((u) => (u.serialNumber ? [u.serialNumber] : [])));
    recordChargeEvent(
      ctx,
      charge.id,
      actor.userId,
      input.method === 'ship' ? 'shipped' : 'delivered',
      { deliveryId: doc.id, deliveryNumber: doc.number, qty, ...(serials.length ? { serials: serials.slice(0, 50) } : {}) },
      settleCharge(ctx, charge.id, actor.userId),
    );
  }
  return { documentType: 'delivery' as const, ...doc };
}

/**
 * `fromShelf`: an RMA's repaired unit or replacement leaves from where it came back (a returns shelf that does
 * not offer its units); anything else leaves only from a location that offers them.
 */
export function sendToClient(ctx: Ctx, actor: Actor, input: ParsedInput<'delivery.sendToClient'>, fromShelf = false) {
  const company = getCompany(ctx, input.companyId);
  if (!company.isClient) throw new DomainError('VALIDATION', { fields: [{ path: 'companyId', code: 'notAClient' }] });
  if (fromShelf) requireStockLocation(ctx, input.fromLocationId);
  else requireOfferingLocation(ctx, input.fromLocationId);
  const lines = input.lines.map((line) => {
    const product = requireProduct(ctx, line.productId);
    if (!product.trackedInStock) throw new DomainError('NOT_TRACKED', { productId: product.id });
    return { ...line, product };
  });
  const chosen = chooseUnitsForLines(ctx, input.fromLocationId, lines);
  const planned: PlannedLine[] = lines.map(({ product }, index) => {
    const units = chosen[index]!.map((u) => ({ ...u, locationId: input.fromLocationId }));
    return {
      charge: null,
      product: { id: product.id, serialized: product.serialized, unitCost: product.unitCost, warrantyMonths: product.warrantyMonths },
      locationId: input.fromLocationId,
      qty: units.reduce((n, u) => n + u.qty, 0),
      cost: costOf(units),
      units,
    };
  });
  const doc = writeDelivery(ctx, actor, { ...input, companyId: company.id }, planned);
  return { documentType: 'delivery' as const, ...doc };
}

export function reverseDelivery(ctx: Ctx, actor: Actor, input: ParsedInput<'delivery.reverse'>) {
  const delivery = requireTransition(ctx, deliveryWorkflow, input.id, 'reverse', { userId: actor.userId, reason: input.reason });
  undoDelivery(ctx, actor, delivery, 'reverse', input.reason);
  return { ok: true as const };
}

/**
 * Delivers units a receipt has just brought straight to the client for a charge: a delivery document
 * naming the receipt, with no moves of its own (the receipt's took the units from the Vendor to Customer),
 * the charge's figures and a device per serial. The caller records the charge's history.
 */
export function deliverReceived(
  ctx: Ctx,
  actor: Actor,
  input: { receiptId: number; charge: ChargeRow; units: { lotId: number; qty: number; unitCost: number; serialNumber: string | null }[] },
): { id: number; number: string } {
  const p = requireProduct(ctx, input.charge.productId!);
  const units = input.units.map((u) => ({ ...u, locationId: VIRTUAL.vendor }));
  const line: PlannedLine = {
    charge: input.charge,
    product: { id: p.id, serialized: p.serialized, unitCost: p.unitCost, warrantyMonths: p.warrantyMonths },
    locationId: VIRTUAL.vendor,
    qty: units.reduce((n, u) => n + u.qty, 0),
    cost: costOf(units),
    units,
  };
  return writeDelivery(ctx, actor, { companyId: input.charge.companyId, method: 'deliver', receiptId: input.receiptId }, [line]);
}

/** Undoes the deliveries a receipt made, as the receipt is cancelled (the receipt moves the units back). */
export function undoReceiptDeliveries(ctx: Ctx, actor: Actor, receiptId: number, reason: string | null): void {
  for (const { id } of ctx.sqlite.prepare<[number], { id: number }>(`SELECT id FROM deliveries WHERE receipt_id = ? AND status = 'delivered'`).all(receiptId)) {
    undoDelivery(ctx, actor, requireTransition(ctx, deliveryWorkflow, id, 'receiptCanceled', { userId: actor.userId, reason }), 'receiptCanceled', reason);
  }
}

/**
 * Everything a delivery did, undone in the caller's transaction: its moves reversed (units back where they
 * left, picked again for their charges), the charges' figures, its devices voided, the shipment's freight
 * charge canceled; then the delivery's own transition and the charges' history.
 */
function undoDelivery(ctx: Ctx, actor: Actor, delivery: DeliveryRow, action: 'reverse' | 'receiptCanceled', reason: string | null): void {
  const input = { id: delivery.id, reason };
  const lines = ctx.sqlite
    .prepare<[number], { lineNo: number; chargeId: number | null; qty: number; cost: number | bigint }>(
      `SELECT line_no AS lineNo, charge_id AS chargeId, qty, cost FROM delivery_lines WHERE delivery_id = ? ORDER BY line_no`,
    )
    .safeIntegers(true)
    .all(input.id)
    .map((l) => ({ lineNo: Number(l.lineNo), chargeId: l.chargeId === null ? null : Number(l.chargeId), qty: Number(l.qty), cost: BigInt(l.cost) }));
  const now = ctx.now();
  const originals = documentMoves(ctx, 'delivery', input.id).filter((m) => m.reversesMoveId === null);
  postMoves(
    ctx,
    [...originals].reverse().map((m) => reversingMove(m, { sourceType: 'delivery', sourceId: input.id, reason: input.reason, userId: actor.userId, occurredAt: now })),
  );
  for (const m of originals) ensureInventoryProduct(ctx, m.productId, m.from, actor.userId);
  // The units are picked again for the charges they were delivered on.
  const chargeOfLine = new Map(lines.map((l) => [l.lineNo, l.chargeId]));
  const holds = new Map<number, { lotId: number; locationId: number; productId: number; qty: number }[]>();
  for (const m of originals) {
    const chargeId = chargeOfLine.get(m.sourceLine ?? 0);
    if (chargeId) holds.set(chargeId, [...(holds.get(chargeId) ?? []), { lotId: m.lotId, locationId: m.from, productId: m.productId, qty: m.qty }]);
  }
  const subtract = ctx.sqlite.prepare(`UPDATE charges SET delivered = delivered - ?, delivered_cost = delivered_cost - ? WHERE id = ?`);
  for (const l of lines) if (l.chargeId !== null) subtract.run(l.qty, l.cost, l.chargeId);
  for (const [chargeId, units] of holds) holdForCharge(ctx, chargeId, units);
  for (const { id: deviceId } of ctx.sqlite.prepare<[number], { id: number }>(`SELECT id FROM devices WHERE delivery_id = ? AND status = 'installed'`).all(input.id)) {
    applyTransition(ctx, deviceWorkflow, deviceId, 'void', { userId: actor.userId, details: { deliveryId: input.id, deliveryNumber: delivery.number } });
  }
  if (delivery.freightChargeId !== null) applyTransition(ctx, chargeWorkflow, delivery.freightChargeId, 'voidFreight', { userId: actor.userId, reason: input.reason });
  applyTransition(ctx, deliveryWorkflow, input.id, action, { userId: actor.userId, reason: input.reason, details: { reason: input.reason } });
  for (const chargeId of new Set(lines.flatMap((l) => (l.chargeId === null ? [] : [l.chargeId])))) {
    const qty = lines.filter((l) => l.chargeId === chargeId).reduce((n, l) => n + l.qty, 0);
    recordChargeEvent(ctx, chargeId, actor.userId, 'deliveryReversed', { deliveryId: input.id, deliveryNumber: delivery.number, qty }, settleCharge(ctx, chargeId, actor.userId));
  }
}

// Reading ------------------------------------------------------------------------------------

const openSorts: SortColumns<'delivery.listOpen'> = { chargeNumber: 'o.chargeId', companyName: 'o.companyName', productName: 'o.productName', locationName: 'o.locationName' };

/**
 * How Delivery & Shipping sorted by a name reads its picked lines: the table holding the name walked in
 * name order through its index, then (CROSS JOIN keeps the order) the open charges and picks under each;
 * `order` is the walk's order, which is also the grouping. Aliases match the filters' (ch, c, co, p, a).
 */
const nameWalks: Record<Exclude<keyof typeof openSorts, 'chargeNumber'>, { key: string; untrackedKey: string; from: string; order: string[] }> = {
  companyName: {
    key: 'co.name',
    untrackedKey: 'co.name',
    from: `FROM companies co INDEXED BY companies_name_unique CROSS JOIN charges ch INDEXED BY charges_open_company_idx ON ch.company_id = co.id
      CROSS JOIN containers c ON c.id = ch.container_id CROSS JOIN products p ON p.id = ch.product_id
      CROSS JOIN allocations a INDEXED BY allocations_source_idx ON a.source_type = 'charge' AND a.source_id = ch.id`,
    order: ['co.name', 'ch.id', 'a.location_id'],
  },
  productName: {
    key: 'p.name',
    untrackedKey: 'p.name',
    from: `FROM products p INDEXED BY products_name_search_idx CROSS JOIN charges ch INDEXED BY charges_open_product_idx ON ch.product_id = p.id
      CROSS JOIN containers c ON c.id = ch.container_id CROSS JOIN companies co ON co.id = ch.company_id
      CROSS JOIN allocations a INDEXED BY allocations_source_idx ON a.source_type = 'charge' AND a.source_id = ch.id`,
    order: ['p.name', 'p.id', 'ch.id', 'a.location_id'],
  },
  locationName: {
    key: 'loc.name',
    // Lines of untracked products have no location: first in ascending order, as NULL sorts.
    untrackedKey: 'NULL',
    from: `FROM locations loc INDEXED BY locations_name_unique
      CROSS JOIN allocations a INDEXED BY allocations_picked_location_idx ON a.location_id = loc.id AND a.source_type = 'charge'
      CROSS JOIN charges ch ON ch.id = a.source_id CROSS JOIN containers c ON c.id = ch.container_id CROSS JOIN companies co ON co.id = ch.company_id
      CROSS JOIN products p ON p.id = ch.product_id`,
    order: ['loc.name', 'a.source_id', 'a.location_id'],
  },
};

/**
 * The Delivery & Shipping lines: per charge and location, the units picked and not yet delivered; a
 * ready charge of a product not tracked in stock is one line with no location. Charges on hold or
 * canceled are left out.
 */
export function listOpenDeliveries(ctx: Ctx, input: ParsedInput<'delivery.listOpen'>): ChannelOutput<'delivery.listOpen'> {
  const f = new Filters().equals('ch.company_id', input.companyId).equals('ch.container_id', input.containerId).equals('ch.product_id', input.productId);
  const located = new Filters().equals('a.location_id', input.locationId);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(
      `(ch.number LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\' OR c.number LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')`,
      like,
      like,
      like,
      like,
      like,
      like,
    );
  }
  if (input.serial) {
    // The charges holding the unit, found from its lot (a few rows), then the location it is picked at.
    const lots = lotsWithSerialSql(input.serial);
    const holding = `SELECT s.source_id FROM allocations s INDEXED BY allocations_lot_idx WHERE s.lot_id IN ${lots.sql} AND s.source_type = 'charge' AND s.kind = 'picked'`;
    f.add(`ch.id IN (${holding})`, ...lots.params);
    located.add(`EXISTS (SELECT 1 FROM allocations s WHERE s.source_type = 'charge' AND s.source_id = ch.id AND s.location_id = a.location_id AND s.lot_id IN ${lots.sql})`, ...lots.params);
  }
  // Each part walks its charges through a partial index in charge order (CROSS JOIN keeps that order), so
  // the default sort reads a page's window and stops, whatever the number of open lines. A serial names
  // the few charges holding it: they are looked up instead.
  const base = (index: string) =>
    `FROM charges ch ${input.serial ? '' : `INDEXED BY ${index}`} CROSS JOIN containers c ON c.id = ch.container_id CROSS JOIN companies co ON co.id = ch.company_id CROSS JOIN products p ON p.id = ch.product_id`;
  const openCharge = `ch.status IN ('needToOrder', 'onOrder', 'ready')`;
  // Two parts: picked units per (charge, location), and untracked ready charges (no location).
  const pickedPart = `SELECT ch.id AS chargeId, a.location_id AS locationId, sum(a.qty) AS qty
      ${base('charges_open_picks_idx')} CROSS JOIN allocations a INDEXED BY allocations_source_idx ON a.source_type = 'charge' AND a.source_id = ch.id
      WHERE ch.picked > 0 AND a.kind = 'picked' AND ${openCharge} AND ${f.all()} AND ${located.all()} GROUP BY ch.id, a.location_id`;
  const untrackedPart = `SELECT ch.id AS chargeId, NULL AS locationId, ch.quantity - ch.delivered AS qty
      ${base('charges_ready_unpicked_idx')} WHERE ch.status = 'ready' AND ch.picked = 0 AND p.tracked_in_stock = 0 AND ch.delivered < ch.quantity AND ${f.all()}`;
  const includeUntracked = input.locationId === undefined && !input.serial;
  const union = includeUntracked ? `${pickedPart} UNION ALL ${untrackedPart}` : pickedPart;
  const params = includeUntracked ? [...f.params, ...located.params, ...f.params] : [...f.params, ...located.params];
  const rowsSql = (lines: string) => `SELECT * FROM (SELECT g.chargeId, ch.number AS chargeNumber, ch.container_id AS containerId, c.kind AS containerKind, c.number AS containerNumber, c.title AS containerTitle,
         ch.company_id AS companyId, co.name AS companyName, ch.product_id AS productId, p.sku, p.name AS productName, p.serialized,
         g.locationId, loc.name AS locationName, ip.bin, g.qty, ch.quantity AS chargeQuantity, ch.delivered, ch.status
       FROM ${lines} g JOIN charges ch ON ch.id = g.chargeId JOIN containers c ON c.id = ch.container_id JOIN companies co ON co.id = ch.company_id
       JOIN products p ON p.id = ch.product_id LEFT JOIN locations loc ON loc.id = g.locationId
       LEFT JOIN inventory_products ip ON ip.product_id = ch.product_id AND ip.location_id = g.locationId) o`;
  const serialsAt = ctx.sqlite.prepare<[number, number], { serial: string }>(
    `SELECT l.serial_number AS serial FROM allocations a JOIN lots l ON l.id = a.lot_id
     WHERE a.source_type = 'charge' AND a.source_id = ? AND a.location_id = ? AND l.serial_number IS NOT NULL ORDER BY l.serial_number LIMIT 20`,
  );
  return listPage(input, {
    sorts: openSorts,
    defaultSort: { by: 'chargeNumber' },
    rows: (q) => {
      type Row = Omit<OpenDeliveryLine, 'serialized' | 'serials'> & { serialized: number };
      const withSerials = (r: Row) => ({ ...r, serialized: r.serialized === 1, serials: r.serialized === 1 && r.locationId !== null ? serialsAt.all(r.chargeId, r.locationId).map((s) => s.serial) : [] });
      if (q.by !== 'chargeNumber') {
        // By a name: the picked part walks that name's table in name order (names of clients and locations
        // are unique; products tie by id), each one's charges with picks, then their picks, so grouping and
        // order follow the walk and it stops at the page's window. The few untracked lines are sorted whole.
        const walk = nameWalks[q.by];
        const order = (terms: string[]) => terms.map((term) => `${term} ${q.direction}`).join(', ');
        const picked = `SELECT ch.id AS chargeId, a.location_id AS locationId, sum(a.qty) AS qty, ${walk.key} AS k, p.id AS pid ${walk.from}
          WHERE ch.picked > 0 AND a.kind = 'picked' AND ${openCharge} AND ${f.all()} AND ${located.all()}
          GROUP BY ${walk.order.join(', ')} ORDER BY ${order(walk.order)} LIMIT ${q.window}`;
        const untracked = `SELECT ch.id AS chargeId, NULL AS locationId, ch.quantity - ch.delivered AS qty, ${walk.untrackedKey} AS k, p.id AS pid
          ${base('charges_ready_unpicked_idx')} WHERE ch.status = 'ready' AND ch.picked = 0 AND p.tracked_in_stock = 0 AND ch.delivered < ch.quantity AND ${f.all()}
          ORDER BY ${order(['k', 'pid', 'chargeId'])} LIMIT ${q.window}`;
        const merged = `SELECT chargeId, locationId, qty FROM (SELECT * FROM (${picked})${includeUntracked ? ` UNION ALL SELECT * FROM (${untracked})` : ''})
          ORDER BY ${order(q.by === 'productName' ? ['k', 'pid', 'chargeId', 'locationId'] : ['k', 'chargeId', 'locationId'])} LIMIT ? OFFSET ?`;
        const keys = ctx.sqlite.prepare<unknown[], { chargeId: number; locationId: number | null; qty: number }>(merged).all(...params, q.limit, q.offset);
        const details = ctx.sqlite.prepare<unknown[], Row>(rowsSql('(SELECT ? AS chargeId, ? AS locationId, ? AS qty)'));
        return keys.map((k) => withSerials(details.get(k.chargeId, k.locationId, k.qty)!));
      }
      // By charge: each part's walk stops at the page's window, the two are merged here, and only the
      // page's lines have their details read.
      type Key = { chargeId: number; locationId: number | null; qty: number };
      const keys = ctx.sqlite.prepare<unknown[], Key>(`${pickedPart} ORDER BY ch.id ${q.direction}, a.location_id LIMIT ${q.window}`).all(...f.params, ...located.params);
      if (includeUntracked) keys.push(...ctx.sqlite.prepare<unknown[], Key>(`${untrackedPart} ORDER BY ch.id ${q.direction} LIMIT ${q.window}`).all(...f.params));
      const sign = q.direction === 'DESC' ? -1 : 1;
      keys.sort((a, b) => sign * (a.chargeId - b.chargeId) || (a.locationId ?? Infinity) - (b.locationId ?? Infinity));
      const details = ctx.sqlite.prepare<unknown[], Row>(rowsSql('(SELECT ? AS chargeId, ? AS locationId, ? AS qty)'));
      return keys.slice(q.offset, q.offset + q.limit).map((k) => withSerials(details.get(k.chargeId, k.locationId, k.qty)!));
    },
    count: () => countUpTo(ctx, `FROM (${union})`, params),
  });
}

const listSorts: SortColumns<'delivery.list'> = { createdAt: 'd.created_at', number: 'd.id' };

const summarySql = `SELECT d.id, d.number, d.status, d.method, d.company_id AS companyId, co.name AS companyName, d.carrier, d.tracking_number AS trackingNumber, d.ship_date AS shipDate,
       (SELECT coalesce(sum(qty), 0) FROM delivery_lines WHERE delivery_id = d.id) AS units, (SELECT count(*) FROM delivery_lines WHERE delivery_id = d.id) AS lineCount,
       u.display_name AS userName, d.created_at AS createdAt
  FROM deliveries d JOIN companies co ON co.id = d.company_id JOIN users u ON u.id = d.user_id`;

export function listDeliveries(ctx: Ctx, input: ParsedInput<'delivery.list'>): ChannelOutput<'delivery.list'> {
  const f = new Filters().equals('d.company_id', input.companyId).equals('d.method', input.method);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(d.number LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\' OR d.tracking_number LIKE ? ESCAPE '\\')`, like, like, like);
  }
  return listPage(input, {
    sorts: listSorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) => ctx.sqlite.prepare<unknown[], ChannelOutput<'delivery.list'>['rows'][number]>(`${summarySql} ${f.where()} ORDER BY ${q.orderBy('d.id')} LIMIT ? OFFSET ?`).all(...f.params, q.limit, q.offset),
    count: () => countUpTo(ctx, `FROM deliveries d JOIN companies co ON co.id = d.company_id ${f.where()}`, f.params),
  });
}

export function getDelivery(ctx: Ctx, id: number): Delivery {
  const head = ctx.sqlite
    .prepare<[number, number], Omit<Delivery, 'lines'>>(
      `SELECT * FROM (${summarySql} WHERE d.id = ?) s JOIN (SELECT d.ship_to_name AS shipToName, d.ship_to_address AS shipToAddress, d.reason, d.note, d.freight_charge_id AS freightChargeId,
              f.number AS freightChargeNumber, d.reversed_at AS reversedAt, d.reverse_reason AS reverseReason
            FROM deliveries d LEFT JOIN charges f ON f.id = d.freight_charge_id WHERE d.id = ?)`,
    )
    .get(id, id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'delivery', id });
  const serialsOf = deliveryLineSerials(ctx);
  const lines = ctx.sqlite
    .prepare<[number], Omit<Delivery['lines'][number], 'serials'>>(
      `SELECT dl.id, dl.line_no AS lineNo, dl.charge_id AS chargeId, ch.number AS chargeNumber, c.number AS containerNumber, dl.product_id AS productId, p.sku, p.name AS productName,
              loc.name AS locationName, dl.qty, CAST(dl.cost AS TEXT) AS cost
       FROM delivery_lines dl JOIN products p ON p.id = dl.product_id LEFT JOIN charges ch ON ch.id = dl.charge_id LEFT JOIN containers c ON c.id = ch.container_id
       LEFT JOIN locations loc ON loc.id = dl.location_id WHERE dl.delivery_id = ? ORDER BY dl.line_no`,
    )
    .all(id)
    .map((l) => ({ ...l, serials: serialsOf(id, l.lineNo) }));
  return { ...head, lines };
}
