import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

export const locations = sqliteTable('locations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['warehouse', 'shelf', 'van', 'returns', 'vendor', 'customer', 'adjustment', 'scrap', 'transit'] }).notNull(),
  usage: text('usage', { enum: ['internal', 'virtual'] }).notNull(),
  ownerUserId: integer('owner_user_id').references(() => users.id),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  address: text('address'),
  notes: text('notes'),
  createdAt: integer('created_at').notNull(),
});
