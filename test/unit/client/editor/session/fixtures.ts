// Small map documents for the editor's session tests: entries in the family, one title and wish.
import type { BaseEntry, MapDocument } from '../../../../../shared/map/types.js';

export function entry(id: string, label: string, ring: 1 | 2 | 3 = 1): BaseEntry {
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

export function doc(entries: BaseEntry[], title = 'Kaart', wishes = ''): MapDocument {
  return {
    base: { v: 1, title, centre: { parents: [], children: [] }, entries },
    detail: { v: 1, entries: {} },
    private: { v: 1, wishes },
  };
}
