// Conditions that arrive with time rather than with an action: a purchase order passing its expected ship
// date, a back order growing older than the settings allow. The host sweeps for them (at start and every
// hour) in a transaction of its own; each is told once when it starts (a mark in notification_marks) and
// the mark goes when it ends (received, canceled, closed, or the date moved), so it is told again if it
// returns. The SQL is the one the lists' overdue marks use (purchasing/overdue.ts).
import { prepared, type Ctx } from '../context';
import { backOrderOverdueSql, orderOverdueSql, overdueParams } from '../purchasing/overdue';
import { notify } from './notify';
import { orderPeople } from './recipients';

/** Tells what became overdue since the last sweep; returns how many conditions were told. */
export function tellOverdue(ctx: Ctx): number {
  const params = overdueParams(ctx);
  const now = ctx.now();
  const mark = prepared(ctx, `INSERT INTO notification_marks (kind, subject_id, created_at, told) VALUES (?, ?, ?, 1)`);

  // Orders: overdue ones not told yet; marks of orders no longer overdue go.
  const overdueOrders = `SELECT po.id FROM purchase_orders po WHERE ${orderOverdueSql()}`;
  prepared(ctx, `DELETE FROM notification_marks WHERE kind = 'poOverdue' AND subject_id NOT IN (${overdueOrders})`).run({ today: params.today });
  const orders = prepared<[{ today: string }], { id: number; number: string; createdBy: number }>(
    ctx,
    `SELECT po.id, po.number, po.created_by AS createdBy FROM purchase_orders po
     WHERE ${orderOverdueSql()} AND NOT EXISTS (SELECT 1 FROM notification_marks m WHERE m.kind = 'poOverdue' AND m.subject_id = po.id) ORDER BY po.id`,
  ).all({ today: params.today });
  for (const o of orders) {
    notify(ctx, {
      event: 'poOverdue',
      people: { creator: [o.createdBy], ...orderPeople(ctx, o.id) },
      document: { type: 'purchaseOrder', id: o.id, number: o.number },
      byUserId: null,
    });
    mark.run('poOverdue', o.id, now);
  }

  // Back orders, by line: one notice per order, naming the people of the charges its late lines buy for.
  const ageing = `SELECT l.id FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE ${backOrderOverdueSql}`;
  prepared(ctx, `DELETE FROM notification_marks WHERE kind = 'backOrder' AND subject_id NOT IN (${ageing})`).run({ backOrderBefore: params.backOrderBefore });
  const lines = prepared<[{ backOrderBefore: number }], { lineId: number; poId: number; number: string; technician: number | null; salesOrderOwner: number | null }>(
    ctx,
    `SELECT l.id AS lineId, po.id AS poId, po.number, c.owner_user_id AS technician, so.owner_user_id AS salesOrderOwner
     FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
     LEFT JOIN charges ch ON ch.id = l.charge_id LEFT JOIN containers c ON c.id = ch.container_id LEFT JOIN sales_orders so ON so.id = ch.sales_order_id
     WHERE ${backOrderOverdueSql} AND NOT EXISTS (SELECT 1 FROM notification_marks m WHERE m.kind = 'backOrder' AND m.subject_id = l.id) ORDER BY l.id`,
  ).all({ backOrderBefore: params.backOrderBefore });
  for (const l of lines) {
    notify(ctx, {
      event: 'backOrderAgeing',
      people: { technician: [l.technician], salesOrderOwner: [l.salesOrderOwner] },
      document: { type: 'purchaseOrder', id: l.poId, number: l.number },
      byUserId: null,
    });
    mark.run('backOrder', l.lineId, now);
  }
  return orders.length + lines.length;
}
