// Password hashes. Hashing runs on libuv's thread pool (crypto.scrypt, never scryptSync): a burst of
// sign-ins must not stall every other call of the host while each guess is checked.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DomainError } from '@shared/errors';

/** scrypt's work factors. New hashes take the app's; a stored hash names its own, so any of them verifies. */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

// scrypt is memory-hard: N=2^15, r=8 needs 32 MiB per guess, which makes offline guessing costly.
export const passwordCost: PasswordCost = { N: 32768, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

/**
 * Hashes run a few at a time, at least one core short of all of them: scrypt is CPU- and memory-bound,
 * and 24 at once on a small office PC would starve the event loop of CPU (and the file reads that share
 * the thread pool) although none of them blocks it. Process-wide on purpose, like the cores it shares.
 */
export const MAX_CONCURRENT_HASHES = Math.max(1, Math.min(2, availableParallelism() - 1));
/** Beyond this many waiting, a password check is refused at once (the host is busy), never queued for minutes. */
export const MAX_WAITING_HASHES = 64;
let running = 0;
const waiting: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) throw new DomainError('RATE_LIMITED', { retryAfterMs: 1000, reason: 'busy' });
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return inHashSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: MAXMEM }, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

/** `cost` is the app's (`createApp`'s `passwordCost`); real passwords always get the default. */
export async function hashPassword(password: string, cost: PasswordCost = passwordCost): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, KEY_LENGTH, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  let actual: Buffer;
  try {
    actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp) });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // A stored hash with parameters scrypt refuses cannot match anything.
    return false;
  }
  return timingSafeEqual(expected, actual);
}

/**
 * Checked against when the username is unknown, so the answer takes as long as for a real user and
 * timing does not tell which usernames exist. Random bytes with the app's parameters: it costs one
 * scrypt like any hash and matches no password, without hashing anything at start-up.
 */
export function unmatchableHashFor(cost: PasswordCost = passwordCost): string {
  return ['scrypt', cost.N, cost.r, cost.p, randomBytes(16).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');
}
export const unmatchableHash = unmatchableHashFor(passwordCost);
