// Overdue marks on the procurement queues, computed in the lists' SELECT (never row by row in JS). An order
// is overdue while it is sent and not fully received (submitted or received partial) and its expected ship
// date is before today; a back order — units a vendor still owes on a partly received line — is overdue once
// the line's first receipt is older than the settings' back order overdue days. The SQL names two
// parameters, @today and @backOrderBefore, that overdueParams gives for the moment of the call.
import { localDay } from '@shared/formats';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';

const DAY_MS = 86_400_000;

/**
 * Today as the office's calendar day ('YYYY-MM-DD', as the contract's days are stored): the host's local
 * date of the injected clock, the day the documents are dated with (localDay). Days compare as text.
 */
export function officeToday(ctx: Ctx): string {
  return localDay(ctx.now());
}

export interface OverdueParams {
  today: string;
  /** A back order whose first receipt is older than this moment (epoch ms) is overdue. */
  backOrderBefore: number;
}

/** Both parameters now (the back order's reads the settings). */
export function overdueParams(ctx: Ctx): OverdueParams {
  // Strictly older than N days, as an approval waiting (approval.ts listApprovals).
  return { today: officeToday(ctx), backOrderBefore: ctx.now() - getSettings(ctx).backOrderOverdueDays * DAY_MS };
}

/**
 * Order `po` is sent, not fully received, and past its expected ship date: 0 or 1, never null. `today` is
 * the SQL for today's day: @today in a SELECT, `?` in a list's filter (its count binds positional
 * parameters only). As a filter it reads the open orders through purchase_orders_status_idx.
 */
export const orderOverdueSql = (today = '@today') => `(po.status IN ('submitted', 'receivedPartial') AND po.expected_ship_date IS NOT NULL AND po.expected_ship_date < ${today})`;

/** Line `l` of order `po` is expected by now: its order is overdue, or its own estimated arrival is before today. */
export const lineOverdueSql = `(${orderOverdueSql()} OR (l.receivable = 1 AND l.estimated_arrival IS NOT NULL AND l.estimated_arrival < @today))`;

/**
 * Line `l` has back-ordered units first received before @backOrderBefore: `receivable` is 1 exactly while
 * its order is sent and units are outstanding (ordered − canceled − received > 0), and something has been
 * received. The first receipt is the line's earliest posted one (a cancelled receipt took its units back),
 * through receipt_lines_po_line_idx.
 */
export const backOrderOverdueSql = `(l.receivable = 1 AND l.qty_received > 0 AND coalesce((SELECT min(r.created_at) FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id
  WHERE rl.po_line_id = l.id AND r.status = 'posted') < @backOrderBefore, 0))`;

/** Charge `ch` has a line bought for it whose back order is overdue (through po_lines_charge_idx). */
export const chargeBackOrderOverdueSql = `EXISTS (SELECT 1 FROM purchase_order_lines l WHERE l.charge_id = ch.id AND ${backOrderOverdueSql})`;
