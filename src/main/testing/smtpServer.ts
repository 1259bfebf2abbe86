// A real SMTP server on 127.0.0.1 for tests: plain text (no STARTTLS), optional AUTH PLAIN/LOGIN,
// optional recipients it refuses with 550. Each accepted message is parsed and kept in `messages`
// before the client gets its 250, so a test can inspect it as soon as sendMail resolves.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO): To and Cc alike. */
  to: string[];
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
  raw: Buffer;
}

export interface TestSmtpServer {
  port: number;
  host: '127.0.0.1';
  messages: ReceivedMail[];
  /** While on, every connection is refused with 421 (the server is there but will not take mail now). */
  setRefusing(on: boolean): void;
  /** Connections refused while refusing. */
  refused: number;
  /** Resolves with all messages once at least `n` have arrived; rejects after `timeoutMs` (5 s). */
  waitForMessages(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(
  options: { user?: string; password?: string; rejectRecipients?: string[] } = {},
): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
  const requireAuth = options.user !== undefined;
  const state = { refusing: false, refused: 0 };

  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !requireAuth,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: 1000,
    onConnect(_session, callback) {
      if (!state.refusing) {
        callback();
        return;
      }
      state.refused += 1;
      callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
    },
    onAuth(auth, _session, callback) {
      if (requireAuth && (auth.username !== options.user || auth.password !== (options.password ?? ''))) {
        callback(new Error('Invalid username or password'));
        return;
      }
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        callback(Object.assign(new Error(`Mailbox unavailable: ${address.address}`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
              raw,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('test SMTP server has no TCP port');

  return {
    port: address.port,
    host: '127.0.0.1',
    messages,
    setRefusing(on) {
      state.refusing = on;
    },
    get refused() {
      return state.refused;
    },
    async waitForMessages(n, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} message(s) within ${timeoutMs} ms, received ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages.slice();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
