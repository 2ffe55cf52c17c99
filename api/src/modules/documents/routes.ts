import { OkSchema } from '@portico/shared/contracts/auth';
import {
  DocumentCreateSchema,
  DocumentListQuerySchema,
  DocumentPageSchema,
  DocumentParamsSchema,
  DocumentPatchSchema,
  DocumentSchema,
} from '@portico/shared/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiArea } from '../../plugins/api-area';
import { sendDocumentFile } from './download';
import * as service from './service';

const FileResponse = z.string().meta({ description: 'The document file (its sniffed type)', format: 'binary' });

/** Documents for staff and integrators (issue 12 §5), area `content`. */
export async function documentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'content');
  const { deps } = app;
  const tags = ['documents'];
  const params = DocumentParamsSchema;

  app.get('/documents', { schema: { tags, querystring: DocumentListQuerySchema, response: { 200: DocumentPageSchema } } }, (r) =>
    service.listDocuments(deps, r.staff!, r.query),
  );
  app.post('/documents', { schema: { tags, body: DocumentCreateSchema, response: { 201: DocumentSchema } } }, async (r, reply) =>
    reply.status(201).send(await service.createDocument(deps, r.staff!, r.body)),
  );
  app.get('/documents/:documentId', { schema: { tags, params, response: { 200: DocumentSchema } } }, (r) =>
    service.getDocument(deps, r.staff!, r.params.documentId),
  );
  app.patch('/documents/:documentId', { schema: { tags, params, body: DocumentPatchSchema, response: { 200: DocumentSchema } } }, (r) =>
    service.updateDocument(deps, r.staff!, r.params.documentId, r.body),
  );
  app.delete('/documents/:documentId', { schema: { tags, params, response: { 200: OkSchema } } }, async (r) => {
    await service.deleteDocument(deps, r.staff!, r.params.documentId);
    return { ok: true as const };
  });
  app.get('/documents/:documentId/file', { schema: { tags, params }, config: { openapiResponse: FileResponse } }, async (r, reply) =>
    sendDocumentFile(reply, await service.openDocumentFile(deps, r.staff!, r.params.documentId)),
  );
}
