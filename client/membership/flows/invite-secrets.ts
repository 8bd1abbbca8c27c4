/**
 * The one way to an invite's secret on an owner's device: the copy sealed for the map's owners
 * (shared/crypto/invite-secret.ts) that the server lists with the invite, opened in the worker. So a
 * second owner, or the parent on her other phone, opens a join request made from any owner's invite.
 * The server only stores it: it cannot read it, nor put in a secret of its own.
 */
import type { AppStore } from '../../shell/store.js';

/** An invite as the server lists it: its id and the secret sealed for the owners (null for old ones). */
export interface ListedInvite {
  readonly inviteId: string;
  readonly sealedSecret: string | null;
}

/**
 * The secret of `invite` on `mapId` (an opened map), or null when there is none to open (an invite
 * made before secrets were kept) or it does not open here: its request cannot be checked.
 */
export async function inviteSecretOf(
  store: AppStore,
  mapId: string,
  invite: ListedInvite,
): Promise<string | null> {
  if (invite.sealedSecret === null) return null;
  try {
    const { secret } = await store.crypto.call('openInviteSecret', {
      mapId,
      inviteId: invite.inviteId,
      sealedSecret: invite.sealedSecret,
    });
    return secret;
  } catch {
    return null;
  }
}
