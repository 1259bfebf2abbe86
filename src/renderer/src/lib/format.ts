import { MONEY_SCALE, minorToDecimal } from '@shared/money';
import { numberFormat } from '@shared/numbers';

/**
 * Money (ten-thousandths) for display in the user's language: a number, or an exact decimal string (the
 * contract's `amount`, for sums that can pass 2^53), which Intl formats without rounding through a double.
 */
export function formatMoney(minor: number | string | null | undefined, language: string, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  const format = numberFormat(language, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return typeof minor === 'number' && !Number.isInteger(minor) ? format.format(minor / MONEY_SCALE) : format.format(minorToDecimal(minor) as Intl.StringNumericLiteral);
}

export function formatQty(n: number | string | null | undefined, language: string): string {
  if (n === null || n === undefined) return '—';
  return numberFormat(language).format(typeof n === 'string' ? (n as Intl.StringNumericLiteral) : n);
}

// Building an Intl.DateTimeFormat costs far more than using one, and a list formats a date per row.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: string, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(ms: number | null | undefined, language: string): string {
  if (!ms) return '—';
  return dateFormat(language, 'dateTime').format(new Date(ms));
}

export function formatDate(ms: number | null | undefined, language: string): string {
  if (!ms) return '—';
  return dateFormat(language, 'date').format(new Date(ms));
}
