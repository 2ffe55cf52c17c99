import { LocaleSchema } from '@portico/shared/locale';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

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
  EID_CLIENT_SECRET: z.string().default('portico-dev-secret'),
  /** Signs access tokens. Required in production; a fixed dev value elsewhere. */
  JWT_SECRET: z.string().min(32).optional(),
  TENANT_WEB_URL: z.string().default('http://localhost:5173'),
  ADMIN_WEB_URL: z.string().default('http://localhost:5174'),
  FILES_DIR: z.string().default('.data/files'),
  COOKIE_SECURE: bool,
  DEFAULT_LOCALE: LocaleSchema.default('en'),
  /** Attempts per minute per client and account on login and password reset. */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Sign-ups one client address may start per hour (seed 001's flow; offices share addresses). */
  SIGNUP_CLIENT_LIMIT: z.coerce.number().int().min(1).default(20),
  /** First retry delay of a failed e-mail; doubles each attempt (2 s, 4 s, 8 s … by default). */
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).default(6),
  /** How often the outbox relay looks for new rows when nothing woke it. */
  RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
  /** Prefix of every Redis key (queues, rate limits), so two deployments or test runs can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('portico'),
});

export type Config = ReturnType<typeof loadConfig>;

/** The only reader of process.env. Tests pass their own record. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = EnvSchema.parse(env);
  if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
    throw new Error('JWT_SECRET must be set in production');
  }
  const cookieSecure = parsed.COOKIE_SECURE ?? !/^http:\/\/(localhost|127\.0\.0\.1)/.test(parsed.TENANT_WEB_URL);
  return {
    env: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX,
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
    jwtSecret: parsed.JWT_SECRET ?? 'portico-development-secret-not-for-production-use',
    tenantWebUrl: parsed.TENANT_WEB_URL.replace(/\/$/, ''),
    adminWebUrl: parsed.ADMIN_WEB_URL.replace(/\/$/, ''),
    filesDir: parsed.FILES_DIR,
    cookieSecure,
    defaultLocale: parsed.DEFAULT_LOCALE,
    authRateLimit: parsed.AUTH_RATE_LIMIT,
    signupClientLimit: parsed.SIGNUP_CLIENT_LIMIT,
    notify: {
      attempts: parsed.NOTIFY_ATTEMPTS,
      backoffMs: parsed.NOTIFY_BACKOFF_MS,
      relayIntervalMs: parsed.RELAY_INTERVAL_MS,
    },
  };
}
