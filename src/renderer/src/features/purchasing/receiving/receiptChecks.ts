// What the Receiving screen checks before posting, and which lines a refusal from the server is
// about. The server decides (it re-reads every line in the posting transaction); these checks only
// point at the line to fix before the clerk presses "Post receipt", and again after a refusal.
import type { ParseKeys } from 'i18next';
import type { ChannelInput } from '@shared/contract';
import type { OpenLine } from '@shared/contract/purchasing';
import { serialKey } from '@shared/serials';
import type { DraftLine } from './receiptDraft';

/** A translation key of the `purchasing` namespace and its values. */
export interface Message {
  key: ParseKeys<'purchasing'>;
  values?: Record<string, unknown>;
}

export interface LineIssues {
  qty?: Message;
  serials?: Message;
  invoice?: Message;
}

const wholeQty = (qty: number | string): number | null => (typeof qty === 'number' && Number.isInteger(qty) ? qty : null);

/** Serial numbers the serial uniqueness rule (per product) forbids on `lineId`: those entered on the receipt's other lines of that product. */
export function serialsElsewhere(lines: DraftLine[], lineId: number): string[] {
  const own = lines.find((d) => d.line.lineId === lineId);
  if (!own) return [];
  return lines.filter((d) => d.line.lineId !== lineId && d.line.productId === own.line.productId).flatMap((d) => d.serials);
}

/**
 * For each line, its serials that also appear on another line of the same product (or twice on it), in any
 * spelling: serials compare ignoring case and surrounding blanks, as the server compares them.
 */
export function duplicateSerials(lines: DraftLine[]): Map<number, string[]> {
  const seen = new Map<string, number>();
  const id = (productId: number, serial: string) => `${productId}\u0000${serialKey(serial)}`;
  for (const d of lines) for (const s of d.serials) seen.set(id(d.line.productId, s), (seen.get(id(d.line.productId, s)) ?? 0) + 1);
  const result = new Map<number, string[]>();
  for (const d of lines) {
    const repeated = [...new Set(d.serials.filter((s) => (seen.get(id(d.line.productId, s)) ?? 0) > 1))];
    if (repeated.length > 0) result.set(d.line.lineId, repeated);
  }
  return result;
}

/** What stops each line from being posted, by line id; an empty object when the receipt can be posted. */
export function checkReceipt(lines: DraftLine[], requireInvoice: boolean): Record<number, LineIssues> {
  const duplicates = duplicateSerials(lines);
  const issues: Record<number, LineIssues> = {};
  for (const d of lines) {
    const found: LineIssues = {};
    const qty = wholeQty(d.qty);
    if (qty === null || qty < 1) found.qty = { key: 'receiving.check.qtyRequired' };
    else if (qty > d.line.outstanding) found.qty = { key: 'receiving.check.qtyOver', values: { outstanding: d.line.outstanding } };
    const repeated = duplicates.get(d.line.lineId);
    if (repeated) found.serials = { key: 'receiving.check.duplicateSerials', values: { serials: repeated.join(', ') } };
    else if (d.line.serialized && qty !== null && qty >= 1 && d.serials.length !== qty) found.serials = { key: 'receiving.check.serialCount', values: { count: d.serials.length, qty } };
    if (requireInvoice && d.vendorInvoiceNumber.trim() === '') found.invoice = { key: 'receiving.check.invoiceRequired' };
    if (found.qty || found.serials || found.invoice) issues[d.line.lineId] = found;
  }
  return issues;
}

/**
 * The client a line can be received straight to: the charge's it buys for (the receipt then delivers the
 * charge), else the order's "purchase for" company; null when neither.
 */
export function clientOf(line: OpenLine): { id: number; name: string } | null {
  if (line.chargeCompanyId !== null) return { id: line.chargeCompanyId, name: line.chargeCompanyName ?? '' };
  if (line.purchaseForCompanyId !== null) return { id: line.purchaseForCompanyId, name: line.purchaseForName ?? '' };
  return null;
}

/** The `purchasing.receive` input for a checked draft. */
export function receiveInput(draft: { lines: DraftLine[]; freight: number | null; splitFreight: boolean; note: string }): ChannelInput<'purchasing.receive'> {
  const freight = draft.freight !== null && !Number.isNaN(draft.freight) ? draft.freight : 0;
  return {
    lines: draft.lines.map((d) => ({
      lineId: d.line.lineId,
      qty: wholeQty(d.qty) ?? 0,
      serials: d.line.serialized ? d.serials : undefined,
      destination: d.destination,
      locationId: d.destination === 'location' ? d.locationId : undefined,
      companyId: d.destination === 'customer' ? (clientOf(d.line)?.id ?? undefined) : undefined,
      vendorInvoiceNumber: d.vendorInvoiceNumber.trim() || null,
    })),
    freight,
    splitFreight: freight > 0 && draft.splitFreight,
    note: draft.note.trim() || null,
  };
}

/**
 * The lines a refusal of `purchasing.receive` is about, from the details the server sends (the PO
 * number, the SKU, the serials), and the serials to mark on them. Refusals that concern no line in
 * particular (a location deactivated meanwhile…) name none: the panel's alert says it all.
 */
export function linesConcerned(code: string, details: Record<string, unknown>, lines: DraftLine[]): { lineIds: number[]; serials: string[] } {
  const number = typeof details.number === 'string' ? details.number : null;
  const sku = typeof details.sku === 'string' ? details.sku : null;
  const serials = Array.isArray(details.serials) ? details.serials.filter((s): s is string => typeof s === 'string') : [];
  let hit: DraftLine[] = [];
  switch (code) {
    case 'DUPLICATE_SERIAL': {
      const keys = new Set(serials.map(serialKey));
      hit = lines.filter((d) => d.serials.some((s) => keys.has(serialKey(s))));
      break;
    }
    case 'OVER_RECEIPT':
      hit = lines.filter((d) => d.line.sku === sku && (number === null || d.line.orderNumber === number));
      break;
    case 'SERIAL_COUNT_MISMATCH':
    case 'SERIALS_NOT_ALLOWED':
      hit = lines.filter((d) => d.line.sku === sku && (code === 'SERIALS_NOT_ALLOWED' || d.serials.length !== wholeQty(d.qty)));
      break;
    case 'INVOICE_REQUIRED':
      hit = lines.filter((d) => d.line.orderNumber === number && d.vendorInvoiceNumber.trim() === '');
      break;
    case 'INVALID_TRANSITION':
      hit = lines.filter((d) => d.line.orderNumber === number);
      break;
    case 'NOT_FOUND':
      hit = details.entity === 'purchaseOrderLine' ? lines.filter((d) => d.line.lineId === details.id) : [];
      break;
    case 'VALIDATION':
      hit = lines.filter((d) => d.destination === 'customer' && clientOf(d.line) === null);
      break;
  }
  // The serials to mark as the clerk typed them on the lines (the server may name another spelling).
  const named = new Set(serials.map(serialKey));
  const marked = code === 'DUPLICATE_SERIAL' ? hit.flatMap((d) => d.serials.filter((s) => named.has(serialKey(s)))) : [];
  return { lineIds: hit.map((d) => d.line.lineId), serials: marked };
}
