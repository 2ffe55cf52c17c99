import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifySchema, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import type { Deps } from './deps';
import { createLogger, loggerFor, REQUEST_ID_HEADER, requestIdOf } from './log';
import { accountRoutes } from './modules/account/routes';
import { apiKeyRoutes } from './modules/api-keys/routes';
import { authRoutes } from './modules/auth/routes';
import { billingRoutes } from './modules/billing/routes';
import { portalCaseRoutes, staffCaseRoutes } from './modules/cases/routes';
import { customerRoutes } from './modules/customers/routes';
import { deliveryRoutes } from './modules/deliveries/routes';
import { portalDocumentRoutes } from './modules/documents/portal-routes';
import { documentRoutes } from './modules/documents/routes';
import { eidRoutes } from './modules/eid/routes';
import { eventRoutes } from './modules/events/routes';
import { portalFilesRoutes, staffFilesRoutes } from './modules/files/routes';
import { portalHelpRoutes, staffHelpRoutes } from './modules/help/routes';
import { historyRoutes } from './modules/history/routes';
import { importRoutes } from './modules/imports/routes';
import { portalInvoiceRoutes } from './modules/invoices/routes';
import { portalLeaseRoutes } from './modules/leases/portal-routes';
import { leaseRoutes } from './modules/leases/routes';
import { portalMandateRoutes, staffMandateRoutes } from './modules/mandates/routes';
import { portalMessagingRoutes, staffMessagingRoutes } from './modules/messaging/routes';
import { staffNoticeDocumentRoutes } from './modules/notice-documents/routes';
import { portalOperationalNoticeRoutes } from './modules/operational-info/portal-routes';
import { operationalNoticeRoutes } from './modules/operational-info/routes';
import { portalOrganisationRoutes, staffOrganisationRoutes } from './modules/organisation/routes';
import { paymentRoutes, portalPaymentRoutes } from './modules/payments/routes';
import { portalPostRoutes, postRoutes } from './modules/posts/routes';

import { portalPropertyRoutes } from './modules/properties/portal-routes';
import { propertyRoutes } from './modules/properties/routes';
import { portalLandlordRoutes, publicSupportRoutes, settingsRoutes } from './modules/settings/routes';
import { signupRoutes } from './modules/signup/routes';
import { staffInvitationRoutes, staffUserRoutes } from './modules/staff/routes';
import { webhookRoutes } from './modules/webhooks/routes';
import { authPlugin } from './plugins/auth';
import { docsPlugin } from './plugins/docs';
import { errorsPlugin } from './plugins/errors';
import { healthPlugin } from './plugins/health';
import { idempotencyPlugin } from './plugins/idempotency';
import { infraPlugin } from './plugins/infra';
import { metricsPlugin } from './plugins/metrics';
import { securityHeadersPlugin } from './plugins/security-headers';
import { webPlugin } from './plugins/web';
import { RequestLogController } from './request-log';
import { createSerializerCompiler } from './serializer';

export type AppDeps = Deps & { redis: Redis };

/** Fastify types these after its Ajv and fast-json-stringify compilers; ours take zod schemas. */
type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

declare module 'fastify' {
  interface FastifyInstance {
    /** `schema` is the route's contract (params, querystring, body), for the schema-driven fuzz test. */
    apiRoutes: { method: string; url: string; schema?: FastifySchema }[];
  }
}

