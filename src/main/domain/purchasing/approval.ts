// The approval control: whether a purchase order may leave the office. An order whose total reaches the
// approval threshold is submitted, e-mailed, or printed without the draft mark only while something
// covers it: an approval covers the vendor it was given for up to the total it was given at, and a
// submission made while cleared covers the order as it was sent (so lowering the threshold later does
// not recall orders already sent). approvalGate is the one place that decides; submit, e-mail, the PDF
// and edits of sent orders all ask it. Nobody approves an order they created or whose approval they
// asked for, administrators included, unless the settings allow it. The approval state has its own small
// transition table (below): it moves only while the order is New, apart from its status.
import type { ApprovalRow, PurchaseOrder } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { purchaseOrders } from '@main/db/schema';
import { prepared, type Actor, type Ctx } from '../context';
import { approvalThreshold } from '../settings/activations';
import { getSettings } from '../settings/settings';
import { coverageFor, requireLimitCovers } from './approvalLimits';
import { notify } from '../notifications/notify';
import { approversFor, orderPeople } from '../notifications/recipients';
import { applyTransition, defineWorkflow, type SetInput } from '../workflow/transitions';
import { poHistory } from './orderHistory';
import { getOrder, listOrders, orderTotals, readOrder, requireLines, requireOrder, type OrderRow } from './orderReads';

export interface ApprovalGate {
  /**
   * What the order spends that no approval covers yet: lines (ordered − canceled) × unit cost, plus freight,
   * now — lines bought for an approved charge left out (that purchase was approved with the charge).
   */
  total: number;
  threshold: number | null;
  /** The total reaches the threshold: the order needs an approval to leave. */
  required: boolean;
  /** The order may leave: no approval is required, or one covers it. */
  cleared: boolean;
}

/** What an approval, a request or a submission was given for, as its event recorded it. */
interface Cover {
  total: number;
  /** Null on events recorded before the vendor was noted. */
  vendorId: number | null;
}

type CoverEvent = 'approvalRequested' | 'approved' | 'submitted';

