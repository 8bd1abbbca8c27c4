// Pure logic of people over time: entry days, the map at a moment, who joined and who stopped.
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOf, isDay, withFormDates } from '../../../shared/map/dates.js';
import {
  entriesAt,
  forgottenIn,
  helpersAt,
  lastMomentIn,
  peopleChange,
  type MomentView,
} from '../../../shared/map/timeline.js';
import { validateBase } from '../../../shared/map/validate.js';
import { withEntry, withoutEntry } from '../../../client/editor/session/edits.js';
import { mergeDocuments } from '../../../client/editor/session/merge.js';
import type { BaseEntry, MapDocument, Phase } from '../../../shared/map/types.js';
import { doc, entry } from '../client/editor/session/fixtures.js';

const at = (day: string): number => dateOfDay(day).getTime() + 12 * 3600_000;
const view = (document: MapDocument, day: string, phase: Phase | null = null): MomentView => ({
  document,
  savedAt: at(day),
  phase,
});
const labels = (list: readonly BaseEntry[]): string[] => list.map((item) => item.label).sort();

describe('entry days', () => {
  it('accepts real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('')).toBe(false);
    expect(dayOf(dateOfDay('2026-12-08'))).toBe('2026-12-08');
  });

  it('keeps an ended person with an until day (today when none was given)', () => {
    const ended = withFormDates(
      { ...entry('a', 'Kraamzorg'), active: false },
      { since: '2026-03-01', until: '' },
      '2026-03-12',
    );
    expect(ended).toMatchObject({ active: false, since: '2026-03-01', until: '2026-03-12' });
    const given = withFormDates(
      { ...entry('a', 'K'), active: false },
      { since: '', until: '2026-01-05' },
      '2026-03-12',
    );
    expect(given.until).toBe('2026-01-05');
    expect(given.since).toBeUndefined();
  });

  it('never ends before the since day, and drops until when she helps again', () => {
    const early = withFormDates(
      { ...entry('a', 'K'), active: false },
      { since: '2026-03-10', until: '2026-03-01' },
      '2026-03-12',
    );
    expect(early.until).toBe('2026-03-10');
    const again = withFormDates(
      { ...early, active: true },
      { since: '2026-03-10', until: '2026-03-10' },
      '2026-04-01',
    );
    expect(again.until).toBeUndefined();
    expect(again.active).toBe(true);
  });

  it('validates maps with and without days (old maps open unchanged)', () => {
    const old = doc([entry('a', 'A')]).base;
    expect(validateBase(old)).toEqual(old);
    const dated = doc([{ ...entry('a', 'A'), since: '2026-01-02', until: '2026-02-03' }]).base;
    expect(validateBase(dated).entries[0]).toMatchObject({
      since: '2026-01-02',
      until: '2026-02-03',
    });
    expect(() =>
      validateBase(doc([{ ...entry('a', 'A'), since: '2026-02-03', until: '2026-01-02' }]).base),
    ).toThrow(/before since/);
    expect(() => validateBase(doc([{ ...entry('a', 'A'), since: '3 maart' }]).base)).toThrow();
    expect(() => validateBase({ ...old, forgotten: ['not an id'] })).toThrow();
  });
});

