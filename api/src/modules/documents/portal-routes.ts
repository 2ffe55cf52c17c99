import { DocumentParamsSchema, PortalDocumentListQuerySchema, PortalDocumentPageSchema } from '@portico/shared/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDocumentFile } from './download';
import * as service from './service';

const FileResponse = z.string().meta({ description: 'The document file (its sniffed type)', format: 'binary' });

/** Documents for tenants (issue 12 §5, seed 004): read and download only, under /api/v1/portal. */
export async function portalDocumentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['documents (portal)'];

  app.get(
    '/documents',
    { schema: { tags, querystring: PortalDocumentListQuerySchema, response: { 200: PortalDocumentPageSchema } } },
    (r) => service.listPortalDocuments(deps, r.tenant!, r.query),
  );
  app.get(
    '/documents/:documentId/file',
    { schema: { tags, params: DocumentParamsSchema }, config: { openapiResponse: FileResponse } },
    async (r, reply) => sendDocumentFile(reply, await service.openPortalDocumentFile(deps, r.tenant!, r.params.documentId)),
  );
}
