import {
  MessageSchema,
  PortalNewThreadBodySchema,
  ReplyBodySchema,
  StaffNewThreadBodySchema,
  ThreadDetailSchema,
  ThreadListQuerySchema,
  ThreadPageSchema,
  ThreadParamsSchema,
  UnreadCountSchema,
} from '@portico/shared/contracts/messaging';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../actors';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/**
 * Same routes for both audiences: staff under /api/v1, tenants under /api/v1/portal.
 * Only the actor (and so the scope) differs; the service applies it.
 */
function messagingRoutes(audience: 'staff' | 'tenant') {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', audience === 'staff' ? app.requireStaff : app.requireTenant);
    if (audience === 'staff') apiArea(app, 'messages');
    const actor = (request: FastifyRequest): Actor => (audience === 'staff' ? request.staff! : request.tenant!);
    const tags = [audience === 'staff' ? 'messages (console)' : 'messages (portal)'];
    const { deps } = app;

    app.get('/threads', { schema: { tags, querystring: ThreadListQuerySchema, response: { 200: ThreadPageSchema } } }, (request) =>
      service.listThreads(deps, actor(request), request.query),
    );

    app.get('/threads/unread-count', { schema: { tags, response: { 200: UnreadCountSchema } } }, (request) =>
      service.unreadCount(deps, actor(request)),
    );

    app.post(
      '/threads',
      {
        schema: {
          tags,
          body: audience === 'staff' ? StaffNewThreadBodySchema : PortalNewThreadBodySchema,
          response: { 201: ThreadDetailSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createThread(deps, actor(request), request.body)),
    );

    app.get('/threads/:threadId', { schema: { tags, params: ThreadParamsSchema, response: { 200: ThreadDetailSchema } } }, (request) =>
      service.getThread(deps, actor(request), request.params.threadId),
    );

    app.post(
      '/threads/:threadId/read',
      { schema: { tags, params: ThreadParamsSchema, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.markThreadRead(deps, actor(request), request.params.threadId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/threads/:threadId/messages',
      { schema: { tags, params: ThreadParamsSchema, body: ReplyBodySchema, response: { 201: MessageSchema } } },
      async (request, reply) => reply.status(201).send(await service.reply(deps, actor(request), request.params.threadId, request.body)),
    );
  };
}

export const staffMessagingRoutes = messagingRoutes('staff');
export const portalMessagingRoutes = messagingRoutes('tenant');
