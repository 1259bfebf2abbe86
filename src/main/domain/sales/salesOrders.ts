// Sales orders (SO-n): made only by the won-opportunity wizard, over the charges the quote's items became.
// The status is derived from those charges through the order's one transition table — Open → In Progress
// (something picked or ordered) → Partially Fulfilled (something delivered) → Fulfilled (every charge
// delivered) — so it cannot disagree with its items; `follow` runs after every change of one of its
// charges (settleCharge, the charge table's afterTransition). Cancel is the only manual action: refused
// once anything is delivered, it cancels the undelivered charges (releasing their picks).
import { notify } from '../notifications/notify';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { SalesOrder, SalesOrderDetail, SalesOrderStatus } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { salesOrders } from '@main/db/schema';
import { likePattern, prepared, type Ctx } from '../context';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { defineWorkflow, applyTransition } from '../workflow/transitions';

interface SalesOrderRow {
  id: number;
  number: string;
  status: SalesOrderStatus;
  /** Charges not canceled, those with anything picked, ordered or delivered, and those fully delivered. */
  live: number;
  started: number;
  delivering: number;
  done: number;
}

/** Where the charges lead the order (a canceled one stays canceled). */
export function derivedStatus(row: SalesOrderRow): SalesOrderStatus {
  if (row.live > 0 && row.done === row.live) return 'fulfilled';
  if (row.delivering > 0) return 'partiallyFulfilled';
  if (row.started > 0) return 'inProgress';
  return 'open';
}

const open: SalesOrderStatus[] = ['open', 'inProgress', 'partiallyFulfilled', 'fulfilled'];

export const salesOrderWorkflow = defineWorkflow<SalesOrderStatus, SalesOrderRow>()({
  document: 'salesOrder',
  table: 'sales_orders',
  column: 'status',
  states: salesOrders.status.enumValues,
  read: (ctx, id) =>
    prepared<[number], SalesOrderRow>(
      ctx,
      `SELECT so.id, so.number, so.status,
              count(ch.id) AS live,
              coalesce(sum(ch.picked > 0 OR ch.delivered > 0 OR ch.status IN ('onOrder', 'ready', 'delivered')), 0) AS started,
              coalesce(sum(ch.delivered > 0), 0) AS delivering,
              coalesce(sum(ch.delivered >= ch.quantity), 0) AS done
       FROM sales_orders so LEFT JOIN charges ch ON ch.sales_order_id = so.id AND ch.status <> 'canceled'
       WHERE so.id = ? GROUP BY so.id`,
    ).get(id),
  state: (row) => row.status,
  history: { table: 'sales_order_events', key: 'sales_order_id' },
  touch: 'updated_at',
  // Fulfilled: its owner is told.
  afterTransition: (ctx, row, to, { userId }) => {
    if (to !== 'fulfilled') return;
    const owner = prepared<[number], { owner: number | null }>(ctx, `SELECT owner_user_id AS owner FROM sales_orders WHERE id = ?`).get(row.id)!.owner;
    notify(ctx, { event: 'salesOrderFulfilled', people: { salesOrderOwner: [owner] }, document: { type: 'salesOrder', id: row.id, number: row.number }, byUserId: userId });
  },
  creations: { open: { to: 'open', history: 'created' } },
  transitions: {
    /** One of its charges changed: the status follows them. */
    follow: { from: open, to: derivedStatus, system: true },
    cancel: {
      from: ['open', 'inProgress'],
      to: 'canceled',
      guard: (_ctx, row) => {
        if (row.delivering > 0) throw new DomainError('CHARGE_DELIVERED', { number: row.number });
      },
      sets: ({ reason }) => ({ cancel_reason: reason ?? null }),
    },
  },
});

export function requireSalesOrder(ctx: Ctx, id: number): SalesOrderRow {
  const row = salesOrderWorkflow.read(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'salesOrder', id });
  return row;
}

/** After a change of one of the order's charges: applies `follow` when the status no longer matches them. */
export function settleSalesOrder(ctx: Ctx, id: number, userId: number | null): void {
  const row = requireSalesOrder(ctx, id);
  if (!(open as readonly string[]).includes(row.status) || derivedStatus(row) === row.status) return;
  applyTransition(ctx, salesOrderWorkflow, id, 'follow', { userId });
}

