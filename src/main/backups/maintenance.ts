// Maintenance mode: while a restore replaces the database, every call answers MAINTENANCE (both
// transports pass the app's dispatch, and the read pool asks `active` first). Entering it waits for the
// calls already under way that answer asynchronously (a sign-in hashing, a PDF, an e-mail), so none of
// them writes into the database halfway through the swap.
import { DomainError, type Result } from '@shared/errors';

export class Maintenance {
  private reason: string | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  get active(): boolean {
    return this.reason !== null;
  }

  /** The answer to every call while active; null otherwise. */
  refusal(): Result<never> | null {
    return this.reason === null ? null : { ok: false, error: { code: 'MAINTENANCE', message: 'MAINTENANCE', details: { reason: this.reason } } };
  }

  /** Runs a call unless in maintenance, and remembers it while its answer is pending. */
  gate<T>(run: () => Result<T> | Promise<Result<T>>): Result<T> | Promise<Result<T>> {
    const refused = this.refusal();
    if (refused) return refused;
    const result = run();
    if (result instanceof Promise) {
      this.inFlight.add(result);
      const forget = () => this.inFlight.delete(result);
      result.then(forget, forget);
    }
    return result;
  }

  /**
   * Starts maintenance and waits for the calls already answering asynchronously (at most `waitMs`).
   * The caller's own call is not yet counted: a handler enters before its promise reaches the gate.
   */
  async enter(reason: string, waitMs = 30_000): Promise<void> {
    if (this.reason !== null) throw new DomainError('MAINTENANCE', { reason: this.reason });
    this.reason = reason;
    const pending = [...this.inFlight];
    if (pending.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(pending), new Promise((resolveWait) => (timer = setTimeout(resolveWait, waitMs)))]);
    clearTimeout(timer);
  }

  leave(): void {
    this.reason = null;
  }
}
