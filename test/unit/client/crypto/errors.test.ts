// What a parent reads when a worker call fails for a member who is not (or no longer) on the map.
import { describe, expect, it } from 'vitest';
import { CryptoFailure } from '../../../../client/crypto/crypto-client.js';
import { describeError } from '../../../../client/ui/errors.js';

describe('worker failures in words', () => {
  it('names a member who is gone instead of a generic failure', () => {
    const text = describeError(new CryptoFailure('unknown-member', 'no such member on this map'));
    expect(text).toBe(
      'Deze persoon staat niet meer op de kaart. Misschien is de kaart net veranderd.',
    );
    expect(describeError(new CryptoFailure('unknown-map', 'Open the map first.'))).toBe(
      'Er ging iets mis. Probeer het opnieuw.',
    );
  });

  it('says plainly that an older map than seen before is not shown', () => {
    expect(describeError(new CryptoFailure('rollback', 'log ends at seq 2'))).toBe(
      'De server laat een oudere kaart zien dan je eerder al zag. Daarom laten we haar niet zien. Probeer het later opnieuw.',
    );
  });
});