describe('the map at a moment', () => {
  const mother = entry('m', 'Moeder');
  const midwife = {
    ...entry('v', 'Verloskundige'),
    category: 'pro-medical' as const,
    phases: ['zwangerschap' as const, 'kraamtijd' as const],
  };
  const kraam = { ...entry('k', 'Kraamzorg'), phases: ['kraamtijd' as const], since: '2026-05-01' };
  const jgz = { ...entry('j', 'JGZ'), phases: ['baby-0-2' as const] };

  it('names who joined and who stopped between two versions', () => {
    const pregnant = doc([mother, midwife]);
    const later = doc([mother, { ...midwife, active: false, until: '2026-06-10' }, kraam, jgz]);
    const change = peopleChange(view(pregnant, '2026-03-01'), view(later, '2026-07-01'));
    expect(labels(change.joined)).toEqual(['JGZ', 'Kraamzorg']);
    expect(labels(change.left)).toEqual(['Verloskundige']);
    // the one who stopped is shown as the later version keeps her: ended, with her dates
    expect(change.left[0]).toMatchObject({ active: false, until: '2026-06-10' });
  });

  it('counts nobody when nothing changed, and someone deleted from the map as stopped', () => {
    const same = doc([mother, midwife]);
    expect(peopleChange(view(same, '2026-03-01'), view(same, '2026-04-01'))).toEqual({
      joined: [],
      left: [],
    });
    const change = peopleChange(view(same, '2026-03-01'), view(doc([mother]), '2026-04-01'));
    expect(labels(change.left)).toEqual(['Verloskundige']);
  });

  it('does not count someone whose since day is after the moment', () => {
    const early = doc([mother, kraam]);
    expect(labels(helpersAt(view(early, '2026-04-01'), new Set()))).toEqual(['Moeder']);
    expect(labels(helpersAt(view(early, '2026-05-01'), new Set()))).toEqual([
      'Kraamzorg',
      'Moeder',
    ]);
  });

  it('compares phases by the phases stored on the entries', () => {
    const now = doc([mother, midwife, kraam, jgz]);
    const change = peopleChange(view(now, '2026-07-01', 'zwangerschap'), view(now, '2026-07-01'));
    expect(labels(change.joined)).toEqual(['JGZ', 'Kraamzorg', 'Moeder']);
    expect(change.left).toEqual([]);
    expect(labels(entriesAt(now, new Set(), 'kraamtijd'))).toEqual(['Kraamzorg', 'Verloskundige']);
  });

  it('leaves a person deleted as a mistake out of every earlier moment', () => {
    const before = doc([mother, midwife]);
    const latest = withoutEntry(doc([mother, midwife]), midwife.id);
    const forgotten = forgottenIn(latest);
    expect([...forgotten]).toEqual([midwife.id]);
    expect(labels(entriesAt(before, forgotten))).toEqual(['Moeder']);
    expect(peopleChange(view(before, '2026-03-01'), view(latest, '2026-04-01'), forgotten)).toEqual(
      {
        joined: [],
        left: [],
      },
    );
    // added back (same id, by an edit that beat the deletion): she shows again
    const back = withEntry(latest, midwife, {});
    expect(forgottenIn(back).size).toBe(0);
  });

  it('keeps deletions of both sides in a merge, unless an edit kept the person', () => {
    const base = doc([mother, midwife, jgz]);
    const mine = withoutEntry(base, midwife.id);
    const theirs = withoutEntry(base, jgz.id);
    const merged = mergeDocuments(base, mine, theirs);
    expect(labels(merged.base.entries)).toEqual(['Moeder']);
    expect([...(merged.base.forgotten ?? [])].sort()).toEqual([jgz.id, midwife.id].sort());
    const edited = doc([mother, { ...midwife, ring: 2 }, jgz]);
    const kept = mergeDocuments(base, mine, edited);
    expect(labels(kept.base.entries)).toEqual(['JGZ', 'Moeder', 'Verloskundige']);
    expect(kept.base.forgotten).toBeUndefined();
    expect(validateBase(merged.base)).toEqual(merged.base);
  });
});

describe('phases of moments (the birth-date hook)', () => {
  const moments = ['2026-01-10', '2026-03-01', '2026-05-20', '2026-05-28', '2026-09-01'].map(
    (day) => ({ savedAt: at(day) }),
  );

  it('finds no moment in a phase while no birth date gives days a phase', () => {
    expect(lastMomentIn(moments, 'zwangerschap', () => null)).toBe(-1);
  });

  it('picks the last moment of a phase when the hook knows the phase of a day', () => {
    // a birth on 2026-05-18: pregnancy before, kraamtijd for ten days, then 0–2 years
    const phaseOf = (day: string): Phase =>
      day < '2026-05-18' ? 'zwangerschap' : day <= '2026-05-28' ? 'kraamtijd' : 'baby-0-2';
    expect(lastMomentIn(moments, 'zwangerschap', phaseOf)).toBe(1);
    expect(lastMomentIn(moments, 'kraamtijd', phaseOf)).toBe(3);
    expect(lastMomentIn(moments, 'baby-0-2', phaseOf)).toBe(4);
    expect(lastMomentIn(moments, 'kinderwens', phaseOf)).toBe(-1);
  });
});
