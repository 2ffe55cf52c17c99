import { InvoiceDetailSchema } from '@portico/shared/contracts/billing-core';
import { InvoiceListQuerySchema, InvoicePageSchema } from '@portico/shared/contracts/invoices';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NoticeParamsSchema, PdfResponse, SvgResponse, sendPdf, sendSvg } from '../notice-documents/routes';
import * as documents from '../notice-documents/service';
import * as service from './service';

export async function portalInvoiceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const tags = ['invoices (portal)'];
  app.get('/invoices', { schema: { tags, querystring: InvoiceListQuerySchema, response: { 200: InvoicePageSchema } } }, (request) =>
    service.listInvoices(app.deps, request.tenant!, request.strongAuth === true, request.query),
  );
  app.get('/invoices/:invoiceId', { schema: { tags, params: NoticeParamsSchema, response: { 200: InvoiceDetailSchema } } }, (request) =>
    documents.portalNoticeDetail(app.deps, request.tenant!, request.strongAuth === true, request.params.invoiceId),
  );
  app.get(
    '/invoices/:invoiceId/pdf',
    { schema: { tags, params: NoticeParamsSchema, produces: ['application/pdf'] }, config: { openapiResponse: PdfResponse } },
    async (request, reply) =>
      sendPdf(reply, await documents.portalNoticePdf(app.deps, request.tenant!, request.strongAuth === true, request.params.invoiceId)),
  );
  app.get(
    '/invoices/:invoiceId/qr.svg',
    { schema: { tags, params: NoticeParamsSchema, produces: ['image/svg+xml'] }, config: { openapiResponse: SvgResponse } },
    async (request, reply) =>
      sendSvg(reply, await documents.portalNoticeQr(app.deps, request.tenant!, request.strongAuth === true, request.params.invoiceId)),
  );
}
