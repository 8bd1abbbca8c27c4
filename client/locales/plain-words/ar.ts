// Arabic translations of issue 12's plain words: passphrase strength, plural forms.
// Merged into locales/ar.ts with one spread line. ${0} … are the Dutch message's expressions.

export const plainWordsTemplates = {
  'strength.checking': 'نتحقق من قوتها…',
  'strength.example': 'هذا هو المثال من النصيحة. يستطيع الجميع قراءته. فكّر في جملتك الخاصة.',
  'strengths.ownOne': 'واحد منهم من دائرتك الخاصة (العائلة أو الأصدقاء أو الجيران).',
};
