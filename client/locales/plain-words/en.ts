// English translations of issue 12's plain words: passphrase strength, plural forms.
// Merged into locales/en.ts with one spread line. ${0} … are the Dutch message's expressions.

export const plainWordsTemplates = {
  'strength.checking': 'Checking how strong it is…',
  'strength.example':
    'This is the example from the tip. Everyone can read it. Think of your own sentence.',
  'strengths.ownOne': '1 of them is one of your own people: family, friends or neighbours.',
};
