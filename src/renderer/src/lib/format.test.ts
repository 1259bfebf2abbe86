import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

// 2026-07-30 12:05 UTC: midday, so the date is the same in every time zone the tests run in.
const at = Date.UTC(2026, 6, 30, 12, 5);

describe('date formats', () => {
  it('formats in each language, the formatters cached per language and style', () => {
    const en = formatDate(at, 'en');
    const es = formatDate(at, 'es');
    expect(en).toMatch(/Jul/);
    expect(es).toMatch(/jul/);
    // Asked again after the other language and the other style: still each its own.
    expect(formatDateTime(at, 'en')).toContain(en.slice(0, 3));
    expect(formatDate(at, 'es')).toBe(es);
    expect(formatDate(at, 'en')).toBe(en);
    expect(formatDateTime(at, 'es')).not.toBe(es);
  });

  it('shows a dash for no date', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDateTime(0, 'es')).toBe('—');
  });
});
