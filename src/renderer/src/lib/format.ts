// The screens' formatter: the shared formats (src/shared/formats.ts) bound to one UI language, the office's
// English format and its currency. useFormat() builds it from i18n and the settings; tests build it directly.
import {
  formatCompactMoney,
  formatDate,
  formatDateTime,
  formatDay,
  formatMoney,
  formatMonth,
  formatQty,
  formatsFor,
  type EnglishLocale,
  type Formats,
} from '@shared/formats';

export interface Formatter {
  /** The UI language ('es' | 'en'). */
  language: string;
  /** The Intl locale numbers and month names use (es-ES, en-GB, en-US). */
  locale: Formats['locale'];
  formats: Formats;
  currency: string;
  /** Money (ten-thousandths, or an exact decimal string); '—' for null (a hidden cost). */
  money: (minor: number | string | null | undefined) => string;
  qty: (n: number | string | null | undefined) => string;
  /** The local day of a moment. */
  date: (ms: number | null | undefined) => string;
  /** A contract day ('YYYY-MM-DD'), with no time zone. */
  day: (day: string | null | undefined) => string;
  dateTime: (ms: number | null | undefined) => string;
  /** A moment to the second (backups are often minutes apart). */
  dateTimeSeconds: (ms: number | null | undefined) => string;
  /** A month on a chart's axis. */
  month: (ms: number) => string;
  /** Money in currency units, short, on a chart's axis. */
  compactMoney: (units: number) => string;
}

export function makeFormatter(language: string, englishLocale: EnglishLocale | undefined, currency: string): Formatter {
  const formats = formatsFor(language, englishLocale);
  return {
    language,
    locale: formats.locale,
    formats,
    currency,
    money: (minor) => formatMoney(minor, formats, currency),
    qty: (n) => formatQty(n, formats),
    date: (ms) => formatDate(ms, formats),
    day: (day) => formatDay(day, formats),
    dateTime: (ms) => formatDateTime(ms, formats),
    dateTimeSeconds: (ms) => formatDateTime(ms, formats, { seconds: true }),
    month: (ms) => formatMonth(ms, formats),
    compactMoney: (units) => formatCompactMoney(units, formats, currency),
  };
}
