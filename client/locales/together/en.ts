// English translations of "Samen aan tafel" (a new map with a parent, on one device).
// Merged into locales/en.ts with one spread line. ${0} … are the Dutch message's expressions.
import { str } from '@lit/localize';

export const togetherTemplates = {
  'together.start': 'New map with a parent',
  'together.stop': 'Stop and log the parent out',
  'together.declinedHeading': 'Not let in',
  'together.declined':
    'The map stays with the parent. The parent is now logged out on this device.',
  'together.forParent': 'For the parent',
  'together.forProfessional': 'For the professional',
  'together.lead':
    'You make a map together, on this device. The map belongs to the parent. You take part if she agrees.',
  'together.stepPassphrase': 'The parent chooses her own passphrase. You look away for a moment.',
  'together.stepRecovery': 'The parent gets a recovery code. She keeps it safe.',
  'together.stepName': 'The parent gives the map a name.',
  'together.stepConsent': 'You ask to take part. The parent sees a code and says yes or no.',
  'together.stepLogout': 'Then the parent is logged out on this device again.',
  'together.noEmail': 'An e-mail address is not needed.',
  'together.begin': 'Give the device to the parent',
  'together.back': 'Back to my maps',
  'together.nameHeading': 'Give your map a name',
  'together.nameHint': 'Only you and the people you let in see this name.',
  'together.createMap': 'Make the map',
  'together.fillLead':
    'Fill in the map together: who is around you? You can do this now, or later on your own phone.',
  'together.filled': 'Done filling in',
  'together.professionalHeading': 'Your turn',
  'together.professionalLead':
    'The parent gives the device to you. Fill in who you are. The parent sees this and says yes or no.',
  'together.name': 'Your name',
  'together.profession': 'Your profession',
  'together.organisation': 'Organisation',
  'together.ask': 'Ask to take part',
  'together.approveHeading': str`May ${0} take part?`,
  'together.codeSame': 'The professional got the same code. That is right.',
  'together.codeDifferent': 'The codes are not the same. Do not let her in.',
  'together.asProfessional': str`${0} takes part as a professional. On her own card she writes what she does for you.`,
  'together.doneHeading': 'Done',
  'together.done': 'Done. The parent is now logged out on this device.',
  'together.doneHint':
    'The map is now also among your maps. You can read it and write your own card.',
  'together.open': 'Open the map',
  'together.handBackHeading': 'Give the device back',
  'together.handBackLead':
    'The parent is logged out. Only the professional goes on: type your own passphrase.',
  'together.ownPassphrase': 'Your passphrase',
  'together.checking': 'One moment. We are checking your passphrase.',
  'together.handBackSubmit': 'Go on as the professional',
  'together.handBackLocked': 'The wrong passphrase too often. Log in again.',
  'together.handBackWrong': 'This passphrase is not right. Try again.',
  'together.notHere': 'That is not possible now. It is on your own phone.',
  'recovery.sharedDevice':
    'Copy the code onto paper, or print it. This device is not yours: do not keep the code on it.',
};
