// The three example families of docs/domain.md ("Example families"), as demo data.
// All people are made up. Informal people appear with initial and role; names and contact details
// are in the detail section, which only the parent and the members she grants it to can read.
// No case notes, no labels about the family: a map of people and what they do.
import type { JoinProfile, MemberCard } from '../../shared/crypto/index.js';
import type {
  Category,
  DetailFields,
  Phase,
  Ring,
  SupportKind,
} from '../../shared/map/document.js';
import type { Grant } from './membership.js';

/** Demo accounts all use a fixed, printed passphrase: demo data only, never for a real family. */
export function demoPassphrase(username: string): string {
  return `demo ${username} netwerkkaart`;
}

export interface DemoProfessional {
  username: string;
  /** Who this is, for the printed table. */
  who: string;
  profile: JoinProfile;
}

export interface DemoEntry {
  label: string;
  category: Category;
  ring: Ring;
  support: SupportKind[];
  supportNote: string;
  phases: Phase[];
  /** Defaults to true; false = no longer involved (shown greyed or hidden). */
  active?: boolean;
  /** The vertrouwde persoon. */
  trusted?: boolean;
  detail?: DetailFields;
}

export interface DemoMember {
  professional: string;
  grant: Grant;
  card: Omit<MemberCard, 'name' | 'organisation' | 'role'>;
}

export interface DemoFamily {
  /** Short name for the printed table. */
  name: string;
  parent: { username: string; who: string; name: string };
  title: string;
  centre: { parents: string[]; children: string[] };
  entries: DemoEntry[];
  /** "Wat wil je versterken?" — the private section, only the parent reads it. */
  wishes: string;
  members: DemoMember[];
}

const BASE_ONLY: Grant = { role: 'professional', rights: 'read', sections: ['base'] };

export const PROFESSIONALS: DemoProfessional[] = [
  {
    username: 'verloskundige-demo',
    who: 'Anouk Visser, verloskundige',
    profile: {
      name: 'Anouk Visser',
      profession: 'verloskundige',
      organisation: 'Verloskundigenpraktijk De Kade',
      contact: 'praktijk: anouk@dekade.example',
      availability: 'ma–vr 8.30–17.00; bij spoed dag en nacht via de praktijk',
    },
  },
  {
    username: 'jgz-demo',
    who: 'Inge Smit, jeugdverpleegkundige',
    profile: {
      name: 'Inge Smit',
      profession: 'jeugdverpleegkundige (JGZ)',
      organisation: 'Consultatiebureau Oost',
      contact: 'inge@jgz-oost.example',
      availability: 'di, wo en do',
    },
  },
  {
    username: 'wijkteam-fawzia',
    who: 'Fawzia El Amrani, wijkteam',
    profile: {
      name: 'Fawzia El Amrani',
      profession: 'maatschappelijk werker',
      organisation: 'Wijkteam Oost',
      contact: 'fawzia@wijkteam-oost.example',
      availability: 'ma, di en do',
    },
  },
  {
    username: 'coach-demo',
    who: 'Ruben de Groot, stoppen-met-roken-coach',
    profile: {
      name: 'Ruben de Groot',
      profession: 'stoppen-met-roken-coach',
      organisation: 'Rookvrij Start',
      contact: 'ruben@rookvrijstart.example',
      availability: 'avonden en zaterdag',
    },
  },
];

const ALL_PHASES: Phase[] = ['zwangerschap', 'kraamtijd', 'baby-0-2'];

