/** Money is an integer count of ten-thousandths of the home currency (4 decimals, exact). */
export const MONEY_SCALE = 10_000;

/** Parses "12.5" / "12,50" into 125000; returns null when the text is not a number. */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{0,4})?$/.test(t)) return null;
  const negative = t.startsWith('-');
  const [whole, frac = ''] = t.replace('-', '').split('.');
  const value = Number(whole) * MONEY_SCALE + Number((frac + '0000').slice(0, 4));
  return negative ? -value : value;
}

export function moneyToNumber(minor: number): number {
  return minor / MONEY_SCALE;
}

export function numberToMoney(value: number): number {
  return Math.round(value * MONEY_SCALE);
}

// Building an Intl.NumberFormat costs far more than using one: a 500-line document formats thousands of amounts.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, locale: string, currency: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 });
    formatters.set(key, formatter);
  }
  return formatter.format(minor / MONEY_SCALE);
}

/** Splits a serial list as pasted from a spreadsheet or a scanner: one per line, comma, tab or semicolon. */
export function splitSerials(text: string): string[] {
  return text
    .split(/[\r\n,;\t]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
