// English translations of the offline note (decision 0025). Merged into locales/en.ts with one
// spread line. ${0} is the Dutch message's expression (the date and time).
import { str } from '@lit/localize';

export const offlineTemplates = {
  'offline.map': str`You are not connected. You see the map as it was on ${0}. You can change things again once you are connected.`,
  'offline.maps': str`You are not connected. You see your maps as they were on ${0}. You can make or change a map again once you are connected.`,
};
