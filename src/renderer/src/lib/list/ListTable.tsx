// The table of every list: the user's columns and density (useListView), a sticky header inside a
// box that fits the window (its horizontal scroll bar always on screen), long text cut with the full
// text on hover, rows that open their document through a real link, and the empty states:
// "Nothing matches these filters" (with Clear filters) only when a filter is set, otherwise what to
// do to fill the list. A server-paged list uses ServerTable, which passes its pager and sort here.
import { Alert, Box, Button, Center, Group, Loader } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState, type EmptyStateProps } from '../EmptyState';
import { translateError } from '../errors';
import { useAfterPaint } from '../idle';
import { querySourceOf } from '../query';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { rowSchemaOf, type ExportSource } from './exportCsv';
import { tableColumns } from './columns';
import { TableView, type ExtraTableProps, type PagerProps, type SortStatus } from './TableView';
import { useFitHeight } from './useFitHeight';
import type { ListView } from './useListView';

export type { ExtraTableProps, PagerProps, SortStatus };

export interface ListTableProps<T> {
  view: ListView<T>;
  /** The rows' query: its rows (undefined while the first answer is awaited), whether it is fetching, its error (shown translated while there are no rows). */
  query: { data: T[] | undefined; isFetching?: boolean; error?: unknown };
  /** Rows in the whole list (server paging); defaults to the rows shown. */
  total?: number;
  idAccessor?: keyof T | ((record: T) => string | number);
  /** The list's empty state when no filter is set: what fills it and, when the user may, the button that does. */
  empty: EmptyStateProps;
  /** The document a row opens (a hash-router path): its `link` column becomes a link and the row opens it on click. */
  rowHref?: (record: T) => string;
  /** false: only the link cell opens the document (rows whose other cells hold their own actions). */
  clickRows?: boolean;
  /** A row that opens something other than a page (a dialog): called on click instead of rowHref. */
  onRowClick?: (record: T) => void;
  pager?: PagerProps;
  sort?: { status: SortStatus; onChange: (status: SortStatus) => void };
  /** false: the table grows with its rows (a short list inside a page that scrolls). */
  fit?: boolean;
  /** A table without a filter bar (in a document, a tab, a panel): its column chooser above it, once it has rows. */
  chooser?: boolean;
  testId?: string;
  extra?: ExtraTableProps<T>;
  /** What the list's export reads (ServerTable: the paged channel); by default the rows of `query`, when a channel's answer. */
  exportSource?: ExportSource | null;
  /** The file's name in chooser mode (a table without a filter bar); by default the screen's title. */
  exportName?: string;
}

/** Rows that fill the first screen of a list, or more (about 13 fit a 1440×900 window, 20 compact). */
const FIRST_ROWS = 20;

/**
 * The rows to render: when a list first shows its rows, the first screenful alone, then the whole page
 * once those are painted (a page of 50 rows took its own ~100 ms before anything showed). Later answers
 * (another page, a refetch) render whole at once, so rows never vanish under a user's eyes.
 */
function useFirstRowsFirst<T>(records: T[] | undefined): T[] | undefined {
  const long = records !== undefined && records.length > FIRST_ROWS;
  const complete = useAfterPaint(long);
  return long && !complete ? records.slice(0, FIRST_ROWS) : records;
}

/** A click on a control inside the row (a button, a link, a field) is that control's, not the row's. */
function onControl(event: MouseEvent): boolean {
  const target = event.target as Element | null;
  return Boolean(target?.closest('a, button, input, textarea, select, label, [role="button"], [role="menuitem"], [role="checkbox"]'));
}

/**
 * What the table's rows were read from, when they are a channel's answer as it came (useApiQuery's result,
 * its answer or the answer's rows): a paged list is read again by the host; a list read whole is written
 * from the rows on screen. Rows the screen built or filtered itself have no source, and no Export.
 */
