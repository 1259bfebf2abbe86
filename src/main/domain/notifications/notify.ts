// Notifications are written in the same transaction as the action that causes them, once per recipient per
// action: services call `notify` as they go (a 1,000-line receipt calls it a thousand times), the door
// flushes what was gathered just before the action commits, merging what concerns one reader into one
// row. An action that fails leaves nothing: its gathered notices are dropped with its transaction. The
// user who acted is never notified of their own action.
import type { NotificationEvent, NotifiedDocument } from '@shared/contract/notifications';
import { prepared, type Ctx } from '../context';

interface Notice {
  event: NotificationEvent;
  recipients: readonly number[];
  document: NotifiedDocument;
  /** Who acted (not notified); null for the system. */
  byUserId: number | null;
  note?: string | null;
}

interface Pending {
  userId: number;
  event: NotificationEvent;
  documents: NotifiedDocument[];
  count: number;
  byUserId: number | null;
  note: string | null;
}

/** The documents a notification keeps by name; the rest are counted. */
const KEPT_DOCUMENTS = 20;

const gathered = new WeakMap<Ctx['sqlite'], Map<string, Pending>>();

export function notify(ctx: Ctx, notice: Notice): void {
  let pending = gathered.get(ctx.sqlite);
  if (!pending) gathered.set(ctx.sqlite, (pending = new Map()));
  for (const userId of new Set(notice.recipients)) {
    if (userId === notice.byUserId) continue;
    const key = `${userId}:${notice.event}`;
    const entry = pending.get(key);
    if (!entry) {
      pending.set(key, { userId, event: notice.event, documents: [notice.document], count: 1, byUserId: notice.byUserId, note: notice.note ?? null });
    } else if (!entry.documents.some((d) => d.type === notice.document.type && d.id === notice.document.id)) {
      entry.count += 1;
      if (entry.documents.length < KEPT_DOCUMENTS) entry.documents.push(notice.document);
    }
  }
}

/** Drops what an action that did not commit gathered (the door calls it as each action starts). */
export function discardNotices(ctx: Ctx): void {
  gathered.delete(ctx.sqlite);
}

/** Users notified by actions that committed since the host last announced a change (takeNotified). */
const notified = new WeakMap<Ctx['sqlite'], Set<number>>();

/**
 * Who was notified since the last call: the host adds the `notifications` area (and them) to the change it
 * announces, so their bells refresh. An I/O action's announcement may carry another's recipients too,
 * which only refreshes a bell early.
 */
export function takeNotified(ctx: Ctx): number[] {
  const users = notified.get(ctx.sqlite);
  notified.delete(ctx.sqlite);
  return users ? [...users] : [];
}

/** Writes what the action gathered, one row per recipient and event; inside the action's transaction. Returns the recipients. */
export function flushNotices(ctx: Ctx): number[] {
  const pending = gathered.get(ctx.sqlite);
  gathered.delete(ctx.sqlite);
  if (!pending || pending.size === 0) return [];
  const insert = prepared(ctx, `INSERT INTO notifications (user_id, event, document_type, document_id, details, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const nameOf = prepared<[number], { name: string }>(ctx, `SELECT display_name AS name FROM users WHERE id = ?`);
  const now = ctx.now();
  for (const p of pending.values()) {
    const byName = p.byUserId === null ? null : (nameOf.get(p.byUserId)?.name ?? null);
    const first = p.documents[0]!;
    insert.run(p.userId, p.event, first.type, first.id, JSON.stringify({ documents: p.documents, count: p.count, byName, note: p.note }), now);
  }
  const recipients = [...new Set([...pending.values()].map((p) => p.userId))];
  // Told once the action commits; a rollback after this point (none today) would only refresh a bell.
  const told = notified.get(ctx.sqlite) ?? new Set<number>();
  for (const u of recipients) told.add(u);
  notified.set(ctx.sqlite, told);
  return recipients;
}
