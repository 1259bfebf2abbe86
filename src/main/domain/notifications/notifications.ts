// Each user's notifications: the bell's unread count (one count through the partial index), the list,
// and marking read. A user reads and marks only their own.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Notification } from '@shared/contract/notifications';
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

function toNotification(r: Row): Notification {
  const d = JSON.parse(r.details) as Partial<Pick<Notification, 'documents' | 'count' | 'byName' | 'note'>>;
  return { id: r.id, event: r.event, documents: d.documents ?? [], count: d.count ?? 0, byName: d.byName ?? null, note: d.note ?? null, createdAt: r.createdAt, readAt: r.readAt };
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
        .map(toNotification),
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
