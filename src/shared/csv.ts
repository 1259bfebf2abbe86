// CSV files as an office opens them in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
// accents), `;` between cells in Spanish and `,` in English (Spanish spreadsheets use `,` for decimals),
// numbers without thousands separators and with the language's decimal mark, dates as ISO days and times
// in the user's time zone, and text that would start a formula (`=`, `+`, `-`, `@`, tab, carriage return)
// defused with a leading apostrophe. The kind of each cell comes from the contract's schema of the row, so
// a cost, a date or a flag is written the same way on every list.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { z } from 'zod';
import { costMarkOf, epochMs, isMoneySchema, schemaDef, wrapperTypes } from './contract/define';
import { minorToDecimal } from './money';

export type CsvLanguage = 'es' | 'en';

/** How a field's value is written: text as it is, a count, money (ten-thousandths), a moment, a flag, a list. */
export type CsvKind = 'text' | 'number' | 'money' | 'datetime' | 'bool' | 'list';

export const CSV_BOM = '\uFEFF';

export function csvSeparator(language: CsvLanguage): ';' | ',' {
  return language === 'es' ? ';' : ',';
}

const defOf = schemaDef;
const wrappers = wrapperTypes;

/** The schema node under wrappers (optional, nullable, a transform's input), meeting `visit` on the way down. */
function unwrap(schema: z.ZodType, visit: (node: z.ZodType) => boolean): z.ZodType | null {
  let node = schema;
  for (let depth = 0; depth < 20; depth++) {
    if (visit(node)) return node;
    const def = defOf(node);
    if (wrappers.has(def.type)) node = def.innerType as z.ZodType;
    else if (def.type === 'pipe') node = def.in as z.ZodType;
    else if (def.type === 'lazy') node = (def.getter as () => z.ZodType)();
    else return node;
  }
  return node;
}



/**
 * The schema of the field at a dotted path of a row (`sku`, `product.name`), or null when the row has no
 * such field. Only object shapes are walked: a path never reaches into an array.
 */
export function fieldSchema(row: z.ZodType, path: string): z.ZodType | null {
  let node: z.ZodType | null = row;
  for (const key of path.split('.')) {
    const inner = node && unwrap(node, () => false);
    if (!inner) return null;
    const def = defOf(inner);
    if (def.type !== 'object') return null;
    const shape = def.shape as Record<string, z.ZodType>;
    if (!Object.prototype.hasOwnProperty.call(shape, key)) return null;
    node = shape[key]!;
  }
  return node;
}

/** The kind of a field's schema, or null when it holds something no cell can show (an object, a list of objects). */
export function kindOf(schema: z.ZodType): CsvKind | null {
  let marked: CsvKind | null = null;
  const base = unwrap(schema, (node) => {
    if (isMoneySchema(node)) marked = 'money';
    else if (node === epochMs) marked = 'datetime';
    return marked !== null;
  });
  if (marked) return marked;
  if (!base) return null;
  const def = defOf(base);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return 'text';
    case 'number':
    case 'int':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'array': {
      const element = kindOf(def.element as z.ZodType);
      return element === 'text' || element === 'number' ? 'list' : null;
    }
    case 'union': {
      const kinds = new Set((def.options as z.ZodType[]).map(kindOf));
      return kinds.size === 1 ? [...kinds][0]! : kinds.has(null) ? null : 'text';
    }
    default:
      return null;
  }
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const base = unwrap(schema, () => false);
  if (!base) return null;
  const def = defOf(base);
  return def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : null;
}

/**
 * The schema of one row of a list channel, or null for a channel that is not a list: a paged list
 * (input with page and pageSize, answer `{ rows }`) or, with `paged: false`, any query answering rows
 * (an array, or `{ rows }`).
 */
export function listRowSchemaOf(def: { kind: string; input: z.ZodType; output: z.ZodType }, options: { paged?: boolean } = {}): z.ZodType | null {
  if (def.kind !== 'query') return null;
  const output = unwrap(def.output, () => false);
  if (!output) return null;
  const rows = defOf(output).type === 'array' ? output : objectShape(output)?.rows;
  if (options.paged !== false) {
    const input = objectShape(def.input);
    if (!input?.page || !input.pageSize || rows === output) return null;
  }
  const array = rows && unwrap(rows, () => false);
  return array && defOf(array).type === 'array' ? (defOf(array).element as z.ZodType) : null;
}

