import { BulkRequestSchema, BulkResultSchema, bulkRequestOf, ExternalIdParamsSchema } from '@portico/shared/contracts/bulk';
import {
  LeaseCreateSchema,
  LeaseDetailSchema,
  LeaseListQuerySchema,
  LeasePageSchema,
  LeaseParamsSchema,
  LeasePatchSchema,
  LeasePutSchema,
  LeaseTerminateSchema,
  LeaseUpsertSchema,
  UnitOptionListSchema,
  UnitOptionQuerySchema,
} from '@portico/shared/contracts/leases';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BULK_BODY_LIMIT, bulkContext, sendUpserted } from '../../bulk';
import { apiArea } from '../../plugins/api-area';
import * as byExternalId from './by-external-id';
import * as lifecycle from './lifecycle';
import * as service from './service';

/** Leases in the console and for integrators (issue 9): list, read, create, edit, terminate, end, archive. */
export async function leaseRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'properties');
  const tags = ['leases'];
  const params = LeaseParamsSchema;
  const one = { 200: LeaseDetailSchema };

  app.get('/leases', { schema: { tags, querystring: LeaseListQuerySchema, response: { 200: LeasePageSchema } } }, (request) =>
    service.listLeases(app.deps, request.staff!, request.query),
  );

  app.get(
    '/leases/unit-options',
    { schema: { tags, querystring: UnitOptionQuerySchema, response: { 200: UnitOptionListSchema } } },
    (request) => service.listUnitOptions(app.deps, request.staff!, request.query),
  );

  app.post('/leases', { schema: { tags, body: LeaseCreateSchema, response: { 201: LeaseDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await service.createLease(app.deps, request.staff!, request.body)),
  );

  app.get('/leases/:leaseId', { schema: { tags, params, response: one } }, (request) =>
    service.getLease(app.deps, request.staff!, request.params.leaseId),
  );

  app.patch('/leases/:leaseId', { schema: { tags, params, body: LeasePatchSchema, response: one } }, (request) =>
    service.updateLease(app.deps, request.staff!, request.params.leaseId, request.body),
  );

  app.post('/leases/:leaseId/terminate', { schema: { tags, params, body: LeaseTerminateSchema, response: one } }, (request) =>
    lifecycle.terminateLease(app.deps, request.staff!, request.params.leaseId, request.body),
  );

  app.post('/leases/:leaseId/end', { schema: { tags, params, response: one } }, (request) =>
    lifecycle.endLease(app.deps, request.staff!, request.params.leaseId),
  );

  app.post('/leases/:leaseId/archive', { schema: { tags, params, response: one } }, (request) =>
    lifecycle.archiveLease(app.deps, request.staff!, request.params.leaseId),
  );

  app.post('/leases/:leaseId/restore', { schema: { tags, params, response: one } }, (request) =>
    lifecycle.restoreLease(app.deps, request.staff!, request.params.leaseId),
  );

  // Integrators (issue 10): upsert by external id, one at a time or up to 1,000 per call.
  app.put(
    '/leases/by-external-id/:externalId',
    {
      config: { apiArea: 'properties' },
      schema: { tags, params: ExternalIdParamsSchema, body: LeasePutSchema, response: { 200: LeaseDetailSchema, 201: LeaseDetailSchema } },
    },
    (request, reply) =>
      sendUpserted(reply, byExternalId.putLeaseByExternalId(app.deps, request.staff!, request.params.externalId, request.body)),
  );

  app.post(
    '/leases/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      config: { apiArea: 'properties', openapiBody: bulkRequestOf(LeaseUpsertSchema) },
      schema: { tags, body: BulkRequestSchema, response: { 200: BulkResultSchema } },
    },
    (request) => byExternalId.bulkUpsertLeases(app.deps, request.staff!, request.body.items, bulkContext(request)),
  );
}
