import { OkSchema } from '@portico/shared/contracts/auth';
import { BulkRequestSchema, BulkResultSchema, bulkRequestOf, ExternalIdParamsSchema } from '@portico/shared/contracts/bulk';
import {
  ContactInputSchema,
  ContactParamsSchema,
  ContactSchema,
  ContactUpdateSchema,
  CustomerCreateSchema,
  CustomerDetailSchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerParamsSchema,
  CustomerPutSchema,
  CustomerUpdateSchema,
  CustomerUpsertSchema,
  InvitationSentSchema,
} from '@portico/shared/contracts/customers';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BULK_BODY_LIMIT, bulkContext, sendUpserted } from '../../bulk';
import { apiArea } from '../../plugins/api-area';
import * as byExternalId from './by-external-id';
import * as contacts from './contacts';
import * as portalAccess from './portal-access';
import * as service from './service';

export async function customerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'customers');
  const tags = ['customers'];

  app.get('/customers', { schema: { tags, querystring: CustomerListQuerySchema, response: { 200: CustomerPageSchema } } }, (request) =>
    service.listCustomers(app.deps, request.staff!, request.query),
  );

  app.get(
    '/customers/:customerId',
    { schema: { tags, params: CustomerParamsSchema, response: { 200: CustomerDetailSchema } } },
    (request) => service.getCustomer(app.deps, request.staff!, request.params.customerId),
  );

  app.post(
    '/customers',
    { schema: { tags, body: CustomerCreateSchema, response: { 201: CustomerDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.createCustomer(app.deps, request.staff!, request.body)),
  );

  app.patch(
    '/customers/:customerId',
    { schema: { tags, params: CustomerParamsSchema, body: CustomerUpdateSchema, response: { 200: CustomerDetailSchema } } },
    (request) => service.updateCustomer(app.deps, request.staff!, request.params.customerId, request.body),
  );

  app.post(
    '/customers/:customerId/archive',
    { schema: { tags, params: CustomerParamsSchema, response: { 200: CustomerDetailSchema } } },
    (request) => service.archiveCustomer(app.deps, request.staff!, request.params.customerId),
  );

  app.post(
    '/customers/:customerId/restore',
    { schema: { tags, params: CustomerParamsSchema, response: { 200: CustomerDetailSchema } } },
    (request) => service.restoreCustomer(app.deps, request.staff!, request.params.customerId),
  );

  app.delete('/customers/:customerId', { schema: { tags, params: CustomerParamsSchema, response: { 200: OkSchema } } }, async (request) => {
    await service.deleteCustomer(app.deps, request.staff!, request.params.customerId);
    return { ok: true as const };
  });

  app.post(
    '/customers/:customerId/contacts',
    { schema: { tags, params: CustomerParamsSchema, body: ContactInputSchema, response: { 201: ContactSchema } } },
    async (request, reply) =>
      reply.status(201).send(await contacts.addContact(app.deps, request.staff!, request.params.customerId, request.body)),
  );

  app.patch(
    '/customers/:customerId/contacts/:contactId',
    { schema: { tags, params: ContactParamsSchema, body: ContactUpdateSchema, response: { 200: ContactSchema } } },
    (request) => contacts.updateContact(app.deps, request.staff!, request.params.customerId, request.params.contactId, request.body),
  );

  app.delete(
    '/customers/:customerId/contacts/:contactId',
    { schema: { tags, params: ContactParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await contacts.removeContact(app.deps, request.staff!, request.params.customerId, request.params.contactId);
      return { ok: true as const };
    },
  );

  app.post(
    '/customers/:customerId/contacts/:contactId/invite',
    { schema: { tags, params: ContactParamsSchema, response: { 201: InvitationSentSchema } } },
    async (request, reply) => {
      const sent = await portalAccess.inviteContact(app.deps, request.staff!, request.params.customerId, request.params.contactId);
      return reply.status(201).send(sent);
    },
  );

  // Integrators (issue 10): upsert by external id, one at a time or up to 1,000 per call.
  app.put(
    '/customers/by-external-id/:externalId',
    {
      config: { apiArea: 'customers' },
      schema: {
        tags,
        params: ExternalIdParamsSchema,
        body: CustomerPutSchema,
        response: { 200: CustomerDetailSchema, 201: CustomerDetailSchema },
      },
    },
    (request, reply) =>
      sendUpserted(reply, byExternalId.putCustomerByExternalId(app.deps, request.staff!, request.params.externalId, request.body)),
  );

  app.post(
    '/customers/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      config: { apiArea: 'customers', openapiBody: bulkRequestOf(CustomerUpsertSchema) },
      schema: { tags, body: BulkRequestSchema, response: { 200: BulkResultSchema } },
    },
    (request) => byExternalId.bulkUpsertCustomers(app.deps, request.staff!, request.body.items, bulkContext(request)),
  );
}
