// Client returns (RET-n): units coming back from the Customer location into one of our locations, in one
// transaction, each at the cost it left with: a device by itself, a quantity of a delivered charge (its
// newest deliveries' units first, never more than delivered minus already returned) or its serials. A unit
// we never sold comes in as a new stocked item at a typed cost (0 unless given). Devices are marked
// returned, charges count what came back, and a credit (a charge of quantity 1, cost 0, negative price)
// may be given on the same container. What a delivery line left and what came back of it are both moves,
// so verifyLedger checks every figure here against them.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { ClientReturn } from '@shared/contract/returns';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { clientReturns } from '@main/db/schema';
import { getCompany } from '../catalog/companies';
import { requireProduct } from '../catalog/products';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { can, likePattern, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { ensureInventoryProduct } from '../stock/inventoryProducts';
import { postArrivals, postMoves, type MoveInput } from '../stock/ledger';
import { assertNoRepeatedSerials, assertSerialsUnique } from '../stock/serials';
import { applyTransition, createDocument, defineWorkflow } from '../workflow/transitions';
import { createCreditCharge, recordChargeEvent, requireCharge, type ChargeRow } from '../sales/charges';
import { requireContainer } from '../sales/containers';
import { deviceWorkflow } from '../sales/devices';
import { returnLineSerials } from '../sales/deliveryMoves';

type ReturnStatus = (typeof clientReturns.status.enumValues)[number];
type ReturnRow = { id: number; number: string; status: ReturnStatus };

/** A return is posted once and stands: what came back can leave again through a delivery or a transfer. */
export const returnWorkflow = defineWorkflow<ReturnStatus, ReturnRow>()({
  document: 'return',
  table: 'client_returns',
  column: 'status',
  states: clientReturns.status.enumValues,
  read: (ctx, id) => prepared<[number], ReturnRow>(ctx, `SELECT id, number, status FROM client_returns WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'client_return_events', key: 'return_id' },
  creations: { post: { to: 'posted' } },
  transitions: {},
});

/** Units of one lot coming back on a return line. */
interface Unit {
  lotId: number;
  qty: number;
  unitCost: number;
  serialNumber: string | null;
}

/** A line as it is written: units from one delivery line (of a charge), or units we never sold. */
interface PlannedLine {
  productId: number;
  chargeId: number | null;
  containerId: number | null;
  unitPrice: number;
  deliveryLineId: number | null;
  units: Unit[];
  deviceIds: number[];
  /** A unit we never sold: a new lot from Customer at the typed cost. */
  arriving?: { serial: string | null; qty: number; unitCost: number };
}

interface DeviceRow {
  id: number;
  serialNumber: string;
  status: string;
  companyId: number;
  productId: number;
  lotId: number;
  unitCost: number;
  chargeId: number | null;
  containerId: number | null;
  deliveryLineId: number;
  unitPrice: number | null;
}

const deviceSql = `SELECT d.id, d.serial_number AS serialNumber, d.status, d.company_id AS companyId, d.product_id AS productId, d.lot_id AS lotId, l.unit_cost AS unitCost,
       d.charge_id AS chargeId, coalesce(ch.container_id, d.container_id) AS containerId, d.delivery_line_id AS deliveryLineId, ch.unit_price AS unitPrice
  FROM devices d JOIN lots l ON l.id = d.lot_id LEFT JOIN charges ch ON ch.id = d.charge_id`;

/** The device's RMA not finished yet, if any. */
export function openRmaOf(ctx: Ctx, deviceId: number): { id: number; number: string } | undefined {
  return prepared<[number], { id: number; number: string }>(ctx, `SELECT id, number FROM rmas WHERE device_id = ? AND status NOT IN ('rejected', 'closed', 'canceled')`).get(deviceId);
}

/**
 * Where returns go when the user names no location: the first active returns shelf (one that holds without
 * offering first), else the default location.
 */
export function defaultReturnsLocation(ctx: Ctx): number {
  const row = prepared<[], { id: number }>(
    ctx,
    `SELECT id FROM locations WHERE usage = 'internal' AND active = 1 ORDER BY (kind = 'returns') DESC, offers_stock ASC, is_default DESC, id LIMIT 1`,
  ).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'location' });
  return row.id;
}

/**
 * What of a charge's delivered, non-serialized units is still at the client: per delivery line and lot, what
 * left (the delivery's moves; a delivery a receipt made straight to the client, the receipt's lots bought
 * for the charge, up to the line's quantity) minus what came back, newest delivery first.
 */
function returnableLots(ctx: Ctx, chargeId: number): { deliveryLineId: number; lotId: number; qty: number; unitCost: number }[] {
  const left = prepared<[number, number], { deliveryLineId: number; lineQty: number; lotId: number; qty: number; unitCost: number; seq: number }>(
    ctx,
    `SELECT dl.id AS deliveryLineId, dl.qty AS lineQty, m.lot_id AS lotId, sum(m.qty) AS qty, m.unit_cost AS unitCost, max(m.id) AS seq
       FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id
       JOIN stock_moves m ON m.source_type = 'delivery' AND m.source_id = dl.delivery_id AND m.source_line = dl.line_no AND m.reverses_move_id IS NULL
      WHERE dl.charge_id = ? AND d.status = 'delivered' AND d.receipt_id IS NULL GROUP BY dl.id, m.lot_id
     UNION ALL
     SELECT dl.id, dl.qty, m.lot_id, m.qty, m.unit_cost, m.id
       FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id
       JOIN stock_moves m ON m.source_type = 'receipt' AND m.source_id = d.receipt_id AND m.to_location_id = ${VIRTUAL.customer} AND m.reverses_move_id IS NULL AND m.product_id = dl.product_id
       JOIN lots l ON l.id = m.lot_id JOIN purchase_order_lines pl ON pl.id = l.po_line_id AND pl.charge_id = dl.charge_id
      WHERE dl.charge_id = ? AND d.status = 'delivered' AND d.receipt_id IS NOT NULL
     ORDER BY seq DESC`,
  ).all(chargeId, chargeId);
  const back = new Map<string, number>();
  for (const r of prepared<[number], { deliveryLineId: number; lotId: number; qty: number }>(
    ctx,
    `SELECT rl.delivery_line_id AS deliveryLineId, m.lot_id AS lotId, sum(m.qty) AS qty FROM client_return_lines rl
       JOIN stock_moves m ON m.source_type = 'return' AND m.source_id = rl.return_id AND m.source_line = rl.line_no
      WHERE rl.charge_id = ? GROUP BY 1, 2`,
  ).all(chargeId))
    back.set(`${r.deliveryLineId}:${r.lotId}`, r.qty);
  // A receipt's lots may hold more units than the line delivered: the line counts only its own quantity.
  const lineLeft = new Map<number, number>();
  const out: { deliveryLineId: number; lotId: number; qty: number; unitCost: number }[] = [];
  for (const r of left) {
    const room = lineLeft.get(r.deliveryLineId) ?? r.lineQty;
    const qty = Math.min(r.qty, room);
    lineLeft.set(r.deliveryLineId, room - qty);
    const key = `${r.deliveryLineId}:${r.lotId}`;
    const already = Math.min(back.get(key) ?? 0, qty);
    back.set(key, (back.get(key) ?? 0) - already);
    if (qty - already > 0) out.push({ deliveryLineId: r.deliveryLineId, lotId: r.lotId, qty: qty - already, unitCost: r.unitCost });
  }
  return out;
}

function requireSameCompany(companyId: number, owner: number, what: Record<string, unknown>): void {
  if (owner !== companyId) throw new DomainError('COMPANY_MISMATCH', what);
}

/**
 * `forRma`: the RMA whose step brings the device back (its own open RMA does not stand in the way; any other
 * open RMA does — the unit is that RMA's, with its credit).
 */
export function createClientReturn(ctx: Ctx, actor: Actor, input: ParsedInput<'returns.create'>, forRma: number | null = null): ChannelOutput<'returns.create'> {
  // A unit we never sold adds stock at a typed cost: that is adjusting stock, whoever returns it.
  if (input.lines.some((l) => l.productId !== undefined) && !can(actor, 'stock.adjust')) throw new DomainError('FORBIDDEN', { permission: 'stock.adjust', field: 'lines.productId' });
  const company = getCompany(ctx, input.companyId);
  const locationId = input.locationId ?? defaultReturnsLocation(ctx);
  requireStockLocation(ctx, locationId);
  const readDevice = ctx.sqlite.prepare<[number], DeviceRow>(`${deviceSql} WHERE d.id = ?`);
  const seenDevices = new Set<number>();
  /** Units of non-serialized lots already planned, per (delivery line, lot): two lines of one charge share them. */
  const taken = new Map<string, number>();
  const planned: PlannedLine[] = [];
  const charges = new Map<number, ChargeRow>();

  const addDevice = (device: DeviceRow) => {
    if (seenDevices.has(device.id)) throw new DomainError('DUPLICATE_SERIAL', { serials: [device.serialNumber], within: 'list', count: 1 });
    seenDevices.add(device.id);
    requireSameCompany(company.id, device.companyId, { serial: device.serialNumber });
    if (device.status !== 'installed') throw new DomainError('NOT_RETURNABLE', { serial: device.serialNumber, status: device.status });
    const rma = openRmaOf(ctx, device.id);
    if (rma && rma.id !== forRma) throw new DomainError('CONFLICT', { reason: 'rmaOpen', number: rma.number, serial: device.serialNumber });
    const line = planned.find((l) => l.deliveryLineId === device.deliveryLineId && l.productId === device.productId);
    const unit = { lotId: device.lotId, qty: 1, unitCost: device.unitCost, serialNumber: device.serialNumber };
    if (line) {
      line.units.push(unit);
      line.deviceIds.push(device.id);
    } else {
      planned.push({
        productId: device.productId,
        chargeId: device.chargeId,
        containerId: device.containerId,
        unitPrice: device.unitPrice ?? 0,
        deliveryLineId: device.deliveryLineId,
        units: [unit],
        deviceIds: [device.id],
      });
    }
  };

  const chargeLine = (line: ParsedInput<'returns.create'>['lines'][number]) => {
    let charge = charges.get(line.chargeId!);
    if (!charge) {
      charge = requireCharge(ctx, line.chargeId!);
      charges.set(charge.id, charge);
    }
    requireSameCompany(company.id, charge.companyId, { number: charge.number });
    if (charge.kind !== 'product' || charge.productId === null) throw new DomainError('NOT_RETURNABLE', { number: charge.number, reason: 'kind' });
    const product = requireProduct(ctx, charge.productId);
    if (!product.trackedInStock) throw new DomainError('NOT_TRACKED', { productId: product.id, sku: product.sku });
    if (product.serialized) {
      // Serialized units come back as their devices: the chosen serials, else the newest installed ones.
      const serials = line.serials ?? [];
      assertNoRepeatedSerials(serials);
      const rows = serials.length
        ? serials.map((s) => {
            const found = prepared<[number, string], { id: number }>(ctx, `SELECT id FROM devices WHERE charge_id = ? AND serial_key = ? AND status = 'installed'`).get(charge.id, serialKey(s));
            if (!found) throw new DomainError('NOT_RETURNABLE', { number: charge.number, serials: [s] });
            return found;
          })
        : prepared<[number, number], { id: number }>(ctx, `SELECT id FROM devices WHERE charge_id = ? AND status = 'installed' ORDER BY id DESC LIMIT ?`).all(charge.id, line.qty!);
      if (line.qty !== undefined && serials.length > 0 && serials.length !== line.qty) throw new DomainError('SERIAL_COUNT_MISMATCH', { expected: line.qty, got: serials.length });
      const wanted = line.qty ?? serials.length;
      if (rows.length < wanted) throw new DomainError('OVER_RETURN', { number: charge.number, returnable: rows.length, requested: wanted });
      for (const r of rows) addDevice(readDevice.get(r.id)!);
      return;
    }
    if (line.serials?.length) throw new DomainError('SERIALS_NOT_ALLOWED');
    let wanted = line.qty!;
    const lots = returnableLots(ctx, charge.id);
    const available = lots.reduce((n, l) => n + l.qty - (taken.get(`${l.deliveryLineId}:${l.lotId}`) ?? 0), 0);
    if (wanted > available) throw new DomainError('OVER_RETURN', { number: charge.number, returnable: available, requested: wanted });
    for (const lot of lots) {
      if (wanted === 0) break;
      const key = `${lot.deliveryLineId}:${lot.lotId}`;
      const n = Math.min(wanted, lot.qty - (taken.get(key) ?? 0));
      if (n <= 0) continue;
      taken.set(key, (taken.get(key) ?? 0) + n);
      wanted -= n;
      const unit = { lotId: lot.lotId, qty: n, unitCost: lot.unitCost, serialNumber: null };
      const existing = planned.find((l) => l.deliveryLineId === lot.deliveryLineId && l.chargeId === charge.id);
      if (existing) existing.units.push(unit);
      else planned.push({ productId: product.id, chargeId: charge.id, containerId: charge.containerId, unitPrice: prepared<[number], { p: number }>(ctx, `SELECT unit_price AS p FROM charges WHERE id = ?`).get(charge.id)!.p, deliveryLineId: lot.deliveryLineId, units: [unit], deviceIds: [] });
    }
  };

  const unsoldLine = (line: ParsedInput<'returns.create'>['lines'][number]) => {
    const product = requireProduct(ctx, line.productId!);
    if (!product.trackedInStock) throw new DomainError('NOT_TRACKED', { productId: product.id, sku: product.sku });
    if (product.serialized) {
      if (!line.serial) throw new DomainError('SERIAL_REQUIRED', { productId: product.id });
      if ((line.qty ?? 1) !== 1) throw new DomainError('SERIAL_COUNT_MISMATCH', { expected: line.qty, got: 1 });
      assertSerialsUnique(ctx, product.id, [line.serial, ...planned.filter((l) => l.arriving?.serial && l.productId === product.id).map((l) => l.arriving!.serial!)]);
    } else if (line.serial) throw new DomainError('SERIALS_NOT_ALLOWED');
    planned.push({
      productId: product.id,
      chargeId: null,
      containerId: null,
      unitPrice: 0,
      deliveryLineId: null,
      units: [],
      deviceIds: [],
      arriving: { serial: line.serial ?? null, qty: line.qty ?? 1, unitCost: line.unitCost ?? 0 },
    });
  };

  input.lines.forEach((line, index) => {
    try {
      if (line.deviceId !== undefined) {
        const device = readDevice.get(line.deviceId);
        if (!device) throw new DomainError('NOT_FOUND', { entity: 'device', id: line.deviceId });
        addDevice(device);
      } else if (line.chargeId !== undefined) chargeLine(line);
      else unsoldLine(line);
    } catch (error) {
      if (error instanceof DomainError && input.lines.length > 1) throw new DomainError(error.code, { ...error.details, line: index }, error.message);
      throw error;
    }
  });

  const now = ctx.now();
  const number = nextNumber(ctx, 'RET');
  const units = planned.reduce((n, l) => n + (l.arriving ? l.arriving.qty : l.units.reduce((m, u) => m + u.qty, 0)), 0);
  const id = createDocument(
    ctx,
    returnWorkflow,
    'post',
    { number, company_id: company.id, location_id: locationId, condition: input.condition, reason: input.reason, note: input.note ?? null, user_id: actor.userId, created_at: now },
    { userId: actor.userId, details: { lines: planned.length, units, condition: input.condition, reason: input.reason } },
  );
  const insertLine = ctx.sqlite.prepare(`INSERT INTO client_return_lines (return_id, line_no, product_id, charge_id, delivery_line_id, qty, cost) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const addToCharge = ctx.sqlite.prepare(`UPDATE charges SET returned = returned + ?, returned_cost = returned_cost + ? WHERE id = ?`);
  const markDevice = ctx.sqlite.prepare(`UPDATE devices SET return_id = ?, returned_at = ? WHERE id = ?`);
  const moves: MoveInput[] = [];
  const byCharge = new Map<number, { qty: number; serials: string[] }>();
  let pricePaid = 0n;
  planned.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.arriving) {
      const { serial, qty, unitCost } = line.arriving;
      insertLine.run(id, lineNo, line.productId, null, null, qty, BigInt(qty) * BigInt(unitCost));
      postArrivals(
        ctx,
        { productId: line.productId, from: VIRTUAL.customer, to: locationId, sourceType: 'return', sourceId: id, companyId: company.id, reason: input.reason, userId: actor.userId, occurredAt: now },
        [{ serialNumber: serial, unitCost, qty, sourceLine: lineNo }],
      );
      return;
    }
    const qty = line.units.reduce((n, u) => n + u.qty, 0);
    const cost = line.units.reduce((sum, u) => sum + BigInt(u.qty) * BigInt(u.unitCost), 0n);
    insertLine.run(id, lineNo, line.productId, line.chargeId, line.deliveryLineId, qty, cost);
    for (const u of line.units) {
      moves.push({ lotId: u.lotId, productId: line.productId, qty: u.qty, from: VIRTUAL.customer, to: locationId, unitCost: u.unitCost, sourceType: 'return', sourceId: id, sourceLine: lineNo, companyId: company.id, reason: input.reason, userId: actor.userId, occurredAt: now });
    }
    if (line.chargeId !== null) {
      addToCharge.run(qty, cost, line.chargeId);
      const tally = byCharge.get(line.chargeId) ?? { qty: 0, serials: [] };
      tally.qty += qty;
      for (const u of line.units) if (u.serialNumber) tally.serials.push(u.serialNumber);
      byCharge.set(line.chargeId, tally);
      pricePaid += BigInt(qty) * BigInt(line.unitPrice);
    }
  });
  postMoves(ctx, moves);
  for (const line of planned) {
    for (const deviceId of line.deviceIds) {
      applyTransition(ctx, deviceWorkflow, deviceId, 'return', { userId: actor.userId, reason: input.reason, details: { returnId: id, returnNumber: number, condition: input.condition } });
      markDevice.run(id, now, deviceId);
    }
  }
  for (const productId of new Set(planned.map((l) => l.productId))) ensureInventoryProduct(ctx, productId, locationId, actor.userId);
  for (const [chargeId, tally] of byCharge) {
    recordChargeEvent(ctx, chargeId, actor.userId, 'returned', { returnId: id, returnNumber: number, qty: tally.qty, ...(tally.serials.length ? { serials: tally.serials.slice(0, 50) } : {}) }, null);
  }
  if (input.credit) {
    const containerId = input.credit.containerId ?? planned.find((l) => l.containerId !== null)?.containerId;
    if (containerId === undefined || containerId === null) throw new DomainError('VALIDATION', { fields: [{ path: 'credit.containerId', code: 'required' }] });
    const container = requireContainer(ctx, containerId);
    requireSameCompany(company.id, container.companyId, { number: container.number });
    const amount = input.credit.amount ?? Number(pricePaid);
    if (!(amount > 0)) throw new DomainError('VALIDATION', { fields: [{ path: 'credit.amount', code: 'required' }] });
    const note = input.credit.note ? `: ${input.credit.note}` : '';
    const creditId = createCreditCharge(ctx, actor.userId, container.id, amount, `Credit ${number}${note}`, { returnId: id, returnNumber: number });
    ctx.sqlite.prepare(`UPDATE client_returns SET credit_charge_id = ? WHERE id = ?`).run(creditId, id);
  }
  return { documentType: 'return', id, number };
}

