/**
 * Suggested roles for the "who is this to you" field, per category (the roles taxonomy of
 * docs/domain.md, with the family words parents use). A free-text role is always possible.
 */
import { msg } from '@lit/localize';
import { CATEGORIES, type Category } from '../../shared/map/types.js';

function family(): string[] {
  return [
    msg('partner', { id: 'role.partner' }),
    msg('moeder', { id: 'role.mother' }),
    msg('vader', { id: 'role.father' }),
    msg('oma', { id: 'role.grandmother' }),
    msg('opa', { id: 'role.grandfather' }),
    msg('zus', { id: 'role.sister' }),
    msg('broer', { id: 'role.brother' }),
    msg('tante', { id: 'role.aunt' }),
    msg('oom', { id: 'role.uncle' }),
    msg('schoonmoeder', { id: 'role.motherInLaw' }),
    msg('nicht', { id: 'role.niece' }),
    msg('neef', { id: 'role.nephew' }),
  ];
}

function friends(): string[] {
  return [msg('vriendin', { id: 'role.friendFemale' }), msg('vriend', { id: 'role.friendMale' })];
}

function work(): string[] {
  return [
    msg('collega', { id: 'role.colleague' }),
    msg('leidinggevende', { id: 'role.manager' }),
    msg('docent', { id: 'role.teacherAdult' }),
    msg('studiegenoot', { id: 'role.fellowStudent' }),
  ];
}

function otherParents(): string[] {
  return [msg('andere ouder', { id: 'role.otherParent' })];
}

function community(): string[] {
  return [
    msg('buurvrouw', { id: 'role.neighbourFemale' }),
    msg('buurman', { id: 'role.neighbourMale' }),
    msg('sleutelpersoon', { id: 'role.keyPerson' }),
    msg('iemand van de kerk', { id: 'role.church' }),
    msg('iemand van de moskee', { id: 'role.mosque' }),
    msg('iemand van de gemeenschap', { id: 'role.community' }),
  ];
}

function volunteers(): string[] {
  return [
    msg('ervaringsdeskundige', { id: 'role.peerExpert' }),
    msg('vrijwilliger (Home-Start)', { id: 'role.volunteerHomeStart' }),
    msg('maatje of buddy', { id: 'role.buddy' }),
    msg('mentor (JIM)', { id: 'role.mentor' }),
  ];
}

function medical(): string[] {
  return [
    msg('verloskundige', { id: 'role.midwife' }),
    msg('assistente verloskundige', { id: 'role.midwifeAssistant' }),
    msg('gynaecoloog', { id: 'role.gynaecologist' }),
    msg('POP-poli (psychiatrie-obstetrie-pediatrie)', { id: 'role.popClinic' }),
    msg('obstetrisch verpleegkundige', { id: 'role.obstetricNurse' }),
    msg('huisarts', { id: 'role.gp' }),
    msg('kinderarts', { id: 'role.paediatrician' }),
    msg('kraamverzorgende', { id: 'role.maternityCarer' }),
    msg('kraamzorgconsulent', { id: 'role.maternityConsultant' }),
    msg('fysiotherapeut', { id: 'role.physiotherapist' }),
    msg('lactatiekundige', { id: 'role.lactationConsultant' }),
    msg('GGZ-behandelaar', { id: 'role.mentalHealth' }),
    msg('verslavingszorg', { id: 'role.addictionCare' }),
    msg('medisch maatschappelijk werk', { id: 'role.medicalSocialWork' }),
  ];
}

function publicHealth(): string[] {
  return [
    msg('jeugdverpleegkundige (consultatiebureau)', { id: 'role.youthNurse' }),
    msg('jeugdarts', { id: 'role.youthDoctor' }),
    msg('GGD', { id: 'role.ggd' }),
    msg('Nu Niet Zwanger', { id: 'role.nuNietZwanger' }),
    msg('VoorZorg-verpleegkundige', { id: 'role.voorZorg' }),
    msg('Stevig Ouderschap', { id: 'role.stevigOuderschap' }),
  ];
}

function social(): string[] {
  return [
    msg('wijkteam of Team Jeugd', { id: 'role.neighbourhoodTeam' }),
    msg('maatschappelijk werker', { id: 'role.socialWorker' }),
    msg('schuldhulpverlener', { id: 'role.debtAdviser' }),
    msg('woonbegeleider', { id: 'role.housingSupport' }),
    msg('jeugdhulp', { id: 'role.youthCare' }),
    msg('onafhankelijk cliëntondersteuner', { id: 'role.clientSupport' }),
    msg('MEE-consulent', { id: 'role.mee' }),
    msg('taalcoach', { id: 'role.languageCoach' }),
    msg('juridisch loket', { id: 'role.legalDesk' }),
  ];
}

function childcareSchool(): string[] {
  return [
    msg('pedagogisch medewerker (kinderopvang)', { id: 'role.childcareWorker' }),
    msg('leerkracht', { id: 'role.teacher' }),
  ];
}

function places(): string[] {
  return [
    msg('buurthuis', { id: 'role.communityCentre' }),
    msg('bibliotheek', { id: 'role.library' }),
    msg('supermarkt', { id: 'role.supermarket' }),
    msg('online groep', { id: 'role.onlineGroup' }),
    msg('vervoer', { id: 'role.transport' }),
  ];
}

const BY_CATEGORY: Readonly<Record<Category, () => string[]>> = {
  family,
  friends,
  'work-study': work,
  'other-parents': otherParents,
  community,
  volunteers,
  'pro-medical': medical,
  'pro-public-health': publicHealth,
  'pro-social': social,
  'childcare-school': childcareSchool,
  'places-services': places,
};

/** Suggestions for the role field: those of the chosen category, or all of them. */
export function rolesFor(category: Category | ''): string[] {
  if (category !== '') return BY_CATEGORY[category]();
  return [...new Set(CATEGORIES.flatMap((item) => BY_CATEGORY[item]()))];
}
