// The one list scaffold: see ListPage, useListView, FilterBar, ListTable and ServerTable.
export { actionsColumn, activeColumn, ActiveBadge, CellBadge, type CellBadgeProps } from './cells';
export { wrapping } from './columns';
export { ColumnChooser } from './ColumnChooser';
export { DayRangeFilter, FilterBar, SearchFilter, dayRangeMs, type DayRange } from './FilterBar';
export { isFiltered } from './filters';
export { ListPage } from './ListPage';
export { ListTable, type ListTableProps } from './ListTable';
export { DEFAULT_PAGE_SIZE, firstPageOf, type TableStart } from './firstPage';
export { QueryTable, ServerTable, useServerPager, useServerTable, type ServerTableState } from './ServerTable';
export { useListView, type CsvPart, type ListColumn, type ListView } from './useListView';
export { csvLabels, skuAndName } from './exportCsv';
