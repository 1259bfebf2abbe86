// The purchase order's history (its History tab): every change is an event with its details as JSON. The
// transitions of the order's status and approval tables (orderStatus.ts, approval.ts) write theirs through
// the workflow module, which also names the states they went from and to. This file imports none of the
// order's other modules: the tables read `poHistory` while their modules load.
import type { PoEvent } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import type { Ctx } from '../context';

/** Where the order's transition tables write their history rows. */
export const poHistory = { table: 'purchase_order_events', key: 'po_id' };

export function recordPoEvent(ctx: Ctx, poId: number, userId: number | null, type: PoEvent['type'], details: Record<string, unknown> = {}): void {
  ctx.sqlite.prepare(`INSERT INTO purchase_order_events (po_id, occurred_at, user_id, type, details) VALUES (?, ?, ?, ?, ?)`).run(poId, ctx.now(), userId, type, JSON.stringify(details));
}

export function orderHistory(ctx: Ctx, id: number): PoEvent[] {
  if (!ctx.sqlite.prepare(`SELECT 1 FROM purchase_orders WHERE id = ?`).get(id)) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder', id });
  const rows = ctx.sqlite
    .prepare<[number], Omit<PoEvent, 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.details FROM purchase_order_events e LEFT JOIN users u ON u.id = e.user_id
       WHERE e.po_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id);
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
