// English translations of recovery through a person she trusts (decision 0026).
// Merged into locales/en.ts with one spread line.
import { str } from '@lit/localize';

export const trustedRecoveryTemplates = {
  'account.trustedHint': 'Choose someone you trust. They can help you if you cannot get in.',
  'account.helpingHint': 'For when someone chose you to help them.',
  'trusted.heading': 'Help to get back in',
  'trusted.lead':
    'Can you not get in yourself? Then someone you trust can help you. Choose one or two people with an account.',
  'trusted.trust':
    'That person does not see your maps. After a waiting time they can let you back in. So only choose someone you really trust.',
  'trusted.listHeading': 'Who can help you',
  'trusted.wait3Short': 'waiting time 3 days',
  'trusted.wait7Short': 'waiting time 7 days',
  'trusted.remove': str`Remove ${0}`,
  'trusted.addHeading': 'Choose someone',
  'trusted.helperName': 'Username of that person',
  'trusted.waitLegend': 'How long should it wait?',
  'trusted.wait3': '3 days',
  'trusted.wait7': '7 days',
  'trusted.waitHint':
    'This is how long it takes before that person can let you in. During that time you see a message, and you can stop it.',
  'trusted.compareHeading': 'Compare the code',
  'trusted.compareAsk': str`Call or see ${0}. Ask: go to "Help someone get back in" in the app and fill in my username. Do you see this code there?`,
  'trusted.codeLabel': 'Code',
  'trusted.codesSame': 'Yes, the codes are the same',
  'trusted.codesDiffer': 'No, the codes are different',
  'trusted.needName': 'Fill in a username.',
  'trusted.notFound': 'We cannot find anyone with that username.',
  'trusted.self': 'Choose someone other than yourself.',
  'trusted.exists': 'That person can already help you.',
  'trusted.added': str`${0} can now help you if you cannot get in.`,
  'trusted.differ': 'Then we do not choose this person. Something may be wrong. Try again later.',
  'trusted.removed': 'Removed.',
  'helping.heading': 'Help someone get back in',
  'helping.chosenHeading': 'Did someone choose you?',
  'helping.chosenLead': 'Fill in their username. Then you see the code you compare.',
  'helping.showCode': 'Show my code',
  'helping.yourCode': 'Your code:',
  'helping.peopleHeading': 'People you can help',
  'helping.nobody': 'Nobody has chosen you yet.',
  'helping.startHint': str`Only start if ${0} asks you themselves, for example on the phone. ${1} then gets a message.`,
  'helping.start': str`Start helping ${0}`,
  'helping.cancel': 'Stop helping',
  'helping.waiting': str`You have started. ${0} gets a message and can stop it. You can go on from ${1}.`,
  'helping.askDevice': str`The waiting time is over. Ask ${0} to choose "Help from someone you trust" at Log in on the new device.`,
  'helping.compare': str`Ask ${0} to read out the code on that device. Is it this code?`,
  'helping.handOver': str`Yes, the same: let ${0} in`,
  'helping.differ': 'Is the code different? Then do nothing. Then it is not the right device.',
  'helping.started': str`Started. ${0} gets a message.`,
  'helping.cancelled': 'Stopped.',
  'helping.handedOver': str`Done. ${0} now chooses a new passphrase on that device.`,
  'trustedBanner.started': str`${0} has started helping you get back in. Was that not you? Stop it.`,
  'trustedBanner.stop': 'Stop it',
  'trustedBanner.stopped': str`Stopped. ${0} cannot let you in now.`,
  'handover.heading': 'Help from someone you trust',
  'handover.lead':
    'Did you choose someone who can help you? And is the waiting time over? Then that person can let you in now.',
  'handover.codeHeading': 'Read this code to your helper',
  'handover.codeLead':
    'Your helper sees the same code. Is it different? Then it does not go ahead. Keep this screen open: it goes on by itself.',
  'handover.waiting': 'We are waiting for your helper.',
  'handover.newLead':
    'Your helper let you in. Now choose a new passphrase. Your maps stay as they were. After that you also get a new recovery code.',
  'handover.spent':
    'Your helper cannot let you in again after this. Do you want to choose someone again? You can do that later in My account.',
  'handover.unavailable':
    'Nobody is ready to help you yet. Your helper must start first, and the waiting time must be over.',
  'handover.ended': 'The help was stopped. Start again if you still want it.',
};
