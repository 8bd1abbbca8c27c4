// A busy but realistic map of 60 entries (every category, every ring, long and short labels, a
// trusted person, two ended entries, phases), for the layout unit test and the print tests.
import type { BaseEntry, Category, Phase, Ring, SupportKind } from '../../../shared/map/types.js';

type Row = [label: string, category: Category, ring: Ring, support: SupportKind[]];

const ROWS: Row[] = [
  ['M. — moeder', 'family', 1, ['emotional', 'childcare']],
  ['J. — partner', 'family', 1, ['practical', 'emotional', 'talk']],
  ['Oma Fatima', 'family', 1, ['childcare']],
  ['Z. — zus', 'family', 1, ['talk']],
  ['Opa Henk', 'family', 2, ['practical']],
  ['B. — broer', 'family', 2, []],
  ['Tante Sara', 'family', 2, ['talk']],
  ['S. — schoonmoeder', 'family', 2, ['childcare']],
  ['Oom Karim', 'family', 3, []],
  ['Neef Daan', 'family', 3, ['practical']],
  ['Lotte — vriendin', 'friends', 1, ['talk', 'emotional']],
  ['Aylin — vriendin', 'friends', 2, ['talk']],
  ['J. — vriend', 'friends', 2, ['practical']],
  ['Collega Sanne', 'work-study', 3, ['advice']],
  ['Teamleider Mark', 'work-study', 3, []],
  ['Noor, studiegenoot', 'work-study', 3, ['talk']],
  ['Moeder van Sem', 'other-parents', 2, ['talk']],
  ['Vader van Lina', 'other-parents', 3, []],
  ['Zwangerschapsgym-groep', 'other-parents', 2, ['emotional']],
  ['Mama-café', 'other-parents', 3, ['talk']],
  ['A. — andere ouder', 'other-parents', 2, ['practical']],
  ['B. — buurvrouw', 'community', 1, ['practical', 'childcare']],
  ['Buurman Piet', 'community', 2, ['practical']],
  ['Moskee Al-Nour', 'community', 3, ['emotional']],
  ['Kerk De Ark', 'community', 3, []],
  ['Home-Start vrijwilliger Els', 'volunteers', 2, ['practical', 'talk']],
  ['Maatje Ingrid', 'volunteers', 2, ['talk']],
  ['Rachid, ervaringsdeskundige', 'volunteers', 3, ['advice']],
  ['Buurthuis De Linde', 'places-services', 3, ['advice']],
  ['Supermarkt om de hoek', 'places-services', 3, []],
  ['Bibliotheek', 'places-services', 3, ['advice']],
  ['Online groep "Mama\'s van Zuid"', 'places-services', 2, ['talk']],
  ['Voedselbank', 'places-services', 3, ['practical']],
  ['Fawzia — wijkteam', 'pro-social', 1, ['money-housing-papers', 'talk']],
  ['Tom, maatschappelijk werker', 'pro-social', 2, ['money-housing-papers']],
  ['Schuldhulpverlener', 'pro-social', 3, ['money-housing-papers']],
  ['Taalcoach Mina', 'pro-social', 3, ['advice']],
  ['Kinderopvang De Ster', 'childcare-school', 2, ['childcare']],
  ['Juf Ellen — leerkracht', 'childcare-school', 2, ['childcare']],
  ['Karin, jeugdhulp', 'pro-social', 3, ['advice']],
  ['Juridisch loket', 'pro-social', 3, ['money-housing-papers']],
  ['Ilse — jeugdverpleegkundige', 'pro-public-health', 1, ['advice', 'medical']],
  ['Jeugdarts dr. Bakker', 'pro-public-health', 2, ['medical']],
  ['GGD', 'pro-public-health', 3, ['advice']],
  ['Anja, VoorZorg-verpleegkundige', 'pro-public-health', 2, ['advice', 'talk']],
  ['Stevig Ouderschap', 'pro-public-health', 3, ['advice']],
  ['Anouk — verloskundige', 'pro-medical', 1, ['medical', 'advice']],
  ['Huisarts dr. Jansen', 'pro-medical', 2, ['medical']],
  [
    'Dr. Wilhelmina van Oosterhout-Brederode, gynaecoloog Maasstad Ziekenhuis',
    'pro-medical',
    3,
    ['medical'],
  ],
  ['Petra — kraamverzorgende', 'pro-medical', 1, ['medical', 'practical']],
  ['Lactatiekundige', 'pro-medical', 3, ['advice']],
  ['Fysiotherapeut', 'pro-medical', 3, ['medical']],
  ['POP-poli', 'pro-medical', 3, ['medical']],
  ['Kinderarts', 'pro-medical', 3, ['medical']],
  ['GGZ-behandelaar', 'pro-medical', 2, ['talk']],
  ['Assistente verloskundige', 'pro-medical', 2, ['medical']],
  ['Ziekenhuis', 'pro-medical', 3, ['medical']],
  ['Kraamzorgconsulent', 'pro-medical', 3, ['advice']],
  ['Apotheek', 'places-services', 3, ['medical']],
  ['Consultatiebureau Noord', 'pro-public-health', 2, ['advice']],
];

const PHASE_CYCLE: Phase[][] = [
  [],
  ['zwangerschap'],
  ['zwangerschap', 'kraamtijd'],
  ['baby-0-2'],
  ['kinderwens', 'zwangerschap'],
  ['kraamtijd', 'baby-0-2'],
];

/** A valid entry id (16 bytes as base64url) made from a number. */
export function entryId(n: number): string {
  return `e${String(n).padStart(3, '0')}`.padEnd(21, 'x') + 'A';
}

/** The 60 entries; Anouk is the trusted person, two entries have ended. */
export function sixtyEntries(): BaseEntry[] {
  if (ROWS.length !== 60) throw new Error(`expected 60 rows, have ${ROWS.length}`);
  return ROWS.map(([label, category, ring, support], i) => ({
    id: entryId(i),
    label,
    category,
    ring,
    support,
    supportNote: '',
    phases: PHASE_CYCLE[i % PHASE_CYCLE.length] ?? [],
    active: label !== 'Teamleider Mark' && label !== 'Vader van Lina',
    trusted: label === 'Anouk — verloskundige',
  }));
}
