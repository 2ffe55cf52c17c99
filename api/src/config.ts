import { isIP } from 'node:net';
import { LocaleSchema } from '@portico/shared/locale';
import { z } from 'zod';
import { parseSigningKeys } from './modules/auth/signing-keys';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** The e-ID client secret every checkout shares; a production process must not run with it. */
const DEV_EID_CLIENT_SECRET = 'portico-dev-secret';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/portico'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  SMTP_URL: z.string().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('Portico <no-reply@portico.localhost>'),
  SMS_GATEWAY_URL: z.string().default('http://127.0.0.1:8025/a1/sms'),
  /** `46elks` (form + Basic auth) or `gatewayapi` (JSON + token in SMS_GATEWAY_PASSWORD). */
  SMS_PROVIDER: z.enum(['46elks', 'gatewayapi']).default('46elks'),
  SMS_GATEWAY_USER: z.string().optional(),
  SMS_GATEWAY_PASSWORD: z.string().optional(),
  /** Alphanumeric sender id, at most 11 characters (46elks, GatewayAPI). */
  SMS_FROM: z.string().max(11).default('Portico'),
  /** The e-ID broker (OIDC). Locally the stand-in in src/dev/eid-broker.ts. */
  EID_ISSUER: z.string().default('http://127.0.0.1:8026'),
  EID_CLIENT_ID: z.string().default('portico'),
  EID_CLIENT_SECRET: z.string().default(DEV_EID_CLIENT_SECRET),
  /** Signs access tokens (one key, id `default`). Production needs this or JWT_KEYS; a fixed dev key elsewhere. */
  JWT_SECRET: z.string().min(32).optional(),
  /** Rotation: `kid1:secret1,kid0:secret0` — the first signs, the rest still verify. Wins over JWT_SECRET. */
  JWT_KEYS: z.string().optional(),
  TENANT_WEB_URL: z.string().default('http://localhost:5173'),
  ADMIN_WEB_URL: z.string().default('http://localhost:5174'),
  FILES_DIR: z.string().default('.data/files'),
  /** Where uploaded and generated files live: `local` (FILES_DIR, one machine) or `s3` (any S3-compatible store; several instances). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** S3-compatible endpoint (MinIO, Ceph, R2, a local test server); unset = AWS itself. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('eu-north-1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key), which most self-hosted S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: bool,
  /** Object key prefix, so two deployments or test runs can share one bucket. */
  S3_PREFIX: z.string().default(''),
  /** Bearer token that `GET /metrics` requires; unset = no metrics route at all (404). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * Built SPAs to serve from the API (production, one origin per SPA): a directory with `tenant/`
   * and `admin/` (each a Vite `dist`). Requests whose Host is ADMIN_WEB_URL's get the console,
   * every other host the tenant portal. Unset = the API serves only /api (development, tests).
   */
  WEB_DIST_DIR: z.string().min(1).optional(),
  COOKIE_SECURE: bool,
  DEFAULT_LOCALE: LocaleSchema.default('en'),
  /** Attempts per minute per client and account on login and password reset. */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Requests one API key may make per window (API_KEY_RATE_WINDOW_SECONDS), across all API instances (Redis). */
  API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  API_KEY_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Sign-ups one client address may start per hour (seed 001's flow; offices share addresses). */
  SIGNUP_CLIENT_LIMIT: z.coerce.number().int().min(1).default(20),
  /** First retry delay of a failed e-mail; doubles each attempt (2 s, 4 s, 8 s … by default). */
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
  /**
   * Tries per notification before it is marked failed. With the 2 s base and the 1 h cap below,
   * 35 tries span about 24 h, so a day-long SMTP or SMS outage does not fail anything.
   */
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).default(35),
  /** Longest wait between two tries of one notification (the exponential backoff's cap). */
  NOTIFY_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  /** An outbox row handed to the queue but still pending after this long is checked and handed over again. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).default(120_000),
  /** Settled (sent or failed) outbox rows are deleted after this many days. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** How often the worker runs retention (outbox, expired sessions, sign-ups, e-ID requests). */
  RETENTION_INTERVAL_MS: z.coerce.number().int().min(100).default(3_600_000),
  /** When set, the worker answers `GET /live` on this port (liveness probe); unset, no listener. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).optional(),
  /** How often the outbox relay looks for new rows when nothing woke it. */
  RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
  /** Prefix of every Redis key (queues, rate limits), so two deployments or test runs can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('portico'),
  /**
   * Which proxies to believe about the client address (X-Forwarded-For), so rate limits key on the
   * real client behind a load balancer: `false` (default), `true`, a hop count, or a comma list of
   * addresses/CIDRs. Passed to Fastify's `trustProxy`.
   */
  TRUST_PROXY: z.string().default('false'),
  /** How long a SIGTERM waits for in-flight requests before the API closes the remaining connections and exits. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Webhooks (issue 10): allow endpoint URLs on plain http and on loopback, private, link-local and
   * other internal addresses. Off in production (SSRF); `npm start`, scripts and tests set it.
   */
  WEBHOOK_ALLOW_PRIVATE: bool,
  /** How long one webhook POST may take (connect to last byte) before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  /**
   * Waits before each retry of a webhook delivery, comma-separated ms; the first try is at once.
   * Default: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (10 tries over about 3 days).
   */
  WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .default('5000,300000,1800000,7200000,18000000,36000000,50400000,72000000,86400000'),
  /** An endpoint whose deliveries fail finally and that has had no 2xx for this long is disabled (5 days). */
  WEBHOOK_DISABLE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 24 * 3600 * 1000),
  /** How often the worker numbers new events and looks for due webhook deliveries. */
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  /** A delivery claimed by a worker that died is tried again after this long (must exceed the timeout). */
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Events (feed) and settled webhook deliveries are kept this many days (at least 30). */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(30).default(30),
  /** Benchmark only: append every SQL statement with its parameters to this file (bench/run.sh). Unset = off. */
  SQL_TRACE_FILE: z.string().min(1).optional(),
});

