// Arabic translations of removal and leaving, and of a professional's day (decision 0021).
// Merged into locales/ar.ts with one spread line. ${0}, ${1} … are the Dutch message's expressions.
import { str } from '@lit/localize';

export const departureTemplates = {
  'departure.dropped': str`${0} لم تعد بين خرائطك، لأنك لم تعد مشاركًا فيها.`,
  'departure.toMaps': 'إلى خرائطي',
  'history.former': str`${0} (شارك سابقًا)`,
  'departure.theParent': 'الوالد',
};
