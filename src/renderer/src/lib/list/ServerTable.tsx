// A list paged, sorted and filtered by the main process (the contract's pageInput/pageOutput) in the
// scaffold's table. Usage:
//   const table = useServerTable<'sku' | 'name'>({ sortBy: 'name', filters });
//   <QueryTable view={view} table={table} useRows={useProducts} input={{ ...table.input, ...filters }} empty={…} />
// (a screen that needs the rows itself makes the query and passes it: <ServerTable … query={list} />).
// A sortable column sorts by its accessor, or by `sortKey` when the contract's sort name differs.
// Changing `filters` returns to page 1. A capped total (totalCapped) shows as "10,000+".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { querySourceOf } from '../query';
import { useFormat } from '../useFormat';
import { rowSchemaOf, type ExportSource } from './exportCsv';
import { DEFAULT_PAGE_SIZE } from './firstPage';
import { ListTable, type ListTableProps, type PagerProps, type SortStatus } from './ListTable';

export const PAGE_SIZES = [25, 50, 100, 200];

export interface ServerTableState<S extends string> {
  page: number;
  pageSize: number;
  sortBy: S | undefined;
  sortDirection: 'asc' | 'desc';
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  setSort: (sortBy: S, direction: 'asc' | 'desc') => void;
  /** Spread into the channel input: { page, pageSize, sortBy, sortDirection }. */
  input: { page: number; pageSize: number; sortBy?: S; sortDirection: 'asc' | 'desc' };
}

export function useServerTable<S extends string>(init: { sortBy?: S; sortDirection?: 'asc' | 'desc'; pageSize?: number; filters?: unknown } = {}): ServerTableState<S> {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSizeState] = useState(init.pageSize ?? DEFAULT_PAGE_SIZE);
  const [sortBy, setSortBy] = useState<S | undefined>(init.sortBy);
  const [sortDirection, setSortDirection] = useState<'asc' | 'desc'>(init.sortDirection ?? 'asc');
  const filterKey = JSON.stringify(init.filters ?? null);
  const [seenFilters, setSeenFilters] = useState(filterKey);
  // New filters mean a new result set: start again from its first page (adjusted during render,
  // so the query never runs with the old page number).
  let currentPage = page;
  if (seenFilters !== filterKey) {
    setSeenFilters(filterKey);
    setPage(1);
    currentPage = 1;
  }
  return {
    page: currentPage,
    pageSize,
    sortBy,
    sortDirection,
    setPage,
    setPageSize: (size) => {
      setPageSizeState(size);
      setPage(1);
    },
    setSort: (by, direction) => {
      setSortBy(by);
      setSortDirection(direction);
      setPage(1);
    },
    input: { page: currentPage, pageSize, sortBy, sortDirection },
  };
}

/** The translated pager of a paged table (server paging, or a long list paged in the window). */
export function useServerPager(table: Pick<ServerTableState<string>, 'page' | 'pageSize' | 'setPage'> & { setPageSize?: (size: number) => void }, total: number, totalCapped = false): PagerProps {
  const { t } = useTranslation('common');
  const f = useFormat();
  return {
    totalRecords: total,
    recordsPerPage: table.pageSize,
    page: table.page,
    onPageChange: table.setPage,
    ...(table.setPageSize ? { recordsPerPageOptions: PAGE_SIZES, onRecordsPerPageChange: table.setPageSize, recordsPerPageLabel: t('table.perPage') } : {}),
    getPaginationControlProps: (control) => ({ 'aria-label': t(`table.${control}`) }),
    paginationText: ({ from, to, totalRecords }) =>
      t('table.range', { from: f.qty(from), to: f.qty(to), total: totalCapped ? `${f.qty(totalRecords)}+` : f.qty(totalRecords) }),
  };
}

export type ServerTableProps<T, S extends string> = Omit<ListTableProps<T>, 'query' | 'total' | 'pager' | 'sort'> & {
  table: ServerTableState<S>;
  /** The page's query (the contract's pageOutput). */
  query: { data?: { rows: T[]; total: number; totalCapped?: boolean }; isFetching?: boolean; error?: unknown };
};

/** The paged channel and input behind a page's query (useApiQuery's result, or its answer), for the list's export. */
function pagedSource(query: { data?: unknown }): ExportSource | null {
  const source = querySourceOf(query) ?? querySourceOf(query.data);
  if (!source || !rowSchemaOf({ kind: 'paged', channel: source.channel })) return null;
  return { kind: 'paged', channel: source.channel, input: (source.input ?? {}) as Record<string, unknown> };
}

export function ServerTable<T, S extends string>({ table, query, view, ...props }: ServerTableProps<T, S>) {
  const result = query.data;
  const pager = useServerPager(table, result?.total ?? 0, result?.totalCapped);
  // The table highlights a column by accessor; the contract sorts by name (sortKey when they differ).
  const sortedColumn = view.columns.find((c) => (c.sortKey ?? String(c.accessor)) === table.sortBy);
  const status: SortStatus = { columnAccessor: sortedColumn?.accessor ?? '', direction: table.sortDirection };
  const onChange = (next: SortStatus) => {
    const column = view.columns.find((c) => c.accessor === next.columnAccessor);
    table.setSort((column?.sortKey ?? String(next.columnAccessor)) as S, next.direction);
  };
  return <ListTable<T> view={view} query={{ ...query, data: result?.rows }} total={result?.total} pager={pager} sort={{ status, onChange }} exportSource={pagedSource(query)} {...props} />;
}

/**
 * A ServerTable that makes its query itself, `useRows(input)`: when the rows arrive, the table renders
 * again, not the screen around it (its title, its filter bar and pickers) — about half of a list's second
 * render on opening it. A screen that needs the rows itself (Receiving) passes its query to ServerTable.
 */
export function QueryTable<T, S extends string, I>({ useRows, input, ...props }: Omit<ServerTableProps<T, S>, 'query'> & { useRows: (input: I) => ServerTableProps<T, S>['query']; input: I }) {
  return <ServerTable<T, S> {...props} query={useRows(input)} />;
}
