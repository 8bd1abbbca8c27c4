// A professional's day, in the keyring: her profile for joining (reused for every family) and, per
// map, what she saw at her last visit (so the list says what changed). Both sync with the keyring.
import type { KeyringProfile, KeyringSeen } from '../../../shared/crypto/index.js';
import { requireSession, type Handlers } from './state.js';

type DayOp = 'keyringProfile' | 'setKeyringProfile' | 'seenMaps' | 'setSeen';

export const dayHandlers: Handlers<DayOp> = {
  keyringProfile(state) {
    return { profile: requireSession(state).keyring.profile ?? null };
  },

  setKeyringProfile(state, { profile }) {
    const current = requireSession(state);
    const clean: KeyringProfile = {
      name: profile.name.trim().slice(0, 120),
      profession: profile.profession.trim().slice(0, 120),
      organisation: profile.organisation.trim().slice(0, 120),
      contact: profile.contact.trim().slice(0, 280),
      availability: profile.availability.trim().slice(0, 280),
    };
    if (clean.name === '') return { changed: false };
    const old = current.keyring.profile;
    if (old !== undefined && JSON.stringify(old) === JSON.stringify(clean))
      return { changed: false };
    current.keyring = { ...current.keyring, profile: clean };
    return { changed: true };
  },

  seenMaps(state) {
    const seen: Record<string, KeyringSeen> = {};
    for (const map of requireSession(state).keyring.maps) if (map.seen) seen[map.mapId] = map.seen;
    return { seen };
  },

  setSeen(state, { mapId, seen }) {
    const current = requireSession(state);
    const bounded: KeyringSeen = {
      at: seen.at,
      people: seen.people.slice(0, 1000),
      cards: seen.cards.slice(0, 1000),
      borgers: seen.borgers.slice(0, 1000),
    };
    let changed = false;
    current.keyring = {
      ...current.keyring,
      maps: current.keyring.maps.map((map) => {
        if (map.mapId !== mapId) return map;
        const same =
          map.seen !== undefined &&
          JSON.stringify({ ...map.seen, at: 0 }) === JSON.stringify({ ...bounded, at: 0 });
        if (same) return map;
        changed = true;
        return { ...map, seen: bounded };
      }),
    };
    return { changed };
  },
};
