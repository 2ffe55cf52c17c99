import { DeliveryListQuerySchema, DeliveryPageSchema, DeliveryParamsSchema, DeliverySchema } from '@portico/shared/contracts/deliveries';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/** How each e-mail and SMS of a message or related case went, and staff's "send again". */
export async function deliveryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'messages');
  const tags = ['deliveries'];
  const { deps } = app;

  app.get('/deliveries', { schema: { tags, querystring: DeliveryListQuerySchema, response: { 200: DeliveryPageSchema } } }, (request) =>
    service.listForStaff(deps, request.staff!, request.query),
  );

  app.post(
    '/deliveries/:deliveryId/retry',
    { schema: { tags, params: DeliveryParamsSchema, response: { 200: DeliverySchema } } },
    (request) => service.retry(deps, request.staff!, request.params.deliveryId),
  );
}
