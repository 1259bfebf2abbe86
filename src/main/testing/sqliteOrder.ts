// How SQLite orders the values of a column, for tests that check a list's order against a plain sort.
export type SortKey = string | number | null;

/** SQLite's order: NULL first, numbers by value, text by code unit. */
export function compareAsSqlite(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
