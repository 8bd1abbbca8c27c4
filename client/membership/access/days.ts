/**
 * Access for a time on the device (decision 0030): end dates are UTC days from the signed log, and
 * this device's clock decides when one has passed — never the server's answer.
 */
import { dayString, hasEnded, parseDay } from '../../../shared/time/day.js';
import { intlLocale } from '../../ui/format.js';
import type { MemberView } from '../types.js';

/** Today as a day `YYYY-MM-DD` (UTC, as the server counts). */
export function today(now = Date.now()): string {
  return dayString(now);
}

/** "24 maart 2027" in the app's language. */
export function formatDay(day: string): string {
  const start = parseDay(day);
  if (start === null) return day;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    start,
  );
}

/** The members whose last day has passed on this device's clock: their removal is due. */
export function endedSlotIds(members: readonly MemberView[], now = Date.now()): string[] {
  return members
    .filter((member) => member.role !== 'owner' && member.until !== undefined)
    .filter((member) => hasEnded(member.until!, now))
    .map((member) => member.slotId);
}
