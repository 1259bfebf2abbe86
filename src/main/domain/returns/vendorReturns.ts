// Vendor returns (VRT-n): units sent from one of our locations back to the vendor — dead on arrival, the wrong
// item, bought and never needed — at their cost, under the vendor's RMA number, in one transaction. The
// vendor then answers for each unit: a credit (no move: the units' value already left with them; the amount
// is recorded against the return), a replacement (a new unit from Vendor at the returned one's cost plus any
// fee, as an RMA replacement), or the same units sent back. Status follows what is still unanswered:
// sent → partlyResolved → resolved. Every unit figure of a line is checked by verifyLedger against its moves.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { VendorReturn, VendorReturnStatus } from '@shared/contract/vendorReturns';
import { DomainError } from '@shared/errors';
import { MAX_DOCUMENT_AMOUNT, MAX_UNIT_AMOUNT } from '@shared/money';
import { vendorReturns } from '@main/db/schema';
import { requireVendor } from '../catalog/companies';
import { requireProduct } from '../catalog/products';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { likePattern, nextNumber, prepared, todayOf, type Actor, type Ctx } from '../context';
import { requireStockLocation, VIRTUAL } from '../locations/locations';
import { ensureInventoryProduct } from '../stock/inventoryProducts';
import { postArrivals, postMoves, type MoveInput } from '../stock/ledger';
import { assertSerialsUnique } from '../stock/serials';
import { chooseUnitsForLines } from '../stock/units';
import { applyTransition, createDocument, defineWorkflow, requireEditable, requireTransition } from '../workflow/transitions';

interface VendorReturnRow {
  id: number;
  number: string;
  status: VendorReturnStatus;
  vendorId: number;
  locationId: number;
  /** Units the vendor has not answered for yet (read again after an answer's writes: it picks the next state). */
  open: number;
}

export const vendorReturnWorkflow = defineWorkflow<VendorReturnStatus, VendorReturnRow>()({
  document: 'vendorReturn',
  table: 'vendor_returns',
  column: 'status',
  states: vendorReturns.status.enumValues,
  read: (ctx, id) =>
    prepared<[number], VendorReturnRow>(
      ctx,
      `SELECT r.id, r.number, r.status, r.vendor_id AS vendorId, r.location_id AS locationId,
              (SELECT coalesce(sum(qty - qty_credited - qty_replaced - qty_back), 0) FROM vendor_return_lines WHERE return_id = r.id) AS open
       FROM vendor_returns r WHERE r.id = ?`,
    ).get(id),
  state: (row) => row.status,
  history: { table: 'vendor_return_events', key: 'return_id' },
  touch: 'updated_at',
  creations: { send: { to: 'sent', history: 'sent' } },
  transitions: {
    resolve: { from: ['sent', 'partlyResolved'], to: (row) => (row.open === 0 ? 'resolved' : 'partlyResolved') },
  },
  edits: { edit: ['sent', 'partlyResolved'] },
});