/** Builds the whole API without listening, so tests can `inject` into it. `logStream`: where log lines go (tests read them). */
export async function buildApp(deps: AppDeps, opts: { logStream?: DestinationStream } = {}) {
  // A hop count trusts the nearest N proxies (Express semantics); Fastify itself treats a number as "trust none".
  const { trustProxy } = deps.config;
  let log: ((route: { method: string; url: string; status: string; reason: string }) => void) | undefined;
  // JSON lines through one pino logger (log.ts); LOG_LEVEL=silent keeps Fastify's null logger.
  const logger = opts.logStream
    ? createLogger(deps.config, opts.logStream)
    : deps.config.logLevel === 'silent'
      ? undefined
      : loggerFor(deps.config);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger | undefined,
    logger: logger ? undefined : false,
    // One line per request, when it is answered (request-log.ts).
    logController: new RequestLogController(),
    // Our genReqId judges the incoming x-request-id (Fastify would take any value as is).
    requestIdHeader: false,
    genReqId: (req) => requestIdOf(req.headers[REQUEST_ID_HEADER]),
    bodyLimit: 1024 * 1024,
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // On close, drop idle keep-alive sockets at once; busy ones finish their request first.
    forceCloseConnections: 'idle',
    // zod validates requests; replies go through fast-json-stringify compiled from the same zod
    // contracts (serializer.ts), checked against zod under NODE_ENV=test. Given as factories, so
    // Fastify does not load its default Ajv compilers at start-up.
    schemaController: {
      compilersFactory: {
        buildValidator: () => validatorCompiler,
        buildSerializer: () => createSerializerCompiler({ checkWithZod: deps.config.env === 'test', onFallback: (route) => log?.(route) }),
      } as unknown as CompilersFactory,
    },
  });
  log = (route) => app.log.warn(route, 'response schema kept on the zod serialiser');
  // First hook of all, so even a request refused by a later hook (CSRF, 404, 503) answers its id.
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // Every API route, so a test can prove the OpenAPI document leaves none out.
  const apiRoutes: { method: string; url: string; schema?: FastifySchema }[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/') || route.url === '/api/v1/openapi.json') return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, schema: route.schema });
  });

  const { redis, ...core } = deps;
  await app.register(infraPlugin, core);
  await app.register(errorsPlugin);
  // A CSP on every response (attachments and the docs UI set their own) and no-store by default.
  await app.register(securityHeadersPlugin);
  await app.register(healthPlugin, { db: deps.db, redis });
  await app.register(metricsPlugin, { db: deps.db, redis });
  // Fail closed: only sign-in, password reset and sign-up are limited, and without Redis they answer
  // 503 (the error handler) rather than run unlimited; routes without a limit never touch Redis.
  await app.register(rateLimit, { global: false, redis, nameSpace: `${deps.config.redisPrefix}:rl:`, skipOnError: false });
  await app.register(multipart);
  // Idempotency-Key on POSTs by a signed-in actor (a preHandler: after each route's auth hooks).
  await app.register(idempotencyPlugin);
  // OpenAPI at /api/v1/openapi.json and the UI at /api/docs, built on their first request.
  await app.register(docsPlugin, { specUrl: '/api/v1/openapi.json', uiPrefix: '/api/docs' });
  await app.register(authPlugin, { redis });

  await app.register(authRoutes, { prefix: '/api/v1/auth', redis });
  await app.register(signupRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(accountRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(eidRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(staffMessagingRoutes, { prefix: '/api/v1' });
  await app.register(staffFilesRoutes, { prefix: '/api/v1' });
  await app.register(customerRoutes, { prefix: '/api/v1' });
  await app.register(staffCaseRoutes, { prefix: '/api/v1' });
  await app.register(settingsRoutes, { prefix: '/api/v1' });
  await app.register(staffOrganisationRoutes, { prefix: '/api/v1' });
  await app.register(deliveryRoutes, { prefix: '/api/v1' });
  await app.register(webhookRoutes, { prefix: '/api/v1' });
  await app.register(eventRoutes, { prefix: '/api/v1' });
  await app.register(historyRoutes, { prefix: '/api/v1' });
  await app.register(propertyRoutes, { prefix: '/api/v1' });
  await app.register(documentRoutes, { prefix: '/api/v1' });
  await app.register(staffUserRoutes, { prefix: '/api/v1' });
  await app.register(staffInvitationRoutes, { prefix: '/api/v1/auth' });
  await app.register(publicSupportRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(portalLandlordRoutes, { prefix: '/api/v1/portal' });
  await app.register(leaseRoutes, { prefix: '/api/v1' });
  await app.register(operationalNoticeRoutes, { prefix: '/api/v1' });
  await app.register(portalOperationalNoticeRoutes, { prefix: '/api/v1/portal' });
  // Issue 11 (RUN): billing settings and runs, staff invoices, charges, credit notes.
  await app.register(billingRoutes, { prefix: '/api/v1' });
  await app.register(importRoutes, { prefix: '/api/v1', redis });
  await app.register(apiKeyRoutes, { prefix: '/api/v1' });
  await app.register(portalMessagingRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalFilesRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalOrganisationRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalInvoiceRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalLeaseRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalPropertyRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalDocumentRoutes, { prefix: '/api/v1/portal' });

  await app.register(portalMandateRoutes, { prefix: '/api/v1/portal' });
  await app.register(staffMandateRoutes, { prefix: '/api/v1' });

  await app.register(paymentRoutes, { prefix: '/api/v1' });
  await app.register(portalPaymentRoutes, { prefix: '/api/v1/portal' });

  await app.register(staffNoticeDocumentRoutes, { prefix: '/api/v1' });
  await app.register(portalCaseRoutes, { prefix: '/api/v1/portal' });

  // Issue 12, help centre (HELP)
  await app.register(staffHelpRoutes, { prefix: '/api/v1' });
  await app.register(portalHelpRoutes, { prefix: '/api/v1/portal' });

  // Issue 12 (POSTS): news, bulletin posts and area information.
  await app.register(postRoutes, { prefix: '/api/v1' });
  await app.register(portalPostRoutes, { prefix: '/api/v1/portal' });

  // Last: the SPAs' files and their fallback answer whatever no API route did.
  await app.register(webPlugin);

  return app;
}
