// Light, dark, or the operating system's choice ('auto', the default): the user menu's switch.
// The choice is remembered on this computer (localStorage) and followed by the app's other windows
// and tabs at once (the storage event). Mantine applies it; this is where it is kept.
import type { MantineColorScheme, MantineColorSchemeManager } from '@mantine/core';

export const COLOR_SCHEME_KEY = 'msp-inventory.color-scheme';

export const colorSchemes: readonly MantineColorScheme[] = ['light', 'dark', 'auto'];

export function isColorScheme(value: unknown): value is MantineColorScheme {
  return typeof value === 'string' && (colorSchemes as readonly string[]).includes(value);
}

/** What the manager needs of `window`: its storage (which may refuse, e.g. in private mode) and its storage events. */
export interface SchemeHost {
  storage: () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  addEventListener: (type: 'storage', listener: (event: Pick<StorageEvent, 'key' | 'newValue'>) => void) => void;
  removeEventListener: (type: 'storage', listener: (event: Pick<StorageEvent, 'key' | 'newValue'>) => void) => void;
}

const browserHost = (): SchemeHost => ({
  storage: () => window.localStorage,
  addEventListener: (type, listener) => window.addEventListener(type, listener),
  removeEventListener: (type, listener) => window.removeEventListener(type, listener),
});

/**
 * Mantine's colour-scheme manager over our storage key. A stored value that is not a scheme (an older
 * version's, a hand edit) reads as the default; a storage that throws keeps the choice for this page only.
 */
export function colorSchemeManager(host: SchemeHost = browserHost(), key = COLOR_SCHEME_KEY): MantineColorSchemeManager {
  let listener: ((event: Pick<StorageEvent, 'key' | 'newValue'>) => void) | null = null;
  return {
    get: (defaultValue) => {
      try {
        const stored = host.storage().getItem(key);
        return isColorScheme(stored) ? stored : defaultValue;
      } catch {
        return defaultValue;
      }
    },
    set: (value) => {
      try {
        host.storage().setItem(key, value);
      } catch {
        // Storage refused: the choice holds until the page is reloaded.
      }
    },
    subscribe: (onUpdate) => {
      listener = (event) => {
        if (event.key === key && isColorScheme(event.newValue)) onUpdate(event.newValue);
      };
      host.addEventListener('storage', listener);
    },
    unsubscribe: () => {
      if (listener) host.removeEventListener('storage', listener);
      listener = null;
    },
    clear: () => {
      try {
        host.storage().removeItem(key);
      } catch {
        // Nothing stored that could be removed.
      }
    },
  };
}
