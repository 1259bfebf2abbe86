// The one door to the services: validate with the contract, authenticate, authorise, run, turn
// errors into data. Both transports (IPC and HTTP) call `dispatch` and nothing else. It also owns the
// write transaction (a mutation's handler runs inside one BEGIN IMMEDIATE transaction; a query's outside
// any; an I/O channel's phases as io.ts describes) and the log (slow calls, unexpected errors).
import { contract, type ChannelDef, type ChannelName } from '@shared/contract';
import { DomainError, type ErrorData, type Result } from '@shared/errors';
import type { SignInThrottle } from '../domain/auth/throttle';
import type { User } from '@shared/contract/auth';
import { toActor, getUser, type SessionStore } from '../domain/auth/users';
import { can, type Actor, type Ctx } from '../domain/context';
import { isActive } from '../domain/settings/activations';
import { discardNotices, flushNotices } from '../domain/notifications/notify';
import { moduleOf } from '@shared/contract/modules';
import { costInputViolation, costRules, redactCosts, redactErrorDetails, type CostRules } from './costs';
import { isThenable, writeTransaction } from '../db/writeTransaction';
import { consoleLog, type AppLog } from '../log/appLog';
import { isIoHandler, type IoHandler } from './io';
import type { CallContext, HandlerTable, ListReader } from './types';

export interface DispatchDeps {
  ctx: Ctx;
  sessions: SessionStore;
  throttle: SignInThrottle;
  handlers: HandlerTable;
  loadDemoData: (adminUserId: number) => void;
  /** Parse outputs too (tests): catches a handler that drifts from the contract. */
  checkOutputs?: boolean;
  /** Slow calls and unexpected errors (default: standard error). */
  log?: AppLog;
  /** A call that takes longer than this many milliseconds is logged (default 100). */
  slowCallMs?: number;
}

export const SLOW_CALL_MS = 100;

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function errorResult(code: ErrorData['code'], details: Record<string, unknown> = {}, message: string = code): { ok: false; error: ErrorData } {
  return { ok: false, error: { code, message, details } };
}

/**
 * Answers one call. The I/O channels (`io: true` in the contract: hashing, PDF, e-mail, backups) answer
 * with a promise; every other answer is synchronous. Every call is timed: one slower than `slowCallMs` is
 * logged with its channel, time and user — never its input, which may hold a password.
 */
export function dispatch(deps: DispatchDeps, channelName: string, rawInput: unknown, token: string | null, address = 'local'): Result<unknown> | Promise<Result<unknown>> {
  const started = performance.now();
  const who = { userId: null as number | null };
  const timed = (result: Result<unknown>): Result<unknown> => {
    const ms = performance.now() - started;
    if (ms > (deps.slowCallMs ?? SLOW_CALL_MS)) (deps.log ?? defaultLog).write('warn', 'Slow call', { channel: channelName, ms: Math.round(ms), userId: who.userId });
    return result;
  };
  const result = answer(deps, channelName, rawInput, token, address, who);
  return result instanceof Promise ? result.then(timed) : timed(result);
}

const defaultLog = consoleLog();

