// The table under the list scaffold (ListTable): a native <table> in a scroll box, with a sticky header,
// sortable column titles, a pager, row selection, expandable rows and group rows. Cells and rows are
// plain elements styled by TableView.css: a list page has hundreds of cells, and a component per cell
// (as mantine-datatable drew them, a Mantine Table cell each) was a third of the time from a click in
// the navigation to the rows on screen. Mantine components remain only where there are few (the pager,
// the selection checkboxes).
import { Checkbox, Loader, Pagination, Select } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronRight, IconSelector } from '@tabler/icons-react';
import { Fragment, type CSSProperties, type HTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { nextSort, pageRange, pageSelectionState, toggledIds, withPageSelected, withRecordSelected, type SortStatus } from './tableState';
import './TableView.css';

export type { SortStatus };

export type ColumnAlign = 'left' | 'center' | 'right';

/** A column as the table draws it: `accessor` names a field (a dotted path) or, with `render`, just the column. */
export interface TableColumn<T> {
  accessor: string;
  title?: ReactNode;
  width?: number | string;
  textAlign?: ColumnAlign;
  noWrap?: boolean;
  sortable?: boolean;
  hidden?: boolean;
  render?: (record: T, index: number) => ReactNode;
}

/** The pager drawn under the table (see useServerPager). */
export interface PagerProps {
  totalRecords: number;
  recordsPerPage: number;
  page: number;
  onPageChange: (page: number) => void;
  recordsPerPageOptions?: number[];
  onRecordsPerPageChange?: (size: number) => void;
  recordsPerPageLabel?: string;
  getPaginationControlProps?: (control: 'first' | 'last' | 'previous' | 'next') => Record<string, unknown>;
  paginationText?: (p: { from: number; to: number; totalRecords: number }) => string;
}

export interface RowFactoryProps<T> {
  record: T;
  index: number;
  rowProps: HTMLAttributes<HTMLTableRowElement> & { key?: never };
  children: ReactNode;
  expandedElement: ReactNode;
}

/** What some tables add: group rows, selection, expanding rows, a highlighted row. */
export interface ExtraTableProps<T> {
  rowStyle?: (record: T) => CSSProperties | undefined;
  rowExpansion?: {
    expandable?: (p: { record: T }) => boolean;
    expanded: { recordIds: unknown[]; onRecordIdsChange: (ids: unknown[]) => void };
    allowMultiple?: boolean;
    content: (p: { record: T }) => ReactNode;
  };
  /** Draws a record's row(s) itself: a group row before it, say. */
  rowFactory?: (p: RowFactoryProps<T>) => ReactNode;
  verticalAlign?: 'top' | 'center';
  /** The last column (the row's actions) stays in view while the table scrolls sideways. */
  pinLastColumn?: boolean;
  selectedRecords?: T[];
  onSelectedRecordsChange?: (records: T[]) => void;
  isRecordSelectable?: (record: T, index: number) => boolean;
  allRecordsSelectionCheckboxProps?: Record<string, unknown>;
  getRecordSelectionCheckboxProps?: (record: T, index: number) => Record<string, unknown>;
}

export interface TableViewProps<T> extends ExtraTableProps<T> {
  records: T[];
  columns: TableColumn<T>[];
  idOf: (record: T) => string | number;
  compact?: boolean;
  maxHeight?: number;
  fetching?: boolean;
  loadingLabel: string;
  scrollLabel: string;
  /** The name of an expandable row's toggle (its state is announced as expanded or collapsed). */
  detailsLabel: string;
  sort?: { status: SortStatus; onChange: (status: SortStatus) => void };
  pager?: PagerProps;
  onRowClick?: (p: { record: T; index: number; event: MouseEvent }) => void;
  rowAttributes?: (record: T) => HTMLAttributes<HTMLTableRowElement>;
  clickable?: boolean;
  testId?: string;
}

export function valueAt(record: unknown, accessor: string): unknown {
  return accessor.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), record);
}

