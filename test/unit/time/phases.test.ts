// Phases and suggested end dates from the parent's birth date (decision 0030).
import { describe, expect, it } from 'vitest';
import { addDays, hasEnded, parseDay } from '../../../shared/time/day.js';
import {
  careRhythmOf,
  endsSoon,
  extendedUntil,
  phaseAt,
  suggestedUntil,
} from '../../../shared/time/phases.js';

describe('phaseAt', () => {
  const birth = '2027-03-10';
  it('follows the birth date through the phases', () => {
    expect(phaseAt('2026-05-01', birth)).toBe('kinderwens');
    expect(phaseAt('2026-06-03', birth)).toBe('zwangerschap'); // 280 days before
    expect(phaseAt('2027-03-09', birth)).toBe('zwangerschap');
    expect(phaseAt('2027-03-10', birth)).toBe('kraamtijd');
    expect(phaseAt('2027-04-20', birth)).toBe('kraamtijd'); // day 41
    expect(phaseAt('2027-04-21', birth)).toBe('baby-0-2');
    expect(phaseAt('2029-03-09', birth)).toBe('baby-0-2');
    expect(phaseAt('2029-03-10', birth)).toBeNull();
  });
  it('guesses nothing without a birth date, or with one that is not a day', () => {
    expect(phaseAt('2027-01-01', null)).toBeNull();
    expect(phaseAt('2027-01-01', undefined)).toBeNull();
    expect(phaseAt('2027-01-01', '2027-02-30')).toBeNull();
  });
  it('follows the actual day of a premature birth', () => {
    const early = { day: '2027-01-20', kind: 'actual' as const };
    expect(phaseAt('2027-02-01', early)).toBe('kraamtijd');
    expect(phaseAt('2027-02-01', { day: birth, kind: 'expected' })).toBe('zwangerschap');
  });
  it('keeps a 29 February birthday', () => {
    expect(phaseAt('2030-02-28', '2028-02-29')).toBe('baby-0-2');
    expect(phaseAt('2030-03-01', '2028-02-29')).toBeNull();
  });
});

describe('suggestedUntil', () => {
  const expected = { day: '2027-03-10', kind: 'expected' as const };
  it('suggests two weeks after the birth for kraamzorg and six for a verloskundige', () => {
    expect(suggestedUntil('kraamverzorgende', expected, '2027-02-01')).toBe('2027-03-24');
    expect(suggestedUntil('Verloskundige', expected, '2027-02-01')).toBe('2027-04-21');
  });
  it('is open-ended for other roles and without a birth date', () => {
    expect(suggestedUntil('jeugdverpleegkundige', expected, '2027-02-01')).toBeNull();
    expect(suggestedUntil('kraamverzorgende', null, '2027-02-01')).toBeNull();
  });
  it('follows a premature birth entered as the actual day', () => {
    const early = { day: '2027-01-20', kind: 'actual' as const };
    expect(suggestedUntil('kraamverzorgende', early, '2027-01-21')).toBe('2027-02-03');
  });
  it('suggests nothing when that day is already in the past', () => {
    expect(suggestedUntil('kraamverzorgende', expected, '2027-06-01')).toBeNull();
    expect(suggestedUntil('kraamverzorgende', expected, '2027-03-24')).toBe('2027-03-24');
  });
  it('reads the rhythm from the profession as written', () => {
    expect(careRhythmOf('Kraamzorg De Wieg')).toBe('kraamzorg');
    expect(careRhythmOf('wijkteam')).toBe('open');
  });
});

describe('end dates', () => {
  it('counts the last day as access and ends after it', () => {
    const start = parseDay('2027-03-24')!;
    expect(hasEnded('2027-03-24', start + 23 * 3600_000)).toBe(false);
    expect(hasEnded('2027-03-24', start + 24 * 3600_000)).toBe(true);
  });
  it('reminds within seven days and extends by two weeks from the end or today', () => {
    expect(endsSoon('2027-03-24', '2027-03-17')).toBe(true);
    expect(endsSoon('2027-03-24', '2027-03-16')).toBe(false);
    expect(endsSoon('2027-03-24', '2027-03-25')).toBe(false);
    expect(extendedUntil('2027-03-24', '2027-03-20')).toBe('2027-04-07');
    expect(extendedUntil('2027-03-24', '2027-04-01')).toBe(addDays('2027-04-01', 14));
  });
});
