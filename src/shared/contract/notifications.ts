import { z } from 'zod';
import { channel, empty, epochMs, id, ok, pageInput, pageOutput } from './define';

/**
 * What a notification is about (DOMAIN.md, Notifications). Each is written once per recipient per action;
 * the renderer words it in the reader's language from `event` and `details`.
 */
export const notificationEvents = [
  'approvalNeeded',
  'approved',
  'rejected',
  'itemsNeedOrdering',
  'poSubmitted',
  'itemsReceived',
  'readyToDeliver',
  'delivered',
  'salesOrderFulfilled',
  'vendorEmailFailed',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/** A document a notification names: where its link leads. */
export const notifiedDocumentSchema = z.object({ type: z.enum(['charge', 'purchaseOrder', 'salesOrder']), id, number: z.string() });
export type NotifiedDocument = z.infer<typeof notifiedDocumentSchema>;

export const notificationSchema = z.object({
  id,
  event: z.enum(notificationEvents),
  /** The documents of the action that concern the reader (the first few), and how many there were. */
  documents: z.array(notifiedDocumentSchema),
  count: z.number().int(),
  /** Who did it. */
  byName: z.string().nullable(),
  /** The rejection note, when there is one. */
  note: z.string().nullable(),
  createdAt: epochMs,
  readAt: epochMs.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsContract = {
  'notifications.unreadCount': channel({
    kind: 'query',
    reads: ['notifications'],
    summary: 'How many of the signed-in user’s notifications are unread (the bell’s count): one indexed count.',
    permission: 'signedIn',
    input: empty,
    output: z.object({ unread: z.number().int() }),
  }),
  'notifications.list': channel({
    kind: 'query',
    reads: ['notifications'],
    summary: 'The signed-in user’s notifications, newest first, optionally only the unread ones.',
    permission: 'signedIn',
    input: pageInput(z.enum(['createdAt']), { unread: z.boolean().optional() }),
    output: pageOutput(notificationSchema),
  }),
  'notifications.markRead': channel({
    kind: 'mutation',
    changes: ['notifications'],
    summary: 'Marks the signed-in user’s notifications read: those given, or all of them.',
    permission: 'signedIn',
    input: z.union([z.object({ ids: z.array(id).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    output: ok,
  }),
};