export function createVendorReturn(ctx: Ctx, actor: Actor, input: ParsedInput<'vendorReturns.create'>): ChannelOutput<'vendorReturns.create'> {
  requireVendor(ctx, input.vendorId);
  requireStockLocation(ctx, input.locationId);
  const products = input.lines.map((l) => requireProduct(ctx, l.productId));
  // Held units (picked for a charge, reserved on a quote or for an RMA) are not chosen; the ledger refuses them too.
  const chosen = chooseUnitsForLines(
    ctx,
    input.locationId,
    input.lines.map((l, i) => ({ product: products[i]!, qty: l.qty, serials: l.serials })),
  );
  // One line per lot: a serialized unit is a line of its own, so the vendor answers for each.
  const lines = new Map<number, { productId: number; qty: number; unitCost: number }>();
  chosen.forEach((units, i) => {
    for (const u of units) {
      const line = lines.get(u.lotId);
      if (line) line.qty += u.qty;
      else lines.set(u.lotId, { productId: products[i]!.id, qty: u.qty, unitCost: u.unitCost });
    }
  });
  const now = ctx.now();
  const number = nextNumber(ctx, 'VRT');
  const units = [...lines.values()].reduce((n, l) => n + l.qty, 0);
  const id = createDocument(
    ctx,
    vendorReturnWorkflow,
    'send',
    {
      number,
      vendor_id: input.vendorId,
      location_id: input.locationId,
      reason: input.reason,
      vendor_rma_number: input.vendorRmaNumber,
      tracking_number: input.trackingNumber,
      expected_by: input.expectedBy,
      note: input.note,
      user_id: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId, details: { units, lines: lines.size, vendorRmaNumber: input.vendorRmaNumber, reason: input.reason } },
  );
  const insertLine = ctx.sqlite.prepare(`INSERT INTO vendor_return_lines (return_id, line_no, product_id, lot_id, qty, unit_cost) VALUES (?, ?, ?, ?, ?, ?)`);
  const moves: MoveInput[] = [];
  let lineNo = 0;
  for (const [lotId, line] of lines) {
    lineNo += 1;
    insertLine.run(id, lineNo, line.productId, lotId, line.qty, line.unitCost);
    moves.push({ lotId, productId: line.productId, qty: line.qty, from: input.locationId, to: VIRTUAL.vendor, unitCost: line.unitCost, sourceType: 'vendorReturn', sourceId: id, sourceLine: lineNo, companyId: input.vendorId, reason: `${number} ${input.vendorRmaNumber}`, userId: actor.userId, occurredAt: now });
  }
  postMoves(ctx, moves);
  return { documentType: 'vendorReturn', id, number };
}

export function updateVendorReturn(ctx: Ctx, actor: Actor, input: ParsedInput<'vendorReturns.update'>): { ok: true } {
  const row = vendorReturnWorkflow.read(ctx, input.id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'vendorReturn', id: input.id });
  requireEditable(vendorReturnWorkflow, row, 'edit');
  const now = ctx.now();
  ctx.sqlite
    .prepare(`UPDATE vendor_returns SET vendor_rma_number = ?, tracking_number = ?, expected_by = ?, note = ?, updated_at = ? WHERE id = ?`)
    .run(input.vendorRmaNumber, input.trackingNumber, input.expectedBy, input.note, now, row.id);
  prepared(ctx, `INSERT INTO vendor_return_events (return_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'updated', ?, ?, ?)`).run(
    row.id,
    now,
    actor.userId,
    row.status,
    row.status,
    JSON.stringify({ vendorRmaNumber: input.vendorRmaNumber, trackingNumber: input.trackingNumber, expectedBy: input.expectedBy }),
  );
  return { ok: true };
}

interface LineRow {
  id: number;
  lineNo: number;
  productId: number;
  lotId: number;
  qty: number;
  unitCost: number;
  open: number;
}

