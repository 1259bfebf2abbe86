// Each user's notifications: the bell's unread count (one count through the partial index), the list,
// and marking read; a user's own settings; the e-mail outbox for administrators. A user reads and marks only their own.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Notification, OutboxMail } from '@shared/contract/notifications';
import { notificationSentence } from '@shared/notificationWords';
import { addressOrNull } from '../auth/users';
import { mailConfigured } from '../settings/settings';
import { countUpTo, listPage, type SortColumns } from '../paging';
import { prepared, type Actor, type Ctx } from '../context';

export function unreadCount(ctx: Ctx, actor: Actor): { unread: number } {
  return prepared<[number], { unread: number }>(ctx, `SELECT count(*) AS unread FROM notifications WHERE user_id = ? AND read_at IS NULL`).get(actor.userId)!;
}

const sorts: SortColumns<'notifications.list'> = { createdAt: 'id' };

interface Row {
  id: number;
  event: Notification['event'];
  details: string;
  createdAt: number;
  readAt: number | null;
}

/** What notify.ts stores: the first event's facts and whether it pops up, the action's other events, whether any pops up. */
type StoredDetails = Partial<Pick<Notification, 'documents' | 'count' | 'byName' | 'note'>> & {
  desktop?: boolean;
  anyDesktop?: boolean;
  also?: Array<Notification['also'][number] & { desktop?: boolean }>;
};

function toNotification(r: Row, d = JSON.parse(r.details) as StoredDetails): Notification {
  return {
    id: r.id,
    event: r.event,
    documents: d.documents ?? [],
    count: d.count ?? 0,
    byName: d.byName ?? null,
    note: d.note ?? null,
    createdAt: r.createdAt,
    readAt: r.readAt,
    // Whether any of its events pops up (rows of one event only carry `desktop`).
    desktop: (d.anyDesktop ?? d.desktop) !== false,
    also: (d.also ?? []).map((p) => ({ event: p.event, documents: p.documents, count: p.count, byName: p.byName, note: p.note })),
  };
}

export function listNotifications(ctx: Ctx, actor: Actor, input: ParsedInput<'notifications.list'>): ChannelOutput<'notifications.list'> {
  const where = `WHERE user_id = ?${input.unread ? ' AND read_at IS NULL' : ''}`;
  return listPage(input, {
    sorts,
    // Newest first whatever the direction asked, as a bell reads.
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) =>
      ctx.sqlite
        .prepare<unknown[], Row>(`SELECT id, event, details, created_at AS createdAt, read_at AS readAt FROM notifications ${where} ORDER BY ${q.orderBy('id')} LIMIT ? OFFSET ?`)
        .all(actor.userId, q.limit, q.offset)
        .map((r) => toNotification(r)),
    count: () => countUpTo(ctx, `FROM notifications ${where}`, [actor.userId]),
  });
}

