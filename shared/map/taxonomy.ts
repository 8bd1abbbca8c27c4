/**
 * The roles a person or place can have for a family, each with its category written out (never
 * derived from its place in a list). The words are Dutch, the source language; the client
 * translates them by key. A free-text role is always possible, so a word missing here is fine.
 */
import { CATEGORIES, type Category } from './types.js';

export interface Role {
  /** Stable name, also the translation id (`role.<key>`) in the client. */
  readonly key: string;
  /** The Dutch word shown and stored. */
  readonly word: string;
  readonly category: Category;
  /** A job someone does for the family (also childcare and school), not a relative or a place. */
  readonly profession: boolean;
  /** Older spellings that people have already saved, still recognised. */
  readonly also?: readonly string[];
}

function people(category: Category, roles: readonly [key: string, word: string][]) {
  return roles.map(([key, word]) => ({ key, word, category, profession: false }));
}

function jobs(
  category: Category,
  roles: readonly [key: string, word: string, also?: readonly string[]][],
) {
  return roles.map(([key, word, also]) => ({
    key,
    word,
    category,
    profession: true,
    ...(also === undefined ? {} : { also }),
  }));
}

/** Every role, grouped by category; within a category in the order the pickers show them. */
export const ROLES: readonly Role[] = [
  ...people('family', [
    ['partner', 'partner'],
    ['mother', 'moeder'],
    ['father', 'vader'],
    ['grandmother', 'oma'],
    ['grandfather', 'opa'],
    ['sister', 'zus'],
    ['brother', 'broer'],
    ['aunt', 'tante'],
    ['uncle', 'oom'],
    ['motherInLaw', 'schoonmoeder'],
    ['niece', 'nicht'],
    ['nephew', 'neef'],
  ]),
  ...people('friends', [
    ['friendFemale', 'vriendin'],
    ['friendMale', 'vriend'],
  ]),
  ...people('work-study', [
    ['colleague', 'collega'],
    ['manager', 'leidinggevende'],
    ['teacherAdult', 'docent'],
    ['fellowStudent', 'studiegenoot'],
  ]),
  ...people('other-parents', [['otherParent', 'andere ouder']]),
  ...people('community', [
    ['neighbourFemale', 'buurvrouw'],
    ['neighbourMale', 'buurman'],
    ['keyPerson', 'sleutelpersoon'],
    ['church', 'iemand van de kerk'],
    ['mosque', 'iemand van de moskee'],
    ['community', 'iemand van de gemeenschap'],
  ]),
  ...people('volunteers', [
    ['peerExpert', 'ervaringsdeskundige'],
    ['volunteerHomeStart', 'vrijwilliger (Home-Start)'],
    ['buddy', 'maatje of buddy'],
    ['mentor', 'mentor (JIM)'],
  ]),
  ...jobs('pro-medical', [
    ['midwife', 'verloskundige'],
    ['midwifeAssistant', 'assistente verloskundige'],
    ['gynaecologist', 'gynaecoloog'],
    ['popClinic', 'POP-poli (psychiatrie-obstetrie-pediatrie)', ['POP-poli']],
    ['obstetricNurse', 'obstetrisch verpleegkundige'],
    ['gp', 'huisarts'],
    ['paediatrician', 'kinderarts'],
    ['maternityCarer', 'kraamverzorgende'],
    ['maternityConsultant', 'kraamzorgconsulent'],
    ['physiotherapist', 'fysiotherapeut'],
    ['lactationConsultant', 'lactatiekundige'],
    ['mentalHealth', 'GGZ-behandelaar'],
    ['addictionCare', 'verslavingszorg'],
    ['medicalSocialWork', 'medisch maatschappelijk werk'],
  ]),
  ...jobs('pro-public-health', [
    [
      'youthNurse',
      'jeugdverpleegkundige (consultatiebureau)',
      ['jeugdverpleegkundige (JGZ/consultatiebureau)'],
    ],
    ['youthDoctor', 'jeugdarts'],
    ['ggd', 'GGD'],
    ['nuNietZwanger', 'Nu Niet Zwanger'],
    ['voorZorg', 'VoorZorg-verpleegkundige'],
    ['stevigOuderschap', 'Stevig Ouderschap'],
  ]),
  ...jobs('pro-social', [
    ['neighbourhoodTeam', 'wijkteam of Team Jeugd', ['wijkteam / Team Jeugd']],
    ['socialWorker', 'maatschappelijk werker'],
    ['debtAdviser', 'schuldhulpverlener'],
    ['housingSupport', 'woonbegeleider'],
    ['youthCare', 'jeugdhulp'],
    ['clientSupport', 'onafhankelijk cliëntondersteuner'],
    ['mee', 'MEE-consulent'],
    ['languageCoach', 'taalcoach'],
    ['legalDesk', 'juridisch loket'],
  ]),
  ...jobs('childcare-school', [
    [
      'childcareWorker',
      'pedagogisch medewerker (kinderopvang)',
      ['pedagogisch medewerker kinderopvang'],
    ],
    ['teacher', 'leerkracht'],
  ]),
  ...people('places-services', [
    ['communityCentre', 'buurthuis'],
    ['library', 'bibliotheek'],
    ['supermarket', 'supermarkt'],
    ['onlineGroup', 'online groep'],
    ['transport', 'vervoer'],
  ]),
];

/** The categories of professionals; everything else is the family's own (informal) network. */
export const PROFESSIONAL_CATEGORIES = ['pro-medical', 'pro-public-health', 'pro-social'] as const;

export function isProfessionalCategory(category: Category): boolean {
  return PROFESSIONAL_CATEGORIES.some((professional) => professional === category);
}

/** The roles of one category, or of every category (in the order of CATEGORIES). */
export function rolesIn(category: Category | ''): readonly Role[] {
  if (category === '') return CATEGORIES.flatMap((item) => rolesIn(item));
  return ROLES.filter((role) => role.category === category);
}

/** The role a word names (its word or an older spelling), if it is one of ours. */
export function roleOfWord(word: string): Role | undefined {
  return ROLES.find((role) => role.word === word || (role.also ?? []).includes(word));
}

/** Whether a word (a member's profession) names a job from the taxonomy. */
export function isProfessionalWord(word: string): boolean {
  return roleOfWord(word)?.profession === true;
}

/**
 * Where a member stands when marked as trusted person on the picture: a professional (by role or
 * by profession word) in their profession's professional category, or with the social
 * professionals when that has none (childcare, school, a free text); anyone else with friends.
 */
export function memberCategory(profession: string, isProfessional: boolean): Category {
  const role = roleOfWord(profession);
  if (!isProfessional && role?.profession !== true) return 'friends';
  if (role !== undefined && isProfessionalCategory(role.category)) return role.category;
  return 'pro-social';
}

/** The categories whose roles a person joining a map (or a professional) picks from. */
const JOINING_CATEGORIES: readonly Category[] = [
  'pro-medical',
  'pro-public-health',
  'pro-social',
  'childcare-school',
  'family',
  'friends',
  'other-parents',
  'community',
  'volunteers',
];

/** Suggestions for "your profession or role" when joining: the jobs first, then the people. */
export const PROFESSION_WORDS: readonly string[] = JOINING_CATEGORIES.flatMap((category) =>
  rolesIn(category).map((role) => role.word),
);
