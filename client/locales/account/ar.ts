// Arabic translations of the account screens' newer texts (sign-up strength).
// Merged into locales/ar.ts with one spread line. ${0} … are the Dutch message's expressions.

export const accountTemplates = {
  'strength.checking': 'نتحقق من قوتها…',
  'strength.example': 'هذا هو المثال من النصيحة. يستطيع الجميع قراءته. فكّر في جملتك الخاصة.',
};
