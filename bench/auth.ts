// Sign-in under attack: `auth.status` asked at the moment 24 wrong sign-ins arrive. Password checks run
// on Node's thread pool (scrypt), so the status answer must not wait for them. The time runs from the
// sign-ins being sent to the status answer; the baseline is the same status call with nothing in flight.
// Each run guesses other usernames from other addresses, so the throttle refuses none of them.
import type { App } from '../src/main/app';
import { must } from './build-db';
import { log, median, record } from './measure';

const WRONG_SIGN_INS = 24;
const RUNS = 5;

export const authBudgets: Record<string, { maxMs: number; maxRatio?: number; text: string }> = {
  statusDuringSignIns: { maxMs: 100, text: '< 100 ms' },
};

/** Asks auth.status on the next turn of the event loop, as a request arriving now would be served. */
async function timedStatus(app: App, token: string, startedAt: number): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  must(app.call('auth.status', {}, token), 'auth.status');
  return performance.now() - startedAt;
}

export async function measureAuth(app: App, token: string): Promise<void> {
  const times: number[] = [];
  const baselineTimes: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const startedAt = performance.now();
      const guesses = Array.from({ length: WRONG_SIGN_INS }, (_, i) =>
        app.callAsync('auth.login', { username: `bench-guess-${run}-${i}`, password: 'not the password' }, null, `198.51.${run}.${i}`),
      );
      times.push(await timedStatus(app, token, startedAt));
      const answers = await Promise.all(guesses);
      const wrong = answers.filter((a) => !a.ok && a.error.code === 'INVALID_CREDENTIALS').length;
      if (wrong !== WRONG_SIGN_INS) throw new Error(`expected ${WRONG_SIGN_INS} refused guesses, got ${wrong}`);
      baselineTimes.push(await timedStatus(app, token, performance.now()));
    }
    record('statusDuringSignIns', median(times), median(baselineTimes));
    log(`  ${WRONG_SIGN_INS} wrong sign-ins in flight during each timed status call`);
  } catch (error) {
    record('statusDuringSignIns', Number.NaN, baselineTimes.length ? median(baselineTimes) : Number.NaN, error instanceof Error ? error.message : String(error));
  }
}