function latestCover(ctx: Ctx, poId: number, type: CoverEvent): Cover | null {
  const row = ctx.sqlite
    .prepare<[number, CoverEvent], { total: unknown; vendorId: unknown }>(
      `SELECT json_extract(details, '$.total') AS total, json_extract(details, '$.vendorId') AS vendorId
       FROM purchase_order_events WHERE po_id = ? AND type = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(poId, type);
  if (!row || typeof row.total !== 'number') return null;
  return { total: row.total, vendorId: typeof row.vendorId === 'number' ? row.vendorId : null };
}

function covers(cover: Cover | null, order: Pick<OrderRow, 'vendorId'>, total: number): boolean {
  return cover !== null && total <= cover.total && (cover.vendorId === null || cover.vendorId === order.vendorId);
}

/** The facts an event that grants or asks for an approval records, so the gate can tell what it covers. */
export function coverDetails(order: Pick<OrderRow, 'vendorId'>, total: number): { total: number; vendorId: number } {
  return { total, vendorId: order.vendorId };
}

/** May this order leave the office (be submitted, e-mailed, printed as final)? */
export function approvalGate(ctx: Ctx, order: Pick<OrderRow, 'id' | 'status' | 'approvalStatus' | 'vendorId' | 'freight'>): ApprovalGate {
  const threshold = approvalThreshold(ctx);
  const total = unapprovedTotal(ctx, order.id, order.freight);
  const required = threshold !== null && total >= threshold;
  const cleared =
    !required ||
    (order.approvalStatus === 'approved' && covers(latestCover(ctx, order.id, 'approved'), order, total)) ||
    (order.status !== 'new' && covers(latestCover(ctx, order.id, 'submitted'), order, total));
  return { total, threshold, required, cleared };
}

/**
 * The order's total less what approved charges cover: no purchase is approved twice, and none is bought
 * beyond its approval — a charge's lines on the order count as approved only up to the cost it was approved
 * for (raising such a line's quantity or cost adds the excess to what needs an approval).
 */
function unapprovedTotal(ctx: Ctx, poId: number, freight: number): number {
  const { approved } = ctx.sqlite
    .prepare<[number], { approved: number }>(
      `SELECT coalesce(sum(min(x.amount, x.approvedCost)), 0) AS approved FROM (
         SELECT sum((l.qty_ordered - l.qty_canceled) * l.unit_cost) AS amount, ch.approved_cost AS approvedCost
         FROM purchase_order_lines l JOIN charges ch ON ch.id = l.charge_id
         WHERE l.po_id = ? AND ch.approved_by IS NOT NULL AND ch.approved_cost IS NOT NULL GROUP BY ch.id) x`,
    )
    .get(poId)!;
  return orderTotals(ctx, poId, freight).total - approved;
}

/** What was about to take the order out of the office, named in the refusal. */
export type GatedAction = 'submit' | 'email' | 'edit';

/** APPROVAL_REQUIRED unless the gate is open (dispatch blanks the total for callers who may not see costs). */
export function requireApprovalCleared(ctx: Ctx, order: Pick<OrderRow, 'id' | 'number' | 'status' | 'approvalStatus' | 'vendorId' | 'freight'>, action: GatedAction): ApprovalGate {
  const gate = approvalGate(ctx, order);
  if (!gate.cleared) {
    throw new DomainError('APPROVAL_REQUIRED', {
      number: order.number,
      action,
      approvalStatus: order.approvalStatus,
      threshold: gate.threshold,
      total: gate.total,
    });
  }
  return gate;
}

/**
 * After a change to what a New order buys (lines, quantities, costs, freight, vendor). A request or an
 * approval stays while it still covers the order — the same vendor, a total no higher than the one it
 * was given for — and is withdrawn otherwise, to be asked for again. A rejection is answered by changing
 * the order: any change clears it. Returns whether the approval state was reset.
 */
export function reviewApprovalAfterChange(ctx: Ctx, orderId: number, change: { vendorChanged?: boolean } = {}): boolean {
  const order = requireOrder(ctx, orderId);
  if (order.status !== 'new' || order.approvalStatus === 'none') return false;
  if (!change.vendorChanged && order.approvalStatus !== 'rejected') {
    const cover = latestCover(ctx, order.id, order.approvalStatus === 'approved' ? 'approved' : 'approvalRequested');
    if (covers(cover, order, unapprovedTotal(ctx, order.id, order.freight))) return false;
  }
  applyTransition(ctx, approvalWorkflow, order.id, 'withdraw', { userId: null });
  return true;
}

// Who asked, and who may decide ---------------------------------------------------------------

interface RequestFacts {
  createdBy: number;
  /** The latest request for approval, null when none was made. */
  request: { userId: number | null; userName: string | null; at: number } | null;
}

/** Who created each order and who last asked for its approval, when. */
function requestFacts(ctx: Ctx, poIds: number[]): Map<number, RequestFacts> {
  if (poIds.length === 0) return new Map();
  const rows = ctx.sqlite
    .prepare<number[], { id: number; createdBy: number; eventId: number | null; userId: number | null; userName: string | null; at: number }>(
      `SELECT po.id, po.created_by AS createdBy, e.id AS eventId, e.user_id AS userId, u.display_name AS userName, e.occurred_at AS at
       FROM purchase_orders po
       LEFT JOIN purchase_order_events e ON e.id = (SELECT max(x.id) FROM purchase_order_events x WHERE x.po_id = po.id AND x.type = 'approvalRequested')
       LEFT JOIN users u ON u.id = e.user_id
       WHERE po.id IN (${poIds.map(() => '?').join(',')})`,
    )
    .all(...poIds);
  return new Map(rows.map((r) => [r.id, { createdBy: r.createdBy, request: r.eventId === null ? null : { userId: r.userId, userName: r.userName, at: r.at } }]));
}

export type ApproverConflict = NonNullable<PurchaseOrder['approverConflict']>;

/** Why a user may not approve: they created the order, or asked for the approval now pending. */
function conflictOf(allowSelfApproval: boolean, userId: number | null, facts: RequestFacts | undefined): ApproverConflict | null {
  if (allowSelfApproval || !facts || userId === null) return null;
  if (facts.createdBy === userId) return 'creator';
  if (facts.request?.userId === userId) return 'requester';
  return null;
}

/** What the order page shows about the request, and why this user may not approve the order. */
export function approvalRequestInfo(
  ctx: Ctx,
  actor: Actor,
  order: Pick<OrderRow, 'id' | 'approvalStatus'>,
): Pick<PurchaseOrder, 'approvalRequestedByName' | 'approvalRequestedAt' | 'approverConflict'> {
  const facts = requestFacts(ctx, [order.id]).get(order.id);
  // A request that was withdrawn by a change is history, not who asked.
  const request = order.approvalStatus === 'none' ? null : (facts?.request ?? null);
  return {
    approvalRequestedByName: request?.userName ?? null,
    approvalRequestedAt: request?.at ?? null,
    approverConflict: conflictOf(getSettings(ctx).allowSelfApproval, actor.userId, facts && { ...facts, request }),
  };
}

// The approval table ----------------------------------------------------------------------------

type ApprovalStatus = (typeof purchaseOrders.approvalStatus.enumValues)[number];

const clearDecision = () => ({ approval_by: null, approval_at: null, approval_note: null });
const recordDecision = ({ userId, now, note }: SetInput) => ({ approval_by: userId, approval_at: now, approval_note: note ?? null });

/**
 * none → requested → approved | rejected; a rejected order may be asked for again. Only while the order
 * is New: a guard refuses the rest as INVALID_TRANSITION. Every order starts with none (the column's
 * default), so the table creates nothing.
 */
export const approvalWorkflow = defineWorkflow<ApprovalStatus, OrderRow>()({
  document: 'purchaseOrder',
  table: 'purchase_orders',
  column: 'approval_status',
  states: purchaseOrders.approvalStatus.enumValues,
  read: readOrder,
  state: (row) => row.approvalStatus,
  // As the order's other refusals: its status, and here also the approval state.
  refusalDetails: (row) => ({ status: row.status, approvalStatus: row.approvalStatus }),
  history: poHistory,
  touch: 'updated_at',
  // Approvers whose limit covers it hear of a request; its creator and whoever asked, of the decision.
  afterTransition: (ctx, row, _to, { action, userId }) => {
    const document = { type: 'purchaseOrder' as const, id: row.id, number: row.number };
    if (action === 'request') notify(ctx, { event: 'approvalNeeded', people: { approvers: approversFor(ctx, approvalGate(ctx, row).total) }, document, byUserId: userId });
    if (action === 'approve' || action === 'reject') {
      const facts = requestFacts(ctx, [row.id]).get(row.id);
      const creators = [facts?.createdBy ?? null, facts?.request?.userId ?? null];
      const note = action === 'reject' ? (prepared<[number], { note: string | null }>(ctx, `SELECT approval_note AS note FROM purchase_orders WHERE id = ?`).get(row.id)?.note ?? null) : null;
      notify(ctx, { event: action === 'approve' ? 'approved' : 'rejected', people: { creator: creators, ...orderPeople(ctx, row.id) }, document, byUserId: userId, note });
    }
  },
  creations: {},
  transitions: {
    request: {
      from: ['none', 'rejected'],
      to: 'requested',
      guard: (ctx, row) => {
        if (row.status !== 'new') return false;
        requireLines(ctx, row);
        // Nothing to ask for below the threshold.
        const gate = approvalGate(ctx, row);
        return gate.required ? coverDetails(row, gate.total) : false;
      },
      sets: clearDecision,
      history: 'approvalRequested',
    },
    approve: {
      from: ['requested'],
      to: 'approved',
      guard: (ctx, row, input) => {
        if (row.status !== 'new') return false;
        const conflict = conflictOf(getSettings(ctx).allowSelfApproval, input.userId, requestFacts(ctx, [row.id]).get(row.id));
        if (conflict) throw new DomainError('SELF_APPROVAL', { number: row.number, role: conflict });
        // One approval, by someone whose tier covers what the order spends unapproved; its history names the tier.
        // What it covers is what it was given for: the amount no other approval covers, the one the limit was checked against.
        const total = approvalGate(ctx, row).total;
        const limit = requireLimitCovers(ctx, input.userId, row.number, total);
        return { ...coverDetails(row, total), limitName: limit.name, limitUpTo: limit.upTo };
      },
      sets: recordDecision,
      history: 'approved',
    },
    reject: { from: ['requested'], to: 'rejected', guard: (ctx, row) => (row.status === 'new' ? coverDetails(row, approvalGate(ctx, row).total) : false), sets: recordDecision, history: 'rejected' },
    /** A change to a New order that its request or approval no longer covers (reviewApprovalAfterChange). */
    withdraw: {
      from: ['requested', 'approved', 'rejected'],
      to: 'none',
      system: true,
      guard: (_ctx, row) => (row.status === 'new' ? undefined : false),
      sets: clearDecision,
      // The change that withdrew it records it on its own event (approvalReset: true).
      history: false,
    },
  },
});

// Requesting and deciding ---------------------------------------------------------------------

export function requestApproval(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  applyTransition(ctx, approvalWorkflow, id, 'request', { userId: actor.userId });
  return getOrder(ctx, actor, id);
}

function decide(ctx: Ctx, actor: Actor, id: number, action: 'approve' | 'reject', note: string | null): PurchaseOrder {
  applyTransition(ctx, approvalWorkflow, id, action, { userId: actor.userId, note, details: { note } });
  return getOrder(ctx, actor, id);
}

export function approveOrder(ctx: Ctx, actor: Actor, input: { id: number; note: string | null }): PurchaseOrder {
  return decide(ctx, actor, input.id, 'approve', input.note);
}

export function rejectOrder(ctx: Ctx, actor: Actor, input: { id: number; note: string }): PurchaseOrder {
  return decide(ctx, actor, input.id, 'reject', input.note);
}

const DAY_MS = 86_400_000;

/** Purchase Approvals: orders waiting for a decision, oldest first, with who asked and when. */
export function listApprovals(ctx: Ctx, actor: Actor, input: { page: number; pageSize: number; sortDirection: 'asc' | 'desc' }) {
  const page = listOrders(ctx, { ...input, sortBy: 'createdAt', approvalRequested: true, statuses: ['new'] });
  const facts = requestFacts(ctx, page.rows.map((r) => r.id));
  const settings = getSettings(ctx);
  const coverage = coverageFor(ctx, actor);
  const overdueBefore = ctx.now() - settings.approvalOverdueDays * DAY_MS;
  const rows: ApprovalRow[] = page.rows.map((row) => {
    const f = facts.get(row.id);
    const requestedAt = f?.request?.at ?? null;
    return {
      ...row,
      requestedByName: f?.request?.userName ?? null,
      requestedAt,
      approverConflict: conflictOf(settings.allowSelfApproval, actor.userId, f),
      ...coverage(approvalGate(ctx, requireOrder(ctx, row.id)).total),
      overdue: requestedAt !== null && requestedAt < overdueBefore,
    };
  });
  return { ...page, rows };
}