function answer(deps: DispatchDeps, channelName: string, rawInput: unknown, token: string | null, address: string, who: { userId: number | null }): Result<unknown> | Promise<Result<unknown>> {
  if (!isChannel(channelName)) return errorResult('NOT_FOUND', { channel: channelName });
  const def: ChannelDef = contract[channelName];
  let user = null;
  const userId = deps.sessions.resolve(token);
  if (userId !== null) {
    try {
      user = getUser(deps.ctx, userId);
      if (!user.active) user = null;
    } catch {
      user = null;
    }
  }
  who.userId = user?.id ?? null;
  const actor = user ? toActor(user) : { userId: 0, isAdmin: false, permissions: new Set<never>() };
  const admitted = admit(deps.ctx, channelName, rawInput, user, actor);
  if (!admitted.ok) return admitted;
  const { data, hideCosts, costs } = admitted;
  const failed = (error: unknown): { ok: false; error: ErrorData } => {
    const result = toErrorResult(error, deps.log ?? defaultLog, { channel: channelName, userId: who.userId });
    if (hideCosts && result.error.details) result.error.details = redactErrorDetails(result.error.details);
    return result;
  };
  const call: CallContext = {
    ctx: deps.ctx,
    sessions: deps.sessions,
    throttle: deps.throttle,
    token,
    address,
    user,
    actor,
    loadDemoData: deps.loadDemoData,
    openList: (list, input) => openList(deps, call, list, input),
    admitAs: (channel) => {
      const refused = refuseCaller(deps.ctx, channel, user, actor);
      if (refused) throw new DomainError(refused.error.code, refused.error.details ?? {}, refused.error.message);
    },
  };
  const done = (value: unknown): Result<unknown> => {
    if (deps.checkOutputs) def.output.parse(value);
    return { ok: true, data: hideCosts && costs.output ? redactCosts(value, costs.output) : value };
  };
  try {
    const handler: unknown = deps.handlers[channelName];
    if (def.io) {
      if (!isIoHandler(handler)) throw new Error(`${channelName} is an I/O channel: its handler must be written with ioHandler`);
      return runIo(handler, def, channelName, data, call, done, failed);
    }
    if (typeof handler !== 'function') throw new Error(`${channelName} is not an I/O channel: its handler must be a function`);
    const run = () => synchronously(channelName, 'handler', (handler as (input: unknown, call: CallContext) => unknown)(data, call));
    return done(def.kind === 'mutation' ? inTransaction(deps.ctx, run) : run());
  } catch (error) {
    return failed(error);
  }
}

type Admitted = { ok: true; data: unknown; hideCosts: boolean; costs: CostRules } | { ok: false; error: ErrorData };

/**
 * The door's checks of one call before its handler runs, in order: the channel's permission, its module,
 * the input against the contract, the input fields that need a further permission, and what a caller
 * without `costs.view` may not ask for. `user` is the signed-in, active user (null: none).
 */
/** The caller's part of the door: the channel's permission, then its module. Null when admitted. */
function refuseCaller(ctx: Ctx, channelName: ChannelName, user: User | null, actor: Actor): { ok: false; error: ErrorData } | null {
  const def: ChannelDef = contract[channelName];
  if (def.permission !== 'public') {
    if (!user) return errorResult('UNAUTHENTICATED');
    if (def.permission !== 'signedIn' && !can(actor, def.permission)) return errorResult('FORBIDDEN', { permission: def.permission });
  }
  // A module switched off (Admin › Activations): every one of its channels, whatever the caller may do.
  const module = moduleOf(channelName);
  if (module && !isActive(ctx, module)) return errorResult('MODULE_DISABLED', { module });
  return null;
}

function admit(ctx: Ctx, channelName: ChannelName, rawInput: unknown, user: User | null, actor: Actor): Admitted {
  const def: ChannelDef = contract[channelName];
  const refused = refuseCaller(ctx, channelName, user, actor);
  if (refused) return refused;
  // Authorised first, validated second: a caller without the permission learns nothing about the input.
  let parsed: ReturnType<typeof def.input.safeParse>;
  try {
    parsed = def.input.safeParse(rawInput ?? {});
  } catch {
    // A refinement that throws on input it did not expect is still bad input, not a fault of ours.
    return errorResult('VALIDATION', { fields: [] });
  }
  if (!parsed.success) {
    return errorResult('VALIDATION', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) });
  }
  for (const [field, permission] of Object.entries(def.inputPermissions ?? {})) {
    if ((parsed.data as Record<string, unknown>)[field] !== undefined && !can(actor, permission)) return errorResult('FORBIDDEN', { permission, field });
  }
  // Costs: hidden from callers without costs.view (or the channel's own costsVisibleTo), in one place for every channel.
  const hideCosts = !can(actor, 'costs.view') && !(def.costsVisibleTo && can(actor, def.costsVisibleTo));
  const costs = costRules(def);
  if (hideCosts) {
    if (def.showsCosts) return errorResult('FORBIDDEN', { permission: 'costs.view' });
    const field = costInputViolation(costs, parsed.data);
    if (field) return errorResult('FORBIDDEN', { permission: 'costs.view', field });
  }
  return { ok: true, data: parsed.data, hideCosts, costs };
}

/**
 * A list channel opened for an export, through the same door as a call of it by the same user (admit):
 * its parsed input, and its pages read with any page size and redacted as the door redacts them. A
 * refusal throws its DomainError, which the export's own call answers with.
 */
