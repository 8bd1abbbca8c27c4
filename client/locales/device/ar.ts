// Arabic translations of staying signed in on her own device (decision 0024).
// Merged into locales/ar.ts with one spread line.

export const deviceTemplates = {
  'device.keep': 'هذا هاتفي أو حاسوبي الخاص. أبقني مسجّلًا.',
  'device.keepHint':
    'عندها يفتح التطبيق هنا مباشرة، بدون عبارة المرور. لا تفعّل هذا على هاتف أو حاسوب تشاركه مع آخرين. بتسجيل الخروج تزيل كل ما يخصّك من هذا الجهاز.',
  'device.starting': 'لحظة من فضلك.',
  'device.sessionEnded': 'لم تعد مسجّلًا على هذا الجهاز. سجّل الدخول مرة أخرى بعبارة المرور.',
};
