// Stocktakes (cycle counts). Invariants: one open count per location; only products that were counted
// change when posting; posting writes every difference as moves in one transaction (surplus from
// Adjustment at the average cost, shortage to Adjustment oldest first, serials one by one); a scanned
// serial that the ledger places elsewhere is moved here rather than invented.
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { stocktakes } from '@main/db/schema';
import { nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { requireLocationRight } from '../locations/rights';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { applyTransition, createDocument, defineWorkflow, requireEditable, requireTransition } from '../workflow/transitions';
import { costOptions, requireManualChangeReason } from './adjustments';
import { ensureInventoryProduct } from './inventoryProducts';
import { createLots, isInternal, postMoves, type MoveInput } from './ledger';
import { findSerialUnitAnyProduct } from './serials';
import { Claims, takeOldestFirst } from './units';

type CountStatus = (typeof stocktakes.status.enumValues)[number];

/**
 * The stocktake's transition table. Counting (scans, typed quantities) keeps it open; posting writes
 * the differences, and a posted count is undone by `stock.reverse` (with its reason).
 */
export const stocktakeWorkflow = defineWorkflow<CountStatus, { id: number; number: string; status: CountStatus; locationId: number }>()({
  document: 'stocktake',
  table: 'stocktakes',
  column: 'status',
  states: stocktakes.status.enumValues,
  read: (ctx, id) =>
    prepared(ctx, `SELECT id, number, status, location_id AS locationId FROM stocktakes WHERE id = ?`).get(id) as
      | { id: number; number: string; status: CountStatus; locationId: number }
      | undefined,
  state: (row) => row.status,
  history: { table: 'stocktake_events', key: 'stocktake_id' },
  creations: { start: { to: 'open' } },
  transitions: {
    /** Counted: for a user who may adjust stock to post or send back (counting is not adjusting). */
    submit: { from: ['open'], to: 'submitted', sets: () => ({ review_note: null }) },
    sendBack: { from: ['submitted'], to: 'open', sets: ({ note }) => ({ review_note: note ?? null }) },
    post: { from: ['open', 'submitted'], to: 'posted', sets: ({ now }) => ({ posted_at: now }) },
    cancel: { from: ['open', 'submitted'], to: 'canceled' },
    reverse: { from: ['posted'], to: 'reversed', repeatOf: ['reversed'], guard: (ctx, _row, input) => requireManualChangeReason(ctx, input.reason ?? null, 'reverse') },
  },
  edits: { scan: ['open'], setQty: ['open'] },
});

interface Header {
  id: number;
  number: string;
  locationId: number;
  locationName: string;
  status: CountStatus;
  note: string | null;
  reviewNote: string | null;
  createdAt: number;
  postedAt: number | null;
  userName: string;
}

const headerSql = `SELECT s.id, s.number, s.location_id AS locationId, l.name AS locationName, s.status, s.note, s.review_note AS reviewNote, s.created_at AS createdAt, s.posted_at AS postedAt, u.display_name AS userName
  FROM stocktakes s JOIN locations l ON l.id = s.location_id JOIN users u ON u.id = s.user_id`;

function header(ctx: Ctx, id: number): Header {
  const row = ctx.sqlite.prepare<[number], Header>(`${headerSql} WHERE s.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'stocktake', id });
  return row;
}

function requireOpen(ctx: Ctx, id: number, edit: 'scan' | 'setQty'): Header {
  const h = header(ctx, id);
  requireEditable(stocktakeWorkflow, h, edit);
  return h;
}

export function startCount(ctx: Ctx, actor: Actor, input: { locationId: number; note: string | null }) {
  requireStockLocation(ctx, input.locationId);
  requireLocationRight(ctx, actor.userId, input.locationId);
  const open = ctx.sqlite.prepare<[number], { number: string }>(`SELECT number FROM stocktakes WHERE location_id = ? AND status = 'open'`).get(input.locationId);
  if (open) throw new DomainError('COUNT_OPEN', { number: open.number });
  const id = createDocument(
    ctx,
    stocktakeWorkflow,
    'start',
    { number: nextNumber(ctx, 'CNT'), location_id: input.locationId, note: input.note, user_id: actor.userId, created_at: ctx.now() },
    { userId: actor.userId },
  );
  return getCount(ctx, id);
}

interface ProductInfo {
  id: number;
  sku: string;
  name: string;
  serialized: number;
}

export function getCount(ctx: Ctx, id: number) {
  const h = header(ctx, id);
  const counted = ctx.sqlite.prepare<[number], { productId: number; qty: number }>(`SELECT product_id AS productId, counted_qty AS qty FROM stocktake_counts WHERE stocktake_id = ?`).all(id);
  const posted = h.status === 'posted' || h.status === 'reversed';
  // Once posted, stock already includes the count's adjustments: what was expected is the count minus
  // what the count posted, and the serial differences are the serials its moves carried.
  const expected = posted
    ? postedExpected(ctx, id, h.locationId, counted)
    : ctx.sqlite.prepare<[number], { productId: number; qty: number }>(`SELECT product_id AS productId, sum(qty) AS qty FROM balances WHERE location_id = ? GROUP BY product_id`).all(h.locationId);
  const productIds = new Set([...expected.map((e) => e.productId), ...counted.map((c) => c.productId)]);
  const expectedBy = new Map(expected.map((e) => [e.productId, e.qty]));
  const countedBy = new Map(counted.map((c) => [c.productId, c.qty]));
  const info = new Map<number, ProductInfo>();
  const lookup = ctx.sqlite.prepare<[number], ProductInfo>(`SELECT id, sku, name, serialized FROM products WHERE id = ?`);
  for (const pid of productIds) info.set(pid, lookup.get(pid)!);
  const serialDiffs = posted ? postedSerialDifferences(ctx, id, h.locationId) : serialDifferences(ctx, id, h.locationId);
  const lines = [...productIds]
    .map((productId) => {
      const p = info.get(productId)!;
      const isCounted = countedBy.has(productId);
      const exp = expectedBy.get(productId) ?? 0;
      const cnt = countedBy.get(productId) ?? 0;
      const diff = serialDiffs.get(productId);
      return {
        productId,
        sku: p.sku,
        productName: p.name,
        serialized: p.serialized === 1,
        expectedQty: exp,
        counted: isCounted,
        countedQty: cnt,
        difference: isCounted ? cnt - exp : 0,
        missingSerials: isCounted ? (diff?.missing ?? []) : [],
        unexpectedSerials: diff?.unexpected ?? [],
      };
    })
    .sort((a, b) => a.sku.localeCompare(b.sku));
  return { ...h, lines };
}

function postedExpected(ctx: Ctx, stocktakeId: number, locationId: number, counted: { productId: number; qty: number }[]) {
  const net = ctx.sqlite
    .prepare<[number, number], { productId: number; qty: number }>(
      `SELECT product_id AS productId, sum(CASE WHEN to_location_id = ? THEN qty ELSE -qty END) AS qty FROM stock_moves
       WHERE source_type = 'stocktake' AND source_id = ? AND reverses_move_id IS NULL GROUP BY product_id`,
    )
    .all(locationId, stocktakeId);
  const netBy = new Map(net.map((n) => [n.productId, n.qty]));
  return counted.map((c) => ({ productId: c.productId, qty: c.qty - (netBy.get(c.productId) ?? 0) }));
}

function postedSerialDifferences(ctx: Ctx, stocktakeId: number, locationId: number): Map<number, { missing: string[]; unexpected: string[] }> {
  const rows = ctx.sqlite
    .prepare<[number, number], { productId: number; serial: string; arrived: number }>(
      `SELECT m.product_id AS productId, l.serial_number AS serial, m.to_location_id = ? AS arrived FROM stock_moves m JOIN lots l ON l.id = m.lot_id
       WHERE m.source_type = 'stocktake' AND m.source_id = ? AND m.reverses_move_id IS NULL AND l.serial_number IS NOT NULL ORDER BY l.serial_number`,
    )
    .all(locationId, stocktakeId);
  const result = new Map<number, { missing: string[]; unexpected: string[] }>();
  for (const r of rows) {
    const entry = result.get(r.productId) ?? { missing: [], unexpected: [] };
    (r.arrived ? entry.unexpected : entry.missing).push(r.serial);
    result.set(r.productId, entry);
  }
  return result;
}

/**
 * Per serialized product: serials on hand here but not scanned, and scanned but not on hand here. With
 * `productId`, that product's only (one line of the count, through the product's indexes).
 */
function serialDifferences(ctx: Ctx, stocktakeId: number, locationId: number, productId?: number): Map<number, { missing: string[]; unexpected: string[] }> {
  const result = new Map<number, { missing: string[]; unexpected: string[] }>();
  const get = (pid: number) => {
    let r = result.get(pid);
    if (!r) result.set(pid, (r = { missing: [], unexpected: [] }));
    return r;
  };
  const one = productId !== undefined;
  const missing = ctx.sqlite
    .prepare<unknown[], { productId: number; serial: string }>(
      `SELECT l.product_id AS productId, l.serial_number AS serial FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.location_id = ? AND b.qty > 0 AND l.serial_number IS NOT NULL
         AND l.product_id IN (SELECT product_id FROM stocktake_counts WHERE stocktake_id = ?)
         AND NOT EXISTS (SELECT 1 FROM stocktake_serials s WHERE s.stocktake_id = ? AND s.product_id = l.product_id AND s.serial_number = l.serial_number)
         ${one ? 'AND b.product_id = ?' : ''}
       ORDER BY l.serial_number`,
    )
    .all(locationId, stocktakeId, stocktakeId, ...(one ? [productId] : []));
  for (const m of missing) get(m.productId).missing.push(m.serial);
  const unexpected = ctx.sqlite
    .prepare<unknown[], { productId: number; serial: string }>(
      `SELECT s.product_id AS productId, s.serial_number AS serial FROM stocktake_serials s
       JOIN lots l ON l.product_id = s.product_id AND l.serial_number = s.serial_number
       WHERE s.stocktake_id = ? AND NOT EXISTS (SELECT 1 FROM balances b WHERE b.lot_id = l.id AND b.location_id = ? AND b.qty > 0)
         ${one ? 'AND s.product_id = ?' : ''}
       ORDER BY s.serial_number`,
    )
    .all(stocktakeId, locationId, ...(one ? [productId] : []));
  for (const u of unexpected) get(u.productId).unexpected.push(u.serial);
  return result;
}

// Stocktakes are numbered in the order they start: both sorts walk the id.
const countSorts: SortColumns<'stock.listCounts'> = { createdAt: 's.id', number: 's.id' };

export function listCounts(ctx: Ctx, input: ParsedInput<'stock.listCounts'>) {
  const filters = new Filters().equals('s.status', input.status);
  return listPage(input, {
    sorts: countSorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (page) =>
      ctx.sqlite.prepare<unknown[], Header>(`${headerSql} ${filters.where()} ORDER BY ${page.column} ${page.direction} LIMIT ? OFFSET ?`).all(...filters.params, page.limit, page.offset),
    count: () => countUpTo(ctx, `FROM stocktakes s ${filters.where()}`, filters.params),
  });
}

type CountLine = ReturnType<typeof getCount>['lines'][number];

/**
 * One line of an open count, as getCount shows it, read through the product's own rows: scanning and
 * typing cost the same on a 5,000-line count as on a 5-line one.
 */
function openCountLine(ctx: Ctx, h: Header, productId: number): CountLine {
  const product = ctx.sqlite.prepare<[number], ProductInfo>(`SELECT id, sku, name, serialized FROM products WHERE id = ?`).get(productId)!;
  const expected = ctx.sqlite.prepare<[number, number], { qty: number }>(`SELECT coalesce(sum(qty), 0) AS qty FROM balances WHERE product_id = ? AND location_id = ?`).get(productId, h.locationId)!;
  const counted = ctx.sqlite.prepare<[number, number], { qty: number }>(`SELECT counted_qty AS qty FROM stocktake_counts WHERE stocktake_id = ? AND product_id = ?`).get(h.id, productId);
  const diff = serialDifferences(ctx, h.id, h.locationId, productId).get(productId);
  const countedQty = counted?.qty ?? 0;
  return {
    productId,
    sku: product.sku,
    productName: product.name,
    serialized: product.serialized === 1,
    expectedQty: expected.qty,
    counted: counted !== undefined,
    countedQty,
    difference: counted ? countedQty - expected.qty : 0,
    missingSerials: counted ? (diff?.missing ?? []) : [],
    unexpectedSerials: diff?.unexpected ?? [],
  };
}

function addCounted(ctx: Ctx, stocktakeId: number, productId: number, delta: number): number {
  const row = ctx.sqlite
    .prepare<[number, number, number], { n: number }>(
      `INSERT INTO stocktake_counts (stocktake_id, product_id, counted_qty) VALUES (?, ?, ?)
       ON CONFLICT (stocktake_id, product_id) DO UPDATE SET counted_qty = counted_qty + excluded.counted_qty RETURNING counted_qty AS n`,
    )
    .get(stocktakeId, productId, delta)!;
  return row.n;
}

/** One scan: a serial number counts that unit; a SKU or barcode counts one unit of a non-serialized product. */
export function scanCount(ctx: Ctx, input: { id: number; code: string }) {
  const h = requireOpen(ctx, input.id, 'scan');
  // A serial in any spelling (case, blanks around it) counts the unit under its stored serial.
  const unit = findSerialUnitAnyProduct(ctx, input.code);
  const bySerial = unit
    ? { ...ctx.sqlite.prepare<[number], { id: number; sku: string; name: string }>(`SELECT id, sku, name FROM products WHERE id = ?`).get(unit.productId)!, serial: unit.serialNumber }
    : undefined;
  if (bySerial) {
    const inserted = ctx.sqlite
      .prepare(`INSERT OR IGNORE INTO stocktake_serials (stocktake_id, product_id, serial_number) VALUES (?, ?, ?)`)
      .run(input.id, bySerial.id, bySerial.serial);
    if (inserted.changes === 0) throw new DomainError('DUPLICATE_SERIAL', { serials: [bySerial.serial], within: 'count' });
    const n = addCounted(ctx, input.id, bySerial.id, 1);
    return { productId: bySerial.id, sku: bySerial.sku, productName: bySerial.name, serialNumber: bySerial.serial, countedQty: n, line: openCountLine(ctx, h, bySerial.id) };
  }
  const product = ctx.sqlite
    .prepare(`SELECT id, sku, name, serialized FROM products WHERE lower(sku) = lower(?) OR barcode = ? ORDER BY lower(sku) = lower(?) DESC LIMIT 1`)
    .get(input.code, input.code, input.code) as ProductInfo | undefined;
  if (!product) throw new DomainError('NOT_FOUND', { entity: 'code', code: input.code });
  if (product.serialized === 1) throw new DomainError('SERIAL_REQUIRED', { sku: product.sku });
  const n = addCounted(ctx, input.id, product.id, 1);
  return { productId: product.id, sku: product.sku, productName: product.name, serialNumber: null, countedQty: n, line: openCountLine(ctx, h, product.id) };
}

export function setCountQty(ctx: Ctx, input: { id: number; productId: number; countedQty: number }): CountLine {
  const h = requireOpen(ctx, input.id, 'setQty');
  const product = ctx.sqlite.prepare(`SELECT id, serialized FROM products WHERE id = ?`).get(input.productId) as ProductInfo | undefined;
  if (!product) throw new DomainError('NOT_FOUND', { entity: 'product', id: input.productId });
  if (product.serialized === 1) {
    // Serialized units are counted by scanning; typing 0 records "counted, none found".
    if (input.countedQty !== 0) throw new DomainError('SERIAL_REQUIRED', { productId: input.productId });
    ctx.sqlite.prepare(`DELETE FROM stocktake_serials WHERE stocktake_id = ? AND product_id = ?`).run(input.id, input.productId);
  }
  ctx.sqlite
    .prepare(`INSERT INTO stocktake_counts (stocktake_id, product_id, counted_qty) VALUES (?, ?, ?) ON CONFLICT (stocktake_id, product_id) DO UPDATE SET counted_qty = excluded.counted_qty`)
    .run(input.id, input.productId, input.countedQty);
  return openCountLine(ctx, h, input.productId);
}

export function submitCount(ctx: Ctx, actor: Actor, id: number) {
  const { row } = applyTransition(ctx, stocktakeWorkflow, id, 'submit', { userId: actor.userId });
  return { documentType: 'stocktake' as const, id, number: row.number };
}

export function sendBackCount(ctx: Ctx, actor: Actor, input: { id: number; note: string }) {
  const { row } = applyTransition(ctx, stocktakeWorkflow, input.id, 'sendBack', { userId: actor.userId, note: input.note, details: { note: input.note } });
  return { documentType: 'stocktake' as const, id: input.id, number: row.number };
}

export function cancelCount(ctx: Ctx, actor: Actor, id: number) {
  const { row } = applyTransition(ctx, stocktakeWorkflow, id, 'cancel', { userId: actor.userId });
  return { documentType: 'stocktake' as const, id, number: row.number };
}

export function postCount(ctx: Ctx, actor: Actor, input: { id: number; reason: string | null }) {
  const h = requireTransition(ctx, stocktakeWorkflow, input.id, 'post', { userId: actor.userId });
  requireStockLocation(ctx, h.locationId);
  // Even a count that only finds more is a change of that location's stock.
  requireLocationRight(ctx, actor.userId, h.locationId);
  const count = getCount(ctx, input.id);
  const now = ctx.now();
  const moves: MoveInput[] = [];
  const base = { sourceType: 'stocktake', sourceId: input.id, reason: input.reason ?? h.number, userId: actor.userId, occurredAt: now };
  const serialLot = ctx.sqlite.prepare<[number, string], { id: number; unitCost: number }>(`SELECT id, unit_cost AS unitCost FROM lots WHERE product_id = ? AND serial_number = ?`);
  // Where a unit is: ours or In-transit (its balance), else where its last move took it (a client, a vendor, Scrap).
  const keptPlaces = ctx.sqlite.prepare<[number], { locationId: number }>(`SELECT location_id AS locationId FROM balances WHERE lot_id = ? AND qty > 0 ORDER BY qty DESC`);
  const lastPlace = ctx.sqlite.prepare<[number], { locationId: number }>(`SELECT to_location_id AS locationId FROM stock_moves WHERE lot_id = ? ORDER BY id DESC LIMIT 1`);
  const lotPlace = (lotId: number) => {
    const kept = keptPlaces.all(lotId);
    return kept.length > 0 ? kept : lastPlace.all(lotId);
  };
  const newLots: { productId: number; qty: number; unitCost: number }[] = [];
  const awayPlaces = new Map<number, string>([
    [VIRTUAL.transit, 'transit'],
    [VIRTUAL.customer, 'customer'],
    [VIRTUAL.vendor, 'vendor'],
  ]);
  const claims = new Claims();
  let line = 0;
  for (const l of count.lines) {
    if (!l.counted) continue;
    line += 1;
    if (l.serialized) {
      for (const serial of l.missingSerials) {
        const lot = serialLot.get(l.productId, serial)!;
        moves.push({ ...base, lotId: lot.id, productId: l.productId, qty: 1, from: h.locationId, to: VIRTUAL.adjustment, unitCost: lot.unitCost, sourceLine: line });
      }
      for (const serial of l.unexpectedSerials) {
        const lot = serialLot.get(l.productId, serial)!;
        const places = lotPlace(lot.id);
        const elsewhere = places.find((p) => p.locationId !== h.locationId && isInternal(ctx.sqlite, p.locationId));
        // A unit a document has out of our stock (on its way, at a client, with a vendor) comes back through
        // that document, never by a count: found here, it would be two units. Found after a removal or
        // scrapping, it comes back from there.
        const away = places.find((p) => awayPlaces.has(p.locationId));
        if (!elsewhere && away) throw new DomainError('CONFLICT', { reason: 'serialAway', serial, place: awayPlaces.get(away.locationId) });
        const outside = places.find((p) => p.locationId === VIRTUAL.scrap || p.locationId === VIRTUAL.adjustment);
        moves.push({ ...base, lotId: lot.id, productId: l.productId, qty: 1, from: elsewhere?.locationId ?? outside?.locationId ?? VIRTUAL.adjustment, to: h.locationId, unitCost: lot.unitCost, sourceLine: line });
      }
      if (l.unexpectedSerials.length > 0) ensureInventoryProduct(ctx, l.productId, h.locationId, actor.userId);
    } else if (l.difference < 0) {
      for (const u of takeOldestFirst(ctx, claims, l.productId, h.locationId, -l.difference)) {
        moves.push({ ...base, lotId: u.lotId, productId: l.productId, qty: u.qty, from: h.locationId, to: VIRTUAL.adjustment, unitCost: u.unitCost, sourceLine: line });
      }
    } else if (l.difference > 0) {
      const options = costOptions(ctx, l.productId);
      newLots.push({ productId: l.productId, qty: l.difference, unitCost: options.average ?? options.last ?? options.catalogue });
    }
  }
  // A count that finds everything as expected changes no stock, so it needs no reason.
  if (moves.length > 0 || newLots.length > 0) requireManualChangeReason(ctx, input.reason, 'postCount');
  const lotIds = createLots(
    ctx,
    newLots.map((n) => ({ productId: n.productId, serialNumber: null, unitCost: n.unitCost, receivedAt: now, sourceType: 'stocktake', sourceId: input.id })),
  );
  newLots.forEach((n, i) => {
    moves.push({ ...base, lotId: lotIds[i]!, productId: n.productId, qty: n.qty, from: VIRTUAL.adjustment, to: h.locationId, unitCost: n.unitCost, sourceLine: null });
    ensureInventoryProduct(ctx, n.productId, h.locationId, actor.userId);
  });
  postMoves(ctx, moves);
  applyTransition(ctx, stocktakeWorkflow, input.id, 'post', { userId: actor.userId, reason: input.reason, details: { reason: input.reason, moves: moves.length } });
  return { documentType: 'stocktake' as const, id: input.id, number: h.number };
}
