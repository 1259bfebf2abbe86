import { z } from 'zod';
import { channel, empty, epochMs, id, ok, pageInput, pageOutput } from './define';
import type { Module } from './modules';

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
  'belowMinimum',
  'poOverdue',
  'backOrderAgeing',
  'vendorEmailFailed',
  'emailGivenUp',
  'rmaAuthorized',
  'rmaReceived',
  'rmaSentToVendor',
  'rmaBack',
  'rmaClosed',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/** Events never e-mailed: an e-mail given up is told in the app (telling it by e-mail could only fail the same way). */
export const neverEmailed: readonly NotificationEvent[] = ['emailGivenUp'];

/** A document a notification names: where its link leads. */
/** `mailOutbox`: a notification e-mail (its number is the address it was for). */
export const notifiedDocumentSchema = z.object({ type: z.enum(['charge', 'purchaseOrder', 'salesOrder', 'inventoryProduct', 'mailOutbox', 'rma']), id, number: z.string() });
export type NotifiedDocument = z.infer<typeof notifiedDocumentSchema>;

/** One more event of the same action for the same reader (a receipt: units received, and charges now ready). */
export const notificationPartSchema = z.object({
  event: z.enum(notificationEvents),
  documents: z.array(notifiedDocumentSchema),
  count: z.number().int(),
  byName: z.string().nullable(),
  note: z.string().nullable(),
});

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
  /** Its event pops up on the desktop (Admin › Notifications). */
  desktop: z.boolean(),
  /** The action's other events for this reader: one notification per reader per action. */
  also: z.array(notificationPartSchema),
});
export type Notification = z.infer<typeof notificationSchema>;

/**
 * Who an event can be told to. The document's people (approvers whose limit covers the amount, who raised
 * it, the technician — a ticket's owner —, the sales order's owner) come from the document; the purchasing
 * team and the administrators are whoever they are when it happens. Named users are added apart.
 */
export const recipientKinds = ['approvers', 'purchasingTeam', 'creator', 'technician', 'salesOrderOwner', 'administrators'] as const;
export type RecipientKind = (typeof recipientKinds)[number];

/** The recipients each event can name (the document has those people) and those it names until an administrator changes it. */
export const eventRecipients: Record<NotificationEvent, { offered: readonly RecipientKind[]; defaults: readonly RecipientKind[] }> = {
  approvalNeeded: { offered: ['approvers', 'purchasingTeam', 'administrators'], defaults: ['approvers'] },
  approved: { offered: ['creator', 'technician', 'salesOrderOwner', 'purchasingTeam', 'administrators'], defaults: ['creator'] },
  rejected: { offered: ['creator', 'technician', 'salesOrderOwner', 'purchasingTeam', 'administrators'], defaults: ['creator'] },
  itemsNeedOrdering: { offered: ['purchasingTeam', 'creator', 'technician', 'salesOrderOwner', 'administrators'], defaults: ['purchasingTeam'] },
  poSubmitted: { offered: ['purchasingTeam', 'technician', 'administrators'], defaults: ['purchasingTeam', 'technician'] },
  itemsReceived: { offered: ['technician', 'salesOrderOwner', 'creator', 'purchasingTeam', 'administrators'], defaults: ['technician', 'salesOrderOwner'] },
  readyToDeliver: { offered: ['technician', 'creator', 'salesOrderOwner', 'administrators'], defaults: ['technician'] },
  delivered: { offered: ['creator', 'technician', 'salesOrderOwner', 'administrators'], defaults: ['creator', 'salesOrderOwner'] },
  salesOrderFulfilled: { offered: ['salesOrderOwner', 'purchasingTeam', 'administrators'], defaults: ['salesOrderOwner'] },
  belowMinimum: { offered: ['purchasingTeam', 'administrators'], defaults: ['purchasingTeam'] },
  poOverdue: { offered: ['purchasingTeam', 'creator', 'technician', 'administrators'], defaults: ['purchasingTeam'] },
  backOrderAgeing: { offered: ['purchasingTeam', 'technician', 'salesOrderOwner', 'administrators'], defaults: ['purchasingTeam', 'technician'] },
  vendorEmailFailed: { offered: ['purchasingTeam', 'creator', 'administrators'], defaults: ['purchasingTeam'] },
  emailGivenUp: { offered: ['administrators', 'purchasingTeam'], defaults: ['administrators'] },
  // An RMA's creator is who opened it; its technician the ticket's owner the device was sold on.
  rmaAuthorized: { offered: ['creator', 'technician', 'purchasingTeam', 'administrators'], defaults: ['creator', 'technician'] },
  rmaReceived: { offered: ['creator', 'technician', 'purchasingTeam', 'administrators'], defaults: ['creator'] },
  rmaSentToVendor: { offered: ['creator', 'technician', 'purchasingTeam', 'administrators'], defaults: ['creator'] },
  rmaBack: { offered: ['creator', 'technician', 'purchasingTeam', 'administrators'], defaults: ['creator', 'technician'] },
  rmaClosed: { offered: ['creator', 'technician', 'purchasingTeam', 'administrators'], defaults: ['creator'] },
};

