// Arabic translations of "Samen aan tafel" (a new map with a parent, on one device).
// Merged into locales/ar.ts with one spread line. ${0} … are the Dutch message's expressions.
import { str } from '@lit/localize';

export const togetherTemplates = {
  'together.start': 'خريطة جديدة مع الوالدة',
  'together.stop': 'توقف وسجّل خروج الوالدة',
  'together.declinedHeading': 'لم يُسمح بالانضمام',
  'together.declined': 'الخريطة تبقى للوالدة. الوالدة الآن خارج حسابها على هذا الجهاز.',
  'together.forParent': 'للوالدة',
  'together.forProfessional': 'للمختصة',
  'together.lead':
    'تصنعان معًا خريطة على هذا الجهاز. الخريطة ملك الوالدة. تشاركين فيها إذا وافقت هي.',
  'together.stepPassphrase': 'تختار الوالدة عبارة المرور بنفسها. أنتِ تنظرين بعيدًا قليلًا.',
  'together.stepRecovery': 'تحصل الوالدة على رمز استعادة. تحفظه جيدًا.',
  'together.stepName': 'تعطي الوالدة الخريطة اسمًا.',
  'together.stepConsent': 'تطلبين المشاركة. ترى الوالدة رمزًا وتقول نعم أو لا.',
  'together.stepLogout': 'بعد ذلك تخرج الوالدة من حسابها على هذا الجهاز.',
  'together.noEmail': 'لا حاجة إلى بريد إلكتروني.',
  'together.begin': 'أعطي الجهاز للوالدة',
  'together.back': 'العودة إلى خرائطي',
  'together.nameHeading': 'أعطي خريطتك اسمًا',
  'together.nameHint': 'أنتِ فقط ومن تسمحين لهم يرون هذا الاسم.',
  'together.createMap': 'اصنعي الخريطة',
  'together.fillLead': 'املئي الخريطة معًا: من حولك؟ يمكن ذلك الآن، أو لاحقًا على هاتفك.',
  'together.filled': 'انتهيت من الملء',
  'together.professionalHeading': 'دورك الآن',
  'together.professionalLead':
    'تعطيك الوالدة الجهاز. اكتبي من أنتِ. ترى الوالدة ذلك وتقول نعم أو لا.',
  'together.name': 'اسمك',
  'together.profession': 'مهنتك',
  'together.organisation': 'المؤسسة',
  'together.ask': 'اطلبي المشاركة',
  'together.approveHeading': str`هل تشارك ${0}؟`,
  'together.codeSame': 'حصلت المختصة على الرمز نفسه. هذا صحيح.',
  'together.codeDifferent': 'الرمزان غير متطابقين. لا تسمحي لها بالدخول.',
  'together.asProfessional': str`${0} تشارك بصفتها مختصة. تكتب في بطاقتها ما تفعله من أجلك.`,
  'together.doneHeading': 'تم',
  'together.done': 'تم. الوالدة الآن خارج حسابها على هذا الجهاز.',
  'together.doneHint': 'الخريطة الآن ضمن خرائطك أيضًا. يمكنك قراءتها وكتابة بطاقتك.',
  'together.open': 'افتحي الخريطة',
  'together.handBackHeading': 'أعيدي الجهاز',
  'together.handBackLead':
    'الوالدة خرجت من حسابها. المختصة وحدها تتابع: اكتبي عبارة المرور الخاصة بك.',
  'together.ownPassphrase': 'عبارة المرور الخاصة بك',
  'together.checking': 'لحظة من فضلك. نتحقق من عبارة المرور.',
  'together.handBackSubmit': 'تابعي بصفتك المختصة',
  'together.handBackLocked': 'عبارة مرور خاطئة مرات كثيرة. سجّلي الدخول من جديد.',
  'together.handBackWrong': 'عبارة المرور هذه غير صحيحة. حاولي مرة أخرى.',
  'together.notHere': 'هذا غير ممكن الآن. يمكنك ذلك على هاتفك.',
  'recovery.sharedDevice':
    'انسخي الرمز على ورقة، أو اطبعيه. هذا الجهاز ليس لك: لا تحفظي الرمز عليه.',
};
