import {
  CaseAssignBodySchema,
  CaseDetailSchema,
  CaseEventSchema,
  CaseListQuerySchema,
  CaseLocationSchema,
  CasePageSchema,
  CaseParamsSchema,
  CaseReplyBodySchema,
  CaseRoutingSchema,
  CaseStatusBodySchema,
  EquipmentObjectBodySchema,
  EquipmentObjectListSchema,
  EquipmentObjectSchema,
  NewCaseBodySchema,
  ObjectParamsSchema,
  PropertyOptionListSchema,
  RelatedCaseBodySchema,
  StaffNewCaseBodySchema,
  StaffOptionListSchema,
  StatsQuerySchema,
  StatsSchema,
  WorkOrderBodySchema,
  WorkOrderParamsSchema,
  WorkOrderSchema,
  WorkOrderSignBodySchema,
} from '@portico/shared/contracts/cases';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiArea } from '../../plugins/api-area';
import * as objects from './objects';
import * as related from './related';
import * as routing from './routing';
import * as service from './service';
import * as stats from './stats';
import * as workOrders from './work-orders';

/** Service cases for tenants (seeds 001–003), under /api/v1/portal. */
export async function portalCaseRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['cases (portal)'];

  app.get('/cases', { schema: { tags, querystring: CaseListQuerySchema, response: { 200: CasePageSchema } } }, (r) =>
    service.listCases(deps, r.tenant!, r.query),
  );
  app.get('/cases/stats', { schema: { tags, querystring: StatsQuerySchema, response: { 200: StatsSchema } } }, (r) =>
    stats.stats(deps, r.tenant!, r.query),
  );
  app.get(
    '/cases/prefill',
    { schema: { tags, querystring: z.object({ leaseId: z.uuid().optional() }), response: { 200: CaseLocationSchema } } },
    (r) => service.prefill(deps, r.tenant!, r.query.leaseId),
  );
  app.post('/cases', { schema: { tags, body: NewCaseBodySchema, response: { 201: CaseDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await service.createCase(deps, r.tenant!, r.body)),
  );
  app.get('/cases/:caseId', { schema: { tags, params: CaseParamsSchema, response: { 200: CaseDetailSchema } } }, (r) =>
    service.getCase(deps, r.tenant!, r.params.caseId),
  );
  app.post(
    '/cases/:caseId/replies',
    { schema: { tags, params: CaseParamsSchema, body: CaseReplyBodySchema, response: { 201: CaseEventSchema } } },
    async (r, reply) => reply.status(201).send(await service.reply(deps, r.tenant!, r.params.caseId, r.body)),
  );
  app.post('/cases/:caseId/follow', { schema: { tags, params: CaseParamsSchema, response: { 200: CaseDetailSchema } } }, (r) =>
    service.follow(deps, r.tenant!, r.params.caseId, true),
  );
  app.delete('/cases/:caseId/follow', { schema: { tags, params: CaseParamsSchema, response: { 200: CaseDetailSchema } } }, (r) =>
    service.follow(deps, r.tenant!, r.params.caseId, false),
  );
  app.get('/objects', { schema: { tags, response: { 200: EquipmentObjectListSchema } } }, async (r) => ({
    items: await objects.listObjects(deps, r.tenant!),
  }));
}

/** The console's case queue and register, under /api/v1. */
export async function staffCaseRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'cases');
  const { deps } = app;
  const tags = ['cases (console)'];

  app.get('/cases', { schema: { tags, querystring: CaseListQuerySchema, response: { 200: CasePageSchema } } }, (r) =>
    service.listCases(deps, r.staff!, r.query),
  );
  app.get('/cases/stats', { schema: { tags, querystring: StatsQuerySchema, response: { 200: StatsSchema } } }, (r) =>
    stats.stats(deps, r.staff!, r.query),
  );
  app.post('/cases', { schema: { tags, body: StaffNewCaseBodySchema, response: { 201: CaseDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await service.createCase(deps, r.staff!, r.body)),
  );
  app.post('/cases/related', { schema: { tags, body: RelatedCaseBodySchema, response: { 201: CaseDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await related.createRelatedCase(deps, r.staff!, r.body)),
  );
  app.get('/cases/:caseId', { schema: { tags, params: CaseParamsSchema, response: { 200: CaseDetailSchema } } }, (r) =>
    service.getCase(deps, r.staff!, r.params.caseId),
  );
  app.post(
    '/cases/:caseId/replies',
    { schema: { tags, params: CaseParamsSchema, body: CaseReplyBodySchema, response: { 201: CaseEventSchema } } },
    async (r, reply) => reply.status(201).send(await service.reply(deps, r.staff!, r.params.caseId, r.body)),
  );
  app.post(
    '/cases/:caseId/status',
    { schema: { tags, params: CaseParamsSchema, body: CaseStatusBodySchema, response: { 200: CaseDetailSchema } } },
    (r) => service.changeStatus(deps, r.staff!, r.params.caseId, r.body.status, r.body.comment),
  );
  app.post(
    '/cases/:caseId/assign',
    { schema: { tags, params: CaseParamsSchema, body: CaseAssignBodySchema, response: { 200: CaseDetailSchema } } },
    (r) => service.assign(deps, r.staff!, r.params.caseId, r.body.assigneeId),
  );
  app.post(
    '/cases/:caseId/work-orders',
    { schema: { tags, params: CaseParamsSchema, body: WorkOrderBodySchema, response: { 201: WorkOrderSchema } } },
    async (r, reply) => reply.status(201).send(await workOrders.addWorkOrder(deps, r.staff!, r.params.caseId, r.body)),
  );
  app.post(
    '/cases/:caseId/work-orders/:workOrderId/signature',
    { schema: { tags, params: WorkOrderParamsSchema, body: WorkOrderSignBodySchema, response: { 200: WorkOrderSchema } } },
    (r) => workOrders.signWorkOrder(deps, r.staff!, r.params.caseId, r.params.workOrderId, r.body),
  );
  app.get('/objects', { schema: { tags, response: { 200: EquipmentObjectListSchema } } }, async (r) => ({
    items: await objects.listObjects(deps, r.staff!),
  }));
  app.post('/objects', { schema: { tags, body: EquipmentObjectBodySchema, response: { 201: EquipmentObjectSchema } } }, async (r, reply) =>
    reply.status(201).send(await objects.createObject(deps, r.staff!, r.body)),
  );
  app.patch(
    '/objects/:objectId',
    { schema: { tags, params: ObjectParamsSchema, body: EquipmentObjectBodySchema.partial(), response: { 200: EquipmentObjectSchema } } },
    (r) => objects.updateObject(deps, r.staff!, r.params.objectId, r.body),
  );
  app.get('/settings/case-routing', { schema: { tags, response: { 200: CaseRoutingSchema } } }, (r) => routing.getRouting(deps, r.staff!));
  app.put('/settings/case-routing', { schema: { tags, body: CaseRoutingSchema, response: { 200: CaseRoutingSchema } } }, (r) =>
    routing.setRouting(deps, r.staff!, r.body),
  );
  app.get('/staff', { schema: { tags, response: { 200: StaffOptionListSchema } } }, async (r) => ({
    items: await routing.listStaff(deps, r.staff!),
  }));
  app.get('/property-options', { schema: { tags, response: { 200: PropertyOptionListSchema } } }, async (r) => ({
    items: await routing.listProperties(deps, r.staff!),
  }));
}
