import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

/**
 * In-app notifications, one row per recipient per action (a 1,000-line receipt gives each person one row
 * listing what concerns them). `details` is JSON: the documents the action touched and what the message
 * needs to be written in the reader's language. Unread rows are counted through a partial index.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    event: text('event').notNull(),
    /** The document the notification leads to (the first, when it lists several). */
    documentType: text('document_type'),
    documentId: integer('document_id'),
    details: text('details').notNull().default('{}'),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_unread_idx').on(t.userId).where(sql`read_at IS NULL`)],
);

/**
 * E-mails of notifications waiting to be sent, sent, or given up: written in the action's transaction
 * (already worded in the recipient's language), sent after it commits and retried with back-off, so a
 * slow or refusing SMTP server never delays or fails the action. It lives in the database, so it
 * survives restarts and is in every backup.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id),
    /** The notification event it tells of. */
    event: text('event').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // Its state is its times (no workflow of its own): sent once sent_at is set, given up once
    // given_up_at is (after the last attempt), else waiting for next_attempt_at.
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    givenUpAt: integer('given_up_at'),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`sent_at IS NULL AND given_up_at IS NULL`),
    index('mail_outbox_given_up_idx').on(t.id).where(sql`given_up_at IS NOT NULL`),
  ],
);

/**
 * Conditions that are told once when they start (a PO overdue, a back order ageing, a product below its
 * minimum); the mark goes when the condition ends, so it is told again if it returns. A product falling
 * below its minimum is marked by a trigger on the below-minimum flag (migration 0023) with `told` 0, and
 * the action's notices pick it up before it commits.
 */
export const notificationMarks = sqliteTable(
  'notification_marks',
  {
    kind: text('kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    createdAt: integer('created_at').notNull(),
    told: integer('told').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId] }), index('notification_marks_untold_idx').on(t.kind).where(sql`told = 0`)],
);
