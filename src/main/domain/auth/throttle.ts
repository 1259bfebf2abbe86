// Failed sign-ins are throttled so passwords cannot be guessed at the speed of the hardware.
// Rules: after 5 consecutive failures of a username from one address, that pair is refused at once
// for 2 s, then 4, 8 … s after each further failure (2^n s, n = failures from the 5th on), at most 60 s; across all addresses a
// username gets at most 20 failures a minute. A success resets the pair; nothing locks for good, and
// nothing waits: a refusal is an immediate RATE_LIMITED with details.retryAfterMs.
// An attempt counts as a failure from the moment it starts until its password is found right, so a
// burst of concurrent guesses is throttled like the same guesses made one after another.
import { DomainError } from '@shared/errors';

export const FREE_FAILURES = 5;
export const MAX_LOCK_MS = 60_000;
export const USERNAME_FAILURES_PER_WINDOW = 20;
export const USERNAME_WINDOW_MS = 60_000;
/** A pair quiet for this long starts again from zero failures. */
const FORGET_AFTER_MS = 60 * 60_000;
/** Guessers spraying usernames must not grow memory without bound: the least recent entries go first. */
const MAX_ENTRIES = 50_000;

interface PairState {
  failures: number;
  lockedUntil: number;
  lastAt: number;
}

export interface SignInAttempt {
  succeeded(): void;
  failed(): void;
  /** The password was never checked (the host was too busy): the attempt counts for nothing. */
  abandoned(): void;
}

/** How long a pair is refused after its latest failure, given its consecutive failures. */
export function lockMsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, 2 ** (failures - FREE_FAILURES + 1) * 1000);
}

/** The key a username is throttled under: the comparison the sign-in itself makes (case-insensitive). */
function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
}

export class SignInThrottle {
  private readonly pairs = new Map<string, PairState>();
  private readonly recentFailures = new Map<string, number[]>();

  // Wall-clock time, not the domain clock: tests move the domain clock by days.
  constructor(private readonly wallClock: () => number = () => Date.now()) {}

  /** Starts a password check for `username` from `address`, or throws RATE_LIMITED. */
  begin(username: string, address: string): SignInAttempt {
    const now = this.wallClock();
    const name = usernameKey(username);
    const pairKey = `${name}\n${address}`;
    let pair = this.pairs.get(pairKey);
    if (pair && now - pair.lastAt > FORGET_AFTER_MS) pair = undefined;
    if (pair && pair.failures >= FREE_FAILURES && now < pair.lockedUntil) refuse(pair.lockedUntil - now);

    const times = this.recentFailures.get(name) ?? [];
    while (times.length > 0 && now - times[0]! >= USERNAME_WINDOW_MS) times.shift();
    if (times.length >= USERNAME_FAILURES_PER_WINDOW) refuse(times[0]! + USERNAME_WINDOW_MS - now);

    const state: PairState = pair ?? { failures: 0, lockedUntil: 0, lastAt: now };
    const lockBefore = state.lockedUntil;
    state.failures += 1;
    state.lastAt = now;
    state.lockedUntil = Math.max(state.lockedUntil, now + lockMsAfter(state.failures));
    touch(this.pairs, pairKey, state);
    times.push(now);
    touch(this.recentFailures, name, times);

    let settled = false;
    const forgetStamp = () => {
      const current = this.recentFailures.get(name);
      const index = current?.indexOf(now) ?? -1;
      if (index >= 0) current!.splice(index, 1);
    };
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        if (this.pairs.get(pairKey) === state) this.pairs.delete(pairKey);
        forgetStamp();
      },
      failed: () => {
        if (settled) return;
        settled = true;
        // The lock runs from the moment the failure is known, not from when the check started.
        const at = this.wallClock();
        state.lastAt = at;
        state.lockedUntil = Math.max(state.lockedUntil, at + lockMsAfter(state.failures));
      },
      abandoned: () => {
        if (settled) return;
        settled = true;
        state.failures = Math.max(0, state.failures - 1);
        state.lockedUntil = lockBefore;
        forgetStamp();
      },
    };
  }
}

function refuse(retryAfterMs: number): never {
  throw new DomainError('RATE_LIMITED', { retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)) });
}
