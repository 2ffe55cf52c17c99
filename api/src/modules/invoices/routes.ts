import { InvoiceListQuerySchema, InvoicePageSchema } from '@portico/shared/contracts/invoices';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service';

export async function portalInvoiceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  app.get(
    '/invoices',
    { schema: { tags: ['invoices (portal)'], querystring: InvoiceListQuerySchema, response: { 200: InvoicePageSchema } } },
    (request) => service.listInvoices(app.deps, request.tenant!, request.strongAuth === true, request.query),
  );
}
