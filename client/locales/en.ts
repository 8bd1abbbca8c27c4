// English translations, written by hand (runtime mode of @lit/localize; keys are the msg() ids).
// In a `str` template, ${0}, ${1} … stand for the Dutch message's expressions, in their order.
import { str } from '@lit/localize';

export const templates = {
  // App shell
  'app.skip': 'Skip to content',
  'app.menu': 'Menu',
  'app.maps': 'My maps',
  'app.logout': 'Log out',
  'app.footer': 'What you enter is locked on the server. Only you have the key.',
  'app.notFound': 'This page does not exist',
  'app.home': 'Go to the start',
  'app.loggedOut': 'You are logged out.',
  'language.label': 'Language',

  // Errors
  'error.network': 'There is no connection. Check your internet and try again.',
  'error.usernameTaken': 'This username already exists. Choose another one.',
  'error.loginFailed': 'The username or the passphrase is not right.',
  'error.rateLimited': 'You tried too often. Please wait a few minutes.',
  'error.sessionExpired': 'You are logged out. Please log in again.',
  'error.mapNotFound': 'This map was not found.',
  'error.decrypt': 'The data could not be opened. It may have been changed.',
  'error.generic': 'Something went wrong. Please try again.',

  // Welcome
  'welcome.heading': 'Who helps you?',
  'welcome.lead':
    'With the Network Map you list the people around you. Family, friends, neighbours, and also the midwife or the child health clinic. And you see what each of them does for you.',
  'welcome.privacy':
    'Everything you enter is locked on your own phone or computer. We cannot read it.',
  'welcome.noEmail': 'You do not need an e-mail address. A username is enough.',
  'welcome.register': 'Create account',
  'welcome.login': 'Log in',

  // Register
  'register.heading': 'Create account',
  'register.lead': 'You only need a username and a passphrase. No e-mail address.',
  'register.username': 'Username',
  'register.usernameHint':
    'Choose a name others will not link to you. Your real name is not needed.',
  'register.usernameTooShort': str`Choose a username of at least ${0} characters.`,
  'register.usernameChars':
    'Use only letters, digits, a dot (.), a dash (-) or an underscore (_). No spaces.',
  'register.passphrase': 'Passphrase',
  'register.passphraseHint': str`Tip: make a short sentence of four or more words, for example "green bike under the apple tree". At least ${0} characters.`,
  'register.repeat': 'Passphrase again',
  'register.repeatMismatch': 'The two passphrases are not the same.',
  'register.show': 'Show the passphrase',
  'register.remember':
    'Remember your passphrase well. Nobody can look it up for you, not even us. After this step you get a recovery code in case you forget it.',
  'register.busy': 'Please wait. We are making your keys. This takes a few seconds.',
  'register.submit': 'Create account',
  'register.haveAccount': 'I already have an account',

  // Passphrase strength
  'strength.empty': 'Choose a passphrase.',
  'strength.tooShort': str`Still too short. Use at least ${0} characters.`,
  'strength.common': 'Easy to guess. Do not use well-known words or your username.',
  'strength.repetitive': 'Easy to guess. Use more different letters.',
  'strength.fair': 'Fair. One more word makes it stronger.',
  'strength.strong': 'Strong. Well chosen!',

  // Recovery sheet
  'recovery.heading': 'Your recovery code',
  'recovery.gone': 'There is no recovery code to show here any more. We show it only once.',
  'recovery.toMaps': 'Go to my maps',
  'recovery.lead':
    'Forgot your passphrase? With this code you can get back to your maps. Nobody else can do that for you, not even us.',
  'recovery.sheetTitle': 'Network Map: recovery code',
  'recovery.username': 'Username',
  'recovery.date': 'Made on',
  'recovery.codeLabel': 'Recovery code',
  'recovery.keepSafe':
    'Keep this paper in a safe place, for example with your passport. Do not share the code with anyone.',
  'recovery.print': 'Print',
  'recovery.download': 'Save as file',
  'recovery.downloaded': 'The file has been saved.',
  'recovery.fileName': str`network-map-recovery-code-${0}.txt`,
  'recovery.confirm': 'I have saved my recovery code',
  'recovery.needsTick': 'First save your recovery code, then tick the box.',
  'recovery.continue': 'Continue',

  // Login
  'login.heading': 'Log in',
  'login.username': 'Username',
  'login.passphrase': 'Passphrase',
  'login.busy': 'Please wait. We are opening your maps.',
  'login.submit': 'Log in',
  'login.noAccount': 'No account yet? Create one.',
  'login.needUsername': 'Fill in your username.',
  'login.needPassphrase': 'Fill in your passphrase.',

  // My maps
  'maps.heading': 'My maps',
  'maps.empty':
    'You do not have a map yet. Make your first map below. Then you add the people around you.',
  'maps.untitled': 'Map without a name',
  'maps.created': 'Made on',
  'maps.newHeading': 'New map',
  'maps.titleLabel': 'Name of the map',
  'maps.titleHint':
    'For example: "Our network" or "Around the birth of Mila". Only you see this name.',
  'maps.create': 'Make new map',
  'maps.defaultTitle': 'My network',
  'maps.createdStatus': 'Your new map is ready.',

  // Map editor
  'editor.back': 'My maps',
  'editor.loadingHeading': 'Opening map…',
  'editor.loading': 'Please wait. We are opening your map.',
  'editor.errorHeading': 'Map not opened',
  'editor.notInKeyring': 'This map is not among your maps.',
  'editor.peopleHeading': 'Who helps you?',
  'editor.emptyStart': 'Start with the people closest to you.',
  'editor.growHeadingEmpty': 'Ideas to start with',
  'editor.introEmpty':
    'List the people around you here: family, friends, neighbours, and also professionals. Together they show what already goes well.',
  'editor.countOne': 'There is 1 person around you who helps you.',
  'editor.countMany': str`There are ${0} people around you who help you.`,
  'editor.closeOne': '1 of them is very close.',
  'editor.closeMany': str`${0} of them are very close.`,
  'editor.helpWith': 'How you are helped:',
  'editor.growHeading': 'There is still room on your map',
  'editor.growLead': 'Everybody can use support. Maybe one of these people fits on your map too:',
  'editor.growNeighbour': 'a neighbour',
  'editor.growParent': 'another parent, from school or childcare',
  'editor.growCommunity': 'someone from church, mosque or a club',
  'editor.growVolunteer': 'a volunteer, for example from Home-Start',
  'editor.addHeading': 'Add someone',
  'editor.add': 'Add someone',
  'editor.added': str`${0} is on your map.`,
  'editor.changed': 'The change has been saved.',
  'editor.removed': str`${0} has been taken off your map.`,
  'editor.merged': 'Saved. Someone else had changed the map too; both changes are in it.',

  // Person card
  'card.supportLabel': 'Helps with',
  'card.name': 'Name:',
  'card.note': 'Note:',
  'card.edit': 'Edit',
  'card.editLabel': str`Edit ${0}`,
  'card.remove': 'Remove',
  'card.removeLabel': str`Remove ${0}`,
  'card.confirmRemove': str`Do you want to take ${0} off your map?`,
  'card.confirmYes': 'Yes, remove',
  'card.confirmNo': 'No, keep',

  // Person form
  'person.label': 'Who is it?',
  'person.labelHint':
    'For family and friends: an initial and who they are, for example "M. — mother". For a professional: name and profession.',
  'person.labelMissing': 'Write down who it is, for example "M. — mother".',
  'person.labelTooLong': str`Use at most ${0} characters.`,
  'person.category': 'Group',
  'person.categoryChoose': 'Choose a group',
  'person.categoryMissing': 'Choose a group.',
  'person.ring': 'How close is this person to you?',
  'person.ringMissing': 'Choose how close this person is.',
  'person.support': 'How does this person help you?',
  'person.supportNote': 'In your own words (may stay empty)',
  'person.supportNoteHint': 'For example: "Does the shopping when I am tired."',
  'person.more': 'More about this person (not needed)',
  'person.name': 'Full name',
  'person.nameHint': 'Only you see this. Others only if you approve it yourself later.',
  'person.note': 'Note',
  'person.saveNew': 'Add',
  'person.saveEdit': 'Save change',
  'person.cancel': 'Cancel',

  // Fixed lists
  'category.family': 'Family',
  'category.friends': 'Friends',
  'category.otherParents': 'Other parents',
  'category.community': 'Neighbourhood, church, mosque and community',
  'category.childcareSchool': 'Childcare and school',
  'category.workStudy': 'Work or study',
  'category.proMedical': 'Care: midwife, GP, hospital, maternity care',
  'category.proPublicHealth': 'Child health clinic and public health service',
  'category.proSocial': 'Neighbourhood team and other help',
  'category.volunteers': 'Volunteers and peer experts',
  'category.placesServices': 'Places and services',
  'support.practical': 'Practical help',
  'support.emotional': 'Support and attention',
  'support.advice': 'Information and advice',
  'support.childcare': 'Looking after the baby or the other children',
  'support.medical': 'Medical care',
  'support.moneyHousingPapers': 'Money, housing or papers',
  'support.talk': 'Someone to talk to',
  'ring.1': 'Very close',
  'ring.2': 'Close',
  'ring.3': 'Further away',
};
