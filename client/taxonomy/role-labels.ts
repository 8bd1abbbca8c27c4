/**
 * The roles of shared/map/taxonomy.ts in the current language, by key (Dutch is the source, so
 * each Dutch text here is the role's word). A free-text role is always possible.
 */
import { msg } from '@lit/localize';
import type { Category } from '../../shared/map/types.js';
import { rolesIn, type Role } from '../../shared/map/taxonomy.js';

/** One entry per role key of the taxonomy (a unit test keeps the two in step). */
export const ROLE_LABELS: Readonly<Record<string, () => string>> = {
  partner: () => msg('partner', { id: 'role.partner' }),
  mother: () => msg('moeder', { id: 'role.mother' }),
  father: () => msg('vader', { id: 'role.father' }),
  grandmother: () => msg('oma', { id: 'role.grandmother' }),
  grandfather: () => msg('opa', { id: 'role.grandfather' }),
  sister: () => msg('zus', { id: 'role.sister' }),
  brother: () => msg('broer', { id: 'role.brother' }),
  aunt: () => msg('tante', { id: 'role.aunt' }),
  uncle: () => msg('oom', { id: 'role.uncle' }),
  motherInLaw: () => msg('schoonmoeder', { id: 'role.motherInLaw' }),
  niece: () => msg('nicht', { id: 'role.niece' }),
  nephew: () => msg('neef', { id: 'role.nephew' }),
  friendFemale: () => msg('vriendin', { id: 'role.friendFemale' }),
  friendMale: () => msg('vriend', { id: 'role.friendMale' }),
  colleague: () => msg('collega', { id: 'role.colleague' }),
  manager: () => msg('leidinggevende', { id: 'role.manager' }),
  teacherAdult: () => msg('docent', { id: 'role.teacherAdult' }),
  fellowStudent: () => msg('studiegenoot', { id: 'role.fellowStudent' }),
  otherParent: () => msg('andere ouder', { id: 'role.otherParent' }),
  neighbourFemale: () => msg('buurvrouw', { id: 'role.neighbourFemale' }),
  neighbourMale: () => msg('buurman', { id: 'role.neighbourMale' }),
  keyPerson: () => msg('sleutelpersoon', { id: 'role.keyPerson' }),
  church: () => msg('iemand van de kerk', { id: 'role.church' }),
  mosque: () => msg('iemand van de moskee', { id: 'role.mosque' }),
  community: () => msg('iemand van de gemeenschap', { id: 'role.community' }),
  peerExpert: () => msg('ervaringsdeskundige', { id: 'role.peerExpert' }),
  volunteerHomeStart: () => msg('vrijwilliger (Home-Start)', { id: 'role.volunteerHomeStart' }),
  buddy: () => msg('maatje of buddy', { id: 'role.buddy' }),
  mentor: () => msg('mentor (JIM)', { id: 'role.mentor' }),
  midwife: () => msg('verloskundige', { id: 'role.midwife' }),
  midwifeAssistant: () => msg('assistente verloskundige', { id: 'role.midwifeAssistant' }),
  gynaecologist: () => msg('gynaecoloog', { id: 'role.gynaecologist' }),
  popClinic: () => msg('POP-poli (psychiatrie-obstetrie-pediatrie)', { id: 'role.popClinic' }),
  obstetricNurse: () => msg('obstetrisch verpleegkundige', { id: 'role.obstetricNurse' }),
  gp: () => msg('huisarts', { id: 'role.gp' }),
  paediatrician: () => msg('kinderarts', { id: 'role.paediatrician' }),
  maternityCarer: () => msg('kraamverzorgende', { id: 'role.maternityCarer' }),
  maternityConsultant: () => msg('kraamzorgconsulent', { id: 'role.maternityConsultant' }),
  physiotherapist: () => msg('fysiotherapeut', { id: 'role.physiotherapist' }),
  lactationConsultant: () => msg('lactatiekundige', { id: 'role.lactationConsultant' }),
  mentalHealth: () => msg('GGZ-behandelaar', { id: 'role.mentalHealth' }),
  addictionCare: () => msg('verslavingszorg', { id: 'role.addictionCare' }),
  medicalSocialWork: () => msg('medisch maatschappelijk werk', { id: 'role.medicalSocialWork' }),
  youthNurse: () => msg('jeugdverpleegkundige (consultatiebureau)', { id: 'role.youthNurse' }),
  youthDoctor: () => msg('jeugdarts', { id: 'role.youthDoctor' }),
  ggd: () => msg('GGD', { id: 'role.ggd' }),
  nuNietZwanger: () => msg('Nu Niet Zwanger', { id: 'role.nuNietZwanger' }),
  voorZorg: () => msg('VoorZorg-verpleegkundige', { id: 'role.voorZorg' }),
  stevigOuderschap: () => msg('Stevig Ouderschap', { id: 'role.stevigOuderschap' }),
  neighbourhoodTeam: () => msg('wijkteam of Team Jeugd', { id: 'role.neighbourhoodTeam' }),
  socialWorker: () => msg('maatschappelijk werker', { id: 'role.socialWorker' }),
  debtAdviser: () => msg('schuldhulpverlener', { id: 'role.debtAdviser' }),
  housingSupport: () => msg('woonbegeleider', { id: 'role.housingSupport' }),
  youthCare: () => msg('jeugdhulp', { id: 'role.youthCare' }),
  clientSupport: () => msg('onafhankelijk cliëntondersteuner', { id: 'role.clientSupport' }),
  mee: () => msg('MEE-consulent', { id: 'role.mee' }),
  languageCoach: () => msg('taalcoach', { id: 'role.languageCoach' }),
  legalDesk: () => msg('juridisch loket', { id: 'role.legalDesk' }),
  childcareWorker: () =>
    msg('pedagogisch medewerker (kinderopvang)', { id: 'role.childcareWorker' }),
  teacher: () => msg('leerkracht', { id: 'role.teacher' }),
  communityCentre: () => msg('buurthuis', { id: 'role.communityCentre' }),
  library: () => msg('bibliotheek', { id: 'role.library' }),
  supermarket: () => msg('supermarkt', { id: 'role.supermarket' }),
  onlineGroup: () => msg('online groep', { id: 'role.onlineGroup' }),
  transport: () => msg('vervoer', { id: 'role.transport' }),
};

/** A role's name in the current language (its Dutch word if a translation is missing). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role.key]?.() ?? role.word;
}

/** Suggestions for the "who is this to you" field: those of the chosen category, or all of them. */
export function rolesFor(category: Category | ''): string[] {
  return [...new Set(rolesIn(category).map(roleLabel))];
}
