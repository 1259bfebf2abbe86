// A purchase order event (purchasing.history) as a sentence a clerk reads, with its particulars below
// it. The main process records facts (ids, amounts, ISO days); names and formats are chosen here.
import { approvalLimitText } from '@renderer/lib/approvalLimit';
import i18next, { type TFunction } from 'i18next';
import { poStatuses, type PoEvent } from '@shared/contract/purchasing';
import { errorCodes } from '@shared/errors';
import type { Formatter } from '@renderer/lib/format';

export interface HistoryContext {
  t: TFunction<readonly ['purchasing', 'common']>;
  f: Formatter;
  showCosts: boolean;
  companyName: (id: number) => string | undefined;
  locationName: (id: number) => string | undefined;
}

export interface EventText {
  text: string;
  details: string[];
}

/** Company changes carry the names as they were at the time (beforeName / afterName). */
type Change = { field: string; before: unknown; after: unknown; beforeName?: string | null; afterName?: string | null };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const moneyFields = new Set(['freight', 'unitCost']);

function value(c: HistoryContext, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return c.t('history.none');
  switch (field) {
    case 'vendorId':
    case 'purchaseForCompanyId':
      return typeof v === 'number' ? (c.companyName(v) ?? `#${v}`) : String(v);
    case 'locationId':
      return typeof v === 'number' ? (c.locationName(v) ?? `#${v}`) : String(v);
    case 'freight':
    case 'unitCost':
      return c.f.money(num(v));
    case 'qty':
      return c.f.qty(num(v));
    case 'expectedShipDate':
    case 'estimatedArrival':
      return c.f.day(str(v));
    default:
      // Addresses and memos span lines; one line reads better in a list of changes.
      return `«${String(v).replace(/\s*\n\s*/g, ', ')}»`;
  }
}

function changes(c: HistoryContext, raw: unknown): string[] {
  const items = Array.isArray(raw) ? (raw as Change[]) : [];
  return items.map((ch) => {
    const field = c.t(`history.fields.${ch.field}`, { defaultValue: ch.field });
    // Without costs.view an amount is not shown, only that it changed.
    if (moneyFields.has(ch.field) && !c.showCosts) return c.t('history.changedHidden', { field });
    const shown = (v: unknown, name: string | null | undefined) => (typeof name === 'string' ? name : value(c, ch.field, v));
    return c.t('history.change', { field, before: shown(ch.before, ch.beforeName), after: shown(ch.after, ch.afterName) });
  });
}

/** Whether a value read from an event's details is one of a known list (so it has a translation). */
function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** A failure reason is an error code when the app knows it, else the mail server's own words. */
function reasonText(reason: string): string {
  return isOneOf(errorCodes, reason) ? i18next.t(`errors:${reason}`) : reason;
}

export function describeEvent(e: PoEvent, c: HistoryContext): EventText {
  const d = e.details;
  const { t } = c;
  const details: string[] = [];
  const line = { lineNo: num(d.lineNo), sku: str(d.sku) };
  const withTotal = c.showCosts && typeof d.total === 'number';
  let text: string;
  switch (e.type) {
    case 'created':
      text = num(d.lines) > 0 ? t('history.events.createdWithLines', { count: num(d.lines) }) : t('history.events.created');
      break;
    case 'updated':
      text = t('history.events.updated');
      details.push(...changes(c, d.changes));
      break;
    case 'lineAdded':
      text = t('history.events.lineAdded', { ...line, qty: c.f.qty(num(d.qty)) });
      break;
    case 'lineUpdated':
      text = t('history.events.lineUpdated', line);
      details.push(...changes(c, d.changes));
      break;
    case 'lineRemoved':
      text = t('history.events.lineRemoved', { ...line, qty: c.f.qty(num(d.qty)) });
      break;
    case 'approvalRequested':
      text = withTotal ? t('history.events.approvalRequestedTotal', { total: c.f.money(num(d.total)) }) : t('history.events.approvalRequested');
      break;
    case 'approved':
    case 'rejected':
      text = withTotal ? t(`history.events.${e.type}Total`, { total: c.f.money(num(d.total)) }) : t(`history.events.${e.type}`);
      if (e.type === 'approved') {
        const limit = approvalLimitText(c.f, d);
        if (limit) text = `${text} · ${limit}`;
      }
      if (str(d.note)) details.push(t('history.note', { note: str(d.note) }));
      break;
    case 'submitted':
      text = t('history.events.submitted');
      break;
    case 'emailed':
    case 'emailFailed':
      text = t(`history.events.${e.type}`, { to: list(d.to).join(', ') });
      if (list(d.cc).length) details.push(t('history.cc', { cc: list(d.cc).join(', ') }));
      if (str(d.subject)) details.push(t('history.subject', { subject: str(d.subject) }));
      if (list(d.rejected).length) details.push(t('history.notAccepted', { addresses: list(d.rejected).join(', ') }));
      if (e.type === 'emailFailed' && str(d.reason)) details.push(t('history.reason', { reason: reasonText(str(d.reason)) }));
      break;
    case 'received':
    case 'receiptCanceled':
      text = t(`history.events.${e.type}`, { count: num(d.units), receipt: str(d.receiptNumber) });
      if (Array.isArray(d.lines)) details.push((d.lines as { sku?: unknown; qty?: unknown }[]).map((l) => `${c.f.qty(num(l.qty))} × ${str(l.sku)}`).join(' · '));
      if (str(d.reason)) details.push(t('history.reason', { reason: str(d.reason) }));
      break;
    case 'lineReduced':
      text = t('history.events.lineReduced', { ...line, count: num(d.qty) });
      if (str(d.reason)) details.push(t('history.reason', { reason: str(d.reason) }));
      break;
    case 'chargesAdded':
      text = t('history.events.chargesAdded', { count: num(d.lines) });
      if (list(d.charges).length) details.push(list(d.charges).join(', '));
      break;
    case 'canceled':
      text = t('history.events.canceled');
      if (str(d.reason)) details.push(t('history.reason', { reason: str(d.reason) }));
      break;
  }
  if (d.approvalReset === true) details.push(t('history.approvalReset'));
  // A receipt always moves the status; a reduction only matters when it closes the order.
  const movesStatus = e.type === 'received' || e.type === 'receiptCanceled' || (e.type === 'lineReduced' && (d.status === 'receivedFull' || d.status === 'canceled'));
  if (isOneOf(poStatuses, d.status) && movesStatus) {
    details.push(t('history.statusNow', { status: t(`status.${d.status}`).toLowerCase() }));
  }
  return { text, details };
}
