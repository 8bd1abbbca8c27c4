// The Origin check of the routes the refresh cookie reaches (docs/decisions/0010): only the app's own pages.
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { ApiError } from './errors.js';

/**
 * onRequest hook: 403 cross_origin unless the request comes from the app's own origin. A browser sends
 * Origin on every POST and Sec-Fetch-Site on every request; a request with neither is no browser's,
 * so it carries no cookie the browser added on its own and is let through.
 */
export function sameOriginOnly(publicOrigin: string | null): onRequestHookHandler {
  return (request, _reply, done) => {
    done(isSameOrigin(request, publicOrigin) ? undefined : refusal());
  };
}

function isSameOrigin(request: FastifyRequest, publicOrigin: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  // "null" (sandboxed frames, some redirects) and anything but a serialized web origin are refused
  const sent = webUrl(origin);
  if (sent === null || sent.origin !== origin) return false;
  if (publicOrigin !== null) return origin === publicOrigin;
  // the browser itself says the page is of this origin, even when a proxy rewrote Host
  if (site === 'same-origin') return true;
  // a browser without Sec-Fetch-Site: the host the request was sent to (X-Forwarded-Host only with
  // TRUST_PROXY); the scheme is not compared, as a TLS proxy hides it from the app
  const own = webUrl(`${sent.protocol}//${request.host}`);
  return own !== null && own.host === sent.host;
}

function webUrl(text: string): URL | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

function refusal(): ApiError {
  return new ApiError(
    'cross_origin',
    'This request comes from another website, so it is refused. Open the app itself and try again.',
  );
}
