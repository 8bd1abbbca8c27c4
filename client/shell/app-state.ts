// What every screen reads from the store: who is signed in, her maps, a recovery code to show once.
import type { MapSummary } from '../crypto/protocol.js';

export interface AppState {
  /** The signed-in person's username; null when signed out (or after a reload). */
  readonly username: string | null;
  /** The maps in the keyring, newest first. */
  readonly maps: readonly MapSummary[];
  /**
   * A recovery code to show once, held only until the person confirms it is saved: a new account's,
   * or (`replaced`) the one that replaced a code used to get back in.
   */
  readonly recovery: {
    readonly username: string;
    readonly code: string;
    readonly replaced?: boolean;
  } | null;
  /** "Ik werk als hulpverlener", from the keyring: shows the features only professionals need. */
  readonly professional: boolean;
}

export const SIGNED_OUT: AppState = {
  username: null,
  maps: [],
  recovery: null,
  professional: false,
};
