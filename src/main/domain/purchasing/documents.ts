// The purchase order sent to the vendor: the PDF and the e-mail that carries it. Both read the order in
// a synchronous step, then do their I/O outside any transaction; every e-mail attempt, sent or failed,
// is recorded on the order afterwards in a short transaction of its own (a failure changes nothing else). The approval gate decides both:
// an order it holds back is never e-mailed, and its PDF is a draft marked as such on every page.
import { notify } from '../notifications/notify';
import { orderCreator } from '../notifications/recipients';
import { letterheadOf } from '@main/documents/documentLayout';
import { renderPurchaseOrderPdf, type PurchaseOrderDocument } from '@main/documents/purchaseOrderPdf';
import { sendMail, type SmtpConfig } from '@main/mail/mailer';
import { DomainError } from '@shared/errors';
import { localDay } from '@shared/formats';
import { type Actor, type Ctx } from '../context';
import { getSettings, smtpConfig } from '../settings/settings';
import { requireEditable } from '../workflow/transitions';
import { approvalGate, requireApprovalCleared } from './approval';
import { recordPoEvent } from './orderHistory';
import { requireOrder } from './orderReads';
import { orderWorkflow } from './orderStatus';

function joinAddress(parts: (string | null)[]): string {
  return parts.filter((p) => p && p.trim()).join('\n');
}

/** The order as the PDF prints it, always with costs (only purchasing users can render it). */
export function purchaseOrderDocument(ctx: Ctx, id: number, locale: 'es' | 'en'): PurchaseOrderDocument {
  const order = requireOrder(ctx, id);
  const { cleared } = approvalGate(ctx, order);
  const settings = getSettings(ctx);
  const head = ctx.sqlite
    .prepare<[number], Record<string, string | number | null> & { createdAt: number; submittedAt: number | null; freight: number }>(
      `SELECT po.created_at AS createdAt, po.submitted_at AS submittedAt, po.ship_to_name AS shipToName, po.ship_to_address AS shipToAddress, po.shipping_type AS shippingType,
              po.expected_ship_date AS expectedShipDate, po.payment_terms AS paymentTerms, po.memo, po.freight, pf.name AS purchaseFor,
              v.name AS vendorName, v.email AS vendorEmail, v.phone AS vendorPhone, v.address1, v.address2, v.postal_code AS postalCode, v.city, v.state, v.country
       FROM purchase_orders po JOIN companies v ON v.id = po.vendor_id LEFT JOIN companies pf ON pf.id = po.purchase_for_company_id WHERE po.id = ?`,
    )
    .get(order.id)!;
  const lines = ctx.sqlite
    .prepare<[number], { sku: string; description: string; vendorPartNumber: string | null; qty: number; unitCost: number }>(
      `SELECT p.sku, l.description, l.vendor_part_number AS vendorPartNumber, l.qty_ordered - l.qty_canceled AS qty, l.unit_cost AS unitCost
       FROM purchase_order_lines l JOIN products p ON p.id = l.product_id WHERE l.po_id = ? AND l.qty_ordered > l.qty_canceled ORDER BY l.line_no`,
    )
    .all(order.id);
  const withAmounts = lines.map((l) => ({ ...l, extended: l.qty * l.unitCost }));
  const subtotal = withAmounts.reduce((s, l) => s + l.extended, 0);
  const str = (v: string | number | null | undefined) => (typeof v === 'string' && v.trim() ? v : null);
  return {
    locale,
    englishLocale: settings.englishLocale,
    draft: !cleared,
    currency: settings.currency,
    letterhead: letterheadOf(settings),
    number: order.number,
    // The office's day (the host runs in the office's time zone), not UTC's: an order submitted at 00:30
    // in Madrid is dated that day.
    date: localDay(head.submittedAt ?? head.createdAt),
    vendor: {
      name: String(head.vendorName),
      address: joinAddress([str(head.address1), str(head.address2), [str(head.postalCode), str(head.city)].filter(Boolean).join(' ') || null, str(head.state), str(head.country)]),
      email: str(head.vendorEmail),
      phone: str(head.vendorPhone),
    },
    shipTo: {
      name: str(head.shipToName) ?? settings.companyName,
      address: str(head.shipToAddress) ?? (settings.defaultShipToAddress || settings.companyAddress),
    },
    purchaseFor: str(head.purchaseFor),
    shippingType: str(head.shippingType),
    expectedShipDate: str(head.expectedShipDate),
    paymentTerms: str(head.paymentTerms),
    memo: str(head.memo),
    lines: withAmounts,
    subtotal,
    freight: head.freight,
    total: subtotal + head.freight,
  };
}

