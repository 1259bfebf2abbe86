// The return authorization of an RMA as a paper (PDF) and as an e-mail through the office SMTP server: read
// here into a plain document in one synchronous step, rendered and sent afterwards (no transaction is open
// while the server answers), the attempt written in the RMA's history in a short transaction of its own.
// In the reader's language: the client company's or the vendor's, else the caller's, else the office's.
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { localDay } from '@shared/formats';
import { letterheadOf } from '@main/documents/documentLayout';
import { renderRmaPdf, type RmaDocument } from '@main/documents/rmaPdf';
import { sendMail, type SmtpConfig } from '@main/mail/mailer';
import { addressLines, getCompany } from '../catalog/companies';
import { prepared, type Actor, type Ctx } from '../context';
import { getSettings, smtpConfig } from '../settings/settings';
import { OFFICE_LANGUAGE } from '../sales/deliveryDocuments';
import { rmaWorkflow } from './rmas';

type Audience = 'client' | 'vendor';

export function rmaDocument(ctx: Ctx, input: { id: number; audience: Audience; locale?: 'es' | 'en' }): RmaDocument {
  const row = rmaWorkflow.read(ctx, input.id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'rma', id: input.id });
  if (input.audience === 'vendor' && row.vendorId === null) throw new DomainError('VALIDATION', { fields: [{ path: 'vendorId', code: 'required' }] });
  const device = prepared<[number], { sku: string; productName: string; serial: string; deliveryNumber: string | null; vendorRmaNumber: string | null }>(
    ctx,
    `SELECT p.sku, p.name AS productName, d.serial_number AS serial, dl.number AS deliveryNumber, r.vendor_rma_number AS vendorRmaNumber
     FROM rmas r JOIN devices d ON d.id = r.device_id JOIN products p ON p.id = r.product_id LEFT JOIN deliveries dl ON dl.id = d.delivery_id WHERE r.id = ?`,
  ).get(row.id)!;
  const client = getCompany(ctx, row.companyId);
  const vendor = row.vendorId === null ? null : getCompany(ctx, row.vendorId);
  const reader = input.audience === 'vendor' ? vendor! : client;
  const settings = getSettings(ctx);
  return {
    locale: reader.language ?? input.locale ?? OFFICE_LANGUAGE,
    englishLocale: settings.englishLocale,
    letterhead: letterheadOf(settings),
    audience: input.audience,
    number: row.number,
    type: row.type,
    date: localDay(ctx.now()),
    client: { name: client.name, address: addressLines(client).join('\n') },
    vendor: vendor ? { name: vendor.name, address: addressLines(vendor).join('\n') } : null,
    vendorRmaNumber: device.vendorRmaNumber,
    device: { sku: device.sku, productName: device.productName, serial: device.serial, deliveryNumber: device.deliveryNumber },
    fault: row.fault,
  };
}

const filename = (number: string) => `${number.replace(/[^\w.-]+/g, '_')}.pdf`;

export async function renderRma(doc: RmaDocument): Promise<{ filename: string; base64: string }> {
  return { filename: filename(doc.number), base64: Buffer.from(await renderRmaPdf(doc)).toString('base64') };
}

type EmailInput = ParsedInput<'rma.email'>;
export interface PreparedRmaEmail {
  rmaId: number;
  doc: RmaDocument;
  config: SmtpConfig | null;
  refusal: DomainError | null;
}
export type RmaEmailOutcome = { sent: Awaited<ReturnType<typeof sendMail>> } | { failed: string; error: unknown };

export function prepareRmaEmail(ctx: Ctx, input: EmailInput): PreparedRmaEmail {
  const doc = rmaDocument(ctx, input);
  let config: SmtpConfig | null = null;
  let refusal: DomainError | null = null;
  try {
    config = smtpConfig(ctx);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refusal = error;
  }
  return { rmaId: input.id, doc, config, refusal };
}

/** Renders the PDF and talks to the SMTP server (no transaction may be open: this awaits). */
export async function sendRmaEmail(ready: PreparedRmaEmail, input: EmailInput, send: typeof sendMail = sendMail): Promise<RmaEmailOutcome> {
  if (!ready.config) return { failed: ready.refusal?.code ?? 'unknown', error: ready.refusal };
  const pdf = await renderRmaPdf(ready.doc);
  try {
    const sent = await send(ready.config, {
      to: input.to,
      cc: input.cc,
      replyTo: ready.doc.letterhead.email ?? null,
      subject: input.subject,
      text: input.message,
      attachments: [{ filename: filename(ready.doc.number), content: pdf, contentType: 'application/pdf' }],
    });
    return { sent };
  } catch (error) {
    return { failed: error instanceof DomainError ? String(error.details.reason ?? error.code) : 'unknown', error };
  }
}

/** Writes the attempt in the RMA's history (sent or failed): its own short transaction, after the I/O. */
export function recordRmaEmail(ctx: Ctx, actor: Actor, ready: PreparedRmaEmail, input: EmailInput, outcome: RmaEmailOutcome): void {
  const status = rmaWorkflow.read(ctx, ready.rmaId)!.status;
  const details = { audience: input.audience, to: input.to, cc: input.cc, subject: input.subject, ...('sent' in outcome ? { messageId: outcome.sent.messageId } : { reason: outcome.failed }) };
  prepared(ctx, `INSERT INTO rma_events (rma_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    ready.rmaId,
    ctx.now(),
    actor.userId,
    'sent' in outcome ? 'emailed' : 'emailFailed',
    status,
    status,
    JSON.stringify(details),
  );
}
