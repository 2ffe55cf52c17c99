import { EidLinkConfirmBodySchema, EidPendingLinkSchema, EidStartQuerySchema } from '@portico/shared/contracts/accounts';
import { PortalMeSchema } from '@portico/shared/contracts/auth';
import { oneLine } from '@portico/shared/text';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deviceLabel } from '../auth/device';
import { getPortalMe } from '../auth/service';
import { createEidClient } from './client';
import * as service from './service';

const BINDING_COOKIE = 'portico_eid_binding';
const CallbackQuerySchema = z.object({ state: oneLine().min(1).max(500).optional() }).loose();
const RequestParamsSchema = z.object({ requestId: z.uuid() });

/** Strong e-ID through the broker (seed 002, STANDARDS §8), under /api/v1/auth/portal/eid. */
export async function eidRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { deps, config } = app;
  const eid = createEidClient(config.eid);
  const tags = ['e-ID (portal)'];
  const portal = (path: string) => `${config.tenantWebUrl}${path}`;
  const withError = (path: string, code: string) => `${path}${path.includes('?') ? '&' : '?'}eidError=${code}`;

  /** Signed in? Step-up and link need it; a login does not. */
  async function optionalUser(request: FastifyRequest) {
    try {
      await app.requirePortalUser(request);
      return true;
    } catch {
      return false;
    }
  }

  app.get('/eid/start', { schema: { tags, querystring: EidStartQuerySchema } }, async (request, reply) => {
    const { method, intent, returnTo } = request.query;
    const signedIn = await optionalUser(request);
    if (intent !== 'login' && !signedIn) return reply.redirect(portal(withError('/login', 'unauthenticated')));
    const started = await service.start(deps, eid, {
      method,
      intent,
      returnTo,
      portalUserId: intent === 'login' ? undefined : request.portalUserId,
      sessionFamilyId: intent === 'login' ? undefined : request.sessionFamilyId,
    });
    // Lax, not Strict: it must come back on the broker's cross-site redirect to the callback.
    reply.setCookie(BINDING_COOKIE, started.binding, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'lax',
      path: '/api/v1/auth/portal/eid',
      maxAge: 600,
    });
    return reply.redirect(started.url);
  });

  app.get('/eid/callback', { schema: { tags, querystring: CallbackQuerySchema } }, async (request, reply) => {
    const binding = request.cookies[BINDING_COOKIE];
    reply.clearCookie(BINDING_COOKIE, { path: '/api/v1/auth/portal/eid' });
    if (!request.query.state) return reply.redirect(portal(withError('/login', 'eid_failed')));
    const outcome = await service.callback(
      deps,
      eid,
      request.url,
      request.query.state,
      binding,
      deviceLabel(request.headers['user-agent']),
    );
    switch (outcome.kind) {
      case 'signed-in':
        app.setSession(reply, 'portal', outcome.session);
        return reply.redirect(portal(outcome.returnTo));
      case 'stepped-up':
        app.setAccessToken(reply, 'portal', { sub: outcome.userId, sid: outcome.familyId, strong: true });
        return reply.redirect(portal(outcome.returnTo));
      case 'confirm-link':
        return reply.redirect(portal(`/settings/eid-link?request=${outcome.requestId}`));
      case 'error':
        return reply.redirect(portal(withError(outcome.returnTo, outcome.code)));
    }
  });

  app.get(
    '/eid/pending-link/:requestId',
    { onRequest: app.requirePortalUser, schema: { tags, params: RequestParamsSchema, response: { 200: EidPendingLinkSchema } } },
    (request) => service.describePendingLink(deps, request.portalUserId!, request.params.requestId),
  );

  app.post(
    '/eid/link/confirm',
    { onRequest: app.requirePortalUser, schema: { tags, body: EidLinkConfirmBodySchema, response: { 200: PortalMeSchema } } },
    async (request, reply) => {
      const strong = await service.confirmLink(deps, request.portalUserId!, request.sessionFamilyId, request.body.requestId);
      if (strong) app.setAccessToken(reply, 'portal', { sub: request.portalUserId!, sid: request.sessionFamilyId!, strong: true });
      return getPortalMe(deps, request.portalUserId!, strong || request.strongAuth);
    },
  );
}
