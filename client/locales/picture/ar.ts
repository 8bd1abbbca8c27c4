// Arabic translations of the ring picture's zoom and its numbered list.
// Merged into locales/ar.ts with one spread line.
export const pictureTemplates = {
  'picture.zoomFit': 'الخريطة كلها',
  'picture.zoomHint': 'كبّر الخريطة أو صغّرها بـ + و −. حرّكها بـ Shift والأسهم، أو بإصبعك.',
  'picture.numbersLead': 'على الخريطة برقم:',
};
