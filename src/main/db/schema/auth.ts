import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash — never the password itself. */
  passwordHash: text('password_hash').notNull(),
  /** JSON array of permission names. */
  permissions: text('permissions').notNull().default('[]'),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  /** Demo users carry a known password: serve refuses to listen beyond loopback while one exists. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
