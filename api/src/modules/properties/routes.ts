import { BulkRequestSchema, BulkResultSchema, bulkRequestOf, ExternalIdParamsSchema } from '@portico/shared/contracts/bulk';
import { PropertyTeamPutSchema, PropertyTeamSchema } from '@portico/shared/contracts/documents';
import {
  PropertyCreateSchema,
  PropertyDetailSchema,
  PropertyImageBodySchema,
  PropertyImageParamsSchema,
  PropertyListQuerySchema,
  PropertyPageSchema,
  PropertyParamsSchema,
  PropertyPatchSchema,
  PropertyPutSchema,
  PropertyUpsertSchema,
  UnitCreateSchema,
  UnitListQuerySchema,
  UnitPageSchema,
  UnitParamsSchema,
  UnitPatchSchema,
  UnitPutSchema,
  UnitSchema,
  UnitUpsertSchema,
} from '@portico/shared/contracts/properties';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BULK_BODY_LIMIT, bulkContext, sendUpserted } from '../../bulk';
import { apiArea } from '../../plugins/api-area';
import * as byExternalId from './by-external-id';
import * as images from './images';
import * as portalService from './portal-service';
import * as service from './service';
import * as units from './units';

export async function propertyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'properties');
  const { deps } = app;
  const tags = ['properties'];
  const one = { params: PropertyParamsSchema, response: { 200: PropertyDetailSchema } };

  app.get('/properties', { schema: { tags, querystring: PropertyListQuerySchema, response: { 200: PropertyPageSchema } } }, (r) =>
    service.listProperties(deps, r.staff!, r.query),
  );
  app.post('/properties', { schema: { tags, body: PropertyCreateSchema, response: { 201: PropertyDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await service.createProperty(deps, r.staff!, r.body)),
  );
  app.get('/properties/:propertyId', { schema: { tags, ...one } }, (r) => service.getProperty(deps, r.staff!, r.params.propertyId));
  app.patch('/properties/:propertyId', { schema: { tags, ...one, body: PropertyPatchSchema } }, (r) =>
    service.updateProperty(deps, r.staff!, r.params.propertyId, r.body),
  );
  app.post('/properties/:propertyId/archive', { schema: { tags, ...one } }, (r) =>
    service.archiveProperty(deps, r.staff!, r.params.propertyId),
  );
  app.post('/properties/:propertyId/restore', { schema: { tags, ...one } }, (r) =>
    service.restoreProperty(deps, r.staff!, r.params.propertyId),
  );
  app.post(
    '/properties/:propertyId/images',
    { schema: { tags, params: PropertyParamsSchema, body: PropertyImageBodySchema, response: { 201: PropertyDetailSchema } } },
    async (r, reply) => reply.status(201).send(await images.addPropertyImage(deps, r.staff!, r.params.propertyId, r.body.attachmentId)),
  );
  app.delete(
    '/properties/:propertyId/images/:attachmentId',
    { schema: { tags, params: PropertyImageParamsSchema, response: { 200: PropertyDetailSchema } } },
    (r) => images.removePropertyImage(deps, r.staff!, r.params.propertyId, r.params.attachmentId),
  );
  // Issue 12 §4: the team tenants see on the property page.
  app.get('/properties/:propertyId/team', { schema: { tags, params: PropertyParamsSchema, response: { 200: PropertyTeamSchema } } }, (r) =>
    portalService.getTeam(deps, r.staff!, r.params.propertyId),
  );
  app.put(
    '/properties/:propertyId/team',
    { schema: { tags, params: PropertyParamsSchema, body: PropertyTeamPutSchema, response: { 200: PropertyTeamSchema } } },
    (r) => portalService.putTeam(deps, r.staff!, r.params.propertyId, r.body),
  );

  const unit = { params: UnitParamsSchema, response: { 200: UnitSchema } };
  app.get('/units', { schema: { tags, querystring: UnitListQuerySchema, response: { 200: UnitPageSchema } } }, (r) =>
    units.listUnits(deps, r.staff!, r.query),
  );
  app.post('/units', { schema: { tags, body: UnitCreateSchema, response: { 201: UnitSchema } } }, async (r, reply) =>
    reply.status(201).send(await units.createUnit(deps, r.staff!, r.body)),
  );
  app.get('/units/:unitId', { schema: { tags, ...unit } }, (r) => units.getUnit(deps, r.staff!, r.params.unitId));
  app.patch('/units/:unitId', { schema: { tags, ...unit, body: UnitPatchSchema } }, (r) =>
    units.updateUnit(deps, r.staff!, r.params.unitId, r.body),
  );
  app.post('/units/:unitId/archive', { schema: { tags, ...unit } }, (r) => units.archiveUnit(deps, r.staff!, r.params.unitId));
  app.post('/units/:unitId/restore', { schema: { tags, ...unit } }, (r) => units.restoreUnit(deps, r.staff!, r.params.unitId));

  // Integrators (issue 10): upsert by external id, one at a time or up to 1,000 per call.
  const integrator = { apiArea: 'properties' as const };
  app.put(
    '/properties/by-external-id/:externalId',
    {
      config: integrator,
      schema: {
        tags,
        params: ExternalIdParamsSchema,
        body: PropertyPutSchema,
        response: { 200: PropertyDetailSchema, 201: PropertyDetailSchema },
      },
    },
    (r, reply) => sendUpserted(reply, byExternalId.putPropertyByExternalId(deps, r.staff!, r.params.externalId, r.body)),
  );
  app.post(
    '/properties/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      config: { ...integrator, openapiBody: bulkRequestOf(PropertyUpsertSchema) },
      schema: { tags, body: BulkRequestSchema, response: { 200: BulkResultSchema } },
    },
    (r) => byExternalId.bulkUpsertProperties(deps, r.staff!, r.body.items, bulkContext(r)),
  );
  app.put(
    '/units/by-external-id/:externalId',
    {
      config: integrator,
      schema: { tags, params: ExternalIdParamsSchema, body: UnitPutSchema, response: { 200: UnitSchema, 201: UnitSchema } },
    },
    (r, reply) => sendUpserted(reply, byExternalId.putUnitByExternalId(deps, r.staff!, r.params.externalId, r.body)),
  );
  app.post(
    '/units/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      config: { ...integrator, openapiBody: bulkRequestOf(UnitUpsertSchema) },
      schema: { tags, body: BulkRequestSchema, response: { 200: BulkResultSchema } },
    },
    (r) => byExternalId.bulkUpsertUnits(deps, r.staff!, r.body.items, bulkContext(r)),
  );
}
