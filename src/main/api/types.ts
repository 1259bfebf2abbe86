import type { User } from '../../shared/contract/auth';
import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { SignInThrottle } from '../domain/auth/throttle';
import type { SessionStore } from '../domain/auth/users';
import type { Actor, Ctx } from '../domain/context';

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
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };
export type PartialHandlerTable<K extends ChannelName> = { [C in K]: Handler<C> };
