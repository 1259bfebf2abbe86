// A work queue opens with the filters its user last used on it (filterMemory.ts): opened with none in
// the address, it puts the stored ones there in one change; afterwards the stored ones follow the
// address. The address, not the search box, is what is kept: typing lands there once the user pauses.
//   useListView({ id: 'sales.fulfillment', …, remember: ['status', 'q', 'vendorId', 'companyId'] })
// or, for filters above the lists (a page whose tabs hold them), useRememberedFilters(id, names).
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../session';
import { listenToAddress, useSetUrlParams } from '../useUrlParam';
import { filterMemoryStep, filtersKey, filtersToRestore, pickFilters, readRememberedFilters, writeRememberedFilters, type FilterMemoryState, type RememberedFilters } from './filterMemory';

export interface RememberFilters {
  /** The address params that are the list's filters (its tab too, when the tab is one), kept per user. */
  names: readonly string[];
  /**
   * Filters only a link sets, with nothing on screen to change them (a product's picked units). One in
   * the address means the link says what to show, so nothing is restored; they are never kept, so the
   * next visit from the navigation does not open narrowed by something the user cannot see.
   */
  linked?: readonly string[];
  /** Told the filters being restored, for a screen that also holds one in its own state. */
  onRestore?: (filters: RememberedFilters) => void;
}

/** The browser's localStorage, or null where it is refused (private modes, policies). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Restores and keeps the list's filters for the signed-in user; nothing without names. */
export function useRememberedFilters(listId: string, remember: RememberFilters | readonly string[] | undefined): void {
  const { names = [], linked = [], onRestore } = isNames(remember) ? { names: remember } : (remember ?? {});
  const userId = useSession((s) => s.user?.id ?? null);
  const [address] = useSearchParams();
  const setParams = useSetUrlParams();
  const current = pickFilters(address, names);
  const text = JSON.stringify(current);
  const key = userId === null || names.length === 0 ? null : filtersKey(userId, listId);
  const state = useRef<FilterMemoryState | null>(null);
  useEffect(() => {
    const store = browserStorage();
    if (key === null || userId === null || !store) return;
    const step = filterMemoryStep(state.current, key, current);
    state.current = step.state;
    if (step.action === 'write') writeRememberedFilters(store, userId, listId, names, current);
    if (step.action !== 'restore') return;
    const restore = filtersToRestore(address, names, linked, readRememberedFilters(store, userId, listId, names));
    if (!restore) return;
    onRestore?.(restore);
    setParams(restore);
    // The names are the list's own and do not change; `text` stands for `current` and the address.
  }, [key, text]);
  // A filter the user sets is kept as it is set, not when the list renders it: a click on the navigation
  // right after choosing it can overtake that render (the effect above then never sees it).
  useEffect(() => {
    const store = browserStorage();
    if (key === null || userId === null || !store) return;
    return listenToAddress((query) => {
      if (state.current?.key !== key) return;
      const step = filterMemoryStep(state.current, key, pickFilters(query, names));
      state.current = step.state;
      if (step.action === 'write') writeRememberedFilters(store, userId, listId, names, pickFilters(query, names));
    });
  }, [key]);
}

function isNames(remember: RememberFilters | readonly string[] | undefined): remember is readonly string[] {
  return Array.isArray(remember);
}
