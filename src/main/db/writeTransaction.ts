// The one way a write transaction is opened. Dispatch runs every mutation through it; only code outside
// dispatch (start-up, scripts, tests acting on services directly) calls it itself. Services never do:
// they are synchronous functions that assume their caller's transaction.
import { DomainError } from '@shared/errors';
import type { Sqlite } from './open';

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction (a savepoint when one is already open): everything it
 * wrote is committed together, or nothing is when it throws. `fn` must be synchronous: a promise would
 * let the transaction commit before the work it stands for, so it is refused and rolled back. A stored
 * total that would leave SQLite's exact 64-bit range is refused by a trigger (migration 0004); that
 * answers VALIDATION rather than INTERNAL.
 */
export function writeTransaction<T>(sqlite: Sqlite, fn: () => T): T {
  const outermost = !sqlite.inTransaction;
  try {
    const value = sqlite
      .transaction(() => {
        const result = fn();
        if (isThenable(result)) throw new Error('A write transaction was given an asynchronous function (never await inside a transaction)');
        return result;
      })
      .immediate();
    if (outermost) commitListeners.get(sqlite)?.();
    return value;
  } catch (error) {
    if (error instanceof Error && error.message === 'AMOUNT_OUT_OF_RANGE') throw new DomainError('VALIDATION', { reason: 'amountOutOfRange', field: 'value' });
    throw error;
  }
}

const commitListeners = new WeakMap<Sqlite, () => void>();

/** Calls `listener` after each transaction writeTransaction commits on the connection (its savepoints aside); null stops it. */
export function afterCommit(sqlite: Sqlite, listener: (() => void) | null): void {
  if (listener) commitListeners.set(sqlite, listener);
  else commitListeners.delete(sqlite);
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
