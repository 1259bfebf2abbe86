// What a list's day-range filter (DayRangeInput) asks the server for.
import { isDay } from '@shared/formats';

/**
 * A range of days as the moments a list filters by: from the first millisecond of the first day to the
 * last millisecond of the last day, in the user's time zone (only a first day: that whole day).
 */
export function dayRangeToMs([from, to]: [string | null, string | null]): { from?: number; to?: number } {
  const start = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d).getTime();
  };
  const end = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d + 1).getTime() - 1;
  };
  const first = isDay(from) ? from : null;
  const last = isDay(to) ? to : first;
  return { from: first ? start(first) : undefined, to: last ? end(last) : undefined };
}
