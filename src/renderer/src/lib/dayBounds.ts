// What DayInput takes from what a user types: a day in the screen's format (or ISO), within the field's
// minDate / maxDate. Pure, so the rule is tested without a browser (dayBounds.test.ts).
import { isDay, localDay, parseTypedDay, type Formats } from '@shared/formats';

/** A bound of the field (minDate / maxDate, a 'YYYY-MM-DD…' text or a Date) as a contract day; null for none. */
export function boundDay(bound: unknown): string | null {
  if (typeof bound === 'string') return isDay(bound.slice(0, 10)) ? bound.slice(0, 10) : null;
  return bound instanceof Date ? localDay(bound.getTime()) : null;
}

export type DayRefusal = { reason: 'invalid' } | { reason: 'tooLate' | 'tooEarly'; bound: string };

/** Why a typed text cannot be taken (not a day, after max, before min); null for a day within the bounds, or for nothing typed. */
export function refuseTypedDay(text: string, formats: Pick<Formats, 'order'>, min: string | null, max: string | null): DayRefusal | null {
  if (text.trim() === '') return null;
  const day = parseTypedDay(text, formats);
  if (day === null) return { reason: 'invalid' };
  if (max !== null && day > max) return { reason: 'tooLate', bound: max };
  if (min !== null && day < min) return { reason: 'tooEarly', bound: min };
  return null;
}
