import {
  StaffInvitationAcceptedSchema,
  StaffInvitationAcceptSchema,
  StaffInvitationPreviewSchema,
  StaffInvitationTokenParamsSchema,
  StaffInviteSchema,
  StaffListQuerySchema,
  StaffPageSchema,
  StaffParamsSchema,
  StaffPatchSchema,
  StaffUserSchema,
} from '@portico/shared/contracts/staff';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deviceLabel } from '../auth/device';
import * as service from './service';

/** The console's staff users (admin only; the rules live in service.ts). */
export async function staffUserRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  const { deps } = app;
  const tags = ['staff users'];
  const params = StaffParamsSchema;
  const response = { 200: StaffUserSchema };

  app.get('/staff-users', { schema: { tags, querystring: StaffListQuerySchema, response: { 200: StaffPageSchema } } }, (request) =>
    service.listStaff(deps, request.staff!, request.query),
  );
  app.post('/staff-users', { schema: { tags, body: StaffInviteSchema, response: { 201: StaffUserSchema } } }, async (request, reply) =>
    reply.status(201).send(await service.inviteStaff(deps, request.staff!, request.body)),
  );
  app.get('/staff-users/:staffId', { schema: { tags, params, response } }, (request) =>
    service.getStaffUser(deps, request.staff!, request.params.staffId),
  );
  app.patch('/staff-users/:staffId', { schema: { tags, params, body: StaffPatchSchema, response } }, (request) =>
    service.updateStaff(deps, request.staff!, request.params.staffId, request.body),
  );
  app.post('/staff-users/:staffId/deactivate', { schema: { tags, params, response } }, (request) =>
    service.deactivateStaff(deps, request.staff!, request.params.staffId),
  );
  app.post('/staff-users/:staffId/reactivate', { schema: { tags, params, response } }, (request) =>
    service.reactivateStaff(deps, request.staff!, request.params.staffId),
  );
  app.post('/staff-users/:staffId/invitation/resend', { schema: { tags, params, response } }, (request) =>
    service.resendInvitation(deps, request.staff!, request.params.staffId),
  );
  app.post('/staff-users/:staffId/invitation/cancel', { schema: { tags, params, response } }, (request) =>
    service.cancelInvitation(deps, request.staff!, request.params.staffId),
  );
}

/** The invited colleague's side, before sign-in: preview the link, choose a password, be signed in. */
export async function staffInvitationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['auth (console)'];
  const params = StaffInvitationTokenParamsSchema;
  const limit = app.config.authRateLimit;

  app.get('/staff/invitations/:token', { schema: { tags, params, response: { 200: StaffInvitationPreviewSchema } } }, (request) =>
    service.previewStaffInvitation(deps, request.params.token),
  );
  app.post(
    '/staff/invitations/:token/accept',
    {
      schema: { tags, params, body: StaffInvitationAcceptSchema, response: { 200: StaffInvitationAcceptedSchema } },
      config: {
        rateLimit: {
          max: limit,
          timeWindow: '1 minute',
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) => `${request.routeOptions.url}|${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      const { session, me } = await service.acceptStaffInvitation(
        deps,
        request.params.token,
        request.body,
        deviceLabel(request.headers['user-agent']),
      );
      app.setSession(reply, 'staff', session);
      return me;
    },
  );
}
