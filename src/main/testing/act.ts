// Domain tests call services directly, without dispatch. Services assume their caller's transaction, so
// a test that relies on "an error changes nothing" runs the call through `act`: one transaction, opened
// and mapped exactly as dispatch does for a mutation.
import { writeTransaction } from '../db/writeTransaction';
import type { Ctx } from '../domain/context';

/** Runs one service call (or a few that form one action) in one write transaction, as dispatch would. */
export function act<T>(ctx: Pick<Ctx, 'sqlite'>, fn: () => T): T {
  return writeTransaction(ctx.sqlite, fn);
}
