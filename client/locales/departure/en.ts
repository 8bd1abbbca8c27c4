// English translations of removal and leaving, and of a professional's day (decision 0021).
// Merged into locales/en.ts with one spread line. ${0}, ${1} … are the Dutch message's expressions.
import { str } from '@lit/localize';

export const departureTemplates = {
  'departure.dropped': str`${0} is no longer among your maps, because you no longer take part.`,
  'departure.toMaps': 'To my maps',
  'history.former': str`${0} (took part before)`,
  'departure.theParent': 'the parent',
  'day.joinWhose': str`You are asking to join ${0}’s map.`,
  'day.profileReused':
    'Your details are already filled in. Check that they are right for this family.',
  'day.nothingNew': 'Nothing new since your last visit.',
  'day.onePerson': str`new on the map: ${0}`,
  'day.people': str`${0} new people: ${1}`,
  'day.oneCard': 'a new card',
  'day.cards': str`${0} new cards`,
  'day.borger': 'a new borger',
  'day.since': str`Since your last visit: ${0}.`,
};
