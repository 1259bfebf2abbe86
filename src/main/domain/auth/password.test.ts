import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { hashPassword, MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES, passwordCost, unmatchableHash, unmatchableHashFor, verifyPassword } from './password';

/** A stored hash with cheap parameters (as an old install might hold), so many checks stay fast here. */
function cheapHash(password: string): string {
  const salt = randomBytes(16);
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
}

describe('password hashes', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse ', a)).toBe(false);
    // Compatibility-equivalent spellings are one password (NFKC), as typed on different keyboards.
    expect(await verifyPassword('ｃｏｒｒｅｃｔ horse', a)).toBe(true);
  });

  it('hashes at the cost asked for, in the same format, and verifies by the cost the hash names', async () => {
    expect(passwordCost).toEqual({ N: 32768, r: 8, p: 1 });
    for (const cost of [
      { N: 16, r: 1, p: 1 },
      { N: 1024, r: 8, p: 1 },
      { N: 2048, r: 4, p: 2 },
    ]) {
      const stored = await hashPassword('correct horse', cost);
      expect(stored).toMatch(new RegExp(`^scrypt\\$${cost.N}\\$${cost.r}\\$${cost.p}\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
      expect(await verifyPassword('correct horse', stored)).toBe(true);
      expect(await verifyPassword('correct horsE', stored)).toBe(false);
      const unmatchable = unmatchableHashFor(cost);
      expect(unmatchable.startsWith(`scrypt$${cost.N}$${cost.r}$${cost.p}$`)).toBe(true);
      expect(await verifyPassword('correct horse', unmatchable)).toBe(false);
    }
    expect(unmatchableHash.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(unmatchableHashFor().startsWith('scrypt$32768$8$1$')).toBe(true);
  });

  it('never matches the unmatchable hash nor a damaged one', async () => {
    for (const stored of [unmatchableHash, '', 'plain', 'scrypt$1$8$1$AAAA$AAAA', 'scrypt$32768$8$1$$', 'bcrypt$x$y']) {
      expect(await verifyPassword('anything', stored), stored).toBe(false);
    }
  });

  it('does not block the event loop while hashing', async () => {
    let hashed = false;
    const pending = hashPassword('a password').then(() => (hashed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(hashed).toBe(false);
    await pending;
  });

  it('refuses checks beyond the waiting line at once as RATE_LIMITED (busy), and answers all the others', async () => {
    const stored = cheapHash('pw');
    const total = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 5;
    const outcomes = await Promise.all(
      Array.from({ length: total }, () =>
        verifyPassword('pw', stored).then(
          (ok) => (ok ? 'matched' : 'wrong'),
          (error: unknown) => (error instanceof DomainError && error.code === 'RATE_LIMITED' && error.details.reason === 'busy' ? 'busy' : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'matched')).toHaveLength(total - 5);
    // The line empties: the next check runs.
    expect(await verifyPassword('pw', stored)).toBe(true);
  });
});