export type Config = ReturnType<typeof loadConfig>;

/**
 * Production must name its own services and secrets: a default would silently point at
 * localhost or use a secret that is public in this repository. Lists every problem at once.
 */
function refuseDevelopmentDefaults(env: Record<string, string | undefined>) {
  const missing = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'EID_CLIENT_SECRET'].filter((name) => !env[name]?.trim());
  if (env.EID_CLIENT_SECRET?.trim() === DEV_EID_CLIENT_SECRET) missing.push('EID_CLIENT_SECRET (still the development default)');
  if (missing.length) {
    throw new Error(`Refusing to start with NODE_ENV=production: set ${missing.join(', ')}`);
  }
}

/**
 * A portal on plain http that only this machine reaches: localhost, any `*.localhost` name (the
 * compose quick start's console.localhost), 127.0.0.1 or [::1]. Browsers treat these as secure
 * contexts but would drop a `Secure` cookie sent over http, so cookies are not marked Secure there.
 */
export function isLocalHttp(url: string): boolean {
  return /^http:\/\/(localhost|[a-z0-9.-]+\.localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(url);
}

/** Names proxy-addr (Fastify's trustProxy) accepts for address ranges. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `true`/`false`, a hop count, or a comma list of trusted proxy addresses (Fastify's `trustProxy`). */
function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // Checked here so a typo stops start-up with the setting's name rather than deep inside Fastify.
  const invalid = addresses.filter((a) => !TRUST_PROXY_NAMES.has(a) && !isIP(a.replace(/\/\d{1,3}$/, '')));
  if (invalid.length) throw new Error(`TRUST_PROXY: not an address or CIDR: ${invalid.join(', ')}`);
  return addresses;
}