/** A cell's content: the column's render, else the accessor's value as text. */
export function cellContent<T>(column: Pick<TableColumn<T>, 'accessor' | 'render'>, record: T, index: number): ReactNode {
  if (column.render) return column.render(record, index);
  const value = valueAt(record, column.accessor);
  return value === null || value === undefined ? '' : String(value as string | number);
}

const alignClass = (align: ColumnAlign | undefined) => (align === 'right' ? 'app-td-right' : align === 'center' ? 'app-td-center' : undefined);

function classes(...names: (string | false | undefined)[]): string | undefined {
  const out = names.filter(Boolean).join(' ');
  return out || undefined;
}

export function TableView<T>(props: TableViewProps<T>) {
  const { records, idOf, compact, maxHeight, fetching, sort, pager, onRowClick, rowAttributes, clickable, testId } = props;
  const { rowStyle, rowExpansion, rowFactory, verticalAlign, pinLastColumn, selectedRecords, onSelectedRecordsChange, isRecordSelectable } = props;
  const columns = props.columns.filter((c) => !c.hidden);
  const selecting = Boolean(selectedRecords && onSelectedRecordsChange);
  const selectedIds = new Set(selectedRecords?.map(idOf));
  const expandedIds = new Set(rowExpansion?.expanded.recordIds);
  const selectable = selecting ? records.filter((r, i) => isRecordSelectable?.(r, i) ?? true) : [];
  const expanding = rowExpansion !== undefined;
  const columnCount = columns.length + (selecting ? 1 : 0) + (expanding ? 1 : 0);

  const toggleExpanded = (record: T) => {
    if (!rowExpansion || !(rowExpansion.expandable?.({ record }) ?? true)) return;
    rowExpansion.expanded.onRecordIdsChange(toggledIds(rowExpansion.expanded.recordIds, idOf(record), rowExpansion.allowMultiple));
  };
  const setSelected = (record: T, on: boolean) => onSelectedRecordsChange!(withRecordSelected(selectedRecords ?? [], record, on, idOf));
  const setPageSelected = (on: boolean) => onSelectedRecordsChange!(withPageSelected(selectedRecords ?? [], selectable, on, idOf));
  const pageSelection = pageSelectionState(selectedRecords ?? [], selectable, idOf);

  const header = (column: TableColumn<T>, index: number) => {
    const sorted = sort && sort.status.columnAccessor === column.accessor ? sort.status.direction : undefined;
    const pinned = pinLastColumn && index === columns.length - 1;
    const style: CSSProperties | undefined = column.width !== undefined ? { width: column.width, minWidth: column.width } : undefined;
    return (
      <th
        key={column.accessor}
        scope="col"
        className={classes(alignClass(column.textAlign), pinned && 'app-td-pinned')}
        style={style}
        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      >
        {column.sortable && sort ? (
          <button
            type="button"
            className="app-th-sort mantine-focus-auto"
            onClick={() => sort.onChange(nextSort(sort.status, column.accessor))}
          >
            <span className="app-th-sort-text">{column.title}</span>
            {sorted === 'asc' ? <IconArrowUp size={14} aria-hidden /> : sorted === 'desc' ? <IconArrowDown size={14} aria-hidden /> : <IconSelector size={14} aria-hidden className="app-th-unsorted" />}
          </button>
        ) : (
          column.title
        )}
      </th>
    );
  };

  const row = (record: T, index: number) => {
    const id = idOf(record);
    const expanded = expanding && expandedIds.has(id);
    const selected = selecting && selectedIds.has(id);
    const canSelect = selecting && (isRecordSelectable?.(record, index) ?? true);
    const expandable = expanding && (rowExpansion.expandable?.({ record }) ?? true);
    const cells = (
      <>
        {expanding && (
          <td className="app-td-toggle">
            {expandable && (
              // The row toggles on a click anywhere; this button is the way by keyboard, and says the state.
              <button
                type="button"
                className="app-row-toggle mantine-focus-auto"
                aria-expanded={expanded}
                aria-label={props.detailsLabel}
                onClick={(event) => {
                  event.stopPropagation();
                  toggleExpanded(record);
                }}
              >
                <IconChevronRight size={16} aria-hidden />
              </button>
            )}
          </td>
        )}
        {selecting && (
          <td className="app-td-select" onClick={(e) => e.stopPropagation()}>
            <Checkbox
              size="xs"
              checked={selected}
              disabled={!canSelect}
              onChange={(e) => setSelected(record, e.currentTarget.checked)}
              {...props.getRecordSelectionCheckboxProps?.(record, index)}
            />
          </td>
        )}
        {columns.map((column, c) => (
          <td key={column.accessor} className={classes(alignClass(column.textAlign), column.noWrap && 'app-td-nowrap', pinLastColumn && c === columns.length - 1 && 'app-td-pinned')}>
            {cellContent(column, record, index)}
          </td>
        ))}
      </>
    );
    const rowProps: HTMLAttributes<HTMLTableRowElement> = {
      ...rowAttributes?.(record),
      style: rowStyle?.(record),
      'data-selected': selected || undefined,
      'data-expandable': expandable || undefined,
      onClick:
        onRowClick || expandable
          ? (event: MouseEvent) => {
              if (expandable) toggleExpanded(record);
              onRowClick?.({ record, index, event });
            }
          : undefined,
    } as HTMLAttributes<HTMLTableRowElement>;
    const expandedElement = expanded ? (
      <tr className="app-tr-expansion">
        <td colSpan={columnCount}>{rowExpansion.content({ record })}</td>
      </tr>
    ) : null;
    if (rowFactory) return <Fragment key={id}>{rowFactory({ record, index, rowProps, children: cells, expandedElement })}</Fragment>;
    return (
      <Fragment key={id}>
        <tr {...rowProps}>{cells}</tr>
        {expandedElement}
      </Fragment>
    );
  };

  return (
    <div className="app-table" data-compact={compact || undefined}>
      <div className="app-table-scroll" style={maxHeight !== undefined ? { maxHeight } : undefined} tabIndex={0} aria-label={props.scrollLabel}>
        <table
          className={classes('app-table-table', verticalAlign === 'top' && 'app-table-top')}
          data-testid={testId}
          data-clickable={clickable || undefined}
          data-striped={rowFactory ? undefined : true}
          aria-busy={fetching || undefined}
        >
          <thead>
            <tr>
              {selecting && (
                <th className="app-td-select" scope="col">
                  <Checkbox
                    size="xs"
                    checked={pageSelection.checked}
                    indeterminate={pageSelection.indeterminate}
                    disabled={selectable.length === 0}
                    onChange={(e) => setPageSelected(e.currentTarget.checked)}
                    {...props.allRecordsSelectionCheckboxProps}
                  />
                </th>
              )}
              {expanding && <th className="app-td-toggle" scope="col" aria-label={props.detailsLabel} />}
              {columns.map(header)}
            </tr>
          </thead>
          <tbody>{records.map(row)}</tbody>
        </table>
      </div>
      {fetching && (
        <div className="app-table-fetching">
          <Loader size="sm" aria-label={props.loadingLabel} />
        </div>
      )}
      {pager && <Pager pager={pager} shown={records.length} />}
    </div>
  );
}

function Pager({ pager, shown }: { pager: PagerProps; shown: number }) {
  const { from, to, pages } = pageRange(pager.page, pager.recordsPerPage, pager.totalRecords, shown);
  const sizes = pager.recordsPerPageOptions;
  return (
    <div className="app-table-pager">
      <div className="app-table-pager-text">{pager.paginationText ? pager.paginationText({ from, to, totalRecords: pager.totalRecords }) : `${from}–${to} / ${pager.totalRecords}`}</div>
      {sizes && pager.onRecordsPerPageChange && (
        <Select
          size="xs"
          label={pager.recordsPerPageLabel}
          classNames={{ root: 'app-table-page-size', label: 'app-table-page-size-label', input: 'app-table-page-size-input' }}
          data={sizes.map(String)}
          value={String(pager.recordsPerPage)}
          allowDeselect={false}
          onChange={(value) => value && pager.onRecordsPerPageChange!(Number(value))}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {pages > 1 && <Pagination size="sm" total={pages} value={pager.page} onChange={pager.onPageChange} withEdges getControlProps={pager.getPaginationControlProps} />}
    </div>
  );
}
