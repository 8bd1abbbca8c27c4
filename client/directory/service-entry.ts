/** A service of the sociale kaart as an entry on the map (one tap: "Zet op mijn kaart"). */
import type { DirectoryService } from '../../shared/api/directory.js';
import {
  LIMITS,
  type BaseEntry,
  type Category,
  type DetailFields,
  type SupportKind,
} from '../../shared/map/types.js';
import { newEntryId } from '../editor/session/edits.js';

/** Cuts a text to `max` code points, with an ellipsis when it was longer. */
export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const SUPPORT_OF: Partial<Record<Category, SupportKind[]>> = {
  'childcare-school': ['childcare'],
  'pro-medical': ['medical'],
  'pro-public-health': ['advice'],
  'pro-social': ['advice'],
  volunteers: ['practical'],
  'places-services': ['practical'],
  'other-parents': ['talk'],
  community: ['talk'],
};

/** The entry and its details: label = the service's name, category from the service, outer ring. */
export function serviceEntry(service: DirectoryService): {
  entry: BaseEntry;
  detail: DetailFields;
} {
  const entry: BaseEntry = {
    id: newEntryId(),
    label: clip(service.name, LIMITS.label),
    category: service.category,
    ring: 3,
    support: SUPPORT_OF[service.category] ?? [],
    supportNote: clip(service.description, LIMITS.supportNote),
    phases: [],
    active: true,
    trusted: false,
  };
  const address = [service.address, [service.postcode, service.city].filter(Boolean).join(' ')]
    .filter((part) => part !== null && part !== '')
    .join(', ');
  const contact = [service.phone, service.email, service.website, address]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
  const detail: DetailFields = {};
  if (service.organisation !== null && service.organisation !== '') {
    detail.name = clip(service.organisation, LIMITS.name);
  }
  if (contact !== '') detail.contact = clip(contact, LIMITS.contact);
  return { entry, detail };
}

/** True when an entry of that name and category is already on the map. */
export function onMap(entries: readonly BaseEntry[], service: DirectoryService): boolean {
  const label = clip(service.name, LIMITS.label);
  return entries.some((entry) => entry.label === label && entry.category === service.category);
}

/** Categories the map suggests looking for when nobody of them is on it yet. */
export const FIND_HELP_CATEGORIES: readonly Category[] = [
  'childcare-school',
  'pro-medical',
  'pro-public-health',
  'pro-social',
  'other-parents',
  'volunteers',
  'community',
  'places-services',
];

/** The suggested categories with nobody (active) on the map. */
export function openCategories(entries: readonly BaseEntry[]): Category[] {
  return FIND_HELP_CATEGORIES.filter(
    (category) => !entries.some((entry) => entry.active && entry.category === category),
  );
}
