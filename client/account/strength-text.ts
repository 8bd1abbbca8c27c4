import { msg, str } from '@lit/localize';
import { MIN_PASSPHRASE_LENGTH, type Strength } from './passphrase-strength.js';

/** The strength estimate in plain words, shared by sign-up, recovery and passphrase change. */
export function strengthText(strength: Strength): string {
  switch (strength.reason) {
    case 'empty':
      return msg('Kies een wachtwoordzin.', { id: 'strength.empty' });
    case 'too-short':
      return msg(str`Nog te kort. Gebruik minstens ${MIN_PASSPHRASE_LENGTH} tekens.`, {
        id: 'strength.tooShort',
      });
    case 'checking':
      return msg('Even kijken hoe sterk hij is…', { id: 'strength.checking' });
    case 'example':
      return msg('Dit is het voorbeeld uit de tip. Iedereen kan het lezen. Bedenk je eigen zin.', {
        id: 'strength.example',
      });
    case 'common':
      return msg('Makkelijk te raden. Gebruik geen bekende woorden of je gebruikersnaam.', {
        id: 'strength.common',
      });
    case 'repetitive':
      return msg('Makkelijk te raden. Gebruik meer verschillende letters.', {
        id: 'strength.repetitive',
      });
    case 'fair':
      return msg('Redelijk. Nog een woord erbij maakt hem sterker.', { id: 'strength.fair' });
    case 'strong':
      return msg('Sterk. Goed gekozen!', { id: 'strength.strong' });
  }
}
