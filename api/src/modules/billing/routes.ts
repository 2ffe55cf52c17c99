import { Readable } from 'node:stream';
import {
  AgedDebtPageSchema,
  AgedDebtQuerySchema,
  BillingRunListQuerySchema,
  BillingRunPageSchema,
  BillingRunParamsSchema,
  BillingRunPreviewSchema,
  BillingRunRequestSchema,
  BillingRunSchema,
  BillingSettingsPatchSchema,
  BillingSettingsSchema,
  ChargeCreateSchema,
  CreditNoteCreateSchema,
  InvoiceExportQuerySchema,
  InvoicePutSchema,
  StaffInvoiceListQuerySchema,
  StaffInvoicePageSchema,
  StaffInvoiceParamsSchema,
} from '@portico/shared/contracts/billing';
import { InvoiceDetailSchema } from '@portico/shared/contracts/billing-core';
import { ExternalIdParamsSchema } from '@portico/shared/contracts/bulk';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendUpserted } from '../../bulk';
import { apiArea } from '../../plugins/api-area';
import * as invoices from './invoices';
import * as runs from './runs';
import * as service from './service';
import * as settings from './settings';

const CsvResponse = z.string().meta({ format: 'binary', description: 'CSV (see docs/billing.md for the columns)' });

/**
 * Issue 11 (RUN), staff and integrators: billing settings, billing runs, single charges, credit
 * notes, notices by external id, the invoice list, one notice, aged debt and the CSV export.
 * Finance and admins write, managers read (billing/policy.ts); API keys need the `billing` area.
 */
export async function billingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'billing');
  const tags = ['billing'];
  const one = { 200: InvoiceDetailSchema };

  app.get('/billing/settings', { schema: { tags, response: { 200: BillingSettingsSchema } } }, (request) =>
    settings.readSettings(app.deps, request.staff!),
  );
  app.patch(
    '/billing/settings',
    { schema: { tags, body: BillingSettingsPatchSchema, response: { 200: BillingSettingsSchema } } },
    (request) => settings.updateSettings(app.deps, request.staff!, request.body),
  );

  app.post(
    '/billing/runs/preview',
    { schema: { tags, body: BillingRunRequestSchema, response: { 200: BillingRunPreviewSchema } } },
    (request) => runs.previewRun(app.deps, request.staff!, request.body.period),
  );
  app.post(
    '/billing/runs',
    { schema: { tags, body: BillingRunRequestSchema, response: { 201: BillingRunSchema } } },
    async (request, reply) => reply.status(201).send(await runs.startRun(app.deps, request.staff!, request.body.period)),
  );
  app.get(
    '/billing/runs',
    { schema: { tags, querystring: BillingRunListQuerySchema, response: { 200: BillingRunPageSchema } } },
    (request) => runs.listRuns(app.deps, request.staff!, request.query),
  );
  app.get('/billing/runs/:runId', { schema: { tags, params: BillingRunParamsSchema, response: { 200: BillingRunSchema } } }, (request) =>
    runs.getRun(app.deps, request.staff!, request.params.runId),
  );

  app.get(
    '/invoices',
    { schema: { tags, querystring: StaffInvoiceListQuerySchema, response: { 200: StaffInvoicePageSchema } } },
    (request) => invoices.listInvoices(app.deps, request.staff!, request.query),
  );
  app.get('/invoices/aged-debt', { schema: { tags, querystring: AgedDebtQuerySchema, response: { 200: AgedDebtPageSchema } } }, (request) =>
    invoices.agedDebt(app.deps, request.staff!, request.query),
  );
  app.get(
    '/invoices/export.csv',
    { schema: { tags, querystring: InvoiceExportQuerySchema, produces: ['text/csv'] }, config: { openapiResponse: CsvResponse } },
    (request, reply) => {
      const locale = request.locale ?? 'en';
      const chunks = invoices.exportInvoicesCsv(app.deps, request.staff!, request.query, locale);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="invoices.csv"`)
        .send(Readable.from(chunks));
    },
  );
  app.post(
    '/invoices/charges',
    { schema: { tags, body: ChargeCreateSchema, response: { 201: InvoiceDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.createCharge(app.deps, request.staff!, request.body)),
  );
  app.put(
    '/invoices/by-external-id/:externalId',
    {
      schema: {
        tags,
        params: ExternalIdParamsSchema,
        body: InvoicePutSchema,
        response: { 200: InvoiceDetailSchema, 201: InvoiceDetailSchema },
      },
    },
    (request, reply) =>
      sendUpserted(reply, service.putInvoiceByExternalId(app.deps, request.staff!, request.params.externalId, request.body)),
  );
  app.get('/invoices/:invoiceId', { schema: { tags, params: StaffInvoiceParamsSchema, response: one } }, (request) =>
    invoices.getInvoice(app.deps, request.staff!, request.params.invoiceId),
  );
  app.post(
    '/invoices/:invoiceId/credit-notes',
    { schema: { tags, params: StaffInvoiceParamsSchema, body: CreditNoteCreateSchema, response: { 201: InvoiceDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.createCreditNote(app.deps, request.staff!, request.params.invoiceId, request.body)),
  );
}
