import { MONEY_SCALE } from '../../../shared/money';

/** Money (ten-thousandths) for display in the user's language. */
export function formatMoney(minor: number | null | undefined, language: string, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / MONEY_SCALE);
}

export function formatQty(n: number | null | undefined, language: string): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(language).format(n);
}

export function formatDateTime(ms: number | null | undefined, language: string): string {
  if (!ms) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

export function formatDate(ms: number | null | undefined, language: string): string {
  if (!ms) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(ms));
}
