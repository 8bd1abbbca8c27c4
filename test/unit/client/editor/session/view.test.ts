// Pure client logic: the map's filters and strengths, and the centre's names as typed.
import { describe, expect, it } from 'vitest';
import { splitNames } from '../../../../../client/editor/session/edits.js';
import { strengths, visibleEntries } from '../../../../../client/editor/session/view.js';
import type { BaseEntry } from '../../../../../shared/map/types.js';
import { entry } from './fixtures.js';

describe('what the map shows', () => {
  const a: BaseEntry = {
    ...entry('a', 'A — moeder', 1),
    support: ['practical', 'talk'],
    trusted: true,
  };
  const b: BaseEntry = {
    ...entry('b', 'B — verloskundige', 2),
    category: 'pro-medical',
    phases: ['zwangerschap'],
    support: ['medical'],
  };
  const c: BaseEntry = { ...entry('c', 'C — buurvrouw', 1), phases: ['baby-0-2'], active: false };

  it('filters by phase; an entry without phases counts for every phase', () => {
    const ids = (list: BaseEntry[]) => list.map((item) => item.label[0]);
    expect(ids(visibleEntries([a, b, c], { phase: 'all', showEnded: true }))).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(ids(visibleEntries([a, b, c], { phase: 'zwangerschap', showEnded: true }))).toEqual([
      'A',
      'B',
    ]);
    expect(ids(visibleEntries([a, b, c], { phase: 'baby-0-2', showEnded: true }))).toEqual([
      'A',
      'C',
    ]);
    expect(ids(visibleEntries([a, b, c], { phase: 'all', showEnded: false }))).toEqual(['A', 'B']);
  });

  it('counts strengths over the people who help now', () => {
    const found = strengths([a, b, c]);
    expect(found.helpers).toBe(2);
    expect(found.close).toBe(1);
    expect(found.own).toBe(1);
    expect(found.trusted.map((item) => item.label)).toEqual(['A — moeder']);
    expect(found.kinds).toEqual(['practical', 'medical', 'talk']);
    expect(found.ended).toBe(1);
  });

  it('splits centre names on commas (also the Arabic one) and ampersands', () => {
    expect(splitNames(' Meriam & Micha ')).toEqual(['Meriam', 'Micha']);
    expect(splitNames('Mera, Meram,,')).toEqual(['Mera', 'Meram']);
    expect(splitNames('مريم، ميكا')).toEqual(['مريم', 'ميكا']);
    expect(splitNames('')).toEqual([]);
  });
});
