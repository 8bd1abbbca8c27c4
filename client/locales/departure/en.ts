// English translations of removal and leaving, and of a professional's day (decision 0021).
// Merged into locales/en.ts with one spread line. ${0}, ${1} … are the Dutch message's expressions.
import { str } from '@lit/localize';

export const departureTemplates = {
  'departure.dropped': str`${0} is no longer among your maps, because you no longer take part.`,
  'departure.toMaps': 'To my maps',
  'history.former': str`${0} (took part before)`,
  'departure.theParent': 'the parent',
};
