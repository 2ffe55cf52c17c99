/** Seconds a client is told to wait (Retry-After) when Postgres or Redis is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level failures: the peer is down, restarting or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * Postgres SQLSTATEs that mean "the server is not there right now", not "your query is wrong":
 * class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
 * connect now (starting up / shutting down), 57014 statement timeout (the server is overloaded
 * or hung), 53300 too many connections.
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|57014|53300)$/;

/** Messages of pg, pg-pool and ioredis errors that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // pg: server went away mid-query, or connect timed out
  /^timeout exceeded when trying to connect$/, // pg-pool: connectionTimeoutMillis
  /is not queryable$/, // pg: a client that already lost its connection
  /^Query read timeout$/, // pg: query_timeout, a server that accepts but never answers
  /^Stream isn't writeable and enableOfflineQueue options is false$/, // ioredis, API connection while Redis is away
  /^Command timed out$/, // ioredis commandTimeout
  /^Connection is closed\.$/, // ioredis
  /^(LOADING|MASTERDOWN|READONLY) /, // Redis restarting or failing over
];

function isUnavailableOne(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_UNAVAILABLE.test(e.code))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string));
}

/**
 * True when the error means Postgres or Redis is away (restart, outage), so the request deserves a
 * 503 with Retry-After rather than a 500. Looks through wrappers: drizzle's DrizzleQueryError
 * (`cause`) and Node's AggregateError of a multi-address connect (`errors`).
 */
export function isDependencyUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  if (isUnavailableOne(err)) return true;
  const { cause, errors } = err as { cause?: unknown; errors?: unknown };
  if (cause && isDependencyUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((e) => isDependencyUnavailable(e, depth + 1));
}
