// English translations of the account screens' newer texts (sign-up strength).
// Merged into locales/en.ts with one spread line. ${0} … are the Dutch message's expressions.

export const accountTemplates = {
  'strength.checking': 'Checking how strong it is…',
  'strength.example':
    'This is the example from the tip. Everyone can read it. Think of your own sentence.',
};
