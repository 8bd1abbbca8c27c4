/**
 * The parent's invite secrets, per map, on this device only: she needs a secret again to open the
 * join request sealed to it. The server never sees them. A withdrawn or answered invite is forgotten.
 */
const PREFIX = 'nk-invites:';

function read(mapId: string): Record<string, string> {
  try {
    const raw = localStorage.getItem(PREFIX + mapId);
    const value: unknown = raw === null ? {} : JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function write(mapId: string, secrets: Record<string, string>): void {
  try {
    localStorage.setItem(PREFIX + mapId, JSON.stringify(secrets));
  } catch {
    // Storage blocked: the secret lives in the worker until the page closes.
  }
}

export const inviteSecrets = {
  get: (mapId: string, inviteId: string): string | undefined => read(mapId)[inviteId],
  add(mapId: string, inviteId: string, secret: string): void {
    write(mapId, { ...read(mapId), [inviteId]: secret });
  },
  forget(mapId: string, inviteId: string): void {
    const secrets = read(mapId);
    delete secrets[inviteId];
    write(mapId, secrets);
  },
};

/**
 * The secret of one invite, wherever it is kept: the one call the members screen makes, so the
 * storage can move (e.g. into the account's synced, encrypted state) without touching its callers.
 */
export function inviteSecretOf(mapId: string, inviteId: string): Promise<string | undefined> {
  return Promise.resolve(inviteSecrets.get(mapId, inviteId));
}
