// Sends one message over SMTP and closes the connection: an office sends a few mails a day, so
// there is no pool. Every failure becomes DomainError('MAIL_FAILED', { reason, smtpCode? }) with a
// short technical reason a clerk can pass on to the admin; the password never appears in it.
import nodemailer from 'nodemailer';
import type { NodemailerError, SMTPTransportOptions } from 'nodemailer';
import { DomainError } from '@shared/errors';

export interface SmtpConfig {
  host: string;
  port: number;
  /** 'tls' = implicit TLS (usually 465), 'starttls' = upgrade required (usually 587), 'none' = plain text. */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string | null;
}

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string;
  attachments?: Array<{ filename: string; content: Uint8Array; contentType: string }>;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  /** Recipients the server refused while it accepted others; the message went to `accepted`. */
  rejected: string[];
}

/** Connecting, the greeting and DNS each get this long; an idle session three times as long. */
const defaultTimeoutMs = 10_000;

/**
 * Sends `mail` through the configured server. Throws SMTP_NOT_CONFIGURED without a host and
 * MAIL_FAILED when the server cannot be reached, refuses the login or refuses every recipient.
 */
export async function sendMail(config: SmtpConfig | null, mail: OutgoingMail, options: { timeoutMs?: number } = {}): Promise<SentMail> {
  if (!config?.host?.trim()) throw new DomainError('SMTP_NOT_CONFIGURED');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const transportOptions: SMTPTransportOptions = {
    host: config.host.trim(),
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    // Longer than the others: a server may go quiet for a while after DATA (virus scan) and then
    // accept; giving up then would have the clerk send the same order twice.
    socketTimeout: timeoutMs * 3,
    dnsTimeout: timeoutMs,
    logger: false,
  };
  const transport = nodemailer.createTransport(transportOptions);
  try {
    const info = await transport.sendMail({
      from: config.fromName ? { name: config.fromName, address: config.fromAddress } : config.fromAddress,
      to: mail.to,
      cc: mail.cc?.length ? mail.cc : undefined,
      replyTo: mail.replyTo ?? undefined,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
        contentType: a.contentType,
      })),
    });
    const accepted = info.accepted.map(String);
    const rejected = info.rejected.map(String);
    // nodemailer already fails when nobody was accepted; kept so that stays true whatever it does
    if (accepted.length === 0) {
      throw new DomainError('MAIL_FAILED', { reason: `recipient rejected: ${rejected.join(', ')}` }, 'no recipient was accepted');
    }
    return { messageId: info.messageId, accepted, rejected };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw toMailFailed(err as NodemailerError, config);
  } finally {
    transport.close();
  }
}

function toMailFailed(err: NodemailerError, config: SmtpConfig): DomainError {
  const details: Record<string, unknown> = { reason: failureReason(err, config) };
  if (err.responseCode) details.smtpCode = err.responseCode;
  return new DomainError('MAIL_FAILED', details, withoutPassword(String(err.message ?? err), config.password));
}

function failureReason(err: NodemailerError, config: SmtpConfig): string {
  const server = `${config.host.trim()}:${config.port}`;
  const systemCode = err.originalCode ?? '';
  switch (systemCode) {
    case 'ECONNREFUSED':
      return `connection refused by ${server}`;
    case 'ECONNRESET':
      return `connection reset by ${server}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `host unreachable: ${server}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host not found: ${config.host.trim()}`;
  }
  if (/^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(systemCode) || systemCode === 'EPROTO') {
    return `TLS failed with ${server} (${systemCode})`;
  }
  switch (err.code) {
    case 'EDNS':
      return `host not found: ${config.host.trim()}`;
    case 'ETIMEDOUT':
      if (err.timeoutType === 'CONNECT_TIMEOUT') return `timed out connecting to ${server}`;
      if (err.timeoutType === 'GREETING_TIMEOUT') return `timed out waiting for the greeting of ${server}`;
      return `timed out talking to ${server}`;
    case 'ETLS':
      return `TLS negotiation failed with ${server}`;
    case 'EAUTH':
      return 'authentication failed';
    case 'ENOAUTH':
      return 'authentication failed: no credentials';
    case 'EENVELOPE':
      if (err.command === 'MAIL FROM') {
        return err.responseCode === 530 ? 'authentication required' : `sender rejected: ${config.fromAddress}`;
      }
      if (err.rejected?.length) return `recipient rejected: ${err.rejected.join(', ')}`;
      return `invalid envelope: ${err.message}`;
    case 'EMESSAGE':
      return 'message rejected by the server';
    case 'EPROTOCOL':
      return `unexpected reply from ${server}`;
    case 'ECONNECTION':
    case 'ESOCKET':
      return `connection to ${server} failed${systemCode ? ` (${systemCode})` : ''}`;
  }
  return `sending failed (${err.code ?? 'unknown error'})`;
}

// Server replies may echo what the client sent; a password must not end up in an error or a log.
// Very short passwords are left alone: masking them would garble every other word of the text.
function withoutPassword(text: string, password: string | null): string {
  return password && password.length >= 4 ? text.split(password).join('***') : text;
}
