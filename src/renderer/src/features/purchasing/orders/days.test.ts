import { describe, expect, it } from 'vitest';
import { dayToMs, parseTypedDay } from './days';

describe('typed days', () => {
  it('reads day first, as clerks in Spain type dates', () => {
    expect(parseTypedDay('31/12/2025')).toBe('2025-12-31');
    expect(parseTypedDay('1-2-2026')).toBe('2026-02-01');
    expect(parseTypedDay('05.03.26')).toBe('2026-03-05');
    expect(parseTypedDay('2026-03-05')).toBe('2026-03-05');
  });

  it('refuses days that do not exist', () => {
    expect(parseTypedDay('31/02/2026')).toBeNull();
    expect(parseTypedDay('13/13/2026')).toBeNull();
    expect(parseTypedDay('tomorrow')).toBeNull();
  });

  it('shows a contract day at local midnight, so it never slips to the day before', () => {
    const d = new Date(dayToMs('2027-01-15')!);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2027, 0, 15, 0]);
    expect(dayToMs(null)).toBeNull();
  });
});
