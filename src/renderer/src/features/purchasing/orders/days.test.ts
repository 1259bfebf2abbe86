import { describe, expect, it } from 'vitest';
import { dayToMs } from './days';

describe('contract days', () => {
  it('are local midnight, so a day never slips to the day before', () => {
    const d = new Date(dayToMs('2027-01-15')!);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2027, 0, 15, 0]);
    expect(dayToMs(null)).toBeNull();
    expect(dayToMs('15/01/2027')).toBeNull();
  });
});
