import {
  WebhookDeliveryDetailSchema,
  WebhookDeliveryListQuerySchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointListQuerySchema,
  WebhookEndpointPageSchema,
  WebhookEndpointParamsSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookRedeliverEventSchema,
} from '@portico/shared/contracts/webhooks';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/** Webhook endpoints, their delivery log, test events and redelivery (issue 10). */
export async function webhookRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  apiArea(app, 'webhooks');
  app.addHook('onRequest', app.requireStaff);
  const tags = ['webhooks'];
  const { deps } = app;
  const base = '/webhook-endpoints';
  const one = `${base}/:endpointId`;

  app.get(
    base,
    { schema: { tags, querystring: WebhookEndpointListQuerySchema, response: { 200: WebhookEndpointPageSchema } } },
    (request) => service.listEndpoints(deps, request.staff!, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        description: 'Creates an endpoint. The answer holds the signing secret; it is shown only here and on rotation.',
        body: WebhookEndpointCreateSchema,
        response: { 201: WebhookEndpointWithSecretSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createEndpoint(deps, request.staff!, request.body)),
  );

  app.get(one, { schema: { tags, params: WebhookEndpointParamsSchema, response: { 200: WebhookEndpointSchema } } }, (request) =>
    service.getEndpoint(deps, request.staff!, request.params.endpointId),
  );

  app.patch(
    one,
    { schema: { tags, params: WebhookEndpointParamsSchema, body: WebhookEndpointPatchSchema, response: { 200: WebhookEndpointSchema } } },
    (request) => service.updateEndpoint(deps, request.staff!, request.params.endpointId, request.body),
  );

  app.delete(one, { schema: { tags, params: WebhookEndpointParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deleteEndpoint(deps, request.staff!, request.params.endpointId);
    return reply.code(204).send(null);
  });

  app.post(
    `${one}/rotate-secret`,
    { schema: { tags, params: WebhookEndpointParamsSchema, response: { 200: WebhookEndpointWithSecretSchema } } },
    (request) => service.rotateSecret(deps, request.staff!, request.params.endpointId),
  );

  app.post(
    `${one}/test`,
    {
      schema: {
        tags,
        description: 'Sends a `webhook.test` event to the endpoint now.',
        params: WebhookEndpointParamsSchema,
        response: { 201: WebhookDeliverySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.sendTest(deps, request.staff!, request.params.endpointId)),
  );

  app.post(
    `${one}/redeliver`,
    {
      schema: {
        tags,
        description: 'Sends an event from the changes feed (by id) to this endpoint again, as a new delivery.',
        params: WebhookEndpointParamsSchema,
        body: WebhookRedeliverEventSchema,
        response: { 201: WebhookDeliverySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.redeliverEvent(deps, request.staff!, request.params.endpointId, request.body.eventId)),
  );

  app.get(
    `${one}/deliveries`,
    {
      schema: {
        tags,
        params: WebhookEndpointParamsSchema,
        querystring: WebhookDeliveryListQuerySchema,
        response: { 200: WebhookDeliveryPageSchema },
      },
    },
    (request) => service.listDeliveries(deps, request.staff!, request.params.endpointId, request.query),
  );

  app.get(
    `${one}/deliveries/:deliveryId`,
    { schema: { tags, params: WebhookDeliveryParamsSchema, response: { 200: WebhookDeliveryDetailSchema } } },
    (request) => service.getDelivery(deps, request.staff!, request.params.endpointId, request.params.deliveryId),
  );

  app.post(
    `${one}/deliveries/:deliveryId/redeliver`,
    { schema: { tags, params: WebhookDeliveryParamsSchema, response: { 201: WebhookDeliverySchema } } },
    async (request, reply) =>
      reply.code(201).send(await service.redeliver(deps, request.staff!, request.params.endpointId, request.params.deliveryId)),
  );
}
