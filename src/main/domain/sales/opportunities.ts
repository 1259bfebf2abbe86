// Opportunities (OPP-n) and their quote: a possible sale to a client company, its items (product,
// quantity, net unit price) and the units reserved for them. Reserving holds units at a location
// (allocations of kind 'reserved': no longer available to anyone else, exactly as picks); releasing puts
// them back; losing the opportunity releases everything. Open → Won (the won-opportunity wizard, next)
// or Lost, through the opportunity's one transition table.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Opportunity, OpportunityDetail } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { opportunities } from '@main/db/schema';
import { getCompany } from '../catalog/companies';
import { requireProduct } from '../catalog/products';
import { likePattern, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { requireOfferingLocation } from '../locations/locations';
import { requireLocationRight } from '../locations/rights';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { chooseUnits, Claims } from '../stock/units';
import { applyTransition, createDocument, defineWorkflow, requireEditable } from '../workflow/transitions';
import { hold, locationName, recordHoldEvents, releaseHeld, summary, takeHeld, type Holder } from './picks';

type OpportunityStatus = (typeof opportunities.status.enumValues)[number];

interface OpportunityRow {
  id: number;
  number: string;
  status: OpportunityStatus;
  companyId: number;
}

export const opportunityWorkflow = defineWorkflow<OpportunityStatus, OpportunityRow>()({
  document: 'opportunity',
  table: 'opportunities',
  column: 'status',
  states: opportunities.status.enumValues,
  read: (ctx, id) => prepared<[number], OpportunityRow>(ctx, `SELECT id, number, status, company_id AS companyId FROM opportunities WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'opportunity_events', key: 'opportunity_id' },
  touch: 'updated_at',
  creations: { open: { to: 'open', history: 'created' } },
  transitions: {
    lose: { from: ['open'], to: 'lost', sets: ({ reason, now }) => ({ lost_reason: reason ?? null, closed_at: now }) },
    /** The won-opportunity wizard (wonOpportunity.ts) made its charges and sales order. */
    win: { from: ['open'], to: 'won', system: true, sets: ({ now }) => ({ closed_at: now }) },
  },
  edits: { edit: ['open'], items: ['open'], reserve: ['open'], release: ['open'] },
});

export function requireOpportunity(ctx: Ctx, id: number): OpportunityRow {
  const row = opportunityWorkflow.read(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'opportunity', id });
  return row;
}

interface QuoteItemRow {
  id: number;
  opportunityId: number;
  lineNo: number;
  productId: number;
  quantity: number;
  reserved: number;
}

const quoteItemSelect = `SELECT id, opportunity_id AS opportunityId, line_no AS lineNo, product_id AS productId, quantity, reserved FROM quote_items`;

function requireQuoteItem(ctx: Ctx, id: number): QuoteItemRow {
  const row = prepared<[number], QuoteItemRow>(ctx, `${quoteItemSelect} WHERE id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'quoteItem', id });
  return row;
}

const holderOf = (item: QuoteItemRow, opportunity: OpportunityRow): Holder => ({ kind: 'reserved', sourceType: 'quoteItem', id: item.id, number: opportunity.number });

/** A history row of the opportunity that is not a transition (an item, a reservation). */
function recordEvent(ctx: Ctx, opportunity: OpportunityRow, userId: number, type: string, details: Record<string, unknown>): void {
  prepared(ctx, `INSERT INTO opportunity_events (opportunity_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    opportunity.id,
    ctx.now(),
    userId,
    type,
    opportunity.status,
    opportunity.status,
    JSON.stringify(details),
  );
}

function touch(ctx: Ctx, id: number): void {
  prepared(ctx, `UPDATE opportunities SET updated_at = ? WHERE id = ?`).run(ctx.now(), id);
}

// Reading ------------------------------------------------------------------------------------

const selectSql = `SELECT o.id, o.number, o.title, o.company_id AS companyId, co.name AS companyName, o.status, o.owner_user_id AS ownerUserId, u.display_name AS ownerName,
       o.expected_close AS expectedClose, o.note, o.lost_reason AS lostReason, o.created_at AS createdAt, o.closed_at AS closedAt,
       (SELECT count(*) FROM quote_items q WHERE q.opportunity_id = o.id) AS itemCount,
       CAST((SELECT coalesce(sum(q.quantity * q.unit_price), 0) FROM quote_items q WHERE q.opportunity_id = o.id) AS TEXT) AS quotePrice,
       (SELECT coalesce(sum(q.reserved), 0) FROM quote_items q WHERE q.opportunity_id = o.id) AS reserved,
       so.id AS salesOrderId, so.number AS salesOrderNumber
  FROM opportunities o JOIN companies co ON co.id = o.company_id LEFT JOIN users u ON u.id = o.owner_user_id LEFT JOIN sales_orders so ON so.opportunity_id = o.id`;

export function getOpportunity(ctx: Ctx, id: number): OpportunityDetail {
  const head = ctx.sqlite.prepare<[number], Opportunity>(`${selectSql} WHERE o.id = ?`).get(id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'opportunity', id });
  const items = ctx.sqlite
    .prepare<[number], Omit<OpportunityDetail['items'][number], 'serialized' | 'reservations'> & { serialized: number }>(
      `SELECT q.id, q.line_no AS lineNo, q.product_id AS productId, p.sku, p.name AS productName, p.serialized, q.description, q.quantity, q.unit_price AS unitPrice,
              CAST(q.quantity * q.unit_price AS TEXT) AS extendedPrice, q.reserved
       FROM quote_items q JOIN products p ON p.id = q.product_id WHERE q.opportunity_id = ? ORDER BY q.line_no`,
    )
    .all(id);
  const reservationsOf = ctx.sqlite.prepare<[number], OpportunityDetail['items'][number]['reservations'][number]>(
    `SELECT a.location_id AS locationId, loc.name AS locationName, l.serial_number AS serialNumber, a.qty, a.created_at AS reservedAt
     FROM allocations a JOIN lots l ON l.id = a.lot_id JOIN locations loc ON loc.id = a.location_id
     WHERE a.source_type = 'quoteItem' AND a.source_id = ? AND a.kind = 'reserved' ORDER BY loc.name, l.serial_number, a.id`,
  );
  const history = ctx.sqlite
    .prepare<[number], Omit<OpportunityDetail['history'][number], 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.from_state AS fromState, e.to_state AS toState, e.details
       FROM opportunity_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.opportunity_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id)
    .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
  return {
    ...head,
    items: items.map((item) => ({ ...item, serialized: item.serialized === 1, reservations: reservationsOf.all(item.id) })),
    history,
  };
}

const sorts: SortColumns<'sales.listOpportunities'> = { number: 'o.id', createdAt: 'o.created_at', expectedClose: 'o.expected_close', companyName: 'co.name' };

export function listOpportunities(ctx: Ctx, input: ParsedInput<'sales.listOpportunities'>): ChannelOutput<'sales.listOpportunities'> {
  const f = new Filters().equals('o.company_id', input.companyId).equals('o.owner_user_id', input.ownerUserId);
  if (input.statuses?.length) f.add(`o.status IN (${input.statuses.map(() => '?').join(', ')})`, ...input.statuses);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(o.number LIKE ? ESCAPE '\\' OR o.title LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\')`, like, like, like);
  }
  if (input.reservingProductId !== undefined) {
    // From the product's allocations (allocations_product_idx): the few quote items holding it.
    const at = new Filters().equals('a.location_id', input.reservingLocationId);
    f.add(
      `o.id IN (SELECT q.opportunity_id FROM allocations a JOIN quote_items q ON q.id = a.source_id
                WHERE a.product_id = ? AND a.source_type = 'quoteItem' AND a.kind = 'reserved' AND ${at.all()})`,
      input.reservingProductId,
      ...at.params,
    );
  }
  return listPage(input, {
    sorts,
    defaultSort: { by: 'number', direction: 'desc' },
    rows: (q) => ctx.sqlite.prepare<unknown[], Opportunity>(`${selectSql} ${f.where()} ORDER BY ${q.orderBy('o.id')} LIMIT ? OFFSET ?`).all(...f.params, q.limit, q.offset),
    count: () => countUpTo(ctx, `FROM opportunities o JOIN companies co ON co.id = o.company_id ${f.where()}`, f.params),
  });
}

