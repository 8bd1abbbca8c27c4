// Pure client logic: the per-entry three-way merge of two saves of one map.
import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../../../../../client/editor/session/merge.js';
import type { MapDocument } from '../../../../../shared/map/types.js';
import { doc, entry } from './fixtures.js';

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