export function markRead(ctx: Ctx, actor: Actor, input: ParsedInput<'notifications.markRead'>): { ok: true } {
  const now = ctx.now();
  if ('all' in input) {
    prepared(ctx, `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL`).run(now, actor.userId);
  } else {
    // Someone else's ids are simply not theirs to mark: nothing happens to them.
    ctx.sqlite
      .prepare(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${input.ids.map(() => '?').join(',')})`)
      .run(now, actor.userId, ...input.ids);
  }
  return { ok: true };
}

// A user's own settings --------------------------------------------------------------------------

export function mySettings(ctx: Ctx, actor: Actor): ChannelOutput<'notifications.mySettings'> {
  const row = prepared<[number], { email: string | null; language: string; emailMuted: number }>(
    ctx,
    `SELECT email, language, email_muted AS emailMuted FROM users WHERE id = ?`,
  ).get(actor.userId)!;
  return { email: row.email, language: row.language === 'en' ? 'en' : 'es', emailMuted: row.emailMuted === 1, mailConfigured: mailConfigured(ctx) };
}

export function saveMySettings(ctx: Ctx, actor: Actor, input: ParsedInput<'notifications.saveMySettings'>): ChannelOutput<'notifications.mySettings'> {
  if (input.email !== undefined) prepared(ctx, `UPDATE users SET email = ? WHERE id = ?`).run(addressOrNull(input.email), actor.userId);
  if (input.language !== undefined) prepared(ctx, `UPDATE users SET language = ? WHERE id = ?`).run(input.language, actor.userId);
  if (input.emailMuted !== undefined) prepared(ctx, `UPDATE users SET email_muted = ? WHERE id = ?`).run(input.emailMuted ? 1 : 0, actor.userId);
  return mySettings(ctx, actor);
}

// The outbox, as administrators see it --------------------------------------------------------------

/** A message's state from its times (mail_outbox has no status of its own). */
const outboxStateSql = `CASE WHEN m.sent_at IS NOT NULL THEN 'sent' WHEN m.given_up_at IS NOT NULL THEN 'failed' ELSE 'queued' END`;

/** Each state as a condition the partial indexes serve. */
const outboxStateWhere: Record<OutboxMail['status'], string> = {
  queued: 'm.sent_at IS NULL AND m.given_up_at IS NULL',
  failed: 'm.given_up_at IS NOT NULL',
  sent: 'm.sent_at IS NOT NULL',
};

const outboxSorts: SortColumns<'notifications.outbox'> = { createdAt: 'm.id' };

export function listOutbox(ctx: Ctx, input: ParsedInput<'notifications.outbox'>): ChannelOutput<'notifications.outbox'> {
  const where = input.status ? `WHERE ${outboxStateWhere[input.status]}` : '';
  const page = listPage(input, {
    sorts: outboxSorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) =>
      ctx.sqlite
        .prepare<unknown[], Omit<OutboxMail, 'nextAttemptAt'> & { nextAttemptAt: number }>(
          `SELECT m.id, m.to_address AS "to", u.display_name AS recipientName, m.subject, ${outboxStateSql} AS status, m.attempts, m.next_attempt_at AS nextAttemptAt,
             m.last_error AS lastError, m.created_at AS createdAt, m.sent_at AS sentAt
           FROM mail_outbox m LEFT JOIN users u ON u.id = m.user_id ${where} ORDER BY ${q.orderBy('m.id')} LIMIT ? OFFSET ?`,
        )
        .all(q.limit, q.offset)
        .map((r) => ({ ...r, nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt : null })),
    count: () => countUpTo(ctx, `FROM mail_outbox m ${where}`, []),
  });
  const counts = prepared<[], { waiting: number; failed: number }>(
    ctx,
    `SELECT (SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND given_up_at IS NULL) AS waiting, (SELECT count(*) FROM mail_outbox WHERE given_up_at IS NOT NULL) AS failed`,
  ).get()!;
  return { ...page, ...counts };
}

/** Queues given-up (or waiting) e-mails for an attempt now; their attempts start again. */
export function retryMail(ctx: Ctx, input: ParsedInput<'notifications.retryMail'>): { queued: number } {
  const now = ctx.now();
  const result =
    'all' in input
      ? prepared(ctx, `UPDATE mail_outbox SET given_up_at = NULL, attempts = 0, next_attempt_at = ? WHERE sent_at IS NULL`).run(now)
      : ctx.sqlite
          .prepare(`UPDATE mail_outbox SET given_up_at = NULL, attempts = 0, next_attempt_at = ? WHERE sent_at IS NULL AND id IN (${input.ids.map(() => '?').join(',')})`)
          .run(now, ...input.ids);
  return { queued: result.changes };
}

// Desktop pop-ups (the desktop app's main process shows them) -----------------------------------------

export interface DesktopNotice {
  id: number;
  title: string;
  body: string;
}

/**
 * The user's in-app notifications after `afterId` whose event pops up on the desktop, worded in the user's
 * language (the newest 20 at most, oldest of them first); `afterId` null asks only where the user's notifications stand now.
 */
export function desktopNoticesOf(ctx: Ctx, userId: number, afterId: number | null): { lastId: number; notices: DesktopNotice[] } {
  if (afterId === null) {
    return { lastId: prepared<[number], { id: number | null }>(ctx, `SELECT max(id) AS id FROM notifications WHERE user_id = ?`).get(userId)!.id ?? 0, notices: [] };
  }
  // The newest few (a long absence is the bell's to list), oldest of them first.
  const rows = prepared<[number, number], Row>(
    ctx,
    `SELECT id, event, details, created_at AS createdAt, read_at AS readAt FROM notifications WHERE user_id = ? AND id > ? ORDER BY id DESC LIMIT 20`,
  )
    .all(userId, afterId)
    .reverse();
  const language = prepared<[number], { language: string }>(ctx, `SELECT language FROM users WHERE id = ?`).get(userId)?.language === 'en' ? 'en' : 'es';
  const notices = rows.flatMap((r) => {
    const details = JSON.parse(r.details) as StoredDetails;
    const n = toNotification(r, details);
    // Each of the action's events that pops up, one line each (with its note).
    const parts = [{ ...n, desktop: details.desktop !== false }, ...n.also.map((p, i) => ({ ...p, desktop: details.also?.[i]?.desktop !== false }))];
    const lines = parts.filter((p) => p.desktop).map((p) => (p.note ? `${notificationSentence(language, p)}\n${p.note}` : notificationSentence(language, p)));
    return lines.length > 0 ? [{ id: n.id, title: 'MSP Inventory', body: lines.join('\n') }] : [];
  });
  return { lastId: rows.at(-1)?.id ?? afterId, notices };
}
