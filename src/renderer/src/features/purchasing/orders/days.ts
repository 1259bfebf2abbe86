// Calendar days as the contract carries them ('YYYY-MM-DD', no time zone). How they are shown and typed
// is src/shared/formats.ts (useFormat().day, DayInput).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a 'YYYY-MM-DD' day, to compare with today; null for no day. */
export function dayToMs(day: string | null | undefined): number | null {
  const m = day ? DAY.exec(day) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
}
