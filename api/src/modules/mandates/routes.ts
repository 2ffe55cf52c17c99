import {
  CollectionConfirmSchema,
  CollectionListSchema,
  CollectionQuerySchema,
  CollectionResultSchema,
  MandateCreateSchema,
  MandateExportParamsSchema,
  MandateExportSchema,
  MandateListQuerySchema,
  MandatePageSchema,
  MandateParamsSchema,
  MandateSchema,
  MandateTermsQuerySchema,
  MandateTermsSchema,
  PortalMandateOverviewSchema,
  PortalMandateSchema,
} from '@portico/shared/contracts/mandates';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiArea } from '../../plugins/api-area';
import * as collections from './collections';
import * as service from './service';

const FileResponse = z.string().meta({ format: 'binary', description: 'The file for the bank' });

const sendFile = (reply: FastifyReply, file: { fileName: string; kind: string; content: string }) =>
  reply
    .type(file.kind === 'autogiro' ? 'text/plain; charset=utf-8' : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);

/** Issue 11 §4: the tenant's payment agreements (main administrators, through assertMaySeeInvoices). */
export async function portalMandateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const tags = ['mandates (portal)'];

  app.get('/mandates', { schema: { tags, response: { 200: PortalMandateOverviewSchema } } }, (request) =>
    service.portalOverview(app.deps, request.tenant!, request.strongAuth === true),
  );
  app.get('/mandate-terms', { schema: { tags, querystring: MandateTermsQuerySchema, response: { 200: MandateTermsSchema } } }, (request) =>
    service.getTerms(app.deps, request.tenant!, request.strongAuth === true, request.query.kind),
  );
  app.post('/mandates', { schema: { tags, body: MandateCreateSchema, response: { 201: PortalMandateSchema } } }, async (request, reply) =>
    reply.status(201).send(await service.createMandate(app.deps, request.tenant!, request.strongAuth === true, request.body)),
  );
  app.post(
    '/mandates/:mandateId/cancel',
    { schema: { tags, params: MandateParamsSchema, response: { 200: PortalMandateSchema } } },
    (request) => service.cancelByTenant(app.deps, request.tenant!, request.strongAuth === true, request.params.mandateId),
  );
}

/** Issue 11 §4: mandates and collections for finance (admin/finance write, managers read). */
export async function staffMandateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'billing');
  const tags = ['mandates'];

  app.get('/mandates', { schema: { tags, querystring: MandateListQuerySchema, response: { 200: MandatePageSchema } } }, (request) =>
    service.listMandates(app.deps, request.staff!, request.query),
  );
  app.get(
    '/mandates/collections',
    { schema: { tags, querystring: CollectionQuerySchema, response: { 200: CollectionListSchema } } },
    (request) => collections.listCollections(app.deps, request.staff!, request.query.dueDate),
  );
  app.post(
    '/mandates/collections',
    { schema: { tags, body: CollectionConfirmSchema, response: { 200: CollectionResultSchema } } },
    (request) => collections.confirmCollections(app.deps, request.staff!, request.body),
  );
  app.post(
    '/mandates/export',
    { schema: { tags, body: MandateExportSchema, produces: ['text/plain', 'text/csv'] }, config: { openapiResponse: FileResponse } },
    async (request, reply) => sendFile(reply, await service.exportMandates(app.deps, request.staff!, request.body)),
  );
  app.get(
    '/mandates/exports/:exportId/file',
    {
      schema: { tags, params: MandateExportParamsSchema, produces: ['text/plain', 'text/csv'] },
      config: { openapiResponse: FileResponse },
    },
    async (request, reply) => sendFile(reply, await service.getExport(app.deps, request.staff!, request.params.exportId)),
  );
  app.get('/mandates/:mandateId', { schema: { tags, params: MandateParamsSchema, response: { 200: MandateSchema } } }, (request) =>
    service.getMandate(app.deps, request.staff!, request.params.mandateId),
  );
  for (const action of ['activate', 'reject', 'cancel'] as const)
    app.post(
      `/mandates/:mandateId/${action}`,
      { schema: { tags, params: MandateParamsSchema, response: { 200: MandateSchema } } },
      (request) => service.changeStatus(app.deps, request.staff!, request.params.mandateId, action),
    );
}