/**
 * The module each event belongs to: a module switched off (Admin › Activations) tells nothing of its
 * events, whose documents and queues are then hidden.
 */
export const eventModule: Record<NotificationEvent, Module | null> = {
  approvalNeeded: 'procurement',
  approved: 'procurement',
  rejected: 'procurement',
  itemsNeedOrdering: 'procurement',
  salesOrderFulfilled: 'procurement',
  poSubmitted: 'inventory',
  itemsReceived: 'inventory',
  readyToDeliver: 'inventory',
  delivered: 'inventory',
  belowMinimum: 'inventory',
  poOverdue: 'inventory',
  backOrderAgeing: 'inventory',
  vendorEmailFailed: 'inventory',
  // The office's own e-mail, whatever the modules.
  emailGivenUp: null,
  rmaAuthorized: 'rma',
  rmaReceived: 'rma',
  rmaSentToVendor: 'rma',
  rmaBack: 'rma',
  rmaClosed: 'rma',
};

/** How one event is told (Admin › Notifications). Desktop pop-ups announce in-app notifications, so they need them. */
export const eventSettingSchema = z
  .object({
    event: z.enum(notificationEvents),
    /** Off: the event is told to nobody, on no channel. */
    enabled: z.boolean(),
    inApp: z.boolean(),
    desktop: z.boolean(),
    email: z.boolean(),
    recipients: z.array(z.enum(recipientKinds)).max(recipientKinds.length),
    /** Users told besides the recipients above. */
    userIds: z.array(id).max(200),
  })
  .strict()
  .superRefine((s, issue) => {
    if (s.email && neverEmailed.includes(s.event)) issue.addIssue({ code: 'custom', path: ['email'], message: `${s.event} is never e-mailed` });
    const offered = eventRecipients[s.event].offered;
    s.recipients.forEach((r, i) => {
      if (!offered.includes(r)) issue.addIssue({ code: 'custom', path: ['recipients', i], message: `${s.event} cannot be told to ${r}` });
    });
  });
export type EventSetting = z.infer<typeof eventSettingSchema>;

/** A user's own notification settings. */
export const myNotificationSettingsSchema = z.object({
  email: z.string().nullable(),
  language: z.enum(['es', 'en']),
  emailMuted: z.boolean(),
  /** The office sends e-mail (an SMTP server is set in Admin › Settings). */
  mailConfigured: z.boolean(),
});

export const outboxStatuses = ['queued', 'sent', 'failed'] as const;

export const outboxMailSchema = z.object({
  id,
  to: z.string(),
  recipientName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  /** When it is tried next (queued ones). */
  nextAttemptAt: epochMs.nullable(),
  /** Why the last attempt failed: the SMTP server's words, without the password. */
  lastError: z.string().nullable(),
  createdAt: epochMs,
  sentAt: epochMs.nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

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
  'notifications.mySettings': channel({
    kind: 'query',
    reads: ['auth', 'settings'],
    summary: 'The signed-in user’s own notification settings: the address e-mails go to, the language they are written in, and whether the user muted them.',
    permission: 'signedIn',
    input: empty,
    output: myNotificationSettingsSchema,
  }),
  'notifications.saveMySettings': channel({
    kind: 'mutation',
    changes: ['auth'],
    summary: 'Changes the signed-in user’s own notification settings: their e-mail address, the language of their e-mails and desktop notifications (the screens send the one switched to), and muting e-mail.',
    permission: 'signedIn',
    input: z
      .object({
        email: z.union([z.literal(''), z.email().max(200)]).nullable().optional(),
        language: z.enum(['es', 'en']).optional(),
        emailMuted: z.boolean().optional(),
      })
      .strict(),
    output: myNotificationSettingsSchema,
  }),
  'notifications.settings': channel({
    kind: 'query',
    reads: ['settings'],
    summary: 'How each event is told: switched on or off, on which channels (in the app, desktop pop-up, e-mail), to which recipients and named users (admin only).',
    permission: 'admin',
    input: empty,
    output: z.array(eventSettingSchema),
  }),
  'notifications.saveSettings': channel({
    kind: 'mutation',
    changes: ['settings'],
    summary: 'Changes how events are told; events left out keep their settings (admin only). Named users must exist.',
    permission: 'admin',
    input: z.object({ events: z.array(eventSettingSchema).min(1).max(notificationEvents.length) }).strict(),
    output: z.array(eventSettingSchema),
  }),
  'notifications.outbox': channel({
    kind: 'query',
    reads: ['notifications'],
    summary: 'The e-mails of notifications, newest first: waiting (with the next attempt), sent, or given up with the SMTP server’s reason (admin only).',
    permission: 'admin',
    input: pageInput(z.enum(['createdAt']), { status: z.enum(outboxStatuses).optional() }),
    output: pageOutput(outboxMailSchema).extend({ waiting: z.number().int(), failed: z.number().int() }),
  }),
  'notifications.retryMail': channel({
    kind: 'mutation',
    changes: ['notifications'],
    summary: 'Sends given-up or waiting e-mails again now: those given, or every one not sent (admin only).',
    permission: 'admin',
    input: z.union([z.object({ ids: z.array(id).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    output: z.object({ queued: z.number().int() }),
  }),
};
