// The worker's card and export handlers in Node, and how the message path answers failures.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, loadSodium, toBase64Url } from '../../../../shared/crypto/index.js';
import { importMapJson } from '../../../../shared/export/map-json.js';
import { handle } from '../../../../client/crypto/worker/handlers.js';
import { createWorkerState } from '../../../../client/crypto/worker/state.js';
import type { CryptoRequestMessage } from '../../../../client/crypto/protocol.js';
import { agreedBorgerIds, borgerAnswerOf } from '../../../../client/membership/borger.js';
import { call, documentWithEntry, expectFailure, join, parentWithMap } from './harness.js';
import { flipByte } from '../../crypto/fixtures.js';

const CARD = {
  whatIDo: 'Ik kom na de bevalling langs.',
  howToReach: 'Bel de praktijk.',
  when: 'Op werkdagen',
  role: 'Verloskundige',
  name: 'Joke',
  organisation: 'De Wieg',
};

describe('worker: cards', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('seals a member card that the owner opens, and leaves out cards that do not verify', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const { joiner, slotId } = join(parent, store, ownerSlot, 'joke');
    const other = join(parent, store, ownerSlot, 'ria');
    store.open(joiner, slotId);
    const mapId = store.mapId;
    const { body } = call(joiner.state, 'sealCard', { mapId, card: CARD, cardVersion: 1 });
    const changed = flipByte(fromBase64Url(body), fromBase64Url(body).length - 1);
    const cards = call(parent.state, 'openCards', {
      mapId,
      cards: [
        { slotId, cardVersion: 1, body, updatedAt: 5 },
        { slotId, cardVersion: 1, body: toBase64Url(changed), updatedAt: 6 },
        // a card claimed for another member's slot
        { slotId: other.slotId, cardVersion: 1, body, updatedAt: 7 },
      ],
    });
    expect(cards).toEqual([{ slotId, cardVersion: 1, updatedAt: 5, card: CARD }]);
  });

  it('carries her borger answer as a field, and agrees a borger only on a yes', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const ria = join(parent, store, ownerSlot, 'ria', { role: 'borger' });
    const joke = join(parent, store, ownerSlot, 'joke', { role: 'borger' });
    const mapId = store.mapId;
    const members = store.open(parent, ownerSlot).membership!.members;
    const sealed = (who: typeof ria, card: typeof CARD & { borger?: 'yes' | 'no' }) => {
      store.open(who.joiner, who.slotId);
      const { body } = call(who.joiner.state, 'sealCard', { mapId, card, cardVersion: 1 });
      return { slotId: who.slotId, cardVersion: 1, body, updatedAt: 1 };
    };
    // Joke's words say "geen borger" and she answered nothing: not agreed (the old regex said yes)
    const cards = call(parent.state, 'openCards', {
      mapId,
      cards: [
        sealed(ria, { ...CARD, role: 'buurvrouw', borger: 'yes' }),
        sealed(joke, { ...CARD, role: 'geen borger' }),
      ],
    });
    expect(cards.map((c) => c.card.borger)).toEqual(['yes', undefined]);
    expect(borgerAnswerOf(cards[1])).toBe('unanswered');
    expect(agreedBorgerIds(members, cards)).toEqual([ria.slotId]);
    const no = call(parent.state, 'openCards', {
      mapId,
      cards: [sealed(ria, { ...CARD, borger: 'no' })],
    });
    expect(agreedBorgerIds(members, no)).toEqual([]);
  });
});

describe('worker: exports', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('writes the map as JSON and a backup that opens only with its passphrase', () => {
    const { parent, store, ownerSlot } = parentWithMap('Netwerk van Sanne');
    const document = documentWithEntry(store.open(parent, ownerSlot).document, 'Oma Ria');
    const { text } = call(parent.state, 'exportMapJson', { document });
    expect(importMapJson(text)).toEqual(document);
    const { file } = call(parent.state, 'exportBackup', { document, passphrase: 'lange zin' });
    expect(file).toBeInstanceOf(Uint8Array);
    expect(call(parent.state, 'importBackup', { file, passphrase: 'lange zin' })).toEqual({
      document,
    });
    expect(call(parent.state, 'importBackup', { file, passphrase: 'andere zin' })).toEqual({
      error: 'wrong-passphrase',
    });
  });
});

describe('worker: the message path', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('answers with the request id, a code for the worker state and nothing of other errors', () => {
    const state = createWorkerState();
    expectFailure(() => call(state, 'createMap', { title: 'x' }), 'locked');
    const message = { id: 41, op: 'noSuchOp', args: {} } as unknown as CryptoRequestMessage;
    expect(handle(state, message)).toEqual({
      id: 41,
      ok: false,
      error: { code: 'internal', message: 'Internal crypto error.' },
    });
    const malformed = { id: 42, op: 'joinOpen', args: { secret: '!', sealedInfo: '' } };
    const answer = handle(state, malformed as CryptoRequestMessage);
    expect(answer).toMatchObject({ id: 42, ok: false });
    expect(answer.ok ? null : answer.error.code).toBe('malformed');
  });
});
