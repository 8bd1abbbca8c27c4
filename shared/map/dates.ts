// Calendar dates of entries ("YYYY-MM-DD", the family's own day, no time zone) and what follows from them.
import { fail } from '../crypto/shape.js';
import type { BaseEntry, Phase } from './types.js';

/** A day as the date input gives it: "2026-12-08". */
export type DayString = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in the "YYYY-MM-DD" form (no 31 February). */
export function isDay(value: unknown): value is DayString {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Checks a day field of a decrypted section. Throws CryptoError 'malformed'. */
export function expectDay(value: unknown, path: string): DayString {
  if (!isDay(value)) fail(path, 'not a YYYY-MM-DD day');
  return value;
}

/** The local calendar day of `moment` (the device's time zone: the family's day). */
export function dayOf(moment: Date | number): DayString {
  const date = new Date(moment);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The entry with the days from the person form ('' when not given): an entry that no longer helps
 * keeps an until day (today when none was given, never before her since day); one that helps has none.
 */
export function withFormDates(
  entry: BaseEntry,
  form: { readonly since: string; readonly until: string },
  today: DayString,
): BaseEntry {
  const { since: _since, until: _until, ...rest } = entry;
  const next: BaseEntry = { ...rest };
  if (isDay(form.since)) next.since = form.since;
  if (!entry.active) {
    const end = isDay(form.until) ? form.until : today;
    next.until = next.since !== undefined && end < next.since ? next.since : end;
  }
  return next;
}

/**
 * A hook for a phase by calendar day (decision 0030 adds `phaseAt(date, birthDate)` with the
 * birth date from the parent's private section). Until it is set, a moment has no phase of its own
 * and choosing a phase shows the people who help in that phase (the phase stored on each entry).
 */
export type PhaseOfDay = (day: DayString) => Phase | null;

/** The phase of no day: used while no birth date is known. */
export const NO_PHASE_OF_DAY: PhaseOfDay = () => null;

/** The local midnight that starts `day` (for formatting in the app's language). */
export function dateOfDay(day: DayString): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}