// Reading ------------------------------------------------------------------------------------

const summarySql = `SELECT r.id, r.number, r.company_id AS companyId, co.name AS companyName, r.location_id AS locationId, loc.name AS locationName, r.condition, r.reason,
       (SELECT coalesce(sum(qty), 0) FROM client_return_lines WHERE return_id = r.id) AS units, (SELECT count(*) FROM client_return_lines WHERE return_id = r.id) AS lineCount,
       r.credit_charge_id AS creditChargeId, cr.number AS creditChargeNumber, -cr.unit_price AS creditAmount, u.display_name AS userName, r.created_at AS createdAt
  FROM client_returns r JOIN companies co ON co.id = r.company_id JOIN locations loc ON loc.id = r.location_id JOIN users u ON u.id = r.user_id
  LEFT JOIN charges cr ON cr.id = r.credit_charge_id`;

const sorts: SortColumns<'returns.list'> = { createdAt: 'r.created_at', number: 'r.id' };

export function listClientReturns(ctx: Ctx, input: ParsedInput<'returns.list'>): ChannelOutput<'returns.list'> {
  const f = new Filters().equals('r.company_id', input.companyId);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(r.number LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\')`, like, like);
  }
  return listPage(input, {
    sorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) => ctx.sqlite.prepare<unknown[], ChannelOutput<'returns.list'>['rows'][number]>(`${summarySql} ${f.where()} ORDER BY ${q.orderBy('r.id')} LIMIT ? OFFSET ?`).all(...f.params, q.limit, q.offset),
    count: () => countUpTo(ctx, `FROM client_returns r JOIN companies co ON co.id = r.company_id ${f.where()}`, f.params),
  });
}

