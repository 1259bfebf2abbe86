import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { lockMsAfter, SignInThrottle } from './throttle';

function setup() {
  const clock = { now: 1_000_000 };
  const throttle = new SignInThrottle(() => clock.now);
  /** One complete attempt: 'refused' with its wait, or the attempt settled as asked. */
  const attempt = (username: string, address: string, outcome: 'fail' | 'succeed' = 'fail'): { refused: false } | { refused: true; retryAfterMs: number } => {
    try {
      const a = throttle.begin(username, address);
      if (outcome === 'fail') a.failed();
      else a.succeeded();
      return { refused: false };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'RATE_LIMITED') throw error;
      return { refused: true, retryAfterMs: error.details.retryAfterMs as number };
    }
  };
  return { clock, throttle, attempt };
}

describe('sign-in throttle', () => {
  it('locks a username and address for 2, 4, 8 … s after the 5th consecutive failure, never more than 60 s', () => {
    const { clock, attempt } = setup();
    for (let i = 0; i < 5; i++) expect(attempt('admin', '10.0.0.7')).toEqual({ refused: false });
    const expected = [2, 4, 8, 16, 32, 60, 60, 60];
    for (const seconds of expected) {
      expect(attempt('admin', '10.0.0.7')).toEqual({ refused: true, retryAfterMs: seconds * 1000 });
      clock.now += seconds * 1000 - 1;
      expect(attempt('admin', '10.0.0.7', 'succeed')).toEqual({ refused: true, retryAfterMs: 1 });
      clock.now += 1;
      // The lock is over: the next attempt is checked (and fails again), it is not refused.
      expect(attempt('admin', '10.0.0.7')).toEqual({ refused: false });
    }
  });

  it('computes the lock from the number of consecutive failures', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 50].map(lockMsAfter)).toEqual([0, 0, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('locks only that address: the same user elsewhere, and other users here, are still checked', () => {
    const { attempt } = setup();
    for (let i = 0; i < 5; i++) attempt('admin', '10.0.0.7');
    expect(attempt('admin', '10.0.0.7')).toMatchObject({ refused: true });
    expect(attempt('admin', '10.0.0.8')).toEqual({ refused: false });
    expect(attempt('clerk', '10.0.0.7')).toEqual({ refused: false });
  });

  it('treats the username case- and space-insensitively, as signing in does', () => {
    const { attempt } = setup();
    for (const name of ['Admin', 'ADMIN', ' admin', 'admin ', 'aDmIn']) attempt(name, 'local');
    expect(attempt('admin', 'local')).toMatchObject({ refused: true });
  });

  it('resets the username and address after a success', () => {
    const { attempt } = setup();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(attempt('admin', 'local')).toEqual({ refused: false });
      expect(attempt('admin', 'local', 'succeed')).toEqual({ refused: false });
    }
  });

  it('allows a username at most 20 failures a minute across all addresses, then frees the window', () => {
    const { clock, attempt } = setup();
    for (let i = 0; i < 20; i++) {
      expect(attempt('admin', `192.0.2.${i}`)).toEqual({ refused: false });
      clock.now += 1000;
    }
    // The first failure was 20 s ago: it leaves the window in 40 s.
    expect(attempt('admin', '198.51.100.1')).toEqual({ refused: true, retryAfterMs: 40_000 });
    expect(attempt('admin', '198.51.100.1', 'succeed')).toMatchObject({ refused: true });
    expect(attempt('someone-else', '198.51.100.1')).toEqual({ refused: false });
    clock.now += 40_000;
    expect(attempt('admin', '198.51.100.1', 'succeed')).toEqual({ refused: false });
  });

  it('counts an attempt as a failure while it is in flight, so concurrent guesses are throttled too', () => {
    const { throttle, attempt } = setup();
    const inFlight = Array.from({ length: 5 }, () => throttle.begin('admin', '10.0.0.9'));
    expect(attempt('admin', '10.0.0.9')).toEqual({ refused: true, retryAfterMs: 2000 });
    for (const a of inFlight) a.failed();
    expect(attempt('admin', '10.0.0.9')).toMatchObject({ refused: true });

    const across = Array.from({ length: 20 }, (_, i) => throttle.begin('boss', `10.1.0.${i}`));
    expect(attempt('boss', '10.2.0.1')).toMatchObject({ refused: true });
    // Successes give their place in the window back.
    for (const a of across.slice(0, 3)) a.succeeded();
    expect(attempt('boss', '10.2.0.1')).toEqual({ refused: false });
  });

  it('does not count an attempt that was abandoned before its password was checked', () => {
    const { throttle, attempt } = setup();
    for (let i = 0; i < 4; i++) attempt('admin', 'local');
    for (let i = 0; i < 10; i++) throttle.begin('admin', 'local').abandoned();
    expect(attempt('admin', 'local')).toEqual({ refused: false });
    expect(attempt('admin', 'local')).toMatchObject({ refused: true });
  });

  it('never locks for good: a minute after any number of failures, an attempt is checked again', () => {
    const { clock, attempt } = setup();
    for (let i = 0; i < 200; i++) {
      attempt('admin', '10.0.0.7');
      clock.now += 61_000;
    }
    expect(attempt('admin', '10.0.0.7', 'succeed')).toEqual({ refused: false });
    expect(attempt('admin', '10.0.0.7')).toEqual({ refused: false });
  });

  it('throttles unknown usernames the same way', () => {
    const { attempt } = setup();
    for (let i = 0; i < 5; i++) expect(attempt('no-such-user', '10.0.0.7')).toEqual({ refused: false });
    expect(attempt('no-such-user', '10.0.0.7')).toMatchObject({ refused: true });
  });
});
