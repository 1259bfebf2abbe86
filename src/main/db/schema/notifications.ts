import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
