// Arabic texts of the two audiences of a map (editor/audience.ts: an owner's own map, a member on
// someone else's), the account settings and the privacy sentences that say who sees what.
// Merged into locales/ar.ts with one spread line. ${0}, ${1} … are the Dutch expressions.
import { str } from '@lit/localize';

export const audienceTemplates = {
  // A member on someone else's map
  'audience.family': 'هذه العائلة',
  'audience.network': str`شبكة ${0}`,
  'audience.memberLead': str`أنت مشارك في خريطة ${0}. ما تراه هنا تمت مشاركته معك.`,
  'audience.peopleHeading': str`من يساعد ${0}؟`,
  'audience.empty': str`لا يوجد أحد بعد على خريطة ${0}.`,
  'audience.noneInPhase': 'لا يوجد أحد بعد على هذه الخريطة في هذه المرحلة.',
  'audience.pick': str`اختر شخصًا على الخريطة لترى ماذا يفعل من أجل ${0}.`,
  'audience.centre': 'العائلة',
  'audience.helpersOne': str`شخص واحد يساعد ${0}.`,
  'audience.helpersMany': str`${0} أشخاص يساعدون ${1}.`,
  'audience.ownOne': str`واحد منهم من دائرة ${0} الخاصة: العائلة أو الأصدقاء أو الجيران.`,
  'audience.own': str`${0} منهم من دائرة ${1} الخاصة: العائلة أو الأصدقاء أو الجيران.`,
  'audience.trusted': str`الشخص الموثوق لدى ${0}:`,
  'audience.helpWith': str`هكذا يتلقى ${0} المساعدة:`,
  'audience.growHeading': 'ما زال هناك مكان على هذه الخريطة',
  'audience.growLead': str`كل شخص يمكن أن يحتاج إلى الدعم. ربما يناسب أحد هؤلاء الأشخاص خريطة ${0} أيضًا:`,
  'audience.searchForFamily': str`ابحث في دليل الخدمات عن مساعدة من أجل ${0}`,
  'audience.findHelpLead': str`هل ترى شيئًا ما زال ينقص ${0}؟ ابحث هنا في دليل الخدمات عن مساعدة قريبة. اكتب بلدية العائلة أو رمزها البريدي.`,
  'audience.findHelpOpenLead': 'ما زال في هذه الخريطة مكان لـ:',
  'audience.findHelpPlace': 'البلدية أو الرمز البريدي',
  'audience.findHelpPlaceFirst': 'اكتب أولًا اسم بلدية أو رمزًا بريديًا.',
  'audience.findHelpOnMap': 'موجود على الخريطة',
  'audience.findHelpAdd': 'ضعه على الخريطة',
  'audience.findHelpPrivacy':
    'لا يُرسل إلى الخادم إلا المكان وما تبحث عنه. لا من أنت ولا أي شيء من هذه الخريطة. يبقى المكان على هذا الجهاز فقط، حتى تسجّل الخروج أو تغلق الصفحة.',
  'audience.findHelpPrivacyOwner':
    'لا يُرسل إلى الخادم إلا المكان وما تبحثين عنه. لا من أنتِ ولا أي شيء من خريطتك. يُحفظ مكانك مقفلًا في خريطتك: لا يقرؤه إلا أنتِ والوالدان الآخران اللذان يديران الخريطة، ولا يقرؤه المختصون.',
  'audience.added': str`${0} موجود الآن على الخريطة.`,
  'audience.proSearchLead': str`اختار هؤلاء المختصون بأنفسهم أن يمكن العثور عليهم. لا يدعوهم إلا الوالدان اللذان يديران الخريطة. لا يرون الخريطة إلا إذا وافق ${0}.`,
  'audience.proSearchAsk': str`اطلب من ${0} أن يدعو هذا المختص.`,
  'audience.handoutHint': str`باختصار: من يساعد ${0} وفي ماذا. ورقة A5.`,

  // Settings
  'settings.heading': 'الإعدادات',
  'settings.lead': 'هذه الاختيارات مقفلة في حسابك. تسري على كل أجهزتك. لا يقرؤها أحد غيرك.',
  'settings.professional': 'أعمل مختصًا في تقديم المساعدة',
  'settings.professionalHint':
    'عندها ترى أيضًا ما يحتاجه المختصون فقط: إنشاء خريطة مع أحد الوالدين، وأن يجدك الآباء والأمهات، وبطاقتك الخاصة على خريطة عائلة. يمكنك تغيير ذلك لاحقًا في الإعدادات.',
  'settings.save': 'حفظ',
  'settings.saved': 'تم حفظ اختيارك.',

  // Who sees what
  'app.footerWho':
    'ما على الخريطة مقفل. لا يقرؤه إلا من يشارك في تلك الخريطة. لا الخادم ولا نحن نستطيع ذلك.',
  'maps.titleHintWho':
    'مثلًا: "شبكتنا" أو "حول ولادة ميلا". كل من يشارك في هذه الخريطة يرى هذا الاسم.',
  'wishes.hintWho':
    'مثلًا: "أريد أن أتعرف على أم أخرى في الحي." لا يرى هذا إلا أنتِ ووالد آخر يدير الخريطة معك. المختصون والآخرون على الخريطة لا يرونه.',
  'person.detailHintWho':
    'لا يرى هذا إلا أنتِ ووالد آخر يدير الخريطة معك. يراه شخص آخر فقط إذا فعّلتِ ذلك في "من يشارك؟".',
};
