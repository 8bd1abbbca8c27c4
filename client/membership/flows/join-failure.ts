/** Why opening an invite failed, as the sentence the join screen shows: each says what to do next. */
import { msg } from '@lit/localize';
import { ApiError } from '../../api/transport.js';
import { CryptoFailure } from '../../crypto/crypto-client.js';
import { describeError } from '../../ui/errors.js';

/** True when the link or code itself is damaged: not a secret of any invite. */
export function isDamagedSecret(error: unknown): boolean {
  return error instanceof CryptoFailure && error.code === 'malformed';
}

export function describeJoinFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 410)
    return msg('Deze uitnodiging is verlopen, al gebruikt of ingetrokken.', { id: 'join.gone' });
  // Retrying the same link cannot help: say what will.
  if (isDamagedSecret(error))
    return msg(
      'Deze link is niet heel. Misschien viel er een stukje weg bij het kopiëren. Vraag de ouder om de link nog een keer te sturen, of typ de code die je kreeg.',
      { id: 'join.brokenLink' },
    );
  if (error instanceof ApiError && error.code === 'invite_not_found')
    return msg('Deze uitnodiging bestaat niet. Kijk of de code goed is.', { id: 'join.notFound' });
  return describeError(error);
}
