// I/O channels (the contract marks them `io: true`): their work awaits something slow — hashing a
// password, rendering a PDF, an SMTP server, the backup API — and a transaction must never span an
// await (better-sqlite3 would commit, or another call would write into it). So their handlers are not
// functions but phases, which dispatch runs in order:
//   before  awaits with no transaction open (hash the password, take a backup);
//   write   is synchronous: for a mutation dispatch runs it in the one BEGIN IMMEDIATE transaction, for a
//           query without one (it reads the snapshot the I/O works from);
//   after   awaits once that committed (render, send) and may record an outcome in a second short
//           transaction through `io.write`.
// Every phase is optional except that one must exist; without `before` and `after` the call answers
// synchronously.
import type { ChannelName, ChannelOutput, ParsedInput } from '@shared/contract';
import type { CallContext } from './types';

/** What the `after` phase gets: the call and its input, and a short write transaction of its own for an outcome. */
export interface AfterIo<I = unknown> {
  input: I;
  call: CallContext;
  /** Runs `fn` in a new BEGIN IMMEDIATE transaction (after the main one committed). */
  write<T>(fn: () => T): T;
}

/** The phases of one I/O channel's handler (types erased: `ioHandler` checks them where they are written). */
export interface IoHandler<I = unknown, O = unknown> {
  readonly io: true;
  readonly before?: (input: I, call: CallContext) => Promise<unknown>;
  readonly write?: (input: I, call: CallContext, prepared: unknown) => unknown;
  readonly after?: (written: unknown, io: AfterIo<I>) => Promise<O>;
  /** Phantom: the answer's type, so a table entry is checked against its channel's output. */
  readonly output?: O;
}

export type IoChannelHandler<C extends ChannelName> = IoHandler<ParsedInput<C>, ChannelOutput<C>>;

export function isIoHandler(value: unknown): value is IoHandler {
  return typeof value === 'object' && value !== null && (value as { io?: unknown }).io === true;
}

/** before → write → after: the answer is what `after` resolves to. */
export function ioHandler<I, P, W, O>(phases: {
  before?: (input: I, call: CallContext) => Promise<P>;
  write: (input: I, call: CallContext, prepared: P) => W;
  after: (written: W, io: AfterIo<I>) => Promise<O>;
}): IoHandler<I, O>;
/** before → write: the answer is what `write` returned (committed). */
export function ioHandler<I, P, O>(phases: { before?: (input: I, call: CallContext) => Promise<P>; write: (input: I, call: CallContext, prepared: P) => O }): IoHandler<I, O>;
/** Only I/O, no transaction at all (a backup, a restore): the answer is what `before` resolves to. */
export function ioHandler<I, O>(phases: { before: (input: I, call: CallContext) => Promise<O> }): IoHandler<I, O>;
export function ioHandler(phases: Omit<IoHandler, 'io'>): IoHandler {
  return { io: true, ...phases } as IoHandler;
}
