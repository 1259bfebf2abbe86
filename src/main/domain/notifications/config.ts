// How each event is told (Admin › Notifications): stored as one settings value, { [event]: setting };
// an event never saved is told as `defaultSetting` says (in the app, as a desktop pop-up and by e-mail,
// to its default recipients). Named users must exist when saved; one deactivated later is simply skipped.
import { eventRecipients, neverEmailed, notificationEvents, type EventSetting, type NotificationEvent } from '@shared/contract/notifications';
import { DomainError } from '@shared/errors';
import { prepared, type Ctx } from '../context';

const KEY = 'notifications';

export function defaultSetting(event: NotificationEvent): EventSetting {
  return { event, enabled: true, inApp: true, desktop: true, email: !neverEmailed.includes(event), recipients: [...eventRecipients[event].defaults], userIds: [] };
}

function stored(ctx: Ctx): Partial<Record<NotificationEvent, Partial<EventSetting>>> {
  const row = prepared<[string], { value: string }>(ctx, `SELECT value FROM settings WHERE key = ?`).get(KEY);
  return row ? (JSON.parse(row.value) as Partial<Record<NotificationEvent, Partial<EventSetting>>>) : {};
}

/** Every event's setting, in the contract's order. Stored recipients an event no longer offers are dropped. */
export function eventSettings(ctx: Ctx): EventSetting[] {
  const saved = stored(ctx);
  return notificationEvents.map((event) => {
    const s = { ...defaultSetting(event), ...saved[event], event };
    return { ...s, email: s.email && !neverEmailed.includes(event), recipients: s.recipients.filter((r) => eventRecipients[event].offered.includes(r)) };
  });
}

export function eventSettingMap(ctx: Ctx): Map<NotificationEvent, EventSetting> {
  return new Map(eventSettings(ctx).map((s) => [s.event, s]));
}

export function saveEventSettings(ctx: Ctx, events: readonly EventSetting[]): EventSetting[] {
  const seen = new Set<NotificationEvent>();
  for (const e of events) {
    if (seen.has(e.event)) throw new DomainError('VALIDATION', { field: 'events', event: e.event, reason: 'duplicate' });
    seen.add(e.event);
  }
  const named = [...new Set(events.flatMap((e) => e.userIds))];
  if (named.length > 0) {
    const found = new Set(
      ctx.sqlite
        .prepare<number[], { id: number }>(`SELECT id FROM users WHERE id IN (${named.map(() => '?').join(',')})`)
        .all(...named)
        .map((r) => r.id),
    );
    const missing = named.find((u) => !found.has(u));
    if (missing !== undefined) throw new DomainError('NOT_FOUND', { entity: 'user', id: missing });
  }
  const next = stored(ctx);
  for (const e of events) next[e.event] = { ...e, userIds: [...new Set(e.userIds)], recipients: [...new Set(e.recipients)] };
  prepared(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(KEY, JSON.stringify(next));
  return eventSettings(ctx);
}
