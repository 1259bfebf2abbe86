// CSV export of any paged list (contract: lists.export). The list is opened through the door as its own
// channel would be for this caller (permission, module, validation of its filters, cost rules), then read
// chunk by chunk: most lists by page, with a page size no screen may ask for; the history by its order's
// key, so each chunk of a million moves costs what the first page costs. Cells are written by the shared
// CSV rules (shared/csv.ts), each column's kind taken from the contract's schema of the list's row.
import { contract, type ChannelDef, type ChannelName, type ChannelOutput, type ParsedInput } from '@shared/contract';
import { EXPORT_CHUNK_ROWS } from '@shared/contract/exports';
import { CSV_BOM, csvHeader, csvRecords, csvText, fieldSchema, isCostField, kindOf, listRowSchemaOf, type CsvColumn, type CsvOptions } from '@shared/csv';
import { DomainError } from '@shared/errors';
import type { z } from 'zod';
import { historyAfter, historyCount, type HistoryKey } from '../domain/stock/history';
import type { CallContext, ListReader, PartialHandlerTable } from './types';

type ExportInput = ParsedInput<'lists.export'>;
type ExportOutput = ChannelOutput<'lists.export'>;

/** The row schema of a paged list, or null for any other channel (or a long read, which no list is). */
export function listRowSchema(name: string): z.ZodType | null {
  if (!Object.prototype.hasOwnProperty.call(contract, name)) return null;
  const def: ChannelDef = contract[name as ChannelName];
  return def.io || (def.kind === 'query' && def.long) ? null : listRowSchemaOf(def);
}

/** The paged lists an export can read. */
export function exportableLists(): ChannelName[] {
  return (Object.keys(contract) as ChannelName[]).filter((name) => listRowSchema(name) !== null);
}

/** Rows per chunk: the contract's, lowered by tests to read small lists in several chunks. */
export const exportSettings = { chunkRows: EXPORT_CHUNK_ROWS };

const invalid = (path: string, message: string) => new DomainError('VALIDATION', { fields: [{ path, code: 'custom', message }] });

/** One chunk read from a list: its rows (redacted), where to go on from, and the total on the first chunk. */
interface Chunk {
  rows: unknown[];
  next: string | null;
  total: number;
  totalCapped: boolean;
}

type Reader = (call: CallContext, list: ListReader, cursor: string | null) => Chunk;

/** A list read page by page (the first chunk also gives the list's total, capped as on screen). */
const byPage: Reader = (_call, list, cursor) => {
  const page = cursor === null ? 1 : Number(/^p([1-9]\d{0,6})$/.exec(cursor)?.[1] ?? NaN);
  if (!Number.isSafeInteger(page) || page > 1_000_000) throw invalid('cursor', 'not a cursor of this list');
  const size = exportSettings.chunkRows;
  const answer = list.page({ page, pageSize: size }) as { rows: unknown[]; total?: number; totalCapped?: boolean };
  return { rows: answer.rows, next: answer.rows.length === size ? `p${page + 1}` : null, total: answer.total ?? 0, totalCapped: answer.totalCapped ?? false };
};

/** The history by its order's key (time, side, id): no OFFSET, so the millionth row costs what the first does. */
const historyByKey: Reader = (call, list, cursor) => {
  let after: HistoryKey | null = null;
  if (cursor !== null) {
    const match = /^k(\d{1,16})([me])(\d{1,16})$/.exec(cursor);
    if (!match) throw invalid('cursor', 'not a cursor of this list');
    after = { occurredAt: Number(match[1]), side: match[2] === 'm' ? 'move' : 'event', id: Number(match[3]) };
  }
  const input = list.input as ParsedInput<'stock.history'>;
  const { rows, last } = historyAfter(call.ctx, input, after, exportSettings.chunkRows);
  const redacted = list.redact({ rows, total: 0, totalCapped: false }) as { rows: unknown[] };
  return {
    rows: redacted.rows,
    next: last ? `k${last.occurredAt}${last.side === 'move' ? 'm' : 'e'}${last.id}` : null,
    // Counted once, for the progress bar; later chunks need not count a million moves again.
    total: after === null ? historyCount(call.ctx, input) : 0,
    totalCapped: false,
  };
};

const readers: Partial<Record<ChannelName, Reader>> = { 'stock.history': historyByKey };

export function exportList(input: ExportInput, call: CallContext): ExportOutput {
  const row = listRowSchema(input.list);
  if (!row) throw invalid('list', 'not a list that can be exported');
  const listName = input.list as ChannelName;
  // Paging is the export's own: a screen's page and page size, if sent, are not the file's.
  const { page: _page, pageSize: _pageSize, ...filters } = input.input;
  const list = call.openList(listName, filters);
  const columns: CsvColumn[] = [];
  const dropped: string[] = [];
  input.columns.forEach((column, index) => {
    const schema = fieldSchema(row, column.field);
    const kind = schema && kindOf(schema);
    if (!kind) throw invalid(`columns.${index}.field`, `the list's rows have no field "${column.field}" a cell can show`);
    if (list.hideCosts && isCostField(row, column.field)) dropped.push(column.field);
    else columns.push({ field: column.field, header: column.header, kind, labels: column.labels });
  });
  const options: CsvOptions = { language: input.language, timeZone: input.timeZone, yes: input.yes, no: input.no };
  const chunk = (readers[listName] ?? byPage)(call, list, input.cursor);
  const records = csvRecords(chunk.rows, columns, options);
  const first = input.cursor === null;
  const csv = (first ? CSV_BOM : '') + csvText(first ? [csvHeader(columns), ...records] : records, input.language);
  return { csv, rows: chunk.rows.length, total: chunk.total, totalCapped: chunk.totalCapped, next: chunk.next, dropped };
}

export const exportHandlers: PartialHandlerTable<'lists.export'> = {
  'lists.export': (input, call) => exportList(input, call),
};
