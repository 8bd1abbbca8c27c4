// English texts of the two audiences of a map (editor/audience.ts: an owner's own map, a member on
// someone else's), the account settings and the privacy sentences that say who sees what.
// Merged into locales/en.ts with one spread line. ${0}, ${1} … are the Dutch expressions.
import { str } from '@lit/localize';

export const audienceTemplates = {
  // A member on someone else's map
  'audience.family': 'this family',
  'audience.network': str`The network of ${0}`,
  'audience.memberLead': str`You take part in the map of ${0}. What you see here was shared with you.`,
  'audience.peopleHeading': str`Who helps ${0}?`,
  'audience.empty': str`There is nobody on the map of ${0} yet.`,
  'audience.noneInPhase': 'Nobody is on this map in this phase yet.',
  'audience.pick': str`Choose someone on the map to see what they do for ${0}.`,
  'audience.centre': 'The family',
  'audience.helpersOne': str`1 person helps ${0}.`,
  'audience.helpersMany': str`${0} people help ${1}.`,
  'audience.ownOne': str`1 of them belongs to the own circle of ${0}: family, friends or neighbours.`,
  'audience.own': str`${0} of them belong to the own circle of ${1}: family, friends or neighbours.`,
  'audience.trusted': str`Trusted person of ${0}:`,
  'audience.helpWith': str`This is how ${0} is helped:`,
  'audience.growHeading': 'There is still room on this map',
  'audience.growLead': str`Everyone can use support. Maybe one of these people fits on the map of ${0} too:`,
  'audience.searchForFamily': str`Find help for ${0} in the local services guide`,
  'audience.findHelpLead': str`Do you see something ${0} still misses? Search the local services guide here for help nearby. Fill in the family's municipality or postcode.`,
  'audience.findHelpOpenLead': 'There is still room on this map for:',
  'audience.findHelpPlace': 'Municipality or postcode',
  'audience.findHelpPlaceFirst': 'First fill in a municipality or postcode.',
  'audience.findHelpOnMap': 'On the map',
  'audience.findHelpAdd': 'Put on the map',
  'audience.findHelpPrivacy':
    'Only the place and what you search for go to the server. Not who you are and nothing of this map. The place stays only on this device, until you log out or close the page.',
  'audience.findHelpPrivacyOwner':
    'Only the place and what you search for go to the server. Not who you are and nothing of your map. Your place is kept locked in your map: only you and other parents who manage the map can read it, professionals cannot.',
  'audience.added': str`${0} is on the map.`,
  'audience.proSearchLead': str`These professionals chose themselves to be findable. Only the parents who manage the map can invite them. They only see the map when ${0} agrees.`,
  'audience.proSearchAsk': str`Ask ${0} to invite this professional.`,
  'audience.handoutHint': str`Short: who helps ${0} with what. A5.`,

  // Settings
  'settings.heading': 'Settings',
  'settings.lead':
    'These choices are locked in your account. They apply on all your devices. Only you can read them.',
  'settings.professional': 'I work as a professional',
  'settings.professionalHint':
    'Then you also see what only professionals need: making a map together with a parent, being findable for parents and your own card on a family’s map. You can change this later in Settings.',
  'settings.save': 'Save',
  'settings.saved': 'Your choice is saved.',

  // Who sees what
  'app.footerWho':
    'What is on a map is locked. Only the people who take part in that map can read it. The server and we cannot.',
  'maps.titleHintWho':
    'For example: "Our network" or "Around Mila’s birth". Everyone who takes part in this map sees this name.',
  'wishes.hintWho':
    'For example: "I would like to meet another mother in the neighbourhood." Only you see this, and another parent who manages the map with you. Professionals and others on the map do not see it.',
  'person.detailHintWho':
    'Only you see this, and another parent who manages the map with you. Someone else sees it only when you turn it on under "Who takes part?".',
};
