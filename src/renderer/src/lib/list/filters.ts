// Whether a list is filtered: any filter whose value differs from the list's default. Decides the
// "Clear filters" action and which empty state a list shows ("Nothing matches these filters" only
// when the user narrowed the list; otherwise what to do to fill it).

/** A value that filters nothing: absent, empty text (spaces count as empty), an empty list, false. */
export function isUnsetFilter(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function same(a: unknown, b: unknown): boolean {
  if (isUnsetFilter(a) && isUnsetFilter(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  return Object.is(a, b);
}

/**
 * True when any filter narrows the list. `defaults` names filters whose resting value is not empty
 * (products show active ones unless told otherwise: `{ active: true }`); a filter left at its default
 * is not set, and one cleared away from a non-empty default is.
 */
export function isFiltered(values: Record<string, unknown>, defaults: Record<string, unknown> = {}): boolean {
  const keys = new Set([...Object.keys(values), ...Object.keys(defaults)]);
  for (const key of keys) {
    if (key in defaults ? !same(values[key], defaults[key]) : !isUnsetFilter(values[key])) return true;
  }
  return false;
}
