import {
  InvitationAcceptedSchema,
  InvitationAcceptSchema,
  InvitationPreviewSchema,
  InvitationTokenParamsSchema,
  LoginBodySchema,
  OkSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  PortalMeSchema,
  StaffMeSchema,
  UpdateProfileBodySchema,
} from '@portico/shared/contracts/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { redisAccountLimits } from './account-limits';
import { deviceLabel } from './device';
import type { Audience } from './repo';
import * as service from './service';

export async function authRoutes(fastify: FastifyInstance, opts: { redis: Redis }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const limits = redisAccountLimits(opts.redis, app.config.redisPrefix);
  const limit = app.config.authRateLimit;
  // Keyed by route (its pattern, never the URL: a query string must not make a new bucket), client
  // and account, after the body is parsed, so one address cannot lock out others. The service adds
  // a per-account limit that no number of client addresses gets around.
  const rateLimit = {
    max: limit,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) =>
      `${request.routeOptions.url}|${request.ip}|${String((request.body as { email?: string } | undefined)?.email ?? '')}`,
  };

  const me = (audience: Audience, userId: string, strong = false) =>
    audience === 'staff' ? service.getStaffMe(deps, userId) : service.getPortalMe(deps, userId, strong);

  for (const audience of ['staff', 'portal'] as const) {
    const tags = [audience === 'staff' ? 'auth (console)' : 'auth (portal)'];
    const Me = audience === 'staff' ? StaffMeSchema : PortalMeSchema;
    const requireUser = audience === 'staff' ? app.requireStaff : app.requirePortalUser;
    const userId = (request: { staff?: { id: string }; portalUserId?: string }) =>
      audience === 'staff' ? request.staff!.id : request.portalUserId!;

    app.post(
      `/${audience}/login`,
      { schema: { tags, body: LoginBodySchema, response: { 200: Me } }, config: { rateLimit } },
      async (request, reply) => {
        const session = await service.login(deps, limits, audience, request.body, deviceLabel(request.headers['user-agent']));
        app.setSession(reply, audience, session);
        return me(audience, session.userId, session.strong);
      },
    );

    app.post(`/${audience}/refresh`, { schema: { tags, response: { 200: Me } } }, async (request, reply) => {
      try {
        const session = await service.refresh(deps, audience, app.refreshCookie(request, audience));
        app.setSession(reply, audience, session);
        return me(audience, session.userId, session.strong);
      } catch (err) {
        app.clearSession(reply, audience);
        throw err;
      }
    });

    app.post(`/${audience}/logout`, { schema: { tags, response: { 200: OkSchema } } }, async (request, reply) => {
      // The access cookie names the family too, so signing out works even without the refresh cookie.
      const access = app.accessClaims(request, audience);
      await service.logout(deps, audience, app.refreshCookie(request, audience), access && { userId: access.sub, familyId: access.sid });
      app.clearSession(reply, audience);
      return { ok: true as const };
    });

    app.get(`/${audience}/me`, { schema: { tags, response: { 200: Me } }, onRequest: requireUser }, async (request) =>
      me(audience, userId(request), request.strongAuth),
    );

    app.patch(
      `/${audience}/me`,
      { schema: { tags, body: UpdateProfileBodySchema, response: { 200: Me } }, onRequest: requireUser },
      async (request) => {
        await service.updateProfile(deps, audience, userId(request), request.body);
        return me(audience, userId(request), request.strongAuth);
      },
    );

    app.post(
      `/${audience}/password-reset`,
      { schema: { tags, body: PasswordResetRequestSchema, response: { 202: OkSchema } }, config: { rateLimit } },
      async (request, reply) => {
        await service.requestPasswordReset(deps, limits, audience, request.body.email, request.locale ?? app.config.defaultLocale);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      `/${audience}/password-reset/confirm`,
      { schema: { tags, body: PasswordResetConfirmSchema, response: { 200: OkSchema } }, config: { rateLimit } },
      async (request) => {
        await service.confirmPasswordReset(deps, audience, request.body.token, request.body.password);
        return { ok: true as const };
      },
    );
  }

  const tags = ['auth (portal)'];
  app.get(
    '/invitations/:token',
    { schema: { tags, params: InvitationTokenParamsSchema, response: { 200: InvitationPreviewSchema } } },
    async (request) => service.previewInvitation(deps, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: { tags, params: InvitationTokenParamsSchema, body: InvitationAcceptSchema, response: { 200: InvitationAcceptedSchema } },
      config: { rateLimit: { ...rateLimit, keyGenerator: (request: FastifyRequest) => `${request.routeOptions.url}|${request.ip}` } },
    },
    async (request, reply) => {
      const result = await service.acceptInvitation(deps, request.params.token, request.body, deviceLabel(request.headers['user-agent']));
      app.setSession(reply, 'portal', result.session);
      return { me: await service.getPortalMe(deps, result.session.userId), customerId: result.customerId, threadId: result.threadId };
    },
  );
}
