import {
  NoticeCreateSchema,
  NoticeDeliveryPageSchema,
  NoticeDeliveryQuerySchema,
  NoticeDetailSchema,
  NoticeListQuerySchema,
  NoticePageSchema,
  NoticeParamsSchema,
  NoticePatchSchema,
  NoticeResolveSchema,
} from '@portico/shared/contracts/operational-info';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/** Operational notices for staff and integrators (issue 12 §1), area `content`. */
export async function operationalNoticeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'content');
  const tags = ['operational notices'];
  const params = NoticeParamsSchema;
  const one = { 200: NoticeDetailSchema };
  const { deps } = app;

  app.get('/operational-notices', { schema: { tags, querystring: NoticeListQuerySchema, response: { 200: NoticePageSchema } } }, (r) =>
    service.listNotices(deps, r.staff!, r.query),
  );
  app.post(
    '/operational-notices',
    { schema: { tags, body: NoticeCreateSchema, response: { 201: NoticeDetailSchema } } },
    async (r, reply) => reply.status(201).send(await service.createNotice(deps, r.staff!, r.body)),
  );
  app.get('/operational-notices/:noticeId', { schema: { tags, params, response: one } }, (r) =>
    service.getNotice(deps, r.staff!, r.params.noticeId),
  );
  app.patch('/operational-notices/:noticeId', { schema: { tags, params, body: NoticePatchSchema, response: one } }, (r) =>
    service.updateNotice(deps, r.staff!, r.params.noticeId, r.body),
  );
  app.post('/operational-notices/:noticeId/resolve', { schema: { tags, params, body: NoticeResolveSchema, response: one } }, (r) =>
    service.resolveNotice(deps, r.staff!, r.params.noticeId, r.body),
  );
  app.get(
    '/operational-notices/:noticeId/deliveries',
    { schema: { tags, params, querystring: NoticeDeliveryQuerySchema, response: { 200: NoticeDeliveryPageSchema } } },
    (r) => service.listDeliveries(deps, r.staff!, r.params.noticeId, r.query),
  );
}
