// The protocol's rules of rights, grants and key rings (shared/crypto/grants.ts), in one place.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  grantOf,
  loadSodium,
  MAX_RING_EPOCHS,
  memberRing,
  newSectionKeys,
  rightsOf,
  sectionsFor,
  startLog,
  versionSigners,
  type EpochKeys,
} from '../../../shared/crypto/index.js';
import { appendLogEntry } from '../../../shared/crypto/log-append.js';
import { person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';

describe('grants', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('gives owners admin, the borger write and everyone else read', () => {
    expect(rightsOf('owner')).toBe('admin');
    expect(rightsOf('borger')).toBe('write');
    expect(rightsOf('professional')).toBe('read');
    expect(rightsOf('informal')).toBe('read');
  });

  it('puts base in every grant, in canonical order, and every section in an owner’s', () => {
    expect(grantOf([])).toEqual(['base']);
    expect(grantOf(['private', 'detail'])).toEqual(['base', 'detail', 'private']);
    expect(sectionsFor('professional', ['detail'])).toEqual(['base', 'detail']);
    expect(sectionsFor('owner', [])).toEqual(['base', 'detail', 'private']);
  });

  it('lets owners and the borger author versions, not readers', () => {
    const sanne = person('Sanne', 'owner');
    const ria = person('Ria', 'borger');
    const joke = person('Joke', 'professional');
    const keys = newSectionKeys();
    let { log } = startLog({
      mapId: MAP_ID,
      epoch: 1,
      baseKey: keys.base,
      creator: sanne.member,
      signer: sanne.signer,
    });
    for (const member of [ria.member, joke.member]) {
      log = appendLogEntry({
        log,
        change: { type: 'ADD', data: member },
        baseKey: keys.base,
        signer: sanne.signer,
      }).log;
    }
    expect(versionSigners(log)).toEqual([sanne.signer.publicKey, ria.signer.publicKey]);
  });

  it('builds rings: owners every key, others older base keys and this epoch’s grant', () => {
    const held: Record<number, EpochKeys> = { 1: newSectionKeys(), 2: newSectionKeys() };
    const owner = memberRing(MAP_ID, held, 2, { role: 'owner', sections: grantOf([]) });
    expect(owner.epochs).toEqual(held);
    const reader = memberRing(MAP_ID, held, 2, {
      role: 'professional',
      sections: ['base', 'detail'],
    });
    expect(reader.epochs).toEqual({
      1: { base: held[1]!.base },
      2: { base: held[2]!.base, detail: held[2]!.detail },
    });
    const many: Record<number, EpochKeys> = {};
    for (let epoch = 1; epoch <= MAX_RING_EPOCHS + 3; epoch++)
      many[epoch] = { base: held[1]!.base };
    const capped = memberRing(MAP_ID, many, MAX_RING_EPOCHS + 3, { role: 'owner', sections: [] });
    expect(Object.keys(capped.epochs)).toHaveLength(MAX_RING_EPOCHS);
    expect(capped.epochs[3]).toBeUndefined();
    expect(capped.epochs[4]).toBeDefined();
  });
});
