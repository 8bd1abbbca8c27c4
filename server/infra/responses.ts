// Error responses declared on routes: each route lists the statuses it can answer with.
import { ErrorBody } from '../../shared/api/errors.js';
import { base64UrlLength, limits } from '../../shared/api/limits.js';

/** Body limit of routes that carry a keyring: the largest one as base64url plus the other fields. */
export const KEYRING_REQUEST_LIMIT = base64UrlLength(limits.keyringMaxBytes) + 16 * 1024;

/** Body limit of JSON routes that carry a map version (create, removal): the largest body and key bundle plus the JSON around them. */
export const MAP_REQUEST_LIMIT =
  base64UrlLength(limits.mapBodyMaxBytes) + base64UrlLength(limits.keyBundleMaxBytes) + 4096;

/** Statuses any route with a JSON body can answer: bad input, too large, wrong media type, our fault. */
export const BODY_ERRORS = [400, 413, 415, 500] as const;

/** `{ [status]: ErrorBody }` for route schemas. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
}
