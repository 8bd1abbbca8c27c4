// Phases of the first 1000 days, and suggested access end dates, from the parent's birth date
// (decision 0030). Pure, on days `YYYY-MM-DD`; without a birth date nothing is guessed.
import type { Phase } from '../map/types.js';
import { addDays, parseDay } from './day.js';

/** The birth date the parent entered in her private section: expected, or the actual day. */
export type BirthDate = { day: string; kind: 'expected' | 'actual' };

/** A pregnancy is counted as 40 weeks before the (expected) birth. */
export const PREGNANCY_DAYS = 280;
/** The kraamtijd here: the first six weeks after birth (the kraambed). */
export const KRAAMTIJD_DAYS = 42;
/** The first 1000 days end at the second birthday. */
export const BABY_YEARS = 2;

/**
 * The phase `date` falls in for a birth on `birthDate`, or null when there is no birth date or the
 * date lies after the second birthday. A premature birth: enter the actual day, and the phases follow it.
 */
export function phaseAt(
  date: string,
  birthDate: string | BirthDate | null | undefined,
): Phase | null {
  const birth = typeof birthDate === 'string' ? birthDate : birthDate?.day;
  if (birth === undefined || parseDay(birth) === null || parseDay(date) === null) return null;
  if (date < addDays(birth, -PREGNANCY_DAYS)) return 'kinderwens';
  if (date < birth) return 'zwangerschap';
  if (date < addDays(birth, KRAAMTIJD_DAYS)) return 'kraamtijd';
  if (date < secondBirthday(birth)) return 'baby-0-2';
  return null;
}

function secondBirthday(birth: string): string {
  const year = Number(birth.slice(0, 4)) + BABY_YEARS;
  const sameDay = `${String(year).padStart(4, '0')}${birth.slice(4)}`;
  // 29 February: the birthday is 1 March in a year without it
  return parseDay(sameDay) === null ? `${String(year).padStart(4, '0')}-03-01` : sameDay;
}

/** Which rhythm a member's care follows, from her profession as she wrote it. */
export type CareRhythm = 'kraamzorg' | 'verloskundige' | 'open';

export function careRhythmOf(profession: string): CareRhythm {
  const text = profession.toLowerCase();
  if (text.includes('kraam')) return 'kraamzorg';
  if (text.includes('verloskund') || text.includes('midwife')) return 'verloskundige';
  return 'open';
}

/** Days after the birth that each rhythm's care usually ends. */
export const RHYTHM_DAYS: Record<Exclude<CareRhythm, 'open'>, number> = {
  kraamzorg: 14,
  verloskundige: 42,
};

/**
 * The suggested last day of access: two weeks after the birth for kraamzorg, six weeks for a
 * verloskundige; null (open-ended) for anyone else, without a birth date, or when that day has
 * already passed on `today` (the care's rhythm is over; the parent chooses a date herself).
 */
export function suggestedUntil(
  profession: string,
  birthDate: BirthDate | null | undefined,
  today: string,
): string | null {
  const rhythm = careRhythmOf(profession);
  if (rhythm === 'open' || !birthDate || parseDay(birthDate.day) === null) return null;
  const until = addDays(birthDate.day, RHYTHM_DAYS[rhythm]);
  return until < today ? null : until;
}

/** One tap to extend: two more weeks from the current end, or from today if that is later. */
export function extendedUntil(until: string, today: string): string {
  return addDays(until < today ? today : until, 14);
}

/** True when the end is at most `days` days away (the parent is reminded then). */
export function endsSoon(until: string, today: string, days = 7): boolean {
  return until >= today && until <= addDays(today, days);
}
