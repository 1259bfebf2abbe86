// Users and sessions. Invariants: usernames are unique; there is always at least one active admin once
// set up; passwords are stored only as scrypt hashes; a session token maps to one active user.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { User } from '@shared/contract/auth';
import { permissions as allPermissions, type Permission } from '@shared/contract/define';
import { DomainError } from '@shared/errors';
import { users } from '@main/db/schema';
import { type Actor, type Ctx } from '../context';
import { grantsOf, setGrants } from '../locations/rights';
import { requireApprovalLimit } from '../purchasing/approvalLimits';
import { rolesOf, setRoles } from './roles';
import { unmatchableHashFor, verifyPassword } from './password';
import type { SignInThrottle } from './throttle';

type UserRow = typeof users.$inferSelect;

/** What a user holds besides their own row: granted locations and roles. */
interface UserExtras {
  locationIds: number[];
  roleIds: number[];
  rolePermissions: Permission[];
}

export function toUser(row: UserRow, extras: UserExtras): User {
  const own = JSON.parse(row.permissions) as Permission[];
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    // Their own and their roles' (in the contract's order), or every permission for an administrator.
    permissions: row.isAdmin ? [...allPermissions] : allPermissions.filter((p) => own.includes(p) || extras.rolePermissions.includes(p)),
    ownPermissions: own,
    roleIds: extras.roleIds,
    isAdmin: row.isAdmin,
    active: row.active,
    purchasingTeam: row.purchasingTeam,
    approvalLimitId: row.approvalLimitId,
    locationIds: extras.locationIds,
    email: row.email,
    language: row.language === 'en' ? 'en' : 'es',
  };
}

function extrasOf(ctx: Ctx, userId: number): UserExtras {
  const roles = rolesOf(ctx, userId);
  return { locationIds: grantsOf(ctx, userId), roleIds: roles.roleIds, rolePermissions: roles.permissions };
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
  return toUser(row, extrasOf(ctx, row.id));
}

export function listUsers(ctx: Ctx): User[] {
  return ctx.db
    .select()
    .from(users)
    .orderBy(users.displayName)
    .all()
    .map((row) => toUser(row, extrasOf(ctx, row.id)));
}

export interface NewUser {
  username: string;
  displayName: string;
  /** From `hashPassword`, computed before the write: hashing is asynchronous, writes are not. */
  passwordHash: string;
  permissions: Permission[];
  isAdmin: boolean;
  isDemo?: boolean;
  locationIds?: number[];
  roleIds?: number[];
  purchasingTeam?: boolean;
  approvalLimitId?: number | null;
  email?: string | null;
  language?: 'es' | 'en';
}

