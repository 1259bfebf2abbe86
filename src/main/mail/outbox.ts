// Sends the e-mails of notifications that actions left in the outbox (notify.ts), after those actions
// committed: nothing here runs inside an action, so a slow, absent or refusing SMTP server never delays or
// fails one. Each message is tried when due; a failure is recorded with the server's reason and tried
// again later (back-off), and after the last attempt it is given up — the administrators are told in the
// app, and Admin › Notifications shows it and can send it again. The outbox is a table: what was waiting when the app closed is sent after it opens.
import { DomainError } from '@shared/errors';
import { writeTransaction } from '../db/writeTransaction';
import type { Ctx } from '../domain/context';
import { discardNotices, flushNotices, notify, takeNotified } from '../domain/notifications/notify';
import { smtpConfig } from '../domain/settings/settings';
import type { AppLog } from '../log/appLog';
import { sendMail, type SmtpConfig } from './mailer';

/** How long after each failed attempt the next one is made; after the last, the message is given up. */
export const retryDelaysMs: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000, 12 * 60 * 60_000];

/** Messages taken per pass: a pass then looks again, so a long queue does not hold one snapshot. */
const BATCH = 20;

export interface OutboxSender {
  /** Sends what is due now, in the background (after an action queued mail, or on the timer). */
  kick(): void;
  /** Sends what is due now and resolves when nothing due is left; resolves at once to the running pass if one runs. */
  drain(): Promise<{ sent: number; failed: number }>;
  /** Looks for due messages every `pollMs` (retries come due with no action to kick them). */
  start(): void;
  stop(): void;
}

interface Due {
  id: number;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface OutboxDeps {
  ctx: Ctx;
  log: AppLog;
  /** A restore replaces the database: nothing is sent or written meanwhile. */
  inMaintenance: () => boolean;
  send?: typeof sendMail;
  pollMs?: number;
  /** Per-connection SMTP timeout (tests pass a short one). */
  timeoutMs?: number;
  /** Called after a pass that sent or failed something, with whom it notified: the host announces it (the outbox page and bells refresh). */
  onRecorded?: (notified: number[]) => void;
}

export function createOutboxSender(deps: OutboxDeps): OutboxSender {
  const { ctx, log } = deps;
  const send = deps.send ?? sendMail;
  let running: Promise<{ sent: number; failed: number }> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const usable = () => ctx.sqlite.open && !deps.inMaintenance();

  function dueNow(): Due[] {
    return ctx.sqlite
      .prepare<[number, number], Due>(
        `SELECT id, to_address AS "to", subject, body, attempts FROM mail_outbox WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .all(ctx.now(), BATCH);
  }

  function recordSent(id: number): void {
    writeTransaction(ctx.sqlite, () => {
      ctx.sqlite.prepare(`UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`).run(ctx.now(), id);
    });
  }

  function recordFailure(m: Due, reason: string): void {
    const attempts = m.attempts + 1;
    const delay = retryDelaysMs[attempts - 1];
    discardNotices(ctx);
    writeTransaction(ctx.sqlite, () => {
      const now = ctx.now();
      // Only over the attempt it made: an administrator's "Send again" meanwhile (attempts back to 0) stands.
      const changed = ctx.sqlite
        .prepare(`UPDATE mail_outbox SET given_up_at = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND attempts = ? AND sent_at IS NULL`)
        .run(delay === undefined ? now : null, attempts, now + (delay ?? 0), reason, m.id, m.attempts).changes;
      // Given up: the administrators are told in the app, with the server's reason.
      if (changed > 0 && delay === undefined) {
        notify(ctx, { event: 'emailGivenUp', document: { type: 'mailOutbox', id: m.id, number: m.to }, byUserId: null, note: reason });
        flushNotices(ctx);
      }
    });
  }

  async function pass(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (!usable()) break;
      const due = dueNow();
      if (due.length === 0) break;
      // Read once per batch: an administrator fixing the server mid-queue is heard on the next batch.
      let config: SmtpConfig | DomainError;
      try {
        config = smtpConfig(ctx);
      } catch (error) {
        config = error instanceof DomainError ? error : new DomainError('SMTP_NOT_CONFIGURED');
      }
      for (const m of due) {
        if (!usable()) return { sent, failed };
        let delivered = false;
        try {
          if (config instanceof DomainError) throw config;
          await send(config, { to: [m.to], subject: m.subject, text: m.body }, { timeoutMs: deps.timeoutMs });
          delivered = true;
        } catch (error) {
          if (!usable()) return { sent, failed };
          recordFailure(m, reasonOf(error));
          failed += 1;
        }
        // Recorded apart from the sending: a message the server took is never tried again because the
        // record of it failed (that would only leave it waiting, and the log says why).
        if (delivered) {
          if (!usable()) return { sent, failed };
          try {
            recordSent(m.id);
            sent += 1;
          } catch (error) {
            log.error('A sent notification e-mail could not be recorded as sent', error, { id: m.id });
            return { sent, failed };
          }
        }
      }
    }
    return { sent, failed };
  }

  function drain(): Promise<{ sent: number; failed: number }> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const total = { sent: 0, failed: 0 };
      try {
        do {
          again = false;
          const r = await pass();
          total.sent += r.sent;
          total.failed += r.failed;
        } while (again);
        if (total.sent + total.failed > 0) deps.onRecorded?.(takeNotified(ctx));
        return total;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    drain,
    kick() {
      drain().catch((error: unknown) => log.error('Sending the notification e-mails failed', error));
    },
    start() {
      if (timer) return;
      timer = setInterval(() => this.kick(), deps.pollMs ?? 60_000);
      timer.unref?.();
      this.kick();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof DomainError) {
    if (error.code === 'SMTP_NOT_CONFIGURED') return 'no SMTP server is set (Admin › Settings)';
    const reason = error.details.reason;
    const code = error.details.smtpCode;
    return `${typeof reason === 'string' ? reason : error.code}${typeof code === 'number' ? ` (SMTP ${code})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
