import {
  ApiKeyCreatedSchema,
  ApiKeyCreateSchema,
  ApiKeyListQuerySchema,
  ApiKeyPageSchema,
  ApiKeyParamsSchema,
  ApiKeySchema,
} from '@portico/shared/contracts/api-keys';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service';

/**
 * The landlord's API keys (issue 10), for admins in the console. No `apiArea`: a key can never
 * list, create or revoke keys.
 */
export async function apiKeyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  const { deps } = app;
  const tags = ['api keys'];

  app.get('/api-keys', { schema: { tags, querystring: ApiKeyListQuerySchema, response: { 200: ApiKeyPageSchema } } }, (request) =>
    service.listKeys(deps, request.staff!, request.query),
  );
  app.post('/api-keys', { schema: { tags, body: ApiKeyCreateSchema, response: { 201: ApiKeyCreatedSchema } } }, async (request, reply) =>
    reply.status(201).send(await service.createKey(deps, request.staff!, request.body)),
  );
  app.post('/api-keys/:apiKeyId/revoke', { schema: { tags, params: ApiKeyParamsSchema, response: { 200: ApiKeySchema } } }, (request) =>
    service.revokeKey(deps, request.staff!, request.params.apiKeyId),
  );
}