export const FAMILIES: DemoFamily[] = [
  {
    name: 'Meriam & Micha',
    parent: {
      username: 'meriam',
      who: 'Meriam (with Micha; Mera 5, Meram newborn)',
      name: 'Meriam',
    },
    title: 'Kaart van Meriam en Micha',
    centre: { parents: ['Meriam', 'Micha'], children: ['Mera', 'Meram'] },
    entries: [
      {
        label: 'S. — buurvrouw, sleutelpersoon',
        category: 'community',
        ring: 1,
        support: ['talk', 'practical', 'advice'],
        supportNote: 'Praat met mij over de zwangerschap. Gaf groentebonnen.',
        phases: ALL_PHASES,
        trusted: true,
        detail: { name: 'Saida', contact: 'woont op dezelfde galerij' },
      },
      {
        label: 'Anouk Visser — verloskundige',
        category: 'pro-medical',
        ring: 2,
        support: ['medical', 'talk'],
        supportNote: 'Controles. Luistert naar onze zorgen over de bevalling.',
        phases: ['zwangerschap', 'kraamtijd'],
        detail: { name: 'Anouk Visser', contact: 'anouk@dekade.example' },
      },
      {
        label: 'Fawzia — wijkteam',
        category: 'pro-social',
        ring: 2,
        support: ['money-housing-papers', 'practical', 'advice'],
        supportNote: 'Hielp met het kindpakket en met brieven.',
        phases: ALL_PHASES,
        detail: { name: 'Fawzia El Amrani', contact: 'fawzia@wijkteam-oost.example' },
      },
      {
        label: 'Inge Smit — jeugdverpleegkundige',
        category: 'pro-public-health',
        ring: 2,
        support: ['advice', 'medical'],
        supportNote: 'Kwam samen met de kraamzorg op huisbezoek.',
        phases: ALL_PHASES,
        detail: { name: 'Inge Smit', contact: 'inge@jgz-oost.example' },
      },
      {
        label: 'Kraamzorg — kraamverzorgende',
        category: 'pro-medical',
        ring: 2,
        support: ['childcare', 'practical', 'advice'],
        supportNote: 'Huisbezoek in de zwangerschap en hulp in de kraamweek.',
        phases: ['zwangerschap', 'kraamtijd'],
        active: false,
      },
      {
        label: 'Juf van Mera — basisschool',
        category: 'childcare-school',
        ring: 3,
        support: ['childcare', 'advice'],
        supportNote: 'Vertelde ons over de wijkinloop.',
        phases: ALL_PHASES,
      },
      {
        label: 'Wijkinloop voor aanstaande ouders',
        category: 'other-parents',
        ring: 3,
        support: ['talk', 'emotional'],
        supportNote: 'Elke week. Hier leren we andere gezinnen kennen.',
        phases: ['zwangerschap', 'baby-0-2'],
      },
      {
        label: 'Groenteman op de markt',
        category: 'places-services',
        ring: 3,
        support: ['practical'],
        supportNote: 'Verse groente met de bonnen van de gemeente.',
        phases: ALL_PHASES,
      },
    ],
    wishes:
      'Rustig de bevalling in. Meer ouders uit de wijk leren kennen. Hulp bij het lezen van brieven.',
    members: [
      {
        professional: 'verloskundige-demo',
        grant: { role: 'professional', rights: 'read', sections: ['base', 'detail'] },
        card: {
          whatIDo:
            'Controles in de zwangerschap en na de bevalling; samen plannen we de bevalling.',
          howToReach: 'Bel de praktijk; bij spoed dag en nacht.',
          when: 'ma–vr 8.30–17.00',
        },
      },
      {
        professional: 'wijkteam-fawzia',
        grant: BASE_ONLY,
        card: {
          whatIDo: 'Ik help met het kindpakket, brieven en geldzaken.',
          howToReach: 'App of bel mij; ik bel binnen een dag terug.',
          when: 'ma, di en do',
        },
      },
      {
        professional: 'jgz-demo',
        grant: BASE_ONLY,
        card: {
          whatIDo: 'Huisbezoek samen met de kraamzorg; daarna het consultatiebureau voor Meram.',
          howToReach: 'Via het consultatiebureau.',
          when: 'di, wo en do',
        },
      },
    ],
  },
  {
    name: 'Tiny & Leo',
    parent: { username: 'tiny', who: 'Tiny (with Leo; expecting Dixie)', name: 'Tiny' },
    title: 'Kaart van Tiny en Leo',
    centre: { parents: ['Tiny', 'Leo'], children: ['Dixie'] },
    entries: [
      {
        label: 'M. — moeder van Tiny',
        category: 'family',
        ring: 1,
        support: ['emotional', 'practical'],
        supportNote: 'Denkt mee over de babykamer.',
        phases: ALL_PHASES,
      },
      {
        label: 'Anouk Visser — verloskundige',
        category: 'pro-medical',
        ring: 2,
        support: ['medical', 'advice'],
        supportNote: 'Controles; legt alles rustig uit.',
        phases: ['zwangerschap', 'kraamtijd'],
        trusted: true,
        detail: { name: 'Anouk Visser', contact: 'anouk@dekade.example' },
      },
      {
        label: 'Online cursus aanstaande ouders',
        category: 'places-services',
        ring: 2,
        support: ['advice', 'talk'],
        supportNote: 'Over onze relatie, gezondheid en praten met de baby.',
        phases: ['zwangerschap'],
      },
      {
        label: 'Ruben — stoppen-met-roken-coach',
        category: 'pro-public-health',
        ring: 2,
        support: ['advice', 'emotional'],
        supportNote: 'Helpt Leo om te stoppen met roken.',
        phases: ['zwangerschap'],
        detail: { name: 'Ruben de Groot', contact: 'ruben@rookvrijstart.example' },
      },
      {
        label: 'Vadergroep — aanstaande vaders',
        category: 'other-parents',
        ring: 2,
        support: ['talk'],
        supportNote: 'Leo gaat elke week poolen met andere aanstaande vaders.',
        phases: ['zwangerschap', 'baby-0-2'],
      },
      {
        label: 'B. — buurvrouw',
        category: 'community',
        ring: 2,
        support: ['practical'],
        supportNote: 'Kookt voor ons als de kraamzorg klaar is.',
        phases: ['kraamtijd'],
        detail: { name: 'Bep', contact: 'nummer 12' },
      },
      {
        label: 'Collega’s van Tiny',
        category: 'work-study',
        ring: 3,
        support: ['talk'],
        supportNote: 'Even kletsen in de pauze.',
        phases: ['zwangerschap'],
      },
      {
        label: 'Voetbalteam van Leo',
        category: 'community',
        ring: 3,
        support: ['talk'],
        supportNote: 'Elke zaterdag.',
        phases: ALL_PHASES,
      },
    ],
    wishes:
      'Andere jonge ouders leren kennen. Leo wil gestopt zijn met roken als Dixie er is. Meer tijd samen, naast het werk van Tiny.',
    members: [
      {
        professional: 'verloskundige-demo',
        grant: BASE_ONLY,
        card: {
          whatIDo: 'Controles in de zwangerschap; samen maken we een geboorteplan.',
          howToReach: 'Bel de praktijk; bij spoed dag en nacht.',
          when: 'ma–vr 8.30–17.00',
        },
      },
      {
        professional: 'coach-demo',
        grant: BASE_ONLY,
        card: {
          whatIDo: 'Ik coach Leo bij het stoppen met roken, in zijn eigen tempo.',
          howToReach: 'App mij; ik reageer dezelfde dag.',
          when: 'avonden en zaterdag',
        },
      },
    ],
  },
  {
    name: 'Linda',
    parent: { username: 'linda', who: 'Linda (son Davie, two weeks old)', name: 'Linda' },
    title: 'Kaart van Linda en Davie',
    centre: { parents: ['Linda'], children: ['Davie'] },
    entries: [
      {
        label: 'M. — vroegere juf, woont dichtbij',
        category: 'community',
        ring: 2,
        support: ['talk', 'emotional'],
        supportNote: 'Koffie drinken en even bijpraten.',
        phases: ['kraamtijd', 'baby-0-2'],
        detail: { name: 'Mary', contact: 'twee straten verder' },
      },
      {
        label: 'H. — man van M.',
        category: 'community',
        ring: 3,
        support: ['practical'],
        supportNote: 'Helpt met klusjes in huis.',
        phases: ['kraamtijd', 'baby-0-2'],
        detail: { name: 'Henk' },
      },
      {
        label: 'Collega’s in de kapsalon',
        category: 'work-study',
        ring: 3,
        support: ['talk'],
        supportNote: 'Sturen berichtjes en foto’s.',
        phases: ['baby-0-2'],
      },
      {
        label: 'Jolien de Wit — ouder-kindspecialist',
        category: 'pro-public-health',
        ring: 1,
        support: ['emotional', 'talk', 'advice'],
        supportNote: 'Vaste afspraken: samen tijd voor Davie en mij.',
        phases: ['zwangerschap', 'kraamtijd', 'baby-0-2'],
        trusted: true,
        detail: { name: 'Jolien de Wit', contact: 'via de verloskundige' },
      },
      {
        label: 'Fawzia — wijkteam',
        category: 'pro-social',
        ring: 2,
        support: ['practical', 'advice'],
        supportNote: 'Denkt met mij mee over wie er om ons heen is.',
        phases: ['kraamtijd', 'baby-0-2'],
        detail: { name: 'Fawzia El Amrani', contact: 'fawzia@wijkteam-oost.example' },
      },
      {
        label: 'Anouk Visser — verloskundige',
        category: 'pro-medical',
        ring: 2,
        support: ['medical', 'talk'],
        supportNote: 'Controles; ze nam altijd de tijd.',
        phases: ['zwangerschap', 'kraamtijd'],
        detail: { name: 'Anouk Visser', contact: 'anouk@dekade.example' },
      },
      {
        label: 'Inge Smit — jeugdverpleegkundige',
        category: 'pro-public-health',
        ring: 2,
        support: ['advice', 'medical'],
        supportNote: 'Komt langs voor Davie; daarna het consultatiebureau.',
        phases: ['baby-0-2'],
        detail: { name: 'Inge Smit', contact: 'inge@jgz-oost.example' },
      },
      {
        label: 'Huisarts — praktijk Zuid',
        category: 'pro-medical',
        ring: 3,
        support: ['medical'],
        supportNote: 'Bracht mij op tijd bij de verloskundige.',
        phases: ALL_PHASES,
      },
      {
        label: 'Ziekenhuis — kraamafdeling',
        category: 'pro-medical',
        ring: 3,
        support: ['medical'],
        supportNote: 'Davie is hier geboren.',
        phases: ['kraamtijd'],
        active: false,
      },
    ],
    wishes:
      'Vaker afspreken met Mary en Henk. Een paar vriendinnen van vroeger weer zien. Andere moeders met een baby leren kennen, op een tijd die past bij mijn werk.',
    members: [
      {
        professional: 'wijkteam-fawzia',
        grant: { role: 'borger', rights: 'write', sections: ['base', 'detail'] },
        card: {
          whatIDo:
            'Ik ben borger: samen met Linda kijk ik wie er om haar heen is en wie erbij kan komen.',
          howToReach: 'App of bel mij; ik bel binnen een dag terug.',
          when: 'ma, di en do',
        },
      },
      {
        professional: 'verloskundige-demo',
        grant: BASE_ONLY,
        card: {
          whatIDo: 'Controles in de kraamtijd; ik draag over aan het consultatiebureau.',
          howToReach: 'Bel de praktijk; bij spoed dag en nacht.',
          when: 'ma–vr 8.30–17.00',
        },
      },
      {
        professional: 'jgz-demo',
        grant: BASE_ONLY,
        card: {
          whatIDo: 'Huisbezoek voor Davie en daarna het consultatiebureau: groei, voeding, slapen.',
          howToReach: 'Via het consultatiebureau.',
          when: 'di, wo en do',
        },
      },
    ],
  },
];
