import { describe, expect, it } from 'vitest';
import { formatsFor } from '@shared/formats';
import { boundDay, refuseTypedDay } from './dayBounds';

const es = formatsFor('es');
const gb = formatsFor('en', 'en-GB');
const us = formatsFor('en', 'en-US');

describe('a day typed in a date field', () => {
  it('takes nothing typed, and any real day when the field has no bounds', () => {
    expect(refuseTypedDay('', es, null, null)).toBeNull();
    expect(refuseTypedDay('   ', es, '2026-01-01', '2026-01-31')).toBeNull();
    expect(refuseTypedDay('31/12/2025', es, null, null)).toBeNull();
    expect(refuseTypedDay('12/31/2025', us, null, null)).toBeNull();
    expect(refuseTypedDay('2025-12-31', gb, null, null)).toBeNull();
  });

  it('refuses what is not a day in the screen’s format', () => {
    for (const [text, formats] of [
      ['31/02/2026', es],
      ['12/31/2025', gb],
      ['31/12/2025', us],
      ['yesterday', es],
      ['2026-13-01', us],
    ] as const) {
      expect(refuseTypedDay(text, formats, null, null), text).toEqual({ reason: 'invalid' });
    }
  });

  it('refuses a day after the latest or before the earliest, naming the bound; the bounds themselves are taken', () => {
    const [min, max] = ['2026-03-01', '2026-03-31'];
    expect(refuseTypedDay('01/04/2026', es, min, max)).toEqual({ reason: 'tooLate', bound: max });
    expect(refuseTypedDay('28/02/2026', es, min, max)).toEqual({ reason: 'tooEarly', bound: min });
    expect(refuseTypedDay('04/01/2026', us, min, max)).toEqual({ reason: 'tooLate', bound: max });
    expect(refuseTypedDay('02/28/2026', us, min, max)).toEqual({ reason: 'tooEarly', bound: min });
    expect(refuseTypedDay('2025-01-01', gb, min, null)).toEqual({ reason: 'tooEarly', bound: min });
    expect(refuseTypedDay('2027-01-01', gb, null, max)).toEqual({ reason: 'tooLate', bound: max });
    for (const day of ['01/03/2026', '15/03/2026', '31/03/2026']) expect(refuseTypedDay(day, es, min, max), day).toBeNull();
    // Not a day is said first, whatever the bounds.
    expect(refuseTypedDay('32/03/2026', es, min, max)).toEqual({ reason: 'invalid' });
  });

  it('reads the field’s bounds as days: day texts (with or without a time), dates, and nothing else', () => {
    expect(boundDay('2026-03-31')).toBe('2026-03-31');
    expect(boundDay('2026-03-31T23:59:59')).toBe('2026-03-31');
    expect(boundDay(new Date(2026, 2, 31, 12))).toBe('2026-03-31');
    expect(boundDay('31/03/2026')).toBeNull();
    expect(boundDay(undefined)).toBeNull();
    expect(boundDay(20260331)).toBeNull();
  });
});
