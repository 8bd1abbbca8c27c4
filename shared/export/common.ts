// Shared by the exports: which entries are professionals, and their display fields.
import { fromBase64Url } from '../crypto/encoding.js';
import type { BaseEntry, Category, MapDocument } from '../map/types.js';

/** Categories whose entries are professionals (the CareTeam export takes these). */
export const PROFESSIONAL_CATEGORIES: readonly Category[] = [
  'pro-medical',
  'pro-public-health',
  'pro-social',
];

/** Dutch names of the categories, as in the app (exports are read outside the app). */
export const CATEGORY_NAMES: Record<Category, string> = {
  family: 'Familie',
  friends: 'Vrienden',
  'other-parents': 'Andere ouders',
  community: 'Buurt, kerk, moskee en gemeenschap',
  'childcare-school': 'Kinderopvang en school',
  'work-study': 'Werk of opleiding',
  'pro-medical': 'Zorg: verloskundige, huisarts, ziekenhuis, kraamzorg',
  'pro-public-health': 'Consultatiebureau en GGD',
  'pro-social': 'Wijkteam en andere hulp',
  volunteers: 'Vrijwilligers en ervaringsdeskundigen',
  'places-services': 'Plekken en diensten',
};

export interface EntryView {
  entry: BaseEntry;
  /** The detail name when the reader has it, else the label. */
  displayName: string;
  contact: string | undefined;
}

export function entryViews(doc: MapDocument): EntryView[] {
  return doc.base.entries.map((entry) => {
    const detail = doc.detail?.entries[entry.id];
    const name = detail?.name?.trim();
    const contact = detail?.contact?.trim();
    return {
      entry,
      displayName: name ? name : entry.label,
      contact: contact ? contact : undefined,
    };
  });
}

/** The 16-byte base64url entry id as a UUID-shaped string (for vCard UID and FHIR ids). */
export function entryUuid(id: string): string {
  const bytes = fromBase64Url(id);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .padEnd(32, '0')
    .slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
