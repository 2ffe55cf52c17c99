import { Readable } from 'node:stream';
import {
  MAX_BGMAX_BYTES,
  PayableInvoiceListSchema,
  PayableInvoiceQuerySchema,
  PaymentAllocateSchema,
  PaymentAssignSchema,
  PaymentCreateSchema,
  PaymentDetailSchema,
  PaymentExportQuerySchema,
  PaymentImportListQuerySchema,
  PaymentImportPageSchema,
  PaymentImportParamsSchema,
  PaymentImportSummarySchema,
  PaymentListQuerySchema,
  PaymentPageSchema,
  PaymentParamsSchema,
  PortalPaymentListQuerySchema,
  PortalPaymentPageSchema,
  UnmatchedListQuerySchema,
} from '@portico/shared/contracts/payments';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, tooLarge } from '../../errors';
import { apiArea } from '../../plugins/api-area';
import * as imports from './import';
import * as service from './service';

const UploadBody = z.object({ file: z.string().meta({ format: 'binary' }) }).meta({
  description:
    'The BgMax file as multipart/form-data with one part `file` (the console), or as the raw request body with ' +
    '`Content-Type: text/plain` or `application/octet-stream` (integrators). Latin-1 or UTF-8, CRLF or LF.',
});
const RAW_TYPES = ['text/plain', 'application/octet-stream'];

/** The file's bytes, from a multipart part `file` or the raw body; never decoded as text here. */
async function uploadedBytes(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: MAX_BGMAX_BYTES, files: 1 } });
    if (part?.fieldname !== 'file') throw badRequest('upload_missing');
    try {
      return await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw tooLarge('upload_too_large', { maxMb: MAX_BGMAX_BYTES / 1024 / 1024 });
      throw err;
    }
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw badRequest('upload_missing');
  return request.body;
}

/** Staff payments (issue 11 §3): BgMax imports, the unmatched queue, manual registration, lists, export. */
export async function paymentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'billing');
  const tags = ['payments'];

  // A BgMax file is Latin-1: the raw body stays bytes (the default text/plain parser would read UTF-8).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: MAX_BGMAX_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/payments/imports',
    {
      schema: {
        tags,
        description:
          'Imports a BgMax file (Bankgiro Inbetalningar) in one transaction: refuses a file imported before (409) and ' +
          'a damaged or foreign one (422, with the line), books each payment and matches OCR references to notices.',
        consumes: ['multipart/form-data', ...RAW_TYPES],
        response: { 201: PaymentImportSummarySchema },
      },
      config: { openapiBody: UploadBody },
    },
    async (request, reply) => {
      // Roles first: a manager's or technician's upload is not read at all.
      service.assertMayImport(request.staff!);
      return reply.status(201).send(await imports.importBgmax(app.deps, request.staff!, await uploadedBytes(request)));
    },
  );

  app.get(
    '/payments/imports',
    { schema: { tags, querystring: PaymentImportListQuerySchema, response: { 200: PaymentImportPageSchema } } },
    (request) => imports.listImports(app.deps, request.staff!, request.query),
  );

  app.get(
    '/payments/imports/:paymentImportId',
    { schema: { tags, params: PaymentImportParamsSchema, response: { 200: PaymentImportSummarySchema } } },
    (request) => imports.getImport(app.deps, request.staff!, request.params.paymentImportId),
  );

  app.get('/payments', { schema: { tags, querystring: PaymentListQuerySchema, response: { 200: PaymentPageSchema } } }, (request) =>
    service.listPayments(app.deps, request.staff!, request.query),
  );

  app.get(
    '/payments/unmatched',
    {
      schema: {
        tags,
        description: 'The unmatched queue: payments without a customer, oldest payment day first.',
        querystring: UnmatchedListQuerySchema,
        response: { 200: PaymentPageSchema },
      },
    },
    (request) => service.listUnmatched(app.deps, request.staff!, request.query),
  );

  app.get(
    '/payments/export.csv',
    {
      schema: {
        tags,
        description: `CSV (\`;\`, UTF-8 with BOM, CRLF), newest first, the list's filters. Columns: ${service.EXPORT_COLUMNS.join(', ')}.`,
        querystring: PaymentExportQuerySchema,
        produces: ['text/csv'],
      },
      config: { openapiResponse: z.string().meta({ format: 'binary', description: 'The CSV file' }) },
    },
    async (request, reply) => {
      const rows = await service.exportPayments(app.deps, request.staff!, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="payments.csv"`)
        .header('x-content-type-options', 'nosniff')
        .send(Readable.from(rows));
    },
  );

  app.get(
    '/payments/payable-invoices',
    {
      schema: {
        tags,
        description: 'Notices to put a payment on, found by OCR/FI reference or number (at most 10).',
        querystring: PayableInvoiceQuerySchema,
        response: { 200: PayableInvoiceListSchema },
      },
    },
    (request) => service.findPayableInvoices(app.deps, request.staff!, request.query.q),
  );

  app.get('/payments/:paymentId', { schema: { tags, params: PaymentParamsSchema, response: { 200: PaymentDetailSchema } } }, (request) =>
    service.getPayment(app.deps, request.staff!, request.params.paymentId),
  );

  app.post('/payments', { schema: { tags, body: PaymentCreateSchema, response: { 201: PaymentDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await service.registerPayment(app.deps, request.staff!, request.body)),
  );

  app.post(
    '/payments/:paymentId/assign',
    { schema: { tags, params: PaymentParamsSchema, body: PaymentAssignSchema, response: { 200: PaymentDetailSchema } } },
    (request) => service.assignPayment(app.deps, request.staff!, request.params.paymentId, request.body),
  );

  app.post(
    '/payments/:paymentId/allocate',
    { schema: { tags, params: PaymentParamsSchema, body: PaymentAllocateSchema, response: { 200: PaymentDetailSchema } } },
    (request) => service.allocateCredit(app.deps, request.staff!, request.params.paymentId, request.body.invoiceId),
  );
}

/** The tenant's payments (main administrators; strong auth where the landlord demands it). */
export async function portalPaymentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  app.get(
    '/payments',
    { schema: { tags: ['payments (portal)'], querystring: PortalPaymentListQuerySchema, response: { 200: PortalPaymentPageSchema } } },
    (request) => service.listPortalPayments(app.deps, request.tenant!, request.strongAuth === true, request.query),
  );
}
