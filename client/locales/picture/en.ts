// English translations of the ring picture's zoom and its numbered list.
// Merged into locales/en.ts with one spread line.
export const pictureTemplates = {
  'picture.zoomFit': 'Whole map',
  'picture.zoomHint':
    'Make the map larger or smaller with + and −. Move it with Shift and the arrow keys, or with your finger.',
  'picture.numbersLead': 'On the map with a number:',
};
