/**
 * One profile for a professional's day: what she tells a parent when she asks to join (name,
 * profession, organisation, how to reach her, when). Kept in her encrypted keyring, so every
 * device of hers fills the join form with it; filled from her public profile when she has one.
 */
import type { PublishedProfessional } from '../../shared/api/directory.js';
import type { AppStore } from '../shell/store.js';
import type { JoinProfileView } from '../membership/types.js';

/** Her saved profile, or null when she has none yet. */
export async function savedProfile(store: AppStore): Promise<JoinProfileView | null> {
  try {
    return (await store.crypto.call('keyringProfile', {})).profile;
  } catch {
    return null;
  }
}

/**
 * Keeps `profile` in the worker's keyring. With `store` false it goes to the server with the next
 * keyring write (joining stores the keyring when the answer comes): no request with her account
 * token right beside the join request, which carries none.
 */
export async function keepProfile(
  store: AppStore,
  profile: JoinProfileView,
  { commit }: { commit: boolean },
): Promise<void> {
  const { changed } = await store.crypto.call('setKeyringProfile', { profile });
  if (changed && commit) await store.commitKeyring();
}

/**
 * Her public profile, as the profile she joins with (what she wrote for "when" stays). With
 * `ifNone`, only when she has no profile yet (one published before profiles were kept).
 */
export async function keepPublishedProfile(
  store: AppStore,
  published: PublishedProfessional,
  { ifNone }: { ifNone: boolean },
): Promise<void> {
  const saved = await savedProfile(store);
  if (ifNone && saved !== null) return;
  await keepProfile(
    store,
    {
      name: published.name,
      profession: published.profession,
      organisation: published.organisation,
      contact: published.howToReach,
      availability: saved?.availability ?? '',
    },
    { commit: true },
  );
}