/** Whether the field at a dotted path of a row, or a field it lies in, is marked as a cost. */
export function isCostField(row: z.ZodType, path: string): boolean {
  const keys = path.split('.');
  for (let i = 1; i <= keys.length; i++) {
    const node = fieldSchema(row, keys.slice(0, i).join('.'));
    let marked = false;
    if (node) unwrap(node, (n) => (marked = costMarkOf(n) !== undefined));
    if (marked) return true;
  }
  return false;
}

/** The value at a dotted path of a row. */
export function valueAt(row: unknown, path: string): unknown {
  let value: unknown = row;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice for CSV injection). */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A column of an export: the row's field, the header the user reads, and words for its coded values. */
export interface CsvColumn {
  field: string;
  header: string;
  kind: CsvKind;
  /** Words for coded values (a status, a type, each value of a list): `{ partiallyReceived: 'Recibido en parte' }`. */
  labels?: Readonly<Record<string, string>>;
}

export interface CsvOptions {
  language: CsvLanguage;
  /** IANA zone the moments are written in (the user's). */
  timeZone: string;
  /** Words for true and false in the user's language. */
  yes: string;
  no: string;
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-12-04 13:45` in the zone: a form every spreadsheet reads as a date and time, in any language. */
export function csvMoment(ms: number, timeZone: string): string {
  let format = momentFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    momentFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** An exact amount of ten-thousandths with at least two decimals: 125000 → 12.50, 123456 → 12.3456. */
export function csvMoney(minor: number | string, language: CsvLanguage): string {
  const [whole, fraction = ''] = minorToDecimal(minor).split('.');
  const decimals = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `${whole}${language === 'es' ? ',' : '.'}${decimals}`;
}

/** The word for a coded value: only the labels' own (a value such as "constructor" is a key of every object). */
function wordFor(value: string, labels: Readonly<Record<string, string>> | undefined): string {
  return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
}

/** One cell's text. Numbers and moments we write ourselves are never defused: "-3" stays a number. */
export function csvCell(value: unknown, column: Pick<CsvColumn, 'kind' | 'labels'>, options: CsvOptions): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'money':
      return typeof value === 'number' || typeof value === 'string' ? csvMoney(value, options.language) : '';
    case 'datetime':
      return typeof value === 'number' ? csvMoment(value, options.timeZone) : '';
    case 'number':
      return typeof value === 'number' ? String(value).replace('.', options.language === 'es' ? ',' : '.') : defuseFormula(String(value));
    case 'bool':
      return defuseFormula(value ? options.yes : options.no);
    case 'list': {
      if (!Array.isArray(value)) return '';
      // Codes (serials) have no spaces and sit one space apart; the words for coded values (permissions)
      // have spaces of their own, so they are told apart by commas.
      const words = value.map((v) => wordFor(String(v), column.labels));
      return defuseFormula(words.join(column.labels ? ', ' : ' '));
    }
    default: {
      const text = String(value);
      return defuseFormula(wordFor(text, column.labels));
    }
  }
}

/** Records (the first one may be the header row) as CSV text, each ending in CRLF, quoted where needed. */
export function csvText(records: string[][], language: CsvLanguage): string {
  // Quoted: any line break (a bare \n too — spreadsheets start a row at it, and the text after it would
  // escape the formula check of the cell's start) and text with spaces at either end, which they trim.
  return stringify(records, { delimiter: csvSeparator(language), record_delimiter: '\r\n', quoted_match: /[\r\n]|^\s|\s$/ });
}

/** The header record, its words defused like any text. */
export function csvHeader(columns: readonly Pick<CsvColumn, 'header'>[]): string[] {
  return columns.map((c) => defuseFormula(c.header));
}

/** Rows as CSV records, one cell per column. */
export function csvRecords(rows: readonly unknown[], columns: readonly CsvColumn[], options: CsvOptions): string[][] {
  return rows.map((row) => columns.map((column) => csvCell(valueAt(row, column.field), column, options)));
}
