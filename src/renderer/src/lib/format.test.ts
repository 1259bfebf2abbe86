// The screens' formatter binds the shared formats (src/shared/formats.ts, tested there with every variant)
// to one language, the office's English format and its currency.
import { describe, expect, it } from 'vitest';
import { makeFormatter } from './format';

// 2026-07-30 12:05 local time.
const at = new Date(2026, 6, 30, 12, 5).getTime();
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('makeFormatter', () => {
  it('writes Spanish screens as es-ES whatever the English setting', () => {
    const f = makeFormatter('es', 'en-US', 'EUR');
    expect([f.locale, f.date(at), f.dateTime(at), f.day('2026-07-30'), plain(f.money(12_345_600)), f.qty(1234)]).toEqual([
      'es-ES',
      '30/07/2026',
      '30/07/2026 12:05',
      '30/07/2026',
      '1.234,56 €',
      '1.234',
    ]);
  });

  it('writes English screens in the office format, en-GB or en-US, with the office currency', () => {
    const gb = makeFormatter('en', 'en-GB', 'EUR');
    const us = makeFormatter('en', 'en-US', 'USD');
    expect([gb.date(at), gb.dateTime(at), gb.money(12_345_600)]).toEqual(['30/07/2026', '30/07/2026 12:05', '€1,234.56']);
    expect([us.date(at), us.dateTime(at), us.money(12_345_600), us.currency]).toEqual(['07/30/2026', '07/30/2026 12:05 PM', '$1,234.56', 'USD']);
    expect(makeFormatter('en', undefined, 'EUR').locale).toBe('en-GB');
  });

  it('shows a dash for no date and no amount', () => {
    const f = makeFormatter('en', 'en-GB', 'EUR');
    expect([f.date(null), f.dateTime(0), f.day(null), f.money(null), f.qty(undefined)]).toEqual(['—', '—', '—', '—', '—']);
  });
});
