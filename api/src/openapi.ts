import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Documents a body the route parses itself (multipart), without validating it with zod. */
    openapiBody?: z.ZodType;
    /** Documents a non-JSON 200 response (a file). */
    openapiResponse?: z.ZodType;
  }
}

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

/** jsonSchemaTransform plus the two documentation-only hooks above. */
export function openapiTransform(args: TransformArgs) {
  const result = jsonSchemaTransform(args);
  const config = (args.route.config ?? {}) as { openapiBody?: z.ZodType; openapiResponse?: z.ZodType };
  const schema = { ...(result.schema as Record<string, unknown>) };
  if (config.openapiBody) schema.body = z.toJSONSchema(config.openapiBody, { target: 'draft-2020-12' });
  if (config.openapiResponse) {
    schema.response = { 200: { description: 'OK', ...z.toJSONSchema(config.openapiResponse, { target: 'draft-2020-12' }) } };
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
      'State-changing requests need the header `x-portico-csrf: 1`. Errors use one shape: `{ error: { code, message, resource?, issues? } }`.',
  },
  components: {
    securitySchemes: {
      staffCookie: { type: 'apiKey' as const, in: 'cookie' as const, name: 'portico_staff_at' },
      portalCookie: { type: 'apiKey' as const, in: 'cookie' as const, name: 'portico_portal_at' },
    },
  },
};
