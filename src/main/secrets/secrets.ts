// Encrypts small secrets (the SMTP password) before they are stored in the database. A stored
// value names its version and kind ("v1:kf:" key file, "v1:ss:" Electron safeStorage), so a value
// of the wrong kind, a lost key or tampered data is refused with SECRET_UNAVAILABLE, never
// decrypted into garbage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { DomainError } from '@shared/errors';

export interface SecretBox {
  readonly kind: 'keyFile' | 'safeStorage';
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** The part of Electron's `safeStorage` used here; injected so this module does not import electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const keyFilePrefix = 'v1:kf:';
const safeStoragePrefix = 'v1:ss:';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;

function unavailable(reason: string): DomainError {
  return new DomainError('SECRET_UNAVAILABLE', { reason });
}

/**
 * AES-256-GCM with a random key kept in a file (serve mode: beside the database). The key file is
 * created on the first encrypt; whoever loses a race to create it uses the winner's key.
 */
export function keyFileSecretBox(keyPath: string): SecretBox {
  return {
    kind: 'keyFile',
    encrypt(plain) {
      const key = readKey(keyPath) ?? createKey(keyPath);
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return keyFilePrefix + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(keyFilePrefix)) throw unavailable('not a key-file secret');
      const key = readKey(keyPath);
      if (!key) throw unavailable('key file missing');
      const data = Buffer.from(stored.slice(keyFilePrefix.length), 'base64');
      if (data.length < ivBytes + tagBytes) throw unavailable('secret damaged');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivBytes));
        decipher.setAuthTag(data.subarray(ivBytes, ivBytes + tagBytes));
        return Buffer.concat([decipher.update(data.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
      } catch {
        throw unavailable('wrong key or secret damaged');
      }
    },
  };
}

/** Returns the key, or null when the file does not exist. */
function readKey(keyPath: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(keyPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unavailable('key file unreadable');
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== keyBytes) throw unavailable('key file damaged');
  return key;
}

function createKey(keyPath: string): Buffer {
  const key = randomBytes(keyBytes);
  try {
    writeKeyOnce(keyPath, key.toString('base64') + '\n');
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const existing = readKey(keyPath);
      if (existing) return existing;
    }
    throw unavailable('key file cannot be created');
  }
}

// The key is written whole to a private temporary file and then hard-linked into place: the link
// fails with EEXIST if the key file already exists, so a second process never overwrites a key in
// use nor reads a half-written one.
function writeKeyOnce(keyPath: string, text: string): void {
  const tmpPath = `${keyPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmpPath, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(tmpPath, keyPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    // no hard links on this file system (FAT, some network shares): exclusive create still never overwrites
    writeFileSync(keyPath, text, { flag: 'wx', mode: 0o600 });
  } finally {
    unlinkSync(tmpPath);
  }
}

/** Electron's safeStorage (DPAPI, Keychain, libsecret) for the desktop app. */
export function safeStorageSecretBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    kind: 'safeStorage',
    encrypt(plain) {
      if (!safeStorage.isEncryptionAvailable()) throw unavailable('safeStorage unavailable');
      return safeStoragePrefix + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(safeStoragePrefix)) throw unavailable('not a safeStorage secret');
      if (!safeStorage.isEncryptionAvailable()) throw unavailable('safeStorage unavailable');
      try {
        return safeStorage.decryptString(Buffer.from(stored.slice(safeStoragePrefix.length), 'base64'));
      } catch {
        throw unavailable('wrong key or secret damaged');
      }
    },
  };
}
