// Filters kept in the address (?productId=12&status=new), so other screens can link to a filtered
// list and the browser's back button (or coming back from a document) restores it. They replace the
// history entry: typing a filter is not a visit.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** One filter: its value ('' when absent) and a setter that removes it when given ''. */
export function useUrlParam(name: string): [string, (value: string) => void] {
  const [params] = useSearchParams();
  const setParams = useSetUrlParams();
  return [params.get(name) ?? '', (next) => setParams({ [name]: next })];
}

/** A positive integer id in the address, or null. */
export function useUrlId(name: string): [number | null, (id: number | null) => void] {
  const [raw, set] = useUrlParam(name);
  const n = Number(raw);
  const id = raw && Number.isInteger(n) && n > 0 ? n : null;
  return [id, (next) => set(next === null ? '' : String(next))];
}

/**
 * A typed filter (serial, search text) that lands in the address once the user pauses typing.
 * Returns what the box shows, its setter, and the committed value to query with. A link that
 * changes the address while the screen is open (global search) replaces what the box shows.
 */
export function useUrlText(name: string, delay = 300): [string, (text: string) => void, string] {
  const [param, setParam] = useUrlParam(name);
  const [text, setText] = useState(param);
  const [debounced] = useDebouncedValue(text.trim(), delay);
  const [seenParam, setSeenParam] = useState(param);
  if (param !== seenParam) {
    setSeenParam(param);
    if (param !== debounced) setText(param);
  }
  useEffect(() => {
    if (debounced !== param) setParam(debounced);
    // Only a new pause in typing commits; `param` changing alone must not write it back.
  }, [debounced]);
  return [text, setText, param];
}

/** The query of the address as it is now (the hash router keeps it in the hash: #/stock/history?serial=…). */
function addressQuery(): string {
  const { hash, search } = window.location;
  if (!hash.startsWith('#/')) return search;
  const start = hash.indexOf('?');
  return start < 0 ? '' : hash.slice(start);
}

/** Told the query a filter setter puts in the address, when it is set. */
export type AddressListener = (query: URLSearchParams) => void;

const addressListeners = new Set<AddressListener>();

/**
 * Hears every query the setters below put in the address, as they put it there: the router renders a
 * navigation as a transition, and a click elsewhere (the navigation) can overtake that render, so a
 * screen that waited for its next render to see the change (remembered filters) could miss it.
 * Returns the unsubscribe.
 */
export function listenToAddress(listener: AddressListener): () => void {
  addressListeners.add(listener);
  return () => addressListeners.delete(listener);
}

/** The query with the values set ('' removes one); `only` starts from an empty query instead of the address. */
export function nextQuery(address: string, values: Record<string, string>, only = false): URLSearchParams {
  const copy = new URLSearchParams(only ? '' : address);
  for (const [name, value] of Object.entries(values)) {
    if (value) copy.set(name, value);
    else copy.delete(name);
  }
  return copy;
}

/**
 * Sets several filters in one address change (two separate changes in one event would lose the first).
 * With `{ only: true }` the values replace the whole query (a tab that clears the other tab's filters).
 */
export function useSetUrlParams(): (values: Record<string, string>, options?: { only?: boolean }) => void {
  const [, setParams] = useSearchParams();
  return (values, options) =>
    setParams(
      // From the address itself, not the router's last render: the router renders a navigation as a
      // transition, so a change made before that render (a location chosen just after a serial was
      // cleared) would start from the old filters and bring the cleared one back.
      () => {
        const query = nextQuery(addressQuery(), values, options?.only);
        for (const listener of addressListeners) listener(query);
        return query;
      },
      { replace: true },
    );
}

/** Clears the named filters of the address in one change ("Clear filters"). */
export function useClearUrlParams(...names: string[]): () => void {
  const setParams = useSetUrlParams();
  return () => setParams(Object.fromEntries(names.map((name) => [name, ''])));
}
