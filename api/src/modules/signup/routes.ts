import {
  PasswordPoliciesSchema,
  SignupChannelBodySchema,
  SignupCodeSentSchema,
  SignupCompleteBodySchema,
  SignupParamsSchema,
  SignupPolicyBodySchema,
  SignupStartBodySchema,
  SignupStartedSchema,
  SignupVerifiedSchema,
  SignupVerifyBodySchema,
} from '@portico/shared/contracts/accounts';
import { PortalMeSchema } from '@portico/shared/contracts/auth';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deviceLabel } from '../auth/device';
import { getPortalMe } from '../auth/service';
import * as service from './service';

/** Seed 001: self sign-up by identity number, under /api/v1/auth/portal/signup. */
export async function signupRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['sign-up (portal)'];
  // Per client; the service also limits per identity number.
  const rateLimit = {
    max: app.config.authRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (r: { ip: string; url: string }) => `signup|${r.ip}`,
  };

  app.post(
    '/signup',
    {
      schema: { tags, body: SignupStartBodySchema, response: { 201: SignupStartedSchema } },
      // Every attempt counts, matched or not: this is what stops listing numbers from one client.
      config: {
        rateLimit: { max: app.config.signupClientLimit, timeWindow: '1 hour', keyGenerator: (r: { ip: string }) => `signup-start|${r.ip}` },
      },
    },
    async (request, reply) => reply.status(201).send(await service.startSignup(deps, request.body, request.ip)),
  );

  // POST, not GET: an identity number stays out of URLs and access logs.
  app.post(
    '/signup/policy',
    {
      schema: { tags, body: SignupPolicyBodySchema, response: { 200: PasswordPoliciesSchema } },
      config: {
        rateLimit: {
          max: app.config.signupClientLimit,
          timeWindow: '1 hour',
          keyGenerator: (r: { ip: string }) => `signup-policy|${r.ip}`,
        },
      },
    },
    (request) => service.signupPolicies(deps, request.body.identityNumber),
  );

  app.post(
    '/signup/:signupId/send-code',
    {
      schema: { tags, params: SignupParamsSchema, body: SignupChannelBodySchema, response: { 200: SignupCodeSentSchema } },
      config: { rateLimit },
    },
    (request) => service.sendCode(deps, request.params.signupId, request.body.channel),
  );

  app.post(
    '/signup/:signupId/verify',
    {
      schema: { tags, params: SignupParamsSchema, body: SignupVerifyBodySchema, response: { 200: SignupVerifiedSchema } },
      config: { rateLimit },
    },
    (request) => service.verify(deps, request.params.signupId, request.body),
  );

  app.post(
    '/signup/:signupId/complete',
    {
      schema: { tags, params: SignupParamsSchema, body: SignupCompleteBodySchema, response: { 200: PortalMeSchema } },
      config: { rateLimit },
    },
    async (request, reply) => {
      const session = await service.complete(deps, request.params.signupId, request.body, deviceLabel(request.headers['user-agent']));
      app.setSession(reply, 'portal', session);
      return getPortalMe(deps, session.userId);
    },
  );
}
