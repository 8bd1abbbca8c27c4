// English translations of recovery, passphrase change and account deletion.
// Merged into locales/en.ts with one spread line.

export const accountTemplates = {
  'login.forgot': 'Forgot your passphrase?',
  'app.account': 'Account',
  'recover.heading': 'Forgot your passphrase',
  'recover.lead':
    'With your recovery code you get back to your maps. Then you choose a new passphrase.',
  'recover.codeHint': 'It is on the paper or in the file you kept. Dashes and spaces are fine.',
  'recover.submitCode': 'Next',
  'recover.backToLogin': 'Back to log in',
  'recover.newHeading': 'Choose a new passphrase',
  'recover.newLead':
    'Your recovery code is right. Now choose a new passphrase. Your maps stay as they were.',
  'recover.busyNew': 'One moment. We are making your new keys.',
  'recover.save': 'Save passphrase',
  'recover.needCode': 'Fill in your recovery code.',
  'recover.wrongCode':
    'The username or the recovery code is not right. Check that you copied the code well.',
  'newPassphrase.label': 'New passphrase',
  'newPassphrase.repeat': 'New passphrase once more',
  'recovery.replacedSaved': 'Your new passphrase is saved.',
  'recovery.replacedCode':
    'Below is your new recovery code. Your old recovery code no longer works. Throw the old paper away and keep this new one.',
  'recovery.replacedDevices': 'On your other devices, log in again with your new passphrase.',
  'change.doneHeading': 'Passphrase changed',
  'change.done':
    'Your new passphrase is saved. The old one no longer works. On your other devices, log in again.',
  'change.heading': 'Change passphrase',
  'change.lead':
    'First your current passphrase, then the new one. Your maps and your recovery code stay as they are.',
  'account.settingsHint': 'For example whether you work as a professional.',
  'account.currentPassphrase': 'Current passphrase',
  'account.back': 'Back',
  'account.needCurrent': 'Fill in your current passphrase.',
  'account.wrongCurrent': 'Your current passphrase is not right.',
  'account.heading': 'My account',
  'account.username': 'Your username:',
  'account.changeHint': 'Choose a new passphrase. You need the current one for this.',
  'account.deleteHint': 'You first see what happens to your maps.',
  'delete.heading': 'Delete account',
  'delete.lead':
    'Your account and your keys are wiped. After that you cannot log in any more. This cannot be undone.',
  'delete.currentHint': 'This way we know for sure it is you.',
  'delete.busy': 'One moment. We are deleting your account.',
  'delete.submit': 'Delete account',
  'delete.loading': 'We are checking what happens to your maps.',
  'delete.deleteHeading': 'These maps are deleted',
  'delete.deleteText':
    'You are the only owner. The map also disappears for everyone who takes part. Want to keep something? Make a backup first.',
  'delete.handOverHeading': 'These maps stay',
  'delete.handOverText': 'There is another owner. They keep the map. You are no longer on it.',
  'delete.leaveHeading': 'You no longer take part in these maps',
  'delete.leaveText': 'The map stays with its owner. Your place and your card disappear.',
  'delete.noMaps': 'You have no maps. So no map is lost.',
  'delete.done': 'Your account is deleted.',
};
