// Map versions on the wire: bytes with headers (decision 0027). No TypeBox here: the page imports it.

/** Rights of a slot (the TypeBox schema is `Rights` in maps.ts). */
type Rights = 'read' | 'write' | 'admin';

/**
 * Map versions travel as bytes (docs/protocol-membership.md, "Map versions on the wire"): reading the
 * latest version, reading one version and writing one carry `application/octet-stream`, and what is
 * not the body rides in these headers. Every other route is JSON; errors stay JSON on these routes too.
 */
export const MAP_VERSION_TYPE = 'application/octet-stream';
export const mapHeaders = {
  /** The version number (also in ETag as `"v<version>"`). */
  version: 'nk-version',
  /** The slot this capability opens (cards and log entries name it). */
  slot: 'nk-slot',
  rights: 'nk-rights',
  /** The minute the version was stored (ms since epoch). */
  createdAt: 'nk-created-at',
  /** Reading the latest version: the body starts with this many bytes of the slot's key bundle. */
  keyBundleBytes: 'nk-key-bundle-bytes',
} as const;

/** The ETag (and If-Match) of a version: a strong validator `"v<version>"`. */
export function versionTag(version: number): string {
  return `"v${version}"`;
}

/** The version an ETag or If-Match names, or null when it is not one of ours. */
export function versionOfTag(tag: string | undefined | null): number | null {
  const match = /^"v([1-9][0-9]{0,15})"$/.exec(tag ?? '');
  if (!match) return null;
  const version = Number(match[1]);
  return version <= 2 ** 53 - 2 ? version : null;
}

/** The latest version as the client reads it: the headers and the bytes of GET /api/maps/:mapId. */
export interface ReadMapResponse {
  mapId: string;
  /** The slot this capability opens (cards and log entries name it). */
  slotId: string;
  version: number;
  body: Uint8Array;
  keyBundle: Uint8Array;
  rights: Rights;
  createdAt: number;
}

/** Reads the latest version from the answer's headers and bytes; throws on an answer not of this shape. */
export function decodeMapRead(
  mapId: string,
  header: (name: string) => string | null | undefined,
  bytes: Uint8Array,
): ReadMapResponse {
  const version = versionOfTag(header('etag'));
  const keyBundleBytes = Number(header(mapHeaders.keyBundleBytes));
  const rights = header(mapHeaders.rights);
  const slotId = header(mapHeaders.slot);
  const createdAt = Number(header(mapHeaders.createdAt));
  if (
    version === null ||
    !Number.isSafeInteger(keyBundleBytes) ||
    keyBundleBytes < 0 ||
    keyBundleBytes >= bytes.length ||
    (rights !== 'read' && rights !== 'write' && rights !== 'admin') ||
    !slotId ||
    !Number.isSafeInteger(createdAt)
  ) {
    throw new Error('The map answer does not have the expected headers.');
  }
  return {
    mapId,
    slotId,
    version,
    keyBundle: bytes.subarray(0, keyBundleBytes),
    body: bytes.subarray(keyBundleBytes),
    rights,
    createdAt,
  };
}

/** What PUT /api/maps/:mapId answers (204, ETag of the new version), as the client returns it. */
export interface WriteMapResponse {
  version: number;
}
