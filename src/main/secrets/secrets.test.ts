import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { keyFileSecretBox, safeStorageSecretBox, type SafeStorageLike } from './secrets';

let dir: string;
let keyPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-secrets-'));
  keyPath = join(dir, 'secret.key');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectUnavailable(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe('SECRET_UNAVAILABLE');
}

/** Stands in for Electron's safeStorage: a reversible XOR, switchable off like a locked keyring. */
function fakeSafeStorage(available = true): SafeStorageLike & { available: boolean } {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (s) => Buffer.concat([Buffer.from('FAKE'), xor(Buffer.from(s, 'utf8'))]),
    decryptString(b) {
      if (b.subarray(0, 4).toString() !== 'FAKE') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return xor(b.subarray(4)).toString('utf8');
    },
  };
}

describe('keyFileSecretBox', () => {
  it('round-trips passwords, including non-ASCII ones and the empty string', () => {
    const box = keyFileSecretBox(keyPath);
    for (const plain of ['s3cret', 'contraseña-Ñandú-€-日本-🔑', '']) {
      const stored = box.encrypt(plain);
      expect(stored).toMatch(/^v1:kf:[A-Za-z0-9+/=]+$/);
      expect(box.decrypt(stored)).toBe(plain);
    }
  });

  it('gives a different ciphertext for the same password every time', () => {
    const box = keyFileSecretBox(keyPath);
    expect(box.encrypt('s3cret')).not.toBe(box.encrypt('s3cret'));
  });

  it('creates the key file on first encrypt, readable by the owner only, and keeps it', () => {
    const box = keyFileSecretBox(keyPath);
    expect(existsSync(keyPath)).toBe(false);
    box.encrypt('s3cret');
    const key = readFileSync(keyPath);
    if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    box.encrypt('other');
    expect(readFileSync(keyPath).equals(key)).toBe(true);
  });

  it('lets a second box on the same key file decrypt, as after a restart', () => {
    const stored = keyFileSecretBox(keyPath).encrypt('s3cret');
    expect(keyFileSecretBox(keyPath).decrypt(stored)).toBe('s3cret');
  });

  it('refuses a tampered value', () => {
    const box = keyFileSecretBox(keyPath);
    const stored = box.encrypt('s3cret');
    const data = Buffer.from(stored.slice('v1:kf:'.length), 'base64');
    data[data.length - 1] ^= 1;
    expectUnavailable(() => box.decrypt('v1:kf:' + data.toString('base64')));
    expectUnavailable(() => box.decrypt('v1:kf:AAAA'));
  });

  it('refuses to decrypt once the key file is gone, without creating a new one', () => {
    const stored = keyFileSecretBox(keyPath).encrypt('s3cret');
    unlinkSync(keyPath);
    expectUnavailable(() => keyFileSecretBox(keyPath).decrypt(stored));
    expect(existsSync(keyPath)).toBe(false);
  });

  it('refuses a value encrypted with another key', () => {
    const stored = keyFileSecretBox(keyPath).encrypt('s3cret');
    const otherBox = keyFileSecretBox(join(dir, 'other.key'));
    otherBox.encrypt('creates the other key');
    expectUnavailable(() => otherBox.decrypt(stored));
  });

  it('refuses a damaged key file and a safeStorage value', () => {
    const box = keyFileSecretBox(keyPath);
    expectUnavailable(() => box.decrypt(safeStorageSecretBox(fakeSafeStorage()).encrypt('s3cret')));
    writeFileSync(keyPath, 'not a key\n');
    expectUnavailable(() => box.encrypt('s3cret'));
  });
});

describe('safeStorageSecretBox', () => {
  it('round-trips through safeStorage', () => {
    const box = safeStorageSecretBox(fakeSafeStorage());
    const stored = box.encrypt('contraseña-🔑');
    expect(stored).toMatch(/^v1:ss:/);
    expect(box.decrypt(stored)).toBe('contraseña-🔑');
  });

  it('reports SECRET_UNAVAILABLE while safeStorage cannot encrypt', () => {
    const storage = fakeSafeStorage();
    const box = safeStorageSecretBox(storage);
    const stored = box.encrypt('s3cret');
    storage.available = false;
    expectUnavailable(() => box.encrypt('s3cret'));
    expectUnavailable(() => box.decrypt(stored));
    storage.available = true;
    expect(box.decrypt(stored)).toBe('s3cret');
  });

  it('refuses a key-file value and data safeStorage cannot decrypt', () => {
    const box = safeStorageSecretBox(fakeSafeStorage());
    expectUnavailable(() => box.decrypt(keyFileSecretBox(keyPath).encrypt('s3cret')));
    expectUnavailable(() => box.decrypt('v1:ss:' + Buffer.from('garbage').toString('base64')));
  });
});
