import {
  OrgInvitationParamsSchema,
  OrgInviteBodySchema,
  OrgMemberListSchema,
  OrgMemberSchema,
  OrgRoleBodySchema,
  OrgUserParamsSchema,
  StaffOrgInviteBodySchema,
} from '@portico/shared/contracts/accounts';
import { OkSchema } from '@portico/shared/contracts/auth';
import {
  CustomerInvitationParamsSchema,
  CustomerParamsSchema,
  CustomerRoleBodySchema,
  CustomerUserParamsSchema,
} from '@portico/shared/contracts/customers';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/** Seed 002 "Organisation": the portal's own user administration, under /api/v1/portal. */
export async function portalOrganisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const tags = ['organisation (portal)'];
  const m = (request: { tenant?: import('../../actors').TenantActor }) => ({ kind: 'tenant' as const, actor: request.tenant! });
  const { deps } = app;

  app.get('/organisation/users', { schema: { tags, response: { 200: OrgMemberListSchema } } }, async (request) => ({
    items: await service.listMembers(deps, m(request)),
  }));
  app.post(
    '/organisation/invitations',
    { schema: { tags, body: OrgInviteBodySchema, response: { 201: OrgMemberSchema } } },
    async (request, reply) => reply.status(201).send(await service.invite(deps, m(request), request.body)),
  );
  app.post(
    '/organisation/invitations/:invitationId/resend',
    { schema: { tags, params: OrgInvitationParamsSchema, response: { 200: OrgMemberSchema } } },
    (request) => service.resendInvitation(deps, m(request), request.params.invitationId),
  );
  app.delete(
    '/organisation/invitations/:invitationId',
    { schema: { tags, params: OrgInvitationParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await service.cancelInvitation(deps, m(request), request.params.invitationId);
      return { ok: true as const };
    },
  );
  app.patch(
    '/organisation/users/:userId',
    { schema: { tags, params: OrgUserParamsSchema, body: OrgRoleBodySchema, response: { 200: OrgMemberSchema } } },
    (request) => service.changeRole(deps, m(request), request.params.userId, request.body.role),
  );
  app.delete(
    '/organisation/users/:userId',
    { schema: { tags, params: OrgUserParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await service.removeMember(deps, m(request), request.params.userId);
      return { ok: true as const };
    },
  );
}

/**
 * Staff see a customer's portal users, invite, resend or cancel invitations, change roles and remove
 * access (seed 002; issue 9 §2). Managers and admins act; finance reads.
 */
export async function staffOrganisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'customers');
  const tags = ['customers'];
  const { deps } = app;

  app.get(
    '/customers/:customerId/portal-users',
    { schema: { tags, params: CustomerParamsSchema, response: { 200: OrgMemberListSchema } } },
    async (request) => ({
      items: await service.listMembers(deps, { kind: 'staff', actor: request.staff!, customerId: request.params.customerId }),
    }),
  );
  app.post(
    '/customers/:customerId/portal-invitations',
    { schema: { tags, params: CustomerParamsSchema, body: StaffOrgInviteBodySchema, response: { 201: OrgMemberSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.invite(deps, { kind: 'staff', actor: request.staff!, customerId: request.params.customerId }, request.body)),
  );
  const as = (request: { staff?: import('../../actors').StaffActor; params: { customerId: string } }) => ({
    kind: 'staff' as const,
    actor: request.staff!,
    customerId: request.params.customerId,
  });
  app.post(
    '/customers/:customerId/portal-invitations/:invitationId/resend',
    { schema: { tags, params: CustomerInvitationParamsSchema, response: { 200: OrgMemberSchema } } },
    (request) => service.resendInvitation(deps, as(request), request.params.invitationId),
  );
  app.delete(
    '/customers/:customerId/portal-invitations/:invitationId',
    { schema: { tags, params: CustomerInvitationParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await service.cancelInvitation(deps, as(request), request.params.invitationId);
      return { ok: true as const };
    },
  );
  app.patch(
    '/customers/:customerId/portal-users/:userId',
    { schema: { tags, params: CustomerUserParamsSchema, body: CustomerRoleBodySchema, response: { 200: OrgMemberSchema } } },
    (request) => service.changeRole(deps, as(request), request.params.userId, request.body.role),
  );
  app.delete(
    '/customers/:customerId/portal-users/:userId',
    { schema: { tags, params: CustomerUserParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await service.removeMember(deps, as(request), request.params.userId);
      return { ok: true as const };
    },
  );
}
