// English translations of staying signed in on her own device (decision 0024).
// Merged into locales/en.ts with one spread line.

export const deviceTemplates = {
  'device.keep': 'This is my own phone or computer. Stay signed in.',
  'device.keepHint':
    'Then the app opens here straight away, without your passphrase. Do not turn this on on a phone or computer you share with others. Log out to take everything of yours off this device again.',
  'device.starting': 'One moment.',
  'device.sessionEnded':
    'You are no longer signed in on this device. Log in again with your passphrase.',
};
