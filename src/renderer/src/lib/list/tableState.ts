// The table's rules, apart from its elements (TableView.tsx) so they are tested alone: the pager's
// range, expanding rows, selecting rows and sorting by a column title.

export interface SortStatus {
  columnAccessor: string;
  direction: 'asc' | 'desc';
}

/** Rows from–to of the whole list on this page (0–0 when empty), and how many pages there are. */
export function pageRange(page: number, perPage: number, total: number, shown: number): { from: number; to: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (total === 0 || shown === 0) return { from: 0, to: 0, pages };
  const from = (page - 1) * perPage + 1;
  return { from, to: Math.min(total, from + shown - 1), pages };
}

/** The expanded rows after a toggle of `id`: one at a time unless `allowMultiple`. */
export function toggledIds(ids: readonly unknown[], id: unknown, allowMultiple = false): unknown[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return allowMultiple ? [...ids, id] : [id];
}

/** The selection after one row's checkbox: the others stay as they were, on every page. */
export function withRecordSelected<T>(selected: readonly T[], record: T, on: boolean, idOf: (record: T) => unknown): T[] {
  const id = idOf(record);
  const others = selected.filter((r) => idOf(r) !== id);
  return on ? [...others, record] : others;
}

/** The selection after the header's checkbox: every selectable row of this page on or off, other pages' rows kept. */
export function withPageSelected<T>(selected: readonly T[], selectable: readonly T[], on: boolean, idOf: (record: T) => unknown): T[] {
  const pageIds = new Set(selectable.map(idOf));
  const others = selected.filter((r) => !pageIds.has(idOf(r)));
  return on ? [...others, ...selectable] : others;
}

/** The header checkbox: checked when every selectable row of the page is, indeterminate when some are. */
export function pageSelectionState<T>(selected: readonly T[], selectable: readonly T[], idOf: (record: T) => unknown): { checked: boolean; indeterminate: boolean } {
  const ids = new Set(selected.map(idOf));
  const on = selectable.filter((r) => ids.has(idOf(r))).length;
  return { checked: selectable.length > 0 && on === selectable.length, indeterminate: on > 0 && on < selectable.length };
}

/** A click on a column's title: ascending first, then the other way on each click. */
export function nextSort(status: SortStatus | undefined, accessor: string): SortStatus {
  const current = status?.columnAccessor === accessor ? status.direction : undefined;
  return { columnAccessor: accessor, direction: current === 'asc' ? 'desc' : 'asc' };
}
