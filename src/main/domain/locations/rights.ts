// Location rights. A user without `stock.anyLocation` (administrators hold every permission) works only at
// the vans they own and the internal locations granted to them: units leave such a location only through
// them (the ledger checks every move's source, so a transfer, removal, delivery, count, reversal or
// cancelled receipt is refused alike), and they pick, reserve and count only there. Units may still be
// sent *to* any location, and virtual locations (Vendor, Customer, in transit) are nobody's.
import { DomainError } from '@shared/errors';
import { prepared, type Ctx } from '../context';

interface RightRow {
  name: string;
  usage: 'internal' | 'virtual';
  allowed: number;
}

/** Whether the user may work at the location (true for virtual locations). */
export function mayWorkAt(ctx: Ctx, userId: number, locationId: number): RightRow | undefined {
  return prepared<[number, number], RightRow>(
    ctx,
    `SELECT l.name, l.usage,
            (u.is_admin = 1 OR instr(u.permissions, '"stock.anyLocation"') > 0 OR l.owner_user_id = u.id
             OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND instr(r.permissions, '"stock.anyLocation"') > 0)
             OR EXISTS (SELECT 1 FROM location_grants g WHERE g.user_id = u.id AND g.location_id = l.id)) AS allowed
     FROM locations l, users u WHERE u.id = ? AND l.id = ?`,
  ).get(userId, locationId);
}

/** Refuses, naming the location, when the user may not work at it (LOCATION_FORBIDDEN). */
export function requireLocationRight(ctx: Ctx, userId: number | null, locationId: number): void {
  if (userId === null) return;
  const row = mayWorkAt(ctx, userId, locationId);
  if (!row || row.usage !== 'internal' || row.allowed === 1) return;
  throw new DomainError('LOCATION_FORBIDDEN', { locationId, name: row.name });
}

/** The check for a batch of moves: each (user, source) pair once. */
export function requireSourceRights(ctx: Ctx, moves: readonly { userId: number | null; from: number }[]): void {
  const seen = new Set<string>();
  for (const m of moves) {
    if (m.userId === null) continue;
    const key = `${m.userId}:${m.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    requireLocationRight(ctx, m.userId, m.from);
  }
}

/** The internal locations granted to a user (besides their vans). */
export function grantsOf(ctx: Ctx, userId: number): number[] {
  return prepared<[number], { id: number }>(ctx, `SELECT location_id AS id FROM location_grants WHERE user_id = ? ORDER BY location_id`)
    .all(userId)
    .map((r) => r.id);
}

/** Replaces the locations granted to a user; each must be an internal location. */
export function setGrants(ctx: Ctx, userId: number, locationIds: readonly number[]): void {
  const unique = [...new Set(locationIds)];
  for (const id of unique) {
    const row = prepared<[number], { usage: string; name: string }>(ctx, `SELECT usage, name FROM locations WHERE id = ?`).get(id);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
    if (row.usage !== 'internal') throw new DomainError('LOCATION_VIRTUAL', { locationId: id, name: row.name });
  }
  prepared(ctx, `DELETE FROM location_grants WHERE user_id = ?`).run(userId);
  const insert = prepared(ctx, `INSERT INTO location_grants (user_id, location_id) VALUES (?, ?)`);
  for (const id of unique) insert.run(userId, id);
}
