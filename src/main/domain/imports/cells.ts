// The cells of an imported row, text as the file holds it, turned into the values a create channel takes.
// Numbers follow the language of the file (Spanish `1.234,5`, English `1,234.5`; a file of our own export
// never groups thousands); yes/no reads either language's words; a blank cell is a value left out.
// Pure functions: a cell that does not convert gives its error code and nothing else.
import { parseMoney } from '@shared/money';

export type CellLanguage = 'es' | 'en';
export type Converted<T> = { ok: true; value: T } | { ok: false; code: 'notANumber' | 'notAWholeNumber' | 'notMoney' | 'notYesNo' | 'notAChoice' };

const fail = <T>(code: 'notANumber' | 'notAWholeNumber' | 'notMoney' | 'notYesNo' | 'notAChoice'): Converted<T> => ({ ok: false, code });

/**
 * The number written as the language writes it, as plain `123.45` text: thousands groups dropped (`.` in
 * Spanish, `,` in English, only in whole groups of three), the decimal mark made a point. Spanish files may
 * use a point for decimals when no comma is present (`12.5`), as spreadsheets set to English write them; a
 * lone group of three after it reads as thousands (`1.234` is 1234), as a Spanish reader means it.
 */
export function normalizeNumber(text: string, language: CellLanguage): string | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (language === 'es') {
    // A thousands group never follows a leading 0 (0.125 is a decimal, never 125).
    if (/^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(t)) return t.replace(/\./g, '').replace(',', '.');
    if (/^-?\d+(,\d+)?$/.test(t)) return t.replace(',', '.');
    if (/^-?\d+\.\d+$/.test(t)) return t;
    return null;
  }
  if (/^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(t)) return t.replace(/,/g, '');
  if (/^-?\d+(\.\d+)?$/.test(t)) return t;
  return null;
}

/** A whole number (a quantity, a minimum): `12`, `1.000` in Spanish; `12,5` is not one. */
export function wholeNumberCell(text: string, language: CellLanguage): Converted<number> {
  const normal = normalizeNumber(text, language);
  if (normal === null) return fail('notANumber');
  if (!/^-?\d+(\.0+)?$/.test(normal)) return fail('notAWholeNumber');
  const value = Number(normal);
  return Number.isSafeInteger(value) ? { ok: true, value } : fail('notANumber');
}

/** An amount of money in ten-thousandths: `12,50` in Spanish and `12.50` in English are 125000; at most four decimals. */
export function moneyCell(text: string, language: CellLanguage): Converted<number> {
  const normal = normalizeNumber(text.replace(/[€$£]/g, ''), language);
  const value = normal === null ? null : parseMoney(normal);
  return value === null || !Number.isSafeInteger(value) ? fail('notMoney') : { ok: true, value };
}

const yes = new Set(['yes', 'y', 'true', '1', 'si', 'sí', 's', 'verdadero', 'x']);
const no = new Set(['no', 'n', 'false', '0', 'falso']);

/** Yes or no in either language (`sí`, `yes`, `true`, `1`; `no`, `false`, `0`). */
export function yesNoCell(text: string): Converted<boolean> {
  const t = text.trim().toLowerCase();
  if (yes.has(t)) return { ok: true, value: true };
  if (no.has(t)) return { ok: true, value: false };
  return fail('notYesNo');
}

/** Lowercase, accents removed, spaces and dashes gone: how a choice typed in a file is compared. */
export function choiceKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * One of the values of an enumeration, by its code or by one of the words given for it (both languages):
 * `words` maps a value to what a file may say instead (`warehouse: ['almacén']`).
 */
export function choiceCell<T extends string>(text: string, values: readonly T[], words: Partial<Record<T, readonly string[]>> = {}): Converted<T> {
  const key = choiceKey(text);
  for (const value of values) {
    if (choiceKey(value) === key) return { ok: true, value };
    if ((words[value] ?? []).some((w) => choiceKey(w) === key)) return { ok: true, value };
  }
  return fail('notAChoice');
}
