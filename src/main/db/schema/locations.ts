import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

export const locations = sqliteTable('locations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['warehouse', 'shelf', 'van', 'returns', 'vendor', 'customer', 'adjustment', 'scrap', 'transit'] }).notNull(),
  usage: text('usage', { enum: ['internal', 'virtual'] }).notNull(),
  ownerUserId: integer('owner_user_id').references(() => users.id),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /**
   * Whether its units can be reserved and picked. A returns shelf or a quarantine holds units (they count in
   * value, can be moved, counted and sent back) without offering them.
   */
  offersStock: integer('offers_stock', { mode: 'boolean' }).notNull().default(true),
  /**
   * The location that refills this one (a van from the main warehouse): reorder suggestions propose a
   * transfer from there, up to what it holds above its own minimum, before a purchase.
   */
  refillFromId: integer('refill_from_id').references((): AnySQLiteColumn => locations.id),
  address: text('address'),
  notes: text('notes'),
  createdAt: integer('created_at').notNull(),
});

/**
 * Location rights: the internal locations a user without `stock.anyLocation` may also work at, besides the
 * vans they own (domain/locations/rights.ts).
 */
export const locationGrants = sqliteTable(
  'location_grants',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    locationId: integer('location_id').notNull().references(() => locations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] }), index('location_grants_location_idx').on(t.locationId)],
);
