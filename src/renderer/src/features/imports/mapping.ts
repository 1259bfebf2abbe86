// The column mapping of an import: for each field, the file's column that fills it. Guessed from the
// header names (the field's name or its label in either language, compared without case, accents or
// punctuation) and remembered per user and kind in this computer's localStorage, like list preferences:
// the next file from the same spreadsheet maps itself.
import type { ImportKind } from '@shared/contract/imports';
import type { PrefsStorage } from '@renderer/lib/list/prefs';

/** Field → the header of the column that fills it (null: not imported). */
export type Mapping = Record<string, string | null>;

export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * For each field, the first header not taken yet that matches its name or one of `names(field)` (labels and
 * other usual names in both languages).
 */
export function guessMapping(fields: readonly string[], headers: readonly string[], names: (field: string) => readonly string[]): Mapping {
  const free = new Map(headers.map((h) => [headerKey(h), h]));
  const mapping: Mapping = {};
  for (const field of fields) {
    const keys = [field, ...names(field)].map(headerKey).filter((k) => k !== '');
    const key = keys.find((k) => free.has(k));
    mapping[field] = key === undefined ? null : free.get(key)!;
    if (key !== undefined) free.delete(key);
  }
  return mapping;
}

const PREFIX = 'msp-inventory.import';

export function mappingKey(userId: number, kind: ImportKind): string {
  return `${PREFIX}.${userId}.${kind}`;
}

/** The mapping this user last used for the kind (header names by field), or an empty one. */
export function readRememberedMapping(storage: PrefsStorage, userId: number, kind: ImportKind): Mapping {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(mappingKey(userId, kind)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string | null] => typeof e[1] === 'string' || e[1] === null));
  } catch {
    return {};
  }
}

export function rememberMapping(storage: PrefsStorage, userId: number, kind: ImportKind, mapping: Mapping): void {
  try {
    storage.setItem(mappingKey(userId, kind), JSON.stringify(mapping));
  } catch {
    // A full or blocked storage only costs the next file its remembered mapping.
  }
}

/** The remembered choice where this file has that column (or it was "not imported"), else the guess. */
export function initialMapping(fields: readonly string[], headers: readonly string[], remembered: Mapping, guessed: Mapping): Mapping {
  const present = new Set(headers);
  const used = new Set<string>();
  const mapping: Mapping = {};
  for (const field of fields) {
    const choice = Object.prototype.hasOwnProperty.call(remembered, field) && (remembered[field] === null || present.has(remembered[field]!)) ? remembered[field]! : null;
    mapping[field] = choice ?? (Object.prototype.hasOwnProperty.call(remembered, field) && remembered[field] === null ? null : guessed[field] ?? null);
    if (mapping[field] !== null && used.has(mapping[field])) mapping[field] = null;
    if (mapping[field] !== null) used.add(mapping[field]);
  }
  return mapping;
}

/** The rows as the server takes them: the mapped fields, and each row's cells of those columns. */
export function mappedRows(headers: readonly string[], rows: readonly string[][], mapping: Mapping): { fields: string[]; rows: string[][] } {
  const columns = Object.entries(mapping).filter((e): e is [string, string] => e[1] !== null);
  const index = columns.map(([, header]) => headers.indexOf(header));
  return { fields: columns.map(([field]) => field), rows: rows.map((r) => index.map((i) => r[i] ?? '')) };
}
