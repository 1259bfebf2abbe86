// The colour-scheme choice as the user menu stores it: read back, validated, shared with other
// windows, and harmless when the storage refuses.
import { describe, expect, it, vi } from 'vitest';
import { COLOR_SCHEME_KEY, colorSchemeManager, isColorScheme, type SchemeHost } from './colorScheme';

type Listener = Parameters<SchemeHost['addEventListener']>[1];

function fakeHost(initial: Record<string, string> = {}, { refuse = false } = {}) {
  const items = new Map(Object.entries(initial));
  const listeners = new Set<Listener>();
  const storage = {
    getItem: (key: string) => {
      if (refuse) throw new Error('SecurityError');
      return items.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (refuse) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => {
      if (refuse) throw new Error('SecurityError');
      items.delete(key);
    },
  };
  const host: SchemeHost = {
    storage: () => storage,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  /** Another window of the app wrote the key. */
  const otherWindowWrites = (key: string, newValue: string | null) => listeners.forEach((l) => l({ key, newValue }));
  return { host, items, listeners, otherWindowWrites };
}

describe('colour-scheme preference', () => {
  it('knows the three choices and nothing else', () => {
    for (const value of ['light', 'dark', 'auto']) expect(isColorScheme(value)).toBe(true);
    for (const value of ['Dark', 'system', '', null, undefined, 1]) expect(isColorScheme(value)).toBe(false);
  });

  it('follows the system until the user chooses, then remembers the choice', () => {
    const { host, items } = fakeHost();
    const manager = colorSchemeManager(host);
    expect(manager.get('auto')).toBe('auto');
    manager.set('dark');
    expect(items.get(COLOR_SCHEME_KEY)).toBe('dark');
    // A new window (or a reload) reads the same choice.
    expect(colorSchemeManager(host).get('auto')).toBe('dark');
    manager.set('auto');
    expect(colorSchemeManager(host).get('light')).toBe('auto');
  });

  it('reads anything else stored under the key as the default', () => {
    for (const stored of ['DARK', 'system', '{"scheme":"dark"}', '']) {
      const { host } = fakeHost({ [COLOR_SCHEME_KEY]: stored });
      expect(colorSchemeManager(host).get('auto'), stored).toBe('auto');
    }
  });

  it('keeps working when the storage refuses (private mode, full disk)', () => {
    const { host } = fakeHost({}, { refuse: true });
    const manager = colorSchemeManager(host);
    expect(manager.get('auto')).toBe('auto');
    expect(() => manager.set('dark')).not.toThrow();
    expect(() => manager.clear()).not.toThrow();
  });

  it('follows a choice made in another window, ignoring other keys and bad values, until unsubscribed', () => {
    const { host, listeners, otherWindowWrites } = fakeHost();
    const manager = colorSchemeManager(host);
    const onUpdate = vi.fn();
    manager.subscribe(onUpdate);
    otherWindowWrites(COLOR_SCHEME_KEY, 'dark');
    otherWindowWrites('msp-inventory.language', 'es');
    otherWindowWrites(COLOR_SCHEME_KEY, 'purple');
    otherWindowWrites(COLOR_SCHEME_KEY, null);
    expect(onUpdate.mock.calls).toEqual([['dark']]);
    manager.unsubscribe();
    expect(listeners.size).toBe(0);
    otherWindowWrites(COLOR_SCHEME_KEY, 'light');
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it('forgets the choice on clear', () => {
    const { host, items } = fakeHost({ [COLOR_SCHEME_KEY]: 'light' });
    colorSchemeManager(host).clear();
    expect(items.has(COLOR_SCHEME_KEY)).toBe(false);
  });
});
