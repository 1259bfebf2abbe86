// The one door to the services: validate with the contract, authenticate, authorise, run, turn
// errors into data. Both transports (IPC and HTTP) call `dispatch` and nothing else.
import { contract, type ChannelDef, type ChannelName } from '../../shared/contract';
import { DomainError, type ErrorData, type Result } from '../../shared/errors';
import type { SignInThrottle } from '../domain/auth/throttle';
import { toActor, getUser, type SessionStore } from '../domain/auth/users';
import { can, type Ctx } from '../domain/context';
import { costInputViolation, costRules, redactCosts, redactErrorDetails } from './costs';
import type { CallContext, HandlerTable } from './types';

export interface DispatchDeps {
  ctx: Ctx;
  sessions: SessionStore;
  throttle: SignInThrottle;
  handlers: HandlerTable;
  loadDemoData: (adminUserId: number) => void;
  /** Parse outputs too (tests): catches a handler that drifts from the contract. */
  checkOutputs?: boolean;
  log?: (message: string, error: unknown) => void;
}

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function errorResult(code: ErrorData['code'], details: Record<string, unknown> = {}, message: string = code): { ok: false; error: ErrorData } {
  return { ok: false, error: { code, message, details } };
}

/**
 * A few channels (PDF, e-mail) do I/O and answer with a promise; every other answer is synchronous, which
 * keeps each user action one synchronous transaction. The result mirrors the handler.
 */
export function dispatch(deps: DispatchDeps, channelName: string, rawInput: unknown, token: string | null, address = 'local'): Result<unknown> | Promise<Result<unknown>> {
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
  const actor = user ? toActor(user) : { userId: 0, isAdmin: false, permissions: new Set<never>() };
  if (def.permission !== 'public') {
    if (!user) return errorResult('UNAUTHENTICATED');
    if (def.permission !== 'signedIn' && !can(actor, def.permission)) return errorResult('FORBIDDEN', { permission: def.permission });
  }
  // Authorised first, validated second: a caller without the permission learns nothing about the input.
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return errorResult('VALIDATION', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) });
  }
  // Costs: hidden from callers without costs.view, in one place for every channel.
  const hideCosts = !can(actor, 'costs.view');
  const costs = costRules(def);
  if (hideCosts) {
    if (def.showsCosts) return errorResult('FORBIDDEN', { permission: 'costs.view' });
    const field = costInputViolation(costs, parsed.data);
    if (field) return errorResult('FORBIDDEN', { permission: 'costs.view', field });
  }
  const failed = (error: unknown): { ok: false; error: ErrorData } => {
    const result = toErrorResult(error, deps.log);
    if (hideCosts && result.error.details) result.error.details = redactErrorDetails(result.error.details);
    return result;
  };
  const call: CallContext = { ctx: deps.ctx, sessions: deps.sessions, throttle: deps.throttle, token, address, user, actor, loadDemoData: deps.loadDemoData };
  try {
    const handler = deps.handlers[channelName] as (input: unknown, call: CallContext) => unknown;
    const data = handler(parsed.data, call);
    const done = (value: unknown): Result<unknown> => {
      if (deps.checkOutputs) def.output.parse(value);
      return { ok: true, data: hideCosts && costs.output ? redactCosts(value, costs.output) : value };
    };
    if (data instanceof Promise) return data.then(done, failed);
    return done(data);
  } catch (error) {
    return failed(error);
  }
}

function toErrorResult(error: unknown, log?: (message: string, error: unknown) => void): { ok: false; error: ErrorData } {
  if (error instanceof DomainError) return errorResult(error.code, error.details, error.message);
  const code = (error as { code?: unknown })?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return errorResult('CONFLICT', { constraint: String((error as Error).message).replace(/^UNIQUE constraint failed: /, '') });
  }
  (log ?? ((m, e) => console.error(m, e)))('Unexpected error in handler', error);
  return errorResult('INTERNAL');
}
