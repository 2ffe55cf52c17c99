import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { openapiInfo, openapiTransform } from '../openapi';
import { openapiWebhooks } from '../openapi-webhooks';
import { DOCS_CSP } from './security-headers';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks the routes of this plugin, which are not copied into the documentation app. */
    docsProxy?: boolean;
  }
}

/** Response headers the documentation app's answer does not pass on (they belong to its own connection). */
const HOP_HEADERS = new Set(['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding']);

/**
 * The OpenAPI document (`/api/v1/openapi.json`) and the docs UI (`/api/docs`), built on first
 * request instead of at start-up (issue 8: @fastify/swagger, swagger-ui and their YAML and
 * static-file packages were a tenth of the API's start-up).
 *
 * At start-up this plugin only records every route as it is added (what @fastify/swagger's own
 * `onRoute` hook does). The first docs request loads @fastify/swagger and @fastify/swagger-ui into a
 * separate Fastify instance that never listens, adds the recorded routes to it (same method, URL,
 * schema and config; a handler that is never called), and from then on `/api/v1/openapi.json`
 * is its `swagger()` and `/api/docs/*` is answered by injecting the request into it. The document
 * is the one @fastify/swagger built from the live app before.
 */
export const docsPlugin = fp(
  async (app: FastifyInstance, opts: { specUrl: string; uiPrefix: string }) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      // @fastify/swagger leaves out HEAD routes (we do not ask it to expose them); the docs app
      // makes its own HEAD routes from the GET routes anyway.
      if (route.config?.docsProxy || route.method === 'HEAD') return;
      routes.push(route);
    });

    let docs: Promise<FastifyInstance> | undefined;
    const docsApp = () => {
      docs ??= buildDocsApp(routes, opts.uiPrefix).catch((err: unknown) => {
        docs = undefined;
        throw err;
      });
      return docs;
    };

    const config = { docsProxy: true };
    app.get(opts.specUrl, { schema: { hide: true }, config }, async () => (await docsApp()).swagger());

    const forward = async (request: FastifyRequest, reply: FastifyReply) => {
      const res = await (await docsApp()).inject({
        method: request.method as 'GET' | 'HEAD',
        url: request.url,
        headers: request.headers,
      });
      reply.status(res.statusCode);
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined && !HOP_HEADERS.has(name)) reply.header(name, value);
      }
      return reply.send(res.rawPayload);
    };
    app.get(opts.uiPrefix, { schema: { hide: true }, config }, forward);
    app.get(`${opts.uiPrefix}/*`, { schema: { hide: true }, config }, forward);
  },
  { name: 'docs' },
);

async function buildDocsApp(routes: RouteOptions[], uiPrefix: string): Promise<FastifyInstance> {
  const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('fastify'),
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const docs = Fastify({ logger: false });
  // The schemas are zod; this app only documents them, it never validates or serialises a request.
  docs.setValidatorCompiler(() => () => ({ value: undefined }));
  docs.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Issue 10: the events sent to webhook endpoints, in OpenAPI 3.1's `webhooks` section.
  await docs.register(swagger, { openapi: { ...openapiInfo, webhooks: openapiWebhooks() }, transform: openapiTransform });
  await docs.register(swaggerUi, { routePrefix: uiPrefix, staticCSP: DOCS_CSP });
  const notServed = async () => {
    throw new Error('the documentation app does not serve API routes');
  };
  for (const route of routes) {
    docs.route({
      method: route.method,
      url: route.url,
      ...(route.schema ? { schema: route.schema } : {}),
      ...(route.config ? { config: route.config } : {}),
      ...(route.constraints ? { constraints: route.constraints } : {}),
      handler: notServed,
    });
  }
  await docs.ready();
  return docs;
}
