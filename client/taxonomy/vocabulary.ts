/** Words for the map's fixed lists (categories, kinds of support, rings), in the current language. */
import { msg } from '@lit/localize';
import type { Category, Phase, Ring, SupportKind } from '../../shared/map/types.js';
import type { SectorGroup } from '../editor/picture/ring-layout.js';
import { getLocale } from '../localization.js';

/** "a, b en c" in the current language (for lists inside a sentence). */
export function joinList(items: readonly string[]): string {
  return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(items);
}

/** The current language's comma and space. */
export function listSeparator(): string {
  return msg(', ', { id: 'list.separator' });
}

/** "a, b, c" with the current language's comma (for short lists of parts, e.g. a node's name). */
export function joinParts(items: readonly string[]): string {
  return items.join(listSeparator());
}

export function categoryName(category: Category): string {
  switch (category) {
    case 'family':
      return msg('Familie', { id: 'category.family' });
    case 'friends':
      return msg('Vrienden', { id: 'category.friends' });
    case 'other-parents':
      return msg('Andere ouders', { id: 'category.otherParents' });
    case 'community':
      return msg('Buurt, kerk, moskee en gemeenschap', { id: 'category.community' });
    case 'childcare-school':
      return msg('Kinderopvang en school', { id: 'category.childcareSchool' });
    case 'work-study':
      return msg('Werk of opleiding', { id: 'category.workStudy' });
    case 'pro-medical':
      return msg('Zorg: verloskundige, huisarts, ziekenhuis, kraamzorg', {
        id: 'category.proMedical',
      });
    case 'pro-public-health':
      return msg('Consultatiebureau en GGD', { id: 'category.proPublicHealth' });
    case 'pro-social':
      return msg('Wijkteam en andere hulp', { id: 'category.proSocial' });
    case 'volunteers':
      return msg('Vrijwilligers en ervaringsdeskundigen', { id: 'category.volunteers' });
    case 'places-services':
      return msg('Plekken en diensten', { id: 'category.placesServices' });
  }
}

/** A short name of the category, for the legend and for screen readers ("familie"). */
export function categoryShortName(category: Category): string {
  switch (category) {
    case 'family':
      return msg('familie', { id: 'categoryShort.family' });
    case 'friends':
      return msg('vrienden', { id: 'categoryShort.friends' });
    case 'other-parents':
      return msg('andere ouders', { id: 'categoryShort.otherParents' });
    case 'community':
      return msg('buurt en gemeenschap', { id: 'categoryShort.community' });
    case 'childcare-school':
      return msg('opvang en school', { id: 'categoryShort.childcareSchool' });
    case 'work-study':
      return msg('werk of opleiding', { id: 'categoryShort.workStudy' });
    case 'pro-medical':
      return msg('zorg', { id: 'categoryShort.proMedical' });
    case 'pro-public-health':
      return msg('consultatiebureau en GGD', { id: 'categoryShort.proPublicHealth' });
    case 'pro-social':
      return msg('wijkteam en hulp', { id: 'categoryShort.proSocial' });
    case 'volunteers':
      return msg('vrijwilligers', { id: 'categoryShort.volunteers' });
    case 'places-services':
      return msg('plekken en diensten', { id: 'categoryShort.placesServices' });
  }
}

/** The name of a sector of the ring picture. */
export function sectorName(group: SectorGroup): string {
  switch (group) {
    case 'family':
      return msg('Familie', { id: 'sector.family' });
    case 'friends':
      return msg('Vrienden en werk', { id: 'sector.friends' });
    case 'parents':
      return msg('Andere ouders', { id: 'sector.parents' });
    case 'community':
      return msg('Buurt en vrijwilligers', { id: 'sector.community' });
    case 'places':
      return msg('Plekken en diensten', { id: 'sector.places' });
    case 'social':
      return msg('Wijkteam, opvang en school', { id: 'sector.social' });
    case 'public-health':
      return msg('Consultatiebureau en GGD', { id: 'sector.publicHealth' });
    case 'medical':
      return msg('Zorg', { id: 'sector.medical' });
  }
}

export function phaseName(phase: Phase): string {
  switch (phase) {
    case 'kinderwens':
      return msg('Kinderwens', { id: 'phase.kinderwens' });
    case 'zwangerschap':
      return msg('Zwangerschap', { id: 'phase.zwangerschap' });
    case 'kraamtijd':
      return msg('Kraamtijd', { id: 'phase.kraamtijd' });
    case 'baby-0-2':
      return msg('0–2 jaar', { id: 'phase.baby02' });
  }
}

export function supportName(kind: SupportKind): string {
  switch (kind) {
    case 'practical':
      return msg('Praktische hulp', { id: 'support.practical' });
    case 'emotional':
      return msg('Steun en aandacht', { id: 'support.emotional' });
    case 'advice':
      return msg('Informatie en advies', { id: 'support.advice' });
    case 'childcare':
      return msg('Oppassen op de baby of de andere kinderen', { id: 'support.childcare' });
    case 'medical':
      return msg('Medische zorg', { id: 'support.medical' });
    case 'money-housing-papers':
      return msg('Geld, wonen of papieren', { id: 'support.moneyHousingPapers' });
    case 'talk':
      return msg('Iemand om mee te praten', { id: 'support.talk' });
  }
}

export function ringName(ring: Ring): string {
  switch (ring) {
    case 1:
      return msg('Heel dichtbij', { id: 'ring.1' });
    case 2:
      return msg('Dichtbij', { id: 'ring.2' });
    case 3:
      return msg('Verder weg', { id: 'ring.3' });
  }
}

/** One or two words for a kind of support, for the printed list. */
export function supportShortName(kind: SupportKind): string {
  switch (kind) {
    case 'practical':
      return msg('praktisch', { id: 'supportShort.practical' });
    case 'emotional':
      return msg('steun', { id: 'supportShort.emotional' });
    case 'advice':
      return msg('advies', { id: 'supportShort.advice' });
    case 'childcare':
      return msg('oppassen', { id: 'supportShort.childcare' });
    case 'medical':
      return msg('medisch', { id: 'supportShort.medical' });
    case 'money-housing-papers':
      return msg('geld, wonen, papieren', { id: 'supportShort.moneyHousingPapers' });
    case 'talk':
      return msg('praten', { id: 'supportShort.talk' });
  }
}
