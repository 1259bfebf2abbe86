/**
 * One format per language, for every screen, document and (later) export: given the UI language and the
 * office's English setting it says which Intl locale numbers use, how a date is shown and typed, and what
 * an empty date field asks for. Spanish screens are es-ES; English screens are en-GB or en-US as the office
 * chooses (Admin › Settings). A date is shown exactly as it is typed (31/12/2025, or 12/31/2025 in en-US),
 * in fields, lists and documents alike, so what a field shows can be edited and typed back as it is.
 */
import { minorToDecimal, MONEY_SCALE } from './money';
import { numberFormat } from './numbers';

export const englishLocales = ['en-GB', 'en-US'] as const;
export type EnglishLocale = (typeof englishLocales)[number];
export type FormatLocale = 'es-ES' | EnglishLocale;

/**
 * A European MSP office writes the day first: en-GB reads dates as es-ES does (31/12/2025), so an office
 * whose people switch between the two languages sees the same dates in both; both English locales write
 * €1,234.56.
 */
export const defaultEnglishLocale: EnglishLocale = 'en-GB';

export interface Formats {
  /** The BCP 47 tag Intl formats numbers, money and month names with. */
  locale: FormatLocale;
  /** Which comes first in a typed or shown date. */
  order: 'dmy' | 'mdy';
  /** How a date is shown and typed, in dayjs tokens (Mantine's `valueFormat`): 'DD/MM/YYYY' or 'MM/DD/YYYY'. */
  datePattern: 'DD/MM/YYYY' | 'MM/DD/YYYY';
  /** What an empty date field shows, in the screen's language: 'dd/mm/aaaa', 'dd/mm/yyyy', 'mm/dd/yyyy'. */
  placeholder: string;
  /** Times as 2:05 PM (en-US) rather than 14:05. */
  hour12: boolean;
  /** First day of the calendar's week: Monday, Sunday in en-US. */
  firstDayOfWeek: 0 | 1;
}

const FORMATS: Record<FormatLocale, Formats> = {
  'es-ES': { locale: 'es-ES', order: 'dmy', datePattern: 'DD/MM/YYYY', placeholder: 'dd/mm/aaaa', hour12: false, firstDayOfWeek: 1 },
  'en-GB': { locale: 'en-GB', order: 'dmy', datePattern: 'DD/MM/YYYY', placeholder: 'dd/mm/yyyy', hour12: false, firstDayOfWeek: 1 },
  'en-US': { locale: 'en-US', order: 'mdy', datePattern: 'MM/DD/YYYY', placeholder: 'mm/dd/yyyy', hour12: true, firstDayOfWeek: 0 },
};

export function isEnglishLocale(value: unknown): value is EnglishLocale {
  return typeof value === 'string' && (englishLocales as readonly string[]).includes(value);
}

/** The formats of a UI language ('es', 'en', or a tag such as 'es-MX' / 'en-US', read by its language). */
export function formatsFor(language: string, englishLocale: EnglishLocale = defaultEnglishLocale): Formats {
  return language.toLowerCase().startsWith('es') ? FORMATS['es-ES'] : FORMATS[isEnglishLocale(englishLocale) ? englishLocale : defaultEnglishLocale];
}

