import {
  LandlordSettingsPatchSchema,
  LandlordSettingsSchema,
  PortalBrandingSchema,
  PortalLandlordInfoSchema,
  SupportContactsSchema,
} from '@portico/shared/contracts/settings';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../errors';
import * as service from './service';

const ImageResponse = z.string().meta({ description: 'The logo image (PNG, JPEG or WebP)', format: 'binary' });
const UploadBody = z
  .object({ file: z.string().meta({ format: 'binary' }) })
  .meta({ description: 'multipart/form-data with one part `file`' });

function sendLogo(reply: FastifyReply, logo: { contentType: string; stream: NodeJS.ReadableStream }) {
  return reply
    .type(logo.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=300')
    .send(logo.stream);
}

export async function settingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  const tags = ['settings'];

  app.get('/settings', { schema: { tags, response: { 200: LandlordSettingsSchema } } }, (request) =>
    service.getSettings(app.deps, request.staff!),
  );
  app.patch('/settings', { schema: { tags, body: LandlordSettingsPatchSchema, response: { 200: LandlordSettingsSchema } } }, (request) =>
    service.updateSettings(app.deps, request.staff!, request.body),
  );
  app.post(
    '/settings/logo',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: LandlordSettingsSchema } },
      config: { openapiBody: UploadBody },
    },
    async (request: FastifyRequest) => {
      const part = await request.file({ limits: { fileSize: service.MAX_LOGO_BYTES + 1, files: 1 } });
      if (part?.fieldname !== 'file') throw badRequest('upload_missing');
      return service.setLogo(app.deps, request.staff!, await part.toBuffer());
    },
  );
  app.delete('/settings/logo', { schema: { tags, response: { 200: LandlordSettingsSchema } } }, (request) =>
    service.removeLogo(app.deps, request.staff!),
  );
  app.get(
    '/settings/logo',
    { schema: { tags, produces: ['image/*'] }, config: { openapiResponse: ImageResponse } },
    async (request, reply) => sendLogo(reply, await service.openLogo(app.deps, request.staff!.landlordId)),
  );
}

/** The signed-in tenant's landlord: branding, support contacts, useful links (tenant-web's Home and header). */
export async function portalLandlordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const tags = ['landlord (portal)'];
  app.get('/landlord', { schema: { tags, response: { 200: PortalLandlordInfoSchema } } }, (request) =>
    service.getPortalLandlordInfo(app.deps, request.tenant!),
  );
  app.get(
    '/landlord/logo',
    { schema: { tags, produces: ['image/*'] }, config: { openapiResponse: ImageResponse } },
    async (request, reply) => sendLogo(reply, await service.openLogo(app.deps, request.tenant!.landlordId)),
  );
}

/** Before sign-in: a landlord's support contacts for the portal's sign-in help page (decision 9T5). */
export async function publicSupportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/support/:landlordId',
    { schema: { tags: ['auth (portal)'], params: z.object({ landlordId: z.uuid() }), response: { 200: SupportContactsSchema } } },
    (request) => service.getPublicSupport(app.deps, request.params.landlordId),
  );
  // Issue 12 SHELL: the sign-in page's branding (`/login?landlord=<id>`).
  app.get(
    '/branding/:landlordId',
    { schema: { tags: ['auth (portal)'], params: z.object({ landlordId: z.uuid() }), response: { 200: PortalBrandingSchema } } },
    (request) => service.getPublicBranding(app.deps, request.params.landlordId),
  );
  app.get(
    '/branding/:landlordId/logo',
    {
      schema: { tags: ['auth (portal)'], params: z.object({ landlordId: z.uuid() }), produces: ['image/*'] },
      config: { openapiResponse: ImageResponse },
    },
    async (request, reply) => sendLogo(reply, await service.openPublicLogo(app.deps, request.params.landlordId)),
  );
}