export function getClientReturn(ctx: Ctx, id: number): ClientReturn {
  const head = ctx.sqlite
    .prepare<[number, number], Omit<ClientReturn, 'lines' | 'devices'>>(
      `SELECT * FROM (${summarySql} WHERE r.id = ?) s JOIN (SELECT r.note, cr.container_id AS creditContainerId, c.number AS creditContainerNumber
         FROM client_returns r LEFT JOIN charges cr ON cr.id = r.credit_charge_id LEFT JOIN containers c ON c.id = cr.container_id WHERE r.id = ?)`,
    )
    .get(id, id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'return', id });
  const serialsOf = returnLineSerials(ctx, 1000);
  const lines = ctx.sqlite
    .prepare<[number], Omit<ClientReturn['lines'][number], 'serials'>>(
      `SELECT rl.line_no AS lineNo, rl.product_id AS productId, p.sku, p.name AS productName, rl.charge_id AS chargeId, ch.number AS chargeNumber,
              dl.delivery_id AS deliveryId, d.number AS deliveryNumber, rl.qty, CAST(rl.cost AS TEXT) AS cost
       FROM client_return_lines rl JOIN products p ON p.id = rl.product_id LEFT JOIN charges ch ON ch.id = rl.charge_id
       LEFT JOIN delivery_lines dl ON dl.id = rl.delivery_line_id LEFT JOIN deliveries d ON d.id = dl.delivery_id
       WHERE rl.return_id = ? ORDER BY rl.line_no`,
    )
    .all(id)
    .map((l) => ({ ...l, serials: serialsOf(id, l.lineNo) }));
  const devices = ctx.sqlite
    .prepare<[number], { id: number; serialNumber: string }>(`SELECT id, serial_number AS serialNumber FROM devices WHERE return_id = ? ORDER BY id LIMIT 1000`)
    .all(id);
  return { ...head, lines, devices };
}
