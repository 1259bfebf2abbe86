// Notifications are written in the same transaction as the action that causes them, once per recipient per
// action: services call `notify` as they go (a 1,000-line receipt calls it a thousand times) naming the
// document's people by kind, the event's setting (Admin › Notifications) picks whom of them to tell and on
// which channels, and the door flushes what was gathered just before the action commits, merging what
// concerns one reader into one row — an in-app notification and, for e-mail, one message in the outbox
// worded in the reader's language. An action that fails leaves nothing: its gathered notices are dropped
// with its transaction. The user who acted is never notified of their own action.
import { eventModule, type EventSetting, type NotificationEvent, type NotifiedDocument, type RecipientKind } from '@shared/contract/notifications';
import type { Activations } from '@shared/contract/modules';
import { notificationMail, type NotificationLanguage } from '@shared/notificationWords';
import { prepared, type Ctx } from '../context';
import { getActivations } from '../settings/activations';
import { mailConfigured } from '../settings/settings';
import { eventSettingMap } from './config';
import { administrators, purchasingTeam } from './recipients';

/** The document's own people, by kind; the office-wide kinds (purchasing team, administrators) are resolved here. */
export type DocumentPeople = Partial<Record<Exclude<RecipientKind, 'purchasingTeam' | 'administrators'>, ReadonlyArray<number | null>>>;

interface Notice {
  event: NotificationEvent;
  people?: DocumentPeople;
  document: NotifiedDocument;
  /** Who acted (not notified); null for the system (a condition the office should know of). */
  byUserId: number | null;
  note?: string | null;
}

interface Pending {
  userId: number;
  event: NotificationEvent;
  setting: EventSetting;
  documents: NotifiedDocument[];
  count: number;
  byUserId: number | null;
  note: string | null;
}

/** What one action gathered, and what it read once for all its notices. */
interface ActionNotices {
  pending: Map<string, Pending>;
  settings?: Map<NotificationEvent, EventSetting>;
  activations?: Activations;
  team?: number[];
  admins?: number[];
}

/** The documents a notification keeps by name; the rest are counted. */
const KEPT_DOCUMENTS = 20;

const gathered = new WeakMap<Ctx['sqlite'], ActionNotices>();

function actionNotices(ctx: Ctx): ActionNotices {
  let state = gathered.get(ctx.sqlite);
  if (!state) gathered.set(ctx.sqlite, (state = { pending: new Map() }));
  return state;
}

function recipientsOf(ctx: Ctx, state: ActionNotices, setting: EventSetting, people: DocumentPeople): number[] {
  const ids: number[] = [];
  for (const kind of setting.recipients) {
    if (kind === 'purchasingTeam') ids.push(...(state.team ??= purchasingTeam(ctx)));
    else if (kind === 'administrators') ids.push(...(state.admins ??= administrators(ctx)));
    else for (const u of people[kind] ?? []) if (u !== null) ids.push(u);
  }
  ids.push(...setting.userIds);
  return ids;
}