/** Which file store to use; S3 needs a bucket (credentials may come from the SDK's own chain, e.g. an IAM role). */
function parseStorage(parsed: z.infer<typeof EnvSchema>) {
  if (parsed.STORAGE_DRIVER === 'local') return { driver: 'local' as const, dir: parsed.FILES_DIR };
  if (!parsed.S3_BUCKET) throw new Error('STORAGE_DRIVER=s3: set S3_BUCKET');
  const credentials =
    parsed.S3_ACCESS_KEY_ID && parsed.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: parsed.S3_ACCESS_KEY_ID, secretAccessKey: parsed.S3_SECRET_ACCESS_KEY }
      : undefined;
  return {
    driver: 's3' as const,
    endpoint: parsed.S3_ENDPOINT,
    region: parsed.S3_REGION,
    bucket: parsed.S3_BUCKET,
    credentials,
    forcePathStyle: parsed.S3_FORCE_PATH_STYLE ?? Boolean(parsed.S3_ENDPOINT),
    prefix: parsed.S3_PREFIX,
  };
}

/**
 * For entry points: the configuration, or one clear line on stderr and exit 1 (a missing or wrong
 * setting is an operator's error, not a stack trace).
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env) {
  try {
    return loadConfig(env);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

/** The only reader of process.env. Tests pass their own record. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = EnvSchema.parse(env);
  if (parsed.NODE_ENV === 'production') refuseDevelopmentDefaults(env);
  const jwtKeys = parseSigningKeys(parsed.JWT_KEYS, parsed.JWT_SECRET, parsed.NODE_ENV);
  const cookieSecure = parsed.COOKIE_SECURE ?? !isLocalHttp(parsed.TENANT_WEB_URL);
  return {
    env: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX,
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    smsGatewayUrl: parsed.SMS_GATEWAY_URL,
    sms: {
      provider: parsed.SMS_PROVIDER,
      user: parsed.SMS_GATEWAY_USER,
      password: parsed.SMS_GATEWAY_PASSWORD ?? '',
      from: parsed.SMS_FROM,
    },
    eid: {
      issuer: parsed.EID_ISSUER,
      clientId: parsed.EID_CLIENT_ID,
      clientSecret: parsed.EID_CLIENT_SECRET,
      // The browser reaches the API through the portal's origin, so cookies stay first-party.
      redirectUri: `${parsed.TENANT_WEB_URL.replace(/\/$/, '')}/api/v1/auth/portal/eid/callback`,
    },
    jwtKeys,
    tenantWebUrl: parsed.TENANT_WEB_URL.replace(/\/$/, ''),
    adminWebUrl: parsed.ADMIN_WEB_URL.replace(/\/$/, ''),
    storage: parseStorage(parsed),
    metricsToken: parsed.METRICS_TOKEN,
    webDistDir: parsed.WEB_DIST_DIR,
    cookieSecure,
    defaultLocale: parsed.DEFAULT_LOCALE,
    authRateLimit: parsed.AUTH_RATE_LIMIT,
    signupClientLimit: parsed.SIGNUP_CLIENT_LIMIT,
    apiKeyRateLimit: { max: parsed.API_KEY_RATE_LIMIT, windowSeconds: parsed.API_KEY_RATE_WINDOW_SECONDS },
    notify: {
      attempts: parsed.NOTIFY_ATTEMPTS,
      backoffMs: parsed.NOTIFY_BACKOFF_MS,
      relayIntervalMs: parsed.RELAY_INTERVAL_MS,
      backoffMaxMs: parsed.NOTIFY_BACKOFF_MAX_MS,
      leaseMs: parsed.OUTBOX_LEASE_MS,
      retentionDays: parsed.OUTBOX_RETENTION_DAYS,
      retentionIntervalMs: parsed.RETENTION_INTERVAL_MS,
    },
    workerHealthPort: parsed.WORKER_HEALTH_PORT,
    webhooks: {
      allowPrivate: parsed.WEBHOOK_ALLOW_PRIVATE ?? false,
      timeoutMs: parsed.WEBHOOK_TIMEOUT_MS,
      retryScheduleMs: parsed.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number),
      disableAfterMs: parsed.WEBHOOK_DISABLE_AFTER_MS,
      pollIntervalMs: parsed.WEBHOOK_POLL_INTERVAL_MS,
      leaseMs: Math.max(parsed.WEBHOOK_LEASE_MS, parsed.WEBHOOK_TIMEOUT_MS + 1000),
      retentionDays: parsed.EVENT_RETENTION_DAYS,
    },
    sqlTraceFile: parsed.SQL_TRACE_FILE,
  };
}
