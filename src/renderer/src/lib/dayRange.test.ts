import { describe, expect, it } from 'vitest';
import { dayRangeToMs } from './dayRange';

const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms).getTime();

describe('dayRangeToMs', () => {
  it('covers whole days in local time, from the first millisecond to the last', () => {
    expect(dayRangeToMs(['2025-12-01', '2025-12-31'])).toEqual({ from: local(2025, 12, 1), to: local(2025, 12, 31, 23, 59, 59, 999) });
  });

  it('reads a first day alone, or one day picked twice, as that whole day', () => {
    const day = { from: local(2024, 2, 29), to: local(2024, 2, 29, 23, 59, 59, 999) };
    expect(dayRangeToMs(['2024-02-29', null])).toEqual(day);
    expect(dayRangeToMs(['2024-02-29', '2024-02-29'])).toEqual(day);
  });

  it('crosses the end of a month and of a year', () => {
    expect(dayRangeToMs(['2025-12-31', '2026-01-01']).to).toBe(local(2026, 1, 1, 23, 59, 59, 999));
    expect(dayRangeToMs(['2025-01-31', null]).to).toBe(local(2025, 2, 1) - 1);
  });

  it('filters nothing without a valid first day', () => {
    expect(dayRangeToMs([null, null])).toEqual({ from: undefined, to: undefined });
    expect(dayRangeToMs(['31/12/2025', null])).toEqual({ from: undefined, to: undefined });
  });
});
