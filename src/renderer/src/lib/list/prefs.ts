// What each user chose for each list (hidden columns, compact rows), kept in the browser's
// localStorage under the signed-in user's id and the list's id. Kept on this computer only: a
// preference of how a screen looks, not data, so it does not travel through the database.
// Pure functions over a Storage-like object, so the rules are tested without a browser.

export type Density = 'comfortable' | 'compact';

export interface ListPrefs {
  /** Accessors of the columns the user hid (columns marked always shown are never hidden). */
  hidden: string[];
  density: Density;
}

export const defaultListPrefs: ListPrefs = { hidden: [], density: 'comfortable' };

/** The parts of localStorage used here; a Map-backed fake satisfies it in tests. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'msp-inventory.list';

/** One entry per user and list: `msp-inventory.list.<userId>.<listId>`. */
export function listPrefsKey(userId: number, listId: string): string {
  return `${PREFIX}.${userId}.${listId}`;
}

/** The prefs stored for this user and list; anything missing, unreadable or malformed reads as the defaults. */
export function readListPrefs(storage: PrefsStorage, userId: number, listId: string): ListPrefs {
  let raw: string | null;
  try {
    raw = storage.getItem(listPrefsKey(userId, listId));
  } catch {
    return defaultListPrefs;
  }
  if (raw === null) return defaultListPrefs;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return defaultListPrefs;
  }
  if (typeof parsed !== 'object' || parsed === null) return defaultListPrefs;
  const { hidden, density } = parsed as Record<string, unknown>;
  return {
    hidden: Array.isArray(hidden) ? [...new Set(hidden.filter((h): h is string => typeof h === 'string'))] : [],
    density: density === 'compact' ? 'compact' : 'comfortable',
  };
}

/** Stores the prefs (the defaults remove the entry). Storage that refuses (full, disabled) keeps the choice for this session only. */
export function writeListPrefs(storage: PrefsStorage, userId: number, listId: string, prefs: ListPrefs): void {
  const key = listPrefsKey(userId, listId);
  try {
    if (prefs.hidden.length === 0 && prefs.density === 'comfortable') storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ hidden: [...prefs.hidden].sort(), density: prefs.density }));
  } catch {
    // Nothing to do: the screen keeps the choice in memory.
  }
}

/** The prefs with one column shown or hidden. */
export function withColumn(prefs: ListPrefs, accessor: string, shown: boolean): ListPrefs {
  const hidden = prefs.hidden.filter((h) => h !== accessor);
  return { ...prefs, hidden: shown ? hidden : [...hidden, accessor] };
}

/** A column as the chooser sees it: its accessor, whether the screen offers it at all, whether it must stay. */
export interface ChoosableColumn {
  accessor: string;
  /** Hidden by the screen itself (e.g. costs for a user who may not see them): never offered, never shown. */
  hidden?: boolean;
  alwaysShown?: boolean;
}

/** Whether the column shows: offered by the screen and either always shown or not hidden by the user. */
export function isColumnShown(column: ChoosableColumn, prefs: ListPrefs): boolean {
  if (column.hidden) return false;
  return column.alwaysShown === true || !prefs.hidden.includes(column.accessor);
}
