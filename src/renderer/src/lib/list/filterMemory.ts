// The filters each user last used on each work queue, kept in the browser's localStorage beside the
// list prefs (prefs.ts) and brought back when the queue opens with none in the address. What is kept
// is the address's own text of each filter (?companyId=12&q=cable), so a restore is one address change
// and the screen reads it as it reads a link. Pure functions over a Storage-like object.
import type { PrefsStorage } from './prefs';

/** Filter name → its value in the address; a filter with no value is absent. */
export type RememberedFilters = Record<string, string>;

const PREFIX = 'msp-inventory.filters';

/** One entry per user and list: `msp-inventory.filters.<userId>.<listId>` (apart from the list prefs' keys). */
export function filtersKey(userId: number, listId: string): string {
  return `${PREFIX}.${userId}.${listId}`;
}

/** The named filters with a value, in the order named (so equal filters give equal text). */
export function pickFilters(values: URLSearchParams | Record<string, unknown>, names: readonly string[]): RememberedFilters {
  const picked: RememberedFilters = {};
  for (const name of names) {
    const value = values instanceof URLSearchParams ? values.get(name) : Object.hasOwn(values, name) ? values[name] : undefined;
    if (typeof value === 'string' && value.trim() !== '') picked[name] = value;
  }
  return picked;
}

export function hasFilters(filters: RememberedFilters): boolean {
  return Object.keys(filters).length > 0;
}

/** The filters stored for this user and list; anything missing, unreadable or malformed reads as none. */
export function readRememberedFilters(storage: PrefsStorage, userId: number, listId: string, names: readonly string[]): RememberedFilters {
  let raw: string | null;
  try {
    raw = storage.getItem(filtersKey(userId, listId));
  } catch {
    return {};
  }
  if (raw === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  // Only the filters the list has now: one dropped in a later release must not come back.
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? pickFilters(parsed as Record<string, unknown>, names) : {};
}

/** Stores the named filters; none removes the entry, so the next visit opens unfiltered. Storage that refuses keeps nothing. */
export function writeRememberedFilters(storage: PrefsStorage, userId: number, listId: string, names: readonly string[], filters: RememberedFilters): void {
  const key = filtersKey(userId, listId);
  const kept = pickFilters(filters, names);
  try {
    if (hasFilters(kept)) storage.setItem(key, JSON.stringify(kept));
    else storage.removeItem(key);
  } catch {
    // Nothing to do: the address still holds the filters for this visit.
  }
}

/**
 * What to put in the address when a list opens: the stored filters, only when the address names none
 * of the list's filters (a link that brings any — `linked` ones included — says what to show). Null
 * when there is nothing to restore.
 */
export function filtersToRestore(address: URLSearchParams, names: readonly string[], linked: readonly string[], stored: RememberedFilters): RememberedFilters | null {
  if (hasFilters(pickFilters(address, [...names, ...linked]))) return null;
  const restore = pickFilters(stored, names);
  return hasFilters(restore) ? restore : null;
}

/**
 * Where a list's remembered filters stand: the user and list it opened for (`key`) and the filters of
 * the address last seen (as text).
 */
export interface FilterMemoryState {
  key: string;
  text: string;
}

/**
 * What to do as the list renders with `current` in the address. Opened with filters (a link, or the
 * user's own): they win and are stored. Opened with none: restore the stored ones, storing nothing
 * until the address changes, as a list opening unfiltered is not the user clearing its filters (the
 * restore is on its way, or only a linked filter arrived). Any later change is stored. The same
 * filters again (another render, React's strict double effects) do nothing.
 */
export function filterMemoryStep(state: FilterMemoryState | null, key: string, current: RememberedFilters): { state: FilterMemoryState; action: 'restore' | 'write' | 'none' } {
  const text = JSON.stringify(current);
  const next = { key, text };
  if (state?.key !== key) return { state: next, action: hasFilters(current) ? 'write' : 'restore' };
  return state.text === text ? { state, action: 'none' } : { state: next, action: 'write' };
}
