// Who is told of what (DOMAIN.md, Notifications): resolved from the documents when the action happens.
import { prepared, type Ctx } from '../context';
import type { DocumentPeople } from './notify';

/** Users who hold `purchasing.approve` themselves or through a role, active, in SQL over `u`. */
const approverSql = `u.active = 1 AND u.is_admin = 0 AND (
  EXISTS (SELECT 1 FROM json_each(u.permissions) p WHERE p.value = 'purchasing.approve')
  OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id, json_each(r.permissions) p WHERE ur.user_id = u.id AND p.value = 'purchasing.approve'))`;

/**
 * The approvers whose limit covers `amount` (approval tiers): users given no tier approve any amount.
 * An office whose approvers' limits are all too low (or that has none) is told through its administrators,
 * who approve anything.
 */
export function approversFor(ctx: Ctx, amount: number): number[] {
  const approvers = prepared<[number], { id: number }>(
    ctx,
    `SELECT u.id FROM users u LEFT JOIN approval_limits l ON l.id = u.approval_limit_id
     WHERE ${approverSql} AND (l.id IS NULL OR l.amount IS NULL OR l.amount >= ?) ORDER BY u.id`,
  )
    .all(amount)
    .map((r) => r.id);
  return approvers.length > 0 ? approvers : administrators(ctx);
}

/** A charge's people by kind (notify.ts): who added it, its technician (the container's owner, a ticket's technician) and its sales order's owner. */
export function chargePeople(ctx: Ctx, chargeId: number): DocumentPeople {
  const p = prepared<[number], { creator: number; owner: number | null; salesOrderOwner: number | null }>(
    ctx,
    `SELECT ch.created_by AS creator, c.owner_user_id AS owner, so.owner_user_id AS salesOrderOwner
     FROM charges ch JOIN containers c ON c.id = ch.container_id LEFT JOIN sales_orders so ON so.id = ch.sales_order_id WHERE ch.id = ?`,
  ).get(chargeId)!;
  return { creator: [p.creator], technician: [p.owner], salesOrderOwner: [p.salesOrderOwner] };
}

/** Who created purchase order `poId`. */
export function orderCreator(ctx: Ctx, poId: number): number | null {
  return prepared<[number], { id: number }>(ctx, `SELECT created_by AS id FROM purchase_orders WHERE id = ?`).get(poId)?.id ?? null;
}

/** The purchasing team: who works the procurement queues (Admin › Users). */
export function purchasingTeam(ctx: Ctx): number[] {
  return prepared<[], { id: number }>(ctx, `SELECT id FROM users WHERE purchasing_team = 1 AND active = 1 ORDER BY id`)
    .all()
    .map((r) => r.id);
}

/** The active administrators. */
export function administrators(ctx: Ctx): number[] {
  return prepared<[], { id: number }>(ctx, `SELECT id FROM users WHERE is_admin = 1 AND active = 1 ORDER BY id`)
    .all()
    .map((r) => r.id);
}

/**
 * The people of the charges an order buys for (their charges move with it): their technicians (the
 * containers' owners) and their sales orders' owners.
 */
export function orderPeople(ctx: Ctx, poId: number): { technician: number[]; salesOrderOwner: number[] } {
  const rows = prepared<[number], { technician: number | null; salesOrderOwner: number | null }>(
    ctx,
    `SELECT DISTINCT c.owner_user_id AS technician, so.owner_user_id AS salesOrderOwner FROM purchase_order_lines l
     JOIN charges ch ON ch.id = l.charge_id JOIN containers c ON c.id = ch.container_id LEFT JOIN sales_orders so ON so.id = ch.sales_order_id
     WHERE l.po_id = ?`,
  ).all(poId);
  const present = (ids: Array<number | null>) => [...new Set(ids.filter((u) => u !== null))];
  return { technician: present(rows.map((r) => r.technician)), salesOrderOwner: present(rows.map((r) => r.salesOrderOwner)) };
}
