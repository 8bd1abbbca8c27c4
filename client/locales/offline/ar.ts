// Arabic translations of the offline note (decision 0025). Merged into locales/ar.ts with one
// spread line. ${0} is the Dutch message's expression (the date and time).
import { str } from '@lit/localize';

export const offlineTemplates = {
  'offline.map': str`أنت غير متصل. ترى الخريطة كما كانت في ${0}. يمكنك التغيير مرة أخرى عندما تتصل.`,
  'offline.maps': str`أنت غير متصل. ترى خرائطك كما كانت في ${0}. يمكنك إنشاء خريطة أو تغييرها مرة أخرى عندما تتصل.`,
};
