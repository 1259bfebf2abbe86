// One format per language: which locale, how dates are shown and typed, and money and quantities, for
// each of the three formats (Spanish; English as en-GB or en-US).
import { describe, expect, it } from 'vitest';
import {
  englishLocales,
  formatBytes,
  formatCompactMoney,
  formatDate,
  formatDateTime,
  formatDay,
  formatMoney,
  formatMoneyForEditing,
  formatMonth,
  formatQty,
  formatsFor,
  isDay,
  localDay,
  parseTypedDay,
  type FormatLocale,
} from './formats';

/** Intl's no-break spaces as plain spaces, so expectations read as printed. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const es = formatsFor('es', 'en-US');
const gb = formatsFor('en', 'en-GB');
const us = formatsFor('en', 'en-US');

describe('formatsFor', () => {
  it('Spanish screens are es-ES whatever the English setting; English screens follow the setting', () => {
    for (const english of englishLocales) {
      expect(formatsFor('es', english).locale).toBe('es-ES');
      expect(formatsFor('es-MX', english).locale).toBe('es-ES');
      expect(formatsFor('en', english).locale).toBe(english);
      expect(formatsFor('en-US', english).locale).toBe(english);
    }
  });

  it('defaults English to en-GB, also for a setting it does not know', () => {
    expect(formatsFor('en').locale).toBe('en-GB');
    expect(formatsFor('en', 'fr-FR' as never).locale).toBe('en-GB');
  });

  it('says how each format shows, types and asks for a date', () => {
    const table: [FormatLocale, string, string, boolean, number][] = [
      ['es-ES', 'DD/MM/YYYY', 'dd/mm/aaaa', false, 1],
      ['en-GB', 'DD/MM/YYYY', 'dd/mm/yyyy', false, 1],
      ['en-US', 'MM/DD/YYYY', 'mm/dd/yyyy', true, 0],
    ];
    for (const [locale, pattern, placeholder, hour12, firstDay] of table) {
      const f = [es, gb, us].find((x) => x.locale === locale)!;
      expect([f.datePattern, f.placeholder, f.hour12, f.firstDayOfWeek], locale).toEqual([pattern, placeholder, hour12, firstDay]);
    }
  });
});

describe('dates shown', () => {
  const moment = new Date(2025, 11, 31, 14, 5, 9).getTime();
  const morning = new Date(2026, 0, 2, 0, 7, 0).getTime();

  it('shows a day as it is typed: day first in es-ES and en-GB, month first in en-US', () => {
    expect(formatDate(moment, es)).toBe('31/12/2025');
    expect(formatDate(moment, gb)).toBe('31/12/2025');
    expect(formatDate(moment, us)).toBe('12/31/2025');
    expect(formatDate(morning, es)).toBe('02/01/2026');
    expect(formatDate(morning, us)).toBe('01/02/2026');
  });

  it('shows a contract day without a time zone, so it never slips to the day before', () => {
    expect(formatDay('2027-01-05', es)).toBe('05/01/2027');
    expect(formatDay('2027-01-05', gb)).toBe('05/01/2027');
    expect(formatDay('2027-01-05', us)).toBe('01/05/2027');
    expect(formatDay(null, es)).toBe('—');
    expect(formatDay('soon', us)).toBe('soon');
  });

  it('names the local day of a moment as the contract does', () => {
    expect(localDay(new Date(2026, 0, 2, 0, 30).getTime())).toBe('2026-01-02');
    expect(localDay(new Date(2025, 11, 31, 23, 59).getTime())).toBe('2025-12-31');
    expect(localDay(new Date(2024, 1, 29, 12).getTime())).toBe('2024-02-29');
  });

  it('shows a moment with its time: 24 hours in es-ES and en-GB, AM/PM in en-US, seconds when asked', () => {
    expect(formatDateTime(moment, es)).toBe('31/12/2025 14:05');
    expect(formatDateTime(moment, gb)).toBe('31/12/2025 14:05');
    expect(formatDateTime(moment, us)).toBe('12/31/2025 2:05 PM');
    expect(formatDateTime(morning, us)).toBe('01/02/2026 12:07 AM');
    expect(formatDateTime(morning, gb)).toBe('02/01/2026 00:07');
    expect(formatDateTime(new Date(2026, 5, 1, 12, 0, 0).getTime(), us)).toBe('06/01/2026 12:00 PM');
    expect(formatDateTime(moment, es, { seconds: true })).toBe('31/12/2025 14:05:09');
    expect(formatDateTime(moment, us, { seconds: true })).toBe('12/31/2025 2:05:09 PM');
    expect(formatDateTime(null, es)).toBe('—');
    expect(formatDate(undefined, us)).toBe('—');
  });

  it('names months on a chart in the screen language', () => {
    const december = new Date(2025, 11, 15).getTime();
    expect(formatMonth(december, es)).toBe('dic 2025');
    expect(formatMonth(december, gb)).toBe('Dec 2025');
    expect(formatMonth(december, us)).toBe('Dec 2025');
  });

  it('reads back every day it shows, in every format', () => {
    for (const f of [es, gb, us]) {
      for (let day = new Date(2023, 0, 1); day.getFullYear() < 2025; day.setDate(day.getDate() + 1)) {
        const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
        expect(parseTypedDay(formatDate(day.getTime(), f), f), `${f.locale} ${iso}`).toBe(iso);
        expect(parseTypedDay(formatDay(iso, f), f)).toBe(iso);
      }
    }
  });
});

describe('dates typed', () => {
  it('reads the order of the format: 31/12/2025 in es-ES and en-GB, 12/31/2025 in en-US', () => {
    expect(parseTypedDay('31/12/2025', es)).toBe('2025-12-31');
    expect(parseTypedDay('31/12/2025', gb)).toBe('2025-12-31');
    expect(parseTypedDay('12/31/2025', us)).toBe('2025-12-31');
    // The same text is another day, or none, in the other order: never silently swapped.
    expect(parseTypedDay('05/03/2026', gb)).toBe('2026-03-05');
    expect(parseTypedDay('05/03/2026', us)).toBe('2026-05-03');
    expect(parseTypedDay('31/12/2025', us)).toBeNull();
    expect(parseTypedDay('12/31/2025', gb)).toBeNull();
    expect(parseTypedDay('12/31/2025', es)).toBeNull();
  });

  it("takes '/', '-' or '.' between the parts, one or two digits, and spaces around", () => {
    const dmy: [string, string][] = [
      ['1/2/2026', '2026-02-01'],
      ['01/02/2026', '2026-02-01'],
      ['1-2-2026', '2026-02-01'],
      ['1.2.2026', '2026-02-01'],
      ['01.2.2026', '2026-02-01'],
      ['  9/11/2026 ', '2026-11-09'],
    ];
    for (const [text, day] of dmy) {
      expect(parseTypedDay(text, es), text).toBe(day);
      expect(parseTypedDay(text, gb), text).toBe(day);
    }
    const mdy: [string, string][] = [
      ['2/1/2026', '2026-02-01'],
      ['02-01-2026', '2026-02-01'],
      ['2.1.2026', '2026-02-01'],
      ['11/9/2026', '2026-11-09'],
    ];
    for (const [text, day] of mdy) expect(parseTypedDay(text, us), text).toBe(day);
  });

  it('reads a two-digit year as this century', () => {
    expect(parseTypedDay('31/12/25', es)).toBe('2025-12-31');
    expect(parseTypedDay('5.3.26', gb)).toBe('2026-03-05');
    expect(parseTypedDay('12/31/99', us)).toBe('2099-12-31');
    expect(parseTypedDay('1/1/00', gb)).toBe('2000-01-01');
  });

  it('reads ISO 2025-12-31 in every format', () => {
    for (const f of [es, gb, us]) {
      expect(parseTypedDay('2025-12-31', f)).toBe('2025-12-31');
      expect(parseTypedDay('2026-3-5', f)).toBe('2026-03-05');
      expect(parseTypedDay('2025-02-30', f)).toBeNull();
      expect(parseTypedDay('2025-13-01', f)).toBeNull();
    }
  });

  it('knows leap days', () => {
    expect(parseTypedDay('29/02/2024', es)).toBe('2024-02-29');
    expect(parseTypedDay('02/29/2024', us)).toBe('2024-02-29');
    expect(parseTypedDay('29/02/2000', gb)).toBe('2000-02-29');
    expect(parseTypedDay('29/02/2025', es)).toBeNull();
    expect(parseTypedDay('29/02/2100', gb)).toBeNull();
    expect(parseTypedDay('2100-02-29', us)).toBeNull();
    expect(parseTypedDay('29/2/24', es)).toBe('2024-02-29');
  });

  it('refuses what is not a day instead of turning it into another one', () => {
    const refused = [
      '31/02/2026', // no such day
      '30/02/2024',
      '31/04/2026',
      '00/01/2026',
      '01/00/2026',
      '13/13/2026',
      '32/01/2026',
      '1/2/202', // a year still being typed
      '1/2/20255',
      '1/2/2',
      '31/12-2025', // two different separators
      '31 12 2025',
      '31/12',
      '311225',
      '2025/12/31',
      '01/01/0025',
      '01/01/1850',
      'tomorrow',
      '31 dic 2025',
      '',
      '   ',
      '1/2/2026 10:00',
    ];
    for (const f of [es, gb, us]) for (const text of refused) expect(parseTypedDay(text, f), `${f.locale} "${text}"`).toBeNull();
  });

  it('knows a contract day when it sees one', () => {
    expect(isDay('2025-12-31')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('31/12/2025')).toBe(false);
    expect(isDay('2025-1-5')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});

describe('money and quantities', () => {
  it('writes money in the locale: es-ES 1.234,56 €, en-GB and en-US €1,234.56', () => {
    const cases: [number | string, string, string, string][] = [
      [12_345_600, '1.234,56 €', '€1,234.56', '€1,234.56'],
      [92_656_600, '9.265,66 €', '€9,265.66', '€9,265.66'],
      [9_990_000, '999,00 €', '€999.00', '€999.00'],
      [-12_340_000, '-1.234,00 €', '-€1,234.00', '-€1,234.00'],
      [0, '0,00 €', '€0.00', '€0.00'],
      ['92233720368547758070000', '9.223.372.036.854.775.807,00 €', '€9,223,372,036,854,775,807.00', '€9,223,372,036,854,775,807.00'],
    ];
    for (const [minor, esText, gbText, usText] of cases) {
      expect(plain(formatMoney(minor, es, 'EUR')), `es ${minor}`).toBe(esText);
      expect(plain(formatMoney(minor, gb, 'EUR')), `gb ${minor}`).toBe(gbText);
      expect(plain(formatMoney(minor, us, 'EUR')), `us ${minor}`).toBe(usText);
    }
    expect(formatMoney(null, es, 'EUR')).toBe('—');
    expect(formatMoney(12_345_000, us, 'USD')).toBe('$1,234.50');
    expect(formatMoney(12_345_000, gb, 'GBP')).toBe('£1,234.50');
  });

  it('keeps four decimals where a document asks for them (unit costs on a purchase order)', () => {
    expect(plain(formatMoney(12_345, es, 'EUR', { maximumFractionDigits: 4 }))).toBe('1,2345 €');
    expect(plain(formatMoney(12_345, us, 'EUR', { maximumFractionDigits: 4 }))).toBe('€1.2345');
    expect(plain(formatMoney(12_345, gb, 'EUR'))).toBe('€1.23');
  });

  it('groups quantities from four digits on in every locale', () => {
    expect(formatQty(1234, es)).toBe('1.234');
    expect(formatQty(1234, gb)).toBe('1,234');
    expect(formatQty(1234, us)).toBe('1,234');
    expect(formatQty(999, es)).toBe('999');
    expect(formatQty('1234567', es)).toBe('1.234.567');
    expect(formatQty(null, us)).toBe('—');
  });

  it('writes amounts for editing without grouping, with the locale decimal mark', () => {
    expect(formatMoneyForEditing(12_345_000, es)).toBe('1234,50');
    expect(formatMoneyForEditing(12_345_678, gb)).toBe('1234.5678');
    expect(formatMoneyForEditing(null, us)).toBe('');
    expect(formatMoneyForEditing(Number.NaN, us)).toBe('');
  });

  it('shortens chart amounts and file sizes in the locale', () => {
    expect(plain(formatCompactMoney(1_234_567, es, 'EUR'))).toBe('1,2 M €');
    expect(formatCompactMoney(1_234_567, us, 'EUR')).toBe('€1.2M');
    expect(plain(formatBytes(1.5 * 1024 * 1024, es))).toBe('1,5 MB');
    expect(plain(formatBytes(200, gb))).toBe('1 kB');
  });
});
