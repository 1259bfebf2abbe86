// Test harness: a real app on a fresh SQLite file with the real migrations, an admin signed in, and a
// clock the test controls. `ok` unwraps a result and fails the test with the error code otherwise.
// The file is a copy of the template the global setup migrated once per run (globalSetup.ts).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import type { User } from '@shared/contract/auth';
import type { Permission } from '@shared/contract/define';
import type { ErrorData, Result } from '@shared/errors';
import { createApp, type App } from '../app';
import { unmatchableHash, type PasswordCost } from '../domain/auth/password';
import { setGrants } from '../domain/locations/rights';
import { createUser, setupFirstAdmin } from '../domain/auth/users';
import { consoleLog, silentLog, type AppLog } from '../log/appLog';

/**
 * scrypt parameters of the test apps' new password hashes: the same scheme and format as real ones at
 * 1/32 of the work, so suites that sign in hundreds of times do not spend their minutes hashing. Chosen
 * here, explicitly, through createApp's `passwordCost`; the app's own default is the real cost.
 */
export const testPasswordCost: PasswordCost = { N: 1024, r: 8, p: 1 };

/**
 * Hashes of the passwords the harness's users have, made once with `hashPassword(…, testPasswordCost)`:
 * hashing is asynchronous, and the harness builds its world synchronously. Tests of signing in itself go
 * through the asynchronous channels (`okAsync('auth.login', …)`).
 */
const knownPasswordHashes: Record<string, string> = {
  'correct horse battery': 'scrypt$1024$8$1$6AIzsIh5H3e27IYc3igYlQ==$Dpzj6PxxXCC25pIrNyBzrLOTnowUHPI+opaIX7r4Les=',
  'tech-password': 'scrypt$1024$8$1$SFJG5x0txWvWs1RyvsvKDg==$3v9RP8oHDoTF2NlcSATwST7RD9/t15xaZ0a+8CrX0MA=',
};

export interface TestApp {
  app: App;
  token: string;
  dir: string;
  clock: { now: number };
  /** Calls as the admin and returns the data, throwing on an error result. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): ChannelOutput<C>;
  /** Calls and returns the error, throwing when the call succeeded. */
  fail<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): ErrorData;
  /** The asynchronous channels (PDF, e-mail). */
  okAsync<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>>;
  failAsync<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): Promise<ErrorData>;
  raw(channel: string, input: unknown, token?: string | null): Result<unknown>;
  /**
   * A user created directly (no channel: users.create hashes asynchronously). Only the passwords of
   * `knownPasswordHashes` can sign in; use `tokenFor` for a session.
   */
  addUser(input: { username: string; displayName?: string; permissions: Permission[]; isAdmin?: boolean; password?: string }): User;
  /** A session for a user, as a successful sign-in would give. */
  tokenFor(userId: number): string;
  close(): void;
}

export function createTestApp(options: { start?: number; log?: AppLog; slowCallMs?: number } = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'msp-test-'));
  const dbPath = join(dir, 'test.db');
  const template = inject('templateDatabase');
  if (template) copyFileSync(template, dbPath);
  const clock = { now: options.start ?? Date.UTC(2026, 0, 15, 9, 0, 0) };
  const app = createApp({
    dbPath,
    now: () => clock.now,
    checkOutputs: true,
    // Tests write no log file: standard error when TEST_LOG is set, nothing otherwise.
    log: options.log ?? (process.env.TEST_LOG ? consoleLog() : silentLog),
    passwordCost: testPasswordCost,
    slowCallMs: options.slowCallMs,
  });
  const admin = setupFirstAdmin(app.ctx, { username: 'admin', displayName: 'Admin', passwordHash: knownPasswordHashes['correct horse battery']! });
  const token = app.sessions.create(admin.id);
  const t: TestApp = {
    app,
    token,
    dir,
    clock,
    ok(channel, input, as = token) {
      const r = app.call(channel, input, as);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${JSON.stringify(r.error.details)}`);
      return r.data;
    },
    fail(channel, input, as = token) {
      const r = app.call(channel, input, as);
      if (r.ok) throw new Error(`${channel} was expected to fail but succeeded`);
      return r.error;
    },
    async okAsync(channel, input, as = token) {
      const r = await app.callAsync(channel, input, as);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${JSON.stringify(r.error.details)}`);
      return r.data;
    },
    async failAsync(channel, input, as = token) {
      const r = await app.callAsync(channel, input, as);
      if (r.ok) throw new Error(`${channel} was expected to fail but succeeded`);
      return r.error;
    },
    raw: (channel, input, as = token) => {
      const r = app.dispatch(channel, input, as);
      if (r instanceof Promise) throw new Error(`${channel} answers asynchronously`);
      return r;
    },
    addUser: ({ username, displayName = username, permissions, isAdmin = false, password }) => {
      const passwordHash = password === undefined ? unmatchableHash : knownPasswordHashes[password];
      if (!passwordHash) throw new Error(`addUser: no prepared hash for "${password}"; leave the password out and use tokenFor`);
      return createUser(app.ctx, { username, displayName, permissions, isAdmin, passwordHash });
    },
    tokenFor: (userId) => app.sessions.create(userId),
    close() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** The editable fields of a product as read back, for update calls. */
export function productFields<P extends { categoryName: unknown; onHand: unknown; defaultVendorName: unknown; unitCost: number | null }>(
  p: P,
): Omit<P, 'categoryName' | 'onHand' | 'defaultVendorName' | 'unitCost'> & { unitCost?: number } {
  const { categoryName: _c, onHand: _o, defaultVendorName: _d, unitCost, ...rest } = p;
  // A product read without costs.view has no cost: leaving it out keeps the stored one.
  return { ...rest, ...(unitCost === null ? {} : { unitCost }) };
}

/** A small world most stock tests start from: two warehouses, a van, a plain and a serialized product. */
export function seedWorld(t: TestApp) {
  const tech = t.addUser({ username: 'tech', displayName: 'Tech One', password: 'tech-password', permissions: ['inventory.view', 'stock.transfer'] });
  const main = t.ok('locations.create', { name: 'Main warehouse', kind: 'warehouse' });
  const shelf = t.ok('locations.create', { name: 'Office shelf', kind: 'shelf' });
  const van = t.ok('locations.create', { name: 'Van Tech', kind: 'van', ownerUserId: tech.id });
  // The technician works at their van and, granted, at the main warehouse (location rights).
  setGrants(t.app.ctx, tech.id, [main.id]);
  const category = t.ok('catalog.saveCategory', { name: 'Laptops' });
  const cable = t.ok('catalog.createProduct', { sku: 'CAB-6-2M', name: 'Cat6 cable 2 m', unitCost: 15_000, unitPrice: 40_000, msrp: 50_000, serialized: false });
  const laptop = t.ok('catalog.createProduct', {
    sku: 'LT-T14',
    name: 'ThinkPad T14',
    categoryId: category.id,
    unitCost: 9_000_000,
    unitPrice: 12_000_000,
    msrp: 13_000_000,
    serialized: true,
  });
  return { tech, main, shelf, van, category, cable, laptop };
}
