// Arabic translations of recovery through a person she trusts (decision 0026).
// Merged into locales/ar.ts with one spread line.
import { str } from '@lit/localize';

export const trustedRecoveryTemplates = {
  'account.trustedHint': 'اختر شخصًا تثق به. يمكنه مساعدتك إذا لم تستطع الدخول.',
  'account.helpingHint': 'عندما يختارك شخص لتساعده.',
  'trusted.heading': 'مساعدة للدخول من جديد',
  'trusted.lead':
    'لا تستطيع الدخول بنفسك؟ يمكن لشخص تثق به أن يساعدك. اختر شخصًا أو شخصين لهما حساب.',
  'trusted.trust':
    'هذا الشخص لا يرى خرائطك. بعد وقت انتظار يمكنه أن يدخلك من جديد. لذلك اختر فقط شخصًا تثق به حقًا.',
  'trusted.listHeading': 'من يمكنه مساعدتك',
  'trusted.wait3Short': 'وقت الانتظار 3 أيام',
  'trusted.wait7Short': 'وقت الانتظار 7 أيام',
  'trusted.remove': str`إزالة ${0}`,
  'trusted.addHeading': 'اختر شخصًا',
  'trusted.helperName': 'اسم المستخدم لهذا الشخص',
  'trusted.waitLegend': 'كم يجب أن يكون الانتظار؟',
  'trusted.wait3': '3 أيام',
  'trusted.wait7': '7 أيام',
  'trusted.waitHint':
    'هذه هي المدة قبل أن يستطيع هذا الشخص إدخالك. في هذا الوقت ترى رسالة، ويمكنك إيقاف ذلك.',
  'trusted.compareHeading': 'قارن الرمز',
  'trusted.compareAsk': str`اتصل بـ ${0} أو قابله. اطلب: اذهب في التطبيق إلى "مساعدة شخص على الدخول من جديد" واكتب اسم المستخدم الخاص بي. هل ترى هذا الرمز هناك؟`,
  'trusted.codeLabel': 'الرمز',
  'trusted.codesSame': 'نعم، الرمزان متطابقان',
  'trusted.codesDiffer': 'لا، الرمزان مختلفان',
  'trusted.needName': 'اكتب اسم مستخدم.',
  'trusted.notFound': 'لا نجد أحدًا بهذا الاسم.',
  'trusted.self': 'اختر شخصًا غيرك.',
  'trusted.exists': 'هذا الشخص يستطيع مساعدتك من قبل.',
  'trusted.added': str`يستطيع ${0} الآن مساعدتك إذا لم تستطع الدخول.`,
  'trusted.differ': 'إذن لا نختار هذا الشخص. ربما هناك خطأ. حاول مرة أخرى لاحقًا.',
  'trusted.removed': 'تمت الإزالة.',
  'helping.heading': 'مساعدة شخص على الدخول من جديد',
  'helping.chosenHeading': 'هل اختارك أحد؟',
  'helping.chosenLead': 'اكتب اسم المستخدم الخاص به. عندها ترى الرمز الذي تقارنانه.',
  'helping.showCode': 'أظهر رمزي',
  'helping.yourCode': 'رمزك:',
  'helping.peopleHeading': 'أشخاص يمكنك مساعدتهم',
  'helping.nobody': 'لم يخترك أحد بعد.',
  'helping.startHint': str`ابدأ فقط إذا طلب ${0} ذلك منك بنفسه، مثلًا في الهاتف. عندها تصل رسالة إلى ${1}.`,
  'helping.start': str`ابدأ مساعدة ${0}`,
  'helping.cancel': 'توقف عن المساعدة',
  'helping.waiting': str`لقد بدأت. تصل رسالة إلى ${0} ويمكنه الإيقاف. يمكنك المتابعة من ${1}.`,
  'helping.askDevice': str`انتهى وقت الانتظار. اطلب من ${0} أن يختار "مساعدة من شخص تثق به" عند تسجيل الدخول على الجهاز الجديد.`,
  'helping.compare': str`اطلب من ${0} أن يقرأ الرمز على ذلك الجهاز. هل هو هذا الرمز؟`,
  'helping.handOver': str`نعم، متطابق: أدخل ${0}`,
  'helping.differ': 'هل الرمز مختلف؟ إذن لا تفعل شيئًا. فهذا ليس الجهاز الصحيح.',
  'helping.started': str`بدأت. تصل رسالة إلى ${0}.`,
  'helping.cancelled': 'تم الإيقاف.',
  'helping.handedOver': str`تم. يختار ${0} الآن عبارة مرور جديدة على ذلك الجهاز.`,
  'trustedBanner.started': str`بدأ ${0} بمساعدتك على الدخول من جديد. ألم تكن أنت من طلب ذلك؟ أوقفه.`,
  'trustedBanner.stop': 'أوقفه',
  'trustedBanner.stopped': str`تم الإيقاف. لا يستطيع ${0} إدخالك الآن.`,
  'handover.heading': 'مساعدة من شخص تثق به',
  'handover.lead':
    'هل اخترت شخصًا يستطيع مساعدتك؟ وهل انتهى وقت الانتظار؟ إذن يستطيع هذا الشخص إدخالك الآن.',
  'handover.codeHeading': 'اقرأ هذا الرمز على من يساعدك',
  'handover.codeLead':
    'من يساعدك يرى الرمز نفسه. هل هو مختلف؟ إذن لا يتم ذلك. اترك هذه الشاشة مفتوحة: تتابع وحدها.',
  'handover.waiting': 'ننتظر من يساعدك.',
  'handover.newLead':
    'أدخلك من يساعدك. اختر الآن عبارة مرور جديدة. تبقى خرائطك كما كانت. بعد ذلك تحصل أيضًا على رمز استعادة جديد.',
  'handover.spent':
    'لا يستطيع من ساعدك إدخالك مرة أخرى بعد ذلك. هل تريد اختيار شخص من جديد؟ يمكنك ذلك لاحقًا في حسابي.',
  'handover.unavailable':
    'لا أحد مستعد لمساعدتك بعد. يجب أن يبدأ من يساعدك أولًا، وأن ينتهي وقت الانتظار.',
  'handover.ended': 'توقفت المساعدة. ابدأ من جديد إذا كنت لا تزال تريد ذلك.',
};
