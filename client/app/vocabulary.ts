/** Words for the map's fixed lists (categories, kinds of support, rings), in the current language. */
import { msg } from '@lit/localize';
import type { Category, Ring, SupportKind } from '../../shared/map/types.js';

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

/** Categories of professionals; the rest is the parent's own (informal) network. */
export function isProfessional(category: Category): boolean {
  return (
    category === 'pro-medical' || category === 'pro-public-health' || category === 'pro-social'
  );
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
