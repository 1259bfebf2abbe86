// One list's view: its columns as the user chose them (prefs.ts), its density, and whether its
// filters narrow it. Made once per list screen and handed to the filter bar (column chooser, clear
// filters) and to the table (columns, density, empty states):
//   const view = useListView({ id: 'stock.items', columns, filtered, onClearFilters: clear });
//   <ListPage title=… view={view} filters={…}><ServerTable view={view} … /></ListPage>
// A work queue also names its address filters in `remember`, to open with the ones its user last used.
import { useEffect, useState } from 'react';
import { useSession } from '../session';
import { createExportSourceStore, type ExportSourceStore } from './exportCsv';
import type { TableColumn } from './TableView';
import { defaultListPrefs, isColumnShown, listPrefsKey, readListPrefs, writeListPrefs, type ListPrefs } from './prefs';
import { browserStorage as storage, useRememberedFilters, type RememberFilters } from './useRememberedFilters';

/** A column of a list: a table column with what the scaffold adds. */
export type ListColumn<T> = TableColumn<T> & {
  /** The contract's sort name when it differs from the accessor. */
  sortKey?: string;
  /** Always on screen whatever the user chooses (the identifying column, row actions). */
  alwaysShown?: boolean;
  /** The column's name in the column chooser when its title is not plain text (or is empty). */
  label?: string;
  /** Lets a long title wrap onto two lines ("Back ordered"), so narrow numeric columns fit a laptop. */
  wrapTitle?: boolean;
  /** Cuts the cell's text at this many pixels with an ellipsis; the full text shows on hover. */
  truncate?: number;
  /** The full text of a truncated cell when its render is not plain text. */
  fullText?: (row: T) => string | null | undefined;
  /** The identifying cell: a link to the row's document (the table's rowHref). */
  link?: boolean;
  /**
   * The column in a CSV export (exportCsv.ts): by default the row's field named by the accessor, under the
   * column's title. A part names another field, another header, or the words for coded values as the cells
   * show them (statuses, types); several parts make several columns of a cell drawn from several fields (a
   * product's SKU and name); false leaves the column out of the file.
   */
  csv?: false | CsvPart | readonly CsvPart[];
};

/** One column of the file made from a column on screen. */
export interface CsvPart {
  /** The row's field (a dotted path); default: the column's accessor. */
  field?: string;
  /** Default: the column's title. */
  header?: string;
  labels?: Readonly<Record<string, string>>;
}

export interface ListViewOptions<T> {
  /** Names the list in the stored prefs: `<feature>.<list>`, stable across releases. */
  id: string;
  columns: ListColumn<T>[];
  /** Whether any filter narrows the list (filters.ts isFiltered). */
  filtered?: boolean;
  /** Puts every filter back to its resting value. */
  onClearFilters?: () => void;
  /**
   * The address params that are this list's filters, brought back when the list opens with none of
   * them and kept per user as they change (useRememberedFilters). Not paging or sort.
   */
  remember?: RememberFilters | readonly string[];
}

export interface ListView<T> {
  id: string;
  /** Every column the screen offers, as declared. */
  columns: ListColumn<T>[];
  /** The columns on screen now (the user's choice applied). */
  shown: ListColumn<T>[];
  prefs: ListPrefs;
  setPrefs: (prefs: ListPrefs) => void;
  filtered: boolean;
  clearFilters?: () => void;
  /**
   * What the list's export reads, once its table knows (ListTable sets it): kept apart from the screen's
   * state, so telling it re-renders the Export button only, not the screen.
   */
  exportSource: ExportSourceStore;
}

/** The signed-in user's prefs for one list, kept in step with other windows of this browser. */
export function useListPrefs(listId: string): [ListPrefs, (prefs: ListPrefs) => void] {
  const userId = useSession((s) => s.user?.id ?? 0);
  const key = listPrefsKey(userId, listId);
  const read = () => {
    const store = storage();
    return store ? readListPrefs(store, userId, listId) : defaultListPrefs;
  };
  const [state, setState] = useState(() => ({ key, prefs: read() }));
  // Another user signed in, or another list in the same component: read its own prefs.
  let prefs = state.prefs;
  if (state.key !== key) {
    prefs = read();
    setState({ key, prefs });
  }
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) setState({ key, prefs: read() });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
    // `read` depends only on the key's parts.
  }, [key]);
  const set = (next: ListPrefs) => {
    setState({ key, prefs: next });
    const store = storage();
    if (store) writeListPrefs(store, userId, listId, next);
  };
  return [prefs, set];
}

export function useListView<T>({ id, columns, filtered = false, onClearFilters, remember }: ListViewOptions<T>): ListView<T> {
  const [prefs, setPrefs] = useListPrefs(id);
  useRememberedFilters(id, remember);
  const [exportSource] = useState(createExportSourceStore);
  const shown = columns.filter((c) => isColumnShown({ accessor: String(c.accessor), hidden: c.hidden, alwaysShown: c.alwaysShown || chooserLabel(c) === null }, prefs));
  return { id, columns, shown, prefs, setPrefs, filtered, clearFilters: onClearFilters, exportSource };
}

/** The column's name in the chooser; null for a column that has none (row actions), which is always shown. */
export function chooserLabel<T>(column: ListColumn<T>): string | null {
  if (column.label) return column.label;
  return typeof column.title === 'string' && column.title.trim() !== '' ? column.title : null;
}
