// Reading an import's CSV file in the browser: UTF-8 with or without a byte-order mark, cells separated
// by `;` (Spanish spreadsheets, our own Spanish exports), `,` or a tab, whichever the header line uses
// most; quoted cells may hold separators and line breaks. Parsed by csv-parse, never by hand.
import { parse } from 'csv-parse/browser/esm/sync';
import { CSV_BOM } from '@shared/csv';

export type CsvSeparator = ';' | ',' | '\t';

export interface CsvFile {
  separator: CsvSeparator;
  /** The header row's names (trimmed; a blank one is named by its column number; a repeated one numbered). */
  headers: string[];
  /** The data rows, each with one cell per header (short rows padded, long ones cut). Blank rows are left out. */
  rows: string[][];
  /** Each row's number among the file's data rows, blank ones counted: what the user finds in the spreadsheet. */
  rowNumbers: number[];
}

/**
 * The file's text: UTF-8 (what "CSV UTF-8" saves), else Windows-1252 — what Excel's plain "CSV" saves on a
 * Spanish or English Windows — so "Almacén" is never read as "Almac�n".
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Header names told apart: a name used twice becomes "Name (2)", so every column can be chosen. */
function distinct(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${name} (${n})`;
    used.add(unique.toLowerCase());
    return unique;
  });
}

/** The separator the header line uses most, outside quotes (`,` when it uses none). */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as CsvSeparator]++;
  }
  return (Object.entries(counts) as [CsvSeparator, number][]).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [',', 0] as [CsvSeparator, number])[0];
}

/** The file's header and rows; throws (csv-parse's error) when the text is not CSV, e.g. an unclosed quote. */
export function readCsv(raw: string): CsvFile {
  const text = raw.startsWith(CSV_BOM) ? raw.slice(CSV_BOM.length) : raw;
  const separator = detectSeparator(text);
  const records = parse(text, { delimiter: separator, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  const [header = [], ...body] = records;
  const headers = distinct(header.map((h, i) => h.trim() || `#${i + 1}`));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  body.forEach((r, index) => {
    if (!r.some((cell) => cell.trim() !== '')) return;
    rows.push(r.length === headers.length ? r : headers.map((_, i) => r[i] ?? ''));
    rowNumbers.push(index + 1);
  });
  return { separator, headers, rows, rowNumbers };
}
