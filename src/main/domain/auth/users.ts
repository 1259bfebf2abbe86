// Users and sessions. Invariants: usernames are unique; there is always at least one active admin once
// set up; passwords are stored only as scrypt hashes; a session token maps to one active user.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { User } from '../../../shared/contract/auth';
import { permissions as allPermissions, type Permission } from '../../../shared/contract/define';
import { DomainError } from '../../../shared/errors';
import { users } from '../../db/schema';
import { inTransaction, type Actor, type Ctx } from '../context';
import { hashPassword, verifyPassword } from './password';

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    permissions: row.isAdmin ? [...allPermissions] : (JSON.parse(row.permissions) as Permission[]),
    isAdmin: row.isAdmin,
    active: row.active,
  };
}

export function toActor(user: User): Actor {
  return { userId: user.id, isAdmin: user.isAdmin, permissions: new Set(user.permissions) };
}

export function userCount(ctx: Ctx): number {
  return ctx.db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
}

export function getUser(ctx: Ctx, id: number): User {
  const row = ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'user', id });
  return toUser(row);
}

export function listUsers(ctx: Ctx): User[] {
  return ctx.db.select().from(users).orderBy(users.displayName).all().map(toUser);
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  permissions: Permission[];
  isAdmin: boolean;
  isDemo?: boolean;
}

export function createUser(ctx: Ctx, input: NewUser): User {
  const existing = ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`).get();
  if (existing) throw new DomainError('CONFLICT', { field: 'username', value: input.username });
  const row = ctx.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: hashPassword(input.password),
      permissions: JSON.stringify([...new Set(input.permissions)]),
      isAdmin: input.isAdmin,
      isDemo: input.isDemo ?? false,
      createdAt: ctx.now(),
    })
    .returning()
    .get();
  return toUser(row);
}

/** First start: create the admin. Refused once any user exists. */
export function setupFirstAdmin(ctx: Ctx, input: { username: string; displayName: string; password: string }): User {
  return inTransaction(ctx, () => {
    if (userCount(ctx) > 0) throw new DomainError('SETUP_DONE');
    return createUser(ctx, { ...input, permissions: [], isAdmin: true });
  });
}

export function updateUser(
  ctx: Ctx,
  input: { id: number; displayName: string; permissions: Permission[]; isAdmin: boolean; active: boolean },
): User {
  return inTransaction(ctx, () => {
    const current = getUser(ctx, input.id);
    const losesAdmin = current.isAdmin && current.active && (!input.isAdmin || !input.active);
    if (losesAdmin) {
      const admins = ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(sql`${users.isAdmin} = 1 AND ${users.active} = 1`).get()!.n;
      if (admins <= 1) throw new DomainError('CONFLICT', { reason: 'lastAdmin' });
    }
    ctx.db
      .update(users)
      .set({ displayName: input.displayName, permissions: JSON.stringify([...new Set(input.permissions)]), isAdmin: input.isAdmin, active: input.active })
      .where(eq(users.id, input.id))
      .run();
    return getUser(ctx, input.id);
  });
}

export function checkCredentials(ctx: Ctx, username: string, password: string): User {
  const row = ctx.db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).get();
  // Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
  const ok = verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || !row.active) throw new DomainError('INVALID_CREDENTIALS');
  return toUser(row);
}

export function changePassword(ctx: Ctx, userId: number, currentPassword: string, newPassword: string): void {
  const row = ctx.db.select().from(users).where(eq(users.id, userId)).get();
  if (!row || !verifyPassword(currentPassword, row.passwordHash)) throw new DomainError('INVALID_CREDENTIALS');
  ctx.db.update(users).set({ passwordHash: hashPassword(newPassword), isDemo: false }).where(eq(users.id, userId)).run();
}

/** Users whose password is publicly known (demo) — serve refuses to listen beyond loopback while any exist. */
export function demoUserCount(ctx: Ctx): number {
  return ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(sql`${users.isDemo} = 1 AND ${users.active} = 1`).get()!.n;
}

const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'));

/** In-memory sessions: a restart signs everyone out, which is acceptable for an office app. */
export class SessionStore {
  private readonly sessions = new Map<string, { userId: number; lastSeen: number }>();
  // Wall-clock time, not the domain clock: tests move the domain clock by days without signing out.
  constructor(
    private readonly idleMs = 12 * 60 * 60 * 1000,
    private readonly wallClock: () => number = Date.now,
  ) {}

  create(userId: number): string {
    const now = this.wallClock();
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: now });
    return token;
  }

  resolve(token: string | null | undefined): number | null {
    if (!token) return null;
    const now = this.wallClock();
    const s = this.sessions.get(token);
    if (!s) return null;
    if (now - s.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.userId;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }
}