function openList(deps: DispatchDeps, call: CallContext, list: ChannelName, input: Record<string, unknown>): ListReader {
  const def: ChannelDef = contract[list];
  if (def.kind !== 'query' || def.io) throw new DomainError('VALIDATION', { fields: [{ path: 'list', code: 'custom', message: 'not a list' }] });
  // Admitted as the screen asks for its first page; the export then reads its own pages.
  const admitted = admit(deps.ctx, list, { ...input, page: 1, pageSize: 1 }, call.user, call.actor);
  if (!admitted.ok) {
    const { code, details = {}, message } = admitted.error;
    // A field of the list's input is `input.<field>` of the export's.
    const fields = Array.isArray(details.fields) ? (details.fields as { path: string }[]).map((f) => ({ ...f, path: f.path ? `input.${f.path}` : 'input' })) : undefined;
    throw new DomainError(code, fields ? { ...details, fields } : details, message);
  }
  const { data, hideCosts, costs } = admitted;
  const redact = (value: unknown) => (hideCosts && costs.output ? redactCosts(value, costs.output) : value);
  const handler = deps.handlers[list] as unknown as (input: unknown, call: CallContext) => unknown;
  return {
    input: data as Record<string, unknown>,
    hideCosts,
    redact,
    page: (paging) => redact(synchronously(list, 'handler', handler({ ...(data as object), ...paging }, call))),
  };
}

/**
 * A mutation's one write transaction, with the notifications its services gathered written in it just
 * before it commits (one per recipient per action); what an earlier failed action gathered is dropped first.
 */
function inTransaction<T>(ctx: Ctx, fn: () => T): T {
  discardNotices(ctx);
  return writeTransaction(ctx.sqlite, () => {
    const value = fn();
    flushNotices(ctx);
    return value;
  });
}

/** A synchronous step's value; a promise there is a programming error (it would outlive its transaction). */
function synchronously(channelName: string, what: string, value: unknown): unknown {
  if (isThenable(value)) {
    // Nobody awaits it: keep its eventual failure from becoming an unhandled rejection.
    void Promise.resolve(value).catch(() => undefined);
    throw new Error(`The ${what} of ${channelName} returned a promise, but ${channelName} is not an I/O channel (mark it io and write it as phases)`);
  }
  return value;
}

/**
 * An I/O channel's phases (io.ts): `before` and `after` await, and must find no transaction open; `write`
 * runs in between, synchronously, in the write transaction for a mutation. With neither `before` nor
 * `after` the answer is synchronous. `before` is called synchronously, so its first steps (a restore
 * entering maintenance) happen before this call returns.
 */
function runIo(
  io: IoHandler,
  def: ChannelDef,
  channelName: string,
  input: unknown,
  call: CallContext,
  done: (value: unknown) => Result<unknown>,
  failed: (error: unknown) => { ok: false; error: ErrorData },
): Result<unknown> | Promise<Result<unknown>> {
  const { sqlite } = call.ctx;
  const outsideTransaction = (phase: string) => {
    if (sqlite.inTransaction) throw new Error(`The ${phase} phase of ${channelName} would await inside a transaction`);
  };
  const writePhase = (prepared: unknown): unknown => {
    const { write } = io;
    if (!write) return prepared;
    const run = () => synchronously(channelName, 'write phase', write(input, call, prepared));
    return def.kind === 'mutation' ? inTransaction(call.ctx, run) : run();
  };
  const afterPhase = (written: unknown): unknown => {
    if (!io.after) return written;
    outsideTransaction('after');
    return io.after(written, { input, call, write: (fn) => inTransaction(call.ctx, fn) });
  };
  if (!io.before) {
    const written = writePhase(undefined);
    if (!io.after) return done(written);
    return Promise.resolve()
      .then(() => afterPhase(written))
      .then(done, failed);
  }
  outsideTransaction('before');
  return io
    .before(input, call)
    .then(writePhase)
    .then(afterPhase)
    .then(done, failed);
}

function toErrorResult(error: unknown, log: AppLog, details: { channel: string; userId: number | null }): { ok: false; error: ErrorData } {
  if (error instanceof DomainError) return errorResult(error.code, error.details, error.message);
  const code = (error as { code?: unknown })?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return errorResult('CONFLICT', { constraint: String((error as Error).message).replace(/^UNIQUE constraint failed: /, '') });
  }
  // The stack goes to the log, never to the caller.
  log.error('Unexpected error in handler', error, details);
  return errorResult('INTERNAL');
}
