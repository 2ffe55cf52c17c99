import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config';

/**
 * One place for how the API and the worker log (issue 13 §4): pino, JSON, one line per event,
 * the level from LOG_LEVEL (`silent` in tests). Nothing here logs a secret: header values that
 * carry credentials are redacted, request bodies are never logged, and URLs are masked
 * (`maskUrl`) before they are written.
 */

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming request id is kept when it is short and plain; anything else gets a fresh UUID. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` when sane (a proxy's or a client's), else a UUID. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

const MASK = '***';

/**
 * Query parameters whose values are secrets or one-time credentials: reset, invitation, sign-up and
 * e-mail-change tokens (`token`), the e-ID callback's `code` and `state`, and anything OAuth- or
 * signature-like a client may add.
 */
const SECRET_QUERY_PARAMS = new Set([
  'token',
  'code',
  'state',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
  'secret',
  'key',
  'api_key',
  'apikey',
  'signature',
  'sig',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
]);

/**
 * Path segments that are followed by a secret: `/api/v1/auth/invitations/:token`,
 * `/api/v1/auth/staff/invitations/:token` (API), `/invitation/:token` (portal page) and
 * `/staff-invitation/:token` (console page). Every API route with a `:token` parameter is checked
 * against this by log.test.ts, so a new one cannot slip past.
 */
const SECRET_AFTER_SEGMENT = /(\/(?:invitations|invitation|staff-invitation|tokens?)\/)[^/?#]+/gi;

/** The URL as it may be logged: secret path segments and secret query values replaced by `***`. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q)).replace(SECRET_AFTER_SEGMENT, `$1${MASK}`);
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name);
      } catch {
        // A malformed escape: judge the raw name.
      }
      return SECRET_QUERY_PARAMS.has(name.toLowerCase()) ? `${pair.slice(0, eq)}=${MASK}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/** `jane.doe@example.se` → `j***@example.se`: enough to tell recipients apart in a log, not to mail them. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return MASK;
  return `${address[0]}${MASK}@${address.slice(at + 1)}`;
}

/** `+46701234567` → `***67`. */
export function maskPhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length > 4 ? `${MASK}${digits.slice(-2)}` : MASK;
}

const EMAIL_IN_TEXT = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[A-Za-z]{2,}/g;
const PHONE_IN_TEXT = /\+?\d[\d -]{6,}\d/g;

/** Free text (an SMTP or gateway error) with any e-mail address or phone number in it masked. */
export function maskText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (m) => maskEmail(m)).replace(PHONE_IN_TEXT, (m) => maskPhone(m));
}

/** A recipient of either channel, masked. */
export function maskRecipient(channel: 'email' | 'sms', to: string): string {
  return channel === 'sms' ? maskPhone(to) : maskEmail(to);
}

/**
 * Belt and braces behind the serializers (which never copy headers or bodies): should anything
 * log a request's headers, a config or a payload, these paths are censored.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.clientSecret',
  '*.secretAccessKey',
  '*.body',
];

/** A drizzle "Failed query" error repeats the statement's parameters (e-mails, token hashes): drop them. */
function withoutQueryParams(message: string): string {
  return message.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');
}

type LoggedRequest = {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
};

export const serializers = {
  /** Method, masked URL, route template and client address; never headers or body. */
  req(req: LoggedRequest) {
    return {
      method: req.method,
      url: req.url === undefined ? undefined : maskUrl(req.url),
      route: req.routeOptions?.url,
      remoteAddress: req.ip,
    };
  },
  res(reply: { statusCode?: number }) {
    return { statusCode: reply.statusCode };
  },
  err(err: unknown) {
    const serialized = pino.stdSerializers.err(err as Error) as ReturnType<typeof pino.stdSerializers.err> & {
      message?: string;
      stack?: string;
    };
    if (!serialized || typeof serialized !== 'object') return serialized;
    if (typeof serialized.message === 'string') serialized.message = withoutQueryParams(serialized.message);
    if (typeof serialized.stack === 'string') serialized.stack = withoutQueryParams(serialized.stack);
    if ('params' in serialized) (serialized as { params?: unknown }).params = '[redacted]';
    return serialized;
  },
};

export function loggerOptions(config: Pick<Config, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names, not numbers, so `jq 'select(.level=="error")'` reads naturally.
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers,
  };
}

/** A new logger (tests pass a stream to read what was written). */
export function createLogger(config: Pick<Config, 'logLevel'>, stream?: DestinationStream): Logger {
  return pino(loggerOptions(config), stream);
}

const shared = new WeakMap<object, Logger>();

/** The process's logger for this config (the worker, jobs and infra share one; stdout). */
export function loggerFor(config: Pick<Config, 'logLevel'>): Logger {
  let logger = shared.get(config);
  if (!logger) {
    logger = createLogger(config);
    shared.set(config, logger);
  }
  return logger;
}

/**
 * Adds fields to a request's log lines once the actor is known (auth.ts): the landlord and the
 * kind of actor, never names or e-mail addresses. Fastify's request and reply share one child
 * logger, so the "request completed" line carries them too. The null logger (LOG_LEVEL=silent)
 * has no bindings to set.
 */
export function bindActor(
  request: { log: unknown },
  fields: { landlordId?: string; actor: 'staff' | 'api_key' | 'tenant' | 'portal_user' },
) {
  const log = request.log as Partial<Pick<Logger, 'setBindings'>>;
  log.setBindings?.(fields);
}
