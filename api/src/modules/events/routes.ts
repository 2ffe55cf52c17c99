import { EventFeedPageSchema, EventFeedQuerySchema } from '@portico/shared/contracts/webhooks';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/** The changes feed (issue 10): the webhooks' events in order, for integrators that poll. */
export async function eventRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  apiArea(app, 'webhooks');
  app.addHook('onRequest', app.requireStaff);
  const tags = ['events'];
  const { deps } = app;

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'The changes feed',
        description:
          'Events in the order they happened, after `after` (the `nextCursor` of the previous call). The same ids and payloads as the webhooks; kept 30 days.',
        querystring: EventFeedQuerySchema,
        response: { 200: EventFeedPageSchema },
      },
    },
    (request) => service.feed(deps, request.staff!, request.query),
  );
}