// Writing ------------------------------------------------------------------------------------

/** The company must be a client; the owner an active user. */
function checkLinks(ctx: Ctx, input: { companyId: number; ownerUserId: number | null }): void {
  if (!getCompany(ctx, input.companyId).isClient) throw new DomainError('VALIDATION', { fields: [{ path: 'companyId', code: 'notAClient' }] });
  if (input.ownerUserId !== null && !prepared(ctx, `SELECT 1 FROM users WHERE id = ? AND active = 1`).get(input.ownerUserId)) {
    throw new DomainError('NOT_FOUND', { entity: 'user', id: input.ownerUserId });
  }
}

export function createOpportunity(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.createOpportunity'>): OpportunityDetail {
  checkLinks(ctx, input);
  const now = ctx.now();
  const id = createDocument(
    ctx,
    opportunityWorkflow,
    'open',
    {
      number: nextNumber(ctx, 'OPP'),
      title: input.title,
      company_id: input.companyId,
      owner_user_id: input.ownerUserId,
      expected_close: input.expectedClose ?? null,
      note: input.note ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId },
  );
  return getOpportunity(ctx, id);
}

export function updateOpportunity(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.updateOpportunity'>): OpportunityDetail {
  const row = requireOpportunity(ctx, input.id);
  requireEditable(opportunityWorkflow, row, 'edit');
  checkLinks(ctx, { companyId: row.companyId, ownerUserId: input.ownerUserId });
  const before = getOpportunity(ctx, row.id);
  const after = { title: input.title, ownerUserId: input.ownerUserId, expectedClose: input.expectedClose ?? null, note: input.note ?? null };
  prepared(ctx, `UPDATE opportunities SET title = ?, owner_user_id = ?, expected_close = ?, note = ?, updated_at = ? WHERE id = ?`).run(
    after.title,
    after.ownerUserId,
    after.expectedClose,
    after.note,
    ctx.now(),
    row.id,
  );
  const changes = (['title', 'ownerUserId', 'expectedClose', 'note'] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
  if (changes.length > 0) recordEvent(ctx, row, actor.userId, 'updated', { changes });
  return getOpportunity(ctx, row.id);
}

export function addQuoteItem(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.addQuoteItem'>): OpportunityDetail {
  const opportunity = requireOpportunity(ctx, input.opportunityId);
  requireEditable(opportunityWorkflow, opportunity, 'items');
  const product = requireProduct(ctx, input.productId);
  if (!product.active) throw new DomainError('VALIDATION', { fields: [{ path: 'productId', code: 'inactive' }] });
  const { next } = prepared<[number], { next: number }>(ctx, `SELECT coalesce(max(line_no), 0) + 1 AS next FROM quote_items WHERE opportunity_id = ?`).get(opportunity.id)!;
  prepared(ctx, `INSERT INTO quote_items (opportunity_id, line_no, product_id, description, quantity, unit_price, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    opportunity.id,
    next,
    product.id,
    input.description ?? product.name,
    input.quantity,
    input.unitPrice ?? product.unitPrice,
    ctx.now(),
  );
  recordEvent(ctx, opportunity, actor.userId, 'itemAdded', { lineNo: next, sku: product.sku, quantity: input.quantity });
  touch(ctx, opportunity.id);
  return getOpportunity(ctx, opportunity.id);
}

export function updateQuoteItem(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.updateQuoteItem'>): OpportunityDetail {
  const item = requireQuoteItem(ctx, input.id);
  const opportunity = requireOpportunity(ctx, item.opportunityId);
  requireEditable(opportunityWorkflow, opportunity, 'items');
  // Units reserved are the quote's: lower the quantity only after releasing them.
  if (input.quantity < item.reserved) throw new DomainError('OVER_PICK', { number: opportunity.number, quantity: input.quantity, picked: item.reserved, delivered: 0 });
  prepared(ctx, `UPDATE quote_items SET quantity = ?, unit_price = ?, description = coalesce(?, description) WHERE id = ?`).run(
    input.quantity,
    input.unitPrice,
    input.description ?? null,
    item.id,
  );
  recordEvent(ctx, opportunity, actor.userId, 'itemUpdated', { lineNo: item.lineNo, quantity: input.quantity, unitPrice: input.unitPrice });
  touch(ctx, opportunity.id);
  return getOpportunity(ctx, opportunity.id);
}

export function removeQuoteItem(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.removeQuoteItem'>): OpportunityDetail {
  const item = requireQuoteItem(ctx, input.id);
  const opportunity = requireOpportunity(ctx, item.opportunityId);
  requireEditable(opportunityWorkflow, opportunity, 'items');
  releaseAll(ctx, actor, opportunity, item);
  prepared(ctx, `DELETE FROM quote_items WHERE id = ?`).run(item.id);
  recordEvent(ctx, opportunity, actor.userId, 'itemRemoved', { lineNo: item.lineNo });
  touch(ctx, opportunity.id);
  return getOpportunity(ctx, opportunity.id);
}

/** Every unit reserved for the item goes back to available, with its history rows. */
function releaseAll(ctx: Ctx, actor: Actor, opportunity: OpportunityRow, item: QuoteItemRow): number {
  const units = takeHeld(ctx, holderOf(item, opportunity), {});
  if (units.length === 0) return 0;
  releaseHeld(ctx, { sourceType: 'quoteItem', id: item.id }, units);
  recordHoldEvents(ctx, 'stock.released', { type: 'opportunity', id: opportunity.id }, actor.userId, units);
  return units.reduce((n, u) => n + u.qty, 0);
}

/** Reserves units for a quote item at a location: a quantity (oldest first) or serials, ≤ min(available there, not yet reserved). */
export function reserve(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.reserve'>): OpportunityDetail {
  const item = requireQuoteItem(ctx, input.quoteItemId);
  const opportunity = requireOpportunity(ctx, item.opportunityId);
  requireEditable(opportunityWorkflow, opportunity, 'reserve');
  const product = requireProduct(ctx, item.productId);
  if (!product.trackedInStock) throw new DomainError('NOT_TRACKED', { productId: product.id, sku: product.sku });
  requireOfferingLocation(ctx, input.locationId);
  requireLocationRight(ctx, actor.userId, input.locationId);
  const needed = item.quantity - item.reserved;
  const requested = input.serials?.length || input.qty;
  if (requested !== undefined && requested > needed) throw new DomainError('OVER_PICK', { number: opportunity.number, needed, requested });
  const units = chooseUnits(ctx, new Claims(), input.locationId, { product, qty: input.qty, serials: input.serials });
  const taken = units.map((u) => ({ ...u, locationId: input.locationId, productId: product.id }));
  hold(ctx, holderOf(item, opportunity), taken);
  recordHoldEvents(ctx, 'stock.reserved', { type: 'opportunity', id: opportunity.id }, actor.userId, taken);
  recordEvent(ctx, opportunity, actor.userId, 'reserved', { lineNo: item.lineNo, locationId: input.locationId, locationName: locationName(ctx, input.locationId), ...summary(taken) });
  touch(ctx, opportunity.id);
  return getOpportunity(ctx, opportunity.id);
}

/** Puts reserved units back to available: serials, a quantity at a location (latest first), or everything reserved for the item. */
export function release(ctx: Ctx, actor: Actor, input: ParsedInput<'stock.release'>): OpportunityDetail {
  const item = requireQuoteItem(ctx, input.quoteItemId);
  const opportunity = requireOpportunity(ctx, item.opportunityId);
  requireEditable(opportunityWorkflow, opportunity, 'release');
  const units = takeHeld(ctx, holderOf(item, opportunity), input, new Map(), 'latest');
  if (units.length === 0) throw new DomainError('NOT_RESERVED', { number: opportunity.number, picked: 0, requested: input.qty ?? 0 });
  releaseHeld(ctx, { sourceType: 'quoteItem', id: item.id }, units);
  recordHoldEvents(ctx, 'stock.released', { type: 'opportunity', id: opportunity.id }, actor.userId, units);
  recordEvent(ctx, opportunity, actor.userId, 'released', { lineNo: item.lineNo, ...summary(units) });
  touch(ctx, opportunity.id);
  return getOpportunity(ctx, opportunity.id);
}

/** Closes the opportunity as lost: every reservation on its quote is released first. */
export function loseOpportunity(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.loseOpportunity'>): OpportunityDetail {
  const opportunity = requireOpportunity(ctx, input.id);
  let released = 0;
  // The table refuses a won one before anything is released; a repeat (already lost) releases nothing.
  if (opportunity.status === 'open') {
    const items = prepared<[number], QuoteItemRow>(ctx, `${quoteItemSelect} WHERE opportunity_id = ? AND reserved > 0`).all(opportunity.id);
    for (const item of items) released += releaseAll(ctx, actor, opportunity, item);
  }
  applyTransition(ctx, opportunityWorkflow, opportunity.id, 'lose', { userId: actor.userId, reason: input.reason, details: { released } });
  return getOpportunity(ctx, opportunity.id);
}