export function resolveVendorReturn(ctx: Ctx, actor: Actor, input: ParsedInput<'vendorReturns.resolve'>): { ok: true } {
  const row = requireTransition(ctx, vendorReturnWorkflow, input.id, 'resolve', { userId: actor.userId });
  const locationId = input.locationId ?? row.locationId;
  const byNo = new Map(
    prepared<[number], LineRow>(
      ctx,
      `SELECT id, line_no AS lineNo, product_id AS productId, lot_id AS lotId, qty, unit_cost AS unitCost, qty - qty_credited - qty_replaced - qty_back AS open
       FROM vendor_return_lines WHERE return_id = ?`,
    )
      .all(row.id)
      .map((l) => [l.lineNo, l]),
  );
  const seen = new Set<number>();
  const fee = input.unitFee ?? 0;
  const now = ctx.now();
  const common = { sourceType: 'vendorReturn', sourceId: row.id, companyId: row.vendorId, reason: row.number, userId: actor.userId, occurredAt: now };
  const back: MoveInput[] = [];
  const serialsByProduct = new Map<number, string[]>();
  let credited = 0;
  let creditedCost = 0n;
  let replaced = 0;
  let returned = 0;
  const arrivals: { line: LineRow; serials: string[] | null; qty: number }[] = [];
  input.lines.forEach((answer, index) => {
    const line = byNo.get(answer.lineNo);
    const where = input.lines.length > 1 ? { line: index } : {};
    if (!line) throw new DomainError('NOT_FOUND', { entity: 'vendorReturnLine', lineNo: answer.lineNo, ...where });
    if (seen.has(line.lineNo)) throw new DomainError('VALIDATION', { reason: 'repeatedLine', lines: [input.lines.findIndex((l) => l.lineNo === line.lineNo), index] });
    seen.add(line.lineNo);
    const requested = answer.credited + answer.replaced + answer.back;
    if (requested > line.open) throw new DomainError('OVER_RESOLVE', { number: row.number, lineNo: line.lineNo, open: line.open, requested, ...where });
    // A replacement costs the returned unit's cost plus the fee: it must stay a unit cost.
    if (answer.replaced > 0 && line.unitCost + fee > MAX_UNIT_AMOUNT) throw new DomainError('VALIDATION', { reason: 'amountOutOfRange', field: 'unitFee', ...where });
    const product = requireProduct(ctx, line.productId);
    const serials = answer.serials ?? [];
    if (product.serialized && answer.replaced > 0) {
      if (serials.length !== answer.replaced) throw new DomainError('SERIAL_COUNT_MISMATCH', { qty: answer.replaced, serials: serials.length, ...where });
      serialsByProduct.set(product.id, [...(serialsByProduct.get(product.id) ?? []), ...serials]);
    } else if (serials.length > 0) throw new DomainError('SERIALS_NOT_ALLOWED', where);
    if (answer.replaced > 0) arrivals.push({ line, serials: product.serialized ? serials : null, qty: answer.replaced });
    if (answer.back > 0) back.push({ ...common, lotId: line.lotId, productId: line.productId, qty: answer.back, from: VIRTUAL.vendor, to: locationId, unitCost: line.unitCost, sourceLine: line.lineNo });
    credited += answer.credited;
    creditedCost += BigInt(answer.credited) * BigInt(line.unitCost);
    replaced += answer.replaced;
    returned += answer.back;
  });
  if (credited + replaced + returned === 0) throw new DomainError('VALIDATION', { fields: [{ path: 'lines', code: 'nothingAnswered' }] });
  if (replaced + returned > 0) requireStockLocation(ctx, locationId);
  // New serials must be new to their product, across every line of this answer too.
  for (const [productId, serials] of serialsByProduct) assertSerialsUnique(ctx, productId, serials);
  if (input.creditAmount !== undefined && credited === 0) throw new DomainError('VALIDATION', { fields: [{ path: 'creditAmount', code: 'nothingCredited' }] });
  const creditAmount = credited > 0 ? (input.creditAmount ?? Number(creditedCost)) : 0;
  // The default credit (what the units cost) and the return's total stay document amounts.
  const total = prepared<[number], { total: number }>(ctx, `SELECT credit_total AS total FROM vendor_returns WHERE id = ?`).get(row.id)!.total;
  if (creditAmount > MAX_DOCUMENT_AMOUNT || total + creditAmount > MAX_DOCUMENT_AMOUNT) throw new DomainError('VALIDATION', { reason: 'amountOutOfRange', field: 'creditAmount' });

  postMoves(ctx, back);
  const replacementSerials: string[] = [];
  for (const a of arrivals) {
    // The replacement stands in for the returned unit: its cost, plus what the vendor charged for it.
    const lots = a.serials ? a.serials.map((serialNumber) => ({ serialNumber, qty: 1, unitCost: a.line.unitCost + fee, sourceLine: a.line.lineNo, vendorId: row.vendorId })) : [{ serialNumber: null, qty: a.qty, unitCost: a.line.unitCost + fee, sourceLine: a.line.lineNo, vendorId: row.vendorId }];
    postArrivals(ctx, { ...common, productId: a.line.productId, from: VIRTUAL.vendor, to: locationId }, lots);
    if (a.serials) replacementSerials.push(...a.serials);
  }
  for (const productId of new Set([...arrivals.map((a) => a.line.productId), ...back.map((m) => m.productId)])) ensureInventoryProduct(ctx, productId, locationId, actor.userId);
  const updateLine = ctx.sqlite.prepare(`UPDATE vendor_return_lines SET qty_credited = qty_credited + ?, qty_replaced = qty_replaced + ?, qty_back = qty_back + ? WHERE id = ?`);
  for (const answer of input.lines) updateLine.run(answer.credited, answer.replaced, answer.back, byNo.get(answer.lineNo)!.id);
  if (credited > 0) {
    ctx.sqlite.prepare(`UPDATE vendor_returns SET credit_total = credit_total + ?, credit_note_number = coalesce(?, credit_note_number) WHERE id = ?`).run(creditAmount, input.creditNoteNumber, row.id);
  }
  const { to } = applyTransition(ctx, vendorReturnWorkflow, row.id, 'resolve', {
    userId: actor.userId,
    note: input.note,
    details: {
      credited,
      replaced,
      back: returned,
      ...(credited > 0 ? { creditAmount, creditNoteNumber: input.creditNoteNumber } : {}),
      ...(replaced > 0 ? { vendorFee: fee, serials: replacementSerials.slice(0, 50) } : {}),
      ...(replaced + returned > 0 ? { locationId } : {}),
      note: input.note,
    },
  });
  if (to === 'resolved') ctx.sqlite.prepare(`UPDATE vendor_returns SET resolved_at = ? WHERE id = ?`).run(now, row.id);
  return { ok: true };
}

