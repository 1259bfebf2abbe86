/** Money is an integer count of ten-thousandths of the home currency (4 decimals, exact). */
export const MONEY_SCALE = 10_000;

// Bounds that keep every amount exact. A unit amount (cost, price) and a quantity are safe integers, and
// so is their product on a purchase order, whose total is bounded below. Inventory value is a sum over
// every lot and can pass 2^53: it is summed in bigint (SQLite's 64-bit integers in SQL) and crosses the
// bridge as a decimal string (`amount` in the contract), which JSON carries without rounding.

/** Units on one line of a document. */
export const MAX_QTY = 1_000_000;
/** One unit's cost or price: 1,000,000.0000. One line is then at most 10^16 (past 2^53). */
export const MAX_UNIT_AMOUNT = 10_000_000_000;
/** An amount for a whole document (freight, approval threshold): 100,000,000.0000. */
export const MAX_DOCUMENT_AMOUNT = 1_000_000_000_000;
/**
 * A purchase order's total (lines and freight): 900,719,925,474.0991, the largest exact JavaScript integer,
 * so order amounts stay plain numbers everywhere (screens, PDF, approval threshold).
 */
export const MAX_ORDER_TOTAL = Number.MAX_SAFE_INTEGER;

/** A signed integer amount (ten-thousandths) as a decimal string with four decimals: -1234567 → "-123.4567". */
export function minorToDecimal(minor: number | bigint | string): string {
  const text = typeof minor === 'string' ? minor : BigInt(minor).toString();
  if (!/^-?\d+$/.test(text)) throw new RangeError(`not an integer amount: ${text}`);
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).padStart(5, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

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

/** Splits a serial list as pasted from a spreadsheet or a scanner: one per line, comma, tab or semicolon. */
export function splitSerials(text: string): string[] {
  return text
    .split(/[\r\n,;\t]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
