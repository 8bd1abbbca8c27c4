// Pure client logic: per-entry merge, passphrase strength words, the map's filters and strengths.
import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../client/account/passphrase-strength.js';
import { parsePath, paths } from '../../../client/shell/router.js';
import { splitNames } from '../../../client/editor/session/edits.js';
import { mergeDocuments } from '../../../client/editor/session/merge.js';
import { strengths, visibleEntries } from '../../../client/editor/session/view.js';
import type { BaseEntry, MapDocument } from '../../../shared/map/types.js';

function entry(id: string, label: string, ring: 1 | 2 | 3 = 1): BaseEntry {
  return {
    id: id.padEnd(22, 'A'),
    label,
    category: 'family',
    ring,
    support: [],
    supportNote: '',
    phases: [],
    active: true,
    trusted: false,
  };
}

function doc(entries: BaseEntry[], title = 'Kaart', wishes = ''): MapDocument {
  return {
    base: { v: 1, title, centre: { parents: [], children: [] }, entries },
    detail: { v: 1, entries: {} },
    private: { v: 1, wishes },
  };
}

const labels = (document: MapDocument): string[] =>
  document.base.entries.map((item) => item.label).sort();

describe('mergeDocuments (three-way, per entry)', () => {
  const a = entry('a', 'A');
  const b = entry('b', 'B');

  it('keeps additions from both sides', () => {
    const merged = mergeDocuments(doc([a]), doc([a, b]), doc([a, entry('c', 'C')]));
    expect(labels(merged)).toEqual(['A', 'B', 'C']);
  });

  it('takes each side’s change to different entries', () => {
    const merged = mergeDocuments(
      doc([a, b]),
      doc([{ ...a, ring: 2 }, b]),
      doc([a, { ...b, label: 'B2' }]),
    );
    expect(merged.base.entries).toEqual([
      { ...a, ring: 2 },
      { ...b, label: 'B2' },
    ]);
  });

  it('lets mine win when both changed the same entry', () => {
    const merged = mergeDocuments(
      doc([a]),
      doc([{ ...a, label: 'mine' }]),
      doc([{ ...a, label: 'theirs' }]),
    );
    expect(labels(merged)).toEqual(['mine']);
  });

  it('removes an entry one side removed, unless the other side changed it', () => {
    expect(labels(mergeDocuments(doc([a, b]), doc([a]), doc([a, b])))).toEqual(['A']);
    expect(labels(mergeDocuments(doc([a, b]), doc([a]), doc([a, { ...b, ring: 3 }])))).toEqual([
      'A',
      'B',
    ]);
    expect(labels(mergeDocuments(doc([a, b]), doc([a, { ...b, ring: 3 }]), doc([a])))).toEqual([
      'A',
      'B',
    ]);
  });

  it('merges title and wishes field by field, and drops details of removed entries', () => {
    const base = doc([a, b], 'Oud', 'oud');
    const mine = doc([a], 'Oud', 'mijn wens');
    const theirs: MapDocument = {
      ...doc([a, b], 'Nieuw', 'oud'),
      detail: { v: 1, entries: { [b.id]: { name: 'Bea' } } },
    };
    const merged = mergeDocuments(base, mine, theirs);
    expect(merged.base.title).toBe('Nieuw');
    expect(merged.private?.wishes).toBe('mijn wens');
    // They only added a detail to B, which counts as no change to B's base entry: my removal stands.
    expect(labels(merged)).toEqual(['A']);
    expect(merged.detail?.entries).toEqual({});
  });
});

describe('passphrase strength', () => {
  it('explains in plain steps', () => {
    expect(passphraseStrength('').reason).toBe('empty');
    expect(passphraseStrength('kort').reason).toBe('too-short');
    expect(passphraseStrength('wachtwoord123').reason).toBe('common');
    expect(passphraseStrength('aaaaaaaaaaaaaa').reason).toBe('repetitive');
    expect(passphraseStrength('mijnsterkezin').reason).toBe('fair');
    expect(passphraseStrength('groene fiets onder de appelboom').reason).toBe('strong');
    expect(passphraseStrength('zeynep-2024-geheim', 'zeynep').reason).toBe('common');
  });
});

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

describe('router', () => {
  const mapId = 'AAAAAAAAAAAAAAAAAAAAAA';
  it('knows the print pages, and the blank sheet needs no map', () => {
    expect(parsePath(paths.print(mapId, 'map'))).toEqual({ name: 'print', mapId, sheet: 'map' });
    expect(parsePath(paths.print(mapId, 'handout'))).toEqual({
      name: 'print',
      mapId,
      sheet: 'handout',
    });
    expect(parsePath('/print/leeg')).toEqual({ name: 'print-blank' });
    expect(parsePath(`/kaarten/${mapId}/print/iets`)).toEqual({ name: 'not-found' });
    expect(parsePath('/kaarten/%E0%A4%A')).toEqual({ name: 'not-found' });
  });
});
