// Calendar days as the contract carries them ('YYYY-MM-DD', no time zone) and as the user reads them.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a 'YYYY-MM-DD' day, for useFormat().date; null for no day. */
export function dayToMs(day: string | null | undefined): number | null {
  const m = day ? DAY.exec(day) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A day typed by hand: 31/12/2025, 31-12-2025, 31.12.2025 (day first, as in Spain) or 2025-12-31. */
export function parseTypedDay(text: string): string | null {
  const s = text.trim();
  if (DAY.test(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const date = new Date(year, Number(m[2]) - 1, Number(m[1]));
  if (date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[1])) return null;
  return `${year}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
}