/** The order a charge belongs to, settled after the charge changed (none for a charge made by hand). */
export function settleSalesOrderOf(ctx: Ctx, chargeId: number, userId: number | null): void {
  const order = prepared<[number], { id: number | null }>(ctx, `SELECT sales_order_id AS id FROM charges WHERE id = ?`).get(chargeId);
  if (order?.id) settleSalesOrder(ctx, order.id, userId);
}

// Reading ------------------------------------------------------------------------------------

const selectSql = `SELECT so.id, so.number, so.status, so.opportunity_id AS opportunityId, o.number AS opportunityNumber, o.title,
       so.container_id AS containerId, c.number AS containerNumber, c.title AS containerTitle, so.company_id AS companyId, co.name AS companyName,
       so.owner_user_id AS ownerUserId, u.display_name AS ownerName, so.cancel_reason AS cancelReason, so.created_at AS createdAt,
       (SELECT count(*) FROM charges ch WHERE ch.sales_order_id = so.id AND ch.status <> 'canceled') AS itemCount,
       CAST((SELECT coalesce(sum(ch.quantity * ch.unit_price), 0) FROM charges ch WHERE ch.sales_order_id = so.id AND ch.status <> 'canceled') AS TEXT) AS orderPrice
  FROM sales_orders so JOIN opportunities o ON o.id = so.opportunity_id JOIN containers c ON c.id = so.container_id JOIN companies co ON co.id = so.company_id
  LEFT JOIN users u ON u.id = so.owner_user_id`;

export function getSalesOrder(ctx: Ctx, id: number): SalesOrderDetail {
  const head = ctx.sqlite.prepare<[number], SalesOrder>(`${selectSql} WHERE so.id = ?`).get(id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'salesOrder', id });
  const items = ctx.sqlite
    .prepare<[number, number], SalesOrderDetail['items'][number]>(
      `SELECT ch.id AS chargeId, ch.number AS chargeNumber, ch.status, ch.product_id AS productId, p.sku, p.name AS productName, ch.description,
              ch.quantity, ch.unit_price AS unitPrice, ch.picked, ch.delivered,
              coalesce(bought.ordered, 0) AS ordered, coalesce(bought.received, 0) AS received
       FROM charges ch LEFT JOIN (SELECT l.charge_id, sum(l.qty_ordered - l.qty_canceled) AS ordered, sum(l.qty_received) AS received
                                  FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
                                  WHERE l.charge_id IN (SELECT id FROM charges WHERE sales_order_id = ?) AND po.status <> 'canceled' GROUP BY l.charge_id) bought ON bought.charge_id = ch.id
       LEFT JOIN products p ON p.id = ch.product_id WHERE ch.sales_order_id = ? ORDER BY ch.id`,
    )
    .all(id, id);
  const history = ctx.sqlite
    .prepare<[number], Omit<SalesOrderDetail['history'][number], 'details'> & { details: string }>(
      `SELECT e.id, e.occurred_at AS occurredAt, u.display_name AS userName, e.type, e.from_state AS fromState, e.to_state AS toState, e.details
       FROM sales_order_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.sales_order_id = ? ORDER BY e.occurred_at DESC, e.id DESC`,
    )
    .all(id)
    .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
  return { ...head, items, history };
}

const sorts: SortColumns<'sales.listSalesOrders'> = { number: 'so.id', createdAt: 'so.created_at', companyName: 'co.name' };

export function listSalesOrders(ctx: Ctx, input: ParsedInput<'sales.listSalesOrders'>): ChannelOutput<'sales.listSalesOrders'> {
  const f = new Filters().equals('so.company_id', input.companyId).equals('so.container_id', input.containerId);
  if (input.statuses?.length) f.add(`so.status IN (${input.statuses.map(() => '?').join(', ')})`, ...input.statuses);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(so.number LIKE ? ESCAPE '\\' OR o.number LIKE ? ESCAPE '\\' OR o.title LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\')`, like, like, like, like);
  }
  return listPage(input, {
    sorts,
    defaultSort: { by: 'number', direction: 'desc' },
    rows: (q) => ctx.sqlite.prepare<unknown[], SalesOrder>(`${selectSql} ${f.where()} ORDER BY ${q.orderBy('so.id')} LIMIT ? OFFSET ?`).all(...f.params, q.limit, q.offset),
    count: () => countUpTo(ctx, `FROM sales_orders so JOIN opportunities o ON o.id = so.opportunity_id JOIN companies co ON co.id = so.company_id ${f.where()}`, f.params),
  });
}
