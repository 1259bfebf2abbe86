// Storages for the tests of what lists remember (prefs.test.ts, filterMemory.test.ts): one that keeps
// what it is given in memory, and one that refuses everything as a browser with storage disabled or full.
import type { PrefsStorage } from './prefs';

export class MemoryStorage implements PrefsStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

export const refusing: PrefsStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};