const DRAFT_SUFFIX = { es: 'BORRADOR', en: 'DRAFT' } as const;

/** "PO-1001.pdf"; a draft is named as one ("PO-1001-DRAFT.pdf"), so a saved copy is not taken for the order. */
export function pdfFilename(number: string, draft: { locale: 'es' | 'en' } | null = null): string {
  return `${number.replace(/[^\w.-]+/g, '_')}${draft ? `-${DRAFT_SUFFIX[draft.locale]}` : ''}.pdf`;
}

/** The PDF of a document read beforehand (`purchaseOrderDocument`): rendering awaits, so it reads nothing itself. */
export async function renderOrderPdf(doc: PurchaseOrderDocument): Promise<{ filename: string; base64: string }> {
  const bytes = await renderPurchaseOrderPdf(doc);
  return { filename: pdfFilename(doc.number, doc.draft ? doc : null), base64: Buffer.from(bytes).toString('base64') };
}

export interface OrderEmailInput {
  id: number;
  to: string[];
  cc: string[];
  subject: string;
  message: string;
  locale: 'es' | 'en';
}

/** What sending needs, read in one synchronous step; `refusal` when the SMTP settings are unusable. */
export interface PreparedOrderEmail {
  orderId: number;
  number: string;
  doc: PurchaseOrderDocument;
  config: SmtpConfig | null;
  refusal: DomainError | null;
}

/** How an attempt ended; a failure carries the error the caller answers with once it is recorded. */
export type OrderEmailOutcome = { sent: Awaited<ReturnType<typeof sendMail>> } | { failed: string; error: unknown };

/**
 * Checks the order may be e-mailed and reads what the message carries. A refused order (not editable, not
 * approved) throws: a refusal, not a failed attempt, so nothing is recorded. Unusable SMTP settings are a
 * failed attempt: returned as `refusal`, recorded by `recordOrderEmail`, then thrown.
 */
export function prepareOrderEmail(ctx: Ctx, input: OrderEmailInput): PreparedOrderEmail {
  const order = requireOrder(ctx, input.id);
  requireEditable(orderWorkflow, order, 'email');
  requireApprovalCleared(ctx, order, 'email');
  let config: SmtpConfig | null = null;
  let refusal: DomainError | null = null;
  try {
    config = smtpConfig(ctx);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refusal = error;
  }
  return { orderId: order.id, number: order.number, doc: purchaseOrderDocument(ctx, order.id, input.locale), config, refusal };
}

/** Renders the PDF and talks to the SMTP server (no transaction may be open: this awaits). */
export async function sendOrderEmail(prepared: PreparedOrderEmail, input: OrderEmailInput, send: typeof sendMail = sendMail): Promise<OrderEmailOutcome> {
  if (!prepared.config) return { failed: prepared.refusal?.code ?? 'unknown', error: prepared.refusal };
  const pdf = await renderPurchaseOrderPdf(prepared.doc);
  try {
    const sent = await send(prepared.config, {
      to: input.to,
      cc: input.cc,
      replyTo: prepared.doc.letterhead.email ?? null,
      subject: input.subject,
      text: input.message,
      attachments: [{ filename: pdfFilename(prepared.number), content: pdf, contentType: 'application/pdf' }],
    });
    return { sent };
  } catch (error) {
    return { failed: error instanceof DomainError ? String(error.details.reason ?? error.code) : 'unknown', error };
  }
}

/** Writes the attempt on the order's history (sent or failed): its own short transaction, after the I/O. */
export function recordOrderEmail(ctx: Ctx, actor: Actor, prepared: PreparedOrderEmail, input: OrderEmailInput, outcome: OrderEmailOutcome): void {
  const recipients = { to: input.to, cc: input.cc, subject: input.subject };
  if ('sent' in outcome) recordPoEvent(ctx, prepared.orderId, actor.userId, 'emailed', { ...recipients, messageId: outcome.sent.messageId, rejected: outcome.sent.rejected });
  else {
    recordPoEvent(ctx, prepared.orderId, actor.userId, 'emailFailed', { ...recipients, reason: outcome.failed });
    notify(ctx, { event: 'vendorEmailFailed', people: { creator: [orderCreator(ctx, prepared.orderId)] }, document: { type: 'purchaseOrder', id: prepared.orderId, number: prepared.number }, byUserId: actor.userId, note: outcome.failed });
  }
}
