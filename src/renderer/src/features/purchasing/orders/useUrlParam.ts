import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A filter kept in the address (?vendorId=3), so coming back from an order restores the list as it
 * was. Replaces the history entry: changing a filter is not a visit.
 */
export function useUrlParam(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? '';
  const set = (next: string) =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        if (next) copy.set(name, next);
        else copy.delete(name);
        return copy;
      },
      { replace: true },
    );
  return [value, set];
}

/** A positive integer id in the address, or null. */
export function useUrlId(name: string): [number | null, (id: number | null) => void] {
  const [raw, set] = useUrlParam(name);
  const n = Number(raw);
  return [raw && Number.isInteger(n) && n > 0 ? n : null, (id) => set(id === null ? '' : String(id))];
}

/** Typed search text: what the box shows, its setter, and the value committed once typing pauses. */
export function useUrlText(name: string, delay = 300): [string, (text: string) => void, string] {
  const [param, setParam] = useUrlParam(name);
  const [text, setText] = useState(param);
  const [debounced] = useDebouncedValue(text.trim(), delay);
  useEffect(() => {
    if (debounced !== param) setParam(debounced);
    // Only a pause in typing commits; the address changing alone must not write it back.
  }, [debounced]);
  return [text, setText, param];
}

/** Sets several filters in one address change (two separate changes in one event would lose the first). */
export function useSetUrlParams(): (values: Record<string, string>) => void {
  const [, setParams] = useSearchParams();
  return (values) =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(values)) {
          if (value) copy.set(name, value);
          else copy.delete(name);
        }
        return copy;
      },
      { replace: true },
    );
}
