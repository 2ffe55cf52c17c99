import {
  LeaseParamsSchema,
  PortalLeaseCopyRequestedSchema,
  PortalLeaseDetailSchema,
  PortalLeaseListQuerySchema,
  PortalLeasePageSchema,
} from '@portico/shared/contracts/leases';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './portal-service';

const PdfResponse = z.string().meta({ description: 'The signed lease (PDF)', format: 'binary' });

/** Leases for tenants (issue 11, seeds 001 and 002), under /api/v1/portal. */
export async function portalLeaseRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['leases (portal)'];
  const params = LeaseParamsSchema;

  app.get('/leases', { schema: { tags, querystring: PortalLeaseListQuerySchema, response: { 200: PortalLeasePageSchema } } }, (r) =>
    service.listPortalLeases(deps, r.tenant!, r.query),
  );
  app.get('/leases/:leaseId', { schema: { tags, params, response: { 200: PortalLeaseDetailSchema } } }, (r) =>
    service.getPortalLease(deps, r.tenant!, r.strongAuth === true, r.params.leaseId),
  );
  app.get(
    '/leases/:leaseId/signed-pdf',
    { schema: { tags, params, produces: ['application/pdf'] }, config: { openapiResponse: PdfResponse } },
    async (r, reply) => {
      const { pdf, stream } = await service.openSignedPdf(deps, r.tenant!, r.strongAuth === true, r.params.leaseId);
      // As the files routes serve a download: the stored (sniffed) type, never rendered in our origin.
      return reply
        .type(pdf.contentType)
        .header('content-length', pdf.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.post(
    '/leases/:leaseId/request-copy',
    { schema: { tags, params, response: { 201: PortalLeaseCopyRequestedSchema } } },
    async (r, reply) =>
      reply.status(201).send(await service.requestCopy(deps, r.tenant!, r.params.leaseId, r.locale ?? deps.config.defaultLocale)),
  );
}
