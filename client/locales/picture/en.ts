// English translations of the ring picture's zoom and its numbered list.
// Merged into locales/en.ts with one spread line.
export const pictureTemplates = {
  'picture.zoomFit': 'Whole map',
  'picture.zoomHint': 'Zoom with + and −. Move with Shift and the arrow keys, or with your finger.',
  'picture.numbersLead': 'On the map with a number:',
};
