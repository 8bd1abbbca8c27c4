// Calendar days as `YYYY-MM-DD` (UTC): the precision of an access end date and a birth date.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The regular expression a day string must match (a real date is checked by parseDay). */
export const DAY_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** Start of the UTC day in ms, or null when `text` is not a real calendar day. */
export function parseDay(text: string): number | null {
  if (!new RegExp(DAY_PATTERN).test(text)) return null;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  return dayString(ms) === text ? ms : null;
}

/** The UTC day `ms` falls in, as `YYYY-MM-DD`. */
export function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const start = parseDay(day);
  if (start === null) throw new RangeError(`not a day: ${day}`);
  return dayString(start + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null || b === null) throw new RangeError('not a day');
  return Math.round((b - a) / DAY_MS);
}

/** True once `day` has passed on the clock `now` (the last day itself still counts as access). */
export function hasEnded(day: string, now: number): boolean {
  const start = parseDay(day);
  return start !== null && now >= start + DAY_MS;
}
