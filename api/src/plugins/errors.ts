import { type ApiError, ERROR_CODES, type ErrorCode } from '@portico/shared/errors';
import { pickLocale } from '@portico/shared/locale';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { translator } from '../i18n';

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

/** Framework errors that are the client's fault, by fastify's code. */
const FRAMEWORK_CLIENT_ERRORS: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_REQ_FILE_TOO_LARGE: [413, 'upload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'validation_failed'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'validation_failed'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'validation_failed'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'upload_missing'],
  FST_FILES_LIMIT: [413, 'upload_too_large'],
  FST_PARTS_LIMIT: [413, 'payload_too_large'],
};

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof AppError) {
        return send(request, reply, err.statusCode, err.code, err.resource ? { resource: err.resource } : {}, err.params);
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const issues = err.validation.map((v) => ({
          // Body fields are named as the client sent them (`subject`); other places keep their prefix (`querystring.page`).
          path: [
            ...(err.validationContext === 'body' ? [] : [err.validationContext]),
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ].join('.'),
          message: v.message ?? 'invalid',
        }));
        return send(request, reply, 400, 'validation_failed', { issues });
      }
      if (err.statusCode === 429) return send(request, reply, 429, 'rate_limited');
      const known = err.code ? FRAMEWORK_CLIENT_ERRORS[err.code] : undefined;
      if (known) return send(request, reply, known[0], known[1], {}, { maxMb: 10 });
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        // SyntaxError from a malformed body and similar: the client's fault, never a 500.
        const code = ERROR_CODES.includes(err.code as ErrorCode) ? (err.code as ErrorCode) : 'validation_failed';
        return send(request, reply, err.statusCode, code);
      }
      request.log.error({ err }, 'unhandled error');
      return send(request, reply, 500, 'internal_error');
    });

    app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found', { resource: 'route' }));
  },
  { name: 'errors' },
);
