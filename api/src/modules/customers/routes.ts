import {
  ContactParamsSchema,
  CustomerDetailSchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerParamsSchema,
  InvitationSentSchema,
} from '@portico/shared/contracts/customers';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service';

export async function customerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
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
    '/customers/:customerId/contacts/:contactId/invite',
    { schema: { tags, params: ContactParamsSchema, response: { 201: InvitationSentSchema } } },
    async (request, reply) => {
      const sent = await service.inviteContact(app.deps, request.staff!, request.params.customerId, request.params.contactId);
      return reply.status(201).send(sent);
    },
  );
}