export function notify(ctx: Ctx, notice: Notice): void {
  const state = actionNotices(ctx);
  const setting = (state.settings ??= eventSettingMap(ctx)).get(notice.event)!;
  if (!setting.enabled || (!setting.inApp && !setting.email)) return;
  const module = eventModule[notice.event];
  if (module !== null && !(state.activations ??= getActivations(ctx))[module]) return;
  for (const userId of new Set(recipientsOf(ctx, state, setting, notice.people ?? {}))) {
    if (userId === notice.byUserId) continue;
    const key = `${userId}:${notice.event}`;
    const entry = state.pending.get(key);
    if (!entry) {
      state.pending.set(key, { userId, event: notice.event, setting, documents: [notice.document], count: 1, byUserId: notice.byUserId, note: notice.note ?? null });
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
 * announces, so their bells refresh and queued e-mails are sent. An I/O action's announcement may carry
 * another's recipients too, which only refreshes a bell early.
 */
export function takeNotified(ctx: Ctx): number[] {
  const users = notified.get(ctx.sqlite);
  notified.delete(ctx.sqlite);
  return users ? [...users] : [];
}

/**
 * Products that fell below their minimum during the action: the trigger on the below-minimum flag marked
 * them (migration 0023); told here, once, and marked told. Usually no row: one probe of a partial index.
 */
function tellProductsBelowMinimum(ctx: Ctx): void {
  const fallen = prepared<[], { id: number; sku: string; location: string }>(
    ctx,
    `SELECT ip.id, p.sku, l.name AS location FROM notification_marks m JOIN inventory_products ip ON ip.id = m.subject_id
     JOIN products p ON p.id = ip.product_id JOIN locations l ON l.id = ip.location_id WHERE m.kind = 'belowMin' AND m.told = 0`,
  ).all();
  if (fallen.length === 0) return;
  for (const f of fallen) notify(ctx, { event: 'belowMinimum', document: { type: 'inventoryProduct', id: f.id, number: `${f.sku} · ${f.location}` }, byUserId: null });
  prepared(ctx, `UPDATE notification_marks SET told = 1, created_at = ? WHERE kind = 'belowMin' AND told = 0`).run(ctx.now());
}

interface Reader {
  name: string;
  email: string | null;
  language: NotificationLanguage;
  emailMuted: number;
  active: number;
}

/** One event of a notification as stored in its details (notifications.ts reads them back). */
interface StoredPart {
  event: NotificationEvent;
  documents: NotifiedDocument[];
  count: number;
  byName: string | null;
  note: string | null;
  desktop: boolean;
}

/**
 * Writes what the action gathered, inside the action's transaction: per recipient one in-app row telling
 * every event of the action that is told in the app (the first, and `also` the others), and one queued
 * e-mail telling those e-mailed, when the office has an SMTP server and the reader has an address and did
 * not mute e-mail. Returns the recipients.
 */
export function flushNotices(ctx: Ctx): number[] {
  tellProductsBelowMinimum(ctx);
  const state = gathered.get(ctx.sqlite);
  gathered.delete(ctx.sqlite);
  if (!state || state.pending.size === 0) return [];
  const insert = prepared(ctx, `INSERT INTO notifications (user_id, event, document_type, document_id, details, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const queue = prepared(ctx, `INSERT INTO mail_outbox (user_id, event, to_address, subject, body, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const readerOf = prepared<[number], Reader>(ctx, `SELECT display_name AS name, email, language, email_muted AS emailMuted, active FROM users WHERE id = ?`);
  const nameOf = prepared<[number], { name: string }>(ctx, `SELECT display_name AS name FROM users WHERE id = ?`);
  const names = new Map<number, string | null>();
  const byNameOf = (userId: number | null) => {
    if (userId === null) return null;
    if (!names.has(userId)) names.set(userId, nameOf.get(userId)?.name ?? null);
    return names.get(userId)!;
  };
  const byReader = new Map<number, Pending[]>();
  for (const p of state.pending.values()) byReader.set(p.userId, [...(byReader.get(p.userId) ?? []), p]);
  const now = ctx.now();
  let mailOn: boolean | undefined;
  const recipients = new Set<number>();
  for (const [userId, pending] of byReader) {
    const reader = readerOf.get(userId);
    if (!reader || !reader.active) continue;
    const parts = pending.map((p) => ({
      part: { event: p.event, documents: p.documents, count: p.count, byName: byNameOf(p.byUserId), note: p.note, desktop: p.setting.desktop } satisfies StoredPart,
      setting: p.setting,
    }));
    const inApp = parts.filter((p) => p.setting.inApp).map((p) => p.part);
    if (inApp.length > 0) {
      const [first, ...also] = inApp;
      const document = first!.documents[0]!;
      insert.run(userId, first!.event, document.type, document.id, JSON.stringify({ ...first, also, anyDesktop: inApp.some((p) => p.desktop) }), now);
      recipients.add(userId);
    }
    const mailed = parts.filter((p) => p.setting.email).map((p) => p.part);
    if (mailed.length > 0 && reader.email && !reader.emailMuted && (mailOn ??= mailConfigured(ctx))) {
      const mail = notificationMail(reader.language === 'en' ? 'en' : 'es', reader.name, mailed);
      queue.run(userId, mailed[0]!.event, reader.email, mail.subject, mail.body, now, now);
      recipients.add(userId);
    }
  }
  // Told once the action commits; a rollback after this point (none today) would only refresh a bell.
  const told = notified.get(ctx.sqlite) ?? new Set<number>();
  for (const u of recipients) told.add(u);
  notified.set(ctx.sqlite, told);
  return [...recipients];
}
