import { msg } from '@lit/localize';
import { ApiError } from '../api/transport.js';
import { CryptoFailure } from '../crypto/crypto-client.js';
import { NoAccessError } from '../membership/open.js';
import { accessEndedMessage } from '../membership/access/sentences.js';

/** A short, friendly sentence for a failed action, in the current language. */
export function describeError(error: unknown): string {
  if (error instanceof NoAccessError && error.endedOn !== undefined) {
    return accessEndedMessage(error.endedOn);
  }
  if (error instanceof NoAccessError) {
    return msg(
      'Je hebt geen toegang meer tot deze kaart. Daarom staat ze niet meer bij je kaarten.',
      { id: 'members.noAccess' },
    );
  }
  if (error instanceof CryptoFailure && error.code === 'log-invalid') {
    return msg(
      'Deze kaart lijkt veranderd door iemand anders dan de leden. We laten haar niet zien.',
      { id: 'members.logRefused' },
    );
  }
  if (error instanceof CryptoFailure && error.code === 'rollback') {
    return msg(
      'De server laat een oudere kaart zien dan je eerder al zag. Daarom laten we haar niet zien. Probeer het later opnieuw.',
      { id: 'error.rollback' },
    );
  }
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'network_error':
        return msg('Er is geen verbinding. Kijk of je internet hebt en probeer het opnieuw.', {
          id: 'error.network',
        });
      case 'username_taken':
        return msg('Deze gebruikersnaam bestaat al. Kies een andere naam.', {
          id: 'error.usernameTaken',
        });
      case 'login_failed':
        return msg('De gebruikersnaam of de wachtwoordzin klopt niet.', {
          id: 'error.loginFailed',
        });
      case 'too_many_requests':
        return msg('Je hebt het te vaak geprobeerd. Wacht een paar minuten.', {
          id: 'error.rateLimited',
        });
      case 'session_expired':
      case 'unauthorized':
        return msg('Je bent uitgelogd. Log opnieuw in.', { id: 'error.sessionExpired' });
      case 'map_not_found':
        return msg('Deze kaart is niet gevonden.', { id: 'error.mapNotFound' });
    }
    if (error.status === 429) {
      return msg('Je hebt het te vaak geprobeerd. Wacht een paar minuten.', {
        id: 'error.rateLimited',
      });
    }
    if (error.status === 401) {
      return msg('Je bent uitgelogd. Log opnieuw in.', { id: 'error.sessionExpired' });
    }
  }
  if (error instanceof CryptoFailure) {
    if (error.code === 'forged-request') return forgedRequest();
    if (error.code === 'untrusted-key-ring') {
      return msg(
        'De sleutels van deze kaart komen niet van iemand die de kaart beheert. We openen de kaart niet.',
        { id: 'error.untrustedKeys' },
      );
    }
    if (error.code === 'unknown-member') {
      return msg('Deze persoon staat niet meer op de kaart. Misschien is de kaart net veranderd.', {
        id: 'error.unknownMember',
      });
    }
    if (error.code === 'decrypt-failure' || error.code === 'bad-signature') {
      return msg('De gegevens konden niet worden geopend. Ze zijn misschien veranderd.', {
        id: 'error.decrypt',
      });
    }
  }
  return msg('Er ging iets mis. Probeer het opnieuw.', { id: 'error.generic' });
}

function forgedRequest(): string {
  return msg(
    'Dit verzoek is niet gemaakt met jouw uitnodiging. Misschien heeft iemand het nagemaakt. Laat op grond hiervan niemand toe.',
    { id: 'error.forgedRequest' },
  );
}

/** Why her device shows no join request in this place: it was not made with her invite, or is too old. */
export function describeRefusedRequest(error: CryptoFailure): string {
  if (error.code === 'unsupported-version') {
    return msg(
      'Dit verzoek komt uit een oudere versie van de app. We kunnen het niet controleren. Maak een nieuwe uitnodiging.',
      { id: 'error.oldRequest' },
    );
  }
  return forgedRequest();
}
