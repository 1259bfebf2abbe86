import type { User } from '@shared/contract/auth';
import type { ChannelName, ChannelOutput, Contract, ParsedInput } from '@shared/contract';
import type { SignInThrottle } from '../domain/auth/throttle';
import type { SessionStore } from '../domain/auth/users';
import type { Actor, Ctx } from '../domain/context';
import type { IoChannelHandler } from './io';

/** What a handler knows about the call: who is signed in on this connection. */
export interface CallContext {
  ctx: Ctx;
  sessions: SessionStore;
  throttle: SignInThrottle;
  token: string | null;
  /** Where the call came from, for throttling sign-ins: the HTTP peer address, or 'local' over IPC. */
  address: string;
  user: User | null;
  /** Present for every channel whose permission is not `public`. */
  actor: Actor;
  /** Loads the demo data set into an empty database (set up by the composition root). */
  loadDemoData: (adminUserId: number) => void;
  /**
   * Opens a list channel as this caller, through the same door as a call of it (permission, module,
   * validation, cost rules): how an export reads a list (api/exports.ts). Throws the door's refusal.
   */
  openList: (list: ChannelName, input: Record<string, unknown>) => ListReader;
  /**
   * The door's permission and module checks of another channel, for this caller: an action that has the
   * effect of that channel (an import creating rows) holds its rules. Throws the door's refusal.
   */
  admitAs: (channel: ChannelName) => void;
}

/** A list opened for an export: its input as the door parsed it, and its pages as the caller may see them. */
export interface ListReader {
  input: Record<string, unknown>;
  /** Whether the caller's costs are hidden (their cost columns are left out of the file). */
  hideCosts: boolean;
  /** Blanks the costs of an answer of the list (`{ rows, … }`) as the door does for this caller. */
  redact: (answer: unknown) => unknown;
  /** A page of any size, redacted. */
  page: (paging: { page: number; pageSize: number }) => unknown;
}

/**
 * A synchronous handler: dispatch runs a mutation's inside its write transaction, a query's outside any.
 * The type refuses a promise; dispatch refuses one at run time too (INTERNAL, logged).
 */
export type SyncHandler<C extends ChannelName> = (input: ParsedInput<C>, call: CallContext) => ChannelOutput<C>;
/** The channels the contract marks `io: true` are written as phases (io.ts); every other one is synchronous. */
export type Handler<C extends ChannelName> = Contract[C] extends { io: true } ? IoChannelHandler<C> : SyncHandler<C>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };
export type PartialHandlerTable<K extends ChannelName> = { [C in K]: Handler<C> };
