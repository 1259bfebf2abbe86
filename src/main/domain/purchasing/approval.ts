// The approval control: whether a purchase order may leave the office. An order whose total reaches the
// approval threshold is submitted, e-mailed, or printed without the draft mark only while something
// covers it: an approval covers the vendor it was given for up to the total it was given at, and a
// submission made while cleared covers the order as it was sent (so lowering the threshold later does
// not recall orders already sent). approvalGate is the one place that decides; submit, e-mail, the PDF
// and edits of sent orders all ask it. Nobody approves an order they created or whose approval they
// asked for, administrators included, unless the settings allow it.
import type { ApprovalRow, PurchaseOrder } from '../../../shared/contract/purchasing';
import { DomainError } from '../../../shared/errors';
import { inTransaction, type Actor, type Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { getOrder, listOrders, orderTotals, recordPoEvent, refuse, requireLines, requireNew, requireOrder, type OrderRow } from './orders';

export interface ApprovalGate {
  /** Lines (ordered − canceled) × unit cost, plus freight, now. */
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
    .prepare(
      `SELECT json_extract(details, '$.total') AS total, json_extract(details, '$.vendorId') AS vendorId
       FROM purchase_order_events WHERE po_id = ? AND type = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(poId, type) as { total: unknown; vendorId: unknown } | undefined;
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
export function approvalGate(ctx: Ctx, order: OrderRow): ApprovalGate {
  const threshold = getSettings(ctx).approvalThreshold;
  const { total } = orderTotals(ctx, order.id, order.freight);
  const required = threshold !== null && total >= threshold;
  const cleared =
    !required ||
    (order.approvalStatus === 'approved' && covers(latestCover(ctx, order.id, 'approved'), order, total)) ||
    (order.status !== 'new' && covers(latestCover(ctx, order.id, 'submitted'), order, total));
  return { total, threshold, required, cleared };
}

/** What was about to take the order out of the office, named in the refusal. */
export type GatedAction = 'submit' | 'email' | 'edit';

/** APPROVAL_REQUIRED unless the gate is open (dispatch blanks the total for callers who may not see costs). */
export function requireApprovalCleared(ctx: Ctx, order: OrderRow, action: GatedAction): ApprovalGate {
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
    if (covers(cover, order, orderTotals(ctx, order.id, order.freight).total)) return false;
  }
  ctx.sqlite.prepare(`UPDATE purchase_orders SET approval_status = 'none', approval_by = NULL, approval_at = NULL, approval_note = NULL WHERE id = ?`).run(order.id);
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
    .prepare(
      `SELECT po.id, po.created_by AS createdBy, e.id AS eventId, e.user_id AS userId, u.display_name AS userName, e.occurred_at AS at
       FROM purchase_orders po
       LEFT JOIN purchase_order_events e ON e.id = (SELECT max(x.id) FROM purchase_order_events x WHERE x.po_id = po.id AND x.type = 'approvalRequested')
       LEFT JOIN users u ON u.id = e.user_id
       WHERE po.id IN (${poIds.map(() => '?').join(',')})`,
    )
    .all(...poIds) as { id: number; createdBy: number; eventId: number | null; userId: number | null; userName: string | null; at: number }[];
  return new Map(rows.map((r) => [r.id, { createdBy: r.createdBy, request: r.eventId === null ? null : { userId: r.userId, userName: r.userName, at: r.at } }]));
}

export type ApproverConflict = NonNullable<PurchaseOrder['approverConflict']>;

/** Why `actor` may not approve: they created the order, or asked for the approval now pending. */
function conflictOf(allowSelfApproval: boolean, actor: Actor, facts: RequestFacts | undefined): ApproverConflict | null {
  if (allowSelfApproval || !facts) return null;
  if (facts.createdBy === actor.userId) return 'creator';
  if (facts.request?.userId === actor.userId) return 'requester';
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
    approverConflict: conflictOf(getSettings(ctx).allowSelfApproval, actor, facts && { ...facts, request }),
  };
}

// Requesting and deciding ---------------------------------------------------------------------

export function requestApproval(ctx: Ctx, actor: Actor, id: number): PurchaseOrder {
  return inTransaction(ctx, () => {
    const order = requireOrder(ctx, id);
    requireNew(order, 'requestApproval');
    requireLines(ctx, order);
    if (order.approvalStatus === 'requested' || order.approvalStatus === 'approved') refuse(order, 'requestApproval');
    const gate = approvalGate(ctx, order);
    if (!gate.required) refuse(order, 'requestApproval');
    ctx.sqlite.prepare(`UPDATE purchase_orders SET approval_status = 'requested', approval_by = NULL, approval_at = NULL, approval_note = NULL, updated_at = ? WHERE id = ?`).run(ctx.now(), order.id);
    recordPoEvent(ctx, order.id, actor.userId, 'approvalRequested', coverDetails(order, gate.total));
    return getOrder(ctx, actor, order.id);
  });
}

function decide(ctx: Ctx, actor: Actor, id: number, decision: 'approved' | 'rejected', note: string | null): PurchaseOrder {
  return inTransaction(ctx, () => {
    const action = decision === 'approved' ? 'approve' : 'reject';
    const order = requireOrder(ctx, id);
    requireNew(order, action);
    if (order.approvalStatus !== 'requested') refuse(order, action);
    if (decision === 'approved') {
      const conflict = conflictOf(getSettings(ctx).allowSelfApproval, actor, requestFacts(ctx, [order.id]).get(order.id));
      if (conflict) throw new DomainError('SELF_APPROVAL', { number: order.number, role: conflict });
    }
    const { total } = orderTotals(ctx, order.id, order.freight);
    ctx.sqlite
      .prepare(`UPDATE purchase_orders SET approval_status = ?, approval_by = ?, approval_at = ?, approval_note = ?, updated_at = ? WHERE id = ?`)
      .run(decision, actor.userId, ctx.now(), note, ctx.now(), order.id);
    recordPoEvent(ctx, order.id, actor.userId, decision, { ...coverDetails(order, total), note });
    return getOrder(ctx, actor, order.id);
  });
}

export function approveOrder(ctx: Ctx, actor: Actor, input: { id: number; note: string | null }): PurchaseOrder {
  return decide(ctx, actor, input.id, 'approved', input.note);
}

export function rejectOrder(ctx: Ctx, actor: Actor, input: { id: number; note: string }): PurchaseOrder {
  return decide(ctx, actor, input.id, 'rejected', input.note);
}

/** Purchase Approvals: orders waiting for a decision, oldest first, with who asked and when. */
export function listApprovals(ctx: Ctx, actor: Actor, input: { page: number; pageSize: number; sortDirection: 'asc' | 'desc' }) {
  const page = listOrders(ctx, { ...input, sortBy: 'createdAt', approvalRequested: true, statuses: ['new'] });
  const facts = requestFacts(ctx, page.rows.map((r) => r.id));
  const allowSelfApproval = getSettings(ctx).allowSelfApproval;
  const rows: ApprovalRow[] = page.rows.map((row) => {
    const f = facts.get(row.id);
    return {
      ...row,
      requestedByName: f?.request?.userName ?? null,
      requestedAt: f?.request?.at ?? null,
      approverConflict: conflictOf(allowSelfApproval, actor, f),
    };
  });
  return { ...page, rows };
}
