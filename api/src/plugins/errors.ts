import { type ApiError, ERROR_CODES, type ErrorCode } from '@portico/shared/errors';
import { pickLocale } from '@portico/shared/locale';
import { hasForbiddenCharacters } from '@portico/shared/text';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { translator } from '../i18n';
import { isStorageError } from '../storage/guard';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from '../unavailable';

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  extra: Partial<ApiError['error']> = {},
  params = {},
) {
  const locale = request.locale ?? pickLocale(request.headers['accept-language'], 'en');
  const body: ApiError = {
    error: { code, message: translator(locale)(`errors:${code}`, params), ...extra, ...(Object.keys(params).length ? { params } : {}) },
  };
  return reply.status(status).type('application/json').send(body);
}

/** The code a contract rule put on its zod issue (`params: { code }`, see shared/src/text.ts). */
function issueCode(params: unknown): ErrorCode | undefined {
  const code = (params as { params?: { code?: unknown } } | undefined)?.params?.code;
  return ERROR_CODES.includes(code as ErrorCode) ? (code as ErrorCode) : undefined;
}

/** The path of the first string (or key) holding a control character other than tab, LF and CR, or half a surrogate pair. */
function findControlCharacter(value: unknown): string[] | undefined {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (hasForbiddenCharacters(node)) return path;
    } else if (node && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (hasForbiddenCharacters(key)) return [...path, key];
        stack.push([child, [...path, key]]);
      }
    }
  }
  return undefined;
}

/**
 * Busboy (under @fastify/multipart) throws plain errors without a code or status for a body it
 * cannot parse: a missing or wrong boundary, a truncated part. Recognised by message, and only
 * on a multipart request, so nothing of ours is mistaken for one.
 */
function isBrokenMultipart(err: FastifyError, request: FastifyRequest): boolean {
  if (err.statusCode || err.code) return false;
  if (!String(request.headers['content-type'] ?? '').startsWith('multipart/')) return false;
  return /multipart|boundary|part header/i.test(err.message);
}

/** Framework errors that are the client's fault, by fastify's code. */
const FRAMEWORK_CLIENT_ERRORS: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_REQ_FILE_TOO_LARGE: [413, 'upload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'validation_failed'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_request'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'upload_missing'],
  FST_FILES_LIMIT: [413, 'upload_too_large'],
  FST_PARTS_LIMIT: [413, 'payload_too_large'],
};

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (isStorageError(err)) {
        // A stored file that could not be read: the route had already set the file's headers
        // (download name, type, caching), which must not ride on the error (docs/storage.md).
        for (const name of ['content-disposition', 'content-length', 'content-type', 'cache-control', 'etag', 'last-modified']) {
          reply.removeHeader(name);
          reply.raw.removeHeader(name);
        }
        reply.header('cache-control', 'no-store');
        if (err.statusCode === 503) {
          request.log.warn({ err: err.cause ?? err }, 'file storage unavailable');
          reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        } else request.log.warn({ err: err.cause ?? err }, 'stored file missing');
        return send(request, reply, err.statusCode, err.code);
      }
      if (err instanceof AppError) {
        return send(request, reply, err.statusCode, err.code, err.resource ? { resource: err.resource } : {}, err.params);
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const t = translator(request.locale ?? pickLocale(request.headers['accept-language'], 'en'));
        const issues = err.validation.map((v): { path: string; message: string; code?: ErrorCode } => {
          const code = issueCode(v.params);
          return {
            // Body fields are named as the client sent them (`subject`); other places keep their prefix (`querystring.page`).
            path: [
              ...(err.validationContext === 'body' ? [] : [err.validationContext]),
              ...String(v.instancePath ?? '')
                .split('/')
                .filter(Boolean),
            ].join('.'),
            ...(code ? { code, message: t(`errors:${code}`) } : { message: v.message ?? 'invalid' }),
          };
        });
        // A rule with its own code (NUL in a name, a date in year 0) names it; plain shape errors stay validation_failed.
        return send(request, reply, 400, issues.find((i) => i.code)?.code ?? 'validation_failed', { issues });
      }
      if (isBrokenMultipart(err, request)) return send(request, reply, 400, 'malformed_request');
      if (err.statusCode === 429) return send(request, reply, 429, 'rate_limited');
      const known = err.code ? FRAMEWORK_CLIENT_ERRORS[err.code] : undefined;
      if (known) return send(request, reply, known[0], known[1], {}, { maxMb: 10 });
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        // SyntaxError from a malformed body and similar: the client's fault, never a 500.
        const code = ERROR_CODES.includes(err.code as ErrorCode) ? (err.code as ErrorCode) : 'malformed_request';
        return send(request, reply, err.statusCode, code);
      }
      if (isDependencyUnavailable(err)) {
        // Postgres or Redis is away (restart, outage): the client may retry; not a bug of ours.
        request.log.warn({ err }, 'dependency unavailable');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return send(request, reply, 503, 'service_unavailable');
      }
      request.log.error({ err }, 'unhandled error');
      return send(request, reply, 500, 'internal_error');
    });

    app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found', { resource: 'route' }));

    // Belt and braces behind the contracts' text rules: a control character in any string of the
    // params, query or JSON body (including a field no contract names) never reaches Postgres.
    app.addHook('preValidation', async (request, reply) => {
      for (const [place, value] of [
        ['params', request.params],
        ['querystring', request.query],
        ['body', request.body],
      ] as const) {
        const path = findControlCharacter(value);
        if (path === undefined) continue;
        const field = [...(place === 'body' ? [] : [place]), ...path].join('.');
        const t = translator(request.locale ?? pickLocale(request.headers['accept-language'], 'en'));
        return send(request, reply, 400, 'invalid_characters', {
          issues: [{ path: field, code: 'invalid_characters', message: t('errors:invalid_characters') }],
        });
      }
    });
  },
  { name: 'errors' },
);