// Reading ------------------------------------------------------------------------------------

/** Still unanswered after the day the vendor's answer was expected. */
const overdueSql = `(r.status <> 'resolved' AND r.expected_by IS NOT NULL AND r.expected_by < ?)`;

const summaryColumns = `r.id, r.number, r.status, r.vendor_id AS vendorId, v.name AS vendorName, r.vendor_rma_number AS vendorRmaNumber, r.location_id AS locationId, loc.name AS locationName,
       r.reason, (SELECT sum(qty) FROM vendor_return_lines WHERE return_id = r.id) AS units,
       (SELECT sum(qty - qty_credited - qty_replaced - qty_back) FROM vendor_return_lines WHERE return_id = r.id) AS open,
       CAST((SELECT sum(qty * unit_cost) FROM vendor_return_lines WHERE return_id = r.id) AS TEXT) AS value, r.credit_total AS creditTotal, r.expected_by AS expectedBy, ${overdueSql} AS overdue,
       u.display_name AS userName, r.created_at AS createdAt`;
// Each row's line totals come from its own lines (vendor_return_lines_unique leads with return_id).
const summaryFrom = `FROM vendor_returns r JOIN companies v ON v.id = r.vendor_id JOIN locations loc ON loc.id = r.location_id JOIN users u ON u.id = r.user_id`;

const sorts: SortColumns<'vendorReturns.list'> = { createdAt: 'r.created_at', number: 'r.id' };


type RawSummary = Omit<VendorReturn, 'overdue' | 'lines' | 'history' | 'trackingNumber' | 'note' | 'creditNoteNumber' | 'resolvedAt'> & { overdue: number };

