// Password hashes. Hashing runs on libuv's thread pool (crypto.scrypt, never scryptSync): a burst of
// sign-ins must not stall every other call of the host while each guess is checked.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is memory-hard: N=2^15, r=8 needs 32 MiB per guess, which makes offline guessing costly.
const N = 32768;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: MAXMEM }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, KEY_LENGTH, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  let actual: Buffer;
  try {
    actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp) });
  } catch {
    // A stored hash with parameters scrypt refuses cannot match anything.
    return false;
  }
  return timingSafeEqual(expected, actual);
}

/**
 * Checked against when the username is unknown, so the answer takes as long as for a real user and
 * timing does not tell which usernames exist. Random bytes with the real parameters: it costs one
 * scrypt like any hash and matches no password, without hashing anything at start-up.
 */
export const unmatchableHash = ['scrypt', N, r, p, randomBytes(16).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');
