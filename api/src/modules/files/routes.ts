import { AttachmentParamsSchema, AttachmentSchema, MAX_UPLOAD_BYTES } from '@portico/shared/contracts/messaging';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../actors';
import { badRequest } from '../../errors';
import * as service from './service';

const FILE_AREAS = ['messages', 'cases', 'properties'] as const;

const FileResponse = z.string().meta({ description: 'The file, with its sniffed content type', format: 'binary' });
const UploadBody = z
  .object({ file: z.string().meta({ format: 'binary' }) })
  .meta({ description: 'multipart/form-data with one part `file`' });

/** Uploads and downloads for both audiences; what a file may be attached to is the caller's module's business. */
function filesRoutes(audience: 'staff' | 'tenant') {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', audience === 'staff' ? app.requireStaff : app.requireTenant);
    // An upload is claimed by a message, a case or a property image, whose own write checks the key's
    // scope; a file is reachable with a read scope of any area that holds files (decision 10K5).
    if (audience === 'staff') {
      app.addHook('onRoute', (route) => {
        route.config = { apiAreas: FILE_AREAS, ...route.config };
      });
    }
    const actor = (request: FastifyRequest): Actor => (audience === 'staff' ? request.staff! : request.tenant!);
    const tags = [audience === 'staff' ? 'files (console)' : 'files (portal)'];
    const { deps } = app;

    app.post(
      '/uploads',
      {
        schema: { tags, consumes: ['multipart/form-data'], response: { 201: AttachmentSchema } },
        // Documented here, parsed by @fastify/multipart below (the zod validator would reject a stream).
        config: { openapiBody: UploadBody },
      },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
        // The documented part is `file`; a file under another name is as good as none.
        if (part?.fieldname !== 'file') throw badRequest('upload_missing');
        const data = await part.toBuffer();
        return reply.status(201).send(await service.upload(deps, actor(request), { filename: part.filename, data }));
      },
    );

    app.get(
      '/attachments/:attachmentId',
      {
        schema: { tags, params: AttachmentParamsSchema, produces: ['image/*', 'application/pdf'] },
        config: { openapiResponse: FileResponse },
      },
      async (request, reply) => {
        const { attachment, stream } = await service.openAttachment(deps, actor(request), request.params.attachmentId);
        const inline = attachment.contentType.startsWith('image/');
        return reply
          .type(attachment.contentType)
          .header('content-length', attachment.size)
          .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .send(stream);
      },
    );
  };
}

export const staffFilesRoutes = filesRoutes('staff');
export const portalFilesRoutes = filesRoutes('tenant');
