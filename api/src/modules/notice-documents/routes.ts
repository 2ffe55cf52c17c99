import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

export const NoticeParamsSchema = z.object({ invoiceId: z.uuid() });
export const PdfResponse = z.string().meta({ description: 'The notice as a PDF', format: 'binary' });
export const SvgResponse = z
  .string()
  .meta({ description: 'The payment QR code (UsingQR for SEK, EPC for EUR, the FI line for DKK) as SVG' });

export function sendPdf(reply: FastifyReply, pdf: { number: string; stream: NodeJS.ReadableStream }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${pdf.number.replace(/[^\w.-]/g, '_')}.pdf"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(pdf.stream);
}

export function sendSvg(reply: FastifyReply, svg: string) {
  return reply
    .type('image/svg+xml')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(svg);
}

/** Staff: a notice's PDF and QR code (billing readers: admin, finance, manager). */
export async function staffNoticeDocumentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'billing');
  const tags = ['invoices'];
  app.get(
    '/invoices/:invoiceId/pdf',
    { schema: { tags, params: NoticeParamsSchema, produces: ['application/pdf'] }, config: { openapiResponse: PdfResponse } },
    async (request, reply) => sendPdf(reply, await service.staffNoticePdf(app.deps, request.staff!, request.params.invoiceId)),
  );
  app.get(
    '/invoices/:invoiceId/qr.svg',
    { schema: { tags, params: NoticeParamsSchema, produces: ['image/svg+xml'] }, config: { openapiResponse: SvgResponse } },
    async (request, reply) => sendSvg(reply, await service.staffNoticeQr(app.deps, request.staff!, request.params.invoiceId)),
  );
}
