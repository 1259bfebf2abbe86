import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash — never the password itself. */
  passwordHash: text('password_hash').notNull(),
  /** JSON array of permission names granted to the user directly (their roles add theirs). */
  permissions: text('permissions').notNull().default('[]'),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  /** Demo users carry a known password: serve refuses to listen beyond loopback while one exists. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Member of the purchasing team: works the procurement queues (and is notified of them). */
  purchasingTeam: integer('purchasing_team', { mode: 'boolean' }).notNull().default(false),
  /** The most this user approves (approval tiers); null = no limit. Administrators have none. */
  approvalLimitId: integer('approval_limit_id').references((): AnySQLiteColumn => approvalLimits.id),
  /** Where notifications are e-mailed; null = none by e-mail. */
  email: text('email'),
  /** The language the user's e-mails and desktop notifications are written in ('es' | 'en'); the screens follow their switch. */
  language: text('language').notNull().default('es'),
  /** The user switched notification e-mails off for themselves. */
  emailMuted: integer('email_muted', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

/**
 * Approval tiers: named limits ("Approver, up to 5,000 €", "Manager, up to 20,000 €"). One approval by a
 * user whose limit covers the amount clears a charge or a purchase order; amount null = no limit.
 */
export const approvalLimits = sqliteTable('approval_limits', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** Ten-thousandths of the home currency, as the approval threshold. */
  amount: integer('amount'),
  createdAt: integer('created_at').notNull(),
});

/**
 * Roles (security levels): named sets of permissions an administrator edits as a matrix. A user's
 * permissions are their own plus those of every role they hold; administrators hold every permission.
 * Built-in roles (a `key`) can be edited but not deleted.
 */
export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').unique(),
  name: text('name').notNull().unique(),
  /** JSON array of permission names. */
  permissions: text('permissions').notNull().default('[]'),
  createdAt: integer('created_at').notNull(),
});

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    roleId: integer('role_id').notNull().references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role_idx').on(t.roleId)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
