import {
  PortalPropertyDetailSchema,
  PortalPropertyImageParamsSchema,
  PortalPropertyListSchema,
  PortalPropertyParamsSchema,
} from '@portico/shared/contracts/documents';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './portal-service';

const ImageResponse = z.string().meta({ description: 'The image (its sniffed type)', format: 'binary' });

/** The property page for tenants (issue 12 §4), under /api/v1/portal. */
export async function portalPropertyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['properties (portal)'];

  app.get('/properties', { schema: { tags, response: { 200: PortalPropertyListSchema } } }, (r) =>
    service.listPortalProperties(deps, r.tenant!),
  );
  app.get(
    '/properties/:propertyId',
    { schema: { tags, params: PortalPropertyParamsSchema, response: { 200: PortalPropertyDetailSchema } } },
    (r) => service.getPortalProperty(deps, r.tenant!, r.params.propertyId),
  );
  app.get(
    '/properties/:propertyId/images/:attachmentId',
    { schema: { tags, params: PortalPropertyImageParamsSchema }, config: { openapiResponse: ImageResponse } },
    async (r, reply) => {
      const { image, stream } = await service.openPortalPropertyImage(deps, r.tenant!, r.params.propertyId, r.params.attachmentId);
      // Images only (claimPropertyImage allows nothing else), shown inline on the page; never scriptable.
      return reply
        .type(image.contentType)
        .header('content-length', image.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .send(stream);
    },
  );
}
