import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Deps } from './deps';
import { accountRoutes } from './modules/account/routes';
import { authRoutes } from './modules/auth/routes';
import { portalCaseRoutes, staffCaseRoutes } from './modules/cases/routes';
import { customerRoutes } from './modules/customers/routes';
import { eidRoutes } from './modules/eid/routes';
import { portalFilesRoutes, staffFilesRoutes } from './modules/files/routes';
import { portalInvoiceRoutes } from './modules/invoices/routes';
import { portalMessagingRoutes, staffMessagingRoutes } from './modules/messaging/routes';
import { portalOrganisationRoutes, staffOrganisationRoutes } from './modules/organisation/routes';
import { settingsRoutes } from './modules/settings/routes';
import { signupRoutes } from './modules/signup/routes';
import { openapiInfo, openapiTransform, registerOpenapiRoute } from './openapi';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { infraPlugin } from './plugins/infra';

export type AppDeps = Deps & { redis: Redis };

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: { method: string; url: string }[];
  }
}

/** Builds the whole API without listening, so tests can `inject` into it. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
  });
  // Every API route, so a test can prove the OpenAPI document leaves none out.
  const apiRoutes: { method: string; url: string }[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/') || route.url === '/api/v1/openapi.json') return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const { redis, ...core } = deps;
  await app.register(infraPlugin, core);
  await app.register(errorsPlugin);
  // JSON only; attachments set their own CSP. The docs UI needs inline scripts, so no global CSP.
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-origin' } });
  await app.register(rateLimit, { global: false, redis, nameSpace: `${deps.config.redisPrefix}:rl:` });
  await app.register(multipart);
  await app.register(swagger, { openapi: openapiInfo, transform: openapiTransform });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);

  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(signupRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(accountRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(eidRoutes, { prefix: '/api/v1/auth/portal' });
  await app.register(staffMessagingRoutes, { prefix: '/api/v1' });
  await app.register(staffFilesRoutes, { prefix: '/api/v1' });
  await app.register(customerRoutes, { prefix: '/api/v1' });
  await app.register(staffCaseRoutes, { prefix: '/api/v1' });
  await app.register(settingsRoutes, { prefix: '/api/v1' });
  await app.register(staffOrganisationRoutes, { prefix: '/api/v1' });
  await app.register(portalMessagingRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalFilesRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalOrganisationRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalInvoiceRoutes, { prefix: '/api/v1/portal' });
  await app.register(portalCaseRoutes, { prefix: '/api/v1/portal' });
  await app.register(registerOpenapiRoute);
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));

  return app;
}