function querySource(query: { data: unknown }): ExportSource | null {
  const source = querySourceOf(query) ?? querySourceOf(query.data);
  if (!source) return null;
  if (rowSchemaOf({ kind: 'paged', channel: source.channel })) return { kind: 'paged', channel: source.channel, input: (source.input ?? {}) as Record<string, unknown> };
  const rows = query.data;
  if (!Array.isArray(rows) || !rowSchemaOf({ kind: 'rows', channel: source.channel })) return null;
  return { kind: 'rows', channel: source.channel, rows };
}

export function ListTable<T>({ view, query, total, idAccessor, empty, rowHref, clickRows = true, onRowClick, pager, sort, fit = true, chooser = false, testId, extra, exportSource, exportName }: ListTableProps<T>) {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const { data: allRecords, isFetching: fetching = false, error } = query;
  const records = useFirstRowsFirst(allRecords);
  // Measured from the first render (the loader stands where the table will): when the rows come the
  // height is known, so they render once, not once more when it is measured.
  const maxHeight = useFitHeight(box, fit);
  const source = exportSource !== undefined ? exportSource : querySource(query);
  const store = view.exportSource;
  useEffect(() => store.set(source), [store, source]);
  useEffect(() => () => store.set(null), [store]);
  return (
    <>
      {chooser && records !== undefined && records.length > 0 && (
        <Group justify="flex-end" mb="xs" gap="sm">
          <ExportButton view={view} name={exportName} />
          <ColumnChooser view={view} />
        </Group>
      )}
      <Box ref={box}>{content()}</Box>
    </>
  );

  function content() {
    if (records === undefined && error) {
      return (
        <Alert color="red" role="alert" title={t('loadFailed')}>
          {translateError(error)}
        </Alert>
      );
    }
    if (records === undefined) {
      return (
        <Center mih={200}>
          <Loader aria-label={t('loading')} />
        </Center>
      );
    }
    if (records.length === 0 && (total ?? 0) === 0) {
      if (view.filtered) {
        return (
          <EmptyState
            icon={IconFilterOff}
            testId="list-no-match"
            title={t('table.noMatch')}
            description={t('table.noMatchHint')}
            action={
              view.clearFilters && (
                <Button variant="default" onClick={view.clearFilters}>
                  {t('actions.clearFilters')}
                </Button>
              )
            }
          />
        );
      }
      return <EmptyState {...empty} />;
    }

    /** The address of a path in this app, for a new tab or window (the hash router keeps it after the #). */
    const absolute = (path: string) => new URL(`#${path}`, window.location.href).href;
    const openNew = (record: T) => {
      if (rowHref) window.open(absolute(rowHref(record)), '_blank', 'noopener');
    };
    const clickable = Boolean((rowHref && clickRows) || onRowClick);
    const id = idAccessor ?? ('id' as keyof T);
    return (
      <TableView<T>
        testId={testId}
        compact={view.prefs.density === 'compact'}
        maxHeight={maxHeight}
        scrollLabel={t('table.scrollRegion')}
        loadingLabel={t('loading')}
        detailsLabel={t('table.rowDetails')}
        records={records}
        columns={tableColumns(view.shown, rowHref)}
        idOf={typeof id === 'function' ? id : (record) => record[id] as string | number}
        fetching={fetching}
        pager={pager}
        sort={sort}
        clickable={clickable}
        onRowClick={
          clickable
            ? ({ record, event }) => {
                if (onControl(event)) return;
                if (onRowClick) onRowClick(record);
                else if (event.ctrlKey || event.metaKey || event.shiftKey) openNew(record);
                else if (rowHref) navigate(rowHref(record));
              }
            : undefined
        }
        rowAttributes={
          rowHref && clickRows && !onRowClick
            ? (record) => ({
                // A middle click on the row opens its document apart, as on its link.
                onAuxClick: (event: MouseEvent) => {
                  if (event.button === 1 && !onControl(event)) openNew(record);
                },
              })
            : undefined
        }
        {...extra}
      />
    );
  }
}
