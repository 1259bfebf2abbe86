// CSV export of a list as the user sees it: its filters and sort, every row, the columns on screen with
// their titles, in the user's language (shared/csv.ts has the file's rules). A paged list is read again
// by the host chunk by chunk (lists.export), so a million rows never sit in memory as rows; a list the
// screen holds whole is written from the rows it has. Either way the file is then saved as a download.
import { contract, type ChannelName, type ChannelOutput } from '@shared/contract';
import { CSV_BOM, csvHeader, csvRecords, csvText, fieldSchema, isCostField, kindOf, listRowSchemaOf, type CsvColumn, type CsvLanguage, type CsvOptions } from '@shared/csv';
import { localDay, localTimeZone } from '@shared/formats';
import type { z } from 'zod';
import { call } from '../api';
import { downloadBlob } from '../pdf';
import { chooserLabel, type CsvPart, type ListColumn } from './useListView';

/** What a list's export reads: a paged list channel with the screen's input, or the rows a screen holds whole. */
export type ExportSource = { kind: 'paged'; channel: ChannelName; input: Record<string, unknown> } | { kind: 'rows'; channel: ChannelName; rows: readonly unknown[] };

/** Where a list's table tells its Export button what to read. */
export interface ExportSourceStore {
  get(): ExportSource | null;
  set(source: ExportSource | null): void;
  subscribe(listener: () => void): () => void;
}

/** Two sources read the same when they name the same channel, input and rows. */
function sameSource(a: ExportSource | null, b: ExportSource | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind || a.channel !== b.channel) return false;
  return a.kind === 'rows' ? a.rows === (b as typeof a).rows : JSON.stringify(a.input) === JSON.stringify((b as typeof a).input);
}

export function createExportSourceStore(): ExportSourceStore {
  let current: ExportSource | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(source) {
      if (sameSource(current, source)) return;
      current = source;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A column as the export asks for it: the row's field, the screen's title, words for coded values. */
export interface ExportColumn {
  field: string;
  header: string;
  labels?: Readonly<Record<string, string>>;
}

/** Words for every value of a coded field, as the screen shows them: `csvLabels(poStatuses, (s) => t(\`status.${s}\`))`. */
export function csvLabels<V extends string>(values: readonly V[], word: (value: V) => string): Record<string, string> {
  return Object.fromEntries(values.map((value) => [value, word(value)]));
}

/** A product column drawn as SKU over name: two columns in the file. */
export function skuAndName(nameHeader: string, fields: { sku?: string; name?: string } = {}): CsvPart[] {
  return [
    { field: fields.sku ?? 'sku', header: 'SKU' },
    { field: fields.name ?? 'productName', header: nameHeader },
  ];
}

/** The row schema behind a source: the paged list's, or the rows' of a list read whole. */
export function rowSchemaOf(source: Pick<ExportSource, 'kind' | 'channel'>): z.ZodType | null {
  return listRowSchemaOf(contract[source.channel], { paged: source.kind === 'paged' });
}

/**
 * The columns on screen that a file can hold: each names a field of the row (its accessor, or `csv.field`)
 * whose value a cell can show; row actions and columns drawn from several fields without one are left out.
 */
export function exportColumns<T>(shown: readonly ListColumn<T>[], row: z.ZodType | null): ExportColumn[] {
  if (!row) return [];
  const columns: ExportColumn[] = [];
  for (const column of shown) {
    const title = chooserLabel(column);
    if (column.csv === false || title === null) continue;
    const parts: readonly CsvPart[] = column.csv === undefined ? [{}] : Array.isArray(column.csv) ? column.csv : [column.csv as CsvPart];
    for (const part of parts) {
      const field = part.field ?? String(column.accessor);
      const schema = fieldSchema(row, field);
      if (!schema || kindOf(schema) === null || columns.some((c) => c.field === field)) continue;
      columns.push({ field, header: part.header ?? title, ...(part.labels ? { labels: part.labels } : {}) });
    }
  }
  return columns;
}

/** A file name from the list's title and today's date: "History 2026-12-04.csv". */
export function exportFileName(title: string, now = Date.now()): string {
  // Characters no file system takes in a name (control characters among them: \s covers those that matter).
  const name = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'export';
  return `${name} ${localDay(now)}.csv`;
}

export interface ExportProgress {
  done: number;
  /** Rows the list holds (at least, when `capped`). */
  total: number;
  capped: boolean;
}

export interface ExportRequest {
  source: ExportSource;
  columns: ExportColumn[];
  language: CsvLanguage;
  yes: string;
  no: string;
  /** Whether the user may see costs (a list read whole already has them blanked; their columns go). */
  seesCosts: boolean;
  fileName: string;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

export interface ExportResult {
  rows: number;
  fileName: string;
  /** Cost columns left out. */
  dropped: string[];
}

/** The file's text, chunk by chunk; null when stopped. */
async function pagedParts(request: ExportRequest, source: Extract<ExportSource, { kind: 'paged' }>, parts: BlobPart[]): Promise<{ rows: number; dropped: string[] } | null> {
  // The screen's page is not the file's: the host reads every row.
  const { page: _page, pageSize: _pageSize, ...input } = source.input;
  let cursor: string | null = null;
  let done = 0;
  let total = 0;
  let capped = false;
  let dropped: string[] = [];
  do {
    const chunk: ChannelOutput<'lists.export'> = await call('lists.export', { list: source.channel, input, columns: request.columns, language: request.language, timeZone: localTimeZone(), yes: request.yes, no: request.no, cursor });
    if (request.signal?.aborted) return null;
    if (cursor === null) {
      total = chunk.total;
      capped = chunk.totalCapped;
      dropped = chunk.dropped;
    }
    // Each chunk becomes a blob at once: the browser may keep blobs out of the page's memory (on disk
    // when large), so a million rows are not held as text until the end.
    parts.push(new Blob([chunk.csv]));
    done += chunk.rows;
    cursor = chunk.next;
    request.onProgress?.({ done, total: Math.max(total, done), capped: capped && cursor !== null });
  } while (cursor !== null);
  return { rows: done, dropped };
}

/** A list the screen holds whole, written here by the same rules. */
function rowsParts(request: ExportRequest, source: Extract<ExportSource, { kind: 'rows' }>, parts: BlobPart[]): { rows: number; dropped: string[] } {
  const row = rowSchemaOf(source);
  const columns: CsvColumn[] = [];
  const dropped: string[] = [];
  for (const column of request.columns) {
    const schema = row && fieldSchema(row, column.field);
    const kind = schema && kindOf(schema);
    if (!row || !kind) continue;
    if (!request.seesCosts && isCostField(row, column.field)) dropped.push(column.field);
    else columns.push({ ...column, kind });
  }
  const options: CsvOptions = { language: request.language, timeZone: localTimeZone(), yes: request.yes, no: request.no };
  parts.push(CSV_BOM + csvText([csvHeader(columns), ...csvRecords(source.rows, columns, options)], request.language));
  request.onProgress?.({ done: source.rows.length, total: source.rows.length, capped: false });
  return { rows: source.rows.length, dropped };
}

/** Writes the list as a CSV file and hands it to the user as a download; null when stopped. */
export async function exportList(request: ExportRequest): Promise<ExportResult | null> {
  const parts: BlobPart[] = [];
  const { source } = request;
  const written = source.kind === 'paged' ? await pagedParts(request, source, parts) : rowsParts(request, source, parts);
  if (!written) return null;
  downloadBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), request.fileName);
  return { rows: written.rows, fileName: request.fileName, dropped: written.dropped };
}
