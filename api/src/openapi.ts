import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessOf } from './modules/api-keys/policy';
import { routeAreas } from './plugins/api-area';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Documents a body the route parses itself (multipart), without validating it with zod. */
    openapiBody?: z.ZodType;
    /** Documents a non-JSON 200 response (a file). */
    openapiResponse?: z.ZodType;
  }
}

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

/** POSTs of a signed-in actor honour `Idempotency-Key` (plugins/idempotency.ts); sign-in and sign-up do not. */
const takesIdempotencyKey = (method: string | string[], url: string) =>
  [method].flat().includes('POST') && url.startsWith('/api/v1/') && !url.startsWith('/api/v1/auth/');
const IDEMPOTENCY_KEY_DOC = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description:
    'Makes the POST safe to retry: the first answer (2xx or 4xx) is kept for 24 hours and replayed for the same key and body ' +
    '(with `Idempotent-Replayed: true`); the same key with another body is 422 `idempotency_key_reused`, a duplicate while the ' +
    'first still runs 409 `idempotency_request_in_progress`. A UUID per logical write is a good key. Multipart uploads ignore it.',
  examples: ['5f0c2a4e-8a53-4c1e-9d0e-7f6b1f1d2c3a'],
};

/**
 * Who may call an operation (issue 10): landlord-scope routes take the console's cookie or an API
 * key with the scope the route's area and method need (any one listed suffices; a route outside
 * every area lists the cookie only); tenant-scope routes the portal cookie. Sign-in routes keep
 * no requirement of their own.
 */
export function operationSecurity(url: string, method: string, config: TransformArgs['route']['config']) {
  if (url.startsWith('/api/v1/portal/')) return [{ portalCookie: [] }];
  if (url.startsWith('/api/v1/auth/') || !url.startsWith('/api/v1/')) return undefined;
  const access = accessOf(method);
  const areas = routeAreas(config as Parameters<typeof routeAreas>[0]);
  return [{ staffCookie: [] }, ...areas.map((area) => ({ apiKey: [`${area}:${access}`] }))];
}

/** jsonSchemaTransform plus the two documentation-only hooks above. */
export function openapiTransform(args: TransformArgs) {
  const result = jsonSchemaTransform(args);
  const config = (args.route.config ?? {}) as { openapiBody?: z.ZodType; openapiResponse?: z.ZodType };
  const schema = { ...(result.schema as Record<string, unknown>) };
  const security = operationSecurity(args.url, [args.route.method].flat()[0] ?? 'GET', args.route.config);
  if (security) schema.security = security;
  if (config.openapiBody) schema.body = z.toJSONSchema(config.openapiBody, { target: 'draft-2020-12' });
  if (config.openapiResponse) {
    schema.response = { 200: { description: 'OK', ...z.toJSONSchema(config.openapiResponse, { target: 'draft-2020-12' }) } };
  }
  if (takesIdempotencyKey(args.route.method, args.url)) {
    const headers = (schema.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
    schema.headers = { ...headers, properties: { ...headers.properties, 'idempotency-key': IDEMPOTENCY_KEY_DOC } };
  }
  return { ...result, schema };
}

export const openapiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Portico API',
    version: '1.0.0',
    description:
      'Tenant portal and landlord console. `/api/v1/portal/*` is the tenant scope, the rest of `/api/v1` the landlord scope. ' +
      'Integrators authenticate with an API key (`Authorization: Bearer ptk_…`, created by an admin in the console); each ' +
      'operation lists the scope it needs. Key requests are rate limited per key (`RateLimit` / `RateLimit-Policy` headers, ' +
      '429 with `Retry-After`). Console requests use the session cookie, and their state-changing requests need the header ' +
      '`x-portico-csrf: 1` (key requests do not). Errors use one shape: `{ error: { code, message, resource?, issues? } }`.',
  },
  components: {
    securitySchemes: {
      staffCookie: { type: 'apiKey' as const, in: 'cookie' as const, name: 'portico_staff_at' },
      portalCookie: { type: 'apiKey' as const, in: 'cookie' as const, name: 'portico_portal_at' },
      apiKey: {
        type: 'http' as const,
        scheme: 'bearer',
        bearerFormat: 'ptk_…',
        description:
          'An API key made by a landlord admin in the console. Scopes are `<area>:read` or `<area>:write` per area ' +
          '(properties, customers, messages, cases, billing, content, webhooks); write includes read.',
      },
    },
  },
};
