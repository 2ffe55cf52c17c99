import {
  ImportDetailSchema,
  ImportListQuerySchema,
  ImportMappingBodySchema,
  ImportPageSchema,
  ImportParamsSchema,
  ImportTemplateParamsSchema,
  ImportTemplateQuerySchema,
  ImportUploadQuerySchema,
  MAX_IMPORT_BYTES,
} from '@portico/shared/contracts/imports';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { badRequest, tooLarge } from '../../errors';
import { importQueue } from '../../jobs/import';
import { queueSettings } from '../../jobs/queue-config';
import * as service from './service';

const FileResponse = z.string().meta({ format: 'binary', description: 'The file' });
const UploadBody = z
  .object({ file: z.string().meta({ format: 'binary' }) })
  .meta({ description: 'multipart/form-data with one part `file`: CSV (UTF-8, `,` or `;`) or XLSX (first sheet)' });

const attachment = (reply: FastifyReply, file: { filename: string; contentType: string; body: Buffer | string }) =>
  reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.body);

/** Spreadsheet imports (issue 9, section 3): upload, map, dry run, commit, error report, templates. */
export async function importRoutes(fastify: FastifyInstance, opts: { redis: Redis }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  const tags = ['imports'];
  const locale = (request: FastifyRequest) => request.locale ?? 'en';
  // The queue (and BullMQ) is made on the first run that needs the worker, not at start-up.
  let queue: ReturnType<typeof importQueue> | undefined;
  const deps: service.ImportDeps = {
    ...app.deps,
    enqueue: async (job) => {
      queue ??= importQueue(opts.redis, app.config.redisPrefix, queueSettings(app.config));
      await (await queue).add(job);
    },
  };
  app.addHook('onClose', async () => {
    if (queue) await (await queue).close();
  });

  app.get('/imports', { schema: { tags, querystring: ImportListQuerySchema, response: { 200: ImportPageSchema } } }, (request) =>
    service.listImports(deps, request.staff!, request.query),
  );

  app.post(
    '/imports',
    {
      schema: { tags, consumes: ['multipart/form-data'], querystring: ImportUploadQuerySchema, response: { 201: ImportDetailSchema } },
      config: { openapiBody: UploadBody },
    },
    async (request, reply) => {
      // Roles first: a technician's upload is not read at all.
      service.assertCanImport(request.staff!);
      const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (part?.fieldname !== 'file') throw badRequest('upload_missing');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw tooLarge('upload_too_large', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
        }
        throw err;
      }
      const detail = await service.upload(
        deps,
        request.staff!,
        { kind: request.query.kind, filename: part.filename, data },
        locale(request),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/imports/templates/:kind',
    {
      schema: {
        tags,
        params: ImportTemplateParamsSchema,
        querystring: ImportTemplateQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      config: { openapiResponse: FileResponse },
    },
    async (request, reply) => attachment(reply, await service.template(deps, request.staff!, request.params.kind, request.query.format)),
  );

  app.get('/imports/:importId', { schema: { tags, params: ImportParamsSchema, response: { 200: ImportDetailSchema } } }, (request) =>
    service.getImport(deps, request.staff!, request.params.importId, locale(request)),
  );

  app.put(
    '/imports/:importId/mapping',
    { schema: { tags, params: ImportParamsSchema, body: ImportMappingBodySchema, response: { 200: ImportDetailSchema } } },
    (request) => service.saveMapping(deps, request.staff!, request.params.importId, request.body, locale(request)),
  );

  for (const [path, phase] of [
    ['dry-run', 'dry_run'],
    ['commit', 'commit'],
  ] as const) {
    app.post(
      `/imports/:importId/${path}`,
      {
        schema: {
          tags,
          description:
            phase === 'dry_run'
              ? 'Checks every row by applying it in a transaction that is rolled back. 202 when the worker runs it (large files): poll the import.'
              : 'Applies every row in one transaction (all or nothing). 409 import_has_errors while the last check found errors. 202 when the worker runs it.',
          params: ImportParamsSchema,
          response: { 200: ImportDetailSchema, 202: ImportDetailSchema },
        },
      },
      async (request, reply) => {
        const { queued, detail } = await service.startRun(deps, request.staff!, request.params.importId, phase, locale(request));
        return reply.status(queued ? 202 : 200).send(detail);
      },
    );
  }

  app.get(
    '/imports/:importId/errors.csv',
    { schema: { tags, params: ImportParamsSchema, produces: ['text/csv'] }, config: { openapiResponse: FileResponse } },
    async (request, reply) => {
      const report = await service.errorReport(deps, request.staff!, request.params.importId, locale(request));
      return attachment(reply, { ...report, contentType: 'text/csv; charset=utf-8' });
    },
  );
}
