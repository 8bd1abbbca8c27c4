// Error responses declared on routes: each route lists the statuses it can answer with.
import { ErrorBody } from '../../shared/api/errors.js';
import { base64UrlLength, limits } from '../../shared/api/limits.js';

/** Body limit of routes that carry a keyring: the largest one as base64url plus the other fields. */
export const KEYRING_REQUEST_LIMIT = base64UrlLength(limits.keyringMaxBytes) + 16 * 1024;

/** Body limit of routes that carry a map version: the largest body and key bundle plus the JSON around them. */
export const MAP_REQUEST_LIMIT =
  base64UrlLength(limits.mapBodyMaxBytes) + base64UrlLength(limits.keyBundleMaxBytes) + 4096;

/** Statuses any route with a JSON body can answer: bad input, too large, wrong media type, our fault. */
export const BODY_ERRORS = [400, 413, 415, 500] as const;

/**
 * Serializer compiler for routes whose 200 answer carries a map version `body` (up to 1.4 MB of
 * base64url). Base64url never needs JSON escaping, so the body is spliced in as is: serializing it
 * char by char (fast-json-stringify, or even JSON.stringify) cost a third of a map read. The small
 * fields still go through JSON.stringify, and so do error answers.
 */
export function withBodySplice({ httpStatus }: { httpStatus?: string }) {
  if (httpStatus !== '200') return (data: unknown) => JSON.stringify(data);
  return (data: unknown) => {
    const { body, ...rest } = data as { body: unknown };
    // only our own encoder's output is spliced; anything else takes the ordinary path
    if (typeof body !== 'string') return JSON.stringify(data);
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"body":"${body}"}`;
  };
}

/** `{ [status]: ErrorBody }` for route schemas. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
}