/** '' and null both mean no address. */
export function addressOrNull(email: string | null | undefined): string | null {
  const trimmed = email?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function createUser(ctx: Ctx, input: NewUser): User {
  const existing = ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`).get();
  if (existing) throw new DomainError('CONFLICT', { field: 'username', value: input.username });
  requireApprovalLimit(ctx, input.approvalLimitId ?? null);
  const row = ctx.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      permissions: JSON.stringify([...new Set(input.permissions)]),
      isAdmin: input.isAdmin,
      isDemo: input.isDemo ?? false,
      purchasingTeam: input.purchasingTeam ?? false,
      approvalLimitId: input.approvalLimitId ?? null,
      email: addressOrNull(input.email),
      language: input.language ?? 'es',
      createdAt: ctx.now(),
    })
    .returning()
    .get();
  setGrants(ctx, row.id, input.locationIds ?? []);
  setRoles(ctx, row.id, input.roleIds ?? []);
  return toUser(row, extrasOf(ctx, row.id));
}

/** First start: create the admin. Refused once any user exists. */
export function setupFirstAdmin(ctx: Ctx, input: { username: string; displayName: string; passwordHash: string }): User {
  if (userCount(ctx) > 0) throw new DomainError('SETUP_DONE');
  return createUser(ctx, { ...input, permissions: [], isAdmin: true });
}

export function updateUser(
  ctx: Ctx,
  input: {
    id: number;
    displayName: string;
    permissions: Permission[];
    isAdmin: boolean;
    active: boolean;
    locationIds?: number[];
    roleIds?: number[];
    purchasingTeam?: boolean;
    approvalLimitId?: number | null;
    email?: string | null;
    language?: 'es' | 'en';
  },
): User {
  const current = getUser(ctx, input.id);
  if (input.approvalLimitId !== undefined) requireApprovalLimit(ctx, input.approvalLimitId);
  const losesAdmin = current.isAdmin && current.active && (!input.isAdmin || !input.active);
  if (losesAdmin) {
    const admins = ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(sql`${users.isAdmin} = 1 AND ${users.active} = 1`).get()!.n;
    if (admins <= 1) throw new DomainError('CONFLICT', { reason: 'lastAdmin' });
  }
  ctx.db
    .update(users)
    .set({
      displayName: input.displayName,
      permissions: JSON.stringify([...new Set(input.permissions)]),
      isAdmin: input.isAdmin,
      active: input.active,
      ...(input.purchasingTeam === undefined ? {} : { purchasingTeam: input.purchasingTeam }),
      ...(input.approvalLimitId === undefined ? {} : { approvalLimitId: input.approvalLimitId }),
      ...(input.email === undefined ? {} : { email: addressOrNull(input.email) }),
      ...(input.language === undefined ? {} : { language: input.language }),
    })
    .where(eq(users.id, input.id))
    .run();
  if (input.locationIds !== undefined) setGrants(ctx, input.id, input.locationIds);
  if (input.roleIds !== undefined) setRoles(ctx, input.id, input.roleIds);
  return getUser(ctx, input.id);
}

function userRowById(ctx: Ctx, id: number): UserRow | undefined {
  return ctx.db.select().from(users).where(eq(users.id, id)).get();
}

/**
 * Checks a password through the throttle. The stored hash is read again after the (slow) check, so a
 * password changed or a user deactivated meanwhile does not let the old password in.
 */
async function passwordMatches(ctx: Ctx, throttle: SignInThrottle, row: UserRow | undefined, username: string, password: string, address: string): Promise<UserRow | null> {
  const attempt = throttle.begin(username, address);
  let ok: boolean;
  try {
    // An unknown user costs one scrypt too, so timing does not reveal which usernames exist.
    ok = await verifyPassword(password, row?.passwordHash ?? unmatchableHashFor(ctx.passwordCost));
  } catch (error) {
    attempt.abandoned();
    throw error;
  }
  const current = row && ok ? userRowById(ctx, row.id) : undefined;
  if (!current || current.passwordHash !== row!.passwordHash || !current.active) {
    attempt.failed();
    return null;
  }
  attempt.succeeded();
  return current;
}

export async function checkCredentials(ctx: Ctx, throttle: SignInThrottle, input: { username: string; password: string; address: string }): Promise<User> {
  const row = ctx.db.select().from(users).where(sql`lower(${users.username}) = lower(${input.username})`).get();
  const current = await passwordMatches(ctx, throttle, row, input.username, input.password, input.address);
  if (!current) throw new DomainError('INVALID_CREDENTIALS');
  return toUser(current, extrasOf(ctx, current.id));
}

/** Checks the current password (throttled like a sign-in) before a change; the caller hashes and stores the new one. */
export async function checkCurrentPassword(ctx: Ctx, throttle: SignInThrottle, input: { userId: number; currentPassword: string; address: string }): Promise<void> {
  const row = userRowById(ctx, input.userId);
  if (!row) throw new DomainError('INVALID_CREDENTIALS');
  if (!(await passwordMatches(ctx, throttle, row, row.username, input.currentPassword, input.address))) throw new DomainError('INVALID_CREDENTIALS');
}

/** Replaces a user's password (hash computed by the caller) and clears the demo mark: it is no longer the published one. */
export function storePassword(ctx: Ctx, userId: number, passwordHash: string): void {
  const changed = ctx.db.update(users).set({ passwordHash, isDemo: false }).where(eq(users.id, userId)).run().changes;
  if (changed === 0) throw new DomainError('NOT_FOUND', { entity: 'user', id: userId });
}

/** Users whose password is publicly known (demo) — serve refuses to listen beyond loopback while any exist. */
export function demoUserCount(ctx: Ctx): number {
  return ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(sql`${users.isDemo} = 1 AND ${users.active} = 1`).get()!.n;
}

/** In-memory sessions: a restart signs everyone out, which is acceptable for an office app. */
export class SessionStore {
  private readonly sessions = new Map<string, { userId: number; lastSeen: number }>();
  private created = 0;
  // Wall-clock time, not the domain clock: tests move the domain clock by days without signing out.
  constructor(
    private readonly idleMs = 12 * 60 * 60 * 1000,
    private readonly wallClock: () => number = Date.now,
  ) {}

  create(userId: number): string {
    const now = this.wallClock();
    // Sessions nobody resolves again (API clients that never log out) must not pile up.
    if (++this.created % 256 === 0) {
      for (const [token, s] of this.sessions) if (now - s.lastSeen > this.idleMs) this.sessions.delete(token);
    }
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: now });
    return token;
  }

  /** The user of a live session, and the session counts as used now. */
  resolve(token: string | null | undefined): number | null {
    const s = this.live(token);
    if (!s) return null;
    s.lastSeen = this.wallClock();
    return s.userId;
  }

  /** The user of a live session, without counting as use (an open event stream keeps nobody signed in). */
  peek(token: string | null | undefined): number | null {
    return this.live(token)?.userId ?? null;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** Signs everybody out (after a restore the users may no longer be who the sessions name). */
  endAll(): void {
    this.sessions.clear();
  }

  /** Signs a user out everywhere, except the session `keep` (the caller's own, after changing a password). */
  endAllOf(userId: number, keep: string | null = null): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== keep) this.sessions.delete(token);
  }

  private live(token: string | null | undefined): { userId: number; lastSeen: number } | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (this.wallClock() - s.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    return s;
  }
}
