import {
  ChangePasswordBodySchema,
  DeviceSessionListSchema,
  EmailChangeBodySchema,
  EmailChangeConfirmBodySchema,
  EmailChangeStartedSchema,
  NotificationPreferencesSchema,
  SessionParamsSchema,
} from '@portico/shared/contracts/accounts';
import { OkSchema } from '@portico/shared/contracts/auth';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service';

/** Seed 004 "Indstillinger" and seed 002's devices, under /api/v1/auth/portal. */
export async function accountRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['account (portal)'];
  const signedIn = { onRequest: app.requirePortalUser };

  app.post('/password', { ...signedIn, schema: { tags, body: ChangePasswordBodySchema, response: { 200: OkSchema } } }, async (request) => {
    await service.changePassword(deps, request.portalUserId!, request.sessionFamilyId, request.body);
    return { ok: true as const };
  });

  app.post(
    '/email-change',
    { ...signedIn, schema: { tags, body: EmailChangeBodySchema, response: { 202: EmailChangeStartedSchema } } },
    async (request, reply) => reply.status(202).send(await service.startEmailChange(deps, request.portalUserId!, request.body)),
  );

  app.post(
    '/email-change/confirm',
    { schema: { tags, body: EmailChangeConfirmBodySchema, response: { 200: OkSchema } } },
    async (request) => {
      await service.confirmEmailChange(deps, request.body.token);
      return { ok: true as const };
    },
  );

  app.get('/preferences', { ...signedIn, schema: { tags, response: { 200: NotificationPreferencesSchema } } }, (request) =>
    service.getPreferences(deps, request.portalUserId!),
  );
  app.put(
    '/preferences',
    { ...signedIn, schema: { tags, body: NotificationPreferencesSchema, response: { 200: NotificationPreferencesSchema } } },
    (request) => service.setPreferences(deps, request.portalUserId!, request.body),
  );

  app.get('/sessions', { ...signedIn, schema: { tags, response: { 200: DeviceSessionListSchema } } }, async (request) => ({
    items: await service.listDevices(deps, request.portalUserId!, request.sessionFamilyId),
  }));
  app.delete(
    '/sessions/:sessionId',
    { ...signedIn, schema: { tags, params: SessionParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await service.signOutDevice(deps, request.portalUserId!, request.params.sessionId);
      return { ok: true as const };
    },
  );
}