// Days ------------------------------------------------------------------------------------------

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a calendar day as the contract carries it ('YYYY-MM-DD') and that day exists. */
export function isDay(value: unknown): value is string {
  const m = typeof value === 'string' ? ISO_DAY.exec(value) : null;
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years before 1900 are typing mistakes here (a purchase order, a value date), never real days. */
function validDay(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A day typed by hand, in the order of the screen's format: 31/12/2025 (es-ES, en-GB) or 12/31/2025
 * (en-US), with '/', '-' or '.' between the parts (the same one twice), one or two digits for day and
 * month, and four digits for the year or two (25 → 2025: the days this app asks for are this century's).
 * ISO 2025-12-31 is read in every format. Anything else — a day that does not exist (31/02), a month
 * past 12, a three-digit year, words — is null: refused, never turned into another day.
 */
export function parseTypedDay(text: string, formats: Pick<Formats, 'order'>): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return validDay(year, month, day) ? dayText(year, month, day) : null;
  }
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const [first, second] = [Number(m[1]), Number(m[3])];
  const [day, month] = formats.order === 'dmy' ? [first, second] : [second, first];
  const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  return validDay(year, month, day) ? dayText(year, month, day) : null;
}

function writeDay(formats: Formats, year: number, month: number, day: number): string {
  const [a, b] = formats.order === 'dmy' ? [day, month] : [month, day];
  return `${pad(a)}/${pad(b)}/${pad(year, 4)}`;
}

/** The local calendar day of a moment as the contract carries days ('YYYY-MM-DD'): the day the office lived it. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return dayText(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A contract day ('YYYY-MM-DD') as shown: 31/12/2025 or 12/31/2025; '—' for none; any other text as given. */
export function formatDay(day: string | null | undefined, formats: Formats): string {
  if (!day) return '—';
  const m = ISO_DAY.exec(day);
  return m ? writeDay(formats, Number(m[1]), Number(m[2]), Number(m[3])) : day;
}

/** The local calendar day of a moment, as shown; '—' for none. */
export function formatDate(ms: number | null | undefined, formats: Formats): string {
  if (!ms) return '—';
  const d = new Date(ms);
  return writeDay(formats, d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function formatTime(d: Date, formats: Formats, seconds: boolean): string {
  const tail = seconds ? `:${pad(d.getSeconds())}` : '';
  if (!formats.hour12) return `${pad(d.getHours())}:${pad(d.getMinutes())}${tail}`;
  const hour = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  return `${hour}:${pad(d.getMinutes())}${tail} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
}

/** A moment in local time: 31/12/2025 14:05, 12/31/2025 2:05 PM; with seconds where moments are close together (backups). */
export function formatDateTime(ms: number | null | undefined, formats: Formats, options: { seconds?: boolean } = {}): string {
  if (!ms) return '—';
  const d = new Date(ms);
  return `${formatDate(ms, formats)} ${formatTime(d, formats, options.seconds ?? false)}`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A month for a chart's axis: "dic 2025", "Dec 2025". */
export function formatMonth(ms: number, formats: Formats): string {
  let format = monthFormats.get(formats.locale);
  if (!format) monthFormats.set(formats.locale, (format = new Intl.DateTimeFormat(formats.locale, { month: 'short', year: 'numeric' })));
  return format.format(new Date(ms));
}

// Numbers ---------------------------------------------------------------------------------------

/** Money (integer ten-thousandths, or an exact decimal string for sums past 2^53): 1.234,56 € / €1,234.56; '—' for none (a hidden cost). */
export function formatMoney(minor: number | bigint | string | null | undefined, formats: Formats, currency: string, options: { maximumFractionDigits?: 2 | 4 } = {}): string {
  if (minor === null || minor === undefined) return '—';
  const format = numberFormat(formats.locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: options.maximumFractionDigits ?? 2 });
  // A decimal string formats exactly however large the amount (a number past 2^53 would round).
  if (typeof minor === 'number' && !Number.isInteger(minor)) return format.format(minor / MONEY_SCALE);
  return format.format(minorToDecimal(minor) as Intl.StringNumericLiteral);
}

/** A quantity, grouped from four digits on: 1.234 / 1,234; '—' for none. */
export function formatQty(n: number | string | null | undefined, formats: Formats, options: { maximumFractionDigits?: number } = {}): string {
  if (n === null || n === undefined) return '—';
  return numberFormat(formats.locale, options).format(typeof n === 'string' ? (n as Intl.StringNumericLiteral) : n);
}

/** Money in currency units, short, for a chart's axis: 1,2 mil €, €1.2K. */
export function formatCompactMoney(units: number, formats: Formats, currency: string): string {
  return numberFormat(formats.locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(units);
}

/** Money as a field holds it for editing: no grouping, the locale's decimal mark, 2 to 4 decimals (1234,5 → "1234,50"). */
export function formatMoneyForEditing(minor: number | null | undefined, formats: Formats): string {
  if (minor === null || minor === undefined || Number.isNaN(minor)) return '';
  return numberFormat(formats.locale, { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(minor / MONEY_SCALE);
}

/** A size in bytes: 1,5 MB / 1.5 MB (at least 1 kB, so a small file never reads "0 kB"). */
export function formatBytes(bytes: number, formats: Formats): string {
  const mb = bytes / (1024 * 1024);
  const [value, unit] = mb >= 1 ? [mb, 'megabyte'] : [Math.max(bytes / 1024, 1), 'kilobyte'];
  return numberFormat(formats.locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** The time zone this process runs in (IANA), for moments written out of the app (a CSV file); UTC if unknown. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