export function listVendorReturns(ctx: Ctx, input: ParsedInput<'vendorReturns.list'>): ChannelOutput<'vendorReturns.list'> {
  const day = todayOf(ctx);
  const f = new Filters().equals('r.vendor_id', input.vendorId);
  if (input.statuses?.length) f.add(`r.status IN (${input.statuses.map(() => '?').join(', ')})`, ...input.statuses);
  if (input.overdueOnly) f.add(overdueSql, day);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(r.number LIKE ? ESCAPE '\\' OR r.vendor_rma_number LIKE ? ESCAPE '\\' OR r.vendor_id IN (SELECT id FROM companies WHERE name LIKE ? ESCAPE '\\'))`, like, like, like);
  }
  // The sort and the count walk vendor_returns alone; only the page's rows are joined and totalled.
  return listPage(input, {
    sorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) =>
      ctx.sqlite
        .prepare<unknown[], RawSummary>(
          `SELECT ${summaryColumns} FROM (SELECT r.* FROM vendor_returns r ${f.where()} ORDER BY ${q.orderBy('r.id')} LIMIT ? OFFSET ?) r
           JOIN companies v ON v.id = r.vendor_id JOIN locations loc ON loc.id = r.location_id JOIN users u ON u.id = r.user_id
           ORDER BY ${q.orderBy('r.id')}`,
        )
        .all(day, ...f.params, q.limit, q.offset)
        .map((r) => ({ ...r, overdue: r.overdue === 1 })),
    count: () => countUpTo(ctx, `FROM vendor_returns r ${f.where()}`, f.params),
  });
}

export function getVendorReturn(ctx: Ctx, id: number): VendorReturn {
  const head = ctx.sqlite
    .prepare<[string, number], RawSummary & { trackingNumber: string | null; note: string | null; creditNoteNumber: string | null; resolvedAt: number | null }>(
      `SELECT ${summaryColumns}, r.tracking_number AS trackingNumber, r.note, r.credit_note_number AS creditNoteNumber, r.resolved_at AS resolvedAt ${summaryFrom} WHERE r.id = ?`,
    )
    .get(todayOf(ctx), id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'vendorReturn', id });
  const replacements = new Map<number, string[]>();
  for (const r of prepared<[number], { lineNo: number; serial: string }>(
    ctx,
    `SELECT m.source_line AS lineNo, l.serial_number AS serial FROM stock_moves m JOIN lots l ON l.id = m.lot_id
       JOIN vendor_return_lines rl ON rl.return_id = m.source_id AND rl.line_no = m.source_line
     WHERE m.source_type = 'vendorReturn' AND m.source_id = ? AND m.from_location_id = ${VIRTUAL.vendor} AND m.lot_id <> rl.lot_id AND l.serial_number IS NOT NULL ORDER BY m.id`,
  ).all(id))
    replacements.set(r.lineNo, [...(replacements.get(r.lineNo) ?? []), r.serial]);
  const lines = ctx.sqlite
    .prepare<[number], Omit<VendorReturn['lines'][number], 'serialized' | 'replacementSerials'> & { serialized: number }>(
      `SELECT rl.line_no AS lineNo, rl.product_id AS productId, p.sku, p.name AS productName, p.serialized, l.serial_number AS serialNumber, rl.qty, rl.unit_cost AS unitCost,
              rl.qty_credited AS qtyCredited, rl.qty_replaced AS qtyReplaced, rl.qty_back AS qtyBack
       FROM vendor_return_lines rl JOIN products p ON p.id = rl.product_id JOIN lots l ON l.id = rl.lot_id WHERE rl.return_id = ? ORDER BY rl.line_no`,
    )
    .all(id)
    .map((l) => ({ ...l, serialized: l.serialized === 1, replacementSerials: replacements.get(l.lineNo) ?? [] }));
  const history = ctx.sqlite
    .prepare<[number], Omit<VendorReturn['history'][number], 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.from_state AS fromState, e.to_state AS toState, e.details
       FROM vendor_return_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.return_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id)
    .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
  return { ...head, overdue: head.overdue === 1, lines, history };
}
