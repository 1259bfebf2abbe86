import { createServer, type Server } from 'node:net';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtpServer';
import { sendMail, type OutgoingMail, type SmtpConfig } from './mailer';

const servers: TestSmtpServer[] = [];
const netServers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(netServers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function smtp(options?: Parameters<typeof startTestSmtpServer>[0]): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
}

function configFor(port: number, overrides: Partial<SmtpConfig> = {}): SmtpConfig {
  return { host: '127.0.0.1', port, security: 'none', user: null, password: null, fromAddress: 'compras@msp.example', fromName: 'MSP Compras', ...overrides };
}

/** A port on 127.0.0.1 that nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A TCP server that accepts connections and never says a word. */
async function silentPort(): Promise<number> {
  const silent = createServer(() => undefined);
  netServers.push(silent);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  return (silent.address() as { port: number }).port;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const order: OutgoingMail = { to: ['ventas@vendor.example'], subject: 'Pedido PO-0001', text: 'Adjuntamos el pedido PO-0001.' };

describe('sendMail', () => {
  it('delivers subject, recipients, text and a byte-identical PDF attachment', async () => {
    const server = await smtp();
    const pdf = new Uint8Array([...Buffer.from('%PDF-1.7\n'), 0, 255, 128, 13, 10, ...Buffer.from('%%EOF\n')]);
    const sent = await sendMail(configFor(server.port), {
      ...order,
      cc: ['almacen@msp.example'],
      replyTo: 'juana@msp.example',
      subject: 'Pedido PO-0001 — Ñandú',
      attachments: [{ filename: 'PO-0001.pdf', content: pdf, contentType: 'application/pdf' }],
    });

    expect(sent.accepted).toEqual(['ventas@vendor.example', 'almacen@msp.example']);
    expect(sent.rejected).toEqual([]);
    expect(sent.messageId).toMatch(/^<.+@.+>$/);
    const [mail] = await server.waitForMessages(1);
    expect(mail).toMatchObject({ from: 'compras@msp.example', to: ['ventas@vendor.example', 'almacen@msp.example'], subject: 'Pedido PO-0001 — Ñandú' });
    expect(mail.text.trim()).toBe('Adjuntamos el pedido PO-0001.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'PO-0001.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(mail.attachments[0].content, Buffer.from(pdf))).toBe(0);
    const headers = await simpleParser(mail.raw);
    expect(headers.from?.value).toEqual([{ name: 'MSP Compras', address: 'compras@msp.example' }]);
    expect(headers.replyTo?.value[0].address).toBe('juana@msp.example');
    expect(headers.messageId).toBe(sent.messageId);
  });

  it('logs in when the server requires authentication', async () => {
    const server = await smtp({ user: 'compras', password: 's3cret-Passw0rd' });
    await sendMail(configFor(server.port, { user: 'compras', password: 's3cret-Passw0rd' }), order);
    expect((await server.waitForMessages(1))[0].subject).toBe('Pedido PO-0001');
  });

  it('reports a wrong password as an authentication failure without revealing the password', async () => {
    const server = await smtp({ user: 'compras', password: 's3cret-Passw0rd' });
    const err = await failure(sendMail(configFor(server.port, { user: 'compras', password: 'wrong-Passw0rd' }), order));
    expect(err.code).toBe('MAIL_FAILED');
    expect(err.details).toMatchObject({ reason: 'authentication failed', smtpCode: 535 });
    expect(JSON.stringify({ message: err.message, details: err.details })).not.toContain('wrong-Passw0rd');
    expect(server.messages).toHaveLength(0);
  });

  it('reports a missing login when the server requires one', async () => {
    const server = await smtp({ user: 'compras', password: 's3cret-Passw0rd' });
    const err = await failure(sendMail(configFor(server.port), order));
    expect(err.details).toMatchObject({ reason: 'authentication required', smtpCode: 530 });
  });

  it('fails fast with a refused connection when nothing listens on the port', async () => {
    const port = await closedPort();
    const started = Date.now();
    const err = await failure(sendMail(configFor(port), order));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.code).toBe('MAIL_FAILED');
    expect(err.details.reason).toBe(`connection refused by 127.0.0.1:${port}`);
  });

  it('names a host that does not resolve', async () => {
    const err = await failure(sendMail(configFor(25, { host: 'smtp.nonexistent.invalid' }), order, { timeoutMs: 3000 }));
    expect(err.details.reason).toBe('host not found: smtp.nonexistent.invalid');
  });

  it('gives up on a server that never greets once the timeout passes', async () => {
    const port = await silentPort();
    const started = Date.now();
    const err = await failure(sendMail(configFor(port), order, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.details.reason).toBe(`timed out waiting for the greeting of 127.0.0.1:${port}`);
  });

  it('refuses to send in the clear when STARTTLS is required but not offered', async () => {
    const server = await smtp();
    const err = await failure(sendMail(configFor(server.port, { security: 'starttls' }), order));
    expect(err.details.reason).toBe(`TLS negotiation failed with 127.0.0.1:${server.port}`);
    expect(server.messages).toHaveLength(0);
  });

  it('reports a plain-text server behind implicit TLS as a TLS failure', async () => {
    const server = await smtp();
    const err = await failure(sendMail(configFor(server.port, { security: 'tls' }), order, { timeoutMs: 2000 }));
    expect(err.details.reason).toMatch(new RegExp(`^TLS failed with 127\\.0\\.0\\.1:${server.port}`));
  });

  it('throws SMTP_NOT_CONFIGURED without a configuration or a host', async () => {
    expect((await failure(sendMail(null, order))).code).toBe('SMTP_NOT_CONFIGURED');
    expect((await failure(sendMail(configFor(25, { host: ' ' }), order))).code).toBe('SMTP_NOT_CONFIGURED');
  });

  it('fails naming the recipient when the server rejects every recipient', async () => {
    const server = await smtp({ rejectRecipients: ['nobody@vendor.example'] });
    const err = await failure(sendMail(configFor(server.port), { ...order, to: ['nobody@vendor.example'] }));
    expect(err.code).toBe('MAIL_FAILED');
    expect(err.details).toMatchObject({ reason: 'recipient rejected: nobody@vendor.example', smtpCode: 550 });
    expect(server.messages).toHaveLength(0);
  });

  it('delivers to the accepted recipients and lists the rejected ones', async () => {
    const server = await smtp({ rejectRecipients: ['nobody@vendor.example'] });
    const sent = await sendMail(configFor(server.port), { ...order, to: ['ventas@vendor.example', 'nobody@vendor.example'] });
    expect(sent).toMatchObject({ accepted: ['ventas@vendor.example'], rejected: ['nobody@vendor.example'] });
    expect((await server.waitForMessages(1))[0].to).toEqual(['ventas@vendor.example']);
  });
});
