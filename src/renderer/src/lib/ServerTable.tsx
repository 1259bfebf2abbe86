// ServerTable — mantine-datatable with paging and sorting done by the main process (the contract's
// pageInput/pageOutput). Usage:
//   const table = useServerTable<'sku' | 'name'>({ sortBy: 'name', filters: { q, categoryId } });
//   const list = useApiQuery(['catalog'], 'catalog.listProducts', { ...table.input, q, categoryId }, { keepPrevious: true });
//   <ServerTable table={table} result={list.data} fetching={list.isFetching} error={list.error} columns={[…]} emptyState={…} />
// Columns are mantine-datatable columns; a sortable column sorts by its accessor, or by `sortKey`
// when the contract's sort name differs. Changing `filters` returns to page 1. A capped total
// (totalCapped) shows as "10,000+". An empty result shows `emptyState` (a call to action) in place
// of the table; the table's own overlay cannot hold buttons (it ignores pointer events).
import { Alert, Center, Loader } from '@mantine/core';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from './errors';
import { useFormat } from './useFormat';

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
  const [pageSize, setPageSizeState] = useState(init.pageSize ?? 50);
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

/**
 * The translated pager of a server-paged mantine-datatable, for a table that needs more than
 * ServerTable offers (selection, group rows): <DataTable {...useServerPager(table, total)} … />.
 */
export function useServerPager(table: Pick<ServerTableState<string>, 'page' | 'pageSize' | 'setPage' | 'setPageSize'>, total: number, totalCapped = false) {
  const { t } = useTranslation('common');
  const f = useFormat();
  return {
    totalRecords: total,
    recordsPerPage: table.pageSize,
    page: table.page,
    onPageChange: table.setPage,
    recordsPerPageOptions: PAGE_SIZES,
    onRecordsPerPageChange: table.setPageSize,
    recordsPerPageLabel: t('table.perPage'),
    getPaginationControlProps: (control: 'first' | 'last' | 'previous' | 'next') => ({ 'aria-label': t(`table.${control}`) }),
    loadingText: t('loading'),
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('table.range', { from: f.qty(from), to: f.qty(to), total: totalCapped ? `${f.qty(totalRecords)}+` : f.qty(totalRecords) }),
    noRecordsText: t('table.empty'),
  };
}

export interface ServerTableProps<T, S extends string> {
  table: ServerTableState<S>;
  result: { rows: T[]; total: number; totalCapped?: boolean } | undefined;
  fetching: boolean;
  /** The query's error: shown translated in place of the table while there is no result. */
  error?: unknown;
  columns: DataTableColumn<T>[];
  idAccessor?: keyof T | ((record: T) => string | number);
  /** Shown instead of the table when there is nothing at all: say why and offer the next step (see EmptyState). */
  emptyState?: ReactNode;
  onRowClick?: (record: T) => void;
  testId?: string;
}

export function ServerTable<T, S extends string>({ table, result, fetching, error, columns, idAccessor, emptyState, onRowClick, testId }: ServerTableProps<T, S>) {
  const { t } = useTranslation('common');
  const pager = useServerPager(table, result?.total ?? 0, result?.totalCapped);
  if (!result && error) {
    return (
      <Alert color="red" role="alert" title={t('loadFailed')}>
        {translateError(error)}
      </Alert>
    );
  }
  if (!result) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (result.total === 0 && result.rows.length === 0 && emptyState) return <>{emptyState}</>;
  // The table highlights a column by accessor; the contract sorts by name (sortKey when they differ).
  const sortedColumn = columns.find((c) => (c.sortKey ?? String(c.accessor)) === table.sortBy);
  const sortStatus: DataTableSortStatus<T> = { columnAccessor: sortedColumn?.accessor ?? '', direction: table.sortDirection };
  const sortColumn = (status: DataTableSortStatus<T>): S => {
    const column = columns.find((c) => c.accessor === status.columnAccessor);
    return (column?.sortKey ?? String(status.columnAccessor)) as S;
  };
  return (
    <DataTable<T>
      data-testid={testId}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      minHeight={result.rows.length === 0 ? 260 : undefined}
      records={result.rows}
      columns={columns}
      idAccessor={(idAccessor ?? 'id') as never}
      fetching={fetching}
      {...pager}
      sortStatus={sortStatus}
      onSortStatusChange={(status) => table.setSort(sortColumn(status), status.direction)}
      onRowClick={onRowClick ? ({ record }) => onRowClick(record) : undefined}
    />
  );
}
