// Arabic translations of removal and leaving, and of a professional's day (decision 0021).
// Merged into locales/ar.ts with one spread line. ${0}, ${1} … are the Dutch message's expressions.
import { str } from '@lit/localize';

export const departureTemplates = {
  'departure.dropped': str`${0} لم تعد بين خرائطك، لأنك لم تعد مشاركًا فيها.`,
  'departure.toMaps': 'إلى خرائطي',
  'history.former': str`${0} (شارك سابقًا)`,
  'departure.theParent': 'الوالد',
  'day.joinWhose': str`أنت تطلب الانضمام إلى خريطة ${0}.`,
  'day.profileReused': 'بياناتك معبأة بالفعل. تأكد من أنها صحيحة لهذه العائلة.',
  'day.nothingNew': 'لا جديد منذ زيارتك الأخيرة.',
  'day.onePerson': str`جديد على الخريطة: ${0}`,
  'day.people': str`${0} أشخاص جدد: ${1}`,
  'day.oneCard': 'بطاقة جديدة',
  'day.cards': str`${0} بطاقات جديدة`,
  'day.borger': 'borger جديد',
  'day.since': str`منذ زيارتك الأخيرة: ${0}.`,
};
