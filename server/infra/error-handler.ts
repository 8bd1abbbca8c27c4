import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorStatus, type ErrorBody, type ErrorCode } from '../../shared/api/errors.js';
import { BASE64URL_PATTERN } from '../../shared/api/encoding.js';
import { isApiError } from './errors.js';

/** A validation failure as fastify passes it on (from the TypeBox validator). */
interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

interface ErrorAnswer {
  statusCode: number;
  body: ErrorBody;
}

function answer(
  code: ErrorCode,
  message: string,
  extra: { latestVersion?: number; accessUntil?: string } = {},
): ErrorAnswer {
  return { statusCode: errorStatus[code], body: { error: { code, message, ...extra } } };
}

/** The one place that turns any thrown error into the API's error body. */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (isApiError(error)) {
    return answer(error.code, error.message, error.details);
  }
  const e = error as Partial<FastifyError>;
  if (Array.isArray(e.validation)) {
    return answer(
      'invalid_request',
      describeValidation(e.validation as ValidationIssue[], e.validationContext),
    );
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return answer('body_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return answer('invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return answer('unsupported_media_type', 'Send the request body as application/json.');
  }
  if (e.statusCode === 429) {
    return answer('too_many_requests', 'Too many attempts. Wait a minute and try again.');
  }
  // fastify's own 4xx (bad URL encoding, bad content length, …): the client's fault, details not needed
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return answer('invalid_request', 'The request could not be read.');
  }
  return answer('internal_error', 'Something went wrong on our side. Please try again later.');
}

const PART_NAMES: Record<string, string> = {
  body: 'body',
  params: 'path',
  querystring: 'query',
  headers: 'header',
};

/** One human sentence naming the first field that is wrong. */
export function describeValidation(issues: ValidationIssue[], context?: string): string {
  // the TypeBox validator reports an extra field twice; the additionalProperties issue names it
  const useful = issues.filter((issue) => issue.keyword !== 'boolean');
  const issue =
    useful.find((i) => i.keyword === 'required') ??
    useful.find((i) => i.keyword === 'additionalProperties') ??
    useful[0] ??
    issues[0];
  const part = PART_NAMES[context ?? 'body'] ?? 'body';
  if (!issue) return `The request ${part} is invalid.`;
  const segments = issue.instancePath.split('/').filter(Boolean);
  const name = (parts: string[]) =>
    part === 'body' ? `"${parts.join('.')}"` : `${part} "${parts.join('.')}"`;
  const field = (child: string) => name([...segments, child]);
  const here = segments.length > 0 ? name(segments) : `the request ${part}`;
  const params = issue.params;
  switch (issue.keyword) {
    case 'required': {
      const names = (params.requiredProperties as string[] | undefined) ?? [];
      return names.length > 1
        ? `Missing fields: ${names.map(field).join(', ')}.`
        : `Missing field ${field(names[0] ?? '?')}.`;
    }
    case 'additionalProperties': {
      const names = (params.additionalProperties as string[] | undefined) ?? [];
      return `Unknown field ${names.map(field).join(', ')}; remove it.`;
    }
    case 'type':
      return `${capital(here)} must be ${article(String(params.type))}.`;
    case 'pattern':
      return params.pattern === BASE64URL_PATTERN
        ? `${capital(here)} must be base64url without padding.`
        : `${capital(here)} has the wrong format.`;
    case 'minLength':
      return `${capital(here)} is too short (at least ${String(params.limit)} characters).`;
    case 'maxLength':
      return `${capital(here)} is too long (at most ${String(params.limit)} characters).`;
    case 'minimum':
      return `${capital(here)} must be at least ${String(params.limit)}.`;
    case 'maximum':
      return `${capital(here)} must be at most ${String(params.limit)}.`;
    case 'const':
    case 'anyOf':
    case 'enum':
      return `${capital(here)} has a value that is not allowed.`;
    default:
      return `${capital(here)} ${issue.message ?? 'is invalid'}.`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  const { statusCode, body } = toErrorAnswer(error);
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'unexpected error');
  } else {
    request.log.debug({ code: body.error.code, statusCode }, 'request refused');
  }
  void reply.code(statusCode).send(body);
}

/** Error handler and 404 handler; with a web app, unknown non-API pages get its index.html. */
export default fp<{ webApp: boolean }>(
  async (fastify, { webApp }) => {
    fastify.setErrorHandler((error, request, reply) => sendError(request, reply, error));
    fastify.setNotFoundHandler((request, reply) => {
      const isPage =
        (request.method === 'GET' || request.method === 'HEAD') &&
        !request.url.startsWith('/api/') &&
        request.url !== '/api' &&
        (request.headers.accept ?? '').includes('text/html');
      // client-side routing: the web app decides what a path like /kaart/abc means
      if (webApp && isPage) return reply.type('text/html').sendFile('index.html');
      const { statusCode, body } = answer('not_found', 'There is nothing at this address.');
      return reply.code(statusCode).send(body);
    });
  },
  { name: 'errors' },
);
